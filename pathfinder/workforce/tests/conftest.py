import pytest

from pathfinder.workforce import services

PLAN_URL = "/my-wellbeing-plan/"
EDIT_URL = "/my-wellbeing-plan/edit/"
PDF_URL = "/my-wellbeing-plan/print.pdf"
DELETE_URL = "/my-wellbeing-plan/delete/"

# Words only Alice's plan holds, so a test can look for them anywhere.
ALICES_WORDS = {
    "what_keeps_me_well": "Swimming on Tuesday mornings with my sister",
    "early_signs": "I stop answering the team chat\nand skip lunch",
    "what_helps": "A quiet walk by the loch after a hard visit",
    "who_to_contact": "Morag in occupational health",
}


@pytest.fixture
def alices_plan(world):
    """The lead (Alice) has written a wellbeing plan."""
    return services.save_plan(world.lead, dict(ALICES_WORDS), services.NO_PLAN)


def form_data(version, **texts) -> dict:
    return {
        "version": version,
        **{name: "" for name in ALICES_WORDS},
        **texts,
    }


# --- Training -----------------------------------------------------------------------


def training_url(programme, rest: str = "") -> str:
    return f"/programmes/{programme.pk}/training/{rest}"


def add_staff(service, job_role: str, count: int = 1) -> list:
    """`count` new staff members of `service` with `job_role` recorded."""
    from pathfinder.testing.factories import MembershipFactory
    from pathfinder.workforce import training

    made = []
    for _ in range(count):
        membership = MembershipFactory(service=service)
        training.set_job_role(membership, job_role, version=training.NO_PROFILE, by=None)
        made.append(membership)
    return made


def entry(service, key: str):
    from pathfinder.workforce import training

    return next(item for item in training.catalogue_for(service) if item.key == key)


def tna_answers(role: str, confidence: int | None = 4, training_done=("informed_elearning",), **more) -> dict:
    return {
        "about.role": role,
        "confidence.applying": confidence,
        "confidence.trauma_concept": 4,
        "about.training_done": list(training_done),
        **more,
    }


def tna_survey(
    world, answers_list, *, closed=True, title="Training needs 2027", programme=None, optional=(), distribution="codes"
):
    """A training needs analysis of the home programme, answered once per entry
    of `answers_list` (each with a code e-mailed to a new staff member, or by
    shared link), then closed unless `closed` is False."""
    from django.utils import timezone

    from pathfinder.instruments.models import InstrumentVersion
    from pathfinder.surveys import services

    version = InstrumentVersion.objects.get(instrument__key="training-needs-analysis", instrument__owner=None)
    today = timezone.localdate()
    survey = services.create_survey(
        programme=programme or world.programme,
        instrument_version=version,
        kind="tna",
        title=title,
        distribution=distribution,
        opens_on=today,
        closes_on=today + timezone.timedelta(days=14),
        included_optional=list(optional),
        by=world.lead,
    )
    from pathfinder.surveys.tests.conftest import respond

    respond(survey, answers_list)
    if closed:
        services.close_early(survey, version=survey.version, by=world.lead)
        survey.refresh_from_db()
    return survey
