"""Two production servers behind haproxy on one PostgreSQL, one killed mid-load.

What a national deployment needs: the state (sessions, the cache that counts
sign-in failures, queued tasks) lives in the database, not in a process, so
losing a server loses nothing but the requests it was answering.

1. A fresh database on the shared PostgreSQL (127.0.0.1:5432), migrated.
2. Two gunicorn servers (production settings) on two ports, and haproxy in
   front (round robin, health checks on /health/, a request retried on the
   other server only when it never reached one: a POST is never replayed).
3. Writers through the proxy (survey submissions, signed-in progress updates,
   assessment ratings and language audit uploads, as in bench/faults.py)
   and a signed-in reader; after a while one server is killed with kill -9.
4. Checks: every acknowledged write there exactly once, nothing half there;
   the signed-in reader was never sent to the sign-in page; and failed
   sign-ins spread over both servers are counted together (the sixth attempt,
   even with the right password, is refused as too many).

    .venv/bin/python -m bench.faults_proxy
"""

import contextlib
import http.client
import json
import os
import queue
import random
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import psycopg
from cryptography.fernet import Fernet
from psycopg import sql

from bench import faults
from bench import surveys as survey_client
from bench.run import HOST, PG_SERVER, free_port, production_env, say

TOO_MANY = "Too many failed login attempts"
HAPROXY_CONFIG = """
global
    maxconn 256
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # Busy sync workers answer /health/ late; that is not being down (a killed one refuses at once).
    timeout check 5s
    retries 3
    option redispatch
    # Only when the request never reached a server: a POST is never sent twice.
    retry-on conn-failure
frontend web
    bind {host}:{port}
    default_backend app
backend app
    balance roundrobin
    option httpchk GET /health/
    default-server check inter 500 fall 2 rise 1
{servers}
"""


class Proxy:
    def __init__(self, ports: list[int], work: Path):
        self.port = free_port()
        self.config = work / "haproxy.cfg"
        servers = "\n".join(f"    server app{n} {HOST}:{port}" for n, port in enumerate(ports))
        self.config.write_text(HAPROXY_CONFIG.format(host=HOST, port=self.port, servers=servers))
        self.log = work / "haproxy.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        with self.log.open("w") as output:
            self.process = subprocess.Popen([haproxy, "-db", "-f", str(self.config)], stdout=output, stderr=output)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and faults.health(self.port) != 200:
            time.sleep(0.2)
        if faults.health(self.port) != 200:
            raise SystemExit(f"haproxy did not answer:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def haproxy_available() -> str | None:
    """None when haproxy can run here, else why not."""
    if shutil.which("haproxy") or Path("/usr/sbin/haproxy").exists():
        return None
    return "haproxy is not installed (as root: apt-get install haproxy, or bin/apt-missing haproxy)"


class Reader(threading.Thread):
    """A signed-in person reading their action page again and again through the proxy."""

    def __init__(self, port: int, session: str, action: int):
        super().__init__(daemon=True)
        self.port, self.session, self.action = port, session, action
        self.stopping = threading.Event()
        self.statuses: dict[str, int] = {}

    def run(self) -> None:
        while not self.stopping.is_set():
            connection = http.client.HTTPConnection(HOST, self.port, timeout=30)
            try:
                connection.request("GET", f"/actions/{self.action}/", headers={"Cookie": f"sessionid={self.session}"})
                response = connection.getresponse()
                response.read()
                location = response.getheader("Location", "")
                kind = "signed out" if "/accounts/login/" in location else str(response.status)
            except (OSError, http.client.HTTPException):
                kind = "no answer"
            finally:
                connection.close()
            self.statuses[kind] = self.statuses.get(kind, 0) + 1
            time.sleep(0.05)


def sign_in_attempt(port: int, email: str, password: str) -> str:
    """One sign-in through the form on one server; returns "too many", "refused" or "signed in"."""
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", "/accounts/login/")
        response = connection.getresponse()
        hidden = faults.Hidden(response.read().decode()).values
        cookie = survey_client.csrf_cookie(response)
    finally:
        connection.close()
    body = urlencode(
        {"csrfmiddlewaretoken": hidden.get("csrfmiddlewaretoken", ""), "login": email, "password": password}
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
        "Origin": f"http://{HOST}:{port}",
        "Referer": f"http://{HOST}:{port}/accounts/login/",
    }
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("POST", "/accounts/login/", body=body, headers=headers)
        response = connection.getresponse()
        html = response.read().decode()
    finally:
        connection.close()
    if TOO_MANY in html:
        return "too many"
    return "signed in" if response.status == 302 else "refused"


def throttling_across(ports: list[int], email: str, password: str) -> dict:
    """Five wrong passwords, alternating between the servers, then the right one."""
    seen = [sign_in_attempt(ports[n % len(ports)], email, f"wrong-guess-{n}") for n in range(5)]
    last = sign_in_attempt(ports[5 % len(ports)], email, password)
    return {"failures": seen, "sixth_with_right_password": last, "ok": seen == ["refused"] * 5 and last == "too many"}


@contextlib.contextmanager
def fresh_pg_database():
    # PATHFINDER_FAULTS_DATABASE: the start of the name, so parallel runs on one shared server keep apart.
    name = f"{os.environ.get('PATHFINDER_FAULTS_DATABASE', 'pathfinder_faults')}_{secrets.token_hex(4)}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def two_servers(writers: int = 4, load_seconds: float = 4.0, seed: int | None = None) -> dict:
    why_not = haproxy_available()
    if why_not:
        return {"skipped": why_not}
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="pathfinder-faults-proxy-"))
    say("\n== PostgreSQL: two servers behind haproxy, one killed ==")
    servers: list[faults.Server] = []
    proxy = None
    try:
        with fresh_pg_database() as url:
            env = production_env(url, secrets.token_urlsafe(64), Fernet.generate_key().decode())
            env["SITE_URL"] = "https://faults.example.scot"
            faults.prepare(env)
            faults.collect_static(env)
            data, codes = faults.setup_data(env, work, codes=3000, actions=writers)
            servers = [faults.Server(env, 2, work / f"server-{n}.log") for n in range(2)]
            for server in servers:
                server.start()
                # Warm, as servers in service are: each kind of write's page opens on each server.
                if not faults.answers_cleanly(server.port, data, 2):
                    raise SystemExit(f"the pages of the writes did not open on server {server.port}")
            proxy = Proxy([server.port for server in servers], work)
            proxy.start()
            code_queue: queue.SimpleQueue[str] = queue.SimpleQueue()
            for code in codes:
                code_queue.put(code)
            reader = Reader(proxy.port, data["session"], data["actions"][0])
            reader.start()
            with faults.Writers(proxy.port, data, code_queue, writers, rng) as load:
                time.sleep(load_seconds)
                servers[0].kill()
                killed_at = len(load.writes)
                time.sleep(load_seconds)
            reader.stopping.set()
            reader.join(timeout=30)
            # The killed server comes back; failures counted on one server hold on the other.
            servers[0].start()
            throttle_both = throttling_across([servers[0].port, servers[1].port], data["email"], data["password"])
            for server in servers:
                server.stop()
            checked = faults.check(env, work, data, load.writes)
    finally:
        for server in servers:
            server.kill()
        if proxy:
            proxy.stop()
        logs = faults.OUT_DIR / "faults-proxy-logs"
        shutil.rmtree(logs, ignore_errors=True)
        shutil.copytree(work, logs, ignore=shutil.ignore_patterns("*.txt", "*.json"), dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    outcome = {
        "writes": checked["writes"],
        "acknowledged": checked["acknowledged"],
        "by_kind": {kind: (row["acknowledged"], row["lost"]) for kind, row in checked["by_kind"].items()},
        "after_kill": len(load.writes) - killed_at,
        "acknowledged_after_kill": sum(1 for w in load.writes[killed_at:] if w.outcome == "accepted"),
        "lost": checked["lost"],
        "problems": checked["problems"],
        "reader": reader.statuses,
        "signed_out": reader.statuses.get("signed out", 0),
        "throttling_across_servers": throttle_both,
    }
    outcome["ok"] = (
        checked["ok"] and outcome["signed_out"] == 0 and outcome["acknowledged_after_kill"] > 0 and throttle_both["ok"]
    )
    say(f"   {json.dumps(outcome)}")
    return outcome


if __name__ == "__main__":
    print(json.dumps(two_servers(), indent=2))
