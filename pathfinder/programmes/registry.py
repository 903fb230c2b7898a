"""How tools plug into the programme without the programme importing them.

A tool's AppConfig.ready() calls `register_panel` (a box on the dashboard)
and `register_finding_source` (so findings it creates can say where they came
from). A tool that answers findings (the plan) calls `register_finding_lock`,
so a finding stops being editable once something relies on it. The dashboard
only iterates over what is registered. In the same way a tool can
`register_cost_source` (money it records, for the plan's budget) and
`register_calendar_source` (dates for people's calendar feeds), so the plan
never imports a tool's models. A tool whose things people from outside the
service can be invited to (surveys, lens events) calls
`register_invitable_source`, so the partners register can point at them by id.
A tool can `register_supporting_figures`
(its own figures, as supporting evidence for the MAT standards), and the plan
`register_action_source` (its actions, for tools that cite them).
A tool with a figure that repeats over time calls `register_measure_source`,
so the Progress page can chart it (an XmR chart) without importing the tool.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Panel:
    key: str
    title: str
    template: str
    # (programme, request) -> extra template context for the panel.
    context: Callable = field(default=lambda programme, request: {})
    order: int = 100


@dataclass(frozen=True)
class FindingSource:
    key: str
    label: str
    # (finding) -> URL of the thing the finding came from, or None.
    link: Callable = field(default=lambda finding: None)


_panels: dict[str, Panel] = {}
_sources: dict[str, FindingSource] = {}
# (finding) -> why it can no longer be edited (plain words), or None.
_locks: dict[str, Callable] = {}


def register_panel(panel: Panel) -> None:
    _panels[panel.key] = panel


def panels() -> list[Panel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.title))


def register_finding_source(source: FindingSource) -> None:
    _sources[source.key] = source


def finding_source(key: str) -> FindingSource:
    return _sources.get(key, FindingSource(key=key, label=key.replace("_", " ").capitalize()))


def register_finding_lock(key: str, check: Callable) -> None:
    _locks[key] = check


def finding_locked(finding) -> str | None:
    """Why `finding` can no longer be edited, or None if it still can."""
    for check in _locks.values():
        reason = check(finding)
        if reason:
            return reason
    return None


@dataclass(frozen=True)
class CostLine:
    what: str
    amount: Decimal
    on: date | None = None


@dataclass(frozen=True)
class CostSource:
    key: str
    label: str
    # (programme, user) -> [CostLine]: money the tool has recorded as spent for
    # the programme, limited to what `user` may see.
    lines: Callable = field(default=lambda programme, user: [])


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # unique and stable, without the host: "lens-event-12"
    day: date
    summary: str
    description: str = ""


@dataclass(frozen=True)
class CalendarSource:
    key: str
    # (user) -> [CalendarEntry]: dates for the services `user` is an active member of.
    entries: Callable = field(default=lambda user: [])


_cost_sources: dict[str, CostSource] = {}
_calendar_sources: dict[str, CalendarSource] = {}


def register_cost_source(source: CostSource) -> None:
    _cost_sources[source.key] = source


def cost_sources() -> list[CostSource]:
    return sorted(_cost_sources.values(), key=lambda source: source.label)


def register_calendar_source(source: CalendarSource) -> None:
    _calendar_sources[source.key] = source


def calendar_sources() -> list[CalendarSource]:
    return sorted(_calendar_sources.values(), key=lambda source: source.key)


@dataclass(frozen=True)
class InvitableSource:
    """Things of a programme that people from outside the service (partners)
    can be invited to, such as surveys or lens events, so a register can point
    at one by its id without importing the tool."""

    key: str  # "survey"
    label: str  # "Survey"
    # (programme, user, kind="") -> [(id as text, name)]: the programme's things
    # `user` may see, optionally only those of one kind ("tna" for a survey).
    choices: Callable = field(default=lambda programme, user, kind="": [])
    # (id as text) -> URL of the thing, or None.
    link: Callable = field(default=lambda ref_id: None)
    # The permission (core.roles.Perm value) the page at `link` asks for, so
    # the link is shown only to people it opens for.
    link_perm: str = "view_programme"


_invitable_sources: dict[str, InvitableSource] = {}


def register_invitable_source(source: InvitableSource) -> None:
    _invitable_sources[source.key] = source


def invitable_source(key: str) -> InvitableSource | None:
    return _invitable_sources.get(key)


def invitable_sources() -> list[InvitableSource]:
    return sorted(_invitable_sources.values(), key=lambda source: source.label)


@dataclass(frozen=True)
class SupportingFigure:
    label: str
    value: str  # already in words, such as "12 of 20 trained (60%)"
    href: str | None = None


@dataclass(frozen=True)
class SupportingFigureSource:
    """Figures a tool offers as supporting evidence elsewhere (such as MAT
    standards 6 and 10), so the evidence app never imports a tool's models.
    Survey answers must not come through here unless they passed the
    disclosure gate."""

    key: str
    label: str
    # (programme, user) -> [SupportingFigure], limited to what `user` may see.
    figures: Callable = field(default=lambda programme, user: [])
    order: int = 100


@dataclass(frozen=True)
class ActionRef:
    pk: int
    title: str
    href: str
    done: bool = False


_figure_sources: dict[str, SupportingFigureSource] = {}
# (programme, user) -> [ActionRef]: the plan's actions, for tools that cite them.
_action_source: list[Callable] = []


def register_supporting_figures(source: SupportingFigureSource) -> None:
    _figure_sources[source.key] = source


def supporting_figure_sources() -> list[SupportingFigureSource]:
    return sorted(_figure_sources.values(), key=lambda source: (source.order, source.label))


def register_action_source(lookup: Callable) -> None:
    _action_source[:] = [lookup]


def plan_actions(programme, user) -> list[ActionRef]:
    """The programme's actions `user` may see, or none if no plan is installed."""
    return _action_source[0](programme, user) if _action_source else []


@dataclass(frozen=True)
class MeasurePoint:
    label: str  # as shown under the chart and in its table: "March 2026", "Wave 2"
    on: date  # for ordering, oldest first
    value: float


@dataclass(frozen=True)
class Measure:
    """A figure that repeats over time, for the Progress page and its XmR chart.
    Survey figures must have passed the disclosure gate: only released values."""

    key: str  # stable and unique within the programme, such as "mat:6"
    title: str  # plain words: "MAT standard 6: a trauma-informed system"
    group: str  # the heading it sits under on the Progress page: "MAT standards"
    unit: str  # how a value reads after the number: "%", " of 5", " per 1,000 words"
    points: tuple[MeasurePoint, ...]  # oldest first
    direction: str = "higher"  # which way is better: "higher", "lower" or "neither"
    href: str | None = None  # where the figure comes from
    theme: str | None = None  # a programmes Theme value, when the measure belongs to one


@dataclass(frozen=True)
class MeasureSource:
    key: str
    title: str
    # (programme, user) -> [Measure], limited to what `user` may see, in a
    # fixed number of queries however much data there is.
    measures: Callable = field(default=lambda programme, user: [])
    order: int = 100


_measure_sources: dict[str, MeasureSource] = {}


def register_measure_source(source: MeasureSource) -> None:
    _measure_sources[source.key] = source


def measure_sources() -> list[MeasureSource]:
    return sorted(_measure_sources.values(), key=lambda source: (source.order, source.title))


@dataclass(frozen=True)
class TextCheckResult:
    title: str  # "Language check"
    lines: tuple[str, ...]  # plain sentences of what was found: counts only, never the text
    href: str | None = None  # where the full result is kept
    link_text: str = ""


@dataclass(frozen=True)
class TextCheck:
    """A check run over a document's text while it is held in memory (the
    language check runs on a document uploaded to the documents register).
    The text must not be kept, logged or put in a task: only what is counted."""

    key: str
    title: str
    # (programme, user, name, text) -> TextCheckResult; `name` is the document's title.
    run: Callable
    order: int = 100


_text_checks: dict[str, TextCheck] = {}


def register_text_check(check: TextCheck) -> None:
    _text_checks[check.key] = check


def text_checks() -> list[TextCheck]:
    return sorted(_text_checks.values(), key=lambda check: (check.order, check.title))


@dataclass(frozen=True)
class PageRead:
    """A read that a tool's panel or measure source makes through
    `core.scoping.once`, named so that a page can send it to the database
    together with the others (core/readahead.py): the page keeps under `key`
    what the tool's own read keeps, so the tool is answered without a query."""

    key: Callable  # (programme, user) -> the tool's once key
    # (programme, user) -> the queryset whose list the tool keeps under the key
    # (or readahead.First(queryset), when it keeps the first result or None).
    queryset: Callable
    pages: frozenset = frozenset({"dashboard", "progress"})

    def read(self, programme, user):
        """What the tool reads: from the page's read-ahead if it was sent, else asked now."""
        from pathfinder.core.readahead import evaluate
        from pathfinder.core.scoping import once

        return once(self.key(programme, user), lambda: evaluate(self.queryset(programme, user)))


_page_reads: dict[str, PageRead] = {}


def register_page_read(name: str, read: PageRead) -> None:
    _page_reads[name] = read


def page_reads(page: str, programme, user) -> dict:
    """{once key: queryset} of every registered read of `page`, for `core.readahead.read_ahead`."""
    reads = [read for _name, read in sorted(_page_reads.items()) if page in read.pages]
    return {read.key(programme, user): read.queryset(programme, user) for read in reads}
