"""docs/security/asvs.yaml -> docs/security/asvs.md (the readable table).

Run `python -m tests.security.render_asvs` after editing the YAML;
tests/security/test_asvs_map.py fails while the two disagree."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
YAML = ROOT / "docs" / "security" / "asvs.yaml"
MARKDOWN = ROOT / "docs" / "security" / "asvs.md"

CHAPTERS = {
    "1": "Encoding and Sanitization",
    "2": "Validation and Business Logic",
    "3": "Web Frontend Security",
    "4": "API and Web Service",
    "5": "File Handling",
    "6": "Authentication",
    "7": "Session Management",
    "8": "Authorization",
    "9": "Self-contained Tokens",
    "10": "OAuth and OIDC",
    "11": "Cryptography",
    "12": "Secure Communication",
    "13": "Configuration",
    "14": "Data Protection",
    "15": "Secure Coding and Architecture",
    "16": "Security Logging and Error Handling",
    "17": "WebRTC",
}


def load() -> dict:
    return yaml.safe_load(YAML.read_text())


def status(item: dict) -> str:
    if "na" in item:
        return "not applicable"
    if item.get("gap"):
        return "in part" if item.get("tests") else "gap"
    return "tested"


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def render(data: dict | None = None) -> str:
    data = data or load()
    items = data["requirements"]
    counts = {}
    for item in items:
        counts[status(item)] = counts.get(status(item), 0) + 1
    lines = [
        "# OWASP ASVS 5.0 level 2: how Pathfinder meets each requirement",
        "",
        "Generated from [asvs.yaml](asvs.yaml) by `python -m tests.security.render_asvs`; edit the YAML, not this page.",
        "`tests/security/test_asvs_map.py` fails when a test named here no longer exists, when a level 1 or 2",
        "requirement is missing, or when this page is out of date. The wording in the tables is ours, short;",
        "the standard itself has the full requirement.",
        "",
        f"{len(items)} requirements at levels 1 and 2: "
        + ", ".join(f"{counts.get(name, 0)} {name}" for name in ["tested", "in part", "gap", "not applicable"])
        + ".",
        "",
        "Requirements marked **probe** were found weak by the first security probe (issue 10, items 17-21)",
        "and are now tested. The fuzz tests (`tests/fuzz`, `make fuzz`) and the schemathesis run over the API",
        "(`pathfinder/api/tests/test_api_schemathesis.py`) back many input-handling rows.",
        "",
        "## How input is validated, limited and uploaded (for 2.1.x, 5.1.1, 6.1.x, 7.1.x, 8.1.1, 11.1.2, 15.1.3)",
        "",
        "- **Forms**: every field is a Django form field with a type, a length limit and, for choices, an allow-list;",
        "  dates go through one shared date rule (`pathfinder/core/dates.py`: nothing before 2000, nothing far ahead,",
        "  nothing in the future for what has happened, an end never before its start). A refused form is shown",
        "  again with an error summary and nothing stored; a stale version is refused (`core.concurrency`).",
        "- **Limits**: API tokens per person; survey answers one per code (a unique mark); language-audit uploads",
        "  by count and size; API calls and sign-in attempts throttled per client and per account together.",
        "- **Uploads**: documents (.docx, .odt, .txt, .pdf) up to 10 MB, zip contents up to 200 MB unpacked, PDFs up",
        "  to 500 pages, read in memory and never stored (`pathfinder/core/text_extract.py`); staff lists as CSV",
        "  up to 1 MB, all or nothing; outcome measures as validated files. Nothing uploaded is ever served back.",
        "- **Sign-in**: e-mail and password (at least 12 characters, not common, not like the e-mail address), then",
        "  an authenticator app (required in production) or a recovery code. API tokens read only. Five failures",
        "  for one account from one client slow that client; a stranger's failures never lock the owner out.",
        "- **Sessions**: 30 minutes idle, 12 hours at most (NIST SP 800-63B AAL2 allows 30 minutes and 12 hours);",
        "  a warning before the end; any number of sessions per account, the sign-ins listed on the person's own page,",
        "  all ended by a password change or by disabling the account.",
        "- **Who may do what**: the Role -> Permission table in `pathfinder/core/roles.py`; every URL and who may",
        "  use it in `tests/test_route_matrix.py`; every query scoped to the person's memberships.",
        "- **Keys**: `SECRET_KEY` (sessions, CSRF), `FIELD_ENCRYPTION_KEYS` (MultiFernet for sensitive fields;",
        "  AES-GCM and HMAC keys derived from it for survey answers and spent-code marks), all from the environment",
        "  and rotatable (`manage.py rotatekeys`, docs/deploying.md).",
        "- **Slow work**: language audits are counted by the background worker; password-reset mail is sent after",
        "  the response; PDF and Word downloads are limited in size.",
        "",
    ]
    chapter = None
    for item in items:
        number = item["id"].split(".")[0]
        if number != chapter:
            chapter = number
            lines += [
                "",
                f"## V{number} {CHAPTERS[number]}",
                "",
                "| # | L | What it asks (our words) | Status | How it is shown |",
                "|---|---|---|---|---|",
            ]
        if "na" in item:
            how = _cell(item["na"])
        else:
            parts = [f"`{test}`" for test in item.get("tests", [])]
            if item.get("gap"):
                parts.append("**Gap:** " + _cell(item["gap"]))
            how = "<br>".join(parts)
        if item.get("docs"):
            how += f"<br>Documented in {item['docs']}"
        says = _cell(item["says"]) + (" **probe**" if item.get("probe") else "")
        lines.append(f"| {item['id']} | {item['level']} | {says} | {status(item)} | {how} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    MARKDOWN.write_text(render())
    print(f"wrote {MARKDOWN.relative_to(ROOT)}")
