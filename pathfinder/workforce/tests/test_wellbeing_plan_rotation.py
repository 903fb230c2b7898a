"""Rotating keys re-encrypts every plan with the newest key."""

import pytest
from cryptography.fernet import Fernet

from pathfinder.core import crypto
from pathfinder.workforce import services
from pathfinder.workforce.models import ENCRYPTED_COLUMNS, WellbeingPlan
from pathfinder.workforce.tests.conftest import ALICES_WORDS


def test_it_re_encrypts_with_the_newest_key(settings, world):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    services.save_plan(world.lead, dict(ALICES_WORDS), services.NO_PLAN)
    services.save_plan(world.member, {"what_helps": "Music"}, services.NO_PLAN)
    before = {plan.pk: [getattr(plan, c) for c in ENCRYPTED_COLUMNS] for plan in WellbeingPlan.objects.all()}

    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert crypto.rotate_everything()["wellbeing plans"] == 2

    settings.FIELD_ENCRYPTION_KEYS = [new]
    plan = services.plan_for(world.lead)
    assert plan.texts == ALICES_WORDS
    assert plan.version == 1  # the words did not change, so an open edit is not made stale
    assert services.plan_for(world.member).what_helps == "Music"
    for plan in WellbeingPlan.objects.all():
        assert not set(before[plan.pk]) & {getattr(plan, c) for c in ENCRYPTED_COLUMNS}


def test_without_the_old_key_nothing_can_be_read(settings, world):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    services.save_plan(world.lead, dict(ALICES_WORDS), services.NO_PLAN)
    settings.FIELD_ENCRYPTION_KEYS = [new]
    with pytest.raises(ValueError, match="cannot be decrypted"):
        services.plan_for(world.lead).what_helps
