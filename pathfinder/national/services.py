"""The national view: who may see it, over which services, and its figures.

A fixed number of queries, whatever the number of services: everything is
read in bulk and put together in Python.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median

from django.db import transaction
from django.db.models import Count, Q

from pathfinder.assessments.models import AgreedScore, AssessmentRound
from pathfinder.assessments.presenters import round_result
from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Organisation, Service
from pathfinder.core.permissions import is_national_viewer
from pathfinder.evidence.mat import STANDARDS, Rating
from pathfinder.evidence.models import MatStandardRating
from pathfinder.instruments import disclosure
from pathfinder.national import gate, readings, survey_results, works
from pathfinder.national.models import Oversight, ServiceProfile
from pathfinder.planning.models import Action
from pathfinder.programmes.domain import Theme
from pathfinder.programmes.models import Programme
from pathfinder.workforce.models import RoleLevel, StaffMember, TrainingRecord, WorkforceProfile
from pathfinder.workforce.practice_levels import DEFAULT_ROLE_LEVELS, PracticeLevel
from pathfinder.workforce.training import current_records, done_entries, levels_to_do

SIZES = (
    ("small", "Small (fewer than 20 people)"),
    ("medium", "Medium (20 to 99 people)"),
    ("large", "Large (100 or more)"),
)


FULLY_IN_PLACE = frozenset({str(Rating.GREEN.value), str(Rating.BLUE.value)})


def size_of(active_members: int) -> str:
    if active_members < 20:
        return "small"
    if active_members < 100:
        return "medium"
    return "large"


# --- Oversight ---------------------------------------------------------------------------


def oversights(user) -> list[Oversight]:
    """The person's grants. An account marked as a national viewer (the older
    account flag) has the national view without a grant."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    grants = list(Oversight.objects.filter(user=user).select_related("organisation"))
    if is_national_viewer(user) and not any(grant.scope == Oversight.Scope.NATIONAL for grant in grants):
        grants.insert(0, Oversight(user=user, scope=Oversight.Scope.NATIONAL))
    return grants


def has_oversight(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return is_national_viewer(user) or Oversight.objects.filter(user=user).exists()


def services_overseen(grants: list[Oversight]):
    """The services the grants reach (a queryset; none without grants)."""
    if not grants:
        return Service.objects.none()
    if any(grant.scope == Oversight.Scope.NATIONAL for grant in grants):
        return Service.objects.all()
    condition = Q(pk__in=[])
    for grant in grants:
        if grant.scope == Oversight.Scope.BOARD:
            condition |= Q(organisation_id=grant.organisation_id)
        elif grant.scope == Oversight.Scope.ADP:
            condition |= Q(partnership_id=grant.organisation_id)
    return Service.objects.filter(condition)


class OversightRefused(ValueError):
    """A grant that cannot be made, with a message for the person."""


@transaction.atomic
def grant(*, user, scope: str, organisation, by) -> Oversight:
    if scope == Oversight.Scope.NATIONAL:
        organisation = None
    elif organisation is None:
        raise OversightRefused("Choose the health board or partnership this view covers.")
    elif scope == Oversight.Scope.ADP and organisation.kind != Organisation.Kind.ADP:
        raise OversightRefused("An ADP view needs an alcohol and drug partnership.")
    if Oversight.objects.filter(user=user, scope=scope, organisation=organisation).exists():
        raise OversightRefused(f"{user} already has this view.")
    oversight = Oversight.objects.create(user=user, scope=scope, organisation=organisation, granted_by=by)
    audit.record(
        "national.oversight_granted",
        actor=by,
        target=oversight,
        user=user.pk,
        scope=scope,
        organisation=organisation.pk if organisation else None,
    )
    return oversight


@transaction.atomic
def revoke(oversight: Oversight, *, by) -> None:
    audit.record(
        "national.oversight_revoked",
        actor=by,
        target=oversight,
        user=oversight.user_id,
        scope=oversight.scope,
        organisation=oversight.organisation_id,
    )
    oversight.delete()


# --- A service's own settings ------------------------------------------------------------


def profile_for(service) -> ServiceProfile:
    """The service's national settings (defaults, unsaved, if never set)."""
    # Never saved: version 0, so the first save is version 1 and a second form opened before it is stale.
    return ServiceProfile.objects.filter(service=service).first() or ServiceProfile(service=service, version=0)


@transaction.atomic
def save_profile(service, *, named_nationally: bool, area_kind: str, version: int, by) -> ServiceProfile:
    profile = ServiceProfile.objects.select_for_update().filter(service=service).first()
    if profile is None:
        if version != 0:
            raise StaleEdit(ServiceProfile(service=service, version=0))
        profile = ServiceProfile(service=service, version=1)
    elif profile.version != version:
        raise StaleEdit(profile)
    else:
        profile.version += 1
    profile.named_nationally = named_nationally
    profile.area_kind = area_kind
    profile.save()
    audit.record(
        "national.settings_changed",
        actor=by,
        service=service,
        target=profile,
        named=named_nationally,
        area=area_kind,
    )
    return profile


# --- The figures -------------------------------------------------------------------------


@dataclass
class Row:
    """One service in the view."""

    id: int
    name: str
    facts: gate.ServiceFacts
    programme_id: int | None = None
    ratings: dict[int, str] = field(default_factory=dict)  # standard: latest rating
    actions: dict[str, tuple[int, int]] = field(default_factory=dict)  # theme: (done, all)
    scores: dict[str, float] = field(default_factory=dict)  # theme: agreed score, latest closed round
    readings: dict[str, str] = field(default_factory=dict)  # kind of measure: its SPC reading (see readings.py)
    suggestions: dict[str, bool] = field(default_factory=dict)  # recommendation used: whether an action from it is done

    @cached_property
    def green_or_blue(self) -> int:
        return sum(1 for rating in self.ratings.values() if rating in FULLY_IN_PLACE)

    @cached_property
    def done_of_all(self) -> tuple[int, int]:
        return sum(done for done, _ in self.actions.values()), sum(total for _, total in self.actions.values())


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass
class National:
    rows: list[Row]
    options: dict[str, list[Option]]
    service_released: set
    people_released: dict[str, set]  # level: released groups
    groups: dict[tuple, frozenset]  # every group the filters can make: the services in it
    needing: dict[str, Counter]  # level: service -> people whose role needs it
    trained: dict[str, Counter]  # level: service -> those of them trained at it
    reading_titles: dict[str, str] = field(default_factory=dict)  # kind of measure: its title
    releases: _Releases | None = None  # the service gate's answers, kept for every group asked about
    surveys: dict = field(default_factory=dict)  # service: {questionnaire: survey_results.Summary}
    questionnaires: dict = field(default_factory=dict)  # questionnaire: its name and questions
    survey_gates: survey_results.Gates | None = None

    def __post_init__(self):
        if self.releases is None:
            self.releases = _Releases(self.rows)
        if self.survey_gates is None:
            self.survey_gates = survey_results.Gates(survey_results.groups_of(self))

    def members(self, key) -> list[Row]:
        return [row for row in self.rows if _in(row.facts, key)]


def _in(facts: gate.ServiceFacts, key) -> bool:
    return all(want is None or want == have for want, have in zip(key, facts.values(), strict=True))


def load(grants: list[Oversight]) -> National:
    """Everything the national page needs, in a fixed number of queries."""
    return load_from(services_overseen(grants))


def load_from(queryset, *, full: bool = True) -> National:
    """`full=False`: only the services, their MAT ratings and their plans' actions
    (what "services like mine" compares), with no gate worked out."""
    services = list(
        queryset.select_related("organisation", "partnership", "national_profile")
        .annotate(active=Count("memberships", filter=Q(memberships__is_active=True, memberships__user__is_active=True)))
        .order_by("name", "pk")
    )
    rows: list[Row] = []
    boards: dict[int, str] = {}
    adps: dict[int, str] = {}
    for service in services:
        profile = getattr(service, "national_profile", None)
        board = service.organisation_id if service.organisation.kind == Organisation.Kind.HEALTH_BOARD else None
        if board is not None:
            boards[board] = service.organisation.name
        if service.partnership_id:
            adps[service.partnership_id] = service.partnership.name
        facts = gate.ServiceFacts(
            id=service.pk,
            board=board,
            adp=service.partnership_id,
            area=profile.area_kind if profile else "",
            size=size_of(service.active),
            named=bool(profile and profile.named_nationally),
        )
        rows.append(Row(id=service.pk, name=service.name, facts=facts))
    ids = [row.id for row in rows]
    by_id = {row.id: row for row in rows}

    # The latest programme of each service.
    programmes: dict[int, int] = {}
    for programme_id, service_id in (
        Programme.objects.filter(service_id__in=ids).order_by("started_on", "pk").values_list("pk", "service_id")
    ):
        programmes[service_id] = programme_id
    for service_id, programme_id in programmes.items():
        by_id[service_id].programme_id = programme_id
    row_of_programme = {programme_id: by_id[service_id] for service_id, programme_id in programmes.items()}

    history: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for programme_id, standard, rating in (
        MatStandardRating.objects.filter(programme_id__in=list(row_of_programme))
        .order_by("rated_on", "created_at", "id")
        .values_list("programme_id", "standard", "rating")
    ):
        row_of_programme[programme_id].ratings[standard] = rating  # later ones overwrite: the latest wins
        history[programme_id][standard].append(rating)
    for programme_id, standards in history.items():
        row_of_programme[programme_id].readings.update(readings.mat_readings(standards))

    counts: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for programme_id, theme, status, suggestion in Action.objects.filter(
        programme_id__in=list(row_of_programme)
    ).values_list("programme_id", "theme", "status", "suggestion_key"):
        cell = counts[programme_id][theme]
        cell[1] += 1
        cell[0] += status == Action.Status.DONE
        if suggestion:
            used = row_of_programme[programme_id].suggestions
            used[suggestion] = used.get(suggestion, False) or status == Action.Status.DONE
    for programme_id, themes in counts.items():
        row_of_programme[programme_id].actions = {theme: (done, total) for theme, (done, total) in themes.items()}

    options = {
        "board": [Option(str(pk), name) for pk, name in sorted(boards.items(), key=lambda item: item[1])],
        "adp": [Option(str(pk), name) for pk, name in sorted(adps.items(), key=lambda item: item[1])],
        "area": [Option(value, label) for value, label in ServiceProfile.AreaKind.choices],
        "size": [Option(value, label) for value, label in SIZES],
    }
    if not full:
        return National(rows, options, set(), {}, {}, {}, {})
    _scores(row_of_programme)
    measured, measure_titles = readings.measure_readings(ids)
    for service_id, found in measured.items():
        by_id[service_id].readings.update(found)
    needing, trained = _training(ids)
    surveys, questionnaires = survey_results.summaries(ids)
    facts = [row.facts for row in rows]
    groups = gate.service_groups(facts)
    return National(
        rows=rows,
        options=options,
        service_released=gate.released_service_groups(facts),
        people_released=_released_by_level(groups, needing),
        groups=groups,
        needing=needing,
        trained=trained,
        reading_titles=readings.mat_titles() | dict(sorted(measure_titles.items())),
        surveys=surveys,
        questionnaires=questionnaires,
    )


def _scores(row_of_programme: dict[int, Row]) -> None:
    """Each service's theme scores from the agreed scores of its latest closed round. Two queries."""
    latest: dict[int, AssessmentRound] = {}
    for round_ in (
        AssessmentRound.objects.filter(programme_id__in=list(row_of_programme), status=AssessmentRound.Status.CLOSED)
        .select_related("instrument_version")
        .order_by("closed_at", "pk")
    ):
        latest[round_.programme_id] = round_
    agreed: dict[int, list] = defaultdict(list)
    for score in AgreedScore.objects.filter(round__in=list(latest.values())).only("round_id", "item_code", "value"):
        agreed[score.round_id].append(score)
    for programme_id, round_ in latest.items():
        result = round_result(round_.instrument_version.parsed, agreed[round_.pk])
        row = row_of_programme[programme_id]
        for theme in result.themes:
            if theme.score is not None and theme.theme:
                row.scores.setdefault(theme.theme, theme.score)


def _released_by_level(groups: dict, needing: dict[str, Counter]) -> dict[str, set]:
    """The gate for each level, over the people whose role needs it. No filter
    splits a service, so the gate takes each service's people as one block
    (`disclosure.released_blocks`: the same answer as person by person); levels
    needed by the same numbers of people share one answer."""
    answers: dict[tuple, set] = {}
    found = {}
    for level, counts in needing.items():
        sizes = tuple(sorted(counts.items()))
        if sizes not in answers:
            answers[sizes] = disclosure.released_blocks(groups, dict(sizes))
        found[level] = answers[sizes]
    return found


def _training(service_ids: list[int]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """For each level: how many people of each service have a role that needs
    it, and how many of them are trained at it (current records of offered training, as on each
    service's coverage page; a plan's named courses are not taken into account)."""
    required: dict[int, dict[str, PracticeLevel]] = defaultdict(lambda: dict(DEFAULT_ROLE_LEVELS))
    for service_id, role, level in RoleLevel.objects.filter(service_id__in=service_ids).values_list(
        "service_id", "job_role", "level"
    ):
        required[service_id][role] = PracticeLevel(level)
    roles: dict[tuple, tuple[int, str]] = {}
    for membership_id, service_id, role in WorkforceProfile.objects.filter(
        membership__service_id__in=service_ids, membership__is_active=True, membership__user__is_active=True
    ).values_list("membership_id", "membership__service_id", "job_role"):
        roles[("m", membership_id)] = (service_id, role)
    for staff_id, service_id, role in StaffMember.objects.filter(service_id__in=service_ids).values_list(
        "pk", "service_id", "job_role"
    ):
        roles[("s", staff_id)] = (service_id, role)
    done: dict[tuple, set] = defaultdict(set)
    records = current_records(
        TrainingRecord.objects.filter(entry__service_id__in=service_ids).filter(
            Q(membership__isnull=False, membership__is_active=True) | Q(staff__isnull=False)
        )
    )
    for membership_id, staff_id, entry_id, level, active, scaffolding in records.values_list(
        "membership_id", "staff_id", "entry_id", "entry__level", "entry__active", "entry__scaffolding"
    ).distinct():
        key = ("m", membership_id) if membership_id else ("s", staff_id)
        done[key].update(done_entries([(entry_id, level, active, scaffolding)]))
    needing: dict[str, Counter] = {level.value: Counter() for level in PracticeLevel}
    trained: dict[str, Counter] = {level.value: Counter() for level in PracticeLevel}
    # levels_to_do gives the same answer for everyone with the same needs and training: ask once for each.
    answers: dict[tuple, tuple[list, set]] = {}
    for key, (service_id, role) in roles.items():
        needs = required[service_id].get(role, PracticeLevel.INFORMED)
        entries = done.get(key, set())
        asked = (role, needs, frozenset(entries))
        if asked not in answers:
            missing = levels_to_do(role, needs, entries, {})
            wanted = [level.value for level in PracticeLevel if needs.covers(level)]
            answers[asked] = (wanted, {level.value for level in missing})
        wanted, missing = answers[asked]
        for level in wanted:
            needing[level][service_id] += 1
            if level not in missing:
                trained[level][service_id] += 1
    return needing, trained


# --- What the page shows for one group ----------------------------------------------------


@dataclass(frozen=True)
class RatingLine:
    standard: str
    counts: dict[str, int] | None  # rating value: services; None when not shown
    rated: int | None


@dataclass(frozen=True)
class ThemeLine:
    theme: str
    done: int | None  # None when not shown
    total: int | None
    percent: int | None
    services: int | None  # services with actions in the theme


@dataclass(frozen=True)
class ScoreLine:
    theme: str
    median: float | None  # None when not shown
    services: int | None


@dataclass(frozen=True)
class LevelLine:
    level: str
    needed: disclosure.Released[int]
    percent: disclosure.Released[float] | None
    reason: str = ""


@dataclass
class Figures:
    key: tuple
    services: list[Row]  # left empty in a kept copy (see cache.py): use `count`
    named: list[Row]
    unnamed: int
    released: bool
    reason: str = ""
    count: int = 0  # services in the group
    ratings: list[RatingLine] = field(default_factory=list)
    themes: list[ThemeLine] = field(default_factory=list)
    scores: list[ScoreLine] = field(default_factory=list)
    levels: list[LevelLine] = field(default_factory=list)
    readings: list[readings.ReadingLine] = field(default_factory=list)
    works: works.WhatWorks | None = None
    surveys: list[survey_results.SurveyLines] = field(default_factory=list)

    @property
    def some_hidden(self) -> bool:
        return (
            any(line.counts is None for line in self.ratings)
            or any(line.done is None for line in self.themes)
            or any(line.median is None for line in self.scores)
            or any(line.counts is None for line in self.readings)
        )


class _Releases:
    """Which groups are released for a figure that only some services have (a
    standard they rated, a theme they have actions in): the gate is run over
    the groups narrowed to those services, so a service without the figure
    cannot hide a small one among the others. Cached by the set of services."""

    def __init__(self, rows: list[Row]):
        self.rows = rows
        self.cache: dict[frozenset, set] = {}

    def released(self, key, having: set[int]) -> bool:
        if not having:
            return True  # nobody has it: every group's figure is nothing, which singles nobody out
        having = frozenset(having)
        if having not in self.cache:
            self.cache[having] = gate.released_service_groups([row.facts for row in self.rows if row.id in having])
        return key in self.cache[having]


def figures(national: National, key: tuple) -> Figures:
    members = national.members(key)
    named = [row for row in members if row.facts.named]
    released = key in national.service_released
    result = Figures(
        key=key,
        services=members,
        named=named,
        unnamed=len(members) - len(named),
        released=released,
        count=len(members),
        reason="" if released else gate.service_reason(),
    )
    if released:
        releases = national.releases
        for standard in STANDARDS:
            having = {row.id for row in national.rows if standard.number in row.ratings}
            if not releases.released(key, having):
                result.ratings.append(RatingLine(standard.title, None, None))
                continue
            tally = Counter(row.ratings[standard.number] for row in members if standard.number in row.ratings)
            result.ratings.append(
                RatingLine(standard.title, {value: tally.get(value, 0) for value in Rating.values}, tally.total())
            )
        for theme, label in Theme.choices:
            having = {row.id for row in national.rows if row.actions.get(theme, (0, 0))[1]}
            if not releases.released(key, having):
                result.themes.append(ThemeLine(label, None, None, None, None))
                continue
            done = sum(row.actions.get(theme, (0, 0))[0] for row in members)
            total = sum(row.actions.get(theme, (0, 0))[1] for row in members)
            result.themes.append(
                ThemeLine(
                    theme=label,
                    done=done,
                    total=total,
                    percent=round(100 * done / total) if total else None,
                    services=sum(1 for row in members if row.id in having),
                )
            )
        for theme, label in Theme.choices:
            having = {row.id for row in national.rows if theme in row.scores}
            if not releases.released(key, having):
                result.scores.append(ScoreLine(label, None, None))
                continue
            values = [row.scores[theme] for row in members if theme in row.scores]
            result.scores.append(ScoreLine(label, round(median(values), 1) if values else None, len(values)))
        result.readings = readings.lines(national, key, releases)
        result.works = works.what_works(national, key, releases, result.themes)
    if members:
        result.surveys = survey_results.lines(national, key)
    for level in PracticeLevel:
        in_group = national.groups.get(key, frozenset())
        if key in national.people_released[level.value]:
            needed = sum(national.needing[level.value][sid] for sid in in_group)
            trained = sum(national.trained[level.value][sid] for sid in in_group)
            percent = disclosure.percentage(trained, needed)
            reason = gate.small_reason() if disclosure.is_hidden(percent) else ""
            result.levels.append(LevelLine(level.label, needed, percent, reason))
        else:
            hidden = disclosure.not_released()
            result.levels.append(LevelLine(level.label, hidden, None, gate.people_reason()))
    return result


# --- Services like mine -----------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    label: str
    mine: float | None
    median: float | None  # None when not shown or nobody has it
    services: int | None  # similar services with the figure; None when not shown
    unit: str = ""


@dataclass
class LikeMine:
    description: str
    similar: int
    lines: list[Comparison]


def _done_share(row: Row) -> float | None:
    done = sum(d for d, _ in row.actions.values())
    total = sum(t for _, t in row.actions.values())
    return round(100 * done / total) if total else None


def _fully_in_place(row: Row) -> int | None:
    if not row.ratings:
        return None
    return row.green_or_blue


def like_mine(service) -> LikeMine:
    """The service against the median of similar services (the same size and,
    if it said, the same kind of area), never naming them. Each median is
    shown only if at least 3 similar services that have not agreed to be named
    have that figure (through the gate, as on the national page)."""
    national = load_from(Service.objects.all(), full=False)
    own = next(row for row in national.rows if row.id == service.pk)
    similar = [
        row
        for row in national.rows
        if row.id != own.id
        and row.facts.size == own.facts.size
        and (not own.facts.area or row.facts.area == own.facts.area)
    ]
    size = dict(SIZES)[own.facts.size].lower()
    area = dict(ServiceProfile.AreaKind.choices).get(own.facts.area, "")
    description = f"{size} services" + (f" in {area.lower()} areas" if area else "")
    lines = []
    for label, measure, unit in (
        ("Share of the plan's actions done", _done_share, "%"),
        ("MAT standards rated green or blue", _fully_in_place, " of 10"),
    ):
        having = [row for row in similar if measure(row) is not None]
        shown = gate.EVERYONE in gate.released_service_groups([row.facts for row in having]) if having else True
        values = [measure(row) for row in having]
        lines.append(
            Comparison(
                label=label,
                mine=measure(own),
                median=(round(median(values), 1) if values else None) if shown else None,
                services=len(values) if shown else None,
                unit=unit,
            )
        )
    return LikeMine(description=description, similar=len(similar), lines=lines)
