"""The recommendation library: the report's recommendations in our own words,
each citing its section, offered as suggested actions that prefill a form."""

from pathfinder.planning import recommendations
from pathfinder.planning.models import Action
from pathfinder.planning.tests.conftest import form_data
from pathfinder.programmes.domain import Theme


def test_every_theme_has_three_to_six_cited_recommendations():
    groups = recommendations.grouped()
    assert [value for value, _, _ in groups] == list(Theme.values)
    for _, label, entries in groups:
        assert 3 <= len(entries) <= 6, label
        for entry in entries:
            assert entry.cite.startswith("Report: ") and entry.cite.endswith("— Pathfinder Recommendations")
            assert entry.title and entry.text


def test_it_refuses_a_broken_library(tmp_path):
    import pytest

    broken = tmp_path / "library.yaml"
    broken.write_text("- {key: a, theme: nonsense, title: T, text: X, cite: 'Report: x'}\n")
    with pytest.raises(ValueError, match="unknown theme"):
        recommendations.load(broken)


def test_a_suggestion_prefills_a_new_action(world, as_user):
    entry = recommendations.by_key("leadership-mission-statement")
    client = as_user(world.member)
    page = client.get(f"/programmes/{world.programme.pk}/plan/actions/new/", {"suggestion": entry.key}).page
    assert page.css("input[name=title]")[0].get("value") == entry.title
    assert entry.cite in page.css("#id_description")[0].text_content()
    assert page.css("select[name=theme] option[selected]")[0].get("value") == "leadership"
    assert page.css("input[name=suggestion]")[0].get("value") == entry.key

    client.post(
        f"/programmes/{world.programme.pk}/plan/actions/new/?suggestion={entry.key}",
        form_data(title=entry.title, theme="leadership", owner=str(world.memberships.lead.pk), suggestion=entry.key),
    )
    assert Action.objects.get().suggestion_key == entry.key
    library = client.get(f"/programmes/{world.programme.pk}/plan/suggestions/").page
    assert "Already in your plan" in library.text()
    themed = client.get(f"/programmes/{world.programme.pk}/plan/findings/", {"theme": "leadership"}).page
    assert entry.title in themed.text() and "Already in your plan" in themed.text()
