"""The Django side of the survey benchmark (bench/surveys.py): make the survey
and its printed codes before the load, and check the database after it.

Like bench/sessions.py it must run with the server's environment: codes are
stored as a hash keyed with SECRET_KEY, so the codes made here only work on a
server with the same key, and only this process can match them to the hashes.

    .venv/bin/python -m bench.survey_data create --codes 2000 --out codes.txt   # prints JSON
    .venv/bin/python -m bench.survey_data check --survey 7 --expect expect.json  # prints JSON
"""

import argparse
import json
import os
import re
from collections import Counter
from datetime import timedelta
from pathlib import Path

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    django.setup()

from django.db.models import Count, Q
from django.utils import timezone

from pathfinder.core.models import Membership, Service
from pathfinder.core.roles import Role
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.programmes.services import current_programme
from pathfinder.surveys import codes, services
from pathfinder.surveys.forms import asked_items
from pathfinder.surveys.models import Participant, Response, Survey

TNA_KEY = "training-needs-analysis"
# The free-text question each benchmark submission writes its own marker into,
# so the check can tell exactly which submissions were stored.
MARKED_ITEM = "needs.comments"
MARKER = re.compile(r"\[bench ([A-Za-z0-9-]+)\]")


def largest_service() -> Service:
    """The service with the most active members: a big team answering at once."""
    service = (
        Service.objects.annotate(people=Count("memberships", filter=Q(memberships__is_active=True)))
        .order_by("-people", "pk")
        .first()
    )
    if service is None:
        raise SystemExit("No services: generate the benchmark data first (bench/generate.py).")
    return service


def lead_of(service: Service) -> Membership | None:
    """The programme lead bench/sessions.py signs in for a service: its first
    active lead membership (with the user loaded)."""
    return (
        Membership.objects.active()
        .filter(service=service, role=Role.PROGRAMME_LEAD)
        .select_related("user")
        .order_by("pk")
        .first()
    )


def tna_survey(programme, *, title: str, opens_on, closes_on, by) -> Survey:
    """A training needs analysis (the built-in one, newest version) with codes,
    asking every optional question too: the longest form, and the most results."""
    version = (
        InstrumentVersion.objects.filter(instrument__key=TNA_KEY, instrument__owner=None).order_by("-version").first()
    )
    if version is None:
        raise SystemExit("The built-in training needs analysis is not loaded (it is loaded by `migrate`).")
    return services.create_survey(
        programme=programme,
        instrument_version=version,
        kind=Survey.Kind.TNA,
        title=title,
        distribution=Survey.Distribution.CODES,
        opens_on=opens_on,
        closes_on=closes_on,
        included_optional=[item.code for item in version.parsed.items if item.optional],
        by=by,
    )


def create(count: int, out: Path) -> dict:
    """A TNA survey with printed codes on the largest service's current
    programme, open from today for two weeks, asking every optional question
    too (the longest form). The codes go to `out`, one a line."""
    service = largest_service()
    programme = current_programme(service)
    lead = lead_of(service)
    if programme is None or lead is None:
        raise SystemExit(f"{service.name} has no programme or no lead.")
    today = timezone.localdate()
    survey = tna_survey(
        programme,
        title=f"Training needs analysis (benchmark {timezone.now():%Y-%m-%d %H:%M})",
        opens_on=today,
        closes_on=today + timedelta(days=14),
        by=lead.user,
    )
    definition = survey.instrument_version.parsed
    made = services.extra_codes(survey, count, by=lead.user)
    out.write_text("\n".join(made) + "\n")
    return {
        "survey": survey.pk,
        "token": survey.link_token,
        "service": service.name,
        "people": service.people,
        "programme": programme.pk,
        "questions": len(asked_items(definition, survey)),
        "codes": len(made),
    }


def check(survey_id: int, expect: dict) -> dict:
    """Compare the database with what the load generator saw.

    `expect` has "codes" (every code made), "accepted" (code and marker of
    each submission answered with a redirect to the thanks page) and
    "refused" (markers of submissions that were not). Participants and
    responses share no key, so the markers are what link a response to the
    submission that sent it; the code hashes say which codes were spent.
    """
    survey = Survey.objects.get(pk=survey_id)
    accepted_codes = [row["code"] for row in expect["accepted"]]
    accepted_markers = Counter(row["marker"] for row in expect["accepted"])
    refused_markers = set(expect["refused"])
    # Which invitations were used is kept apart from the participants (SpentCode marks, matched with the keys).
    used = services._used(survey)
    spent_hashes = set(Participant.objects.filter(pk__in=used).values_list("code_hash", flat=True))
    accepted_hashes = {codes.code_hash(code) for code in accepted_codes}
    stored = Counter()
    unmarked = 0
    for response in Response.objects.filter(survey=survey).iterator():
        found = MARKER.search(str(response.answer_set().get(MARKED_ITEM, "")))  # answers are stored encrypted
        if found:
            stored[found.group(1)] += 1
        else:
            unmarked += 1
    result = {
        "responses": Response.objects.filter(survey=survey).count(),
        "participants": Participant.objects.filter(survey=survey).count(),
        "responded": len(spent_hashes),
        "accepted": len(accepted_codes),
        # The same code accepted twice, as the load generator saw it.
        "codes_accepted_twice": sum(1 for n in Counter(accepted_codes).values() if n > 1),
        # Codes accepted but not marked as used, and codes marked used that were never accepted.
        "accepted_not_spent": len(accepted_hashes - spent_hashes),
        "spent_not_accepted": len(spent_hashes - accepted_hashes),
        # Accepted submissions whose answers are not in the database (lost),
        # refused ones whose answers are (stored although the person was told no),
        # and answers stored more than once.
        "lost": sum(1 for marker in accepted_markers if marker not in stored),
        "stored_although_refused": sum(1 for marker in refused_markers if marker in stored),
        "stored_twice": sum(1 for n in stored.values() if n > 1),
        "unmarked_responses": unmarked,
        "unknown_markers": sum(
            1 for marker in stored if marker not in accepted_markers and marker not in refused_markers
        ),
    }
    result["exact"] = result["responses"] == result["accepted"] == result["responded"] and not any(
        result[key]
        for key in (
            "codes_accepted_twice",
            "accepted_not_spent",
            "spent_not_accepted",
            "lost",
            "stored_although_refused",
            "stored_twice",
            "unmarked_responses",
            "unknown_markers",
        )
    )
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Make, or check, the survey benchmark's survey; prints JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("create")
    making.add_argument("--codes", type=int, required=True)
    making.add_argument("--out", type=Path, required=True)
    checking = commands.add_parser("check")
    checking.add_argument("--survey", type=int, required=True)
    checking.add_argument("--expect", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "create":
        print(json.dumps(create(args.codes, args.out)))
    else:
        print(json.dumps(check(args.survey, json.loads(args.expect.read_text()))))


if __name__ == "__main__":
    main()
