"""How the language audit plugs into the programme: a dashboard panel, a
source for the findings it makes, the language check on a document uploaded
to the documents register, and two measures for the Progress page."""

from types import SimpleNamespace

from django.urls import reverse

from pathfinder.programmes.registry import (
    FindingSource,
    Measure,
    MeasurePoint,
    MeasureSource,
    PageRead,
    Panel,
    SupportingFigure,
    SupportingFigureSource,
    TextCheck,
    TextCheckResult,
    register_finding_source,
    register_measure_source,
    register_page_read,
    register_panel,
    register_supporting_figures,
    register_text_check,
)

FINDING_SOURCE = "language_audit"  # views_language.FINDING_SOURCE, without importing views at start-up


def _finished(programme, user):
    from pathfinder.core.scoping import scoped
    from pathfinder.evidence.models import LanguageAudit

    return scoped(LanguageAudit, user).filter(
        programme=programme, status=LanguageAudit.Status.DONE, kind=LanguageAudit.Kind.BATCH
    )


FINISHED = PageRead(key=lambda programme, user: ("language-audits-finished", user.pk, programme.pk), queryset=_finished)
register_page_read("language-audits-finished", FINISHED)


def _finished_list(programme, user) -> list:
    """The finished audits, newest first: one query, asked once per page (the
    panel and the Progress measures share it)."""
    return FINISHED.read(programme, user)


def _panel(programme, request) -> dict:
    from pathfinder.evidence.presenters_language import rate_text

    audits = _finished_list(programme, request.user)
    latest = audits[0] if audits else None
    if latest is None:
        return {"latest": None}
    return {
        "latest": latest,
        "stigmatising": rate_text(latest.stigmatising_total, latest.words),
        "trauma_informed": rate_text(latest.trauma_informed_total, latest.words),
    }


def _figures(programme, user) -> list[SupportingFigure]:
    """The latest language audit, as supporting evidence for MAT standards 6 and 10."""
    context = _panel(programme, SimpleNamespace(user=user))
    latest = context["latest"]
    if latest is None:
        return []
    return [
        SupportingFigure(
            label=f"Latest language audit, “{latest.title}”",
            value=f"stigmatising terms {context['stigmatising']}; trauma-informed terms {context['trauma_informed']}",
            href=reverse("language_audit", args=[latest.pk]),
        )
    ]


def _finding_link(finding):
    audit_id = finding.source_id.split(":", 1)[0]
    return reverse("language_audit", args=[audit_id]) if audit_id.isdigit() else None


def _run_check(programme, user, name, text) -> TextCheckResult:
    from pathfinder.evidence import language_audit
    from pathfinder.evidence.presenters_language import plural, rate_text

    audit = language_audit.check_register_document(programme=programme, by=user, name=name, text=text)
    words = audit.words
    lines = [
        f"{plural(words, 'word', 'words')} counted.",
        f"Trauma-informed terms: {audit.trauma_informed_total:,} ({rate_text(audit.trauma_informed_total, words)}).",
        f"Stigmatising terms: {audit.stigmatising_total:,} ({rate_text(audit.stigmatising_total, words)}).",
    ]
    if audit.identifiers:
        lines.append(
            f"It seems to mention {plural(audit.identifiers, 'personal detail', 'personal details')} (names, "
            "dates of birth or CHI numbers). They were not kept."
        )
    return TextCheckResult(
        title="Language check",
        lines=tuple(lines),
        href=reverse("language_audit", args=[audit.pk]),
        link_text="See the language check in full",
    )


def _measures(programme, user) -> list[Measure]:
    from pathfinder.evidence.presenters_language import MEASURES, points

    audits = _finished_list(programme, user)
    href = reverse("language_audits", args=[programme.pk])
    found = []
    for key, title, direction, field in MEASURES:
        pairs = points(audits, field)
        if not pairs:  # no audit yet: nothing to chart, so no measure
            continue
        found.append(
            Measure(
                key=f"language:{key}",
                title=title,
                group="Language audits",
                unit=" per 1,000 words",
                points=tuple(
                    MeasurePoint(label=audit.title, on=audit.created_at.date(), value=rate) for audit, rate in pairs
                ),
                direction=str(direction),
                href=href,
                theme="policies",  # care plans and documents: the Policies and processes theme
            )
        )
    return found


register_panel(
    Panel(
        key="language_audit", title="Language audits", template="evidence/language/panel.html", context=_panel, order=56
    )
)
register_finding_source(FindingSource(key=FINDING_SOURCE, label="Language audit", link=_finding_link))
register_text_check(TextCheck(key="language", title="Language check", run=_run_check))
register_measure_source(MeasureSource(key="language", title="Language audits", measures=_measures, order=60))
register_supporting_figures(
    SupportingFigureSource(key="language_audit", label="Language audits", figures=_figures, order=60)
)
