"""Encryption for sensitive values, with keys from the environment.

FIELD_ENCRYPTION_KEYS is a comma-separated list of Fernet keys. The first key
encrypts; every key can decrypt, so a new key can be put first and old values
re-encrypted later (`rotate`). Production refuses to start without keys; the
demo derives one from its development secret so it works out of the box.
"""

import base64
import hashlib
from collections.abc import Callable
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


@cache
def _keys(configured: tuple[str, ...], secret: str) -> MultiFernet:
    if configured:
        return MultiFernet([Fernet(key.encode()) for key in configured])
    derived = base64.urlsafe_b64encode(hashlib.sha256(("pathfinder-dev-key:" + secret).encode()).digest())
    return MultiFernet([Fernet(derived)])


def _fernet() -> MultiFernet:
    return _keys(tuple(settings.FIELD_ENCRYPTION_KEYS), settings.SECRET_KEY)


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ValueError("This value cannot be decrypted with the configured keys.") from None


def rotate(token: str) -> str:
    """Re-encrypt with the first (newest) key."""
    return _fernet().rotate(token.encode()).decode()


# Apps that store encrypted values register a function that re-encrypts them
# all with the newest key and returns how many it changed.
_rotations: dict[str, Callable[[], int]] = {}


def register_rotation(name: str, rotate_all: Callable[[], int]) -> None:
    _rotations[name] = rotate_all


def rotate_everything() -> dict[str, int]:
    return {name: rotate_all() for name, rotate_all in _rotations.items()}
