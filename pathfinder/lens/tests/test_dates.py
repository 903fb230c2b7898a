"""Lens dates go through the shared date rule: no voucher given in the future,
no event in 1900."""

from datetime import timedelta

from django.utils import timezone

from pathfinder.lens.models import Reimbursement


def test_a_voucher_cannot_be_given_in_the_future(world, as_user, event):
    participant = event.participants.first()
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = as_user(world.lead).post(
        f"/lens-events/{event.pk}/vouchers/",
        {"participant": participant.pk, "voucher_type": "Gift card", "amount": "25", "given_on": tomorrow.isoformat()},
    )
    assert response.page.title.startswith("Error: ")
    assert "The date given cannot be in the future." in " ".join(response.page.error_summary())
    assert not Reimbursement.objects.exists()


def test_an_event_in_1900_is_refused(world, as_user):
    response = as_user(world.lead).post(
        f"/programmes/{world.programme.pk}/lens/new/", {"title": "Spring", "held_on": "1900-03-18"}
    )
    assert response.page.title.startswith("Error: ")
    assert "Check the year: the date is in 1900." in " ".join(response.page.error_summary())
