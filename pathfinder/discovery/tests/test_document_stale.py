"""Two people changing a document's details at once: the second save is
refused through the shared versioned form, never a silent overwrite."""

from datetime import date

from pathfinder.discovery.tests.factories_documents import a_document


def test_it_refuses_a_stale_save_and_keeps_both_changes_visible(world, as_user):
    document = a_document(world, "Welcome leaflet", kind="leaflet", version_date=date(2026, 3, 1))
    lead, member = as_user(world.lead), as_user(world.member)
    form_lead = lead.get(f"/documents/{document.pk}/edit/").page
    opened = form_lead.css("input[name=opened]")[0].get("value")
    base = {
        "title": "Welcome leaflet",
        "kind": "leaflet",
        "owner": "team",
        "changed_by": "team",
        "current_version": "",
        "version_date": "2026-03-01",
        "next_review_on": "",
        "status": "not_started",
        "working_group": "",
        "notes": "",
        "version": "1",
    }
    assert member.post(f"/documents/{document.pk}/edit/", {**base, "status": "in_review"}).status_code == 302
    response = lead.post(
        f"/documents/{document.pk}/edit/", {**base, "notes": "Ask people who use it.", "opened": opened}
    )
    assert response.status_code == 200
    text = response.page.text()
    assert "Someone else saved this document's details while you had them open" in text
    assert "Trauma-informed review" in text
    document.refresh_from_db()
    assert (document.status, document.notes, document.version) == ("in_review", "", 2)
    again = response.page.css("input[name=version]")[0].get("value")
    assert (
        lead.post(
            f"/documents/{document.pk}/edit/",
            {**base, "status": "in_review", "notes": "Ask people who use it.", "version": again},
        ).status_code
        == 302
    )
    document.refresh_from_db()
    assert (document.status, document.notes) == ("in_review", "Ask people who use it.")
