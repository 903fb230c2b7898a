"""Anonymous survey submissions under load: how many can the production server
take per second, with 50 people answering at once, and is any lost?

`make bench` runs this after each engine's page benchmark (bench/run.py);
it can also run on its own, against the database the last `make bench` left:

    .venv/bin/python -m bench.surveys                      # PostgreSQL, 2,000 submissions
    .venv/bin/python -m bench.surveys --engine sqlite --engine postgresql
    .venv/bin/python -m bench.surveys --quick              # smoke test: writes var/bench/quick-surveys.md
    .venv/bin/python -m bench.surveys --fresh              # new database and generated data first

Per engine:

1. In a subprocess with the server's environment (bench/survey_data.py): a
   training needs analysis survey with printed single-use codes, on the
   largest generated service's programme.
2. gunicorn with production settings and 3 workers, as for the pages.
3. 50 respondent threads. Each submission is a new browser: GET the answer
   page on a new connection, read the CSRF cookie and hidden token and the
   question names from the HTML (parsed in full once per distinct page: a
   page identical to one already parsed but for its token only has its token
   read, see `read_page`), then POST a valid answer (role and a random
   mix of the other questions) with one unused code. A 302 to the thanks page
   is success; anything else is a failure. A short warm-up first, not counted.
4. Bursts: 10 threads send the same new code at the same moment; exactly one
   must be accepted and the others told, calmly, that the code does not work.
5. In a subprocess again: the database must hold exactly the accepted
   submissions. Each submission writes a marker in the free-text question,
   so the check matches stored answers to submissions one by one.

Like bench/run.py this process never imports Django.
"""

import argparse
import contextlib
import copy
import gzip
import hashlib
import http.client
import json
import queue
import random
import re
import secrets
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import psycopg
from cryptography.fernet import Fernet

from bench import run as bench_run
from bench.run import ENGINES, HOST, PYTHON, WORK_DIR, percentile, say

SECTION_TITLE = "## Anonymous survey submissions"
# bench/run.py writes the whole report; `python -m bench.surveys` on its own
# replaces only what is between these.
START_MARK = "<!-- survey-benchmark:start -->"
END_MARK = "<!-- survey-benchmark:end -->"
ROLE_QUESTION = "What is your role?"
CODE_PROBLEM = "That code does not work"
THANKS = "/thanks/"
COLUMN = {"postgresql": "PostgreSQL", "sqlite": "SQLite (for comparison only)"}


@dataclass(frozen=True)
class SurveyOptions:
    respondents: int = 50
    submissions: int = 2000
    warmup: int = 100
    bursts: int = 5
    burst_size: int = 10
    workers: int = 3
    threads: int = 1  # above 1: gthread workers with this many threads each
    seed: int = 2026
    quick: bool = False
    # Respondents stop taking new codes after this long, so a slow or busy
    # machine cannot stretch `make bench` much beyond its usual length.
    time_limit: float = 180.0


QUICK = SurveyOptions(submissions=150, warmup=20, bursts=2, quick=True, time_limit=60.0)


@dataclass
class Attempt:
    """One respondent's submission, as the load generator saw it."""

    number: int
    code: str
    marker: str
    get_id: str
    post_id: str
    get_status: int = 0
    get_seconds: float = 0.0
    post_status: int = 0  # 0: not sent, or the connection failed
    post_seconds: float = 0.0
    # "accepted" (302 to the thanks page), "refused" (any other answer) or
    # "unsent"/"unknown" (no POST, or the connection failed so the outcome is unknown).
    outcome: str = "unsent"
    reason: str = ""
    finished: float = 0.0


@dataclass
class SurveyResult:
    engine: str
    survey: dict
    respondents: int
    workers: int
    measured: int = 0
    accepted: int = 0
    # True when the time limit stopped the measured load before the codes ran out.
    stopped_early: bool = False
    seconds: float = 0.0
    per_second: float = 0.0
    post_p50: float | None = None
    post_p95: float | None = None
    both_p50: float | None = None
    both_p95: float | None = None
    server_get_p50: float | None = None
    server_get_p95: float | None = None
    server_post_p50: float | None = None
    server_post_p95: float | None = None
    failures: list = field(default_factory=list)  # [{"status", "reason", "count"}]
    warmup_failures: int = 0
    bursts: list = field(default_factory=list)
    check: dict = field(default_factory=dict)
    timings: dict = field(default_factory=dict)
    busy_during: float = 0.0
    client_cpu: float = 0.0
    # CPU seconds used during the measured load: server, postgres, client, rest.
    cpu_seconds: dict = field(default_factory=dict)

    def cpu_per_submission(self) -> str:
        """Where each accepted submission's CPU went, in ms (GET and POST together)."""
        if not self.accepted or not self.cpu_seconds:
            return "not measured"
        names = {"server": "gunicorn", "postgres": "PostgreSQL", "client": "load generator", "rest": "kernel and rest"}
        parts = [
            f"{names[name]} {seconds / self.accepted * 1000:.1f}"
            for name, seconds in self.cpu_seconds.items()
            if name != "postgres" or self.engine == "postgresql"
        ]
        total = sum(self.cpu_seconds.values()) / self.accepted * 1000
        return ", ".join(parts) + f"; in all {total:.1f}"

    @property
    def failed(self) -> int:
        return sum(row["count"] for row in self.failures)

    @property
    def bursts_ok(self) -> bool:
        return bool(self.bursts) and all(burst["ok"] for burst in self.bursts)

    @property
    def problems(self) -> list[str]:
        """Why this run should make `make bench` fail; empty when all is well."""
        found = []
        if self.failed or self.warmup_failures:
            found.append(f"{self.failed + self.warmup_failures} survey submissions failed")
        if not self.check.get("exact"):
            found.append("the database does not match the accepted submissions")
        if not self.bursts_ok:
            found.append("a duplicate-code burst did not end with exactly one accepted")
        return [f"{ENGINES[self.engine]}: {problem}" for problem in found]


# --- Reading the answer page ---------------------------------------------------------------


class AnswerPage(HTMLParser):
    """What a respondent's browser needs from the answer page (or from the
    page that comes back after a refused POST): the CSRF token, the question
    names and their possible values, and any error messages."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.csrf = ""
        self.radios: dict[str, list[str]] = {}
        self.checkboxes: dict[str, list[str]] = {}
        self.texts: list[str] = []
        self.textareas: list[str] = []
        self.legends: dict[str, str] = {}
        self.errors: list[str] = []
        self.heading = ""
        self._legend = ""
        self._collecting: list[str] | None = None
        self._collect_tag = ""
        self._in_error_list = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "fieldset":
            self._legend = ""
        elif tag == "input":
            kind, name, value = attributes.get("type", "text"), attributes.get("name", ""), attributes.get("value", "")
            if name == "csrfmiddlewaretoken":
                self.csrf = value
            elif kind in ("radio", "checkbox"):
                group = self.radios if kind == "radio" else self.checkboxes
                group.setdefault(name, []).append(value)
                self.legends.setdefault(name, self._legend)
            elif kind == "text" and name:
                self.texts.append(name)
        elif tag == "textarea":
            self.textareas.append(attributes.get("name", ""))
        elif tag == "ul" and "nhsuk-error-summary__list" in attributes.get("class", ""):
            self._in_error_list = True
        elif (tag == "li" and self._in_error_list) or (tag in ("legend", "h1") and self._collecting is None):
            self._collecting, self._collect_tag = [], tag

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_error_list = False
        if self._collecting is None or tag != self._collect_tag:
            return
        text = " ".join("".join(self._collecting).split())
        if tag == "legend":
            self._legend = text
        elif tag == "li":
            self.errors.append(text)
        elif tag == "h1" and not self.heading:
            self.heading = text
        self._collecting = None

    def handle_data(self, data):
        if self._collecting is not None:
            self._collecting.append(data)

    def reason(self) -> str:
        """A short reason for a refused submission: the first sentence of
        the first error in the summary, else the page heading."""
        text = self.errors[0] if self.errors else self.heading
        return text.split(". ")[0].rstrip(".")[:80]


_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')
_READ: dict[bytes, AnswerPage] = {}
_READ_LOCK = threading.Lock()


def read_page(html: str) -> AnswerPage:
    """The page as AnswerPage reads it, parsing only what is new.

    Every respondent's blank page is the same HTML but for its CSRF token, and
    parsing 40 kB with HTMLParser costs the load generator about 4 ms of CPU a
    page: CPU the server on this 2-core machine then lacks. So the page less its
    token is hashed; a page whose every other byte equals one already parsed
    gets that parse with its own token, and any other page (an error page, a
    changed form) is parsed in full."""
    tokens = _TOKEN.findall(html)
    if len(tokens) != 1:
        return AnswerPage(html)
    key = hashlib.blake2b(_TOKEN.sub("", html).encode(), digest_size=16).digest()
    with _READ_LOCK:
        known = _READ.get(key)
    if known is None:
        known = AnswerPage(html)
        if known.csrf != tokens[0]:
            return known  # the token was not where the pattern looked: trust the full parse alone
        with _READ_LOCK:
            _READ[key] = known
        return known
    page = copy.copy(known)  # the parsed fields are only read, never changed
    page.csrf = tokens[0]
    return page


def fill(page: AnswerPage, code: str, marker: str, rng: random.Random) -> list[tuple[str, str]]:
    """A valid answer: the code, the required role, most scale questions, some
    of the rest, and the submission's marker in the free-text question."""
    role = next((name for name, legend in page.legends.items() if ROLE_QUESTION in legend), None)
    if role is None or not page.csrf or "code" not in page.texts or not page.textareas:
        raise ValueError("the answer page does not look as expected (no role question, token, code box or text box)")
    fields = [("csrfmiddlewaretoken", page.csrf), ("code", code), (role, rng.choice(page.radios[role]))]
    for name, values in page.radios.items():
        is_scale = "1" in values and "5" in values
        if name != role and rng.random() < (0.9 if is_scale else 0.6):
            fields.append((name, rng.choice(values)))
    for name, values in page.checkboxes.items():
        if rng.random() < 0.5:
            chosen = rng.sample(values, k=rng.randint(1, min(2, len(values))))
            if "none" in chosen:  # "None of these yet" goes alone
                chosen = ["none"]
            fields += [(name, value) for value in chosen]
    fields.append((page.textareas[-1], f"More time for training, please. [bench {marker}]"))
    return fields


# --- One respondent ------------------------------------------------------------------------


def request(port: int, method: str, path: str, headers: dict, body: str | None = None):
    """One request on a new connection, as a new browser would make it
    (sync workers close the connection after each response anyway)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        if response.getheader("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        return response, raw.decode("utf-8", errors="replace")
    finally:
        connection.close()


def csrf_cookie(response) -> str:
    for header in response.msg.get_all("Set-Cookie") or []:
        found = re.match(r"\s*csrftoken=([^;]+)", header)
        if found:
            return found.group(1)
    return ""


def open_page(port: int, token: str, attempt: Attempt) -> tuple[AnswerPage, str] | None:
    """GET the answer page; None (with the attempt marked) if it failed."""
    headers = {"Accept": "text/html", "Accept-Encoding": "gzip", "X-Request-Id": attempt.get_id}
    started = time.perf_counter()
    try:
        response, html = request(port, "GET", f"/answer/{token}/", headers)
    except (OSError, http.client.HTTPException) as error:
        attempt.reason = f"page: {type(error).__name__}"
        return None
    attempt.get_seconds, attempt.get_status = time.perf_counter() - started, response.status
    if response.status != 200:
        attempt.reason = f"page: HTTP {response.status}"
        return None
    return read_page(html), csrf_cookie(response)


def send(port: int, token: str, attempt: Attempt, fields: list[tuple[str, str]], cookie: str) -> None:
    """POST the answers (the browser sends the CSRF cookie back itself; over
    plain HTTP we must, because production marks it Secure)."""
    headers = {
        "Accept": "text/html",
        "Accept-Encoding": "gzip",
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Origin": f"http://{HOST}:{port}",
        "Referer": f"http://{HOST}:{port}/answer/{token}/",
        "X-Request-Id": attempt.post_id,
    }
    started = time.perf_counter()
    try:
        response, html = request(port, "POST", f"/answer/{token}/", headers, urlencode(fields))
    except (OSError, http.client.HTTPException) as error:
        attempt.post_seconds, attempt.outcome = time.perf_counter() - started, "unknown"
        attempt.reason = f"answers: {type(error).__name__}"
        return
    attempt.post_seconds, attempt.post_status = time.perf_counter() - started, response.status
    location = response.getheader("Location", "")
    if response.status == 302 and location.endswith(f"/answer/{token}{THANKS}"):
        attempt.outcome = "accepted"
    else:
        attempt.outcome = "refused"
        attempt.reason = AnswerPage(html).reason() if html else f"redirect to {location}"


def respond(port: int, token: str, attempt: Attempt, rng: random.Random) -> Attempt:
    opened = open_page(port, token, attempt)
    if opened is not None:
        page, cookie = opened
        try:
            fields = fill(page, attempt.code, attempt.marker, rng)
        except ValueError as error:
            attempt.reason = str(error)
        else:
            send(port, token, attempt, fields, cookie)
    attempt.finished = time.perf_counter()
    return attempt


def attempts_for(codes: list[str], tag: str, first: int = 0) -> list[Attempt]:
    made = []
    for number, code in enumerate(codes, start=first):
        marker = f"{tag}-{number:05d}-{secrets.token_hex(4)}"
        made.append(Attempt(number, code, marker, f"{marker}-get", f"{marker}-post"))
    return made


def load(
    port: int, token: str, attempts: list[Attempt], respondents: int, seed: int, seconds: float = 3600
) -> list[Attempt]:
    """`respondents` threads, each submitting until the codes run out or
    `seconds` have passed (what is in flight then is finished and counted)."""
    deadline = time.perf_counter() + seconds
    work: queue.SimpleQueue[Attempt] = queue.SimpleQueue()
    for attempt in attempts:
        work.put(attempt)
    done: list[Attempt] = []

    def respondent(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        while time.perf_counter() < deadline:
            try:
                attempt = work.get_nowait()
            except queue.Empty:
                return
            done.append(respond(port, token, attempt, rng))

    threads = [threading.Thread(target=respondent, args=(n,), name=f"respondent-{n}") for n in range(respondents)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done


def burst(port: int, token: str, attempts: list[Attempt], seed: int) -> dict:
    """Everyone in `attempts` has the same code: all load the page, then
    send their answers at the same moment."""
    gate = threading.Barrier(len(attempts))
    sent_at: list[float] = []

    def respondent(attempt: Attempt, number: int) -> None:
        rng = random.Random(seed + number)
        opened = open_page(port, token, attempt)
        fields = cookie = None
        if opened is not None:
            page, cookie = opened
            try:
                fields = fill(page, attempt.code, attempt.marker, rng)
            except ValueError as error:
                attempt.reason = str(error)
        with contextlib.suppress(threading.BrokenBarrierError):
            gate.wait(timeout=120)
        if fields is not None:
            sent_at.append(time.perf_counter())
            send(port, token, attempt, fields, cookie)

    threads = [threading.Thread(target=respondent, args=(a, n)) for n, a in enumerate(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    accepted = sum(1 for a in attempts if a.outcome == "accepted")
    calm = sum(1 for a in attempts if a.outcome == "refused" and a.post_status == 200 and CODE_PROBLEM in a.reason)
    others = Counter(f"{a.post_status} {a.reason}".strip() for a in attempts if a.outcome != "accepted")
    for reason in list(others):
        if CODE_PROBLEM in reason and reason.startswith("200"):
            del others[reason]
    return {
        "size": len(attempts),
        "accepted": accepted,
        "told_code_does_not_work": calm,
        "other": dict(others),
        "spread_ms": round((max(sent_at) - min(sent_at)) * 1000, 1) if sent_at else None,
        "ok": accepted == 1 and calm == len(attempts) - 1,
    }


# --- Figures ---------------------------------------------------------------------------------


def summarise(result: SurveyResult, attempts: list[Attempt], started: float, server: dict) -> None:
    accepted = [a for a in attempts if a.outcome == "accepted"]
    result.measured, result.accepted = len(attempts), len(accepted)
    result.seconds = max(a.finished for a in attempts) - started if attempts else 0.0
    result.per_second = len(accepted) / result.seconds if result.seconds else 0.0
    post = [a.post_seconds * 1000 for a in accepted]
    both = [(a.get_seconds + a.post_seconds) * 1000 for a in accepted]
    result.post_p50, result.post_p95 = percentile(post, 0.50), percentile(post, 0.95)
    result.both_p50, result.both_p95 = percentile(both, 0.50), percentile(both, 0.95)
    server_get = [server[a.get_id] for a in accepted if a.get_id in server]
    server_post = [server[a.post_id] for a in accepted if a.post_id in server]
    result.server_get_p50, result.server_get_p95 = percentile(server_get, 0.50), percentile(server_get, 0.95)
    result.server_post_p50, result.server_post_p95 = percentile(server_post, 0.50), percentile(server_post, 0.95)
    failures = Counter((a.post_status or a.get_status, a.reason) for a in attempts if a.outcome != "accepted")
    result.failures = [
        {"status": status, "reason": reason, "count": count} for (status, reason), count in failures.most_common()
    ]


def bench_surveys(engine: str, env: dict, options: SurveyOptions = SurveyOptions()) -> SurveyResult:
    """The survey benchmark against a database that already holds generated
    data, with static files collected, in the environment `env`."""
    timings: dict[str, float] = {}
    say(f"\n== {ENGINES[engine]}: anonymous survey submissions ==")
    step_started = time.perf_counter()
    rng = random.Random(options.seed)
    needed = options.warmup + options.submissions + options.bursts
    with tempfile.TemporaryDirectory(dir=WORK_DIR, prefix="survey-") as scratch:
        codes_file, expect_file = Path(scratch) / "codes.txt", Path(scratch) / "expect.json"
        with bench_run.timed(timings, "survey and codes"):
            survey = json.loads(
                bench_run.run(
                    [PYTHON, "-m", "bench.survey_data", "create", "--codes", str(needed), "--out", str(codes_file)],
                    env,
                    capture=True,
                )
            )
            codes = codes_file.read_text().split()
        rng.shuffle(codes)
        token = survey["token"]
        warm = attempts_for(codes[: options.warmup], f"{engine}-warm")
        measured = attempts_for(codes[options.warmup : options.warmup + options.submissions], f"{engine}-run")
        burst_codes = codes[options.warmup + options.submissions :]
        bursts = [attempts_for([code] * options.burst_size, f"{engine}-burst{n}") for n, code in enumerate(burst_codes)]
        result = SurveyResult(engine, survey, options.respondents, options.workers)
        access_log = WORK_DIR / f"{engine}-survey-access.log"
        server_log = WORK_DIR / f"{engine}-survey-server.log"
        port = bench_run.free_port()
        with bench_run.gunicorn(env, port, options.workers, access_log, server_log, options.threads) as server:
            with bench_run.timed(timings, "warm-up"):
                warm_done = load(port, token, warm, options.respondents, options.seed)
            result.warmup_failures = sum(1 for a in warm_done if a.outcome != "accepted")
            with (
                bench_run.timed(timings, "measured submissions"),
                bench_run.others_cpu(server, postgres_is_ours=engine == "postgresql") as others,
            ):
                cpu_before, started = time.process_time(), time.perf_counter()
                done = load(port, token, measured, options.respondents, options.seed + 1, options.time_limit)
                result.client_cpu = (time.process_time() - cpu_before) / (time.perf_counter() - started)
            result.busy_during = others["share"]
            result.cpu_seconds = others["seconds"]
            with bench_run.timed(timings, "duplicate-code bursts"):
                result.bursts = [burst(port, token, group, options.seed + n) for n, group in enumerate(bursts)]
        summarise(result, done, started, bench_run.gunicorn_times(access_log))
        result.stopped_early = len(done) < len(measured)
        everything = warm_done + done + [a for group in bursts for a in group]
        expect = {
            "codes": codes,
            "accepted": [{"code": a.code, "marker": a.marker} for a in everything if a.outcome == "accepted"],
            "refused": [a.marker for a in everything if a.outcome == "refused"],
        }
        expect_file.write_text(json.dumps(expect))
        with bench_run.timed(timings, "database check"):
            result.check = json.loads(
                bench_run.run(
                    [PYTHON, "-m", "bench.survey_data", "check", "--survey", str(survey["survey"]), "--expect",
                     str(expect_file)],
                    env,
                    capture=True,
                )
            )  # fmt: skip
    timings["total"] = round(time.perf_counter() - step_started, 1)
    result.timings = timings
    say(
        f"   {result.accepted}/{result.measured} accepted, {result.per_second:.1f}/s; "
        f"database check {'exact' if result.check.get('exact') else 'MISMATCH'}; "
        f"bursts {'ok' if result.bursts_ok else 'NOT OK'}"
    )
    for problem in result.problems:
        say(f"!! {problem}")
    return result


# --- The report -------------------------------------------------------------------------------


def ms_pair(low: float | None, high: float | None) -> str:
    return "-" if low is None or high is None else f"{low:.0f} / {high:.0f}"


def check_cell(check: dict) -> str:
    if not check:
        return "not run"
    counts = (
        f"{check['responses']:,} responses, {check['responded']:,} codes marked used, "
        f"{check['accepted']:,} submissions accepted"
    )
    if check.get("exact"):
        return f"**Yes**: {counts}, each accepted answer stored once, no code used twice"
    wrong = {
        key: value
        for key, value in check.items()
        if key not in {"responses", "participants", "responded", "accepted", "exact"} and value
    }
    return f"**NO**: {counts}; " + ", ".join(f"{key.replace('_', ' ')} {value}" for key, value in wrong.items())


def burst_cell(bursts: list[dict]) -> str:
    if not bursts:
        return "not run"
    good = sum(1 for burst in bursts if burst["ok"])
    size = bursts[0]["size"]
    text = (
        f"{good} of {len(bursts)} bursts of {size} passed: exactly one accepted, the other {size - 1} shown "
        f"“{CODE_PROBLEM}”"
    )
    spreads = [burst["spread_ms"] for burst in bursts if burst["spread_ms"] is not None]
    if spreads:
        text += f" (all sent within {max(spreads):.0f} ms)"
    bad = [burst for burst in bursts if not burst["ok"]]
    if bad:
        text = f"**{len(bad)} FAILED**: " + text + "; e.g. " + json.dumps(bad[0])
    return text


def failure_cell(result: SurveyResult) -> str:
    if not result.failed:
        return "0"
    listed = "; ".join(f"{row['count']} × {row['status']} {row['reason']}".strip() for row in result.failures[:4])
    return f"**{result.failed}** ({listed})"


def summary_sentence(result: SurveyResult) -> str:
    name = ENGINES[result.engine]
    lost = "no submission was lost" if result.check.get("exact") else "**the database check failed**"
    twice = (
        "a code sent by ten people at once was accepted exactly once"
        if result.bursts_ok
        else "**a code sent by several people at once was not accepted exactly once**"
    )
    failed = "" if not result.failed else f" {result.failed} submissions failed."
    if result.post_p50 is None or result.both_p50 is None:
        return f"**On {name}, no submission was accepted.**{failed}"
    cost = ""
    if result.server_get_p50 and result.server_post_p50 and result.server_get_p50 >= 2 * result.server_post_p50:
        cost = (
            f" Showing the answer page costs the server about {result.server_get_p50 / result.server_post_p50:.0f} "
            f"times as much as storing the answers ({result.server_get_p50:.0f} ms against "
            f"{result.server_post_p50:.0f} ms at p50), so the page, not the database, sets the pace."
        )
    return (
        f"On {name}, {result.respondents} people answering the survey at once got "
        f"{result.per_second:.0f} submissions a second through {result.workers} workers; "
        f"sending the answers took {result.post_p50:.0f} ms at p50 ({result.both_p50 / 1000:.1f} s with loading "
        f"the page), most of it waiting for a free worker; {lost}, and {twice}.{failed}{cost}"
    )


def section(results: list["SurveyResult"], options: SurveyOptions, note: str = "") -> list[str]:
    """The report's survey section, between the markers."""
    if not results:
        return []
    # PostgreSQL first: it is what production runs; SQLite is there for comparison.
    results = sorted(results, key=lambda result: result.engine != "postgresql")
    first = results[0]
    survey = first.survey
    lines = [START_MARK, SECTION_TITLE, ""]
    if note:
        lines += [note, ""]
    lines += [
        f"How many anonymous survey answers the production server takes per second with "
        f"{options.respondents} people answering at once, and whether any is lost. Written by bench/surveys.py "
        "(see bench/README.md).",
        "",
        f"- Survey: the built-in training needs analysis with every optional question ({survey['questions']} "
        f"questions), printed single-use codes, on the programme of the largest generated service "
        f"({survey['people']} active members). Same server as the pages: gunicorn with {options.workers} "
        + ("sync workers" if options.threads <= 1 else f"gthread workers of {options.threads} threads")
        + ", production settings, plain HTTP on 127.0.0.1, the load generator on the same machine.",
        "- Each submission is a new browser: GET the answer page on a new connection, read the CSRF cookie "
        "(sent back by hand, as production marks it Secure), the hidden token and the question names from the "
        "HTML (a page identical but for its token to one already parsed is not parsed again, which saves the "
        "load generator ~4 ms of CPU a page), then POST the role, most scale questions and a random mix of the others, with one unused code. "
        "Only a 302 to the thanks page counts as success (the thanks page itself is not fetched).",
        f"- {options.respondents} respondent threads; {options.warmup} warm-up submissions (not counted), then "
        f"{options.submissions:,} measured (or as many as {options.time_limit:.0f} s allow). Submissions per second: accepted submissions over the time from "
        "the start of the measured load to the last answer. POST: time to send the answers and get the "
        "redirect; GET+POST: that plus loading the page (both including a new connection and the wait for a "
        "free worker, not the client's own parsing). Server: gunicorn's own time for the request.",
        "- Lost-submission check: afterwards the database must hold exactly one response per accepted submission "
        "(each writes a marker in the free-text question), none for refused ones, and exactly the accepted codes "
        "marked used.",
        f"- Duplicate code: {options.burst_size} threads load the page, then send the same new code at the same "
        f"moment ({options.workers} can be handled at once, one per worker; the rest queue), "
        f"{options.bursts} times.",
        "",
        "| | " + " | ".join(COLUMN[r.engine] for r in results) + " |",
        "|---|" + "---|" * len(results),
    ]
    rows = [
        ("Respondents (concurrent threads)", lambda r: str(r.respondents)),
        (
            "Submissions measured",
            lambda r: (
                f"{r.measured:,}" + (f" (stopped at the {options.time_limit:.0f} s limit)" if r.stopped_early else "")
            ),
        ),
        ("Submissions per second", lambda r: f"**{r.per_second:.1f}**"),
        ("POST p50 / p95 (ms)", lambda r: ms_pair(r.post_p50, r.post_p95)),
        ("GET+POST p50 / p95 (ms)", lambda r: ms_pair(r.both_p50, r.both_p95)),
        ("Server time, POST p50 / p95 (ms)", lambda r: ms_pair(r.server_post_p50, r.server_post_p95)),
        ("Server time, GET p50 / p95 (ms)", lambda r: ms_pair(r.server_get_p50, r.server_get_p95)),
        ("Failures", failure_cell),
        ("No submission lost (database check)", lambda r: check_cell(r.check)),
        ("Same code sent at once", lambda r: burst_cell(r.bursts)),
        ("Load generator CPU (share of one core)", lambda r: f"{r.client_cpu:.0%}"),
        ("CPU used by other processes", lambda r: f"{r.busy_during:.0%}"),
        ("CPU per accepted submission (ms)", lambda r: r.cpu_per_submission()),
        (
            "Time taken (s)",
            lambda r: ", ".join(f"{step} {seconds:.0f}" for step, seconds in r.timings.items()),
        ),
    ]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(r) for r in results) + " |")
    lines.append("")
    for result in results:
        if result.busy_during > bench_run.BUSY_WARNING:
            lines += [
                f"**Note: other processes used about {result.busy_during:.0%} of the CPU during the "
                f"{ENGINES[result.engine]} survey load, so its figures are probably low: run again on a quiet "
                "machine.**",
                "",
            ]
    for result in results:
        lines += [summary_sentence(result), ""]
    return [*lines, END_MARK, ""]


def write_section(report: Path, lines: list[str]) -> None:
    """Replace the survey section of an existing report (or add it at the end)."""
    text = report.read_text() if report.exists() else "# Benchmarks\n"
    block = "\n".join(lines).rstrip() + "\n"
    start, end = text.find(START_MARK), text.find(END_MARK)
    if start != -1 and end > start:
        text = text[:start] + block + text[end + len(END_MARK) :].lstrip("\n")
    else:
        text = text.rstrip() + "\n\n" + block
    report.write_text(text.rstrip() + "\n")
    say(f"\nWrote the survey section of {report}")


# --- On its own --------------------------------------------------------------------------------


def bench_database(engine: str, fresh: bool, secret_key: str, encryption_key: str) -> dict:
    """The engine's environment, on the database the last `make bench` left
    (migrated again, in case the code moved on) or, if there is none, it
    cannot be migrated, or `fresh`, on a new one with newly generated data."""
    if engine == "sqlite":
        exists, url = (WORK_DIR / "bench.sqlite3").exists(), f"sqlite:///{WORK_DIR / 'bench.sqlite3'}"
    else:
        exists = _pg_database_exists(bench_run.PG_BENCH_DATABASE)
        url = f"{bench_run.PG_SERVER}/{bench_run.PG_BENCH_DATABASE}"
    if exists and not fresh:
        env = bench_run.production_env(url, secret_key, encryption_key)
        try:
            bench_run.manage(env, "migrate", "--no-input", "--verbosity", "0")
            return env
        except SystemExit:
            # E.g. a migration that was applied here has since been rewritten.
            say(f"!! Could not migrate the existing {ENGINES[engine]} benchmark database; starting a fresh one.")
    say(f"-- fresh {ENGINES[engine]} database and generated data (about a minute)")
    env = bench_run.production_env(bench_run.fresh_database(engine), secret_key, encryption_key)
    bench_run.manage(env, "migrate", "--no-input", "--verbosity", "0")
    bench_run.manage(env, "createcachetable")
    bench_run.run([PYTHON, "-m", "bench.generate"], env, capture=True)
    return env


def _pg_database_exists(name: str) -> bool:
    try:
        connection = bench_run.pg_admin()
    except psycopg.OperationalError as error:
        raise SystemExit(f"PostgreSQL is not reachable at {bench_run.PG_SERVER}: {error}") from None
    with connection:
        return connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Survey submissions under load; writes its section of BENCHMARKS.md.")
    parser.add_argument("--engine", choices=list(ENGINES), action="append", help="default: postgresql (repeatable)")
    parser.add_argument("--submissions", type=int, help="measured submissions (default 2000)")
    parser.add_argument("--respondents", type=int, help="concurrent respondents (default 50)")
    parser.add_argument("--time-limit", type=float, help="stop taking new codes after this many seconds (default 180)")
    parser.add_argument("--quick", action="store_true", help="few submissions: a smoke test")
    parser.add_argument("--fresh", action="store_true", help="a new database with newly generated data")
    parser.add_argument("--report", type=Path, help="default BENCHMARKS.md (var/bench/quick-surveys.md with --quick)")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default 3, as `make serve`)")
    parser.add_argument("--threads", type=int, help="gthread workers with this many threads each (default: sync)")
    args = parser.parse_args(argv)
    options = QUICK if args.quick else SurveyOptions()
    options = replace(
        options,
        submissions=args.submissions or options.submissions,
        respondents=args.respondents or options.respondents,
        time_limit=args.time_limit or options.time_limit,
        workers=args.workers or options.workers,
        threads=args.threads or options.threads,
    )
    report = args.report or (WORK_DIR / "quick-surveys.md" if args.quick else bench_run.REPORT)
    engines = [e for e in ENGINES if e in (args.engine or ["postgresql"])]
    engines.sort(key=lambda e: e != "postgresql")  # PostgreSQL first: it is the one the issue asks about
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    secret_key, encryption_key = secrets.token_urlsafe(64), Fernet.generate_key().decode()
    results = []
    for engine in engines:
        env = bench_database(engine, args.fresh, secret_key, encryption_key)
        bench_run.collect_static(env)
        results.append(bench_surveys(engine, env, options))
    note = (
        f"Written by `python -m bench.surveys` on {started:%Y-%m-%d %H:%M} UTC, on the data the last "
        "`make bench` generated (the sections above may be from another run)."
    )
    write_section(report, section(results, options, note))
    (WORK_DIR / "survey-results.json").write_text(json.dumps([asdict(r) for r in results], indent=1))
    problems = [problem for result in results for problem in result.problems]
    if problems:
        raise SystemExit("; ".join(problems))


if __name__ == "__main__":
    main()
