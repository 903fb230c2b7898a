"""`make load`: survey day at national peak, compressed to this machine.

The day: 120,000 staff, 20% of them answering on day one: 24,000 submissions.
If they came evenly over an eight-hour working day that is 0.8 a second; the
e-mail goes out at nine and most answer soon after, so the harness plans for
the peak hour carrying a quarter of the day: 6,000 submissions, 1.7 a second.
Here that hour is compressed: as many respondents at once as the machine
takes, each with their own code, until the codes run out or the time is up,
mixed with signed-in leads and group members (bench/load_locustfile.py).

Then the database is checked: every submission and update the server
acknowledged is stored exactly once (bench/faults_data.py). The figures go to
var/bench/load.md (and locust's CSV beside it) for BENCHMARKS.md.

On PostgreSQL (a fresh database on 127.0.0.1:5432), production server
(gunicorn, production settings), locust headless; it stops by itself.

    .venv/bin/python -m bench.load                         # 24 users, up to 2 minutes (48 saturates 2 cores)
    .venv/bin/python -m bench.load --users 20 --minutes 1  # a smaller run
"""

import argparse
import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet

from bench import faults, faults_proxy
from bench.run import BASE_DIR, HOST, PYTHON, production_env, say

OUT = faults.OUT_DIR
STAFF = 120_000
DAY_ONE_SHARE = 0.20
PEAK_HOUR_SHARE = 0.25


def run(users: int, minutes: float, workers: int, codes: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="pathfinder-load-"))  # kept: server log and results for a look afterwards
    OUT.mkdir(parents=True, exist_ok=True)
    with faults_proxy.fresh_pg_database() as url:
        env = production_env(url, secrets.token_urlsafe(64), Fernet.generate_key().decode())
        env["SITE_URL"] = "https://load.example.scot"
        say("-- migrate, static files, survey and people")
        faults.prepare(env)
        faults.collect_static(env)
        data, _codes = faults.setup_data(env, work, codes=codes, actions=10, sessions=10)
        codes_file = work / "codes.txt"
        results = work / "results.jsonl"
        server = faults.Server(env, workers, work / "server.log")
        server.start()
        say(f"-- locust: {users} users for up to {minutes} minutes against {workers} gunicorn workers")
        started = time.monotonic()
        try:
            locust_env = {
                **os.environ,
                "PATHFINDER_LOAD_DATA": json.dumps(data),
                "PATHFINDER_LOAD_CODES": str(codes_file),
                "PATHFINDER_LOAD_RESULTS": str(results),
                "PYTHONPATH": str(BASE_DIR),
            }
            subprocess.run(
                [
                    str(Path(PYTHON).parent / "locust"), "-f", str(BASE_DIR / "bench" / "load_locustfile.py"),
                    "--headless", "--users", str(users), "--spawn-rate", str(max(1, users // 5)),
                    "--run-time", f"{int(minutes * 60)}s", "--stop-timeout", "30",
                    "--host", f"http://{HOST}:{server.port}", "--csv", str(OUT / "load"), "--only-summary",
                    "--exit-code-on-error", "0",
                ],
                cwd=BASE_DIR, env=locust_env, check=True,
            )  # fmt: skip
        finally:
            seconds = time.monotonic() - started
            server.stop()
        writes = [json.loads(line) for line in results.read_text().splitlines() if line.strip()]
        expect = {
            "survey": data["survey"],
            "actions": data["actions"],
            "surveys": [w for w in writes if w["kind"] == "survey"],
            "updates": [w for w in writes if w["kind"] == "update"],
        }
        (work / "expect.json").write_text(json.dumps(expect))
        checked = json.loads(
            faults.django(env, "-m", "bench.faults_data", "check", "--expect", str(work / "expect.json"))
            .strip()
            .splitlines()[-1]
        )
    stats = read_stats(OUT / "load_stats.csv")
    accepted = sum(1 for w in expect["surveys"] if w["outcome"] == "accepted")
    return {
        "users": users,
        "workers": workers,
        "seconds": round(seconds, 1),
        "submissions": accepted,
        "submissions_per_second": round(accepted / seconds, 2) if seconds else 0,
        "updates": sum(1 for w in expect["updates"] if w["outcome"] == "accepted"),
        "stats": stats,
        "check": checked,
    }


def read_stats(path: Path) -> list[dict]:
    rows = []
    with path.open() as handle:
        for row in csv.DictReader(handle):
            rows.append(
                {
                    "name": row["Name"] if row["Name"] != "Aggregated" else "All requests",
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "p50": row["50%"],
                    "p95": row["95%"],
                }
            )
    return rows


def report(result: dict) -> str:
    day_one = int(STAFF * DAY_ONE_SHARE)
    peak = day_one * PEAK_HOUR_SHARE / 3600
    rate = result["submissions_per_second"]
    check = result["check"]
    lines = [
        "# Survey day at national peak (`make load`)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on PostgreSQL, production server (gunicorn, "
        f"{result['workers']} workers), locust headless with {result['users']} users "
        "(five in six answering the survey with their own code, one in six signed in), "
        f"{result['seconds']} s.",
        "",
        f"{STAFF:,} staff, {DAY_ONE_SHARE:.0%} answering on day one: {day_one:,} submissions; with a quarter of "
        f"them in the busiest hour, the peak is {peak:.1f} submissions a second. This machine took "
        f"{rate:.1f} a second ({rate / peak:.1f} times the peak) while serving the signed-in pages below.",
        "",
        "| Request | Requests | Errors | p50 (ms) | p95 (ms) |",
        "|---|---|---|---|---|",
        *[f"| {r['name']} | {r['requests']:,} | {r['failures']} | {r['p50']} | {r['p95']} |" for r in result["stats"]],
        "",
        f"Submissions acknowledged: {result['submissions']:,}; progress updates acknowledged: {result['updates']:,}. "
        f"Checked in the database afterwards: lost **{check['lost']}**, "
        f"{'every acknowledged write stored exactly once' if check['ok'] else 'PROBLEMS: ' + '; '.join(check['problems'])}.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Survey day under locust; writes var/bench/load.md.")
    parser.add_argument("--users", type=int, default=24)
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--codes", type=int, default=6000)
    args = parser.parse_args(argv)
    result = run(args.users, args.minutes, args.workers, args.codes)
    text = report(result)
    (OUT / "load.md").write_text(text)
    (OUT / "load.json").write_text(json.dumps(result, indent=2))
    print(text)
    if not result["check"]["ok"] or result["check"]["lost"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
