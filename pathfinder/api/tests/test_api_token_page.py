"""The tokens page: make a token (shown once), see it listed by its start,
revoke it; mistakes come back with what was typed."""

from pathfinder.api.models import ApiToken
from pathfinder.api.services import MAX_LIVE, new_token


def test_the_account_page_leads_to_the_tokens_page(world, as_user):
    page = as_user(world.member).get("/account/").page
    assert "/account/api-tokens/" in [a.get("href") for a in page.css("main a")]


def test_making_a_token_shows_it_once(world, as_user):
    client = as_user(world.member)
    response = client.post("/account/api-tokens/", {"do": "new", "name": "Board dashboard", "days": "30"})
    assert response.status_code == 200
    secret = next(code.text for code in response.page.css("main .nhsuk-inset-text code"))
    assert secret.startswith("pf_")
    token = ApiToken.objects.get(user=world.member)
    assert token.name == "Board dashboard"
    again = client.get("/account/api-tokens/")
    assert secret not in again.content.decode()
    assert token.prefix in again.content.decode()


def test_a_mistake_keeps_what_was_typed(world, as_user):
    response = as_user(world.member).post("/account/api-tokens/", {"do": "new", "name": "x" * 81, "days": "7"})
    page = response.page
    assert page.title.startswith("Error: ")
    assert len(page.error_summary()) == 2
    assert page.form_data("main form[method=post]:last-of-type")["name"] == "x" * 81
    assert not ApiToken.objects.exists()


def test_there_is_a_limit_on_live_tokens(world, as_user):
    for number in range(MAX_LIVE):
        new_token(world.member, name=f"Token {number}", days=30)
    response = as_user(world.member).post("/account/api-tokens/", {"do": "new", "name": "One more", "days": "30"})
    assert any("Revoke one" in item for item in response.page.error_summary())
    assert ApiToken.objects.filter(user=world.member).count() == MAX_LIVE


def test_revoking_from_the_page(world, as_user):
    token, _ = new_token(world.member, name="Old", days=30)
    response = as_user(world.member).post("/account/api-tokens/", {"do": "revoke", "token": str(token.pk)}, follow=True)
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "Revoked" in response.content.decode()


def test_nobody_can_revoke_someone_elses_token(world, as_user):
    token, _ = new_token(world.lead, name="Mine", days=30)
    as_user(world.outsider).post("/account/api-tokens/", {"do": "revoke", "token": str(token.pk)})
    as_user(world.outsider).post("/account/api-tokens/", {"do": "revoke", "token": "not-a-number"})
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_page_shows_only_my_tokens(world, as_user):
    new_token(world.lead, name="Alice's dashboard", days=30)
    assert "Alice" not in as_user(world.member).get("/account/api-tokens/").content.decode()
