"""The dashboard is the spine: phases, themes, findings and tool panels."""

import pytest
from django.template import engines
from django.urls import reverse
from jinja2 import ChoiceLoader, DictLoader

from pathfinder.programmes import registry
from pathfinder.testing.factories import FindingFactory


def test_it_shows_phases_themes_and_counts(world, as_user):
    FindingFactory(programme=world.programme, theme="wellbeing", kind="strength")
    FindingFactory(programme=world.programme, theme="wellbeing", kind="barrier")
    FindingFactory(programme=world.programme, theme="wellbeing", kind="gap")
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page
    text = page.text()
    for phase in ("Understand the service and its readiness", "Plan improvements", "Put priorities into practice"):
        assert phase in text
    rows = {
        row.cssselect("a")[0].text: [cell.text_content().split()[-1] for cell in row.cssselect("td")[1:]]
        for row in page.css("tbody tr")
    }
    assert len(rows) == 9
    assert rows["Workforce care, support and wellbeing"] == ["1", "2"]
    assert rows["Budgets"] == ["0", "0"]
    assert not page.css("a[href$='/phases/plan/']")  # a viewer cannot update phases


@pytest.fixture
def test_panel():
    env = engines["jinja2"].env
    original = env.loader
    env.loader = ChoiceLoader([DictLoader({"tests/panel.html": "<p>{{ ctx.message }}</p>"}), original])
    registry.register_panel(
        registry.Panel(
            key="test-tool",
            title="Test tool",
            template="tests/panel.html",
            context=lambda programme, request: {"message": f"{programme.findings.count()} findings seen"},
        )
    )
    yield
    registry._panels.pop("test-tool")
    env.loader = original


def test_a_tool_plugs_in_a_panel_without_touching_the_dashboard(world, as_user, test_panel):
    FindingFactory(programme=world.programme)
    page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/").page
    assert "Test tool" in page.text()
    assert "1 findings seen" in page.text()


def test_a_finding_links_back_to_its_source(world, as_user):
    registry.register_finding_source(
        registry.FindingSource(
            key="test-source", label="Test source", link=lambda finding: f"/somewhere/{finding.source_id}/"
        )
    )
    FindingFactory(
        programme=world.programme, source_type="test-source", source_id="42", source_label="Item 4, baseline"
    )
    page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/").page
    links = [a for a in page.css(".pf-findings a") if a.text == "Item 4, baseline"]
    assert links and links[0].get("href") == "/somewhere/42/"


def test_a_change_shows_on_the_next_view_of_the_dashboard(world, as_user):
    """What the panels share is read once per view, never kept for the next one."""
    from datetime import timedelta

    from django.utils import timezone

    from pathfinder.discovery.models import Document

    client = as_user(world.lead)
    url = reverse("programme_dashboard", args=[world.programme.pk])
    before = client.get(url).content.decode()
    assert "Welcome letter" not in before and "1 review overdue" not in before
    Document.objects.create(
        programme=world.programme,
        title="Welcome letter",
        kind=Document.Kind.choices[0][0],
        owner=Document.Owner.choices[0][0],
        changed_by=Document.ChangedBy.choices[0][0],
        next_review_on=timezone.localdate() - timedelta(days=3),
    )
    page = client.get(url).content.decode()
    assert "Welcome letter" in page and "1 review overdue" in page
    assert "1 document in the register" in page
