"""Time or profile signed-in pages in-process, on the database the last
`make bench` left (SQLite by default), as that service's programme lead.

    .venv/bin/python -m bench.profile_page /programmes/60/plan/themes/
    .venv/bin/python -m bench.profile_page --service kilford-residential-rehabilitation --profile /surveys/1/results/
    .venv/bin/python -m bench.profile_page --database postgres://postgres@127.0.0.1:5432/pathfinder_bench /programmes/60/

The run's keys are read from var/bench/keys.env (bench/run.py leaves them
there), so encrypted answers decrypt as they did for the server. Times are
the Django test client's wall time per request (middleware, view and
template; no gunicorn, no network, no compression), median of `--requests`
after five warm-up requests. Compare two versions of the code by running
this for each in turn, more than once: the machine's speed drifts.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = BASE_DIR / "var" / "bench"


def _environment(database_url: str) -> None:
    keys = WORK_DIR / "keys.env"
    if not keys.exists():
        raise SystemExit(f"No {keys}: run `make bench` (or python -m bench.run --engine sqlite) first.")
    for line in keys.read_text().splitlines():
        name, _, value = line.partition("=")
        os.environ[name] = value
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    os.environ["PATHFINDER_REQUIRE_MFA"] = "false"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="pages to fetch, such as /programmes/60/")
    parser.add_argument("--service", default="largest", help="the service's slug (default: the largest)")
    parser.add_argument("--database", default=f"sqlite:///{WORK_DIR / 'bench.sqlite3'}")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the requests instead")
    parser.add_argument("--sort", default="cumulative", help="cProfile order (cumulative, tottime…)")
    parser.add_argument("--top", type=int, default=45, help="how many cProfile lines")
    options = parser.parse_args(argv)
    _environment(options.database)
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    logging.getLogger("pathfinder.request").setLevel(logging.WARNING)
    from django.test import Client

    from bench.survey_data import largest_service, lead_of
    from pathfinder.core.models import Service

    service = largest_service() if options.service == "largest" else Service.objects.get(slug=options.service)
    lead = lead_of(service)
    if lead is None:
        raise SystemExit(f"{service} has no programme lead.")
    client = Client(HTTP_HOST="localhost")
    client.force_login(lead.user)

    def fetch(path: str) -> None:
        status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}")

    for path in options.paths:
        for _ in range(5):
            fetch(path)
        if options.profile:
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(options.requests):
                fetch(path)
            profile.disable()
            print(f"== {path}: {options.requests} requests")
            pstats.Stats(profile).sort_stats(options.sort).print_stats(options.top)
            continue
        times = []
        for _ in range(options.requests):
            started = time.perf_counter()
            fetch(path)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{path}: p50 {statistics.median(times):.1f} ms, fastest {min(times):.1f} ms ({len(times)} requests)")


if __name__ == "__main__":
    main()
