"""A refused phase save keeps the lead's own edits on top of what a colleague
saved meanwhile: a date the lead did not touch takes the colleague's value."""

from pathfinder.programmes import services


def test_it_merges_a_refused_phase_save(world, as_user):
    lead = as_user(world.lead)
    address = f"/programmes/{world.programme.pk}/phases/plan/"
    opened = lead.get(address).page.form_data()
    phase = world.programme.phases.get(phase="plan")
    services.update_phase(
        phase, status=phase.status, starts_on=None, ends_on="2027-02-01", version=phase.version, by=world.member
    )
    refused = lead.post(address, opened | {"status": "in_progress"}).page
    again = refused.form_data()
    assert again["status"] == "in_progress" and again["ends_on"] == "2027-02-01"
    assert "It now says: “2027-02-01”" in refused.css("#id_ends_on-changed")[0].text_content()
