"""Per-person support for people taking part with lived experience: met
beforehand, support offered, debrief offered."""

from pathfinder.lens import services


def test_the_lead_records_support_for_a_lived_experience_participant(world, as_user, event):
    guest = services.add_guest(event, kind="lived_experience", by=world.lead)
    client = as_user(world.lead)
    page = client.get(f"/lens-participants/{guest.pk}/").page
    assert page.css("input[name=support][value=met_beforehand]")
    response = client.post(
        f"/lens-participants/{guest.pk}/",
        {
            "kind": "lived_experience",
            "label": guest.label,
            "group": "",
            "version": guest.version,
            "support": ["met_beforehand", "debrief_offered"],
        },
    )
    assert response.status_code == 302
    guest.refresh_from_db()
    assert guest.met_beforehand and guest.debrief_offered and not guest.support_offered
    text = client.get(f"/lens-events/{event.pk}/people/").page.text()
    assert "Met beforehand, debrief offered; support not offered yet" in text


def test_the_change_is_recorded(world, as_user, event):
    from pathfinder.core.models import AuditEvent

    guest = services.add_guest(event, kind="lived_experience", by=world.lead)
    as_user(world.lead).post(
        f"/lens-participants/{guest.pk}/",
        {
            "kind": "lived_experience",
            "label": "",
            "group": "",
            "version": guest.version,
            "support": ["support_offered"],
        },
    )
    recorded = AuditEvent.objects.get(kind="lens.support_recorded")
    assert recorded.actor == world.lead and recorded.detail["support_offered"] is True
