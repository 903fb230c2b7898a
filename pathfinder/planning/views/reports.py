"""The progress report for senior management: a page saying what it will
hold, and the report itself as PDF or Word."""

from datetime import datetime, time

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from pathfinder.core import documents
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm, roles_with
from pathfinder.core.scoping import scoped
from pathfinder.planning.models import ProgressReport
from pathfinder.planning.presenters.plan import action_rows, summary
from pathfinder.planning.presenters.report import progress_report
from pathfinder.planning.services import actions as services
from pathfinder.planning.services.report_details import report_details
from pathfinder.planning.views.access import get_programme, page, today
from pathfinder.planning.views.budget import plan_budget_for
from pathfinder.planning.views.decisions import needed_for
from pathfinder.planning.views.plan import plan_actions


def last_report_date(request, programme):
    """The day of the latest report made before today: 'since the last report'
    stays the same however many times today's report is downloaded."""
    start_of_today = timezone.make_aware(datetime.combine(today(), time.min))
    last = (
        scoped(ProgressReport, request.user)
        .filter(programme=programme, generated_at__lt=start_of_today)
        .order_by("-generated_at")
        .first()
    )
    return timezone.localtime(last.generated_at).date() if last else None


def who_may(perm: Perm) -> str:
    """'Programme leads, … and evaluators', from the permission table."""
    names = [role.label.lower() + "s" for role in roles_with(perm)]
    names[0] = names[0][0].upper() + names[0][1:]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@require_safe
def report(request, pk):
    programme = get_programme(request, pk)
    rows = action_rows(plan_actions(request, programme), today())
    since = last_report_date(request, programme)
    done_since = [
        row
        for row in rows
        if row.action.is_done
        and row.action.done_at
        and (since is None or timezone.localtime(row.action.done_at).date() >= since)
    ]
    context = page(
        request,
        programme,
        "report",
        since=since,
        summary=summary(rows),
        done_since=len(done_since),
        decisions=sum(1 for item in needed_for(request, programme) if item.answer is None),
        who_may_download=who_may(Perm.EXPORT_DATA),
        versions=scoped(ProgressReport, request.user)
        .filter(programme=programme)
        .select_related("generated_by", "signed_off_by")[:10],
        can_decide=can(request.user, Perm.DECIDE, programme.service),
    )
    return render(request, "planning/report.html", context)


@require_safe
def report_download(request, pk, fmt):
    if fmt not in {"pdf", "docx"}:
        raise Http404
    programme = get_programme(request, pk, Perm.EXPORT_DATA)
    plan = services.plan_for(programme)
    now = today()
    since = last_report_date(request, programme)
    actions = list(plan_actions(request, programme))
    rows = action_rows(actions, now)
    needed = [
        item
        for item in needed_for(request, programme, actions)
        if item.meeting is None or since is None or item.meeting.held_on >= since or item.answer is None
    ]
    document = progress_report(
        service=programme.service,
        today=now,
        since=since,
        rows=rows,
        needed=needed,
        hourly_rate=plan.staff_hourly_rate,
        plan_budget=plan_budget_for(request, programme, plan, [row.action for row in rows]),
        expected_savings=plan.expected_savings,
        details=report_details([action.pk for action in actions]),
    )
    services.record_report(programme=programme, by=request.user, fmt=fmt)
    return documents.deliver(
        request,
        service=programme.service,
        target=programme,
        what="progress report",
        fmt=fmt,
        filename=f"{programme.service.slug}-progress-report-{now.isoformat()}",
        perm=Perm.EXPORT_DATA,
        document=document,
    )
