"""The lead drafts the service pathway; everyone in the service sees it."""

from pathfinder.lens.models import Pathway, Stage
from pathfinder.testing.factories import MembershipFactory


def url(world, tail=""):
    return f"/services/{world.service.slug}/pathway/{tail}"


def test_it_starts_from_the_usual_stages(world, as_user):
    client = as_user(world.lead)
    assert "Start with the usual stages" in client.get(url(world, "edit/")).page.text()
    client.post(url(world, "start/"))
    names = list(Stage.objects.order_by("position").values_list("name", flat=True))
    assert names[0] == "Referral" and names[-1] == "Moving on" and len(names) == 8
    # Only once: a pathway with stages keeps them.
    response = client.post(url(world, "start/"), follow=True)
    assert "already has stages" in response.content.decode()
    assert Stage.objects.count() == 8


def test_it_adds_a_stage_at_the_end(world, as_user, stages):
    response = as_user(world.lead).post(
        url(world, "stages/new/"),
        {
            "name": "Moving on",
            "what_happens": "Planning to leave.",
            "who_is_involved": "Key worker",
            "typical_wait": "When ready",
        },
    )
    assert response.status_code == 302
    last = Stage.objects.order_by("-position").first()
    assert last.name == "Moving on" and last.position == len(stages) + 1


def test_a_stage_needs_a_name(world, as_user):
    response = as_user(world.lead).post(url(world, "stages/new/"), {"name": " ", "what_happens": "Kept"})
    assert response.page.title.startswith("Error: ")
    assert "Enter a name for the stage." in response.page.error_summary()
    assert "Kept" in response.page.text()
    assert not Stage.objects.exists()


def test_everyone_in_the_service_sees_the_pathway_in_order(world, as_user, stages):
    staff = MembershipFactory(service=world.service, role="staff").user
    page = as_user(staff).get(url(world)).page
    headings = [" ".join(h.text_content().split()) for h in page.css(".pf-pathway h2")]
    assert headings[0] == "Stage 1 of 5: Referral"
    assert headings[-1] == "Stage 5 of 5: Review"
    assert "Edit the pathway" not in page.text()
    assert "2 weeks" in page.text()


def test_a_stale_stage_edit_keeps_what_was_typed(world, as_user, stages):
    stage = stages[0]
    client = as_user(world.lead)
    client.post(url(world, f"stages/{stage.pk}/"), {"name": "Getting referred", "version": 1})
    response = client.post(url(world, f"stages/{stage.pk}/"), {"name": "Referral in", "version": 1})
    assert response.page.title.startswith("Error: ")
    assert "Someone else changed this stage" in response.page.text()
    assert response.page.css("input[name=name]")[0].get("value") == "Referral in"
    stage.refresh_from_db()
    assert stage.name == "Getting referred"


def test_viewers_cannot_edit_and_outsiders_cannot_see(world, as_user, stages):
    for path in ["edit/", "stages/new/", f"stages/{stages[0].pk}/", f"stages/{stages[0].pk}/remove/"]:
        assert as_user(world.viewer).get(url(world, path)).status_code == 403, path
        assert as_user(world.outsider).get(url(world, path)).status_code == 404, path
    assert as_user(world.outsider).get(url(world)).status_code == 404
    # Another service's stage cannot be reached through this service's address either.
    assert Pathway.objects.count() == 1
