"""Vouchers given as thanks: only the lead sees them, never bank details."""

from decimal import Decimal

from pathfinder.core.models import AuditEvent
from pathfinder.lens.models import EventParticipant, Reimbursement


def test_the_lead_records_a_voucher(world, as_user, event):
    participant = EventParticipant.objects.get(membership=world.memberships.member)
    client = as_user(world.lead)
    page = client.get(f"/lens-events/{event.pk}/vouchers/").page.text()
    assert "Never record bank details" in page
    response = client.post(
        f"/lens-events/{event.pk}/vouchers/",
        {
            "participant": participant.pk,
            "voucher_type": "Supermarket gift card",
            "amount": "25.50",
            "given_on": "2026-11-18",
        },
        follow=True,
    )
    assert "The £25.50 voucher for Bob Member is recorded." in response.content.decode()
    record = Reimbursement.objects.get()
    assert record.amount == Decimal("25.50") and record.recorded_by == world.lead
    assert "Total £25.50" in " ".join(client.get(f"/lens-events/{event.pk}/vouchers/").page.text().split())


def test_a_negative_or_wordy_amount_is_explained(world, as_user, event):
    participant = EventParticipant.objects.get(membership=world.memberships.member)
    client = as_user(world.lead)
    data = {"participant": participant.pk, "voucher_type": "Gift card", "given_on": "2026-11-18"}
    response = client.post(f"/lens-events/{event.pk}/vouchers/", data | {"amount": "-5"})
    assert "The amount cannot be less than £0." in response.page.error_summary()
    response = client.post(f"/lens-events/{event.pk}/vouchers/", data | {"amount": "twenty"})
    assert "Enter the amount as a number, like 25.00." in response.page.error_summary()
    assert not Reimbursement.objects.exists()


def test_reading_the_record_is_in_the_activity_log(world, as_user, event):
    as_user(world.lead).get(f"/lens-events/{event.pk}/vouchers/")
    assert AuditEvent.objects.filter(kind="data.read", actor=world.lead).exists()


def test_nobody_else_sees_the_record(world, as_user, event):
    for person in (world.member, world.viewer):
        assert as_user(person).get(f"/lens-events/{event.pk}/vouchers/").status_code == 403
    assert as_user(world.outsider).get(f"/lens-events/{event.pk}/vouchers/").status_code == 404
