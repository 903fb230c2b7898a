"""Optimistic locking: a stale save is refused, never silently applied.

Editable records carry a `version`. A form posts the version it was shown;
`save_if_current` writes only if nobody has saved since, and bumps the
version in the same UPDATE so two saves cannot both win.
"""

from django.db import models
from django.db.models import F


class StaleEdit(Exception):
    """Someone else saved this record after it was opened."""

    def __init__(self, current: models.Model):
        super().__init__("This record was changed by someone else after you opened it.")
        self.current = current


def save_if_current(instance: models.Model, expected_version: int, fields: list[str]) -> None:
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise StaleEdit(model._default_manager.get(pk=instance.pk))
    instance.version = expected_version + 1
