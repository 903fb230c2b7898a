"""The Django side of the fault harness (bench/faults.py): make what the
writers write to, and afterwards check every write against the database.

It runs in a subprocess with the server's environment (same DATABASE_URL,
SECRET_KEY and FIELD_ENCRYPTION_KEYS), like bench/survey_data.py.

    .venv/bin/python -m bench.faults_data setup --codes 500 --actions 8 --out codes.txt   # prints JSON
    .venv/bin/python -m bench.faults_data check --expect writes.json                      # prints JSON
"""

import argparse
import json
import os
from collections import Counter
from datetime import timedelta
from pathlib import Path

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    django.setup()

from django.utils import timezone

from bench.sessions import sign_in
from bench.survey_data import MARKED_ITEM, MARKER, TNA_KEY
from pathfinder.accounts.models import User
from pathfinder.core.models import Membership, Organisation, Service
from pathfinder.core.roles import Role
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.planning.models import Action, ActionUpdate
from pathfinder.planning.services import actions as action_services
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.services import start_programme
from pathfinder.surveys import codes, services
from pathfinder.surveys.models import Participant, Response, SpentCode, Survey

# The harness lead's password, for the sign-in throttling check (bench/faults_proxy.py).
PASSWORD = "fault-harness-password-42"


def setup(code_count: int, action_count: int, out: Path, session_count: int = 1) -> dict:
    """A service with a lead, a programme, a survey with printed codes and some
    actions, each action written to by one writer (so no update is stale)."""
    stamp = timezone.now().strftime("%H%M%S%f")
    organisation = Organisation.objects.create(
        name=f"Fault Harness Board {stamp}", slug=f"faults-{stamp}", kind=Organisation.Kind.HEALTH_BOARD
    )
    service = Service.objects.create(
        organisation=organisation, name=f"Fault Harness Service {stamp}", slug=f"faults-{stamp}"
    )
    lead = User.objects.create_user(email=f"lead-{stamp}@example.org", password=PASSWORD, full_name="Harness Lead")
    Membership.objects.create(user=lead, service=service, role=Role.PROGRAMME_LEAD)
    programme = start_programme(service=service, name="Harness programme", started_on=timezone.localdate(), by=lead)
    version = (
        InstrumentVersion.objects.filter(instrument__key=TNA_KEY, instrument__owner=None).order_by("-version").first()
    )
    today = timezone.localdate()
    survey = services.create_survey(
        programme=programme,
        instrument_version=version,
        kind=Survey.Kind.TNA,
        title="Training needs analysis (fault harness)",
        distribution=Survey.Distribution.CODES,
        opens_on=today,
        closes_on=today + timedelta(days=14),
        included_optional=[],
        by=lead,
    )
    out.write_text("\n".join(services.extra_codes(survey, code_count, by=lead)) + "\n")
    made = [
        action_services.create_action(
            programme=programme,
            by=lead,
            title=f"Harness action {number}",
            theme=Theme.CULTURE,
            due_on=today + timedelta(days=90),
        )
        for number in range(action_count)
    ]
    return {
        "survey": survey.pk,
        "token": survey.link_token,
        "actions": [action.pk for action in made],
        "session": sign_in(lead),
        "sessions": [sign_in(lead) for _ in range(max(0, session_count - 1))],
        "programme": programme.pk,
        "email": lead.email,
        "password": PASSWORD,
    }


def check(expect: dict) -> dict:
    """Every acknowledged write there exactly once; nothing refused there;
    writes whose answer never came (the server died) there whole or not at all.

    `expect` has "survey" (id), "surveys": [{"code", "marker", "outcome"}] and
    "updates": [{"action", "marker", "outcome"}], outcome one of accepted,
    refused, unknown (no answer, or a 5xx: it may or may not have been saved)."""
    survey = Survey.objects.get(pk=expect["survey"])
    stored = Counter()
    unmarked = 0
    for response in Response.objects.filter(survey=survey):
        found = MARKER.search(str(response.answer_set().get(MARKED_ITEM, "")))
        if found:
            stored[found.group(1)] += 1
        else:
            unmarked += 1
    spent_tokens = set(SpentCode.objects.filter(survey=survey).values_list("token", flat=True))
    participants = dict(Participant.objects.filter(survey=survey).values_list("code_hash", "pk"))

    def is_spent(code: str) -> bool:
        participant = participants.get(codes.code_hash(code))
        return participant is not None and bool(set(services._spent_tokens(survey.pk, participant)) & spent_tokens)

    problems = []
    for write in expect["surveys"]:
        times, code_spent = stored[write["marker"]], is_spent(write["code"])
        if write["outcome"] == "accepted" and not (times == 1 and code_spent):
            problems.append(f"survey {write['marker']}: acknowledged, stored {times} times, code spent {code_spent}")
        elif write["outcome"] == "refused" and times:
            problems.append(f"survey {write['marker']}: refused but stored")
        elif write["outcome"] == "unknown" and (times > 1 or (times == 1) != code_spent):
            problems.append(f"survey {write['marker']}: half there (stored {times} times, code spent {code_spent})")
    if unmarked:
        problems.append(f"{unmarked} responses without a marker")
    if len(spent_tokens) != sum(stored.values()):
        problems.append(f"{len(spent_tokens)} codes spent but {sum(stored.values())} responses stored")

    by_text = Counter(
        ActionUpdate.objects.filter(action_id__in=expect["actions"], kind=ActionUpdate.Kind.UPDATE).values_list(
            "text", flat=True
        )
    )
    for write in expect["updates"]:
        times = sum(count for text, count in by_text.items() if f"[{write['marker']}]" in text)
        if write["outcome"] == "accepted" and times != 1:
            problems.append(f"update {write['marker']}: acknowledged, stored {times} times")
        elif write["outcome"] == "refused" and times:
            problems.append(f"update {write['marker']}: refused but stored")
        elif write["outcome"] == "unknown" and times > 1:
            problems.append(f"update {write['marker']}: stored {times} times")
    for action in Action.objects.filter(pk__in=expect["actions"]):
        entries = list(action.updates.order_by("version").values_list("version", flat=True))
        # Each update moves the version on in the same transaction as its entry.
        if entries != list(range(entries[0], entries[0] + len(entries))) or entries[-1] != action.version:
            problems.append(f"action {action.pk}: version {action.version} does not match its history {entries}")

    outcomes = Counter(write["outcome"] for write in expect["surveys"] + expect["updates"])
    return {
        "writes": len(expect["surveys"]) + len(expect["updates"]),
        "acknowledged": outcomes["accepted"],
        "refused": outcomes["refused"],
        "unknown": outcomes["unknown"],
        "unknown_stored": sum(1 for w in expect["surveys"] if w["outcome"] == "unknown" and stored[w["marker"]])
        + sum(
            1
            for w in expect["updates"]
            if w["outcome"] == "unknown" and any(f"[{w['marker']}]" in text for text in by_text)
        ),
        "lost": sum(1 for problem in problems if "acknowledged" in problem),
        "problems": problems[:20],
        "ok": not problems,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Set up, or check, the fault harness's writes; prints JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("setup")
    making.add_argument("--codes", type=int, required=True)
    making.add_argument("--actions", type=int, required=True)
    making.add_argument("--out", type=Path, required=True)
    making.add_argument("--sessions", type=int, default=1, help="Signed-in sessions of the lead.")
    checking = commands.add_parser("check")
    checking.add_argument("--expect", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "setup":
        print(json.dumps(setup(args.codes, args.actions, args.out, args.sessions)))
    else:
        print(json.dumps(check(json.loads(args.expect.read_text()))))


if __name__ == "__main__":
    main()
