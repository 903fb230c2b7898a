"""The Django side of the fault harness (bench/faults.py): make what the
writers write to, and afterwards check every write against the database.

It runs in a subprocess with the server's environment (same DATABASE_URL,
SECRET_KEY and FIELD_ENCRYPTION_KEYS), like bench/survey_data.py.

    .venv/bin/python -m bench.faults_data setup --codes 500 --actions 8 --out codes.txt   # prints JSON
    .venv/bin/python -m bench.faults_data check --expect writes.json                      # prints JSON

Four kinds of write, each checked for "there exactly once, and whole":
- survey: a response stored exactly when its printed code is spent;
- update: an action's progress entry, the action's version matching its history;
- rating: one assessment item's answer (value and evidence), the rater's version
  moved on exactly once for each answer stored (save_answers does both or neither);
- upload: a language audit of one or two plain-text files, with a document row for
  each file, each file's bytes waiting (encrypted) for exactly that document, and the
  audit's counting task queued (no worker runs here, so nothing is counted away).
"""

import argparse
import base64
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

from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from bench.faults import upload_content
from bench.sessions import sign_in
from bench.survey_data import MARKED_ITEM, MARKER, TNA_KEY
from pathfinder.accounts.models import User
from pathfinder.assessments import services as assessment_services
from pathfinder.assessments.models import Rater, Rating
from pathfinder.core import crypto
from pathfinder.core.models import Membership, Organisation, Service
from pathfinder.core.roles import Role
from pathfinder.evidence import language_audit
from pathfinder.evidence.models import AuditDocument, LanguageAudit, PendingUpload
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.planning.models import Action, ActionUpdate
from pathfinder.planning.services import actions as action_services
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.services import start_programme
from pathfinder.surveys import codes, services
from pathfinder.surveys.models import Participant, Response, SpentCode, Survey

# The harness lead's password, for the sign-in throttling check (bench/faults_proxy.py).
PASSWORD = "fault-harness-password-42"
UPLOAD_TASK = "pathfinder.evidence.tasks.count_language_audit"
MARKER_IN_TEXT = re.compile(r"\[([\w-]+)\]")


def _rating_slots(round_) -> list[list]:
    """Every item a rater can answer with evidence: [section, index on its page, code, [scale values]]."""
    definition = round_.instrument_version.parsed
    slots = []
    for section in definition.sections:
        for index, item in enumerate(section.items, start=1):
            if item.type == "scale" and item.evidence:
                values = [str(point.value) for point in definition.scale_for(item).points]
                slots.append([section.key, index, item.code, values])
    return slots


def setup(
    code_count: int, action_count: int, out: Path, session_count: int = 1, rounds: int = 2, rater_count: int = 1
) -> dict:
    """A service with a lead, a programme, a survey with printed codes, some
    actions, and assessment rounds the lead rates: each action, and each round's
    rater row, written to by one writer only (so no write is stale). Each of
    `rater_count` rating writers gets `rounds` rounds of its own (56 items each)
    to answer, an item at a time."""
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
    assessment = InstrumentVersion.objects.filter(
        instrument__owner=None, instrument__purpose="organisational_assessment"
    ).first()
    raters = []
    for writer in range(rater_count):
        mine = []
        for number in range(rounds):
            with transaction.atomic():
                round_ = assessment_services.open_round(
                    programme=programme,
                    instrument_version=assessment,
                    kind="baseline",
                    title=f"Harness round {writer}.{number}",
                    raters=[lead],
                    by=lead,
                )
                # Nobody to e-mail here: the invitation counts as sent.
                Rater.objects.filter(round=round_).update(invited_at=timezone.now())
            mine.append(round_.pk)
        raters.append(mine)
    return {
        "survey": survey.pk,
        "token": survey.link_token,
        "actions": [action.pk for action in made],
        "session": sign_in(lead),
        "sessions": [sign_in(lead) for _ in range(max(0, session_count - 1))],
        "programme": programme.pk,
        "rounds": raters,
        "rating_slots": _rating_slots(round_) if raters and raters[0] else [],
        "email": lead.email,
        "password": PASSWORD,
    }


def _once_problems(kind: str, write: dict, times: int) -> list[str]:
    """What is wrong with a write found `times` times: acknowledged means exactly
    once, refused means never, no answer means at most once."""
    marker, outcome = write["marker"], write["outcome"]
    if outcome == "accepted" and times != 1:
        return [f"{kind} {marker}: acknowledged, stored {times} times"]
    if outcome == "refused" and times:
        return [f"{kind} {marker}: refused but stored"]
    if outcome == "unknown" and times > 1:
        return [f"{kind} {marker}: stored {times} times"]
    return []


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
        problems += _once_problems("update", write, times)
    for action in Action.objects.filter(pk__in=expect["actions"]):
        entries = list(action.updates.order_by("version").values_list("version", flat=True))
        # Each update moves the version on in the same transaction as its entry.
        if entries != list(range(entries[0], entries[0] + len(entries))) or entries[-1] != action.version:
            problems.append(f"action {action.pk}: version {action.version} does not match its history {entries}")

    rated = _check_ratings(expect, problems)
    uploaded = _check_uploads(expect, problems)

    stored_by_kind = {
        "survey": lambda w: stored[w["marker"]] > 0,
        "update": lambda w: any(f"[{w['marker']}]" in text for text in by_text),
        "rating": lambda w: w["marker"] in rated,
        "upload": lambda w: w["marker"] in uploaded,
    }
    lists = {"survey": "surveys", "update": "updates", "rating": "ratings", "upload": "uploads"}
    by_kind = {}
    for kind, key in lists.items():
        writes = expect.get(key, [])
        counted = Counter(write["outcome"] for write in writes)
        by_kind[kind] = {
            "writes": len(writes),
            "acknowledged": counted["accepted"],
            "refused": counted["refused"],
            "unknown": counted["unknown"],
            "unknown_stored": sum(1 for w in writes if w["outcome"] == "unknown" and stored_by_kind[kind](w)),
            "lost": sum(1 for problem in problems if problem.startswith(f"{kind} ") and "acknowledged" in problem),
        }
    return {
        **{name: sum(row[name] for row in by_kind.values()) for name in next(iter(by_kind.values()))},
        "by_kind": by_kind,
        "problems": problems[:20],
        "ok": not problems,
    }


def _check_ratings(expect: dict, problems: list[str]) -> set[str]:
    """Each rating write answered one item of its own round with a value and
    evidence naming its marker. Returns the markers stored."""
    raters = list(
        Rater.objects.filter(round_id__in=[pk for mine in expect.get("rounds", []) for pk in mine]).prefetch_related(
            "ratings"
        )
    )
    found: dict[str, list[tuple[int, Rating]]] = {}
    for rater in raters:
        ratings = list(rater.ratings.all())
        # save_answers moves the version on and writes the answer in one transaction:
        # one step of the version for every answer (each write answers one new item).
        if rater.version - 1 != len(ratings):
            problems.append(
                f"rating round {rater.round_id}: version {rater.version} but {len(ratings)} answers stored (half there)"
            )
        for rating in ratings:
            marked = MARKER_IN_TEXT.search(rating.evidence)
            if marked is None:
                problems.append(f"rating round {rater.round_id}: an answer without a marker ({rating.item_code})")
                continue
            found.setdefault(marked.group(1), []).append((rater.round_id, rating))
    for write in expect.get("ratings", []):
        rows = found.get(write["marker"], [])
        whole = len(rows) == 1 and rows[0][0] == write["round"] and rows[0][1].item_code == write["item"]
        whole = whole and rows[0][1].value == int(write["value"])
        if write["outcome"] == "accepted" and not whole:
            problems.append(f"rating {write['marker']}: acknowledged, stored {len(rows)} times (whole: {whole})")
        elif write["outcome"] == "refused" and rows:
            problems.append(f"rating {write['marker']}: refused but stored")
        elif write["outcome"] == "unknown" and rows and not whole:
            problems.append(f"rating {write['marker']}: half there (stored {len(rows)} times, whole: {whole})")
    return set(found)


def _check_uploads(expect: dict, problems: list[str]) -> set[str]:
    """Each upload write started a language audit titled with its marker. Returns the markers stored."""
    audits = list(LanguageAudit.objects.filter(programme_id=expect["programme"]).prefetch_related("documents"))
    waiting = {
        row.document_id: row for row in PendingUpload.objects.filter(document__audit__programme_id=expect["programme"])
    }
    queued = {
        (row.args_kwargs.get("kwargs") or {}).get("audit_id")
        for row in DBTaskResult.objects.filter(task_path=UPLOAD_TASK)
    }
    files_of = {write["marker"]: write["files"] for write in expect.get("uploads", [])}
    found: Counter = Counter()
    for audit in audits:
        marked = MARKER_IN_TEXT.search(audit.title)
        if marked is None:
            problems.append(f"upload audit {audit.pk}: no marker in its title")
            continue
        marker = marked.group(1)
        found[marker] += 1
        documents = list(audit.documents.all())
        half = []
        if audit.document_count != len(documents) or len(documents) != files_of.get(marker, -1):
            half.append(f"{len(documents)} documents, {audit.document_count} counted, {files_of.get(marker)} sent")
        for number, document in enumerate(documents):
            pending = waiting.get(document.pk)
            if document.status != AuditDocument.Status.WAITING or pending is None:
                half.append(f"document {document.position} {document.status} without its file")
                continue
            sealed = crypto.decrypt_undated(pending.sealed, context=language_audit._context(document.pk))
            content = base64.b64decode(sealed)
            if content != upload_content(marker, number) or pending.size != len(content):
                half.append(f"document {document.position} holds other bytes than were sent")
        if audit.pk not in queued:
            half.append("no counting task queued")
        if half:
            problems.append(f"upload {marker}: half there ({'; '.join(half)})")
    stray = set(waiting) - {document.pk for audit in audits for document in audit.documents.all()}
    if stray:
        problems.append(f"upload: {len(stray)} stored files without their document")
    for write in expect.get("uploads", []):
        times = found[write["marker"]]
        problems += _once_problems("upload", write, times)
    return set(found)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Set up, or check, the fault harness's writes; prints JSON.")
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("setup")
    making.add_argument("--codes", type=int, required=True)
    making.add_argument("--actions", type=int, required=True)
    making.add_argument("--out", type=Path, required=True)
    making.add_argument("--sessions", type=int, default=1, help="Signed-in sessions of the lead.")
    making.add_argument("--rounds", type=int, default=2, help="Assessment rounds to rate, per rating writer.")
    making.add_argument("--raters", type=int, default=1, help="Rating writers.")
    checking = commands.add_parser("check")
    checking.add_argument("--expect", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "setup":
        print(json.dumps(setup(args.codes, args.actions, args.out, args.sessions, args.rounds, args.raters)))
    else:
        print(json.dumps(check(json.loads(args.expect.read_text()))))


if __name__ == "__main__":
    main()
