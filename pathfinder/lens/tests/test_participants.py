"""People taking part: members by their account, others by a label. Names
stay on the lead's list and never reach a note or a report."""

from pathfinder.core.models import AuditEvent
from pathfinder.lens import services
from pathfinder.lens.models import EventParticipant, JourneyNote
from pathfinder.lens.tests.conftest import journey_of


def test_the_lead_adds_members_with_their_kind_from_their_role(world, as_user, event, adviser):
    membership = adviser.memberships.get()
    group = event.groups.order_by("position").last()
    response = as_user(world.lead).post(
        f"/lens-events/{event.pk}/people/",
        {"add": "members", "members-members": [str(membership.pk)], "members-group": str(group.pk)},
    )
    assert response.status_code == 302
    row = EventParticipant.objects.get(membership=membership)
    assert row.kind == "lived_experience" and row.group == group
    assert AuditEvent.objects.filter(kind="lens.participant_added").exists()


def test_people_without_an_account_get_a_label_unless_the_lead_types_a_name(world, as_user, event):
    client = as_user(world.lead)
    client.post(f"/lens-events/{event.pk}/people/", {"add": "guest", "guest-kind": "partner"})
    client.post(f"/lens-events/{event.pk}/people/", {"add": "guest", "guest-kind": "partner"})
    client.post(
        f"/lens-events/{event.pk}/people/", {"add": "guest", "guest-kind": "other", "guest-label": "Dr Iona Gray, GP"}
    )
    labels = list(EventParticipant.objects.filter(membership=None).order_by("id").values_list("label", flat=True))
    assert labels == ["Partner 1", "Partner 2", "Dr Iona Gray, GP"]


def test_choosing_nobody_is_explained(world, as_user, event):
    response = as_user(world.lead).post(f"/lens-events/{event.pk}/people/", {"add": "members"})
    assert response.page.title.startswith("Error: ")
    assert "Choose at least one person." in response.page.error_summary()


def test_notes_carry_a_kind_of_participant_never_a_name(world, as_user, open_event, stages):
    journey = journey_of(open_event)
    as_user(world.member).post(
        f"/lens-journeys/{journey.pk}/stages/{stages[0].pk}/",
        {"kind": "works_well", "text": "Quick reply", "principles": ["trust"], "participant_kind": "staff"},
    )
    saved = JourneyNote.objects.get()
    assert saved.participant_kind == "staff"
    assert not any(field.is_relation and field.related_model.__name__ == "User" for field in JourneyNote._meta.fields)
    map_text = as_user(world.lead).get(f"/lens-events/{open_event.pk}/map/").page.text()
    assert "raised by a staff member" in map_text
    assert world.member.full_name not in map_text


def test_every_kind_of_participant_reads_as_plain_english_beside_a_note(world, as_user, open_event, stages):
    journey = journey_of(open_event)
    kinds = {"staff": "Quick reply", "partner": "Shared plan", "lived_experience": "Kind words", "other": "Warm room"}
    for kind, text in kinds.items():
        as_user(world.member).post(
            f"/lens-journeys/{journey.pk}/stages/{stages[0].pk}/",
            {"kind": "works_well", "text": text, "principles": ["trust"], "participant_kind": kind},
        )
    map_text = as_user(world.lead).get(f"/lens-events/{open_event.pk}/map/").page.text()
    for phrase in ("a staff member", "a partner", "a lived-experience adviser", "someone in another role"):
        assert f"raised by {phrase}" in map_text
    assert "a other" not in map_text


def test_the_lead_moves_someone_to_another_group(world, as_user, event):
    participant = EventParticipant.objects.get(membership=world.memberships.member)
    group = event.groups.order_by("position").last()
    response = as_user(world.lead).post(
        f"/lens-participants/{participant.pk}/",
        {"kind": "staff", "group": str(group.pk), "version": participant.version},
    )
    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.group == group


def test_someone_thanked_with_a_voucher_stays_on_the_list(world, as_user, event):
    participant = EventParticipant.objects.get(membership=world.memberships.member)
    services.record_reimbursement(
        participant, voucher_type="Gift card", amount="20", given_on="2026-11-18", by=world.lead
    )
    response = as_user(world.lead).post(f"/lens-participants/{participant.pk}/remove/", follow=True)
    assert "has a record of thanks" in response.content.decode()
    assert EventParticipant.objects.filter(pk=participant.pk).exists()


def test_only_the_lead_sees_the_list(world, as_user, event):
    assert as_user(world.member).get(f"/lens-events/{event.pk}/people/").status_code == 403
    assert as_user(world.viewer).get(f"/lens-events/{event.pk}/people/").status_code == 403
    assert as_user(world.outsider).get(f"/lens-events/{event.pk}/people/").status_code == 404
