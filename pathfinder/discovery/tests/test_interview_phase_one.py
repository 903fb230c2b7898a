"""Phase one on the dashboard and its own page: interviews done, and what
they found per theme, ready for the lens event."""

from pathfinder.discovery.tests.interview_factories import interview, tag


def test_the_dashboard_shows_interviews_done(world, as_user):
    interview(world)
    interview(world, audience="partner")
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/").page
    panel = page.css("section[aria-labelledby=panel-discovery]")[0].text_content()
    assert "2 interviews recorded, 1 with partners." in " ".join(panel.split())


def test_the_phase_one_page_lists_what_interviews_found_per_theme(world, as_user):
    made = interview(world)
    tag(made, world)
    tag(made, world, kind="facilitator", theme="policies", text="A new leaflet was written with people.")
    page = as_user(world.member).get(f"/programmes/{world.programme.pk}/phase-one/").page
    assert "Ready for the lens event?" in page.text()
    assert "Policies and processes Interviews: 1 thing that helps and 1 barrier." in page.text()
    assert "Nothing yet about: Organisational culture" in page.text()


def test_withdrawn_interviews_do_not_count(world, as_user):
    from pathfinder.discovery.services import interviews as services

    made = interview(world)
    services.withdraw_consent(made, by=world.lead)
    page = as_user(world.lead).get(f"/programmes/{world.programme.pk}/").page
    assert "No interviews yet." in page.text()
