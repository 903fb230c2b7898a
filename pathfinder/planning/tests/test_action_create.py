"""Turning findings into actions with owners, dates and costs, and the bad
input the issue names: clear messages, and nothing typed is lost."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from pathfinder.core import services as core_services
from pathfinder.planning.models import Action, ActionUpdate
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import form_data, make_action
from pathfinder.testing.factories import FindingFactory


def new_url(world):
    return f"/programmes/{world.programme.pk}/plan/actions/new/"


def test_it_makes_an_action_from_a_finding(world, as_user, finding):
    client = as_user(world.member)
    page = client.get(new_url(world), {"finding": finding.pk}).page
    assert page.css(f"input[name=findings][value='{finding.pk}']")[0].get("checked") is not None
    assert page.css("select[name=theme] option[selected]")[0].get("value") == "wellbeing"
    source = services.add_funding_source(programme=world.programme, name="Service budget", by=world.lead)

    response = client.post(
        new_url(world),
        form_data(
            owner=str(world.memberships.member.pk),
            findings=[str(finding.pk)],
            direct_cost="£1,250.50",
            staff_hours="12.5",
            funding_source=str(source.pk),
            indirect_notes="Cover for clinics",
        ),
    )
    action = Action.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/actions/{action.pk}/"
    assert action.owner == world.memberships.member
    assert action.direct_cost == Decimal("1250.50") and action.staff_hours == Decimal("12.5")
    assert action.funding_source == source
    assert list(action.findings.all()) == [finding]
    assert action.updates.get().kind == ActionUpdate.Kind.CREATED

    detail = client.get(f"/actions/{action.pk}/").page
    assert finding.text in detail.text()
    assert "£1,250.50, from Service budget" in detail.text()


def _refused(client, world, **overrides):
    response = client.post(new_url(world), form_data(**{"owner": str(world.memberships.member.pk), **overrides}))
    assert response.status_code == 200
    assert response.page.title.startswith("Error: ")
    assert not Action.objects.exists()
    return response.page


def test_it_refuses_a_due_date_before_the_start(world, as_user):
    page = _refused(as_user(world.lead), world, title="Keep my words", starts_on="2027-05-01", due_on="2027-04-01")
    assert "The due date must be the same as or after the start date (1 May 2027)." in page.error_summary()
    assert page.css("input[name=title]")[0].get("value") == "Keep my words"
    assert page.css("input[name=due_on]")[0].get("value") == "2027-04-01"


def test_it_refuses_a_negative_cost(world, as_user):
    page = _refused(as_user(world.lead), world, direct_cost="-50", staff_hours="-2")
    assert "The direct cost cannot be less than £0. Enter 0 if there is none." in page.error_summary()
    assert "Staff hours cannot be less than 0. Enter 0 if no staff time is needed." in page.error_summary()
    assert page.css("input[name=direct_cost]")[0].get("value") == "-50"


def test_it_refuses_an_unknown_funding_source(world, as_user):
    elsewhere = services.add_funding_source(programme=world.other_programme, name="Not yours", by=world.outsider)
    page = _refused(as_user(world.lead), world, funding_source=str(elsewhere.pk))
    assert page.error_summary()[0].startswith("Choose a funding source from the list.")


def test_it_refuses_an_owner_who_has_left(world, as_user):
    leaving = world.memberships.viewer
    core_services.end_membership(leaving, version=leaving.version, by=world.lead)
    page = _refused(as_user(world.lead), world, title="Still here", owner=str(leaving.pk))
    assert page.error_summary() == [
        "Vera Viewer has left the service, so they cannot own this action. Choose someone who is still a member."
    ]
    assert page.css("input[name=title]")[0].get("value") == "Still here"
    # People who have left are not offered as owners.
    assert not page.css(f"select[name=owner] option[value='{leaving.pk}']")


def test_it_refuses_an_owner_from_another_service(world, as_user):
    page = _refused(as_user(world.lead), world, owner=str(world.memberships.outsider.pk))
    assert page.error_summary() == ["Choose who will take this action forward, from the list."]


def test_blocked_needs_a_reason(world, as_user):
    page = _refused(as_user(world.lead), world, status="blocked")
    assert page.error_summary() == ["Say what is blocking it, so the group can help."]


def test_findings_of_another_programme_cannot_be_cited(world, as_user):
    theirs = FindingFactory(programme=world.other_programme)
    page = _refused(as_user(world.lead), world, findings=[str(theirs.pk)])
    assert page.error_summary() == ["Choose findings from this programme's list."]


def test_the_database_refuses_what_the_form_would(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_action(world, direct_cost=Decimal("-1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_action(world, starts_on=date(2027, 5, 1), due_on=date(2027, 4, 1))
