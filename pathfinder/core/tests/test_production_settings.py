"""Production settings: `check --deploy` is clean, and unsafe setups refuse to start."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[3]
GOOD_SECRET = "p" * 20 + "-a-long-random-production-secret-" + "q" * 20


def production_env(**overrides) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "FIELD_ENCRYPTION_KEYS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        {
            "PATHFINDER_ENV": "production",
            "SECRET_KEY": GOOD_SECRET,
            "ALLOWED_HOSTS": "pathfinder.example.org",
            "SITE_URL": "https://pathfinder.example.org",
            "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
            "LOG_LEVEL": "CRITICAL",
        }
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def manage(*args, **env_overrides) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_env(**env_overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production():
    done = manage("check", "--deploy", "--fail-level", "WARNING")
    assert done.returncode == 0, done.stdout + done.stderr


def test_it_refuses_the_development_secret():
    done = manage("check", SECRET_KEY="development-only-secret-key-do-not-use-in-production")
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_it_refuses_a_missing_secret():
    done = manage("check", SECRET_KEY=None)
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr


def test_it_refuses_debug():
    done = manage("check", DEBUG="1")
    assert done.returncode != 0
    assert "DEBUG" in done.stderr


def test_it_refuses_to_run_without_encryption_keys():
    done = manage("check", FIELD_ENCRYPTION_KEYS=None)
    assert done.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in done.stderr


def test_production_sends_hsts_secure_cookies_and_requires_two_step():
    script = (
        "import django; django.setup();"
        "from django.conf import settings;"
        "from django.test import Client;"
        "r = Client(HTTP_HOST='pathfinder.example.org').get('/health/', secure=True);"
        "print(r.status_code, r.headers.get('Strict-Transport-Security'), settings.SESSION_COOKIE_SECURE,"
        " settings.CSRF_COOKIE_SECURE, settings.PATHFINDER_REQUIRE_MFA, sep='|')"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **production_env(DATABASE_URL=os.environ.get("DATABASE_URL")),
            "DJANGO_SETTINGS_MODULE": "pathfinder.settings",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    _status, hsts, session_secure, csrf_secure, mfa = done.stdout.strip().splitlines()[-1].split("|")
    assert "max-age=63072000" in hsts and "includeSubDomains" in hsts
    assert (session_secure, csrf_secure, mfa) == ("True", "True", "True")


def test_it_refuses_to_run_without_the_site_address():
    done = manage("check", SITE_URL=None)
    assert done.returncode != 0
    assert "SITE_URL" in done.stderr


def test_it_refuses_a_site_address_that_is_not_https():
    done = manage("check", SITE_URL="http://pathfinder.example.org")
    assert done.returncode != 0
    assert "SITE_URL" in done.stderr
