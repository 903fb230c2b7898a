"""Demo data for outcome measures: the example measure, recorded for fourteen
invented references in one quarter and twelve of them again in the next, so
the results and the Progress page have released figures. All invented;
loading twice changes nothing."""

import contextlib
from datetime import date, timedelta

from django.utils import timezone

from pathfinder.measures import services
from pathfinder.measures.results import period_of

LEAD = "lead@lochmore.example"


def _quarter_before(day: date) -> date:
    _key, _label, start = period_of(day)
    return start - timedelta(days=1)


def load(context: dict) -> None:
    lead = context["people"].get(LEAD)
    service = context["service"]
    measure = services.load_example(service, by=lead)
    version = measure.latest_version
    later = _quarter_before(timezone.localdate())
    earlier = _quarter_before(later)
    codes = [item.code for item in version.parsed.items]
    for number in range(14):
        visits = [(earlier.replace(day=10), 0)] + ([(later.replace(day=12), 1)] if number < 12 else [])
        for day, visit in visits:
            step = visit * (-1 if number in (6, 13) else (1 + (number % 4 == 0)) * (number % 5 != 0))
            values = [max(1, min(5, 1 + (number * 3 + index * 5 + number * index) % 4 + step)) for index in range(4)]
            with contextlib.suppress(services.AlreadyRecorded):
                services.record(
                    measure,
                    version=version,
                    reference=f"LM-{100 + number}",
                    recorded_on=day,
                    answers=dict(zip(codes, values, strict=True)),
                    by=lead,
                )
