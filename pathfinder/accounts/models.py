"""People who sign in. E-mail is the sign-in name."""

import json
from datetime import timedelta

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.contrib.sessions.models import Session
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("An e-mail address is needed.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_site_admin", True)
        fields.setdefault("is_superuser", False)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    class Kind(models.TextChoices):
        STAFF = "staff", "Someone who works in or with a service"
        # A person who uses a service and holds their own 'This is me' profile
        # (pathfinder/thisisme). They sign in with a username and passphrase,
        # never reach staff pages, and their e-mail field is a placeholder.
        PERSON = "person", "A person who uses a service"

    email = models.EmailField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STAFF)
    full_name = models.CharField(max_length=150)
    is_active = models.BooleanField(
        default=True, help_text="Turn off to disable the account; this also ends every session it has."
    )
    is_site_admin = models.BooleanField(default=False)
    is_national_viewer = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_person(self) -> bool:
        return self.kind == self.Kind.PERSON

    @property
    def is_staff(self) -> bool:
        # There is no Django admin site; site administration has its own pages.
        return False

    def disable(self, by=None) -> None:
        """Disable the account. Saving it ends every session it holds (ASVS
        7.4.2) and writes the audit event: see signals.on_user_disabled."""
        self._disabled_by = by
        self.is_active = False
        self.save(update_fields=["is_active"])


class UserSession(models.Model):
    """Which sessions belong to whom, so they can be ended together."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=64, unique=True)
    started_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Session of user {self.user_id} since {self.started_at:%Y-%m-%d %H:%M}"


def end_sessions(user: User) -> int:
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
    return len(keys)


def follow_session_key(user: User, old_key: str, new_key: str) -> None:
    """Keep tracking a session whose key has changed (the old key is gone)."""
    UserSession.objects.filter(session_key=old_key).delete()
    UserSession.objects.get_or_create(session_key=new_key, defaults={"user": user})


class KeptSubmissionQuerySet(models.QuerySet):
    def live(self):
        return self.filter(expires_at__gt=timezone.now())


class KeptSubmission(models.Model):
    """What someone sent after their session had ended, so it can be put back
    in the form once they sign in again. Encrypted, for that account only,
    kept for a short time (KEPT_FOR) and deleted as soon as it is put back."""

    KEPT_FOR = timedelta(hours=2)

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="kept_submissions")
    page = models.CharField(max_length=500, help_text="The path of the page the form was on.")
    data = models.TextField(help_text="The fields sent, as encrypted JSON.")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    objects = KeptSubmissionQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="one_kept_submission_per_page")]

    def __str__(self) -> str:
        return f"Kept submission of user {self.user_id} for {self.page}"

    def values(self) -> dict[str, list[str]]:
        from pathfinder.core import crypto

        return json.loads(crypto.decrypt(self.data))
