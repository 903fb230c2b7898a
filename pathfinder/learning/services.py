"""Learning report versions: start a draft (from the records, or from a
published version's wording), reword it, publish it. Publishing freezes the
version; the next draft gets the next number. At most one draft at a time."""

import re

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import StaleEdit, save_if_current
from pathfinder.discovery.names import possible_names
from pathfinder.learning import draft
from pathfinder.learning.models import LearningReport
from pathfinder.programmes.domain import Theme

THEMES = list(Theme.choices)


def title_for(programme) -> str:
    return f"What we learned: {programme.name}"


def empty_sections() -> dict:
    return {theme: {key: "" for key, _ in draft.PARTS} for theme, _ in THEMES}


def current_draft(programme):
    return LearningReport.objects.filter(programme=programme, status=LearningReport.Status.DRAFT).first()


def start_draft(*, programme, by, inputs: dict | None = None, from_report: LearningReport | None = None):
    """A new draft: the wording of `from_report`, or drawn from `inputs` (the
    records: see views.gather). If a draft exists already (a second click, a
    second tab), that draft is returned and nothing else changes."""
    existing = current_draft(programme)
    if existing is not None:
        return existing, False
    if from_report is not None:
        title, introduction, sections = from_report.title, from_report.introduction, from_report.sections
    else:
        built = draft.build(programme_name=programme.name, themes=THEMES, **(inputs or {}))
        title, introduction, sections = title_for(programme), built.introduction, built.sections
    number = (LearningReport.objects.filter(programme=programme).aggregate(top=Max("number"))["top"] or 0) + 1
    try:
        with transaction.atomic():
            report = LearningReport.objects.create(
                programme=programme,
                number=number,
                title=title,
                introduction=introduction,
                sections={**empty_sections(), **sections},
                created_by=by,
            )
    except IntegrityError:  # someone started one at the same moment
        return current_draft(programme), False
    audit.record(
        "learning.report_started",
        actor=by,
        service=programme.service,
        target=report,
        based_on=from_report.number if from_report else "records",
    )
    return report, True


def save_draft(report: LearningReport, *, version: int, by, title: str, introduction: str, sections: dict) -> None:
    """Raises StaleEdit if someone saved it in the meantime, ValueError if it
    is not a draft any more."""
    if not report.is_draft:
        raise ValueError("A published version cannot change.")
    report.title, report.introduction = title, introduction
    report.sections = {**empty_sections(), **sections}
    save_if_current(report, version, ["title", "introduction", "sections"])
    audit.record("learning.report_changed", actor=by, service=report.programme.service, target=report)


def publish(report: LearningReport, *, version: int, by) -> None:
    if not report.is_draft:
        raise ValueError("This version is published already.")
    report.status = LearningReport.Status.PUBLISHED
    report.published_by = by
    report.published_at = timezone.now()
    try:
        save_if_current(report, version, ["status", "published_by", "published_at"])
    except StaleEdit:
        report.status = LearningReport.Status.DRAFT
        raise
    audit.record("learning.report_published", actor=by, service=report.programme.service, target=report)


def all_text(report: LearningReport) -> str:
    parts = [report.title, report.introduction]
    for theme in report.sections.values():
        parts.extend(theme.values())
    return "\n".join(parts)


_OUR_WORDS = re.compile(r"^(\s*-\s*)(Done|Planned): ", re.MULTILINE)


def names_in(report: LearningReport) -> list[str]:
    """Words that may be people's names (a guess: the lead decides). The
    programme's name and the draft's own "Done:"/"Planned:" labels are not."""
    text = all_text(report).replace(report.programme.name, " ")
    return possible_names(_OUR_WORDS.sub(r"\1", text))
