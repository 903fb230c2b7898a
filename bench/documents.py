"""How long a request waits on a PDF or Word download, before and after the
background rendering of core.documents, at national scale: a lens report of
300 notes, a progress report of 500 actions, a theory of change of 40 steps.

`make bench-documents` runs it on both engines, each on a fresh database, and
writes its section of BENCHMARKS.md (which `make bench` keeps). Or alone
against a fresh, empty database (it migrates it), printing its table:

    DATABASE_URL=sqlite:////tmp/documents-bench.sqlite3 .venv/bin/python -m bench.documents
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/documents_bench .venv/bin/python -m bench.documents

A wellbeing plan (a personal PDF, made in the request on purpose so that no
copy is ever kept) is timed too, after the process has made one PDF, as a
server worker that has made any PDF since it started would be.

"Before" is the old request: gather the content and render it in the request
(the render is timed alone too). "After" is what a request costs now with the
database worker: the first request gathers the content, hashes it and queues
the task (then the progress page); a later request for unchanged content hands
over the kept copy. The worker's render time is reported beside them.
Each figure is the median of a few runs: CPU time of the process serving the
request (BENCH_CLOCK=wall for the wall clock instead).
"""

import itertools
import os
import resource
import statistics
import sys
import time
from datetime import date
from decimal import Decimal

import django
from django.apps import apps

if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    django.setup()

from django.core.management import call_command
from django.test import Client, override_settings

from pathfinder.core import documents
from pathfinder.core.models import RenderedDocument
from pathfinder.core.roles import Role
from pathfinder.testing import factories

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
RUNS = 3


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def cpu_seconds() -> float:
    """CPU time of this process and the programs it ran (Graphviz's dot).

    The request runs in this process, through Django's test client; CPU time
    rather than the wall clock because on a shared machine the wall clock mostly
    measures the neighbours. The database server's own time is not in it."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


CLOCK = cpu_seconds if os.environ.get("BENCH_CLOCK", "cpu") == "cpu" else time.perf_counter


def timed(function, runs=RUNS) -> float:
    times = []
    for _ in range(runs):
        started = CLOCK()
        function()
        times.append(CLOCK() - started)
    return statistics.median(times)


def world():
    from pathfinder.programmes import services as programme_services

    service = factories.ServiceFactory(name="Bench Drug and Alcohol Service", slug="bench-service")
    lead = factories.UserFactory(full_name="Bench Lead", email="bench-lead@example.org")
    membership = factories.MembershipFactory(user=lead, service=service, role=Role.PROGRAMME_LEAD)
    programme = programme_services.start_programme(service=service, name="Bench", started_on="2026-01-05", by=lead)
    return service, lead, membership, programme


def lens_event(service, lead, membership, programme, notes=300):
    from pathfinder.lens import services
    from pathfinder.lens.models import Vignette

    stages = [services.add_stage(service, name=f"Stage {n}", what_happens="", typical_wait="") for n in range(1, 6)]
    library = list(Vignette.objects.filter(service__isnull=True)[:6])
    event = services.create_event(programme=programme, title="Lens event", place="Town hall", by=lead)
    for number in range(3):
        services.add_group(
            event, name=f"Group {number + 1}", tier="mid", vignettes=library[number * 2 : number * 2 + 2]
        )
    services.add_members(event, [membership], group=event.groups.first(), by=lead)
    event.refresh_from_db()
    services.open_event(event, version=event.version, by=lead)
    journeys = [journey for group in event.groups.all() for journey in group.journeys.all()]
    kinds = ["barrier", "works_well", "idea"]
    for n in range(notes):
        services.add_note(
            journeys[n % len(journeys)],
            stages[n % len(stages)],
            kind=kinds[n % 3],
            text=f"Note {n}: people told us the wait between referral and first contact felt long and unclear.",
            principles=["trust", "safety"][: 1 + n % 2],
        )
    event.refresh_from_db()
    services.close_event(event, version=event.version, by=lead)
    return event


def actions(membership, lead, programme, count=500):
    from pathfinder.planning.services import actions as services

    themes = ["wellbeing", "skills", "service_design", "policies"]
    for n in range(count):
        services.create_action(
            programme=programme,
            by=lead,
            title=f"Action {n}: make the first appointment easier to reach",
            theme=themes[n % len(themes)],
            owner=membership,
            starts_on=date(2026, 2, 1),
            due_on=date(2027, 3, 31),
            direct_cost=Decimal("120"),
            staff_hours=Decimal("3"),
        )


def theory(lead, programme, steps=40):
    from pathfinder.planning.services import toc

    kinds = ["activity", "short", "interim", "long"]
    made = [
        toc.add_node(programme=programme, kind=kinds[n % 4], scope="local", text=f"Step {n} of the change", by=lead)
        for n in range(steps)
    ]
    for a, b in itertools.pairwise(made):
        if kinds.index(a.kind) < kinds.index(b.kind):
            toc.add_link(source=a, target=b, rationale="", assumptions="", by=lead)


def measure_download(client, url, name) -> list[str]:
    lines = []
    for fmt in ("pdf", "docx"):
        path = url.format(fmt=fmt)

        def before(path=path):
            RenderedDocument.objects.all().delete()
            with override_settings(TASKS=IMMEDIATE_TASKS):
                assert client.get(path).status_code == 200

        old = timed(before)

        def queue(path=path):
            RenderedDocument.objects.all().delete()
            with override_settings(TASKS=DUMMY_TASKS):
                assert client.get(path).status_code == 302

        queued = timed(queue)
        row = RenderedDocument.objects.get()
        source = documents._open(row.source, row.key)
        rendering = timed(lambda: documents.render_bytes(fmt, source))  # noqa: B023  what the worker does
        documents.render(row.pk)
        row.refresh_from_db()

        def kept(path=path):
            with override_settings(TASKS=DUMMY_TASKS):
                assert client.get(path).status_code == 200

        handed = timed(kept)
        lines.append(
            f"| {name} ({fmt.upper()}) | {ms(old)} | {ms(rendering)} | {ms(queued)} | {ms(handed)} "
            f"| {row.size / 1024:,.0f} kB |"
        )
        RenderedDocument.objects.all().delete()
    return lines


def measure_toc(client, programme) -> list[str]:
    from django.core.cache import cache

    from pathfinder.planning import diagram

    url = f"/programmes/{programme.pk}/theory-of-change/"

    def fresh():
        cache.clear()
        assert client.get(url).status_code == 200

    drawn = timed(fresh)
    client.get(url)
    cached = timed(lambda: client.get(url))
    runs = []
    real = diagram.run_dot

    def counted(source):
        runs.append(1)
        return real(source)

    diagram.run_dot = counted
    for _ in range(5):
        client.get(url)
    diagram.run_dot = real
    return [
        f"| Theory of change page (40 steps) | {ms(drawn)} with Graphviz | {ms(cached)} with the kept drawing "
        f"| dot runs in 5 more views: {len(runs)} |"
    ]


def measure_personal(client, lead) -> list[str]:
    from pathfinder.workforce.models import WellbeingPlan

    plan = WellbeingPlan(owner=lead)
    plan.what_keeps_me_well = "Walking by the sea in the morning, and time with my family. " * 6
    plan.early_signs = "Sleeping badly and skipping lunch. " * 6
    plan.what_helps = "A quiet word with my line manager, and a day off. " * 6
    plan.who_to_contact = "My line manager, or the staff support line. " * 3
    plan.save()
    url = "/my-wellbeing-plan/print.pdf"
    assert client.get(url).status_code == 200  # the worker's first PDF loads the fonts
    made = timed(lambda: client.get(url))
    return [f"| Wellbeing plan (PDF, made in the request by design) | {ms(made)} | - | - | - | - |"]


def main() -> None:
    if "--all" in sys.argv:
        return write_section()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if RenderedDocument.objects.exists():
        sys.exit("Use a fresh database.")
    service, lead, membership, programme = world()
    event = lens_event(service, lead, membership, programme)
    actions(membership, lead, programme)
    theory(lead, programme)
    client = Client()
    client.force_login(lead, backend="allauth.account.auth_backends.AuthenticationBackend")

    engine = "PostgreSQL" if "postgres" in os.environ.get("DATABASE_URL", "") else "SQLite"
    clock = "CPU time" if CLOCK is cpu_seconds else "wall-clock time"
    print(f"Documents on {engine}, median {clock} of {RUNS} runs each:\n")
    print(
        "| Download | Before: the request waits | of which rendering (now in the worker) "
        "| After: first request (queues) | After: kept copy | Size |"
    )
    print("|---|---|---|---|---|---|")
    for line in measure_download(client, f"/lens-events/{event.pk}/report.{{fmt}}", "Lens report, 300 notes"):
        print(line)
    for line in measure_download(
        client, f"/programmes/{programme.pk}/plan/report.{{fmt}}", "Progress report, 500 actions"
    ):
        print(line)
    for line in measure_personal(client, lead):
        print(line)
    print()
    for line in measure_toc(client, programme):
        print(line)


# --- Both engines, into BENCHMARKS.md -------------------------------------------------------------

START_MARK = "<!-- documents-benchmark:start -->"
END_MARK = "<!-- documents-benchmark:end -->"


def one_engine(url: str) -> str:
    import subprocess

    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.documents"], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        sys.exit(f"bench.documents failed on {url}:\n{done.stderr[-3000:]}")
    return "\n".join(line for line in done.stdout.splitlines() if not line.startswith("{")).strip()


def write_section() -> None:
    import platform
    import subprocess
    from datetime import UTC, datetime
    from pathlib import Path

    work = Path(__file__).resolve().parent.parent / "var" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    sqlite_file = work / "documents-bench.sqlite3"
    sqlite_file.unlink(missing_ok=True)
    database = "pathfinder_documents_bench"
    psql = ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {database}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {database}"], check=True)
    started = datetime.now(UTC)
    try:
        tables = [
            one_engine(f"sqlite:///{sqlite_file}"),
            one_engine(f"postgres://postgres@127.0.0.1:5432/{database}"),
        ]
    finally:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {database}"], check=False)
        sqlite_file.unlink(missing_ok=True)
    section = [
        START_MARK,
        "## Documents: what a request waits for",
        "",
        f"Written by `make bench-documents` (bench/documents.py) on {started:%Y-%m-%d %H:%M} UTC; "
        f"Python {platform.python_version()}. CPU time of the process serving the request, median of {RUNS} runs "
        "(the database server's own time is not in it). Goal: no request worker waits more than 200 ms on a "
        "document; long renders are made by the task worker and kept (docs/documents.md).",
        "",
        *[part for table in tables for part in (table, "")],
        END_MARK,
    ]
    report = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
    text = report.read_text() if report.exists() else "# Benchmarks\n"
    start, end = text.find(START_MARK), text.find(END_MARK)
    if start != -1 and end > start:
        text = text[:start] + "\n".join(section) + text[end + len(END_MARK) :]
    else:
        text = text.rstrip() + "\n\n" + "\n".join(section) + "\n"
    report.write_text(text)
    print("\n".join(section))


if __name__ == "__main__":
    main()
