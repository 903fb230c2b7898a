"""What works where: which themes move most, and which of the recommendation
library's suggestions services take up and finish. Free of names: only the
library's own titles are shown (never an action's own title, which a service
wrote and might name someone), and counts are of services, through the
service gate like every other figure about services."""

from __future__ import annotations

from dataclasses import dataclass

from pathfinder.planning import recommendations


@dataclass(frozen=True)
class Use:
    title: str
    theme: str
    cite: str
    started: int  # services with an action from it
    done: int  # services that finished one


@dataclass
class WhatWorks:
    shown: bool
    themes: list  # ThemeLines with actions, most progress first
    most_used: list[Use]
    most_done: dict[str, list[Use]]  # theme label: uses, most finished first


TOP = 5


def what_works(national, key, releases, theme_lines) -> WhatWorks:
    members = national.members(key)
    having = {row.id for row in national.rows if row.suggestions}
    themes = sorted(
        (line for line in theme_lines if line.total), key=lambda line: (-(line.percent or 0), -line.total, line.theme)
    )
    if not having or not releases.released(key, having):
        return WhatWorks(shown=not having, themes=themes, most_used=[], most_done={})
    library = {entry.key: entry for entry in recommendations.library()}
    uses = []
    for entry_key, entry in library.items():
        started = sum(1 for row in members if entry_key in row.suggestions)
        if not started:
            continue
        done = sum(1 for row in members if row.suggestions.get(entry_key))
        uses.append(Use(entry.title, entry.theme_label, entry.cite, started, done))
    most_used = sorted(uses, key=lambda use: (-use.started, -use.done, use.title))[:TOP]
    most_done: dict[str, list[Use]] = {}
    for use in sorted(uses, key=lambda use: (-use.done, -use.started, use.title)):
        if use.done and len(most_done.setdefault(use.theme, [])) < 3:
            most_done[use.theme].append(use)
    return WhatWorks(shown=True, themes=themes, most_used=most_used, most_done=most_done)
