"""The lead keeps each phase's status and dates up to date; stale saves are refused."""

from pathfinder.core.models import AuditEvent


def url(world, phase="plan"):
    return f"/programmes/{world.programme.pk}/phases/{phase}/"


def test_it_updates_a_phase(world, as_user):
    response = as_user(world.lead).post(
        url(world), {"status": "in_progress", "starts_on": "2026-11-01", "ends_on": "2027-03-31", "version": 1}
    )
    assert response.status_code == 302
    phase = world.programme.phases.get(phase="plan")
    assert (phase.status, str(phase.starts_on), str(phase.ends_on), phase.version) == (
        "in_progress",
        "2026-11-01",
        "2027-03-31",
        2,
    )
    assert AuditEvent.objects.filter(kind="programme.phase_changed", detail__status="in_progress").exists()


def test_it_refuses_an_end_before_the_start(world, as_user):
    response = as_user(world.lead).post(
        url(world), {"status": "in_progress", "starts_on": "2027-03-01", "ends_on": "2027-01-01", "version": 1}
    )
    assert response.status_code == 200
    assert "end date must be the same as or after the start date" in response.page.text()
    assert response.page.css("#id_starts_on")[0].get("value") == "2027-03-01"


def test_a_stale_save_is_refused_and_both_versions_are_shown(world, as_user):
    lead = as_user(world.lead)
    lead.post(url(world), {"status": "done", "starts_on": "", "ends_on": "2027-02-01", "version": 1})
    response = lead.post(url(world), {"status": "in_progress", "starts_on": "2026-12-01", "ends_on": "", "version": 1})
    assert response.status_code == 200
    text = response.page.text()
    assert "Someone else updated this phase" in text
    assert "It now says: Done, to 2027-02-01" in text
    phase = world.programme.phases.get(phase="plan")
    assert phase.status == "done"
    # What this person typed is still in the form, carrying the newest version.
    assert response.page.css("#id_starts_on")[0].get("value") == "2026-12-01"
    assert response.page.css("input[name=version]")[0].get("value") == "2"


def test_an_unknown_phase_is_not_found(world, as_user):
    assert as_user(world.lead).get(url(world, "nonsense")).status_code == 404
