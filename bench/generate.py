"""National-scale test data: 14 health boards, 30 alcohol and drug partnerships,
~300 services, 20,000 people and three years of activity.

Run it alone against a fresh, migrated database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pathfinder_bench .venv/bin/python -m bench.generate

`bench/run.py` runs it in a subprocess once per database engine. Every name is
invented, and one `random.Random(seed)` drives everything, so the same seed
gives the same data (dates are relative to today).

This is test-data tooling, so it writes rows with `bulk_create` rather than
through the services: no signals fire, and the audit trail the services would
have written is generated here instead. Audit events can never be updated or
deleted (the model and a database trigger refuse), so the generator refuses a
database that already has data: start from a fresh one each time.
"""

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import django
from django.apps import apps

# Runnable alone (`python -m bench.generate`) and importable from a process
# that has already set Django up.
if not apps.ready:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pathfinder.settings")
    django.setup()

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from pathfinder.accounts.models import User
from pathfinder.core.models import AuditEvent, Invitation, Membership, Organisation, Service
from pathfinder.core.roles import Role
from pathfinder.programmes.domain import Phase, Principle, Theme
from pathfinder.programmes.models import Finding, Programme, ProgrammePhase

SEED = 2026
BATCH = 2000
# Every generated account has this password (hashed once, see _users).
PASSWORD = "bench-password-not-for-real-use"
Kind = AuditEvent.Kind


@dataclass(frozen=True)
class Scale:
    boards: int = 14
    adps: int = 30
    third_sector: int = 40
    services: int = 300
    users: int = 20_000
    years: int = 3
    findings_per_programme: tuple[int, int] = (20, 60)
    # Share of people who also belong to one or two other services.
    multi_service_share: float = 0.04
    # Share of memberships that have since ended.
    ended_share: float = 0.05
    # Average days between sign-ins, by role: leads run the programme weekly,
    # most staff sign in about monthly for surveys and events.
    days_between_sign_ins: dict = field(
        default_factory=lambda: {
            Role.PROGRAMME_LEAD: 7,
            Role.GROUP_MEMBER: 14,
            Role.SENIOR_MANAGER: 21,
            Role.EVALUATOR: 21,
        }
    )
    default_days_between_sign_ins: int = 30


SMALL = Scale(boards=4, adps=6, third_sector=5, services=20, users=1_000)

# Non-lead roles and how common each is in a service.
ROLE_WEIGHTS = {
    Role.STAFF: 78,
    Role.GROUP_MEMBER: 7,
    Role.PARTNER: 6,
    Role.SENIOR_MANAGER: 4,
    Role.LIVED_EXPERIENCE: 3,
    Role.EVALUATOR: 2,
}
EXTRA_ROLES = [Role.PARTNER, Role.EVALUATOR, Role.STAFF, Role.SENIOR_MANAGER]
KIND_WEIGHTS = {"strength": 25, "barrier": 25, "gap": 20, "priority": 10, "idea": 15, "feedback": 5}

PLACE_HEADS = ["Loch", "Strath", "Glen", "Inver", "Kil", "Dun", "Aber", "Bal", "Kin", "Ard", "Auch", "Craig"]
PLACE_TAILS = ["more", "vale", "ross", "side", "haven", "burn", "field", "mouth", "ford", "brae", "linn", "muir"]
SERVICE_KINDS = [
    "Drug and Alcohol Service",
    "Recovery Service",
    "Community Addictions Team",
    "Harm Reduction Service",
    "Recovery Hub",
    "Alcohol Service",
    "Outreach Team",
    "Residential Rehabilitation",
    "Family Support Service",
    "Justice Substance Use Team",
]
CHARITY_KINDS = ["Recovery Trust", "Community Project", "Support Network", "Housing Association", "Recovery Cafe"]
FIRST_NAMES = [
    "Alex", "Priya", "Jamie", "Ruth", "Sam", "Iona", "Chris", "Ewan", "Dana", "Kirsty", "Morag", "Callum",
    "Fiona", "Hamish", "Aisha", "Tomasz", "Mhairi", "Rory", "Niamh", "Kenny", "Leah", "Omar", "Shona", "Gregor",
    "Catriona", "Fraser", "Zainab", "Lewis", "Eilidh", "Ross", "Agnieszka", "Duncan", "Heather", "Kai", "Isla",
]  # fmt: skip
LAST_NAMES = [
    "Morrison", "Shah", "Fraser", "Campbell", "Reid", "MacLeod", "Boyd", "Sinclair", "Whyte", "Bell", "Stewart",
    "Robertson", "Thomson", "Anderson", "Macdonald", "Scott", "Murray", "Kowalski", "Khan", "Paterson", "Ali",
    "Ferguson", "McKenzie", "Grant", "Hughes", "Munro", "Baird", "Wallace", "Nowak", "Gillespie", "Kerr",
]  # fmt: skip
FINDING_TEXTS = [
    "Staff say {theme} comes up in supervision but nothing changes afterwards.",
    "People using the service told us {theme} is where they feel least listened to.",
    "The team already does good work on {theme}; protect the time it takes.",
    "Nobody owns {theme} at the moment, so actions stall between meetings.",
    "Try a short monthly check-in on {theme} with people who use the service.",
    "Managers want clearer guidance on {theme} before the next review.",
    "Partners from the GP practice raised {theme} as a barrier to referrals.",
]
SOURCE_LABELS = ["Familiarisation conversations", "Staff survey", "Walkthrough", "Implementation group", ""]


@dataclass
class PlannedMembership:
    """A membership before it is written: users and services by list index."""

    user: int
    service: int
    role: str
    started_at: datetime
    ended_at: datetime | None = None
    version: int = 1
    pk: int | None = None


@dataclass
class World:
    """What has been written so far, for the steps that refer back to it."""

    rng: random.Random
    scale: Scale
    now: datetime
    organisations: list = field(default_factory=list)
    services: list = field(default_factory=list)
    # Per service: when its programme started (planned before the service rows exist).
    programme_starts: list = field(default_factory=list)
    memberships: list[PlannedMembership] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)
    user_emails: list[str] = field(default_factory=list)
    programmes: list = field(default_factory=list)
    # Audit events as tuples (at, kind, actor_id, service_id, target_type, target_id, detail).
    events: list[tuple] = field(default_factory=list)

    def days_ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def between(self, start: datetime, end: datetime) -> datetime:
        if end <= start:
            return start
        return start + (end - start) * self.rng.random()

    def event(self, at, kind, *, actor=None, service=None, target_type="", target_id="", **detail) -> None:
        self.events.append((at, kind, actor, service, target_type, str(target_id), detail))


# --- Helpers --------------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def step(name: str):
    started = time.perf_counter()
    yield
    log(f"  {name}: {time.perf_counter() - started:.1f}s")


def bulk(model, rows: list) -> list:
    """Insert in batches inside one transaction (one commit is far faster on SQLite).

    Both engines return the new primary keys: PostgreSQL always, SQLite from 3.35.
    """
    with transaction.atomic():
        created = model._default_manager.bulk_create(rows, batch_size=BATCH)
    if created and created[0].pk is None:
        raise RuntimeError(f"The database did not return primary keys for {model.__name__}.")
    return created


def place_names(rng: random.Random) -> list[str]:
    names = [head + tail for head in PLACE_HEADS for tail in PLACE_TAILS]
    rng.shuffle(names)
    return names


def weighted_choice(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


# --- Steps, in dependency order ---------------------------------------------------------


def check_fresh() -> None:
    if Organisation.objects.exists() or User.objects.exists():
        raise SystemExit(
            "This database already has data. The generator needs a fresh, migrated database "
            "(audit events cannot be deleted); see bench/README.md."
        )


def make_organisations(world: World) -> tuple[list, list, list]:
    rng, scale = world.rng, world.scale
    places = place_names(rng)
    boards = [
        Organisation(name=f"{place} Health Board", slug=slugify(f"{place} health board"), kind="health_board")
        for place in places[: scale.boards]
    ]
    adps = [
        Organisation(name=f"{place} Alcohol and Drug Partnership", slug=slugify(f"{place} adp"), kind="adp")
        for place in places[scale.boards : scale.boards + scale.adps]
    ]
    charities = [
        Organisation(name=f"{place} {kind}", slug=slugify(f"{place} {kind}"), kind=Organisation.Kind.THIRD_SECTOR)
        for place, kind in zip(
            places[-scale.third_sector :], rng.choices(CHARITY_KINDS, k=scale.third_sector), strict=True
        )
    ]
    everything = boards + adps + charities
    for organisation in everything:
        organisation.created_at = world.days_ago(scale.years * 365 + rng.uniform(30, 200))
    world.organisations = bulk(Organisation, everything)
    for organisation in world.organisations:
        world.event(
            organisation.created_at,
            Kind.ORGANISATION_CREATED,
            target_type="core.organisation",
            target_id=organisation.pk,
        )
    return boards, adps, charities


def make_services(world: World, boards: list, adps: list, charities: list) -> None:
    """Services run by boards (about two thirds) or charities, most within a partnership."""
    rng, scale = world.rng, world.scale
    # Each partnership sits in one board's area; boards have two or three.
    adps_by_board = defaultdict(list)
    for index, adp in enumerate(adps):
        adps_by_board[index % len(boards)].append(adp)
    places = place_names(rng)
    used, services = set(), []
    while len(services) < scale.services:
        name = f"{rng.choice(places)} {rng.choice(SERVICE_KINDS)}"
        if name in used:
            continue
        used.add(name)
        area = rng.randrange(len(boards))
        runner = boards[area] if rng.random() < 0.65 else rng.choice(charities)
        partnership = rng.choice(adps_by_board[area]) if adps_by_board[area] and rng.random() < 0.9 else None
        programme_start = world.days_ago(rng.uniform(14, scale.years * 365))
        world.programme_starts.append(programme_start)
        services.append(
            Service(
                organisation=runner,
                partnership=partnership,
                name=name,
                slug=slugify(name),
                description=f"An invented {runner.get_kind_display().lower()} service, for benchmarking.",
                created_at=programme_start - timedelta(days=rng.uniform(30, 120)),
            )
        )
    world.services = bulk(Service, services)
    for service in world.services:
        world.event(
            service.created_at,
            Kind.SERVICE_CREATED,
            service=service.pk,
            target_type="core.service",
            target_id=service.pk,
        )


def plan_memberships(world: World) -> None:
    """Who belongs where, by index: user i < services leads service i; everyone
    else joins one service chosen by size (a few large services, many small
    ones), and a few people belong to two or three."""
    rng, scale = world.rng, world.scale
    service_count = len(world.services)
    sizes = [rng.lognormvariate(0, 0.9) for _ in range(service_count)]
    cumulative, total = [], 0.0
    for size in sizes:
        total += size
        cumulative.append(total)
    plans = []
    for user in range(scale.users):
        if user < service_count:
            start = world.programme_starts[user]
            plans.append(PlannedMembership(user, user, Role.PROGRAMME_LEAD, start - timedelta(days=rng.uniform(7, 60))))
            continue
        service = rng.choices(range(service_count), cum_weights=cumulative)[0]
        plans.append(_member(world, user, service, weighted_choice(rng, ROLE_WEIGHTS)))
        if rng.random() < scale.multi_service_share:
            others = rng.sample(range(service_count), k=rng.randint(1, 2))
            plans += [_member(world, user, other, rng.choice(EXTRA_ROLES)) for other in others if other != service]
    world.memberships = plans


def _member(world: World, user: int, service: int, role: str) -> PlannedMembership:
    rng = world.rng
    started = world.between(world.programme_starts[service] - timedelta(days=30), world.days_ago(1))
    planned = PlannedMembership(user, service, role, started)
    if rng.random() < world.scale.ended_share:
        planned.ended_at = world.between(started, world.now)
    # Some group members were promoted from staff (their role changed once).
    if role == Role.GROUP_MEMBER and rng.random() < 0.3:
        planned.version = 2
    return planned


def make_users(world: World) -> None:
    rng = world.rng
    joined = {}
    for planned in world.memberships:
        joined[planned.user] = min(joined.get(planned.user, planned.started_at), planned.started_at)
    # Hashing is deliberately slow, so hash once and share the hash.
    password = make_password(PASSWORD)
    users = []
    for index in range(world.scale.users):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        users.append(
            User(
                email=f"{first.lower()}.{last.lower()}.{index}@bench.example",
                full_name=f"{first} {last}",
                password=password,
                date_joined=joined[index],
            )
        )
    created = bulk(User, users)
    world.user_ids = [user.pk for user in created]
    world.user_emails = [user.email for user in created]


def make_memberships(world: World) -> None:
    rows = [
        Membership(
            user_id=world.user_ids[planned.user],
            service_id=world.services[planned.service].pk,
            role=planned.role,
            is_active=planned.ended_at is None,
            started_at=planned.started_at,
            ended_at=planned.ended_at,
            version=planned.version,
        )
        for planned in world.memberships
    ]
    for planned, membership in zip(world.memberships, bulk(Membership, rows), strict=True):
        planned.pk = membership.pk


def lead_of(world: World, service_index: int) -> int:
    return world.user_ids[service_index]


def make_programmes(world: World) -> None:
    """One programme per service with its three phases, moved on by its age."""
    rng = world.rng
    programmes = [
        Programme(
            service=service,
            started_on=world.programme_starts[index].date(),
            started_by_id=lead_of(world, index),
            created_at=world.programme_starts[index],
        )
        for index, service in enumerate(world.services)
    ]
    world.programmes = bulk(Programme, programmes)
    phases, changes = [], []
    for index, programme in enumerate(world.programmes):
        start = world.programme_starts[index]
        world.event(
            start,
            Kind.PROGRAMME_STARTED,
            actor=lead_of(world, index),
            service=programme.service_id,
            target_type="programmes.programme",
            target_id=programme.pk,
        )
        plan_start = start + timedelta(days=rng.uniform(60, 120))
        implement_start = plan_start + timedelta(days=rng.uniform(150, 240))
        for phase, begins, ends in (
            (Phase.FAMILIARISE, start, plan_start),
            (Phase.PLAN, plan_start, implement_start),
            (Phase.IMPLEMENT, implement_start, start + timedelta(days=3 * 365)),
        ):
            row, changed = _phase(world, programme, phase, begins, ends)
            phases.append(row)
            changes.append((index, changed))
    for row, (index, changed) in zip(bulk(ProgrammePhase, phases), changes, strict=True):
        for at, status in changed:
            world.event(
                at,
                Kind.PHASE_CHANGED,
                actor=lead_of(world, index),
                service=world.services[index].pk,
                target_type="programmes.programmephase",
                target_id=row.pk,
                status=status,
            )


def _phase(world: World, programme, phase: str, begins: datetime, ends: datetime) -> tuple:
    """The phase row as far as the programme's age allows, and its status changes."""
    if begins > world.now:
        return ProgrammePhase(programme=programme, phase=phase), []
    if ends > world.now:
        status, changed = ProgrammePhase.Status.IN_PROGRESS, [(begins, "in_progress")]
    else:
        status, changed = ProgrammePhase.Status.DONE, [(begins, "in_progress"), (ends, "done")]
    row = ProgrammePhase(
        programme=programme,
        phase=phase,
        status=status,
        starts_on=begins.date(),
        ends_on=ends.date(),
        version=1 + len(changed),
    )
    return row, changed


def make_findings(world: World) -> None:
    rng, (low, high) = world.rng, world.scale.findings_per_programme
    recorders = defaultdict(list)
    for planned in world.memberships:
        if planned.role == Role.GROUP_MEMBER and planned.ended_at is None:
            recorders[planned.service].append(world.user_ids[planned.user])
    themes, principles = list(Theme), list(Principle)
    rows = []
    for index, programme in enumerate(world.programmes):
        people = [lead_of(world, index), *recorders[index]]
        for _ in range(rng.randint(low, high)):
            theme = rng.choice(themes)
            rows.append(
                Finding(
                    programme=programme,
                    theme=theme,
                    principles=_some_principles(rng, principles) if rng.random() < 0.8 else [],
                    kind=weighted_choice(rng, KIND_WEIGHTS),
                    text=rng.choice(FINDING_TEXTS).format(theme=theme.label.lower()),
                    source_label=rng.choice(SOURCE_LABELS),
                    created_by_id=rng.choice(people),
                    created_at=world.between(world.programme_starts[index], world.now),
                )
            )
    bulk(Finding, rows)


def _some_principles(rng, principles) -> list[str]:
    chosen = set(rng.sample(principles, rng.randint(1, 2)))
    return [principle.value for principle in principles if principle in chosen]


def make_invitations(world: World) -> None:
    """Most people joined by invitation; a few invitations are still open,
    expired or withdrawn."""
    rng, serial = world.rng, 0
    rows, joined_by = [], []

    def invitation(service_index, email, role, created_at, **fields):
        nonlocal serial
        serial += 1
        token = f"{rng.getrandbits(128):032x}-{serial}"
        rows.append(
            Invitation(
                service_id=world.services[service_index].pk,
                email=email,
                role=role,
                token_hash=hashlib.sha256(token.encode()).hexdigest(),
                invited_by_id=lead_of(world, service_index),
                created_at=created_at,
                expires_at=created_at + timedelta(days=14),
                **fields,
            )
        )

    for planned in world.memberships:
        if planned.role != Role.PROGRAMME_LEAD and rng.random() < 0.7:
            sent = planned.started_at - timedelta(days=rng.uniform(0.1, 10))
            invitation(
                planned.service, world.user_emails[planned.user], planned.role, sent, accepted_at=planned.started_at
            )
            joined_by.append(planned)
    for index in range(len(world.services)):
        for number in range(rng.randint(0, 4)):
            email = f"new.starter.{index}.{number}@bench.example"
            if rng.random() < 0.6:  # still open
                invitation(index, email, Role.STAFF, world.days_ago(rng.uniform(0, 13)))
            else:
                sent = world.days_ago(rng.uniform(15, 300))
                withdrawn = sent + timedelta(days=2) if rng.random() < 0.5 else None
                invitation(index, email, Role.STAFF, sent, withdrawn_at=withdrawn)
    created = bulk(Invitation, rows)
    for row in created:
        world.event(
            row.created_at,
            Kind.INVITATION_SENT,
            actor=row.invited_by_id,
            service=row.service_id,
            target_type="core.invitation",
            target_id=row.pk,
            role=row.role,
        )
        if row.withdrawn_at:
            world.event(
                row.withdrawn_at,
                Kind.INVITATION_WITHDRAWN,
                actor=row.invited_by_id,
                service=row.service_id,
                target_type="core.invitation",
                target_id=row.pk,
            )


def membership_events(world: World) -> None:
    for planned in world.memberships:
        service = world.services[planned.service].pk
        actor = world.user_ids[planned.user]
        common = {"service": service, "target_type": "core.membership", "target_id": planned.pk}
        world.event(planned.started_at, Kind.MEMBERSHIP_CREATED, actor=actor, role=planned.role, **common)
        lead = lead_of(world, planned.service)
        if planned.version > 1:
            changed = world.between(planned.started_at, planned.ended_at or world.now)
            world.event(
                changed, Kind.MEMBERSHIP_ROLE_CHANGED, actor=lead, role=planned.role, previous="staff", **common
            )
        if planned.ended_at:
            world.event(planned.ended_at, Kind.MEMBERSHIP_ENDED, actor=lead, **common)


def export_events(world: World) -> None:
    """Leads export their programme's data about once a month."""
    rng = world.rng
    for index, service in enumerate(world.services):
        start = world.programme_starts[index]
        months = int((world.now - start).days / 30)
        for _ in range(rng.randint(months // 2, months + 1)):
            world.event(
                world.between(start, world.now),
                Kind.EXPORT,
                actor=lead_of(world, index),
                service=service.pk,
                format=rng.choice(["csv", "xlsx", "pdf"]),
            )


def sign_in_events(world: World) -> None:
    """Sign-ins (most followed by a sign-out, a few after a failed attempt),
    at a pace that depends on each person's busiest role."""
    rng, scale = world.rng, world.scale
    busiest: dict[int, tuple[float, datetime, datetime]] = {}
    for planned in world.memberships:
        gap = scale.days_between_sign_ins.get(planned.role, scale.default_days_between_sign_ins)
        end = planned.ended_at or world.now
        current = busiest.get(planned.user)
        if current is None or gap < current[0]:
            busiest[planned.user] = (gap, planned.started_at, end)
    for user, (gap, start, end) in busiest.items():
        actor = world.user_ids[user]
        expected = (end - start).days / gap
        for _ in range(round(expected * rng.uniform(0.5, 1.5))):
            at = world.between(start, end)
            if rng.random() < 0.03:
                world.event(at - timedelta(seconds=40), Kind.SIGN_IN_FAILED, actor=actor, attempted=f"{actor:012x}")
            world.event(at, Kind.SIGN_IN, actor=actor)
            if rng.random() < 0.5:
                world.event(at + timedelta(minutes=rng.uniform(5, 90)), Kind.SIGN_OUT, actor=actor)


def write_events(world: World) -> None:
    """Insert oldest first, so ids rise with time as they would in real use;
    build model instances one batch at a time to keep memory flat."""
    world.events.sort(key=lambda event: event[0])
    with transaction.atomic():
        for offset in range(0, len(world.events), BATCH * 2):
            AuditEvent.objects.bulk_create(
                [
                    AuditEvent(
                        at=at,
                        kind=kind,
                        actor_id=actor,
                        service_id=service,
                        target_type=target_type,
                        target_id=target_id,
                        detail=detail,
                    )
                    for at, kind, actor, service, target_type, target_id, detail in world.events[
                        offset : offset + BATCH * 2
                    ]
                ],
                batch_size=BATCH,
            )


def analyse() -> None:
    """On PostgreSQL autovacuum would soon analyse the new rows; do it now so
    the first measured requests do not run on an empty planner picture.
    SQLite has no such background job and the app does not run ANALYZE, so
    SQLite is measured as it would be in use: without statistics."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def counts() -> dict[str, int]:
    models = [Organisation, Service, User, Membership, Invitation, Programme, ProgrammePhase, Finding, AuditEvent]
    return {model._meta.label: model._default_manager.count() for model in models}


def generate(scale: Scale = Scale(), seed: int = SEED) -> dict[str, int]:
    """Fill the (fresh) default database and return the row counts."""
    check_fresh()
    world = World(rng=random.Random(seed), scale=scale, now=timezone.now())
    with step("organisations and services"):
        boards, adps, charities = make_organisations(world)
        make_services(world, boards, adps, charities)
    with step("people and memberships"):
        plan_memberships(world)
        make_users(world)
        make_memberships(world)
    with step("programmes, phases and findings"):
        make_programmes(world)
        make_findings(world)
    with step("invitations"):
        make_invitations(world)
    with step("audit trail (planned)"):
        membership_events(world)
        export_events(world)
        sign_in_events(world)
    with step(f"audit trail ({len(world.events):,} events written)"):
        write_events(world)
    with step("analyse"):
        analyse()
    return counts()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--small", action="store_true", help="a tenth-size data set, for trying things out")
    parser.add_argument("--users", type=int, help="number of people (default 20,000)")
    args = parser.parse_args(argv)
    scale = SMALL if args.small else Scale()
    if args.users:
        scale = replace(scale, users=args.users)
    started = time.perf_counter()
    log(f"Generating into {connection.vendor} database {connection.settings_dict['NAME']}")
    result = generate(scale, args.seed)
    log(f"Generated in {time.perf_counter() - started:.1f}s")
    # The last line of output is the row counts, for bench/run.py to read.
    print(json.dumps({"counts": result, "seconds": round(time.perf_counter() - started, 1)}))


if __name__ == "__main__":
    main()
