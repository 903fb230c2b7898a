"""Every e-mail subject is one line, whatever someone typed into a title."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.surveys import services as survey_services
from pathfinder.testing.factories import MembershipFactory

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.fixture
def survey_with_broken_title(world):
    version = InstrumentVersion.objects.get(instrument__key="training-needs-analysis", instrument__owner=None)
    today = timezone.localdate()
    return survey_services.create_survey(
        programme=world.programme,
        instrument_version=version,
        kind="tna",
        title="Training needs\r\n2027\nfor everyone",
        distribution="codes",
        opens_on=today,
        closes_on=today + timezone.timedelta(days=14),
        included_optional=[],
        by=world.lead,
    )


def test_it_sends_survey_invitations_when_the_title_has_line_breaks(
    world, as_user, survey_with_broken_title, mailoutbox
):
    person = MembershipFactory(service=world.service).user
    response = as_user(world.lead).post(
        reverse("survey_invite", args=[survey_with_broken_title.pk]), {"people": [str(person.pk)]}
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    subject = mailoutbox[0].subject
    assert "\r" not in subject and "\n" not in subject
    assert subject == "Training needs 2027 for everyone – your code"
    mailoutbox[0].message()  # the message can be built, so any backend can send it


def test_it_makes_any_subject_one_line():
    from pathfinder.core import mail

    assert mail.one_line("  A\r\nB\rC\nD\u2028E  ") == "A B C D E"


def test_it_sends_every_email_through_the_one_helper():
    """Nothing else imports Django's senders, so no subject can skip the clean-up."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts or path == PACKAGE / "core" / "mail.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in {"django.core.mail", "django.core"}:
                names = {alias.name for alias in node.names}
                if names & {"send_mail", "send_mass_mail", "EmailMessage", "EmailMultiAlternatives", "mail"}:
                    offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
