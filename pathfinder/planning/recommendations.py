"""The recommendation library (recommendations.yaml): suggested actions per
theme, in our own words, each citing the learning report's section."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from pathfinder.programmes.domain import Theme

LIBRARY = Path(__file__).parent / "recommendations.yaml"


@dataclass(frozen=True)
class Recommendation:
    key: str
    theme: str
    title: str
    text: str
    cite: str

    @property
    def theme_label(self) -> str:
        return Theme(self.theme).label


def load(path: Path = LIBRARY) -> list[Recommendation]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [Recommendation(**entry) for entry in entries]
    keys = [entry.key for entry in found]
    if len(keys) != len(set(keys)):
        raise ValueError("Each recommendation needs its own key.")
    for entry in found:
        if entry.theme not in Theme.values:
            raise ValueError(f"{entry.key}: unknown theme {entry.theme!r}.")
        if not entry.cite.startswith("Report: "):
            raise ValueError(f"{entry.key}: cite the report section, starting 'Report: '.")
    return found


@cache
def library() -> tuple[Recommendation, ...]:
    return tuple(load())


def by_key(key: str) -> Recommendation | None:
    return next((entry for entry in library() if entry.key == key), None)


def for_theme(theme: str) -> list[Recommendation]:
    return [entry for entry in library() if entry.theme == theme]


def grouped() -> list[tuple[str, str, list[Recommendation]]]:
    """(theme value, theme label, its recommendations), in the method's order."""
    return [(theme.value, theme.label, for_theme(theme.value)) for theme in Theme]
