import pytest
from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.surveys import services


@pytest.fixture
def tna_version(db):
    return InstrumentVersion.objects.get(instrument__key="training-needs-analysis", instrument__owner=None)


@pytest.fixture
def make_survey(world, tna_version):
    def make(distribution="codes", kind="tna", version=None, title="Training needs 2027"):
        today = timezone.localdate()
        return services.create_survey(
            programme=world.programme,
            instrument_version=version or tna_version,
            kind=kind,
            title=title,
            distribution=distribution,
            opens_on=today,
            closes_on=today + timezone.timedelta(days=14),
            included_optional=["about.area"],
            by=world.lead,
        )

    return make


def respond(survey, answers_list):
    """Answer once per entry, each with its own printed code."""
    codes = services.extra_codes(survey, len(answers_list), by=None) if survey.distribution == "codes" else []
    for index, answers in enumerate(answers_list):
        services.submit(survey, services.Submission(answers=answers, code=codes[index] if codes else ""))


def close(survey, world):
    services.close_early(survey, version=survey.version, by=world.lead)
    survey.refresh_from_db()
