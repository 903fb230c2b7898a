"""A refused stage edit shows what the other person changed, field by field,
and saving again keeps their change alongside this person's own."""

from pathfinder.lens import services


def test_it_merges_a_refused_stage_edit_onto_the_stage_as_saved_now(world, as_user, stages):
    stage = stages[0]
    lead = as_user(world.lead)
    address = f"/services/{world.service.slug}/pathway/stages/{stage.pk}/"
    opened = lead.get(address).page.form_data()
    # A colleague changes the wait in another browser.
    services.edit_stage(stage, version=stage.version, typical_wait="3 days")

    refused = lead.post(address, opened | {"name": "Getting referred"}).page
    assert refused.title.startswith("Error: ")
    again = refused.form_data()
    assert again["name"] == "Getting referred"
    assert again["typical_wait"] == "3 days"
    assert "It now says: “3 days”" in refused.css("#id_typical_wait-changed")[0].text_content()

    assert lead.post(address, again).status_code == 302
    stage.refresh_from_db()
    assert (stage.name, stage.typical_wait) == ("Getting referred", "3 days")
