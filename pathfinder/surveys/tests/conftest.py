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


def emailed_codes(survey, count: int) -> list[str]:
    """Invite `count` new staff members of the survey's service by e-mail and
    return their codes (read from the test mailbox)."""
    from django.core import mail

    from pathfinder.testing.factories import MembershipFactory

    people = [MembershipFactory(service=survey.programme.service).user for _ in range(count)]
    before = len(mail.outbox)
    services.invite_members(survey, people, by=None)
    return [message.body.split("Your code:")[1].split()[0] for message in mail.outbox[before:]]


def respond(survey, answers_list, *, printed: bool = False):
    """Answer once per entry, each with its own code: e-mailed to a new staff
    member, or (printed=True) printed, which the results then treat as answers
    the person who printed them may know."""
    codes = []
    if survey.distribution == "codes":
        codes = (
            services.extra_codes(survey, len(answers_list), by=None)
            if printed
            else emailed_codes(survey, len(answers_list))
        )
    for index, answers in enumerate(answers_list):
        services.submit(survey, services.Submission(answers=answers, code=codes[index] if codes else ""))


def close(survey, world):
    services.close_early(survey, version=survey.version, by=world.lead)
    survey.refresh_from_db()
