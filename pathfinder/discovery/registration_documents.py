"""How the documents register plugs into the programme: a nav item, a
dashboard panel that flags overdue reviews, and a source for the findings
reviews create."""

from django.urls import reverse

from pathfinder.discovery.phase_one import Part, register_part
from pathfinder.programmes.registry import FindingSource, Panel, register_finding_source, register_panel

SOURCE = "document_review"  # services.documents.SOURCE, without importing the services at start-up


def _panel(programme, request) -> dict:
    from pathfinder.discovery.models import Document

    counts = _counts(programme, request.user)
    overdue = []
    if counts["overdue_count"]:  # the first five, when there are any
        overdue = list(
            _overdue(programme, request.user).exclude(status=Document.Status.DONE).order_by("next_review_on", "id")[:5]
        )
    return {**counts, "overdue": overdue}


def _overdue(programme, user):
    from django.utils import timezone

    from pathfinder.core.scoping import scoped
    from pathfinder.discovery.models import Document

    return scoped(Document, user).filter(programme=programme, next_review_on__lt=timezone.localdate())


def _counts(programme, user) -> dict:
    """The register's counts, in one query (asked once per page: the dashboard
    shows them in this panel and in phase one's)."""
    from django.db.models import Count, Q
    from django.utils import timezone

    from pathfinder.core.scoping import once, scoped
    from pathfinder.discovery.models import Document

    def count() -> dict:
        documents = scoped(Document, user).filter(programme=programme)
        return documents.aggregate(
            total=Count("id"),
            reviewed=Count("id", filter=Q(status__in=[Document.Status.AGREED, Document.Status.DONE])),
            overdue_count=Count(
                "id", filter=Q(next_review_on__lt=timezone.localdate()) & ~Q(status=Document.Status.DONE)
            ),
        )

    return once(("documents-counts", user.pk, programme.pk), count)


def _source_link(finding):
    document_id = finding.source_id.split(":", 1)[0]
    return reverse("discovery_document", args=[document_id]) if document_id.isdigit() else None


register_panel(
    Panel(
        key="documents",
        title="Documents and their review",
        template="discovery/documents/panel.html",
        context=_panel,
        order=12,
    )
)
register_finding_source(FindingSource(key=SOURCE, label="Review of a document", link=_source_link))


def _phase_one_progress(programme, user):
    from pathfinder.discovery.phase_one import Progress
    from pathfinder.discovery.presenters.interviews import plural

    counts = _counts(programme, user)
    if not counts["total"]:
        text = "No documents registered yet. Reading the service's forms and policies shows what to change."
    else:
        overdue = f", {counts['overdue_count']} overdue for review." if counts["overdue_count"] else "."
        text = f"{plural(counts['total'], 'document')} registered, {counts['reviewed']} reviewed with a trauma-informed lens{overdue}"
    return Progress(text=text, href=reverse("discovery_documents", args=[programme.pk]), link_text="Documents")


MAX_DOCUMENTS_LISTED = 5


def _phase_one_found(programme, user):
    """What reviews found and proposed, per document, under Policies and
    processes (the theme review findings are filed under). One query."""
    from django.db.models import Count, Q

    from pathfinder.core.scoping import scoped
    from pathfinder.discovery.models import Document, ReviewAnswer
    from pathfinder.discovery.presenters.interviews import plural
    from pathfinder.programmes.domain import Theme

    rows = list(
        scoped(ReviewAnswer, user)
        .filter(review__document__programme=programme)
        .values("review__document_id", "review__document__title", "review__document__changed_by")
        .annotate(found=Count("id", filter=~Q(found="")), proposed=Count("id", filter=~Q(proposed="")))
        .filter(Q(found__gt=0) | Q(proposed__gt=0))
        .order_by("-proposed", "-found", "review__document__title", "review__document_id")
    )
    if not rows:
        return {}
    who = dict(Document.ChangedBy.choices)
    found, proposed = sum(row["found"] for row in rows), sum(row["proposed"] for row in rows)
    lines = [
        f"Documents: reviews of {plural(len(rows), 'document')} noted {plural(found, 'thing')} and proposed "
        f"{plural(proposed, 'change')}."
    ]
    for row in rows[:MAX_DOCUMENTS_LISTED]:
        said = [
            f"{plural(row['found'], 'thing')} noted" if row["found"] else "",
            f"{plural(row['proposed'], 'change')} proposed" if row["proposed"] else "",
        ]
        can_change = who.get(row["review__document__changed_by"], "")
        lines.append(
            f"“{row['review__document__title']}”: {', '.join(part for part in said if part)}"
            + (f" ({can_change[0].lower() + can_change[1:]})." if can_change else ".")
        )
    if len(rows) > MAX_DOCUMENTS_LISTED:
        lines.append(f"And {plural(len(rows) - MAX_DOCUMENTS_LISTED, 'more document')}: see the documents register.")
    return {Theme.POLICIES.value: lines}


def _phase_one_summary(programme, user):
    """The register as a table: titles, who may change each, review status.
    Notes and what reviews say in their own words stay in Pathfinder."""
    from pathfinder.core.scoping import scoped
    from pathfinder.discovery.models import Document
    from pathfinder.reports.content import Heading, Paragraph, Table

    rows = list(scoped(Document, user).filter(programme=programme).order_by("title", "id"))
    blocks = [Heading("Documents and their review"), Paragraph(_phase_one_progress(programme, user).text)]
    if rows:
        blocks.append(
            Table(
                title="Documents in the register",
                columns=["Document", "Kind", "Who may change it", "Trauma-informed review", "Next review"],
                rows=[
                    [
                        row.title,
                        row.get_kind_display(),
                        row.get_changed_by_display(),
                        row.get_status_display(),
                        row.next_review_on,
                    ]
                    for row in rows
                ],
                row_headers=True,
                empty_text="Not set",
            )
        )
    return blocks


register_part(
    Part(
        key="documents",
        title="Documents",
        order=20,
        progress=_phase_one_progress,
        found=_phase_one_found,
        summary=_phase_one_summary,
    )
)
