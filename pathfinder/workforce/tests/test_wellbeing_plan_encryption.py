"""Plans are ciphertext in the database, readable only with the configured keys."""

from django.db import connection

from pathfinder.core import crypto
from pathfinder.workforce.models import ENCRYPTED_COLUMNS, WellbeingPlan
from pathfinder.workforce.tests.conftest import ALICES_WORDS, EDIT_URL, form_data


def raw_columns(plan_id) -> dict[str, str]:
    table = WellbeingPlan._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(ENCRYPTED_COLUMNS)} FROM {table} WHERE id = %s", [plan_id])
        return dict(zip(ENCRYPTED_COLUMNS, cursor.fetchone(), strict=True))


def test_it_stores_only_ciphertext(world, as_user):
    as_user(world.lead).post(EDIT_URL, form_data(0, **ALICES_WORDS))
    plan = WellbeingPlan.objects.get(owner=world.lead)
    stored = raw_columns(plan.pk)
    everything = " ".join(stored.values())
    for words in ALICES_WORDS.values():
        for word in words.split():
            if len(word) > 4:
                assert word not in everything
    for name, words in ALICES_WORDS.items():
        assert crypto.decrypt(stored[f"{name}_encrypted"]) == words


def test_empty_sections_are_encrypted_too(world, as_user):
    as_user(world.lead).post(EDIT_URL, form_data(0, what_helps="A walk"))
    stored = raw_columns(WellbeingPlan.objects.get(owner=world.lead).pk)
    assert all(stored.values())
    assert crypto.decrypt(stored["early_signs_encrypted"]) == ""
