"""Every finding says where it came from: a tool's registered source with a
link back, or, for one added by hand, what the person said (an interview, a
meeting)."""

from pathfinder.programmes import registry, services
from pathfinder.programmes.models import Finding


def test_a_finding_added_by_hand_says_where_it_came_from(world, as_user):
    client = as_user(world.member)
    client.post(
        f"/programmes/{world.programme.pk}/findings/",
        {"text": "Waits are long.", "theme": "service_design", "kind": "barrier", "source_label": " Staff interview "},
    )
    assert Finding.objects.get().source_label == "Staff interview"
    assert "Staff interview" in client.get(f"/programmes/{world.programme.pk}/findings/").page.text()


def test_a_tools_finding_names_and_links_its_source(world, as_user, monkeypatch):
    monkeypatch.setattr(registry, "_sources", dict(registry._sources))  # registered for this test only
    registry.register_finding_source(
        registry.FindingSource(
            key="interview", label="Interview", link=lambda finding: f"/interviews/{finding.source_id}/"
        )
    )
    services.add_finding(
        programme=world.programme,
        theme="culture",
        kind="strength",
        text="Warm welcome.",
        by=world.lead,
        source_type="interview",
        source_id="7",
        source_label="Interview with a peer worker",
    )
    page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/findings/").page
    (link,) = page.css("a[href='/interviews/7/']")
    assert link.text_content() == "Interview with a peer worker"
