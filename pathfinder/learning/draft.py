"""A first draft of the learning report, drawn from the programme's records.
Plain Python, no Django: the view gathers the records, this turns them into
words the lead then rewords.

For each theme, in the shape of the pathfinders' learning report:
- challenges: barriers and gaps found; measures whose latest reading is a concern;
- enablers: strengths found; actions done; measures that are improving;
- recommendations: priorities and ideas found; actions still planned.
The group's recorded decisions go in the introduction, by date.

Lines that start with "- " are bullet points (see `blocks`). Nothing here
adds a person's name: findings and actions are written about the service, and
the publish step checks the wording for names all the same."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

PARTS = (
    ("challenges", "Challenges"),
    ("enablers", "What helped"),
    ("recommendations", "Recommendations"),
)
MAX_LINES = 40  # per part, so a draft stays readable; the rest is counted


@dataclass(frozen=True)
class FindingLine:
    theme: str
    kind: str  # programmes Finding.Kind value
    text: str


@dataclass(frozen=True)
class ActionLine:
    theme: str
    title: str
    done: bool
    due_on: date | None = None


@dataclass(frozen=True)
class MeasureLine:
    theme: str | None
    title: str
    reading: str  # spc Reading value
    sentence: str  # the reading in words


@dataclass(frozen=True)
class DecisionLine:
    held_on: date
    text: str


@dataclass
class Draft:
    introduction: str
    sections: dict[str, dict[str, str]] = field(default_factory=dict)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _bullets(lines: list[str]) -> str:
    shown = [f"- {line}" for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        shown.append(f"- And {len(lines) - MAX_LINES} more in Pathfinder.")
    return "\n".join(shown)


def build(
    *,
    programme_name: str,
    themes: Iterable[tuple[str, str]],
    findings: Iterable[FindingLine] = (),
    actions: Iterable[ActionLine] = (),
    measures: Iterable[MeasureLine] = (),
    decisions: Iterable[DecisionLine] = (),
) -> Draft:
    """`themes`: (value, label) in the order the report takes them."""
    parts: dict[str, dict[str, list[str]]] = {value: {key: [] for key, _ in PARTS} for value, _ in themes}
    for finding in findings:
        part = {"barrier": "challenges", "gap": "challenges", "strength": "enablers"}.get(
            finding.kind, "recommendations" if finding.kind in {"priority", "idea"} else None
        )
        if part and finding.theme in parts:
            parts[finding.theme][part].append(_one_line(finding.text))
    for action in actions:
        if action.theme not in parts:
            continue
        if action.done:
            parts[action.theme]["enablers"].append(f"Done: {_one_line(action.title)}.")
        else:
            due = f", due {action.due_on:%B %Y}" if action.due_on else ""
            parts[action.theme]["recommendations"].append(f"Planned: {_one_line(action.title)}{due}.")
    for measure in measures:
        if measure.theme not in parts:
            continue
        if measure.reading == "improving":
            parts[measure.theme]["enablers"].append(f"{measure.title}: {measure.sentence}")
        elif measure.reading == "concern":
            parts[measure.theme]["challenges"].append(f"{measure.title}: {measure.sentence}")
    sections = {theme: {key: _bullets(lines) for key, lines in by_part.items()} for theme, by_part in parts.items()}
    intro = [
        f"What {programme_name} has learned so far, theme by theme: what made the work hard, what helped, "
        "and what we recommend next. It is drawn from the findings, actions, measures and decisions recorded "
        "in Pathfinder, then reworded by the programme's lead."
    ]
    decided = [d for d in sorted(decisions, key=lambda d: d.held_on) if d.text.strip()]
    if decided:
        intro.append("Decisions the implementation group recorded:")
        intro.append(_bullets([f"{d.held_on:%-d %B %Y}: {_one_line(d.text)}" for d in decided]))
    return Draft(introduction="\n\n".join(intro), sections=sections)


def blocks(text: str) -> list[tuple[str, list[str]]]:
    """Text as ("paragraph", [text]) and ("bullets", [items]) blocks: lines
    starting with "- " are bullet points, blank lines separate paragraphs."""
    found: list[tuple[str, list[str]]] = []
    paragraph: list[str] = []

    def end_paragraph():
        if paragraph:
            found.append(("paragraph", [" ".join(paragraph)]))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            end_paragraph()
        elif line.startswith("- ") or line == "-":
            end_paragraph()
            item = line[2:].strip()
            if not item:
                continue
            if found and found[-1][0] == "bullets":
                found[-1][1].append(item)
            else:
                found.append(("bullets", [item]))
        else:
            paragraph.append(line)
    end_paragraph()
    return found
