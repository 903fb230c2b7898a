"""What docs/deploying.md says about SECRET_KEY matches what the code does:
invitation links are stored as a hash that does not use SECRET_KEY, so
changing the key leaves them working."""

from pathlib import Path

from django.test import override_settings

from pathfinder.core import services
from pathfinder.core.roles import Role

DOCS = Path(__file__).resolve().parents[3] / "docs" / "deploying.md"


def _secret_key_paragraph() -> str:
    text = DOCS.read_text(encoding="utf-8")
    start = text.index("- **`SECRET_KEY`**")
    return text[start : text.index("- **`FIELD_ENCRYPTION_KEYS`**", start)]


def test_it_keeps_invitation_links_working_when_the_secret_key_changes(world):
    _, token = services.invite(service=world.service, email="new@example.org", role=Role.STAFF, by=world.lead)

    with override_settings(SECRET_KEY="another-secret-key-" + "x" * 40):
        assert services.find_open_invitation(token) is not None


def test_the_docs_say_so():
    paragraph = " ".join(_secret_key_paragraph().split())

    assert "invitation links in flight" not in paragraph
    assert "Invitation links keep working" in paragraph
