"""Demo data for the assessment: a closed baseline and an open follow-up, so
a newcomer sees ratings, agreed scores, charts and a round still in progress."""

import random
from datetime import timedelta

from django.utils import timezone

from pathfinder.assessments import services
from pathfinder.assessments.models import AssessmentRound, Rater
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.programmes.services import current_programme

RATERS = ["lead@lochmore.example", "group@lochmore.example", "adviser@lochmore.example", "staff@lochmore.example"]
# Where the fictional service starts: stronger on wellbeing and skills, early on power sharing and budgets.
BASELINE = {
    "culture": 2,
    "leadership": 3,
    "wellbeing": 4,
    "power_sharing": 1,
    "skills": 3,
    "data": 2,
    "policies": 2,
    "budgets": 1,
    "service_design": 3,
}
RATIONALES = {
    "wellbeing": "Supervision happens for most staff, but reflective practice lapsed during staff shortages.",
    "power_sharing": "There is no group yet where people who use the service shape decisions.",
    "budgets": "Costs of the work have not been written down; staff time is found informally.",
}


def load(context: dict) -> None:
    programme = current_programme(context["service"])
    if programme is None or AssessmentRound.objects.filter(programme=programme).exists():
        return
    version = InstrumentVersion.objects.get(instrument__key="ti-organisational-self-assessment", instrument__owner=None)
    definition = version.parsed
    people = context["people"]
    lead = people["lead@lochmore.example"]
    raters = [people[email] for email in RATERS]
    chance = random.Random(2026)

    baseline = services.open_round(
        programme=programme,
        instrument_version=version,
        kind="baseline",
        title="Baseline, October 2026",
        raters=raters,
        by=lead,
    )
    for rater in baseline.raters.all():
        answers = {}
        for item in definition.items:
            centre = BASELINE[item.section]
            value = max(1, min(5, centre + chance.choice([-1, 0, 0, 1]))) if chance.random() > 0.1 else None
            answers[item.code] = services.Answer(value=value)
        services.save_answers(rater, answers, version=rater.version, submit=True)
    services.start_consensus(baseline, version=baseline.version, by=lead)
    baseline.refresh_from_db()
    services.agree_scores(
        baseline,
        {
            item.code: services.Decision(
                value=BASELINE[item.section]
                + (1 if item.aspect == "operational" and BASELINE[item.section] in (2, 3) else 0),
                rationale=RATIONALES.get(item.section, "") if item.section in RATIONALES else "",
                version=0,
            )
            for item in definition.items
        },
        by=lead,
    )
    baseline.refresh_from_db()
    services.close_round(baseline, version=baseline.version, by=lead)
    AssessmentRound.objects.filter(pk=baseline.pk).update(
        opened_at=timezone.now() - timedelta(days=40), closed_at=timezone.now() - timedelta(days=30)
    )

    follow_up = services.open_round(
        programme=programme,
        instrument_version=version,
        kind="follow_up",
        title="Follow-up, spring 2027",
        raters=raters,
        by=lead,
        rate_by=timezone.localdate() + timedelta(days=21),
    )
    # The demo's people were "invited" weeks ago; loading it sends no e-mail.
    Rater.objects.filter(round=follow_up).update(invited_at=timezone.now() - timedelta(days=7))
    first = follow_up.raters.get(user=people["group@lochmore.example"])
    services.save_answers(
        first,
        {item.code: services.Answer(value=min(5, BASELINE[item.section] + 1)) for item in definition.sections[0].items},
        version=first.version,
    )
