"""Which instruments a service may use, and adapting one for a service."""

import copy

from django.db import transaction
from django.db.models import Max, Q

from pathfinder.core import audit
from pathfinder.instruments.definition import DefinitionError, from_data
from pathfinder.instruments.loading import store
from pathfinder.instruments.models import Instrument, InstrumentVersion
from pathfinder.programmes.domain import Theme


def versions_for(service, purpose: str | None = None):
    """Built-in versions plus the service's own (adapted or licensed) ones."""
    versions = InstrumentVersion.objects.filter(Q(instrument__owner=None) | Q(instrument__owner=service))
    if purpose:
        versions = versions.filter(instrument__purpose=purpose)
    return versions.select_related("instrument", "instrument__owner").order_by("instrument__name", "-version")


def latest_versions_for(service, purpose: str | None = None) -> list[InstrumentVersion]:
    latest, seen = [], set()
    for version in versions_for(service, purpose):
        if version.instrument_id not in seen:
            seen.add(version.instrument_id)
            latest.append(version)
    return latest


class CannotAdapt(ValueError):
    pass


@transaction.atomic
def adapt(version: InstrumentVersion, *, service, rewordings: dict, dropped: set, added: dict, notes: str, by):
    """A new version for `service`: items reworded (same code, so still
    comparable), optional items left out, new items added. Past answers keep
    pointing at the version they were given against."""
    data = copy.deepcopy(version.definition)
    definition = version.parsed
    for code in dropped:
        if not definition.item(code).optional:
            raise CannotAdapt(f"“{definition.item(code).text}” is not optional, so it cannot be left out.")
    if not (rewordings or dropped or added):
        raise CannotAdapt("Nothing was changed, so no new version was made.")
    first_scale = next(iter(data.get("scales", {})), None)
    for section in data["sections"]:
        kept = []
        for item in section["items"]:
            if item["code"] in dropped:
                continue
            if item["code"] in rewordings:
                item["text"] = rewordings[item["code"]]
            kept.append(item)
        if section["key"] in added:
            number = sum(1 for item in kept if ".local-" in item["code"]) + 1
            # A questionnaire with a scale gets a scale item; one without (an
            # interview guide) gets a free-text item: a probe.
            item = {"code": f"{section['key']}.local-{number}", "text": added[section["key"]], "optional": True}
            if first_scale:
                item |= {"type": "scale", "scale": first_scale, "evidence": True}
            else:
                item |= {"type": "text"}
            kept.append(item)
        if not kept:
            raise CannotAdapt(f"“{section['title']}” would have no items left.")
        section["items"] = kept

    instrument = Instrument.objects.filter(key=definition.key, owner=service).first()
    next_version = 1
    if instrument is not None:
        next_version = (instrument.versions.aggregate(top=Max("version"))["top"] or 0) + 1
    data["version"] = next_version
    data["name"] = definition.name
    try:
        adapted = from_data(data, themes=tuple(Theme.values))
    except DefinitionError as error:
        raise CannotAdapt("; ".join(error.problems)) from None
    new_version = store(
        adapted, owner=service, by=by, based_on=version, notes=notes, name=f"{definition.name} ({service.name})"
    )
    audit.record(audit.Kind.INSTRUMENT_ADAPTED, actor=by, service=service, target=new_version, based_on=version.pk)
    return new_version
