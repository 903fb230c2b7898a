"""What each part of phase one adds to the dashboard panel and to the phase
one page: interviews here; documents and partners register their own parts
the same way, from their own modules, so this file need not change.

- `progress(programme, user)` -> one sentence of progress and a link, for the
  panel and the page ("3 interviews done, 2 with partners").
- `found(programme, user)` -> {theme value: [plain sentences]}: what that part
  found, for the "ready for the lens event" guidance, per theme.
- `summary(programme, user)` -> [reports.content blocks]: that part's section
  of the phase one summary (PDF and Word). Never a person's name.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Progress:
    text: str
    href: str
    link_text: str


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    order: int = 100
    progress: Callable = field(default=lambda programme, user: None)
    found: Callable = field(default=lambda programme, user: {})
    summary: Callable = field(default=lambda programme, user: [])


_parts: dict[str, Part] = {}


def register_part(part: Part) -> None:
    _parts[part.key] = part


def parts() -> list[Part]:
    return sorted(_parts.values(), key=lambda part: (part.order, part.title))
