"""Survey day, for locust (run by bench/load.py; `make load`).

Most users are staff answering the survey: open the answer page, send the
answers with their own printed code (each code once). The rest are signed-in
programme leads and group members: home page, programme dashboard, an action,
and now and then a progress update. Every write's outcome goes to a results
file (one JSON object a line) so bench/load.py can check none was lost.

Settings come from the environment bench/load.py sets: PATHFINDER_LOAD_DATA
(the JSON bench/faults_data.py printed), PATHFINDER_LOAD_CODES (a file, one
code a line) and PATHFINDER_LOAD_RESULTS (where the outcomes go).
"""

import json
import os
import random
import re
import secrets
import threading
from pathlib import Path
from urllib.parse import urlencode

from locust import HttpUser, between, events, task

from bench.faults import Hidden
from bench.surveys import AnswerPage, fill

DATA = json.loads(os.environ.get("PATHFINDER_LOAD_DATA", "{}") or "{}")
CODES = (
    iter(Path(os.environ["PATHFINDER_LOAD_CODES"]).read_text().split())
    if os.environ.get("PATHFINDER_LOAD_CODES")
    else iter(())
)
RESULTS = Path(os.environ.get("PATHFINDER_LOAD_RESULTS", "load-results.jsonl"))
_lock = threading.Lock()
_CSRF = re.compile(r"csrftoken=([^;]+)")


def record(**write) -> None:
    with _lock, RESULTS.open("a") as handle:
        handle.write(json.dumps(write) + "\n")


def next_code() -> str | None:
    with _lock:
        return next(CODES, None)


def csrf_of(response) -> str:
    found = _CSRF.search(response.headers.get("Set-Cookie", ""))
    return found.group(1) if found else ""


class Respondent(HttpUser):
    """A member of staff answering on survey day: a new browser each time."""

    weight = 5
    wait_time = between(0.5, 2.0)

    @task
    def answer(self):
        code = next_code()
        if code is None:
            self.environment.runner.quit()  # every code used: the day is over
            return
        token = DATA["token"]
        self.client.cookies.clear()
        page = self.client.get(f"/answer/{token}/", name="survey: answer page")
        if page.status_code != 200:
            return
        marker = f"load-{secrets.token_hex(6)}"
        fields = fill(AnswerPage(page.text), code, marker, random.Random())
        origin = self.host.rstrip("/")
        headers = {"Cookie": f"csrftoken={csrf_of(page)}", "Origin": origin, "Referer": f"{origin}/answer/{token}/"}
        self.client.cookies.clear()
        with self.client.post(
            f"/answer/{token}/",
            data=urlencode(fields),
            headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
            allow_redirects=False,
            name="survey: send answers",
            catch_response=True,
        ) as sent:
            accepted = sent.status_code == 302 and sent.headers.get("Location", "").endswith("/thanks/")
            outcome = "accepted" if accepted else ("refused" if sent.status_code == 200 else "unknown")
            record(kind="survey", marker=marker, code=code, outcome=outcome, status=sent.status_code)
            if accepted:
                sent.success()
            else:
                sent.failure(f"HTTP {sent.status_code}")


class SignedIn(HttpUser):
    """A programme lead or group member going about their day."""

    weight = 1
    wait_time = between(1.0, 3.0)

    def on_start(self):
        sessions = [DATA["session"], *DATA.get("sessions", [])]
        self.session_key = random.choice(sessions)
        self.action = random.choice(DATA["actions"])

    def _get(self, path: str, name: str):
        self.client.cookies.clear()
        with self.client.get(
            path,
            headers={"Cookie": f"sessionid={self.session_key}"},
            name=name,
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code} {response.headers.get('Location', '')}")
            return response

    @task(3)
    def home(self):
        self._get("/?all=1", "signed in: home")

    @task(3)
    def dashboard(self):
        self._get(f"/programmes/{DATA['programme']}/", "signed in: programme dashboard")

    @task(2)
    def action(self):
        self._get(f"/actions/{self.action}/", "signed in: action")

    @task(1)
    def update(self):
        path = f"/actions/{self.action}/update/"
        form = self._get(path, "signed in: update form")
        if form.status_code != 200:
            return
        hidden = Hidden(form.text).values
        marker = f"load-{secrets.token_hex(6)}"
        origin = self.host.rstrip("/")
        self.client.cookies.clear()
        with self.client.post(
            path,
            data=urlencode(
                {
                    "csrfmiddlewaretoken": hidden.get("csrfmiddlewaretoken", ""),
                    "version": hidden.get("version", ""),
                    "text": f"Load progress [{marker}]",
                    "status": "in_progress",
                }
            ),
            headers={
                "Cookie": f"sessionid={self.session_key}; csrftoken={csrf_of(form)}",
                "Origin": origin,
                "Referer": f"{origin}{path}",
                "Content-Type": "application/x-www-form-urlencoded",
            },
            allow_redirects=False,
            name="signed in: send update",
            catch_response=True,
        ) as sent:
            accepted = sent.status_code == 302 and sent.headers.get("Location", "").endswith(f"/actions/{self.action}/")
            # Another person updating the same action first is a calm refusal, not a failure.
            outcome = "accepted" if accepted else ("refused" if sent.status_code == 200 else "unknown")
            record(kind="update", marker=marker, action=self.action, outcome=outcome, status=sent.status_code)
            if sent.status_code >= 500:
                sent.failure(f"HTTP {sent.status_code}")
            else:
                sent.success()


@events.test_start.add_listener
def _fresh_results(**_kwargs):
    RESULTS.write_text("")
