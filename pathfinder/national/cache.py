"""The national figures, worked out once and kept for a while.

At national scale (300 services, 20,000 people) working the figures out takes
seconds: every group the filters can make goes through the disclosure gate.
They change slowly and nobody needs them to the minute, so each group's
figures (and the page's charts) are kept in the shared cache for
PATHFINDER_NATIONAL_CACHE_SECONDS (0 keeps nothing), for everyone with the
same view. The page says when they were worked out.

Only the filter values the form accepted become cache keys, so a stranger's
made-up filters cannot fill the cache. A kept copy holds no service's rows
except those of services that agreed to be named (which the page shows)."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from pathfinder.evidence.mat import Rating
from pathfinder.national import gate, presenters, readings, services

VERSION = 1  # raise when what is kept changes shape


@dataclass
class Kept:
    figures: services.Figures
    html: str  # national/figures.html for the group, which depends on nothing but the figures
    worked_out_at: datetime


def seconds() -> int:
    return settings.PATHFINDER_NATIONAL_CACHE_SECONDS


def scope_of(grants) -> str:
    """The same text for everyone whose grants reach the same services."""
    if any(grant.scope == grant.Scope.NATIONAL for grant in grants):
        return "all"
    return ",".join(sorted({f"{grant.scope}-{grant.organisation_id}" for grant in grants}))


def _key(scope: str, part) -> str:
    digest = hashlib.sha256(f"{scope}|{part!r}".encode()).hexdigest()[:32]
    return f"national-{VERSION}-{digest}"


def _keep(national: services.National, key) -> Kept:
    figures = services.figures(national, key)
    html = render_to_string(
        "national/figures.html",
        {
            "figures": figures,
            "page": presenters.page(figures),
            "filtered": any(key),
            "rating_labels": Rating.labels,
            "reading_labels": [label for _, label in readings.READINGS],
        },
    )
    light = dataclasses.replace(figures, services=[])
    return Kept(figures=light, html=html, worked_out_at=timezone.now())


class Page:
    """What the national page needs for some grants: the filter options, then
    any group's figures, worked out at most once per group while kept."""

    def __init__(self, grants):
        self.grants = grants
        self.scope = scope_of(grants)
        self.national: services.National | None = None
        self.options = cache.get(_key(self.scope, "options")) if seconds() else None
        if self.options is None:
            self.options = self._national().options
            if seconds():
                cache.set(_key(self.scope, "options"), self.options, seconds())

    def _national(self) -> services.National:
        if self.national is None:
            self.national = services.load(self.grants)
        return self.national

    def figures(self, *keys) -> list[Kept]:
        """Each group's figures, from the cache where kept (one lookup for all)."""
        names = {key: _key(self.scope, key) for key in keys}
        found = cache.get_many(list(names.values())) if seconds() else {}
        fresh = {}
        for key, name in names.items():
            if name not in found:
                found[name] = fresh[name] = _keep(self._national(), key)
        if fresh and seconds():
            cache.set_many(fresh, seconds())
        kept = [found[names[key]] for key in keys]
        for one in kept:
            one.html = mark_safe(one.html)  # rendered (and escaped) by the template engine above
        return kept


EVERYONE = gate.EVERYONE


def like_mine(service) -> tuple[services.LikeMine, datetime]:
    """The service beside similar services, kept like the national figures."""
    name = _key("like-mine", service.pk)
    kept = cache.get(name) if seconds() else None
    if kept is None:
        kept = (services.like_mine(service), timezone.now())
        if seconds():
            cache.set(name, kept, seconds())
    return kept
