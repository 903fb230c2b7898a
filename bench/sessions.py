"""Sign in a sample of programme leads by writing their sessions directly.

The benchmark talks plain HTTP to the server, but production cookies are
marked Secure, so a browser-style sign-in through the form cannot work there.
Instead this writes the same session that django.contrib.auth.login() would
(user id, backend, password hash check and the sign-in time the session
limits read), and prints the session keys for bench/run.py to send as cookies.

It must run with the server's environment (same DATABASE_URL and SECRET_KEY),
because the session's password check is keyed with SECRET_KEY.

    .venv/bin/python -m bench.sessions --count 50
"""

import argparse
import json
import os
import time
from importlib import import_module

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    django.setup()

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db.models import Count, Q

from bench.survey_data import lead_of
from pathfinder.accounts.signals import LOGIN_AT
from pathfinder.core.models import Service
from pathfinder.programmes.services import current_programme

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"


def sample_services(count: int) -> list[Service]:
    """Services spread evenly by size, smallest to largest, so the sample
    covers the whole range rather than clustering around the typical size."""
    by_size = list(
        Service.objects.annotate(people=Count("memberships", filter=Q(memberships__is_active=True))).order_by(
            "people", "pk"
        )
    )
    if count >= len(by_size):
        return by_size
    step = (len(by_size) - 1) / (count - 1) if count > 1 else 0
    return [by_size[round(index * step)] for index in range(count)]


def sign_in(user) -> str:
    """A saved session equivalent to django.contrib.auth.login(); returns its key."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[LOGIN_AT] = time.time()
    session.save()
    return session.session_key


def national_session() -> str:
    """A session for a member of the national programme team (national oversight)."""
    from pathfinder.accounts.models import User
    from pathfinder.national.models import Oversight

    user, _ = User.objects.get_or_create(
        email="national.viewer@bench.example", defaults={"full_name": "National Viewer"}
    )
    Oversight.objects.get_or_create(user=user, scope=Oversight.Scope.NATIONAL)
    return sign_in(user)


def lead_sessions(count: int) -> list[dict]:
    rows = []
    national = national_session()
    for service in sample_services(count):
        lead = lead_of(service)
        programme = current_programme(service)
        if lead is None or programme is None:
            continue
        rows.append(
            {
                "service": service.slug,
                "people": service.people,
                "programme": programme.pk,
                "session": sign_in(lead.user),
                "national_session": national,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Sign in a sample of programme leads; prints JSON.")
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args(argv)
    print(json.dumps(lead_sessions(args.count)))


if __name__ == "__main__":
    main()
