"""`make faults`: is every acknowledged write still there after a crash?

For each engine, the production server (gunicorn, production settings, as
bench/run.py starts it) takes writes from several clients at once, of four
kinds, all in flight in every round between kills: anonymous survey submissions
(each with its own printed code), signed-in progress updates on
implementation-plan actions, organisational assessment ratings (one item's
score and evidence at a time) and language audit uploads (plain-text files,
kept encrypted until counted). At a random moment the harness
`kill -9`s the whole server (master and workers) or, on PostgreSQL, the
database (the postmaster and every backend of a scratch cluster it started
itself with initdb on another port: never the shared one), starts it again
and waits until the app answers cleanly. Many times. Then a subprocess with
the server's environment (bench/faults_data.py) checks every write:

- acknowledged (a redirect to the thanks or action page): there exactly once;
- refused (the form came back): not there;
- unknown (the connection died, or a 5xx): there whole or not at all
  (a response stored iff its code is spent; an action's version matches its history;
  a rating's version step matches its answer; an upload has every document, each
  document its own file's bytes, and its counting task queued).

On SQLite, also a full disk: the database on a small tmpfs, the rest of the
space filled: a calm 503, nothing half-written, and writes work again once
space is freed. It needs root to mount; otherwise it is skipped with the reason.

    .venv/bin/python -m bench.faults                     # both engines, many kills (make faults)
    .venv/bin/python -m bench.faults --quick             # a few kills each (collected by make test)
    .venv/bin/python -m bench.faults --engine sqlite --kills 20

Writes the figures to var/bench/faults.md (and JSON beside it). Like bench/run.py,
this process never imports Django.
"""

import argparse
import contextlib
import hashlib
import http.client
import json
import os
import queue
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

from cryptography.fernet import Fernet

from bench import surveys as survey_client
from bench.run import BASE_DIR, ENGINES, HOST, PYTHON, free_port, production_env, say, tail

OUT_DIR = BASE_DIR / "var" / "bench"
PG_BIN = Path("/usr/lib/postgresql")
TEMPLATE_DIR = BASE_DIR / "var" / "faults"


@dataclass(frozen=True)
class Options:
    engines: tuple[str, ...] = tuple(ENGINES)
    kills: int = 12  # per kind of kill, per engine
    writers: int = 6
    # The kill comes this long (seconds, uniformly at random) after the writers start.
    kill_after: tuple[float, float] = (1.0, 4.0)
    workers: int = 2
    disk_full: bool = True
    seed: int | None = None
    report: Path = OUT_DIR / "faults.md"


QUICK = Options(kills=2, writers=4, kill_after=(1.0, 2.0), report=OUT_DIR / "faults-quick.md")

# Each writer writes one kind, so with four writers or more every kind is in flight at every kill.
KINDS = ("survey", "update", "rating", "upload")


def raters_for(writers: int) -> int:
    """How many of `writers` write ratings (each needs assessment rounds of its own)."""
    return sum(1 for number in range(writers) if KINDS[number % len(KINDS)] == "rating")


def upload_content(marker: str, number: int) -> bytes:
    """What file `number` of the upload marked `marker` holds: the harness sends
    exactly this, and the check (bench/faults_data.py) compares the stored bytes with it."""
    line = f"Harness upload [{marker}] file {number}: people who use the service, in their own words.\n"
    return (line * (3 + number)).encode()


@dataclass
class Write:
    kind: str  # one of KINDS
    marker: str
    outcome: str = "unsent"  # accepted, refused, unknown, unsent (never reached the server)
    code: str = ""
    action: int = 0
    round: int = 0  # a rating: the assessment round, the item and the value given
    item: str = ""
    value: str = ""
    files: int = 0  # an upload: how many files it sent
    status: int = 0
    kill_round: int = 0  # which stretch between kills it was sent in (1: before the first)
    started: float = 0.0  # wall-clock time.time(), to place the write before or after a backup
    finished: float = 0.0


@dataclass
class EngineResult:
    engine: str
    kills: dict = field(default_factory=dict)  # kind of kill -> how many
    writes: int = 0
    acknowledged: int = 0
    refused: int = 0
    unknown: int = 0
    unknown_stored: int = 0
    lost: int = 0
    by_kind: dict = field(default_factory=dict)  # kind of write -> its counts
    rounds_mixed: int = 0  # stretches between kills in which every kind of write reached the server
    problems: list = field(default_factory=list)
    restarts_clean: int = 0
    restart_seconds_max: float = 0.0
    disk_full: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems and self.lost == 0 and (not self.disk_full or self.disk_full.get("ok", True))


# --- The database ---------------------------------------------------------------------------


class ScratchCluster:
    """A PostgreSQL cluster of our own in a temporary directory, on its own port,
    so it can be killed without touching the shared one on 5432."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "pgdata"
        self.port = free_port()
        version = sorted(PG_BIN.iterdir(), key=lambda p: int(p.name) if p.name.isdigit() else 0)[-1]
        self.bin = version / "bin"
        self.log = root / "postgres.log"
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *command: str) -> None:
        result = subprocess.run([*self.as_postgres, *command], capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {result.stderr or result.stdout}")

    def init(self, template: Path | None = None) -> bool:
        """A new cluster with a `pathfinder` database; True when it came from a
        migrated template (kept in var/faults while the migrations are unchanged)."""
        self.root.mkdir(parents=True, exist_ok=True)
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
        if template is not None and template.exists():
            shutil.copytree(template, self.data)
            if self.as_postgres:
                subprocess.run(["chown", "-R", "postgres:postgres", str(self.data)], check=True)
            os.chmod(self.data, 0o700)
            self.start()
            return True
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self._run(str(self.bin / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "postgres", "pathfinder")
        return False

    def save_template(self, template: Path) -> None:
        """Keep this (migrated) cluster's files for the next run: stopped cleanly, copied, started again."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        template.parent.mkdir(parents=True, exist_ok=True)
        for old in template.parent.glob("pgdata-*"):
            if old != template:
                shutil.rmtree(old, ignore_errors=True)
        partial = template.with_name(f"{template.name}.{os.getpid()}.part")
        shutil.copytree(self.data, partial, ignore=shutil.ignore_patterns("postmaster.pid", "*.log"))
        with contextlib.suppress(OSError):  # another run saved it first: theirs is as good
            partial.rename(template)
        shutil.rmtree(partial, ignore_errors=True)
        self.start()

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses={HOST} -c fsync=on -c synchronous_commit=on"
        command = [*self.as_postgres, str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log)]
        for _ in range(20):  # the killed cluster's port and shared memory take a moment to be let go
            if subprocess.run([*command, "-o", options, "-w", "start"], capture_output=True).returncode == 0:
                return
            time.sleep(0.5)
        raise SystemExit(f"PostgreSQL did not start again:\n{tail(self.log)}")

    @property
    def url(self) -> str:
        return f"postgres://postgres@{HOST}:{self.port}/pathfinder"

    def postmaster(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return None

    def kill(self) -> None:
        """kill -9 the postmaster and every process it started, as a crash would."""
        pid = self.postmaster()
        if pid is None:
            return
        family = [pid, *children(pid)]
        for member in family:
            with contextlib.suppress(ProcessLookupError):
                os.kill(member, signal.SIGKILL)
        for member in family:
            wait_gone(member)

    def stop(self) -> None:
        subprocess.run(
            [*self.as_postgres, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
        )


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def wait_gone(pid: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        # A killed child stays a zombie until its parent reaps it; that is gone enough.
        with contextlib.suppress(OSError):
            if (Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]) == "Z":
                return
        time.sleep(0.02)


# --- The server -------------------------------------------------------------------------


class Server:
    """gunicorn as `make serve` runs it, in its own process group so `kill -9`
    takes the master and every worker at once."""

    def __init__(self, env: dict, workers: int, log: Path):
        self.env, self.workers, self.log = env, workers, log
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        started = time.monotonic()
        command = [
            PYTHON, "-m", "gunicorn", "pathfinder.wsgi", "--bind", f"{HOST}:{self.port}",
            "--workers", str(self.workers), "--no-control-socket", "--graceful-timeout", "5",
        ]  # fmt: skip
        output = self.log.open("a")
        self.process = subprocess.Popen(
            command, cwd=BASE_DIR, env=self.env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        output.close()
        self.wait_healthy()
        return time.monotonic() - started

    def wait_healthy(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.process.returncode}):\n{tail(self.log)}")
            if health(self.port) == 200:
                return
            time.sleep(0.1)
        raise SystemExit(f"the server did not become healthy within {seconds}s:\n{tail(self.log)}")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


def health(port: int) -> int:
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        connection.request("GET", "/health/")
        return connection.getresponse().status
    except (OSError, http.client.HTTPException):
        return 0
    finally:
        connection.close()


def form_pages(data: dict) -> list[tuple[str, bool]]:
    """The page of each kind of write: (path, signed in)."""
    pages = [(f"/answer/{data['token']}/", False), (f"/actions/{data['actions'][0]}/update/", True)]
    pages.append((f"/programmes/{data['programme']}/language-audits/new/", True))
    if data.get("rounds") and data["rounds"][0] and data.get("rating_slots"):
        pages.append((f"/assessment-rounds/{data['rounds'][0][0]}/rate/{data['rating_slots'][0][0]}/", True))
    return pages


def answers_cleanly(port: int, data: dict, workers: int) -> bool:
    """After a (re)start: every kind of write's page opens, from several clients
    at once so that each worker answers (and is warm before the writers return)."""

    def opens_all() -> bool:
        for path, signed_in in form_pages(data):
            headers = {"Cookie": f"sessionid={data['session']}"} if signed_in else {}
            try:
                response, _ = _request(port, "GET", path, headers)
            except (OSError, http.client.HTTPException):
                return False
            if response.status != 200:
                return False
        return True

    outcomes: list[bool] = []
    threads = [threading.Thread(target=lambda: outcomes.append(opens_all())) for _ in range(max(2, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return health(port) == 200 and len(outcomes) == len(threads) and all(outcomes)


# --- The writers ------------------------------------------------------------------------------


class Hidden(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.values: dict[str, str] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "input" and found.get("type") == "hidden" and found.get("name"):
            self.values[found["name"]] = found.get("value") or ""


def _request(port: int, method: str, path: str, headers: dict, body: str | None = None):
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response, response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()


def write_update(port: int, session: str, write: Write) -> None:
    """A progress update on the writer's own action: GET the form (token and
    version), then POST. A redirect to the action is the acknowledgement."""
    path = f"/actions/{write.action}/update/"
    try:
        response, html = _request(port, "GET", path, {"Cookie": f"sessionid={session}"})
    except (OSError, http.client.HTTPException):
        return  # unsent: nothing reached the form
    if response.status != 200:
        return
    csrf = survey_client.csrf_cookie(response)
    hidden = Hidden(html).values
    fields = {
        "csrfmiddlewaretoken": hidden.get("csrfmiddlewaretoken", ""),
        "version": hidden.get("version", ""),
        "text": f"Harness progress [{write.marker}]",
        "status": "in_progress",
    }
    headers = {
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": f"http://{HOST}:{port}",
        "Referer": f"http://{HOST}:{port}{path}",
    }
    write.outcome = "unknown"
    try:
        response, _ = _request(port, "POST", path, headers, urlencode(fields))
    except (OSError, http.client.HTTPException):
        return
    write.status = response.status
    if response.status == 302 and response.getheader("Location", "").endswith(f"/actions/{write.action}/"):
        write.outcome = "accepted"
    elif response.status == 200:  # the form came back: told it was not saved
        write.outcome = "refused"


class Choices(HTMLParser):
    """The values each radio button group on a page offers."""

    def __init__(self, html: str):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "input" and found.get("type") == "radio" and found.get("name"):
            self.values.setdefault(found["name"], []).append(found.get("value") or "")


def _form_headers(port: int, session: str, csrf: str, path: str, content_type: str) -> dict:
    return {
        "Cookie": f"sessionid={session}; csrftoken={csrf}",
        "Content-Type": content_type,
        "Origin": f"http://{HOST}:{port}",
        "Referer": f"http://{HOST}:{port}{path}",
    }


def _open_form(port: int, session: str, path: str) -> tuple[str, dict, str] | None:
    """GET a signed-in form: (csrf cookie, hidden fields, page), or None if it did not open."""
    try:
        response, html = _request(port, "GET", path, {"Cookie": f"sessionid={session}"})
    except (OSError, http.client.HTTPException):
        return None
    if response.status != 200:
        return None
    return survey_client.csrf_cookie(response), Hidden(html).values, html


def write_rating(port: int, session: str, write: Write, section: str, index: int) -> None:
    """One assessment item answered (a score and evidence naming the marker) on
    its section's page, as the rater would. A redirect onwards (the next section,
    or the check page after the last) is the acknowledgement."""
    path = f"/assessment-rounds/{write.round}/rate/{section}/"
    opened = _open_form(port, session, path)
    if opened is None:
        return
    csrf, hidden, html = opened
    if write.value not in Choices(html).values.get(f"value_{index}", []):
        return  # not the page expected: nothing sent
    fields = {
        "csrfmiddlewaretoken": hidden.get("csrfmiddlewaretoken", ""),
        "version": hidden.get("version", ""),
        f"value_{index}": write.value,
        f"evidence_{index}": f"Harness rating [{write.marker}]",
    }
    write.outcome = "unknown"
    headers = _form_headers(port, session, csrf, path, "application/x-www-form-urlencoded")
    try:
        response, _ = _request(port, "POST", path, headers, urlencode(fields))
    except (OSError, http.client.HTTPException):
        return
    write.status = response.status
    if response.status == 302 and f"/assessment-rounds/{write.round}/" in response.getheader("Location", ""):
        write.outcome = "accepted"
    elif response.status == 200:  # the form came back: told it was not saved
        write.outcome = "refused"


def write_upload(port: int, session: str, programme: int, write: Write) -> None:
    """A language audit of `write.files` plain-text files, uploaded as a browser
    would (multipart). A redirect to the new audit's page is the acknowledgement."""
    path = f"/programmes/{programme}/language-audits/new/"
    opened = _open_form(port, session, path)
    if opened is None:
        return
    csrf, hidden, _ = opened
    boundary = f"harness{secrets.token_hex(12)}"
    parts = []
    for name, value in (
        ("csrfmiddlewaretoken", hidden.get("csrfmiddlewaretoken", "")),
        ("title", f"Harness upload [{write.marker}]"),
    ):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for number in range(write.files):
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="documents"; filename="notes-{number}.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n".encode()
            + upload_content(write.marker, number)
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    write.outcome = "unknown"
    headers = _form_headers(port, session, csrf, path, f"multipart/form-data; boundary={boundary}")
    try:
        response, _ = _request(port, "POST", path, headers, body)
    except (OSError, http.client.HTTPException):
        return
    write.status = response.status
    if response.status == 302 and "/language-audits/" in response.getheader("Location", ""):
        write.outcome = "accepted"
    elif response.status in (200, 400):  # the form came back with what to fix: not saved
        write.outcome = "refused"


def write_survey(port: int, token: str, write: Write, rng: random.Random) -> None:
    attempt = survey_client.Attempt(0, write.code, write.marker, f"{write.marker}-g", f"{write.marker}-p")
    opened = survey_client.open_page(port, token, attempt)
    if opened is None:
        return
    page, cookie = opened
    survey_client.send(port, token, attempt, survey_client.fill(page, write.code, write.marker, rng), cookie)
    write.status = attempt.post_status
    if attempt.outcome == "accepted":
        write.outcome = "accepted"
    elif attempt.outcome == "refused" and attempt.post_status == 200:  # the form came back
        write.outcome = "refused"
    else:
        write.outcome = "unknown"


class Writers:
    """Clients writing until told to stop; every write they try is kept."""

    def __init__(self, port: int, data: dict, codes: "queue.SimpleQueue[str]", count: int, rng: random.Random):
        self.port, self.data, self.codes, self.rng = port, data, codes, rng
        self.stopping = threading.Event()
        self.kill_round = 1  # moved on by whoever kills
        self.writes: list[Write] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,), daemon=True) for n in range(count)]

    def run(self, number: int) -> None:
        rng = random.Random(self.rng.random())
        action = self.data["actions"][number % len(self.data["actions"])]
        kind = KINDS[number % len(KINDS)]
        # A rating writer answers the items of its own rounds one by one, never one twice.
        rounds = self.data.get("rounds") or [[]]
        mine = rounds[(number // len(KINDS)) % len(rounds)]
        slots = [(round_, slot) for round_ in mine for slot in self.data.get("rating_slots", [])]
        answered = 0
        while not self.stopping.is_set():
            marker = f"w{number}-{secrets.token_hex(5)}"
            began, kill_round = time.time(), self.kill_round
            slot = slots[answered] if kind == "rating" and answered < len(slots) else None
            if kind == "survey" or (kind == "rating" and slot is None):  # all its items answered: surveys instead
                try:
                    code = self.codes.get_nowait()
                except queue.Empty:
                    return
                write = Write("survey", marker, code=code)
                write_survey(self.port, self.data["token"], write, rng)
            elif kind == "rating":
                round_, (section, index, item, values) = slot
                write = Write("rating", marker, round=round_, item=item, value=rng.choice(values))
                write_rating(self.port, self.data["session"], write, section, index)
                answered += write.outcome != "unsent"  # an item tried is never tried again
            elif kind == "upload":
                write = Write("upload", marker, files=rng.choice((1, 2)))
                write_upload(self.port, self.data["session"], self.data["programme"], write)
            else:
                write = Write("update", marker, action=action)
                write_update(self.port, self.data["session"], write)
            write.started, write.finished, write.kill_round = began, time.time(), kill_round
            with self.lock:
                self.writes.append(write)
            if write.outcome == "unsent":
                time.sleep(0.05)  # the server is down: do not spin

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)


# --- One engine -------------------------------------------------------------------------------


def django(env: dict, *arguments: str) -> str:
    result = subprocess.run([PYTHON, *arguments], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def migrations_stamp() -> str:
    names = sorted(str(path.relative_to(BASE_DIR)) for path in (BASE_DIR / "pathfinder").glob("*/migrations/*.py"))
    return hashlib.sha256("\n".join(names).encode() + b"".join((BASE_DIR / n).read_bytes() for n in names)).hexdigest()[
        :16
    ]


def pg_template() -> Path:
    return TEMPLATE_DIR / f"pgdata-{migrations_stamp()}"


def prepare(env: dict, cluster: "ScratchCluster | None" = None, migrated: bool = False) -> None:
    """Migrate, or start from a migrated copy kept in var/faults while the migrations
    are unchanged: a SQLite file, or a scratch cluster's files (`migrated`: it came from one)."""
    if migrated:
        return
    url = env["DATABASE_URL"]
    template = None
    if url.startswith("sqlite:///"):
        template = TEMPLATE_DIR / f"migrated-{migrations_stamp()}.sqlite3"
        if template.exists():
            shutil.copyfile(template, url.removeprefix("sqlite:///"))
            return
    django(env, "manage.py", "migrate", "--no-input", "--verbosity", "0")
    django(env, "manage.py", "createcachetable")
    if cluster is not None:
        cluster.save_template(pg_template())
    if template is not None:
        TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
        for old in TEMPLATE_DIR.glob("migrated-*.sqlite3"):
            old.unlink()
        shutil.copyfile(url.removeprefix("sqlite:///"), template)


def collect_static(env: dict) -> None:
    if not (BASE_DIR / "staticfiles" / "staticfiles.json").exists():
        django(env, "manage.py", "collectstatic", "--no-input", "--verbosity", "0")


def setup_data(
    env: dict, work: Path, codes: int, actions: int, sessions: int = 1, rounds: int = 2
) -> tuple[dict, list[str]]:
    """`actions`: one per writer; `rounds`: assessment rounds for each rating writer."""
    codes_file = work / "codes.txt"
    data = json.loads(
        django(
            env, "-m", "bench.faults_data", "setup", "--codes", str(codes), "--actions", str(actions),
            "--out", str(codes_file), "--sessions", str(sessions), "--rounds", str(rounds),
            "--raters", str(max(1, raters_for(actions))),
        ).strip().splitlines()[-1]
    )  # fmt: skip
    return data, codes_file.read_text().split()


def check(env: dict, work: Path, data: dict, writes: list[Write]) -> dict:
    sent = [asdict(w) for w in writes if w.outcome != "unsent"]
    expect = {
        "survey": data["survey"],
        "actions": data["actions"],
        "programme": data["programme"],
        "rounds": data.get("rounds", []),
        **{f"{kind}s": [w for w in sent if w["kind"] == kind] for kind in KINDS},
    }
    path = work / "expect.json"
    path.write_text(json.dumps(expect))
    return json.loads(django(env, "-m", "bench.faults_data", "check", "--expect", str(path)).strip().splitlines()[-1])


def rounds_mixed(writes: list[Write], kills: int) -> int:
    """How many stretches ending in a kill had every kind of write reach the server."""
    kinds: dict[int, set[str]] = {}
    for write in writes:
        if write.outcome != "unsent":
            kinds.setdefault(write.kill_round, set()).add(write.kind)
    return sum(1 for number in range(1, kills + 1) if kinds.get(number, set()) >= set(KINDS))


def crash_engine(engine: str, options: Options, rng: random.Random) -> EngineResult:
    started = time.monotonic()
    result = EngineResult(engine)
    work = Path(tempfile.mkdtemp(prefix=f"pathfinder-faults-{engine}-"))
    cluster = None
    say(f"\n== {ENGINES[engine]}: kill -9 under writes ({work}) ==")
    try:
        if engine == "sqlite":
            url = f"sqlite:///{work / 'faults.sqlite3'}"
        else:
            os.chmod(work, 0o711)  # the postgres user must reach its directory inside
            cluster = ScratchCluster(work / "pg")
            migrated = cluster.init(pg_template())
            url = cluster.url
        env = production_env(url, secrets.token_urlsafe(64), Fernet.generate_key().decode())
        env["SITE_URL"] = "https://faults.example.scot"
        prepare(env, cluster, migrated=bool(cluster and migrated))
        collect_static(env)
        kinds = ["server"] + (["database"] if cluster else [])
        total_kills = options.kills * len(kinds)
        # A rating writer answers about one item a second: enough rounds (56 items each) to last.
        data, codes = setup_data(
            env, work, codes=400 * total_kills + 200, actions=options.writers, rounds=2 + 2 * total_kills
        )
        code_queue: queue.SimpleQueue[str] = queue.SimpleQueue()
        for code in codes:
            code_queue.put(code)
        server = Server(env, options.workers, work / "server.log")
        server.start()
        if not answers_cleanly(server.port, data, options.workers):
            result.problems.append("the pages of the writes did not all open before any kill")
        plan = [kind for kind in kinds for _ in range(options.kills)]
        rng.shuffle(plan)
        try:
            # The writers keep writing through every kill and restart, as people would.
            with Writers(server.port, data, code_queue, options.writers, rng) as writers:
                for number, kind in enumerate(plan, start=1):
                    time.sleep(rng.uniform(*options.kill_after))
                    (server.kill if kind == "server" else cluster.kill)()
                    writers.kill_round = number + 1
                    result.kills[kind] = result.kills.get(kind, 0) + 1
                    restart_started = time.monotonic()
                    if kind == "server":
                        server.start()
                    else:
                        cluster.start()
                        server.wait_healthy()
                    if answers_cleanly(server.port, data, options.workers):
                        result.restarts_clean += 1
                    result.restart_seconds_max = max(result.restart_seconds_max, time.monotonic() - restart_started)
                    say(f"   kill {number}/{len(plan)} ({kind}): {len(writers.writes)} writes tried so far")
                time.sleep(options.kill_after[1])
            writes = writers.writes
        finally:
            server.stop()
        checked = check(env, work, data, writes)
        for key in ("writes", "acknowledged", "refused", "unknown", "unknown_stored", "lost", "by_kind", "problems"):
            setattr(result, key, checked[key])
        result.rounds_mixed = rounds_mixed(writes, len(plan))
        if options.writers >= len(KINDS) and result.rounds_mixed != len(plan):
            result.problems.append(
                f"every kind of write reached the server in only {result.rounds_mixed} of {len(plan)} kill rounds"
            )
        if result.restarts_clean != len(plan):
            result.problems.append(f"only {result.restarts_clean} of {len(plan)} restarts answered cleanly")
        if engine == "sqlite" and options.disk_full:
            result.disk_full = disk_full(options, rng)
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    result.seconds = round(time.monotonic() - started, 1)
    return result


# --- A backup taken while people write ---------------------------------------------------------


def backup_under_writes(engine: str, options: Options, rng: random.Random) -> dict:
    """Take `pathfinder backup` while the writers write, verify it, restore it into a
    new database and check that database: every write acknowledged before the backup
    began is there once; anything in flight is there whole or not at all."""
    work = Path(tempfile.mkdtemp(prefix=f"pathfinder-backup-{engine}-"))
    cluster = None
    say(f"\n== {ENGINES[engine]}: a backup taken during writes ==")
    try:
        if engine == "sqlite":
            url, restored_url = f"sqlite:///{work / 'live.sqlite3'}", f"sqlite:///{work / 'restored.sqlite3'}"
        else:
            os.chmod(work, 0o711)
            cluster = ScratchCluster(work / "pg")
            migrated = cluster.init(pg_template())
            url = cluster.url
            cluster._run(
                str(cluster.bin / "createdb"), "-h", HOST, "-p", str(cluster.port), "-U", "postgres", "restored"
            )
            restored_url = url.rsplit("/", 1)[0] + "/restored"
        env = production_env(url, secrets.token_urlsafe(64), Fernet.generate_key().decode())
        env.update(SITE_URL="https://faults.example.scot", PATHFINDER_BACKUP_KEY=backup_key())
        prepare(env, cluster, migrated=bool(cluster and migrated))
        collect_static(env)
        data, codes = setup_data(env, work, codes=3000, actions=options.writers)
        code_queue: queue.SimpleQueue[str] = queue.SimpleQueue()
        for code in codes:
            code_queue.put(code)
        server = Server(env, options.workers, work / "server.log")
        server.start()
        archive = work / "during.pfbackup"
        try:
            with Writers(server.port, data, code_queue, options.writers, rng) as writers:
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and sum(w.outcome == "accepted" for w in list(writers.writes)) < 10:
                    time.sleep(0.2)
                began = time.time()
                made = django(env, "manage.py", "pathfinder", "backup", "--output", str(archive)).strip()
                ended = time.time()
                time.sleep(1.0)
        finally:
            server.stop()
        verified = django(env, "manage.py", "pathfinder", "restore", str(archive), "--verify").strip()
        restored_env = {**env, "DATABASE_URL": restored_url}
        django(restored_env, "manage.py", "pathfinder", "restore", str(archive))
        writes = []
        for write in writers.writes:
            if write.outcome == "accepted" and write.finished >= began:
                # Acknowledged during or after the backup: in it or not, but whole.
                write = Write(**{**asdict(write), "outcome": "unknown"})
            writes.append(write)
        checked = check(restored_env, work, data, writes)
        before = sum(1 for w in writers.writes if w.outcome == "accepted" and w.finished < began)
        during = sum(1 for w in writers.writes if w.outcome == "accepted" and began <= w.finished <= ended)
        outcome = {
            "writes": len(writers.writes),
            "acknowledged_before": before,
            "acknowledged_during": during,
            "in_backup_of_those": checked["unknown_stored"],
            "backup_seconds": round(ended - began, 1),
            "backup": made.splitlines()[0] if made else "",
            "verify": verified.splitlines()[0] if verified else "",
            "check": checked,
            "ok": checked["ok"] and before > 0,
        }
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    say(f"   {json.dumps({k: v for k, v in outcome.items() if k != 'check'})}")
    return outcome


def backup_key() -> str:
    import base64

    return base64.urlsafe_b64encode(os.urandom(32)).decode()


# --- A full disk (SQLite) -------------------------------------------------------------------


def disk_full(options: Options, rng: random.Random) -> dict:
    """The database on a small tmpfs; fill the rest; write until one is refused;
    check nothing refused was stored; free the space; write again."""
    if os.geteuid() != 0:
        return {"skipped": "needs root to mount a small tmpfs"}
    work = Path(tempfile.mkdtemp(prefix="pathfinder-faults-disk-"))
    mount = work / "small"
    mount.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], capture_output=True)
    if mounted.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        return {"skipped": f"mount is not permitted here: {mounted.stderr.decode().strip()}"}
    say("\n== SQLite: a full disk ==")
    outcome: dict = {"ok": False}
    server = None
    try:
        env = production_env(
            f"sqlite:///{mount / 'full.sqlite3'}", secrets.token_urlsafe(64), Fernet.generate_key().decode()
        )
        env["SITE_URL"] = "https://faults.example.scot"
        prepare(env)
        data, codes = setup_data(env, work, codes=600, actions=1)
        server = Server(env, 1, work / "server.log")
        server.start()
        filler = mount / "filler"
        # The suppress is outermost: closing the file on a full disk fails too.
        with contextlib.suppress(OSError), filler.open("wb") as handle:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        writes, calm = [], 0
        for code in codes[:400]:
            write = Write("survey", f"full-{secrets.token_hex(5)}", code=code)
            write_survey(server.port, data["token"], write, rng)
            writes.append(write)
            if write.status == 503:
                calm += 1
            if calm >= 3:
                break
        refused_statuses = sorted({w.status for w in writes if w.outcome != "accepted"})
        filler.unlink()
        after = []
        for code in codes[400:410]:
            write = Write("survey", f"freed-{secrets.token_hex(5)}", code=code)
            write_survey(server.port, data["token"], write, rng)
            after.append(write)
        server.stop()
        checked = check(env, work, data, writes + after)
        outcome = {
            "writes_while_full": len(writes),
            "accepted_while_full": sum(1 for w in writes if w.outcome == "accepted"),
            "calm_503": calm,
            "other_statuses": [s for s in refused_statuses if s != 503],
            "accepted_after_freeing": sum(1 for w in after if w.outcome == "accepted"),
            "check": checked,
        }
        outcome["ok"] = (
            calm >= 1
            and not outcome["other_statuses"]
            and outcome["accepted_after_freeing"] == len(after)
            and checked["ok"]
        )
        # A 503 is a write whose answer said "not saved": it must not be there at all.
        for write in writes:
            if write.status == 503:
                write.outcome = "refused"
        strict = check(env, work, data, writes + after)
        outcome["refused_not_stored"] = strict["ok"]
        outcome["ok"] = outcome["ok"] and strict["ok"]
        outcome["page"] = calm_page(writes)
    finally:
        if server:
            server.kill()
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    say(f"   disk full: {json.dumps({k: v for k, v in outcome.items() if k != 'check'})}")
    return outcome


def calm_page(writes: list[Write]) -> str:
    return "503 page 'Sorry, Pathfinder is not available just now'" if any(w.status == 503 for w in writes) else ""


# --- The report -------------------------------------------------------------------------------


def report(results: list[EngineResult], options: Options) -> str:
    lines = [
        "# Crash safety (`make faults`)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {options.writers} writers at once; gunicorn with "
        f"{options.workers} workers and production settings; kills at a random moment "
        f"{options.kill_after[0]}–{options.kill_after[1]} s into the writes.",
        "",
        "| Engine | Kills (server / database) | Writes tried | Acknowledged | Refused | No answer (stored whole / not) | Lost | Half there | Restarts clean |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        half = len([p for p in r.problems if "half" in p])
        lines.append(
            f"| {ENGINES[r.engine]} | {r.kills.get('server', 0)} / {r.kills.get('database', '–')} | {r.writes} | "
            f"{r.acknowledged} | {r.refused} | {r.unknown} ({r.unknown_stored} / {r.unknown - r.unknown_stored}) | "
            f"{r.lost} | {half} | {r.restarts_clean} (slowest {r.restart_seconds_max:.1f} s) |"
        )
    lines += [
        "",
        "By kind of write (each writer writes one kind, so every kind is in flight at every kill):",
        "",
        "| Engine | Kind | Writes tried | Acknowledged | Refused | No answer (stored whole / not) | Lost | Kill rounds with every kind |",
        "|---|---|---|---|---|---|---|---|",
    ]
    names = {
        "survey": "Survey submissions",
        "update": "Action updates",
        "rating": "Assessment ratings",
        "upload": "Uploads (language audit)",
    }
    for r in results:
        for kind in KINDS:
            k = r.by_kind.get(kind) or {}
            if not k:
                continue
            lines.append(
                f"| {ENGINES[r.engine]} | {names[kind]} | {k['writes']} | {k['acknowledged']} | {k['refused']} | "
                f"{k['unknown']} ({k['unknown_stored']} / {k['unknown'] - k['unknown_stored']}) | {k['lost']} | "
                f"{r.rounds_mixed} of {sum(r.kills.values())} |"
            )
    for r in results:
        if r.disk_full:
            d = r.disk_full
            if "skipped" in d:
                lines += ["", f"Disk full (SQLite): skipped, {d['skipped']}."]
            else:
                lines += [
                    "",
                    f"Disk full (SQLite, 24 MB tmpfs filled): {d['writes_while_full']} submissions tried while full, "
                    f"{d['accepted_while_full']} accepted (into space SQLite already held, if any), {d['calm_503']} answered with the "
                    f"calm 503 page and none of those stored ({'yes' if d.get('refused_not_stored') else 'NO'}); "
                    f"after freeing the space {d['accepted_after_freeing']} of 10 accepted. "
                    f"{'All well.' if d['ok'] else 'PROBLEM.'}",
                ]
        if r.problems:
            lines += ["", f"Problems on {ENGINES[r.engine]}:", *[f"- {p}" for p in r.problems]]
    lines += [
        "",
        "Acknowledged: the server answered with the redirect that tells the person it was saved. "
        "No answer: the connection died, or any answer other than that redirect or the form shown again "
        "(a 5xx, the calm 503); such a write may be stored, but only whole "
        "(a survey response exactly when its code is spent; an action's version matching its history; "
        "a rater's version moved on once for each answer stored; an upload with a document for each file, "
        "each document's encrypted bytes equal to the file sent, and its counting task queued).",
        "",
    ]
    return "\n".join(lines)


def run(options: Options) -> list[EngineResult]:
    rng = random.Random(options.seed)
    results = [crash_engine(engine, options, rng) for engine in options.engines]
    options.report.parent.mkdir(parents=True, exist_ok=True)
    options.report.write_text(report(results, options))
    options.report.with_suffix(".json").write_text(json.dumps([{**asdict(r), "ok": r.ok} for r in results], indent=2))
    say(f"\nWrote {options.report}")
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--engine", action="append", choices=list(ENGINES))
    parser.add_argument("--kills", type=int)
    parser.add_argument("--no-disk-full", action="store_true")
    parser.add_argument("--seed", type=int)
    args = parser.parse_args(argv)
    options = QUICK if args.quick else Options()
    changes = {}
    if args.engine:
        changes["engines"] = tuple(args.engine)
    if args.kills:
        changes["kills"] = args.kills
    if args.no_disk_full:
        changes["disk_full"] = False
    if args.seed is not None:
        changes["seed"] = args.seed
    options = Options(**{**asdict(options), **changes})
    results = run(options)
    print(Path(options.report).read_text())
    if not all(r.ok for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
