"""National-scale content for the largest service's current programme, added to
a database that bench/generate.py and bench/national_data.py have filled, so
`make bench` can measure the pages that grow with their own data (issue 15,
goals 2 and 5):

- a closed training needs analysis that the whole team was e-mailed codes for,
  answered by 700 of them (survey results);
- a baseline and a follow-up organisational assessment, both rated by the
  implementation group, scores agreed and closed (assessment results, the
  follow-up charted against the baseline);
- an open lens event with 300 notes over the journeys of five groups, areas
  for improvement and votes (the live map, and the report facilitators see
  while the room fills it in);
- plan actions topped up to 500 (plan by theme, timeline).

Everything goes through the apps' own services, as real use would: codes are
e-mailed (to a mailbox in memory here, read back to answer with), answers are
sealed and codes spent by surveys.services.submit, notes are added one by one
by lens.services.add_note, and so on. Only the dates of the baseline round are
moved back afterwards, as the assessment demo does. Same seed, same data.

It must run with the server's environment (codes and answers are keyed with
SECRET_KEY and FIELD_ENCRYPTION_KEYS):

    DATABASE_URL=... .venv/bin/python -m bench.scale_data [--responses 700] [--notes 300] [--actions 500]

The last line printed is JSON: the ids the page URLs need, what was made, and
row counts for the report.
"""

import argparse
import json
import os
import random
import sys
import time
from datetime import timedelta
from decimal import Decimal
from statistics import median

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    django.setup()

from django.core import mail
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone

from bench.survey_data import largest_service, lead_of, tna_survey
from pathfinder.assessments import services as assessments
from pathfinder.assessments.demo import BASELINE, RATIONALES
from pathfinder.assessments.models import AgreedScore, AssessmentRound, Rating
from pathfinder.core.models import Membership
from pathfinder.core.roles import Role
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.lens import services as lens
from pathfinder.lens.models import JourneyNote, NoteKind, ParticipantKind, Priority, Tier, Vignette, Vote
from pathfinder.planning import recommendations
from pathfinder.planning.models import Action, ActionUpdate
from pathfinder.planning.services import actions as planning
from pathfinder.programmes.domain import Principle, Theme
from pathfinder.programmes.services import current_programme
from pathfinder.surveys import services as surveys
from pathfinder.surveys.demo import COMMENTS
from pathfinder.surveys.forms import NONE, asked_items
from pathfinder.surveys.models import Participant, Response, Survey

SEED = 2026
# Goal 5's national scale.
RESPONSES, NOTES, ACTIONS = 700, 300, 500
# E-mails go to a mailbox in memory: the codes are read back from it to answer with.
IN_MEMORY_MAIL = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend", "OPTIONS": {}}}
# Of the people e-mailed a code, the share who answer (700 of the largest service's 737).
ANSWERING = 0.95
# The implementation group that rates the assessment: the lead and this many more.
RATERS = 11
ORGANISATION_ASSESSMENT = "ti-organisational-self-assessment"

# Who answers the training needs analysis, and how confident each role tends to feel.
ROLE_WEIGHTS = {
    "practitioner": 40,
    "clinician": 16,
    "admin": 12,
    "peer_worker": 10,
    "team_leader": 9,
    "manager": 5,
    "other": 8,
}
ROLE_LIFT = {"manager": 1, "team_leader": 1, "clinician": 1, "admin": -1}
CHOICE_WEIGHTS = {
    "about.organisation": {"this_service": 80, "third_sector": 6, "gp_practice": 3, "mental_health": 3},
    "about.area": {"community": 60, "outreach": 15, "residential": 15, "justice": 6},
}

NOTE_TEXTS = {
    NoteKind.BARRIER: [
        "The wait between referral and first contact felt long, and nobody said why.",
        "The letter used words {name} would not understand, and sounded like a warning.",
        "{name} had to tell their story again to someone new.",
        "The waiting room is loud and people can hear what is said at reception.",
        "Appointments are only in the morning, when {name} is least able to come.",
        "Missing one appointment meant going back to the start of the list.",
        "Nobody explained what would happen next, or who to call.",
        "Information is not shared, so each service asks the same questions.",
        "{name} was not asked who they wanted with them.",
        "Staff turnover means {name} rarely sees the same worker twice.",
    ],
    NoteKind.WORKS_WELL: [
        "The first phone call was warm and unhurried.",
        "{name} was offered a choice of where to meet.",
        "The key worker explained what would happen before it happened.",
        "A peer worker was there on the first visit, which made it feel safer.",
        "Reception staff knew {name}'s name and greeted them.",
        "The plan was written with {name}, in their own words.",
        "Text reminders the day before helped {name} come.",
        "The GP and the service spoke to each other, so {name} did not have to.",
    ],
    NoteKind.IDEA: [
        "Send a short welcome note saying who {name} will meet and what to expect.",
        "Offer a quiet room or a walk instead of the waiting room.",
        "Let people choose a morning or afternoon slot.",
        "Agree one shared assessment with the partners, asked once.",
        "Check in by phone after a missed appointment instead of closing the case.",
        "Ask people at the first meeting who they would like involved.",
        "Keep the same worker through the first three months.",
        "Rewrite the standard letters with people who use the service.",
    ],
}
PRIORITIES = [
    ("Shorter, clearer waits", "Tell people how long the wait is and what happens meanwhile."),
    ("Tell the story once", "One shared assessment with the partners, asked once."),
    ("Kinder letters", "Rewrite the standard letters with people who use the service."),
    ("A calmer first visit", "A quiet space and a choice of where to meet."),
    ("Same worker, fewer handovers", "Keep the same key worker through the first months."),
    ("No closing after one missed appointment", "Check in by phone and keep the place."),
    ("Choice of appointment times", "Offer afternoon and evening slots too."),
    ("Peers at the front door", "A peer worker at first appointments."),
]
ACTION_TITLES = [
    "Review the referral letter with people who use the service",
    "Set up monthly reflective practice for the outreach team",
    "Agree a shared assessment with the GP practices",
    "Book trauma-skilled training for new starters",
    "Audit the waiting room for noise and privacy",
    "Add a peer worker to first appointments",
    "Write a welcome leaflet with the lived-experience panel",
    "Offer afternoon appointments at two sites",
    "Report staff wellbeing survey results to the board",
    "Map the pathway with housing and justice partners",
]


def tna_answers(rng: random.Random, definition, asked) -> dict:
    """One person's answers, shaped as the answer form stores them
    (AnswerForm.answers): a role always, most of the rest, scales around the
    person's own confidence, "don't know" now and then, a comment sometimes."""
    role = rng.choices(list(ROLE_WEIGHTS), weights=list(ROLE_WEIGHTS.values()))[0]
    lift = ROLE_LIFT.get(role, 0) + rng.choice([-1, 0, 0, 0, 1])
    answers = {}
    for item in asked:
        if item.code == "about.role":
            answers[item.code] = role
            continue
        if not item.required and rng.random() < 0.06:
            continue  # skipped
        values = [option.value for option in item.options]
        if item.type == "scale":
            scale = definition.scale_for(item)
            if scale.dont_know and rng.random() < 0.04:
                answers[item.code] = None
            else:
                point = 3 + lift + rng.choice([-1, 0, 0, 1])
                answers[item.code] = max(scale.minimum, min(scale.maximum, point))
        elif item.type == "choice":
            weights = CHOICE_WEIGHTS.get(item.code, {})
            answers[item.code] = rng.choices(values, weights=[weights.get(value, 2) for value in values])[0]
        elif item.type == "multi":
            chosen = [value for value in values if value != NONE and rng.random() < 0.35]
            answers[item.code] = chosen or ([NONE] if NONE in values else [values[0]])
        elif item.type == "number":
            answers[item.code] = rng.randint(0, 40)
        elif rng.random() < 0.25:  # most people leave the comment box empty
            answers[item.code] = rng.choice(COMMENTS)
    return answers


def emailed_codes(before: int) -> list[str]:
    """The codes in the e-mails sent since `before` (the in-memory mailbox)."""
    return [message.body.split("Your code:")[1].split()[0] for message in mail.outbox[before:]]


def survey(rng: random.Random, programme, lead, people: list, responses: int) -> tuple[Survey, int]:
    """A training needs analysis asking every optional question, with codes
    e-mailed to everyone in the service; `responses` of them answer, then the
    lead closes it. Returns the survey and how many answered."""
    today = timezone.localdate()
    made = tna_survey(
        programme,
        title="Training needs analysis, whole service",
        opens_on=today - timedelta(days=21),
        closes_on=today + timedelta(days=7),
        by=lead.user,
    )
    definition = made.instrument_version.parsed
    before = len(mail.outbox)
    surveys.invite_members(made, [membership.user for membership in people], by=lead.user)
    codes = emailed_codes(before)
    rng.shuffle(codes)
    answering = min(responses, round(len(codes) * ANSWERING))
    asked = asked_items(definition, made)
    for code in codes[:answering]:
        surveys.submit(made, surveys.Submission(answers=tna_answers(rng, definition, asked), code=code))
    made.refresh_from_db()
    surveys.close_early(made, version=made.version, by=lead.user)
    return made, answering


def assessment_round(rng: random.Random, programme, lead, raters: list, version, *, kind: str, title: str, lift: int):
    """A round rated by each rater on their own, scores agreed (the raters'
    median, as a group would mostly land), then closed."""
    definition = version.parsed
    round_ = assessments.open_round(
        programme=programme,
        instrument_version=version,
        kind=kind,
        title=title,
        raters=[rater.user for rater in raters],
        by=lead.user,
    )
    given: dict[str, list[int]] = {}
    for rater in round_.raters.all():
        answers = {}
        for item in definition.items:
            centre = min(5, BASELINE.get(item.section, 2) + lift)
            value = max(1, min(5, centre + rng.choice([-1, 0, 0, 1]))) if rng.random() > 0.08 else None
            evidence = "Seen in the supervision records and team meeting notes." if rng.random() < 0.1 else ""
            answers[item.code] = assessments.Answer(value=value, evidence=evidence)
            if value is not None:
                given.setdefault(item.code, []).append(value)
        assessments.save_answers(rater, answers, version=rater.version, submit=True)
    round_.refresh_from_db()
    assessments.start_consensus(round_, version=round_.version, by=lead.user)
    round_.refresh_from_db()
    decisions = {
        item.code: assessments.Decision(
            value=round(median(given[item.code])) if item.code in given else None,
            rationale=RATIONALES.get(item.section, ""),
            version=0,
        )
        for item in definition.items
    }
    assessments.agree_scores(round_, decisions, by=lead.user)
    round_.refresh_from_db()
    assessments.close_round(round_, version=round_.version, by=lead.user)
    return round_


def assessment(rng: random.Random, programme, lead, people: list):
    """A baseline closed a year ago and a follow-up closed now, by the same
    implementation group; the follow-up's results are charted against the baseline."""
    version = InstrumentVersion.objects.get(instrument__key=ORGANISATION_ASSESSMENT, instrument__owner=None)
    group_roles = {Role.GROUP_MEMBER, Role.SENIOR_MANAGER, Role.LIVED_EXPERIENCE}
    raters = [lead, *[m for m in people if m.role in group_roles and m.pk != lead.pk][:RATERS]]
    baseline = assessment_round(
        rng, programme, lead, raters, version, kind="baseline", title="Baseline, last year", lift=0
    )
    a_year_ago = timezone.now() - timedelta(days=365)
    AssessmentRound.objects.filter(pk=baseline.pk).update(
        opened_at=a_year_ago - timedelta(days=30), closed_at=a_year_ago
    )
    follow_up = assessment_round(
        rng, programme, lead, raters, version, kind="follow_up", title="Follow-up, this year", lift=1
    )
    return follow_up, len(raters)


def lens_event(rng: random.Random, programme, lead, people: list, notes: int):
    """An open event held today: five groups of about five people (staff,
    partners, people with lived experience), each following two fictional
    people along the service's pathway, with `notes` notes in all, eight areas
    for improvement grouped from them, and everyone's votes."""
    service = programme.service
    pathway = lens.pathway_for(service)
    if pathway is None or not pathway.stages.exists():
        pathway = lens.start_with_usual_stages(service)  # the eight stages most services recognise
    stages = list(pathway.stages.filter(retired_at=None))
    event = lens.create_event(
        programme=programme, title="Walking the pathway together", held_on=timezone.localdate(), place="", by=lead.user
    )
    builtin = {tier: list(Vignette.objects.filter(service=None, tier=tier)) for tier in Tier.values}
    for vignettes in builtin.values():
        rng.shuffle(vignettes)
    tiers = [Tier.LOWER, Tier.MID, Tier.HIGHER, Tier.LOWER, Tier.MID]
    groups = []
    for number, tier in enumerate(tiers, 1):
        # A second group of the same tier follows a different pair (built-in tiers have three people each).
        vignettes, turn = builtin[tier], tiers[:number].count(tier) - 1
        pair = [vignettes[turn % len(vignettes)], vignettes[(turn + 1) % len(vignettes)]]
        groups.append(lens.add_group(event, name=f"Group {number}", tier=tier, vignettes=pair))
    taking_part = [m for m in people if m.role != Role.EVALUATOR and m.pk != lead.pk]
    rng.shuffle(taking_part)
    for number, group in enumerate(groups):
        lens.add_members(event, taking_part[number * 4 : number * 4 + 4], group=group, by=lead.user)
        lens.add_guest(event, kind=ParticipantKind.LIVED_EXPERIENCE, group=group, by=lead.user)
    event.refresh_from_db()
    lens.open_event(event, version=event.version, by=lead.user)
    journeys = [journey for group in groups for journey in group.journeys.select_related("vignette")]
    kinds = [NoteKind.BARRIER] * 5 + [NoteKind.WORKS_WELL] * 3 + [NoteKind.IDEA] * 3
    made = []
    for number in range(notes):
        journey = journeys[number % len(journeys)]
        kind = rng.choice(kinds)
        made.append(
            lens.add_note(
                journey,
                rng.choice(stages),
                kind=kind,
                text=rng.choice(NOTE_TEXTS[kind]).format(name=journey.vignette.name),
                principles=rng.sample(Principle.values, rng.choice([1, 1, 2, 3])),
                participant_kind=rng.choice(["", *ParticipantKind.values]),
            )
        )
    ideas = [note for note in made if note.kind != NoteKind.WORKS_WELL]
    priorities = [
        lens.add_priority(event, title=title, description=text, notes=rng.sample(ideas, min(6, len(ideas))))
        for title, text in PRIORITIES
    ]
    for participant in event.participants.filter(membership__isnull=False):
        for _ in range(event.votes_each):
            lens.cast_vote(rng.choice(priorities), participant)
    return event, len(made)


def top_up_actions(rng: random.Random, programme, lead, people: list, target: int) -> int:
    """Actions made by the lead until the plan has `target`; returns how many it has."""
    have = programme.actions.count()
    owners = [m for m in people if planning.may_own(m)]
    findings = list(programme.findings.values_list("pk", flat=True))
    library = recommendations.library()
    today = timezone.localdate()
    for number in range(have, target):
        suggestion = rng.choice(library) if rng.random() < 0.3 else None
        starts = today + timedelta(days=rng.randint(-300, 200))
        status = rng.choice(Action.Status.values)
        planning.create_action(
            programme=programme,
            by=lead.user,
            findings=rng.sample(findings, 1) if findings and rng.random() < 0.4 else (),
            suggestion_key=suggestion.key if suggestion else "",
            title=suggestion.title if suggestion else f"{rng.choice(ACTION_TITLES)} ({number + 1})",
            theme=suggestion.theme if suggestion else rng.choice(Theme.values),
            owner=rng.choice(owners) if owners and rng.random() < 0.8 else None,
            starts_on=starts,
            due_on=starts + timedelta(days=rng.randint(14, 240)),
            status=status,
            blocked_reason="Waiting for a decision on funding." if status == Action.Status.BLOCKED else "",
            priority=rng.choice(Action.Priority.values),
            direct_cost=Decimal(rng.choice([0, 0, 50, 120, 300, 1500])),
            staff_hours=Decimal(rng.choice([0, 2, 4, 8, 16])),
        )
    return max(have, target)


COUNTED = [Response, Participant, Rating, AgreedScore, JourneyNote, Priority, Vote, Action, ActionUpdate]


def analyse() -> None:
    """As bench/generate.py does: on PostgreSQL, planner statistics for the new rows now."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in COUNTED:
                cursor.execute(f'ANALYZE "{model._meta.db_table}"')


def add(responses: int = RESPONSES, notes: int = NOTES, actions: int = ACTIONS, seed: int = SEED) -> dict:
    rng = random.Random(seed)
    service = largest_service()
    programme = current_programme(service)
    lead = lead_of(service)
    if programme is None or lead is None:
        raise SystemExit(f"{service.name} has no programme or no lead.")
    people = list(Membership.objects.active().filter(service=service).select_related("user").order_by("pk"))
    mail.outbox = []
    with override_settings(MAILERS=IN_MEMORY_MAIL):
        made_survey, answered = survey(rng, programme, lead, people, responses)
        round_, raters = assessment(rng, programme, lead, people)
        event, noted = lens_event(rng, programme, lead, people, notes)
        planned = top_up_actions(rng, programme, lead, people, actions)
    mail.outbox = []
    analyse()
    return {
        "service": service.slug,
        "survey": made_survey.pk,
        "round": round_.pk,
        "lens_event": event.pk,
        "responses": answered,
        "raters": raters,
        "notes": noted,
        "actions": planned,
        "counts": {model._meta.label: model._default_manager.count() for model in COUNTED},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="National-scale content for the largest service; prints JSON.")
    parser.add_argument("--responses", type=int, default=RESPONSES, help="survey responses (at most 95%% of members)")
    parser.add_argument("--notes", type=int, default=NOTES, help="lens event notes")
    parser.add_argument("--actions", type=int, default=ACTIONS, help="plan actions the programme has at least")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = add(args.responses, args.notes, args.actions)
    print(json.dumps(result | {"seconds": round(time.perf_counter() - started, 1)}), file=sys.stdout)


if __name__ == "__main__":
    main()
