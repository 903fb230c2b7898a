"""Demo surveys for Lochmore: a closed training needs analysis that people
answered with a shared link (so its results can be read straight away) and
an open staff wellbeing pulse, ready for the lead to send codes.

The answers are invented, made from a fixed seed so every load is the same.
Idempotent: a second load finds the surveys and changes nothing.
"""

import random

from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.programmes.services import current_programme
from pathfinder.surveys import services
from pathfinder.surveys.models import Survey

TNA_TITLE = "Training needs analysis, autumn"
PULSE_TITLE = "Staff wellbeing pulse"
ROLES = ["practitioner"] * 12 + ["clinician"] * 6 + ["team_leader"] * 3 + ["admin"] * 3 + ["peer_worker"] * 2
TRAINING = ["informed_elearning", "skilled_elearning", "safety_stabilisation", "wellbeing"]
COMMENTS = [
    "Protected time to do the e-learning would help more than anything.",
    "I would like to learn more about safety and stabilisation.",
    "Short sessions in team meetings work better for me than a full day.",
    "More on how to talk with people about what has happened to them.",
    "Training together with the GP practices would help us share a language.",
    "Reflective practice after training, so it sticks.",
    "Face-to-face sessions, please, not only online.",
    "Help with looking after ourselves after a difficult day.",
    "Something for reception staff too: we are the first people anyone meets.",
    "Time to practise with colleagues before using it with people.",
    "Coaching after the course would help me put it into practice.",
]


def _answers(rng: random.Random, role: str, n: int) -> dict:
    lift = {"clinician": 1, "team_leader": 1, "peer_worker": 0, "practitioner": 0, "admin": -1}[role]

    def score():
        return max(1, min(5, rng.choice([2, 3, 3, 4]) + lift + rng.choice([-1, 0, 0, 0, 1])))

    done = [course for course in TRAINING if rng.random() < (0.7 if course == "informed_elearning" else 0.3)]
    answers = {
        "about.organisation": "this_service",
        "about.role": role,
        "about.area": rng.choice(["community"] * 4 + ["outreach", "residential"]),
        "about.time_in_post": rng.choice(["under_1", "1_2", "3_5", "over_5"]),
        "about.training_done": done or ["none"],
        "confidence.trauma_concept": score(),
        "confidence.trauma_impact": score(),
        "confidence.principles": score(),
        "confidence.applying": max(1, score() - 1),
    }
    if n < len(COMMENTS):
        answers["needs.comments"] = COMMENTS[n]
    return answers


def load(context: dict) -> None:
    service = context["service"]
    programme = current_programme(service)
    if programme is None or Survey.objects.filter(programme=programme, title=TNA_TITLE).exists():
        return
    lead = context["people"]["lead@lochmore.example"]
    today = timezone.localdate()
    tna = InstrumentVersion.objects.get(instrument__key="training-needs-analysis", instrument__owner=None)
    survey = services.create_survey(
        programme=programme,
        instrument_version=tna,
        kind=Survey.Kind.TNA,
        title=TNA_TITLE,
        distribution=Survey.Distribution.LINK,
        opens_on=today - timezone.timedelta(days=40),
        closes_on=today + timezone.timedelta(days=1),
        included_optional=["about.area"],
        by=lead,
    )
    rng = random.Random(2026)
    for n, role in enumerate(ROLES):
        services.submit(survey, services.Submission(answers=_answers(rng, role, n)))
    Survey.objects.filter(pk=survey.pk).update(closes_on=today - timezone.timedelta(days=19))

    pulse = InstrumentVersion.objects.get(instrument__key="wellbeing-pulse", instrument__owner=None)
    survey = services.create_survey(
        programme=programme,
        instrument_version=pulse,
        kind=Survey.Kind.WELLBEING,
        title=PULSE_TITLE,
        distribution=Survey.Distribution.CODES,
        opens_on=today,
        closes_on=today + timezone.timedelta(days=21),
        included_optional=[],
        by=lead,
    )
    # No codes are sent: loading the demo sends no e-mail. Try inviting people from the survey's page.
