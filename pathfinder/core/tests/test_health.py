import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_it_says_ok_when_the_database_answers(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_it_needs_no_sign_in_and_reveals_nothing_else(client, db):
    response = client.get("/health/")
    assert set(response.json()) == {"status"}
    assert "Set-Cookie" not in response.headers


def test_it_says_unavailable_when_the_database_does_not_answer():
    # A real process pointed at a PostgreSQL port where nothing listens.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/health/');"
        "print(json.dumps([r.status_code, r.json()]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pathfinder.settings",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/nowhere",
        "LOG_LEVEL": "CRITICAL",
    }
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    status, body = json.loads(done.stdout.strip().splitlines()[-1])
    assert status == 503
    assert body == {"status": "unavailable"}
