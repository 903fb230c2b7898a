import pytest
from django.test import Client

from pathfinder.api import services


@pytest.fixture
def api_client():
    """api_client(user) -> (client that sends that user's new token, token)."""

    def make(user, days=90):
        token, secret = services.new_token(user, name="Board dashboard", days=days)
        return Client(headers={"Authorization": f"Bearer {secret}"}), token

    return make
