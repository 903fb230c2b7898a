"""National-scale figures for the national view, added to a database that
bench/generate.py has filled: each service's national settings, job roles and
training, MAT standard ratings over time and plan actions (some from the
recommendation library). Same seed, same data.

    DATABASE_URL=... .venv/bin/python -m bench.national_data
"""

import json
import os
import random
import sys
import time
from datetime import date, timedelta

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    django.setup()

from django.db import transaction

from pathfinder.core.models import Membership
from pathfinder.evidence.mat import Rating
from pathfinder.evidence.models import MatStandardRating
from pathfinder.national.models import ServiceProfile
from pathfinder.planning import recommendations
from pathfinder.planning.models import Action
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Programme
from pathfinder.workforce.models import JOB_ROLE_CHOICES, CatalogueEntry, TrainingRecord, WorkforceProfile
from pathfinder.workforce.practice_levels import PracticeLevel

SEED = 2026
ROLES = [value for value, _ in JOB_ROLE_CHOICES]
RATINGS = list(Rating.values)


def add(seed: int = SEED) -> dict[str, int]:
    rng = random.Random(seed)
    today = date.today()
    library = recommendations.library()
    programmes = list(Programme.objects.select_related("service").order_by("pk"))
    members: dict[int, list[int]] = {}
    for pk, service_id in Membership.objects.filter(is_active=True).values_list("pk", "service_id"):
        members.setdefault(service_id, []).append(pk)
    profiles, entries, ratings, actions = [], [], [], []
    for programme in programmes:
        profiles.append(
            ServiceProfile(
                service=programme.service,
                named_nationally=rng.random() < 0.2,
                area_kind=rng.choice(["island", "rural", "urban", "mixed", ""]),
            )
        )
        for level in (PracticeLevel.INFORMED, PracticeLevel.SKILLED):
            entries.append(
                CatalogueEntry(
                    service=programme.service,
                    key=f"bench-{level.value}",
                    title=f"Bench course ({level.label})",
                    provider="NES",
                    level=level.value,
                    format="e-learning",
                    duration_minutes=60,
                    description="Generated for the benchmark.",
                )
            )
        for standard in range(1, 11):
            if rng.random() < 0.3:
                continue
            position = rng.randrange(3)
            for n in range(rng.randint(1, 14)):
                position = max(0, min(len(RATINGS) - 1, position + rng.choice([-1, 0, 0, 1])))
                ratings.append(
                    MatStandardRating(
                        programme=programme,
                        standard=standard,
                        rated_on=today - timedelta(days=30 * (15 - n)),
                        rating=RATINGS[position],
                        reason="Generated for the benchmark.",
                        process_evidence="Generated.",
                    )
                )
        size = len(members.get(programme.service_id, []))
        for n in range(min(500, 5 + size // 2)):
            suggestion = rng.choice(library) if rng.random() < 0.3 else None
            status = rng.choice(list(Action.Status.values))
            actions.append(
                Action(
                    programme=programme,
                    title=suggestion.title if suggestion else f"Action {n}",
                    theme=suggestion.theme if suggestion else rng.choice(list(Theme.values)),
                    due_on=today + timedelta(days=rng.randint(-200, 300)),
                    status=status,
                    suggestion_key=suggestion.key if suggestion else "",
                )
            )
    with transaction.atomic():
        ServiceProfile.objects.bulk_create(profiles, batch_size=2000)
        CatalogueEntry.objects.bulk_create(entries, batch_size=2000)
        MatStandardRating.objects.bulk_create(ratings, batch_size=2000)
        Action.objects.bulk_create(actions, batch_size=2000)
        by_service = {}
        for entry in CatalogueEntry.objects.filter(key__startswith="bench-"):
            by_service.setdefault(entry.service_id, []).append(entry)
        roles, records = [], []
        for service_id, pks in members.items():
            for pk in pks:
                roles.append(WorkforceProfile(membership_id=pk, job_role=rng.choice(ROLES)))
                for entry in by_service.get(service_id, []):
                    if rng.random() < 0.6:
                        records.append(
                            TrainingRecord(
                                membership_id=pk, entry=entry, completed_on=today - timedelta(days=rng.randint(1, 700))
                            )
                        )
        WorkforceProfile.objects.bulk_create(roles, batch_size=2000, ignore_conflicts=True)
        TrainingRecord.objects.bulk_create(records, batch_size=2000)
    return {
        "national.ServiceProfile": len(profiles),
        "evidence.MatStandardRating": len(ratings),
        "planning.Action": len(actions),
        "workforce.WorkforceProfile": len(roles),
        "workforce.TrainingRecord": len(records),
    }


if __name__ == "__main__":
    started = time.perf_counter()
    counts = add()
    print(json.dumps({"counts": counts, "seconds": round(time.perf_counter() - started, 1)}), file=sys.stdout)
