"""NES practice levels, the roles that need them, and the training catalogue.

The NES Transforming Psychological Trauma Knowledge and Skills Framework has four
cumulative practice levels: trauma-informed (everyone), trauma-skilled, trauma-enhanced
and trauma-specialist. Each level builds on the ones before it, so a worker who needs
the enhanced level also needs what the informed and skilled levels cover.
Source: NES framework via transformingpsychologicaltrauma.scot (see
/work/shared/reference/FACTS.md). Descriptions here are Pathfinder's own words.

Plain Python (no Django), so surveys, plans and reports can all use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cache, total_ordering
from pathlib import Path

import yaml

CATALOGUE_PATH = Path(__file__).parent / "catalogue.yaml"


@total_ordering
class PracticeLevel(Enum):
    """Ordered: informed < skilled < enhanced < specialist."""

    INFORMED = "informed"
    SKILLED = "skilled"
    ENHANCED = "enhanced"
    SPECIALIST = "specialist"

    @property
    def rank(self) -> int:
        return _RANK[self._value_]

    @property
    def label(self) -> str:
        return f"Trauma-{self.value}"

    @property
    def description(self) -> str:
        return LEVEL_DESCRIPTIONS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PracticeLevel):
            return NotImplemented
        return self.rank < other.rank

    def covers(self, required: PracticeLevel) -> bool:
        """Levels are cumulative: working at this level includes everything below it.
        (Asked for every person on the training pages: by rank, without the ordering's detour.)"""
        return _RANK[self._value_] >= _RANK[required._value_]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(level.value, level.label) for level in cls]


_ORDER = list(PracticeLevel)
# value -> position in the order: looked up for every person on the training pages.
_RANK = {level.value: index for index, level in enumerate(_ORDER)}

LEVEL_DESCRIPTIONS = {
    PracticeLevel.INFORMED: (
        "The baseline for everyone in the workforce: knowing that trauma is common, "
        "noticing how it can affect people, and responding in ways that do not add to it."
    ),
    PracticeLevel.SKILLED: (
        "For workers who are likely to meet people affected by trauma: recognising its effects "
        "and adapting how they work so that people feel safer and more in control."
    ),
    PracticeLevel.ENHANCED: (
        "For workers with more direct and intense contact with people affected by trauma: "
        "helping people manage its effects and supporting their recovery alongside other services."
    ),
    PracticeLevel.SPECIALIST: (
        "For the few workers who provide specialist trauma-focused therapies and interventions, "
        "with expert supervision."
    ),
}

# The level each job role in the training needs analysis (item `about.role` in
# definitions/tna.yaml) needs by default. A service can set its own; these are a
# starting point, not a judgement about any one person.
DEFAULT_ROLE_LEVELS: dict[str, PracticeLevel] = {
    "manager": PracticeLevel.SKILLED,
    "team_leader": PracticeLevel.SKILLED,
    "clinician": PracticeLevel.ENHANCED,
    "practitioner": PracticeLevel.SKILLED,
    "peer_worker": PracticeLevel.SKILLED,
    "admin": PracticeLevel.INFORMED,
    "other": PracticeLevel.INFORMED,
}


def default_level_for(role: str) -> PracticeLevel:
    """The default level for a role; everyone needs at least the informed level."""
    return DEFAULT_ROLE_LEVELS.get(role, PracticeLevel.INFORMED)


# The same roles as the TNA's `about.role` options, in its order, with its labels,
# and a plural for sentences such as "14 practitioners and key workers answered".
JOB_ROLES: dict[str, str] = {
    "manager": "Senior or middle manager",
    "team_leader": "Team leader or frontline manager",
    "clinician": "Nurse or other clinician",
    "practitioner": "Practitioner or key worker",
    "peer_worker": "Peer worker or lived-experience worker",
    "admin": "Admin, reception or support staff",
    "other": "Something else",
}
JOB_ROLE_PLURALS: dict[str, str] = {
    "manager": "managers",
    "team_leader": "team leaders",
    "clinician": "nurses and other clinicians",
    "practitioner": "practitioners and key workers",
    "peer_worker": "peer and lived-experience workers",
    "admin": "admin, reception and support staff",
    "other": "people in other roles",
}


def job_role_label(role: str) -> str:
    return JOB_ROLES.get(role, role)


# --- The training catalogue ---------------------------------------------------------


class LearningFormat(Enum):
    E_LEARNING = "e-learning"
    FACE_TO_FACE = "face-to-face"
    TEAM_SESSION = "team-session"
    COACHING = "coaching"
    READING = "reading"

    @property
    def label(self) -> str:
        return _FORMAT_LABELS[self]


_FORMAT_LABELS = {
    LearningFormat.E_LEARNING: "E-learning",
    LearningFormat.FACE_TO_FACE: "Face to face",
    LearningFormat.TEAM_SESSION: "Team session",
    LearningFormat.COACHING: "Coaching",
    LearningFormat.READING: "Reading and resources",
}


@dataclass(frozen=True)
class CatalogueEntry:
    key: str
    title: str
    provider: str
    level: PracticeLevel
    format: LearningFormat
    duration_minutes: int
    description: str
    url: str = ""
    # Part of induction for every new starter whose role needs this level.
    induction: bool = False
    # Follow-up that helps people put training into practice (team sessions, coaching).
    scaffolding: bool = False
    # The job roles (keys of JOB_ROLES) it is meant for; empty means everyone who
    # needs its level. Leaders' training, for example, is for managers only.
    roles: tuple[str, ...] = ()

    def is_for(self, role: str) -> bool:
        return not self.roles or role in self.roles


class CatalogueError(ValueError):
    def __init__(self, problems: list[str], source: str = ""):
        self.problems = problems
        where = f"{source}: " if source else ""
        super().__init__(where + "; ".join(problems))


KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
REQUIRED_FIELDS = ("key", "title", "provider", "level", "format", "duration_minutes", "description")
FLAG_FIELDS = ("induction", "scaffolding")
ENTRY_FIELDS = {*REQUIRED_FIELDS, "url", "roles", *FLAG_FIELDS}


def parse_catalogue(text: str, source: str = "") -> tuple[CatalogueEntry, ...]:
    """Validate catalogue YAML; raises CatalogueError listing every problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise CatalogueError([f"this is not valid YAML ({error})"], source) from None
    if not isinstance(data, dict) or set(data) != {"entries"}:
        raise CatalogueError(["the file should have one field, 'entries', holding a list"], source)
    raw_entries = data["entries"]
    if not isinstance(raw_entries, list) or not raw_entries:
        raise CatalogueError(["'entries' should be a list with at least one entry"], source)

    problems: list[str] = []
    entries: list[CatalogueEntry] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries):
        entry, entry_problems = _entry(raw, index, seen)
        problems.extend(entry_problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        raise CatalogueError(problems, source)
    return tuple(entries)


def _entry(raw, index: int, seen: set[str]) -> tuple[CatalogueEntry | None, list[str]]:
    if not isinstance(raw, dict):
        return None, [f"entries[{index}]: should be a set of named fields"]
    key = raw.get("key")
    where = f'entries[{index}] ("{key}")' if isinstance(key, str) else f"entries[{index}]"
    problems: list[str] = []

    def problem(field: str, message: str) -> None:
        problems.append(f"{where}.{field}: {message}")

    for name in sorted(set(raw) - ENTRY_FIELDS):
        problem(name, f"is not a field we know (expected one of: {', '.join(sorted(ENTRY_FIELDS))})")
    for name in REQUIRED_FIELDS:
        if name not in raw or raw[name] is None:
            problem(name, "is missing")
    for name in ("key", "title", "provider", "description", "url"):
        if name in raw and raw[name] is not None and (not isinstance(raw[name], str) or not raw[name].strip()):
            problem(name, "should be some text")
    if isinstance(key, str):
        if not KEY_PATTERN.match(key):
            problem("key", "use lower-case letters, digits and hyphens only")
        if key in seen:
            problem("key", f'"{key}" is used twice')
        seen.add(key)

    level = _member(PracticeLevel, raw.get("level"))
    if "level" in raw and level is None:
        problem("level", f"should be one of: {', '.join(item.value for item in PracticeLevel)}")
    learning_format = _member(LearningFormat, raw.get("format"))
    if "format" in raw and learning_format is None:
        problem("format", f"should be one of: {', '.join(item.value for item in LearningFormat)}")
    duration = raw.get("duration_minutes")
    if "duration_minutes" in raw and (isinstance(duration, bool) or not isinstance(duration, int) or duration < 1):
        problem("duration_minutes", "should be a whole number of minutes, 1 or more")
    url = raw.get("url") or ""
    if isinstance(url, str) and url and not url.startswith("https://"):
        problem("url", "should start with https://")
    for name in FLAG_FIELDS:
        if name in raw and not isinstance(raw[name], bool):
            problem(name, "should be true or false")
    roles = raw.get("roles") or []
    if not isinstance(roles, list) or not all(isinstance(role, str) and role in JOB_ROLES for role in roles):
        problem("roles", f"should be a list of job roles from: {', '.join(JOB_ROLES)}")

    if problems:
        return None, problems
    return (
        CatalogueEntry(
            key=key,
            title=raw["title"].strip(),
            provider=raw["provider"].strip(),
            level=level,
            format=learning_format,
            duration_minutes=duration,
            description=" ".join(raw["description"].split()),
            url=url.strip(),
            induction=raw.get("induction", False),
            scaffolding=raw.get("scaffolding", False),
            roles=tuple(roles),
        ),
        [],
    )


def _member(enum_class, value):
    try:
        return enum_class(value)
    except (ValueError, TypeError):
        return None


def load_catalogue(path: Path | str = CATALOGUE_PATH) -> tuple[CatalogueEntry, ...]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError([f"cannot read the file ({error})"], str(path)) from None
    return parse_catalogue(text, source=path.name)


@cache
def catalogue() -> tuple[CatalogueEntry, ...]:
    """The built-in catalogue, read once."""
    return load_catalogue()


def entries_for(level: PracticeLevel, entries: tuple[CatalogueEntry, ...] | None = None) -> list[CatalogueEntry]:
    """Everything a worker at `level` should be offered: levels are cumulative."""
    return [entry for entry in (catalogue() if entries is None else entries) if level.covers(entry.level)]


def induction_for(level: PracticeLevel, entries: tuple[CatalogueEntry, ...] | None = None) -> list[CatalogueEntry]:
    """What a new starter who needs `level` does at induction."""
    return [entry for entry in entries_for(level, entries) if entry.induction]
