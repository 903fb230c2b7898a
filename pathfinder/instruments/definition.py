"""Instrument definitions: parse and validate the YAML format in FORMAT.md.

Pure Python (no Django), so the loader, the scoring and the tests can use it
anywhere. `parse` returns a `Definition` or raises `DefinitionError` listing
every problem with its line and field, e.g.
    line 42, sections[2].items[3].code: "culture.mission" is used twice
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

ITEM_TYPES = ("scale", "choice", "multi", "text", "number")
PURPOSES = ("organisational_assessment", "survey", "interview_guide", "outcome_measure", "screening")
# Measures a service records per person over time (pathfinder/measures): they
# are scored, so they need at least one scale item.
MEASURE_PURPOSES = ("outcome_measure", "screening")
ASPECTS = ("strategic", "operational")
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

TOP_FIELDS = {"key", "version", "name", "purpose", "description", "licence", "source", "scales", "scoring", "sections"}
REQUIRED_TOP = {"key", "version", "name", "purpose", "sections"}
SCALE_FIELDS = {"points", "dont_know"}
POINT_FIELDS = {"value", "label", "meaning"}
SCORING_FIELDS = {"method", "min_answered", "strength_at", "gap_at", "subscales"}
SECTION_FIELDS = {"key", "theme", "title", "description", "items", "asks_for_names"}
ITEM_FIELDS = {
    "code",
    "type",
    "scale",
    "text",
    "help",
    "aspect",
    "optional",
    "required",
    "reverse",
    "evidence",
    "options",
    "max_length",
}
OPTION_FIELDS = {"value", "label"}


class DefinitionError(ValueError):
    def __init__(self, problems: list[str], source: str = ""):
        self.problems = problems
        where = f"{source}: " if source else ""
        super().__init__(where + "; ".join(problems))


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str
    meaning: str = ""


@dataclass(frozen=True)
class Scale:
    name: str
    points: tuple[ScalePoint, ...]
    dont_know: str = ""

    @property
    def minimum(self) -> int:
        return self.points[0].value

    @property
    def maximum(self) -> int:
        return self.points[-1].value

    def label_for(self, value: int | None) -> str:
        if value is None:
            return self.dont_know or "No answer"
        return next((point.label for point in self.points if point.value == value), str(value))


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Item:
    code: str
    type: str
    text: str
    section: str
    scale: str = ""
    help: str = ""
    aspect: str = ""
    optional: bool = False
    required: bool = False
    reverse: bool = False
    evidence: bool = False
    options: tuple[Option, ...] = ()
    max_length: int = 2000


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    items: tuple[Item, ...]
    theme: str = ""
    description: str = ""
    # Interview guides: this area asks for names (such as who to contact), so
    # notes typed against it are not checked for them.
    asks_for_names: bool = False


@dataclass(frozen=True)
class Scoring:
    method: str = "mean"
    min_answered: float = 0.5
    strength_at: float | None = None
    gap_at: float | None = None
    subscales: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Definition:
    key: str
    version: int
    name: str
    purpose: str
    sections: tuple[Section, ...]
    scales: dict[str, Scale]
    scoring: Scoring
    description: str = ""
    licence: str = ""
    source: str = ""
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def item(self, code: str) -> Item:
        return self._by_code()[code]

    def _by_code(self) -> dict[str, Item]:
        return {item.code: item for item in self.items}

    def scale_for(self, item: Item) -> Scale:
        return self.scales[item.scale]


# --- Reading YAML with line numbers ---------------------------------------------------


def _load_with_lines(text: str) -> tuple[Any, dict[tuple, int]]:
    """Like yaml.safe_load, but also returns {path: line} for every node."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}

    def build(node, path: tuple):
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = loader.construct_object(key_node, deep=True)
                result[key] = build(value_node, (*path, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(child, (*path, index)) for index, child in enumerate(node.value)]
        return loader.construct_object(node, deep=True)

    return (build(root, ()) if root is not None else None), lines


def _label(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top)"


class _Checker:
    def __init__(self, lines: dict[tuple, int]):
        self.lines = lines
        self.problems: list[str] = []

    def problem(self, path: tuple, message: str) -> None:
        probe = path
        while probe and probe not in self.lines:
            probe = probe[:-1]
        self.problems.append(f"line {self.lines.get(probe, 1)}, {_label(path)}: {message}")

    def mapping(self, value, path: tuple, allowed: set[str], required: set[str] = frozenset()) -> dict:
        if not isinstance(value, dict):
            self.problem(path, "should be a set of named fields")
            return {}
        for name in value:
            if name not in allowed:
                self.problem((*path, name), f"is not a field we know (expected one of: {', '.join(sorted(allowed))})")
        for name in sorted(required - value.keys()):
            self.problem(path, f"needs a '{name}' field")
        return value

    def text(self, value, path: tuple, required: bool = True) -> str:
        if value is None:
            if required:
                self.problem(path, "must not be empty")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(path, "should be some text")
            return str(value)
        return value.strip()

    def whole(self, value, path: tuple) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path, "should be a whole number")
            return 0
        return value

    def number(self, value, path: tuple) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, "should be a number")
            return 0.0
        return float(value)

    def flag(self, value, path: tuple) -> bool:
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(path, "should be true or false")
            return False
        return value

    def listing(self, value, path: tuple) -> list:
        if not isinstance(value, list) or not value:
            self.problem(path, "should be a list with at least one entry")
            return []
        return value


def parse(text: str, *, source: str = "", themes: tuple[str, ...] = ()) -> Definition:
    """Parse and validate YAML text. `themes` lists the allowed theme keys."""
    try:
        data, lines = _load_with_lines(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        raise DefinitionError([f"{line}this is not valid YAML ({getattr(error, 'problem', error)})"], source) from None
    return _build(data, lines, source, themes)


def from_data(data: dict, *, themes: tuple[str, ...] = ()) -> Definition:
    """Validate a definition already held as plain data (as stored in the database)."""
    return _build(data, {}, "", themes)


def _build(data, lines: dict[tuple, int], source: str, themes: tuple[str, ...]) -> Definition:
    check = _Checker(lines)
    top = check.mapping(data, (), TOP_FIELDS, REQUIRED_TOP)
    if check.problems:
        raise DefinitionError(check.problems, source)

    key = check.text(top.get("key"), ("key",))
    if key and not KEY_PATTERN.match(key):
        check.problem(("key",), "use lower-case letters, digits and hyphens only")
    version = check.whole(top.get("version"), ("version",))
    if version < 1:
        check.problem(("version",), "should be 1 or more")
    purpose = check.text(top.get("purpose"), ("purpose",))
    if purpose and purpose not in PURPOSES:
        check.problem(("purpose",), f"should be one of: {', '.join(PURPOSES)}")

    scales = _scales(check, top.get("scales") or {})
    sections = _sections(check, top.get("sections"), scales, themes)
    codes = {item.code: item for section in sections for item in section.items}
    if purpose in MEASURE_PURPOSES and sections and not any(item.type == "scale" for item in codes.values()):
        check.problem(("sections",), "a measure needs at least one scale item, so it has a score")
    scoring = _scoring(check, top.get("scoring") or {}, codes)

    if check.problems:
        raise DefinitionError(check.problems, source)
    return Definition(
        key=key,
        version=version,
        name=check.text(top.get("name"), ("name",)),
        purpose=purpose,
        sections=tuple(sections),
        scales=scales,
        scoring=scoring,
        description=check.text(top.get("description"), ("description",), required=False),
        licence=check.text(top.get("licence"), ("licence",), required=False),
        source=check.text(top.get("source"), ("source",), required=False),
        raw=data,
    )


def _scales(check: _Checker, value, path=("scales",)) -> dict[str, Scale]:
    if not isinstance(value, dict):
        check.problem(path, "should be a set of named scales")
        return {}
    scales = {}
    for name, spec in value.items():
        here = (*path, name)
        spec = check.mapping(spec, here, SCALE_FIELDS, {"points"})
        points = []
        for index, point in enumerate(check.listing(spec.get("points"), (*here, "points"))):
            at = (*here, "points", index)
            point = check.mapping(point, at, POINT_FIELDS, {"value", "label"})
            points.append(
                ScalePoint(
                    value=check.whole(point.get("value"), (*at, "value")),
                    label=check.text(point.get("label"), (*at, "label")),
                    meaning=check.text(point.get("meaning"), (*at, "meaning"), required=False),
                )
            )
        values = [point.value for point in points]
        if values != sorted(set(values)):
            check.problem((*here, "points"), "values must be different and in increasing order")
        if len(points) < 2:
            check.problem((*here, "points"), "a scale needs at least two points")
        dont_know = spec.get("dont_know")
        scales[name] = Scale(
            name=name,
            points=tuple(points),
            dont_know=check.text(dont_know, (*here, "dont_know")) if dont_know is not None else "",
        )
    return scales


def _sections(check: _Checker, value, scales: dict[str, Scale], themes: tuple[str, ...]) -> list[Section]:
    sections, seen_keys, seen_codes = [], set(), set()
    for index, spec in enumerate(check.listing(value, ("sections",))):
        here = ("sections", index)
        spec = check.mapping(spec, here, SECTION_FIELDS, {"key", "title", "items"})
        key = check.text(spec.get("key"), (*here, "key"))
        if key in seen_keys:
            check.problem((*here, "key"), f'"{key}" is used twice')
        seen_keys.add(key)
        theme = check.text(spec.get("theme"), (*here, "theme"), required=False)
        if theme and themes and theme not in themes:
            check.problem((*here, "theme"), f"should be one of: {', '.join(themes)}")
        items = []
        for position, item_spec in enumerate(check.listing(spec.get("items"), (*here, "items"))):
            item = _item(check, item_spec, (*here, "items", position), key, scales)
            if item.code in seen_codes:
                check.problem((*here, "items", position, "code"), f'"{item.code}" is used twice')
            seen_codes.add(item.code)
            items.append(item)
        sections.append(
            Section(
                key=key,
                title=check.text(spec.get("title"), (*here, "title")),
                items=tuple(items),
                theme=theme,
                description=check.text(spec.get("description"), (*here, "description"), required=False),
                asks_for_names=check.flag(spec.get("asks_for_names"), (*here, "asks_for_names")),
            )
        )
    return sections


def _item(check: _Checker, spec, here: tuple, section: str, scales: dict[str, Scale]) -> Item:
    spec = check.mapping(spec, here, ITEM_FIELDS, {"code", "type", "text"})
    code = check.text(spec.get("code"), (*here, "code"))
    if code and not CODE_PATTERN.match(code):
        check.problem((*here, "code"), "use lower-case letters, digits, dots and hyphens only")
    kind = check.text(spec.get("type"), (*here, "type"))
    if kind and kind not in ITEM_TYPES:
        check.problem((*here, "type"), f"should be one of: {', '.join(ITEM_TYPES)}")
    scale = ""
    if kind == "scale":
        scale = check.text(spec.get("scale"), (*here, "scale"))
        if scale and scale not in scales:
            check.problem((*here, "scale"), f'there is no scale called "{scale}"')
    elif "scale" in spec:
        check.problem((*here, "scale"), "only scale items have a scale")
    options: list[Option] = []
    if kind in {"choice", "multi"}:
        raw_options = spec.get("options")
        for index, option in enumerate(check.listing(raw_options, (*here, "options"))):
            at = (*here, "options", index)
            option = check.mapping(option, at, OPTION_FIELDS, {"value", "label"})
            options.append(
                Option(value=str(option.get("value", "")), label=check.text(option.get("label"), (*at, "label")))
            )
        values = [option.value for option in options]
        if len(values) != len(set(values)):
            check.problem((*here, "options"), "option values must be different")
        if raw_options is not None and len(options) < 2:
            check.problem((*here, "options"), "give at least two options")
    elif "options" in spec:
        check.problem((*here, "options"), "only choice and multi items have options")
    aspect = check.text(spec.get("aspect"), (*here, "aspect"), required=False)
    if aspect and aspect not in ASPECTS:
        check.problem((*here, "aspect"), f"should be one of: {', '.join(ASPECTS)}")
    max_length = spec.get("max_length", 2000)
    if "max_length" in spec:
        max_length = check.whole(max_length, (*here, "max_length"))
    reverse = check.flag(spec.get("reverse"), (*here, "reverse"))
    if reverse and kind != "scale":
        check.problem((*here, "reverse"), "only scale items can be reversed")
    return Item(
        code=code,
        type=kind,
        text=check.text(spec.get("text"), (*here, "text")),
        section=section,
        scale=scale,
        help=check.text(spec.get("help"), (*here, "help"), required=False),
        aspect=aspect,
        optional=check.flag(spec.get("optional"), (*here, "optional")),
        required=check.flag(spec.get("required"), (*here, "required")),
        reverse=reverse,
        evidence=check.flag(spec.get("evidence"), (*here, "evidence")),
        options=tuple(options),
        max_length=max_length,
    )


def _scoring(check: _Checker, value, codes: dict[str, Item]) -> Scoring:
    here = ("scoring",)
    spec = check.mapping(value, here, SCORING_FIELDS)
    method = spec.get("method", "mean")
    if method not in {"mean", "sum"}:
        check.problem((*here, "method"), "should be mean or sum")
    min_answered = spec.get("min_answered", 0.5)
    if "min_answered" in spec:
        min_answered = check.number(min_answered, (*here, "min_answered"))
        if not 0 <= min_answered <= 1:
            check.problem((*here, "min_answered"), "should be between 0 and 1")
    thresholds = {}
    for name in ("strength_at", "gap_at"):
        thresholds[name] = check.number(spec[name], (*here, name)) if name in spec else None
    subscales = {}
    raw_subscales = spec.get("subscales") or {}
    if not isinstance(raw_subscales, dict):
        check.problem((*here, "subscales"), "should be a set of named lists of item codes")
        raw_subscales = {}
    for name, members in raw_subscales.items():
        at = (*here, "subscales", name)
        members = check.listing(members, at)
        for index, code in enumerate(members):
            item = codes.get(code)
            if item is None:
                check.problem((*at, index), f'there is no item "{code}"')
            elif item.type != "scale":
                check.problem((*at, index), f'"{code}" is not a scale item')
        subscales[name] = tuple(str(code) for code in members)
    return Scoring(
        method=method,
        min_answered=float(min_answered),
        strength_at=thresholds["strength_at"],
        gap_at=thresholds["gap_at"],
        subscales=subscales,
    )
