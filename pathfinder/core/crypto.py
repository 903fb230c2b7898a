"""Encryption for sensitive values, with keys from the environment.

FIELD_ENCRYPTION_KEYS is a comma-separated list of Fernet keys. The first key
encrypts; every key can decrypt, so a new key can be put first and old values
re-encrypted later (`rotate`). Production refuses to start without keys; the
demo derives one from its development secret so it works out of the box.
"""

import base64
import hashlib
import hmac
import os
from collections.abc import Callable
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
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


# Undated encryption ------------------------------------------------------------------------------
# A Fernet token carries the time it was made, in clear. That is fine for a
# wellbeing plan, but not for an anonymous survey answer, where the time of
# writing is exactly what could tie it to a person. These functions use
# AES-GCM with a random nonce and no timestamp, under keys derived from the same
# FIELD_ENCRYPTION_KEYS (so the same rotation covers them).

_UNDATED_PREFIX = "u1"


@cache
def _undated_keys(configured: tuple[str, ...], secret: str) -> tuple[tuple[str, bytes], ...]:
    """(key id, 256-bit AES key) for each configured key, newest first."""
    raw = [base64.urlsafe_b64decode(key.encode()) for key in configured] or [
        hashlib.sha256(("pathfinder-dev-key:" + secret).encode()).digest()
    ]
    found = []
    for material in raw:
        derived = hmac.new(material, b"pathfinder-undated-encryption", hashlib.sha256).digest()
        key_id = hashlib.sha256(b"key-id:" + derived).hexdigest()[:8]
        found.append((key_id, derived))
    return tuple(found)


def _undated() -> tuple[tuple[str, bytes], ...]:
    return _undated_keys(tuple(settings.FIELD_ENCRYPTION_KEYS), settings.SECRET_KEY)


def encrypt_undated(text: str, *, context: bytes = b"") -> str:
    """Encrypt with the newest key; the result holds no time. `context` (for
    example the survey's id) is bound to the value: it decrypts only with the same."""
    key_id, key = _undated()[0]
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, text.encode(), context)
    return f"{_UNDATED_PREFIX}.{key_id}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"


def decrypt_undated(token: str, *, context: bytes = b"") -> str:
    try:
        prefix, key_id, body = token.split(".", 2)
        keys = dict(_undated())
        if prefix != _UNDATED_PREFIX or key_id not in keys:
            raise ValueError
        blob = base64.urlsafe_b64decode(body.encode())
        return AESGCM(keys[key_id]).decrypt(blob[:12], blob[12:], context).decode()
    except (ValueError, InvalidTag):
        raise ValueError("This value cannot be decrypted with the configured keys.") from None


def undated_is_current(token: str) -> bool:
    """Whether the value is already under the newest key (rotation skips it)."""
    return token.split(".", 2)[1:2] == [_undated()[0][0]]


def keyed_digests(message: bytes, *, purpose: bytes) -> list[str]:
    """An HMAC of `message` under each configured key, newest first.

    For marks that only the application can compute (for example, which
    survey invitation has been used): someone holding the database but not the
    keys cannot tell which mark belongs to which row."""
    return [
        hmac.new(hmac.new(key, purpose, hashlib.sha256).digest(), message, hashlib.sha256).hexdigest()
        for _, key in _undated()
    ]
