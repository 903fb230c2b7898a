"""Demo data: a fictional board, partnership and service, with one person per
role, a started programme, and a second organisation they must never see.

All names are invented. Loading is idempotent: running it again changes nothing.
"""

from collections.abc import Callable
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from pathfinder.core.models import Membership, Organisation, Service
from pathfinder.core.roles import Role

DEMO_PASSWORD = "walk-the-pathway-2026"

HOME_ACCOUNTS = [
    ("lead@lochmore.example", "Alex Morrison", Role.PROGRAMME_LEAD),
    ("group@lochmore.example", "Priya Shah", Role.GROUP_MEMBER),
    ("staff@lochmore.example", "Jamie Fraser", Role.STAFF),
    ("manager@lochmore.example", "Ruth Campbell", Role.SENIOR_MANAGER),
    ("adviser@lochmore.example", "Sam Reid", Role.LIVED_EXPERIENCE),
    ("partner@lochmore.example", "Iona MacLeod", Role.PARTNER),
    ("evaluator@lochmore.example", "Chris Boyd", Role.EVALUATOR),
]
OTHER_ACCOUNTS = [("lead@skerryvale.example", "Ewan Sinclair", Role.PROGRAMME_LEAD)]
SITE_ADMIN = ("admin@pathfinder.example", "Dana Whyte")
NATIONAL_VIEWER = ("national@pathfinder.example", "Kirsty Bell")

HOME_FINDINGS = [
    ("wellbeing", "strength", "safety", "Staff value the monthly reflective practice group and want it protected."),
    (
        "service_design",
        "barrier",
        "choice",
        "People are asked to be abstinent for three months before they can see psychology.",
    ),
    (
        "policies",
        "barrier",
        "trust",
        "People have to retell their story at each assessment because information is not shared.",
    ),
    (
        "power_sharing",
        "gap",
        "collaboration",
        "There is no group where people who use the service can shape how it works.",
    ),
    ("skills", "idea", "empowerment", "Add the trauma-skilled e-learning to the induction pack for new starters."),
]


# Tools add their own demo data: each loader gets {"service", "other_service",
# "people": {email: user}} and must be idempotent too.
_loaders: list[Callable[[dict], None]] = []


def register(loader: Callable[[dict], None]) -> None:
    if loader not in _loaders:
        _loaders.append(loader)


def accounts() -> list[tuple[str, str, str]]:
    """(email, name, what they can do) for printing and the README."""
    rows = [(email, name, f"{role.label}, Lochmore Drug and Alcohol Service") for email, name, role in HOME_ACCOUNTS]
    rows += [
        (email, name, f"{role.label}, Skerryvale Recovery Service (another organisation)")
        for email, name, role in OTHER_ACCOUNTS
    ]
    rows.append((NATIONAL_VIEWER[0], NATIONAL_VIEWER[1], "National viewer"))
    rows.append((SITE_ADMIN[0], SITE_ADMIN[1], "Site administrator"))
    return rows


def _user(email: str, name: str, **flags):
    model = get_user_model()
    user = model._default_manager.filter(email=email).first()
    if user is None:
        user = model._default_manager.create_user(email=email, password=DEMO_PASSWORD, full_name=name, **flags)
    return user


def _organisation(name: str, slug: str, kind: str) -> Organisation:
    organisation, _ = Organisation.objects.get_or_create(slug=slug, defaults={"name": name, "kind": kind})
    return organisation


def _service(slug: str, **fields) -> Service:
    service, _ = Service.objects.get_or_create(slug=slug, defaults=fields)
    return service


def _programme(service, lead, started_on: date, findings, phase_states) -> None:
    # Imported here: core must not depend on programmes at import time.
    from pathfinder.programmes import services as programme_services
    from pathfinder.programmes.models import ProgrammePhase

    if service.programmes.exists():
        return
    programme = programme_services.start_programme(
        service=service, name="Trauma-informed practice programme", started_on=started_on, by=lead
    )
    for phase, (status, starts, ends) in phase_states.items():
        ProgrammePhase.objects.filter(programme=programme, phase=phase).update(
            status=status, starts_on=starts, ends_on=ends
        )
    for theme, kind, principle, text in findings:
        programme_services.add_finding(
            programme=programme,
            theme=theme,
            kind=kind,
            principles=[principle] if principle else [],
            text=text,
            by=lead,
            source_label="Familiarisation conversations",
        )


@transaction.atomic
def load() -> None:
    board = _organisation("Lochmore Health Board", "lochmore-health-board", Organisation.Kind.HEALTH_BOARD)
    adp = _organisation("Lochmore Alcohol and Drug Partnership", "lochmore-adp", Organisation.Kind.ADP)
    home = _service(
        "lochmore-drug-and-alcohol-service",
        organisation=board,
        partnership=adp,
        name="Lochmore Drug and Alcohol Service",
        description="A fictional community drug and alcohol service, for trying Pathfinder out.",
    )
    island_board = _organisation("Skerryvale Health Board", "skerryvale-health-board", Organisation.Kind.HEALTH_BOARD)
    other = _service(
        "skerryvale-recovery-service",
        organisation=island_board,
        name="Skerryvale Recovery Service",
        description="A fictional island service in another organisation.",
    )

    people = {}
    for service, rows in ((home, HOME_ACCOUNTS), (other, OTHER_ACCOUNTS)):
        for email, name, role in rows:
            user = _user(email, name)
            people[email] = user
            Membership.objects.get_or_create(user=user, service=service, defaults={"role": role})
    _user(*SITE_ADMIN, is_site_admin=True)
    _user(*NATIONAL_VIEWER, is_national_viewer=True)

    _programme(
        home,
        people["lead@lochmore.example"],
        date(2026, 9, 1),
        HOME_FINDINGS,
        {
            "familiarise": ("done", date(2026, 9, 1), date(2026, 10, 31)),
            "plan": ("in_progress", date(2026, 11, 1), date(2027, 3, 31)),
            "implement": ("not_started", date(2027, 4, 1), date(2030, 3, 31)),
        },
    )
    _programme(
        other,
        people["lead@skerryvale.example"],
        date(2026, 10, 1),
        [("leadership", "strength", "", "Skerryvale only: the service manager attends every team huddle.")],
        {"familiarise": ("in_progress", date(2026, 10, 1), None)},
    )
    context = {"service": home, "other_service": other, "people": people}
    for loader in _loaders:
        loader(context)
