"""API tokens, end to end: from the account page, make a token, then use it
from outside the browser, then revoke it."""

from django.test import Client

from pathfinder.testing.factories import TEST_PASSWORD


def test_making_using_and_revoking_a_token(journey, world):
    journey.sign_in(world.member.email, TEST_PASSWORD)
    journey.go("/account/")
    journey.click("Manage your API tokens")
    assert journey.sees("You have no API tokens.")
    journey.press("Make the token")  # forgot the name
    assert journey.errors() == ["Enter what the token is for"]
    journey.fill("What is this token for?", "Board dashboard")
    journey.choose("30 days")
    journey.press("Make the token")
    secret = journey.page.locator(".nhsuk-inset-text code").inner_text().strip()

    client = Client(headers={"Authorization": f"Bearer {secret}"})
    assert [p["name"] for p in client.get("/api/v1/programmes").json()["results"]] == ["Home programme"]

    journey.press("Revoke the token Board dashboard")
    assert journey.sees("The token has been revoked")
    assert client.get("/api/v1/programmes").json()["error"]["code"] == "token_revoked"
    journey.finish()
