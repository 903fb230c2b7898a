"""What the API returns. Fields are plain values; nothing names a person."""

from datetime import date

from ninja import Schema


class ServiceOut(Schema):
    slug: str
    name: str


class PhaseOut(Schema):
    phase: str
    status: str
    starts_on: date | None
    ends_on: date | None


class ProgrammeOut(Schema):
    id: int
    name: str
    service: ServiceOut
    started_on: date
    phases: list[PhaseOut]


class FindingOut(Schema):
    id: int
    theme: str
    kind: str
    principles: list[str]
    text: str
    source: str
    created_on: date


class ActionOut(Schema):
    id: int
    title: str
    theme: str
    status: str
    priority: str
    starts_on: date | None
    due_on: date
    done: bool


class ThemeScoreOut(Schema):
    key: str
    title: str
    theme: str | None
    score: float | None
    answered: int
    items: int


class AssessmentResultOut(Schema):
    round_id: int
    title: str
    kind: str
    closed_on: date | None
    overall: float | None
    themes: list[ThemeScoreOut]


class MatRatingOut(Schema):
    id: int
    standard: int
    rating: str
    rated_on: date
    reason: str
    process_evidence: str
    numerical_evidence: str
    experiential_evidence: str


class PointOut(Schema):
    label: str
    on: date
    value: float


class MeasureOut(Schema):
    key: str
    title: str
    group: str
    unit: str
    direction: str
    theme: str | None
    points: list[PointOut]


class Page(Schema):
    count: int
    page: int
    pages: int


class ProgrammePage(Page):
    results: list[ProgrammeOut]


class FindingPage(Page):
    results: list[FindingOut]


class ActionPage(Page):
    results: list[ActionOut]


class MatRatingPage(Page):
    results: list[MatRatingOut]
