"""Each person can see their own recent sign-ins and attempts on their
account, and nobody else's."""

from pathfinder.accounts.tests.conftest import sign_in
from pathfinder.core import audit


def test_it_lists_the_persons_own_sign_ins_and_failed_attempts(world, as_user, client):
    sign_in(client, world.member.email, "not-the-password")
    audit.record(audit.Kind.SIGN_IN, actor=world.member)
    audit.record(audit.Kind.SIGN_IN, actor=world.lead)
    audit.record(audit.Kind.MFA_FAILED, target=world.member, type="totp")

    page = as_user(world.member).get("/account/sign-ins/").page

    assert page.title.startswith("Your recent sign-ins")
    what = [" ".join(cell.text_content().split()) for cell in page.css("tbody tr td:last-child")]
    # Newest first; the first is this visit's own sign-in.
    assert what == ["Signed in", "Two-step verification code not accepted", "Signed in", "Sign-in failed"]
    assert "Alice" not in page.text()


def test_it_is_linked_from_the_account_page(world, as_user):
    page = as_user(world.member).get("/account/").page

    assert page.css("a[href='/account/sign-ins/']")
