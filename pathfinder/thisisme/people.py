"""Person accounts and their profile: creating one with a key worker, the
one-time set-up code, signing in with a passphrase, recovery through the
service, saving a section, erasure and key rotation.

Audit events here carry identifiers and labels only, never a section's words.
"""

import re
import secrets
import uuid
from datetime import timedelta

from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from pathfinder.accounts.models import end_sessions
from pathfinder.core import audit, crypto
from pathfinder.core.concurrency import save_if_current
from pathfinder.core.services import hash_token
from pathfinder.thisisme import sections as section_data
from pathfinder.thisisme.models import ENCRYPTED, ConsentGrant, PersonProfile, ProfileSection

# No letters or digits that are easy to mix up on paper (0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
CODE_DAYS = 14
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,39}")
PLACEHOLDER_DOMAIN = "people.pathfinder.invalid"
KEPT_NOTICE = (
    "Your profile had not been used for a while, so it was due to be removed on {day}. "
    "Because you have opened it, it will be kept: nothing has been removed."
)


class IdentityCheck:
    """How the key worker checked, in person, that it really was the person."""

    CHOICES = [
        ("known_in_person", "I know them and saw them in person"),
        ("photo_id", "They showed photo identification in person"),
        ("other_in_person", "Another check, in person, that our service accepts"),
    ]


def _placeholder_email() -> str:
    # Person accounts sign in with a username; the e-mail field only has to be unique.
    return f"person-{uuid.uuid4().hex}@{PLACEHOLDER_DOMAIN}"


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", (text or "").upper())


def _set_code(profile: PersonProfile) -> str:
    code = new_code()
    profile.setup_code_hash = hash_token(normalise_code(code))
    profile.setup_code_expires_at = timezone.now() + timedelta(days=CODE_DAYS)
    return code


@transaction.atomic
def create_person(*, service, name: str, key_worker, by) -> tuple[PersonProfile, str]:
    """A new person account and profile, made with the person in the room after
    they agreed. Returns the profile and the set-up code, shown once."""
    person = get_user_model()._default_manager.create_user(
        email=_placeholder_email(), password=None, full_name=name.strip(), kind="person"
    )
    now = timezone.now()
    profile = PersonProfile(
        person=person,
        service=service,
        key_worker=key_worker,
        consent_recorded_at=now,
        consent_recorded_by=by,
    )
    code = _set_code(profile)
    profile.save()
    # Every part exists from the start, encrypted even when empty, so the
    # database does not show which parts someone has written.
    for key in section_data.KEYS:
        section = ProfileSection(profile=profile, key=key)
        section.text = ""
        section.save()
    audit.record("thisisme.profile_created", actor=by, service=service, target=profile, consent="recorded")
    return profile, code


def profile_for_code(code: str) -> PersonProfile | None:
    normal = normalise_code(code)
    if len(normal) != CODE_LENGTH:
        return None
    profile = (
        PersonProfile.objects.select_related("person")
        .filter(setup_code_hash=hash_token(normal), setup_code_expires_at__gt=timezone.now())
        .first()
    )
    if profile is None or not profile.person.is_active:
        return None
    return profile


def username_taken(username: str, *, profile: PersonProfile | None = None) -> bool:
    others = PersonProfile.objects.filter(username=username.lower())
    if profile is not None:
        others = others.exclude(pk=profile.pk)
    return others.exists()


@transaction.atomic
def complete_setup(profile: PersonProfile, *, username: str, passphrase: str) -> PersonProfile:
    """Use the set-up code (once): choose a username and passphrase."""
    profile.username = username.lower()
    profile.passphrase = make_password(passphrase)
    profile.setup_code_hash = ""
    profile.setup_code_expires_at = None
    profile.touched_on = timezone.localdate()
    profile.retention_notice_on = profile.removal_due_on = None
    profile.save()
    audit.record("thisisme.setup_completed", actor=profile.person, service=profile.service, target=profile)
    return profile


_NO_ONE = make_password("pathfinder: a passphrase nobody has")


def check_sign_in(username: str, passphrase: str) -> PersonProfile | None:
    profile = (
        PersonProfile.objects.select_related("person")
        .filter(username=(username or "").strip().lower())
        .exclude(username="")
        .first()
    )
    if profile is None or not profile.passphrase:
        # The same work either way, so timing does not tell who has an account.
        check_password(passphrase or "", _NO_ONE)
        return None
    if not check_password(passphrase or "", profile.passphrase) or not profile.person.is_active:
        return None
    return profile


def pending(pk) -> PersonProfile | None:
    """The profile whose passphrase was right, waiting for its second step."""
    return PersonProfile.objects.filter(pk=pk).select_related("person").first() if pk else None


def second_step_ok(profile: PersonProfile, code: str) -> bool:
    from allauth.mfa.totp.internal.auth import TOTP

    authenticator = Authenticator.objects.filter(user=profile.person, type=Authenticator.Type.TOTP).first()
    return bool(authenticator and TOTP(authenticator).validate_code(code.replace(" ", "")))


def has_second_step(profile: PersonProfile) -> bool:
    return Authenticator.objects.filter(user=profile.person, type=Authenticator.Type.TOTP).exists()


@transaction.atomic
def recover(profile: PersonProfile, *, identity_check: str, by) -> str:
    """The person cannot sign in: after checking who they are in person, their
    key worker gives them a new set-up code. The old passphrase and second
    step stop working and any session ends. Their profile is unchanged."""
    if identity_check not in dict(IdentityCheck.CHOICES):
        raise ValueError("Say how you checked, in person, who they are.")
    profile.passphrase = ""
    code = _set_code(profile)
    profile.save()
    Authenticator.objects.filter(user=profile.person).delete()
    end_sessions(profile.person)
    audit.record(
        "thisisme.recovery",
        actor=by,
        service=profile.service,
        target=profile,
        identity_check=identity_check,
    )
    return code


def touch(profile: PersonProfile) -> None:
    """The person used their profile: the retention clock starts again."""
    today = timezone.localdate()
    if profile.touched_on != today or profile.retention_notice_on:
        PersonProfile.objects.filter(pk=profile.pk).update(
            touched_on=today, retention_notice_on=None, removal_due_on=None
        )
        profile.touched_on, profile.retention_notice_on, profile.removal_due_on = today, None, None


def sections_of(profile: PersonProfile) -> dict[str, ProfileSection]:
    return {section.key: section for section in profile.sections.all()}


def save_section(profile: PersonProfile, key: str, text: str, version: int) -> ProfileSection:
    """Save one part, exactly as written. A stale save raises StaleEdit."""
    if key not in section_data.BY_KEY:
        raise ValueError(f"A profile has no part called {key!r}.")
    if len(text) > section_data.MAX_LENGTH:
        raise ValueError(f"A part can be up to {section_data.MAX_LENGTH} characters.")
    section = profile.sections.get(key=key)
    section.text = text
    section.updated_on = timezone.localdate()
    save_if_current(section, version, ["text_encrypted", "updated_on"])
    touch(profile)
    return section


@transaction.atomic
def erase(profile: PersonProfile, *, by=None, why: str = "asked") -> None:
    """Remove the profile, its parts and its sharing, and close the account.

    What stays, and why (docs/this-is-me.md): the access log (who looked, when,
    at which parts, under which permission, never the words), emergency-access
    records for the Caldicott lead, and the account's sign-in events. The law
    on health records asks a service to show who looked at someone's
    information; those records hold no words from the profile."""
    person = profile.person
    service = profile.service
    audit.record("thisisme.erased", actor=by, service=service, target=profile, why=why)
    ConsentGrant.objects.filter(profile=profile).delete()
    profile.delete()
    person.full_name = "Erased account"
    person.email = _placeholder_email()
    person.set_unusable_password()
    person.save(update_fields=["full_name", "email", "password"])
    Authenticator.objects.filter(user=person).delete()
    person.disable(by=by)


def rotate_all() -> int:
    """Re-encrypt every section and emergency reason with the newest key.
    Registered with core.crypto: `manage.py pathfinder rotatekeys` runs it."""
    changed = 0
    for model, columns in ENCRYPTED.items():
        for pk in model.objects.order_by("pk").values_list("pk", flat=True).iterator():
            row = model.objects.filter(pk=pk).values(*columns).first()
            if row is None:
                continue
            tokens = {column: crypto.rotate(token) for column, token in row.items() if token}
            if tokens:
                # Only if unchanged since it was read: a save meanwhile is already current.
                changed += model.objects.filter(pk=pk, **row).update(**tokens)
    return changed


def profile_of(user) -> PersonProfile | None:
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_person", False):
        return None
    return PersonProfile.objects.filter(person=user).select_related("service", "person").first()
