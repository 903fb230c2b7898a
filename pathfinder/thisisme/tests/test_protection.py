"""Section words are encrypted at rest, rotate with the keys, and never reach
audit events or the access log. The access log cannot be changed."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from pathfinder.core import crypto
from pathfinder.core.models import AuditEvent
from pathfinder.thisisme.models import AccessEvent

WORDS = ["Call me Robin", "Sitting near the door", "private and painful"]


def _every_text_cell() -> str:
    """Every text value in every table of the database, read raw."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                found.extend(str(value) for value in row if value is not None)
    return "\n".join(found)


def test_the_database_alone_does_not_reveal_any_section(shared, as_user):
    gp = as_user(shared.gp)
    gp.get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    gp.get(reverse("thisisme_shared_pdf", args=[shared.profile.ref]))
    as_user(shared.person).get(reverse("thisisme_json"))
    raw = _every_text_cell()
    assert "Robin" in raw  # the check can see names: it reads the real rows
    for words in WORDS:
        assert words not in raw


def test_audit_events_and_the_access_log_hold_no_words(shared, as_user):
    as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    stored = str(list(AuditEvent.objects.values_list("detail", flat=True))) + str(list(AccessEvent.objects.values()))
    for words in WORDS:
        assert words not in stored


def test_rotation_re_encrypts_every_section(shared, settings):
    import base64
    import hashlib

    from cryptography.fernet import Fernet

    # The key the tests have used so far (derived from the development secret).
    old = base64.urlsafe_b64encode(hashlib.sha256(("pathfinder-dev-key:" + settings.SECRET_KEY).encode()).digest())
    old = old.decode()
    row = shared.profile.sections.get(key="what_helps")
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert crypto.rotate_everything()["'This is me' profiles"] >= 1
    settings.FIELD_ENCRYPTION_KEYS = [new]
    row.refresh_from_db()
    assert row.text == "Sitting near the door helps me."


def test_the_access_log_cannot_be_changed_or_deleted(shared, as_user):
    as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    event = AccessEvent.objects.get()
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AccessEvent.objects.update(actor_name="Someone else")
    with pytest.raises(TypeError):
        AccessEvent.objects.all().delete()


@pytest.mark.parametrize(
    "sql", ["UPDATE thisisme_accessevent SET actor_name = 'x'", "DELETE FROM thisisme_accessevent"]
)
def test_the_database_refuses_to_change_the_access_log(shared, as_user, sql):
    as_user(shared.gp).get(reverse("thisisme_shared_profile", args=[shared.profile.ref]))
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AccessEvent.objects.get().actor_name == "Gina Practice"
