import pytest

from pathfinder.assessments import services
from pathfinder.assessments.models import AssessmentRound
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.testing.factories import MembershipFactory


@pytest.fixture
def builtin(db):
    return InstrumentVersion.objects.get(instrument__key="ti-organisational-self-assessment", instrument__owner=None)


@pytest.fixture
def third_rater(world):
    return MembershipFactory(service=world.service, role="group_member", user__full_name="Gail Third").user


@pytest.fixture
def open_round(world, builtin, third_rater):
    return services.open_round(
        programme=world.programme,
        instrument_version=builtin,
        kind=AssessmentRound.Kind.BASELINE,
        title="Baseline 2026",
        raters=[world.lead, world.member, third_rater],
        by=world.lead,
    )


def answer_all(round_, user, value, evidence=""):
    rater = round_.raters.get(user=user)
    definition = round_.instrument_version.parsed
    services.save_answers(
        rater,
        {item.code: services.Answer(value=value, evidence=evidence) for item in definition.items},
        version=rater.version,
        submit=True,
    )


def agree_all(round_, user, value_for):
    definition = round_.instrument_version.parsed
    services.agree_scores(
        round_,
        {item.code: services.Decision(value=value_for(item), rationale="", version=0) for item in definition.items},
        by=user,
    )
