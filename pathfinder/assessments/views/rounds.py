"""The assessment overview, opening a round, a round's page, and moving it on."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.assessments import presenters, services
from pathfinder.assessments.forms import OpenRoundForm, ReopenForm
from pathfinder.assessments.models import AgreedScore, AssessmentRound, Rater
from pathfinder.assessments.views.access import can_run, get_round
from pathfinder.core import confirm
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.pages import service_context
from pathfinder.core.roles import Perm, Role
from pathfinder.core.scoping import get_for, scoped
from pathfinder.instruments.services import latest_versions_for
from pathfinder.programmes.models import Programme
from pathfinder.reports.charts import render_svg

CLOSED = AssessmentRound.Status.CLOSED


def _progress(request, programme):
    """Closed rounds in order, with results compared on the items they share."""
    closed = list(
        scoped(AssessmentRound, request.user)
        .filter(programme=programme, status=CLOSED)
        .select_related("instrument_version")
        .order_by("closed_at", "id")
    )
    if not closed:
        return {}
    agreed = {}
    for score in scoped(AgreedScore, request.user).filter(round__in=closed):
        agreed.setdefault(score.round_id, []).append(score)
    definitions = [round_.instrument_version.parsed for round_ in closed]
    shared = set.intersection(*[{item.code for item in d.items if item.type == "scale"} for d in definitions])
    all_same = len({round_.instrument_version_id for round_ in closed}) == 1
    only = None if all_same else shared
    results = [
        (round_.title, presenters.round_result(definition, agreed.get(round_.pk, []), only))
        for round_, definition in zip(closed, definitions, strict=True)
    ]
    baseline = next(
        (pair for pair, round_ in zip(results, closed, strict=True) if round_.kind == "baseline"), results[0]
    )
    pair = [baseline, results[-1]] if results[-1] is not baseline else [baseline]
    comparison = presenters.comparison_chart(definitions[-1], pair)
    progress = {
        "comparison": comparison,
        "comparison_svg": render_svg(comparison, id_prefix="compare"),
        "closed_rounds": len(results),
        "shared_items": None if all_same else len(shared),
    }
    if len(results) > 1:
        trend = presenters.trend_chart(definitions[-1], results)
        progress |= {"trend": trend, "trend_svg": render_svg(trend, id_prefix="trend")}
    return progress


@require_safe
def overview(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    rounds = (
        scoped(AssessmentRound, request.user)
        .filter(programme=programme)
        .select_related("instrument_version__instrument")
    )
    mine = set(
        scoped(Rater, request.user)
        .filter(round__programme=programme, user=request.user)
        .values_list("round_id", flat=True)
    )
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="assessment",
        rounds=rounds,
        mine=mine,
        can_run=can_run(request, programme.service),
        **_progress(request, programme),
    )
    return render(request, "assessments/overview.html", context)


@require_http_methods(["GET", "POST"])
def open_round(request, pk):
    programme = get_for(request, Programme, Perm.RUN_ASSESSMENTS, pk=pk)
    service = programme.service
    versions = latest_versions_for(service, "organisational_assessment")
    members = scoped(Membership, request.user).filter(service=service).active().select_related("user")
    has_baseline = scoped(AssessmentRound, request.user).filter(programme=programme, kind="baseline").exists()
    initial = {
        "kind": "follow_up" if has_baseline else "baseline",
        "title": "Follow-up assessment" if has_baseline else "Baseline assessment",
        "instrument_version": str(versions[0].pk) if versions else "",
        "raters": [
            str(member.user_id) for member in members if member.role in {Role.PROGRAMME_LEAD, Role.GROUP_MEMBER}
        ],
    }
    form = OpenRoundForm(request.POST or None, initial=initial, versions=versions, members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = {int(pk) for pk in data["raters"]}
        round_ = services.open_round(
            programme=programme,
            instrument_version=next(version for version in versions if str(version.pk) == data["instrument_version"]),
            kind=data["kind"],
            title=data["title"],
            rate_by=data["rate_by"],
            raters=[member.user for member in members if member.user_id in chosen],
            by=request.user,
        )
        messages.success(request, f"“{round_.title}” is open. The {len(chosen)} people you chose can now rate.")
        return redirect("assessment_round", round_.pk)
    context = service_context(
        request,
        service,
        programme=programme,
        current="assessment",
        form=form,
        breadcrumbs=[
            {"text": "Organisational assessment", "href": reverse("assessment_overview", args=[programme.pk])}
        ],
    )
    return render(request, "assessments/open.html", context)


@require_safe
def round_page(request, pk):
    round_ = get_round(request, pk)
    definition = round_.instrument_version.parsed
    raters = scoped(Rater, request.user).filter(round=round_).select_related("user")
    me = next((rater for rater in raters if rater.user_id == request.user.pk), None)
    answered = _answered_by_section(definition, me) if me is not None else {}
    started = me is not None and (bool(me.resume_at) or any(answered.values()))
    context = service_context(
        request,
        round_.programme.service,
        programme=round_.programme,
        current="assessment",
        round=round_,
        definition=definition,
        raters=raters,
        me=me,
        answered=answered,
        started=started,
        resume_url=_resume_url(round_, definition, me) if me is not None else None,
        can_run=can_run(request, round_.programme.service),
        reopen_form=ReopenForm(initial={"version": round_.version}) if round_.status == CLOSED else None,
        breadcrumbs=[
            {"text": "Organisational assessment", "href": reverse("assessment_overview", args=[round_.programme.pk])}
        ],
    )
    return render(request, "assessments/round.html", context)


def _resume_url(round_, definition, rater) -> str:
    """Where "Carry on rating" goes: the theme the rater was last on (or the
    check page once every theme is saved); the first theme to start with."""
    if rater.resume_at == Rater.CHECK:
        return reverse("assessment_check", args=[round_.pk])
    keys = {section.key for section in definition.sections}
    key = rater.resume_at if rater.resume_at in keys else definition.sections[0].key
    return reverse("assessment_rate", args=[round_.pk, key])


@require_POST
def remind(request, pk):
    """The lead e-mails a reminder to everyone who has not submitted yet."""
    round_ = get_round(request, pk, Perm.RUN_ASSESSMENTS)
    sent = services.remind_raters(round_, by=request.user)
    if sent:
        messages.success(request, f"A reminder has been e-mailed to {sent} {'person' if sent == 1 else 'people'}.")
    elif round_.status != AssessmentRound.Status.OPEN:
        messages.info(request, "Ratings are closed, so there is nobody to remind.")
    else:
        messages.info(request, "Everyone has submitted their answers, so there is nobody to remind.")
    return redirect("assessment_round", round_.pk)


def _answered_by_section(definition, rater) -> dict[str, int]:
    codes = set(rater.ratings.values_list("item_code", flat=True))
    return {section.key: sum(1 for item in section.items if item.code in codes) for section in definition.sections}


def _question(round_, action: str) -> confirm.Confirmation:
    back = reverse("assessment_round", args=[round_.pk])
    if action == "consensus":
        return confirm.Confirmation(
            caption=round_.title,
            title="Close ratings?",
            happens=[
                "Raters can no longer add or change their answers.",
                "You see how people answered each item, and agree scores with the group.",
            ],
            cannot_undo="Ratings cannot be opened again for this round. Anyone who has not rated yet will not be able to.",
            button="Close ratings and agree scores",
            back_href=back,
            back_text="Go back and leave ratings open",
            carry={"version": round_.version},
        )
    return confirm.Confirmation(
        caption=round_.title,
        title="Close the round?",
        happens=[
            "The agreed scores become the round's results.",
            "Everyone in the programme can see the results.",
        ],
        cannot_undo=(
            "Once shared, people may already have read the results. You can reopen the round to correct a score, "
            "but that is recorded in the activity log."
        ),
        button="Close the round and share the results",
        back_href=back,
        back_text="Go back and keep agreeing scores",
        carry={"version": round_.version},
    )


CONFIRM_URLS = {"consensus": "assessment_close_ratings", "close": "assessment_close"}


def _confirmed_move(request, round_, action: str):
    """Closing ratings and closing the round ask first (core.confirm)."""
    if not confirm.confirmed(request):
        context = service_context(
            request,
            round_.programme.service,
            programme=round_.programme,
            current="assessment",
            breadcrumbs=[{"text": round_.title, "href": reverse("assessment_round", args=[round_.pk])}],
        )
        url = reverse(CONFIRM_URLS[action], args=[round_.pk])
        return confirm.page(request, _question(round_, action), context, action=url)
    try:
        version = int(request.POST.get("version", ""))
        if action == "consensus":
            services.start_consensus(round_, version=version, by=request.user)
            messages.success(
                request, "Ratings are now closed. You can go through the items with the group and agree scores."
            )
            return redirect("assessment_agree", round_.pk, round_.instrument_version.parsed.sections[0].key)
        services.close_round(round_, version=version, by=request.user)
        messages.success(request, "The round is closed. Everyone in the programme can now see the results.")
        return redirect("assessment_results", round_.pk)
    except (ValueError, StaleEdit, services.NotNow):
        messages.info(
            request, "The round changed while you had the page open, so nothing was done. Here is how it stands now."
        )
    return redirect("assessment_round", round_.pk)


@require_POST
def move(request, pk):
    round_ = get_round(request, pk, Perm.RUN_ASSESSMENTS)
    action = request.POST.get("action")
    if action in CONFIRM_URLS:
        return _confirmed_move(request, round_, action)
    return redirect("assessment_round", round_.pk)


@require_http_methods(["GET", "POST"])
def close_ratings(request, pk):
    return _confirmed_move(request, get_round(request, pk, Perm.RUN_ASSESSMENTS), "consensus")


@require_http_methods(["GET", "POST"])
def close(request, pk):
    return _confirmed_move(request, get_round(request, pk, Perm.RUN_ASSESSMENTS), "close")


@require_http_methods(["GET", "POST"])
def reopen(request, pk):
    round_ = get_round(request, pk, Perm.RUN_ASSESSMENTS)
    form = ReopenForm(request.POST or None, initial={"version": round_.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.reopen_round(
                round_, version=form.cleaned_data["version"], reason=form.cleaned_data["reason"], by=request.user
            )
        except (StaleEdit, services.NotNow):
            messages.info(request, "The round changed while you had the page open, so nothing was done.")
            return redirect("assessment_round", round_.pk)
        messages.success(
            request, "The round is open again for agreeing scores. This has been recorded in the activity log."
        )
        return redirect("assessment_round", round_.pk)
    context = service_context(
        request,
        round_.programme.service,
        programme=round_.programme,
        current="assessment",
        round=round_,
        form=form,
        breadcrumbs=[{"text": round_.title, "href": reverse("assessment_round", args=[round_.pk])}],
    )
    return render(request, "assessments/reopen.html", context)
