"""`make bench`: national-scale benchmark on SQLite and PostgreSQL.

For each engine: a fresh database, migrations, national-scale data
(bench/generate.py, bench/national_data.py, and bench/scale_data.py for the
largest service's own survey, assessment, lens event and plan), then the
production server (gunicorn, as `make serve` runs it) under concurrent load
from signed-in programme leads. Every page is measured in the same shuffled
stream as a static file served by the same server, so the page/static ratio
puts page times in units of this machine.
Then, on the same data, anonymous survey submissions under load
(bench/surveys.py). The figures are written to BENCHMARKS.md.

    .venv/bin/python -m bench.run                 # both engines, the real thing
    .venv/bin/python -m bench.run --quick         # small data, few requests: a smoke test
    .venv/bin/python -m bench.run --engine sqlite
    .venv/bin/python -m bench.run --no-surveys    # no survey submissions
    .venv/bin/python -m bench.run --no-language   # no language matcher benchmark (bench/language_bench.py)

This process never imports Django: each engine needs its own settings (they
are read from the environment at import), so Django work happens in
subprocesses that get the engine's environment.
"""

import argparse
import http.client
import json
import os
import platform
import queue
import random
import re
import secrets
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import psycopg
from cryptography.fernet import Fernet
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = BASE_DIR / "var" / "bench"
REPORT = BASE_DIR / "BENCHMARKS.md"
PYTHON = sys.executable
HOST = "127.0.0.1"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_ADMIN_DATABASE = "postgres"
PG_BENCH_DATABASE = "pathfinder_bench"
ENGINES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# Gunicorn's own timing of each request (microseconds, from parsed request to
# response sent), keyed by the request id the client chose.
ACCESS_FORMAT = "%({x-request-id}i)s %(s)s %(D)s"
# Above this share of the CPU in use by others, the report says the times are suspect.
BUSY_WARNING = 0.15
BASELINE_CSS = "vendor/nhsuk-frontend/nhsuk-frontend.min.css"
SMALL_CSS = "css/pathfinder.css"


@dataclass(frozen=True)
class Options:
    engines: tuple[str, ...] = tuple(ENGINES)
    leads: int = 50
    # 24 pages and two static files: 600 requests each (200 for the two national
    # pages and the largest service's plan pages).
    requests_per_page: int = 600
    warmup_per_page: int = 25
    concurrency: int = 16
    workers: int = 3
    quick: bool = False
    report: Path = REPORT
    seed: int = 2026
    # The survey submission benchmark (bench/surveys.py), after each engine's pages.
    surveys: bool = True
    respondents: int = 50
    submissions: int | None = None  # measured survey submissions; None: bench/surveys.py's default
    # The language audit matcher against grep (bench/language_bench.py), after the report is written.
    language: bool = True


@dataclass(frozen=True)
class Page:
    key: str
    label: str
    # Filled from a signed-in lead's row: {programme} and {service}.
    path: str
    signed_in: bool = True
    # Always as the lead of the largest service, to show the worst case.
    largest_only: bool = False
    # As the national programme team's viewer (national oversight), not a lead.
    national: bool = False
    # Share of the requests per page: the slow national pages get fewer, which
    # is enough for their p50 and p95 and keeps `make bench` under 10 minutes.
    share: float = 1.0


def largest_lead(leads: list[dict]) -> dict:
    """The signed-in lead of the largest service: the worst case."""
    return max(leads, key=lambda lead: lead["people"])


# What bench/scale_data.py made for the largest service, kept in its lead's row
# for the paths and labels of the pages that grow with their own data.
SCALE_KEYS = ("survey", "round", "lens_event", "responses", "notes", "actions")


def add_scale(leads: list[dict], scale: dict) -> None:
    """Put scale_data's ids and sizes into the largest service's lead row."""
    lead = largest_lead(leads)
    if lead["service"] != scale["service"]:
        raise SystemExit(
            f"bench.scale_data filled {scale['service']}, but the largest signed-in lead runs {lead['service']}."
        )
    lead.update({key: scale[key] for key in SCALE_KEYS})


def pages(static_paths: dict[str, str], leads: list[dict]) -> list[Page]:
    """What is measured. The home page uses ?all=1 because a lead with one
    service would otherwise be redirected straight to it. The people page
    lists everyone, so it is also measured for the largest service alone, and
    so are the pages that grow with their own data (goal 5's national scale):
    its plan by theme and timeline, and the survey, assessment and lens event
    bench/scale_data.py made for it."""
    largest = largest_lead(leads)
    return [
        Page("home", "Home, your services (`/?all=1`)", "/?all=1"),
        Page("dashboard", "Programme dashboard", "/programmes/{programme}/"),
        Page("findings", "Findings list", "/programmes/{programme}/findings/"),
        Page("people", "People in the service", "/services/{service}/people/"),
        Page(
            "people_largest",
            f"People, largest service ({largest['people']})",
            "/services/{service}/people/",
            largest_only=True,
        ),
        Page("activity", "Activity log", "/services/{service}/activity/"),
        Page("plan", "Implementation plan", "/programmes/{programme}/plan/"),
        Page("plan_themes", "Plan by theme", "/programmes/{programme}/plan/themes/"),
        Page(
            "plan_themes_largest",
            f"Plan by theme, largest service ({largest['actions']} actions)",
            "/programmes/{programme}/plan/themes/",
            largest_only=True,
            share=1 / 3,
        ),
        Page("inbox", "Plan: findings inbox", "/programmes/{programme}/plan/findings/"),
        Page("timeline", "Plan: timeline", "/programmes/{programme}/plan/timeline/"),
        Page(
            "timeline_largest",
            f"Plan: timeline, largest service ({largest['actions']} actions)",
            "/programmes/{programme}/plan/timeline/",
            largest_only=True,
            share=1 / 3,
        ),
        Page("budget", "Plan: budget", "/programmes/{programme}/plan/budget/"),
        Page("toc", "Theory of change", "/programmes/{programme}/theory-of-change/"),
        Page("training", "Training overview", "/programmes/{programme}/training/"),
        Page("phase_one", "Phase one", "/programmes/{programme}/phase-one/"),
        Page("progress", "Progress (SPC charts)", "/programmes/{programme}/progress/"),
        Page(
            "assessment_results",
            "Assessment results (follow-up against baseline, largest service)",
            "/assessment-rounds/{round}/results/",
            largest_only=True,
        ),
        Page(
            "survey_results",
            f"Survey results ({largest['responses']} responses)",
            "/surveys/{survey}/results/",
            largest_only=True,
        ),
        Page(
            "lens_live",
            f"Lens event: live map ({largest['notes']} notes)",
            "/lens-events/{lens_event}/map/",
            largest_only=True,
        ),
        Page(
            "lens_report",
            f"Lens event: report ({largest['notes']} notes)",
            "/lens-events/{lens_event}/report/",
            largest_only=True,
        ),
        Page(
            "like_mine",
            "Services like mine (`/services/<slug>/like-mine/`)",
            "/services/{service}/like-mine/",
            share=1 / 3,
        ),
        Page("national", "National view (`/national/`, national viewer)", "/national/", national=True, share=1 / 3),
        Page("health", "Health check (`/health/`, no session)", "/health/", signed_in=False),
        Page("static", "Static file: NHS.UK frontend CSS (baseline)", static_paths[BASELINE_CSS], False),
        Page("static_small", "Static file: pathfinder.css", static_paths[SMALL_CSS], False),
    ]


@dataclass(frozen=True)
class Job:
    page: str
    path: str
    request_id: str
    session: str | None


@dataclass
class Sample:
    page: str
    request_id: str
    status: int  # 0 when the connection failed
    seconds: float
    size: int
    note: str = ""


@dataclass
class EngineResult:
    engine: str
    counts: dict
    timings: dict
    leads: list
    rows: list
    failures: list
    # Share of the CPU other processes used during the measured load.
    busy_during: float
    # bench.surveys.SurveyResult, when the survey benchmark ran.
    survey: object = None


# --- Small helpers ----------------------------------------------------------------------


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def timed(timings: dict, name: str):
    started = time.perf_counter()
    say(f"-- {name}")
    yield
    timings[name] = round(time.perf_counter() - started, 1)
    say(f"   {name}: {timings[name]}s")


def process_cpu() -> dict[int, tuple[str, int, int]]:
    """pid -> (command, process group, CPU ticks used so far), from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended while we looked
            continue
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        found[int(entry.name)] = (command, int(fields[2]), int(fields[11]) + int(fields[12]))
    return found


def machine_busy_ticks() -> int:
    """CPU ticks the whole machine has spent busy since boot (all processes,
    including ones that have ended, the kernel, and time taken by the host)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return user + nice + system + irq + softirq + steal


# A PostgreSQL backend's title: "postgres: [cluster: ]user database host(port) state".
BACKEND_TITLE = re.compile(r"postgres: (?:\S+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])")


def serves_bench_database(pid: int) -> bool:
    """Whether a postgres process works for the benchmark: a backend connected
    to its database, or a background process (writer, checkpointer...)."""
    try:
        title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    backend = BACKEND_TITLE.search(title)
    return backend is None or backend.group(1) == PG_BENCH_DATABASE


@contextmanager
def others_cpu(server: subprocess.Popen, *, postgres_is_ours: bool):
    """Measure the share of the machine's CPU that other processes (a test
    suite, say) used while the block ran; the result is in the yielded dict.

    Everything the machine did (from /proc/stat, so short-lived processes
    count too), less what ours used: this process, the gunicorn process
    group and, when benchmarking PostgreSQL, the postgres processes serving
    the benchmark database (its backends, and the shared background ones).
    """

    def part(pid: int, command: str, group: int) -> str | None:
        if pid == os.getpid():
            return "client"
        if group == server.pid:
            return "server"
        if postgres_is_ours and command == "postgres" and serves_bench_database(pid):
            return "postgres"
        return None

    def ours(snapshot) -> dict[int, tuple[str, int]]:
        found = {}
        for pid, (command, group, ticks) in snapshot.items():
            if (name := part(pid, command, group)) is not None:
                found[pid] = (name, ticks)
        return found

    result = {"share": 0.0, "seconds": {}}
    if not Path("/proc/stat").exists():  # not Linux: nothing measured
        yield result
        return
    before, busy_before, started = ours(process_cpu()), machine_busy_ticks(), time.monotonic()
    yield result
    after, busy, elapsed = ours(process_cpu()), machine_busy_ticks() - busy_before, time.monotonic() - started
    tick = os.sysconf("SC_CLK_TCK")
    spent = {"server": 0, "postgres": 0, "client": 0}
    for pid, (name, ticks) in after.items():
        earlier = before.get(pid, (name, 0))[1]
        if ticks >= earlier:  # not a new process that took an old one's pid
            spent[name] += ticks - earlier
    used = sum(spent.values())
    result["share"] = max(0, busy - used) / (tick * elapsed * (os.cpu_count() or 1))
    # CPU seconds each part used while the block ran ("rest": the kernel's own
    # work, such as moving bytes over the loopback, and everything else).
    result["seconds"] = {name: ticks / tick for name, ticks in spent.items()} | {"rest": max(0, busy - used) / tick}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def percentile(values: list[float], share: float) -> float | None:
    """Inclusive percentile (statistics.quantiles), None without enough data."""
    if len(values) < 2:
        return values[0] if values else None
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[round(share * 100) - 1]


def run(command: list[str], env: dict, *, capture: bool = False) -> str:
    """Run a step in a subprocess, failing loudly (with its output) if it fails."""
    result = subprocess.run(command, cwd=BASE_DIR, env=env, text=True, stdout=subprocess.PIPE if capture else None)
    if result.returncode != 0:
        raise SystemExit(f"Failed ({result.returncode}): {' '.join(command)}")
    return result.stdout or ""


def manage(env: dict, *arguments: str) -> None:
    run([PYTHON, "manage.py", *arguments], env)


# --- Databases and environment -------------------------------------------------------


def pg_admin():
    return psycopg.connect(f"{PG_SERVER}/{PG_ADMIN_DATABASE}", autocommit=True)


def fresh_database(engine: str) -> str:
    """A new, empty database for the engine; returns its DATABASE_URL.

    Audit events cannot be deleted (a trigger refuses on PostgreSQL), so each
    run starts from a new database rather than emptying the old one.
    """
    if engine == "sqlite":
        path = WORK_DIR / "bench.sqlite3"
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    try:
        connection = pg_admin()
    except psycopg.OperationalError as error:
        raise SystemExit(f"PostgreSQL is not reachable at {PG_SERVER} (try `make postgres`): {error}") from None
    with connection:
        name = sql.Identifier(PG_BENCH_DATABASE)
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
    return f"{PG_SERVER}/{PG_BENCH_DATABASE}"


def production_env(database_url: str, secret_key: str, encryption_key: str) -> dict:
    """Production settings, with the three changes plain-HTTP benchmarking needs:
    no HTTPS redirect, no two-step verification, and sessions made by
    bench/sessions.py instead of the sign-in form (Secure cookies)."""
    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "BEHIND_TLS_PROXY"}}
    env.update(
        PATHFINDER_ENV="production",
        SECRET_KEY=secret_key,
        FIELD_ENCRYPTION_KEYS=encryption_key,
        ALLOWED_HOSTS=HOST,
        # Only used in e-mailed links and calendar feeds (production requires an https:// one).
        SITE_URL="https://pathfinder.bench.example",
        SECURE_SSL_REDIRECT="false",
        PATHFINDER_REQUIRE_MFA="false",
        DATABASE_URL=database_url,
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    return env


def collect_static(env: dict) -> dict[str, str]:
    """Collect static files as production does, and return the hashed URLs
    (WhiteNoise's manifest storage) of the two files used as baselines."""
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    manifest = json.loads((BASE_DIR / "staticfiles" / "staticfiles.json").read_text())["paths"]
    return {name: f"/static/{manifest[name]}" for name in (BASELINE_CSS, SMALL_CSS)}


# --- The server -------------------------------------------------------------------------


@contextmanager
def gunicorn(env: dict, port: int, workers: int, access_log: Path, server_log: Path, threads: int = 1):
    """The production server, as `make serve` starts it, stopped however we leave.
    With threads > 1, gthread workers (to compare worker models: docs/deploying.md)."""
    command = [
        PYTHON, "-m", "gunicorn", "pathfinder.wsgi",
        "--bind", f"{HOST}:{port}",
        "--workers", str(workers),
        *(["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []),
        "--access-logfile", str(access_log),
        "--access-logformat", ACCESS_FORMAT,
        # Not the shared ~/.gunicorn control socket, which another server on this machine may hold.
        "--no-control-socket",
    ]  # fmt: skip
    with server_log.open("w") as output:
        # Its own process group, so the master and its workers can be ended together.
        process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_until_up(process, port, server_log)
            yield process
        finally:
            stop(process)


def wait_until_up(process: subprocess.Popen, port: int, server_log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited ({process.returncode}); see {server_log}:\n{tail(server_log)}")
        connection = http.client.HTTPConnection(HOST, port, timeout=5)
        try:
            connection.request("GET", "/health/")
            if connection.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass  # not listening yet
        finally:
            connection.close()
        time.sleep(0.25)
    raise SystemExit(f"gunicorn did not answer /health/ within {seconds}s; see {server_log}:\n{tail(server_log)}")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM lets gunicorn stop its workers gracefully; SIGKILL the group if it will not."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def tail(path: Path, lines: int = 20) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# --- Load ---------------------------------------------------------------------------------


def make_jobs(page_list: list[Page], leads: list[dict], per_page: int, tag: str, rng: random.Random) -> list[Job]:
    """per_page requests for each page, spread over the signed-in leads, in one
    shuffled stream: every page, and the static file, meets the same load."""
    jobs = []
    largest = largest_lead(leads)
    for page in page_list:
        for number in range(max(1, round(per_page * page.share))):
            lead = largest if page.largest_only else leads[number % len(leads)]
            path = page.path.format(**lead)
            session = (lead["national_session"] if page.national else lead["session"]) if page.signed_in else None
            # The app keeps a request id of letters, digits and hyphens only (core/middleware.py),
            # so a key's underscores become hyphens, or its logged time could not be matched.
            request_id = f"{tag}-{page.key.replace('_', '-')}-{number:05d}"
            jobs.append(Job(page.key, path, request_id, session))
    rng.shuffle(jobs)
    return jobs


def fetch(connection: http.client.HTTPConnection, job: Job) -> Sample:
    headers = {"X-Request-Id": job.request_id, "Accept": "text/html,*/*", "Accept-Encoding": "gzip"}
    if job.session:
        headers["Cookie"] = f"sessionid={job.session}"
    started = time.perf_counter()
    try:
        connection.request("GET", job.path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        seconds = time.perf_counter() - started
        if response.will_close:
            # Gunicorn's sync workers close after each response; the next
            # request opens a new connection (counted in its time, as for a browser).
            connection.close()
        note = "" if response.status == 200 else f"{response.status} {response.getheader('Location', '')}".strip()
        return Sample(job.page, job.request_id, response.status, seconds, len(body), note)
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        return Sample(job.page, job.request_id, 0, time.perf_counter() - started, 0, repr(error))


def load(port: int, jobs: list[Job], concurrency: int) -> list[Sample]:
    """Concurrent clients, each with its own connection, taking jobs until none are left."""
    work: queue.SimpleQueue[Job] = queue.SimpleQueue()
    for job in jobs:
        work.put(job)
    samples: list[Sample] = []

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        try:
            while True:
                try:
                    job = work.get_nowait()
                except queue.Empty:
                    return
                samples.append(fetch(connection, job))
        finally:
            connection.close()

    threads = [threading.Thread(target=client, name=f"client-{number}") for number in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples


# --- Server-side times from the logs ---------------------------------------------------


def gunicorn_times(access_log: Path) -> dict[str, float]:
    """request id -> milliseconds gunicorn spent on it (pages and static files)."""
    times = {}
    for line in access_log.read_text().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2].isdigit():
            times[parts[0]] = int(parts[2]) / 1000
    return times


def app_times(server_log: Path) -> dict[str, float]:
    """request id -> duration_ms from the app's own JSON request log (pages only:
    WhiteNoise answers static files before the logging middleware)."""
    times = {}
    for line in server_log.read_text(errors="replace").splitlines():
        if not line.startswith("{"):
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("message") == "request" and "duration_ms" in record:
            times[record["request_id"]] = float(record["duration_ms"])
    return times


def summarise(page_list: list[Page], samples: list[Sample], server: dict, app: dict) -> list[dict]:
    rows = []
    for page in page_list:
        mine = [sample for sample in samples if sample.page == page.key]
        ok = [sample for sample in mine if sample.status == 200]
        server_ms = [server[s.request_id] for s in ok if s.request_id in server]
        app_ms = [app[s.request_id] for s in ok if s.request_id in app]
        client_ms = [s.seconds * 1000 for s in ok]
        rows.append(
            {
                "page": page.key,
                "label": page.label,
                "requests": len(mine),
                "failures": len(mine) - len(ok),
                "size_kb": statistics.median(s.size for s in ok) / 1024 if ok else None,
                "server_p50": percentile(server_ms, 0.50),
                "server_p95": percentile(server_ms, 0.95),
                "app_p50": percentile(app_ms, 0.50),
                "app_p95": percentile(app_ms, 0.95),
                "client_p50": percentile(client_ms, 0.50),
                "client_p95": percentile(client_ms, 0.95),
                "server_samples": len(server_ms),
            }
        )
    baseline = next(row for row in rows if row["page"] == "static")
    for row in rows:
        for key in ("server_p50", "server_p95", "client_p50", "client_p95"):
            row[f"ratio_{key}"] = row[key] / baseline[key] if row[key] and baseline[key] else None
    return rows


# --- One engine end to end ------------------------------------------------------------


def bench_engine(engine: str, options: Options, secret_key: str, encryption_key: str) -> EngineResult:
    timings: dict[str, float] = {}
    say(f"\n== {ENGINES[engine]} ==")
    engine_started = time.perf_counter()
    with timed(timings, "fresh database and migrations"):
        env = production_env(fresh_database(engine), secret_key, encryption_key)
        manage(env, "migrate", "--no-input", "--verbosity", "0")
        manage(env, "createcachetable")
    with timed(timings, "collect static files"):
        static_paths = collect_static(env)
    with timed(timings, "generate data"):
        generated = json.loads(
            run([PYTHON, "-m", "bench.generate", *(["--small"] if options.quick else [])], env, capture=True)
            .strip()
            .splitlines()[-1]
        )
        # The national view's figures: settings, job roles, training, MAT ratings over time, actions.
        national = json.loads(run([PYTHON, "-m", "bench.national_data"], env, capture=True).strip().splitlines()[-1])
        generated["counts"].update(national["counts"])
        # The largest service's own survey (700 responses), assessment, lens event (300 notes) and plan (500 actions).
        scale = json.loads(run([PYTHON, "-m", "bench.scale_data"], env, capture=True).strip().splitlines()[-1])
        generated["counts"].update(scale["counts"])
    with timed(timings, "sign in leads"):
        leads = json.loads(run([PYTHON, "-m", "bench.sessions", "--count", str(options.leads)], env, capture=True))
        add_scale(leads, scale)
    page_list = pages(static_paths, leads)
    rng = random.Random(options.seed)
    access_log, server_log = WORK_DIR / f"{engine}-access.log", WORK_DIR / f"{engine}-server.log"
    port = free_port()
    with gunicorn(env, port, options.workers, access_log, server_log) as server:
        with timed(timings, "warm-up"):
            load(port, make_jobs(page_list, leads, options.warmup_per_page, f"{engine}-warm", rng), options.concurrency)
        jobs = make_jobs(page_list, leads, options.requests_per_page, f"{engine}-run", rng)
        with timed(timings, "measured load"), others_cpu(server, postgres_is_ours=engine == "postgresql") as others:
            samples = load(port, jobs, options.concurrency)
    rows = summarise(page_list, samples, gunicorn_times(access_log), app_times(server_log))
    timings["total"] = round(time.perf_counter() - engine_started, 1)
    failures = [sample for sample in samples if sample.status != 200]
    if failures:
        say(f"!! {len(failures)} requests failed on {ENGINES[engine]}, e.g. {failures[0]}")
    survey = None
    if options.surveys:
        # After the pages (their server is stopped), on the same database and static files.
        from bench import surveys

        survey = surveys.bench_surveys(engine, env, survey_options(options))
    return EngineResult(engine, generated["counts"], timings, leads, rows, failures, others["share"], survey)


def survey_options(options: Options):
    """bench/surveys.py's options for this run: same workers and seed."""
    from bench import surveys

    base = surveys.QUICK if options.quick else surveys.SurveyOptions()
    return replace(
        base,
        submissions=options.submissions or base.submissions,
        respondents=options.respondents,
        workers=options.workers,
        seed=options.seed,
    )


# --- The report -------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "unknown",
    )
    with pg_admin() as connection:
        postgres = connection.execute("SHOW server_version").fetchone()[0]
    return {
        "CPU": f"{os.cpu_count()} cores ({cpu})",
        "Memory": f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "Django": version("Django"),
        "gunicorn": version("gunicorn"),
        "PostgreSQL": postgres,
        "SQLite": sqlite3.sqlite_version,
    }


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def times(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}x"


def engine_section(result: EngineResult, options: Options) -> list[str]:
    name = ENGINES[result.engine]
    failed = sum(row["failures"] for row in result.rows)
    lines = [f"## {name}", ""]
    if result.busy_during > BUSY_WARNING:
        lines += [
            f"**Note: other processes used about {result.busy_during:.0%} of the CPU during this load test, "
            "so these times are probably inflated: run again on a quiet machine.**",
            "",
        ]
    if failed:
        lines += [f"**WARNING: {failed} requests failed on {name}; the figures below are not trustworthy.**", ""]
        notes = sorted({f"{sample.page}: {sample.note}" for sample in result.failures})[:10]
        lines += [f"- {note}" for note in notes] + [""]
    lines += [
        "| Page | Requests | Failures | Size (kB) | Server p50 | Server p95 | App p50 | App p95 "
        "| Client p50 | Client p95 | Server p50 / static | Server p95 / static | Client p50 / static |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for row in result.rows:
        cells = [row["label"], str(row["requests"]), str(row["failures"]), ms(row["size_kb"])]
        cells += [
            ms(row[key]) for key in ("server_p50", "server_p95", "app_p50", "app_p95", "client_p50", "client_p95")
        ]
        cells += [times(row[f"ratio_{key}"]) for key in ("server_p50", "server_p95", "client_p50")]
        lines.append("| " + " | ".join(cells) + " |")
    timing = ", ".join(f"{step} {seconds:.0f}s" for step, seconds in result.timings.items())
    lines += ["", summary_sentence(result, options), "", f"Time taken: {timing}.", ""]
    return lines


# Every signed-in page measured (all but the health check and the static files).
SIGNED_IN_PAGES = (
    "home",
    "dashboard",
    "findings",
    "people",
    "activity",
    "plan",
    "plan_themes",
    "inbox",
    "timeline",
    "budget",
    "toc",
    "training",
    "phase_one",
    "progress",
    "assessment_results",
    "survey_results",
    "lens_live",
    "lens_report",
    "like_mine",
    "national",
)
# Pages that grow with their own data, measured for the largest service alone at
# goal 5's national scale (its people page has a sentence of its own).
SCALE_PAGES = (
    "plan_themes_largest",
    "timeline_largest",
    "survey_results",
    "lens_live",
    "lens_report",
)


def summary_sentence(result: EngineResult, options: Options) -> str:
    """One plain-English sentence or three: the typical signed-in page, the
    slowest, the worst case, and whether anything failed."""
    name = ENGINES[result.engine]
    by_key = {row["page"]: row for row in result.rows}
    timed_rows = [by_key[key] for key in SIGNED_IN_PAGES if by_key[key]["server_p50"] is not None]
    if not timed_rows:
        return f"**On {name}, no signed-in page answered successfully.**"
    slowest = max(timed_rows, key=lambda row: row["server_p95"])
    baseline, largest = by_key["static"], by_key["people_largest"]
    failed = sum(row["failures"] for row in result.rows)
    sentences = [
        f"On {name}, the main signed-in pages took {min(r['server_p50'] for r in timed_rows):.0f}"
        f"–{max(r['server_p50'] for r in timed_rows):.0f} ms of server time at p50 and at most "
        f"{slowest['server_p95']:.0f} ms at p95 (“{slowest['label']}”), "
        f"{min(r['ratio_server_p50'] for r in timed_rows):.0f}–{max(r['ratio_server_p50'] for r in timed_rows):.0f} "
        f"times the {baseline['server_p50']:.1f} ms the same server took for a static file.",
        f"With {options.concurrency} requests in flight, people waited {slowest['client_p50']:.0f} ms at p50 "
        f"for the slowest page, and {baseline['client_p50']:.0f} ms for the static file.",
    ]
    if largest["server_p50"] is not None:
        sentences.append(
            f"The people page of the largest service is the worst case: {largest['server_p50']:.0f} ms at p50, "
            f"{largest['server_p95']:.0f} ms at p95."
        )
    at_scale = [by_key[key] for key in SCALE_PAGES if by_key[key]["server_p50"] is not None]
    if at_scale:
        sentences.append(
            "The pages that grow with their own data, for the largest service at national scale: "
            + "; ".join(
                f"“{row['label']}” {row['server_p50']:.0f} ms at p50, {row['server_p95']:.0f} ms at p95"
                for row in at_scale
            )
            + "."
        )
    sentences.append("No request failed." if not failed else f"**{failed} requests failed.**")
    return " ".join(sentences)


def data_section(results: list[EngineResult]) -> list[str]:
    labels = list(results[0].counts)
    lines = ["| Table | " + " | ".join(ENGINES[r.engine] for r in results) + " |"]
    lines.append("|---|" + "--:|" * len(results))
    for label in labels:
        lines.append(f"| `{label}` | " + " | ".join(f"{r.counts.get(label, 0):,}" for r in results) + " |")
    sizes = [lead["people"] for lead in results[0].leads]
    lines += [
        "",
        f"The {len(sizes)} signed-in programme leads run services chosen evenly by size, from "
        f"{min(sizes)} to {max(sizes)} active members (median {statistics.median(sizes):.0f}).",
    ]
    return lines


def write_report(results: list[EngineResult], options: Options, started: datetime, seconds: float) -> None:
    facts = machine()
    busy_line = "; ".join(f"{ENGINES[r.engine]} {r.busy_during:.0%}" for r in results)
    lines = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (bench/run.py) on {started:%Y-%m-%d %H:%M} UTC; the whole run took "
        f"{seconds / 60:.1f} minutes. Every run overwrites this file; see bench/README.md for how it works.",
        "",
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in facts.items()],
        f"- CPU used by other processes during each engine's measured load (estimated from /proc): {busy_line}. "
        "Anything else running on the machine inflates the pages' times (and their ratios: the static file is "
        "too quick to be slowed much), so compare runs only when this is low.",
        "",
        "## Data",
        "",
        "Generated by bench/generate.py (seed 2026): 14 health boards, 30 alcohol and drug partnerships, "
        "third-sector organisations, ~300 services, 20,000 accounts and about three years of activity; "
        "bench/national_data.py adds the national view's figures, and bench/scale_data.py gives the largest "
        "service a closed survey answered by 700 people, a baseline and a follow-up assessment, an open lens "
        "event with 300 notes and a plan of 500 actions.",
        "",
        *data_section(results),
        "",
        "## Method",
        "",
        f"- Server: gunicorn with {options.workers} sync workers (as `make serve`), production settings "
        "(`PATHFINDER_ENV=production`, DEBUG off, WhiteNoise manifest static files, persistent database connections), "
        "on 127.0.0.1 over plain HTTP. The load generator runs on the same machine.",
        "- Three deliberate differences from production, needed to benchmark over plain HTTP: "
        "`SECURE_SSL_REDIRECT=false`; `PATHFINDER_REQUIRE_MFA=false` (two-step verification is not required); "
        "and people are signed in by writing their sessions directly (bench/sessions.py), because production "
        "cookies are Secure and would not be sent over HTTP. Every request still loads and saves the session "
        "and checks the account, as in production.",
        f"- Pages are fetched as {len(results[0].leads)} programme leads (one per sampled service), "
        "each page for each lead in turn. The health check is fetched without a session, as a load balancer would.",
        f"- Load: {options.concurrency} concurrent clients (Python threads, `http.client`). "
        f"{options.warmup_per_page} warm-up requests per page (not counted), then {options.requests_per_page} "
        "measured requests per page, all pages and the static files shuffled into one stream, so each meets the "
        "same load. Sync workers close the connection after each response, so every request includes a new "
        "TCP connection. `Accept-Encoding: gzip`, as browsers send.",
        "- Server p50/p95: gunicorn's own time for the request (`%(D)s`: from the parsed request to the response "
        "sent), matched to each request by its `X-Request-Id`. App p50/p95: the `duration_ms` the app logs for "
        "each request (Django middleware and view; static files are answered by WhiteNoise before it, so none). "
        "Client p50/p95: wall time seen by the client, including connecting and waiting for a free worker. "
        f"With {options.concurrency} clients and {options.workers} workers most of that is waiting, so client "
        "times are similar for every page, static or not; the server times show what each page costs.",
        "- Size: median response body as sent. Pages are gzipped by Django's GZip middleware (with its "
        "random-length padding against BREACH); static files are sent gzipped by WhiteNoise.",
        "- Ratios divide by the NHS.UK frontend stylesheet's figures (a real file every page links to). "
        "Only HTTP 200 counts as success; anything else is a failure.",
        "",
    ]
    for result in results:
        lines += engine_section(result, options)
    survey_results = [result.survey for result in results if result.survey is not None]
    if survey_results:
        from bench import surveys

        lines += surveys.section(survey_results, survey_options(options))
    lines += kept_sections(options.report)
    options.report.write_text("\n".join(lines).rstrip() + "\n")
    say(f"\nWrote {options.report}")


# Sections other commands write (`make faults`, `make load`, `make bench-documents`), and the
# hand-written account of where issue 15's goals stand: kept as they are when the pages are measured again.
KEPT = ("goals-status", "faults-benchmark", "documents-benchmark")


def kept_sections(report: Path) -> list[str]:
    text = report.read_text() if report.exists() else ""
    found = []
    for name in KEPT:
        start, end = text.find(f"<!-- {name}:start -->"), text.find(f"<!-- {name}:end -->")
        if start != -1 and end > start:
            found += ["", text[start : end + len(f"<!-- {name}:end -->")], ""]
    return found


def save_raw(results: list[EngineResult]) -> None:
    """The figures as JSON in var/bench/, for comparing runs (session keys left out)."""
    raw = [
        {
            **result.__dict__,
            "leads": [{key: value for key, value in lead.items() if key != "session"} for lead in result.leads],
            "failures": [sample.__dict__ for sample in result.failures[:50]],
            "survey": asdict(result.survey) if result.survey is not None else None,
        }
        for result in results
    ]
    (WORK_DIR / "results.json").write_text(json.dumps(raw, indent=1))


# --- Entry point -----------------------------------------------------------------------


def parse(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(description="National-scale benchmark; writes BENCHMARKS.md.")
    parser.add_argument("--engine", choices=list(ENGINES), action="append", help="only this engine (repeatable)")
    parser.add_argument("--quick", action="store_true", help="small data and few requests: a smoke test")
    parser.add_argument("--requests", type=int, help="measured requests per page (default 600)")
    parser.add_argument("--report", type=Path, help="where to write the report (default BENCHMARKS.md)")
    parser.add_argument("--no-surveys", action="store_true", help="skip the survey submission benchmark")
    parser.add_argument("--submissions", type=int, help="measured survey submissions per engine (default 2000)")
    parser.add_argument("--no-language", action="store_true", help="skip the language matcher benchmark")
    args = parser.parse_args(argv)
    options = Options(
        engines=tuple(args.engine or ENGINES),
        surveys=not args.no_surveys,
        submissions=args.submissions,
        language=not args.no_language,
    )
    if args.quick:
        # A smoke test must not overwrite the real figures.
        options = replace(
            options, leads=5, requests_per_page=40, warmup_per_page=5, quick=True, report=WORK_DIR / "quick.md"
        )
    return replace(
        options,
        requests_per_page=args.requests or options.requests_per_page,
        report=args.report or options.report,
    )


def keep_keys(secret_key: str, encryption_key: str) -> None:
    """Leave the run's keys beside its databases (var/bench/keys.env, readable
    only by its owner), so the database a run leaves can be read in-process
    afterwards, to profile a page: the data is invented, the keys are new each
    run and nothing else uses them."""
    path = WORK_DIR / "keys.env"
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(f"SECRET_KEY={secret_key}\nFIELD_ENCRYPTION_KEYS={encryption_key}\n")


def main(argv: list[str] | None = None) -> None:
    options = parse(argv)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    started, clock = datetime.now(UTC), time.perf_counter()
    # One secret key for the whole run: sessions are made with it, then checked by the server.
    secret_key = secrets.token_urlsafe(64)
    encryption_key = Fernet.generate_key().decode()
    keep_keys(secret_key, encryption_key)
    results = [bench_engine(engine, options, secret_key, encryption_key) for engine in options.engines]
    write_report(results, options, started, time.perf_counter() - clock)
    save_raw(results)
    if options.language:
        from bench import language_bench

        language_bench.bench_language(options.report, quick=options.quick)
    failed = sum(len(result.failures) for result in results)
    problems = [problem for result in results if result.survey is not None for problem in result.survey.problems]
    if failed or problems:
        raise SystemExit(
            "; ".join([f"{failed} requests failed"] * bool(failed) + problems) + f": see {options.report}."
        )


if __name__ == "__main__":
    main()
