"""Keep what someone sent after their session ended, and put it back.

A form sent after the idle sign-out (or the 12-hour limit) is refused as
before: nothing is saved. What was typed is kept, encrypted with the field
keys, for that account only and for KeptSubmission.KEPT_FOR, then put back in
the same page's form after signing in (core.forms_presenter.restored) and
deleted. Passwords, codes, the form token and files are never kept.
"""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from pathfinder.accounts.models import KeptSubmission
from pathfinder.core import crypto

# Sign-in, password and two-step pages: what is typed there is never kept.
NEVER_KEPT_PATHS = ("/accounts/",)
NEVER_KEPT_FIELDS = ("csrfmiddlewaretoken",)
NEVER_KEPT_WORDS = ("password", "code", "token", "secret")
MOST_KEPT = 100_000  # characters: larger submissions are not kept
SESSION_FLAG = "pf_kept"


def page_of(request) -> str:
    """The page the form was on: the same-site referrer, else the address posted to."""
    referer = urlsplit(request.headers.get("Referer", ""))
    if referer.path and referer.netloc == request.get_host() and referer.path.startswith("/"):
        return referer.path
    return request.path


def _kept_fields(request) -> dict[str, list[str]]:
    return {
        name: values
        for name, values in request.POST.lists()
        if name not in NEVER_KEPT_FIELDS and not any(word in name.lower() for word in NEVER_KEPT_WORDS)
    }


def keep(request, user) -> KeptSubmission | None:
    """Keep a refused POST for `user`; None when there is nothing to keep."""
    if request.method != "POST" or request.path.startswith(NEVER_KEPT_PATHS):
        return None
    fields = _kept_fields(request)
    text = json.dumps(fields)
    if not fields or len(text) > MOST_KEPT:
        return None
    now = timezone.now()
    KeptSubmission.objects.filter(expires_at__lte=now).delete()
    kept, _ = KeptSubmission.objects.update_or_create(
        user=user,
        page=page_of(request)[:500],
        defaults={"data": crypto.encrypt(text), "created_at": now, "expires_at": now + KeptSubmission.KEPT_FOR},
    )
    return kept


def has_any(user) -> bool:
    """Whether `user` has something kept; forgets everyone's expired ones."""
    KeptSubmission.objects.filter(expires_at__lte=timezone.now()).delete()
    return KeptSubmission.objects.live().filter(user=user).exists()


def for_page(user, page: str) -> KeptSubmission | None:
    KeptSubmission.objects.filter(user=user, expires_at__lte=timezone.now()).delete()
    return KeptSubmission.objects.live().filter(user=user, page=page).first()


def sign_in_url(page: str) -> str:
    """The sign-in page, returning to `page` (as LoginRequiredMiddleware does)."""
    from django.http import QueryDict
    from django.shortcuts import resolve_url

    query = QueryDict(mutable=True)
    query["next"] = page
    return f"{resolve_url(settings.LOGIN_URL)}?{query.urlencode(safe='/')}"


def rotate_all() -> int:
    changed = 0
    for kept in KeptSubmission.objects.live():
        kept.data = crypto.rotate(kept.data)
        kept.save(update_fields=["data"])
        changed += 1
    return changed
