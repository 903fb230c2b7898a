"""Single-use survey codes: easy to read aloud and type, hard to guess.

Only a keyed hash is stored, so someone who reads the database cannot turn
hashes back into codes, nor try every possible code offline.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

# No 0/O, 1/I/L or 5/S, so codes survive handwriting and phone calls.
ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
LENGTH = 10


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise(typed: str) -> str:
    cleaned = "".join(character for character in typed.upper() if character.isalnum())
    return f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:]}" if len(cleaned) == LENGTH else cleaned


def code_hash(code: str) -> str:
    key = ("pathfinder-survey-code:" + settings.SECRET_KEY).encode()
    return hmac.new(key, normalise(code).encode(), hashlib.sha256).hexdigest()
