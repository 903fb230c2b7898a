"""The findings inbox: every finding of the programme, new, answered by an
action, or set aside with a reason; filtered by theme, principle and state."""

from pathfinder.planning.models import FindingDecision
from pathfinder.planning.services import actions as services
from pathfinder.planning.tests.conftest import make_action
from pathfinder.testing.factories import FindingFactory


def inbox(world):
    return f"/programmes/{world.programme.pk}/plan/findings/"


def states(page) -> dict[str, str]:
    return {
        item.get("id"): item.cssselect("strong.nhsuk-tag")[0].text_content()
        for item in page.css("li.pf-finding[id^=finding-]")
    }


def test_it_lists_findings_from_every_tool_with_their_state(world, as_user):
    new = FindingFactory(
        programme=world.programme, theme="culture", principles=["trust", "choice"], source_type="assessment"
    )
    answered = FindingFactory(programme=world.programme, theme="wellbeing", principles=["safety"])
    aside = FindingFactory(programme=world.programme, theme="culture")
    FindingFactory(programme=world.other_programme, text="Not ours")
    make_action(world, findings=[answered])
    services.set_aside(aside, reason="Covered by the board's own work.", by=world.lead)

    page = as_user(world.viewer).get(inbox(world)).page
    assert states(page) == {
        f"finding-{new.pk}": "New",
        f"finding-{answered.pk}": "Answered",
        f"finding-{aside.pk}": "Set aside",
    }
    assert "3 findings: 1 new, 1 answered by an action, 1 set aside." in page.text()
    assert "Answered by: Protect reflective practice" in page.text()
    assert "Set aside: Covered by the board's own work." in page.text()
    assert "Not ours" not in page.text()
    # Read-only: no buttons to change anything.
    assert "Make an action from this" not in page.text()

    client = as_user(world.member)
    assert list(states(client.get(inbox(world), {"state": "new"}).page)) == [f"finding-{new.pk}"]
    assert list(states(client.get(inbox(world), {"state": "answered"}).page)) == [f"finding-{answered.pk}"]
    assert list(states(client.get(inbox(world), {"state": "set_aside"}).page)) == [f"finding-{aside.pk}"]
    assert set(states(client.get(inbox(world), {"theme": "culture"}).page)) == {
        f"finding-{new.pk}",
        f"finding-{aside.pk}",
    }
    assert list(states(client.get(inbox(world), {"principle": "trust"}).page)) == [f"finding-{new.pk}"]


def test_setting_aside_needs_a_reason_and_can_be_undone(world, as_user, finding):
    client = as_user(world.member)
    url = f"/findings/{finding.pk}/set-aside/"
    refused = client.post(url, {"reason": "  "})
    assert refused.page.title.startswith("Error: ")
    assert not FindingDecision.objects.exists()

    assert client.post(url, {"reason": "Outside what the service can change"}).status_code == 302
    assert FindingDecision.objects.get().set_aside_reason == "Outside what the service can change"
    assert "Bring it back" in client.get(url).page.text()

    assert client.post(f"/findings/{finding.pk}/bring-back/").status_code == 302
    assert not FindingDecision.objects.exists()


def test_an_answered_finding_counts_as_answered_even_if_set_aside_before(world, as_user, finding):
    services.set_aside(finding, reason="Not now", by=world.lead)
    make_action(world, findings=[finding])
    page = as_user(world.lead).get(inbox(world)).page
    assert states(page) == {f"finding-{finding.pk}": "Answered"}


def test_one_action_can_answer_several_findings_and_the_reverse(world, as_user):
    first, second = FindingFactory.create_batch(2, programme=world.programme)
    make_action(world, title="One", findings=[first, second])
    make_action(world, title="Two", findings=[first])
    page = as_user(world.lead).get(inbox(world)).page
    answers = {
        item.get("id"): " ".join(item.text_content().split()) for item in page.css("li.pf-finding[id^=finding-]")
    }
    assert "Answered by: One; Two" in answers[f"finding-{first.pk}"]
    assert "Answered by: One" in answers[f"finding-{second.pk}"]


def test_outsiders_cannot_set_aside_findings(world, as_user, finding):
    assert as_user(world.outsider).post(f"/findings/{finding.pk}/set-aside/", {"reason": "x"}).status_code == 404
    assert as_user(world.viewer).post(f"/findings/{finding.pk}/set-aside/", {"reason": "x"}).status_code == 403
