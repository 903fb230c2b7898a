"""Hostile input for the fuzz tests: the values, files and raw bodies that
people (and scripts) send that a form was never meant to receive.

Each strategy is small on purpose: a fuzz run keeps only a few examples per
form (see FUZZ_SETTINGS), so the strategies lean towards the values that have
broken forms before (huge, empty, NUL, impossible dates, numbers past any
column's range, lists where one value is expected) and away from the merely
random."""

import io
import os
import zipfile
from dataclasses import dataclass, field
from urllib.parse import quote

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# `make test` keeps a few examples per form; `make fuzz` asks for many more.
EXAMPLES = int(os.environ.get("PATHFINDER_FUZZ_EXAMPLES", "3"))
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,  # never a timed test
    database=None,  # nothing written beside the code
    derandomize=os.environ.get("PATHFINDER_FUZZ_RANDOM") != "1",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

HUGE = "x" * 100_000
SCRIPT = "<script>alert(1)</script>"
TEXT = [
    "",
    " ",
    "\x00",
    "a\x00b",
    HUGE,
    "\r\n" * 50,
    SCRIPT,
    "' OR 1=1 --",
    "../../../etc/passwd",
    "{{ 7*7 }}",
    "=cmd|' /C calc'!A0",
    "\u202eevil",
    "😀" * 500,
    "Ailsa O'Neill-Smith",
]
NUMBERS = [
    "-1",
    "0",
    "1",
    "-0",
    "1.5",
    "1e309",
    "NaN",
    "-Infinity",
    "99999999999999999999999999",
    "-2147483649",
    "0x10",
    "٣",
]
DATES = [
    "2026-02-30",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "1900-01-01",
    "2026-13-01",
    "31/12/2026",
    "yesterday",
]
RAW_BYTES = [b"\xff", b"\xfe\xff", b"\xc3(", b"\xed\xa0\x80", b"%ff%fe", b"\x00", b"a\x80b"]


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, radio, checkbox, file, hidden, number, date, ...
    options: list[str] = field(default_factory=list)
    default: str = ""


@dataclass
class Form:
    action: str
    fields: list[Field]

    @property
    def has_files(self) -> bool:
        return any(f.kind == "file" for f in self.fields)


def forms_in(tree, page_url: str) -> list[Form]:
    """The POST forms on a parsed page (lxml), each field with its options."""
    found = []
    for element in tree.iter("form"):
        if (element.get("method") or "get").lower() != "post":
            continue
        action = element.get("action") or page_url
        if not action.startswith("/"):
            action = page_url
        fields: dict[str, Field] = {}
        for control in element.iter("input", "textarea", "select"):
            name = control.get("name")
            kind = control.get("type", "text") if control.tag == "input" else control.tag
            if not name or kind in {"submit", "button", "image", "reset"} or name == "csrfmiddlewaretoken":
                continue
            current = fields.setdefault(name, Field(name, kind))
            if control.tag == "select":
                current.options += [option.get("value", option.text or "") for option in control.iter("option")]
            elif kind in {"radio", "checkbox"}:
                current.options.append(control.get("value", "on"))
            elif control.tag == "textarea":
                current.default = control.text or ""
            else:
                current.default = control.get("value", "")
        found.append(Form(action, list(fields.values())))
    return found


def _value_for(f: Field) -> st.SearchStrategy:
    sensible = [f.default, *f.options] if (f.default or f.options) else ["ok"]
    scalar = st.one_of(
        st.sampled_from(sensible),
        st.sampled_from(TEXT),
        st.sampled_from(NUMBERS),
        st.sampled_from(DATES),
        st.text(max_size=30),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
    )
    return st.one_of(
        scalar,
        scalar,
        scalar,
        st.lists(scalar, min_size=2, max_size=3),  # a list where one value is expected
        st.none(),  # the field left out altogether
    )


def _zip_bytes(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<w:document>" + "x" * 200 + "</w:document>")
    return buffer.getvalue()


def _xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


CELLS = st.one_of(st.sampled_from(TEXT[:4] + TEXT[5:] + NUMBERS + DATES), st.integers(-(10**20), 10**20), st.none())


@st.composite
def upload_content(draw) -> tuple[str, bytes]:
    """(file name, bytes) for an upload: random bytes, a truncated zip (what a
    broken .docx or .xlsx is), a real spreadsheet or CSV full of hostile cells,
    an empty file, or one just past the 10 MB limit."""
    name = draw(
        st.sampled_from(
            [
                "staff.csv",
                "scores.xlsx",
                "policy.docx",
                "form.pdf",
                "notes.txt",
                "../../x.csv",
                "a" * 300 + ".csv",
                "x\x00.pdf",
                ".xlsx",
            ]
        )
    )
    kind = draw(st.sampled_from(["random", "truncated_zip", "xlsx", "csv", "empty", "huge", "zip_bomb_like"]))
    if kind == "random":
        content = draw(st.binary(max_size=2000))
    elif kind == "truncated_zip":
        whole = _xlsx_bytes([["a", "b"], [1, 2]]) if draw(st.booleans()) else _zip_bytes(["word/document.xml"])
        content = whole[: draw(st.integers(min_value=1, max_value=len(whole) - 1))]
    elif kind == "xlsx":
        rows = draw(st.lists(st.lists(CELLS, min_size=1, max_size=6), max_size=6))
        content = _xlsx_bytes(rows)
    elif kind == "csv":
        rows = draw(
            st.lists(
                st.lists(st.sampled_from(TEXT[:4] + NUMBERS + DATES + ["name", "email", "role"]), max_size=6),
                max_size=8,
            )
        )
        content = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows).encode("utf-8", "surrogatepass")
        if draw(st.booleans()):
            content = b"\xff\xfe" + content  # not UTF-8 at all
    elif kind == "empty":
        content = b""
    elif kind == "huge":
        content = b"x" * (10 * 1024 * 1024 + 1)
    else:
        content = _zip_bytes([f"word/{i}.xml" for i in range(200)])
    return name, content


def raw_urlencoded(fields: list[str], draw) -> bytes:
    """A form body whose values are not valid UTF-8 (or not even well-formed)."""
    parts = []
    for name in fields or ["x"]:
        value = draw(st.sampled_from(RAW_BYTES)) + draw(st.binary(max_size=8))
        parts.append(quote(name).encode() + b"=" + value)
    if draw(st.booleans()):
        parts.append(b"\xff\xfe=%%%")
    return b"&".join(parts)
