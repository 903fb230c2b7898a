"""Running surveys: setting one up, inviting people, closing, and results."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import audit, confirm
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Membership
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, require, scoped
from pathfinder.instruments import disclosure
from pathfinder.instruments.services import latest_versions_for
from pathfinder.programmes.models import Programme
from pathfinder.reports import exports
from pathfinder.reports.charts import render_svg
from pathfinder.surveys import kept, presenters, services
from pathfinder.surveys.forms import InviteForm, OptionalQuestionsForm, SurveyForm, asked_items
from pathfinder.surveys.models import Participant, Response, Survey


def _survey(request, pk, perm=Perm.VIEW_PROGRAMME) -> Survey:
    surveys = scoped(Survey, request.user).select_related("programme__service", "instrument_version__instrument")
    return get_for(request, surveys, perm, pk=pk)


def _crumbs(survey):
    return [{"text": "Surveys", "href": reverse("survey_list", args=[survey.programme.pk])}]


def _confirm_page(request, survey, question):
    context = service_context(
        request, survey.programme.service, programme=survey.programme, current="surveys", breadcrumbs=_crumbs(survey)
    )
    return confirm.page(request, question, context)


@require_safe
def survey_list(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    showing_archived = request.GET.get("archived") == "1"
    surveys = (
        scoped(Survey, request.user)
        .filter(programme=programme, archived=showing_archived)
        .select_related("instrument_version__instrument")
    )
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="surveys",
        surveys=surveys,
        showing_archived=showing_archived,
        can_run=can(request.user, Perm.RUN_SURVEYS, programme.service),
        can_see_results=can(request.user, Perm.VIEW_SURVEY_RESULTS, programme.service),
        today=timezone.localdate(),
    )
    return render(request, "surveys/list.html", context)


@require_http_methods(["GET", "POST"])
def survey_new(request, pk):
    programme = get_for(request, Programme, Perm.RUN_SURVEYS, pk=pk)
    versions = latest_versions_for(programme.service, "survey")
    today = timezone.localdate()
    form = SurveyForm(
        request.POST or None,
        versions=versions,
        initial={"opens_on": today, "closes_on": today + timezone.timedelta(days=21), "distribution": "codes"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        survey = services.create_survey(
            programme=programme,
            instrument_version=form.versions[data["instrument_version"]],
            kind=data["kind"],
            title=data["title"],
            distribution=data["distribution"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            included_optional=[],
            by=request.user,
        )
        messages.success(request, "The survey is set up. Choose any optional questions, then invite people.")
        return redirect("survey_detail", survey.pk)
    context = service_context(
        request,
        programme.service,
        programme=programme,
        current="surveys",
        form=form,
        breadcrumbs=[{"text": "Surveys", "href": reverse("survey_list", args=[programme.pk])}],
    )
    return render(request, "surveys/new.html", context)


def _detail_context(request, survey, **extra):
    definition = survey.instrument_version.parsed
    service = survey.programme.service
    members = scoped(Membership, request.user).filter(service=service).active().select_related("user")
    participants = scoped(Participant, request.user).filter(survey=survey)
    invited_users = set(participants.exclude(user=None).values_list("user_id", flat=True))
    counts = presenters.participation(len(invited_users), participants.count(), services.response_count(survey))
    return service_context(
        request,
        service,
        programme=survey.programme,
        current="surveys",
        survey=survey,
        definition=definition,
        counts=counts,
        optional_form=extra.pop("optional_form", None)
        or OptionalQuestionsForm(initial={"included": survey.included_optional}, definition=definition),
        invite_form=extra.pop("invite_form", None)
        or InviteForm(members=[m for m in members if m.user_id not in invited_users]),
        asked=len(asked_items(definition, survey)),
        link=request.build_absolute_uri(reverse("survey_answer", args=[survey.link_token])),
        breadcrumbs=_crumbs(survey),
        can_run=can(request.user, Perm.RUN_SURVEYS, service),
        **extra,
    )


@require_safe
def survey_detail(request, pk):
    survey = _survey(request, pk, Perm.RUN_SURVEYS)
    return render(
        request, "surveys/detail.html", _detail_context(request, survey, has_answers=services.has_answers(survey))
    )


@require_POST
def survey_questions(request, pk):
    survey = _survey(request, pk, Perm.RUN_SURVEYS)
    definition = survey.instrument_version.parsed
    form = OptionalQuestionsForm(request.POST, definition=definition)
    if scoped(Response, request.user).filter(survey=survey).exists() or survey.spent_codes.exists():
        messages.info(request, "People have already answered, so the questions can no longer change.")
        return redirect("survey_detail", survey.pk)
    if form.is_valid():
        services.set_optional_questions(survey, form.cleaned_data["included"])
        messages.success(request, "The questions are updated.")
        return redirect("survey_detail", survey.pk)
    return render(request, "surveys/detail.html", _detail_context(request, survey, optional_form=form))


@require_POST
def survey_invite(request, pk):
    survey = _survey(request, pk, Perm.RUN_SURVEYS)
    members = scoped(Membership, request.user).filter(service=survey.programme.service).active().select_related("user")
    form = InviteForm(request.POST, members=members)
    if not form.is_valid():
        return render(request, "surveys/detail.html", _detail_context(request, survey, invite_form=form))
    chosen = {int(pk) for pk in form.cleaned_data["people"]}
    invited = services.invite_members(survey, [m.user for m in members if m.user_id in chosen], by=request.user)
    printed = (
        services.extra_codes(survey, form.cleaned_data["extra"] or 0, by=request.user)
        if form.cleaned_data["extra"]
        else []
    )
    if printed:
        context = service_context(
            request,
            survey.programme.service,
            programme=survey.programme,
            current="surveys",
            survey=survey,
            printed=printed,
            invited=invited,
            breadcrumbs=_crumbs(survey),
            link=request.build_absolute_uri(reverse("survey_answer", args=[survey.link_token])),
        )
        return render(request, "surveys/codes.html", context)
    messages.success(request, f"Codes sent to {invited} {'person' if invited == 1 else 'people'} by email.")
    return redirect("survey_detail", survey.pk)


@require_POST
def survey_remind(request, pk):
    survey = _survey(request, pk, Perm.RUN_SURVEYS)
    if not survey.is_open():
        messages.info(request, "Reminders can only be sent while the survey is open.")
    else:
        sent = services.remind(survey, by=request.user)
        messages.success(
            request, f"Reminders sent to {sent} {'person' if sent == 1 else 'people'} who have not answered yet."
        )
    return redirect("survey_detail", survey.pk)


@require_http_methods(["GET", "POST"])
def survey_close(request, pk):
    survey = _survey(request, pk, Perm.RUN_SURVEYS)
    if not survey.is_open():
        messages.info(request, "The survey has already closed.")
        return redirect("survey_detail", survey.pk)
    if not confirm.confirmed(request):
        question = confirm.Confirmation(
            title=f"Close “{survey.title}” now?",
            caption="Surveys",
            happens=[
                f"Nobody can answer it after this, although it was due to stay open until {survey.closes_on:%-d %B %Y}.",
                "Codes that have not been used stop working.",
                "Results appear for everyone who may see survey results, for groups large enough to keep people anonymous.",
            ],
            cannot_undo="A closed survey cannot be opened again. To ask again, set up a new survey.",
            button="Close the survey now",
            back_href=reverse("survey_detail", args=[survey.pk]),
            carry={"version": survey.version},
        )
        return _confirm_page(request, survey, question)
    try:
        services.close_early(survey, version=int(request.POST.get("version", "0")), by=request.user)
    except (StaleEdit, ValueError):
        messages.info(request, "The survey changed while you had the page open, so nothing was done.")
        return redirect("survey_detail", survey.pk)
    messages.success(request, "The survey is closed. Results are ready.")
    return redirect("survey_results", survey.pk)


@require_http_methods(["GET", "POST"])
def survey_delete(request, pk):
    survey = _survey(request, pk, Perm.RUN_SURVEYS)
    back = reverse("survey_detail", args=[survey.pk])
    if services.has_answers(survey):
        messages.info(request, "People have answered this survey, so it cannot be deleted. You can archive it instead.")
        return redirect(back)
    if not confirm.confirmed(request):
        question = confirm.Confirmation(
            title=f"Delete “{survey.title}”?",
            caption="Surveys",
            happens=["The survey and its codes are removed.", "Nobody has answered it, so no answers are lost."],
            cannot_undo="A deleted survey cannot be brought back.",
            button="Delete the survey",
            back_href=back,
        )
        return _confirm_page(request, survey, question)
    programme = survey.programme
    try:
        services.delete_survey(survey, by=request.user)
    except services.HasAnswers:
        messages.info(request, "Someone answered just now, so the survey was not deleted. You can archive it instead.")
        return redirect(back)
    messages.success(request, "The survey is deleted.")
    return redirect("survey_list", programme.pk)


@require_POST
def survey_archive(request, pk):
    survey = _survey(request, pk, Perm.RUN_SURVEYS)
    archive = request.POST.get("archived") == "1"
    services.set_archived(survey, archive, by=request.user)
    messages.success(
        request,
        "The survey is archived: its results are kept, and it is listed under archived surveys."
        if archive
        else "The survey is back in the list.",
    )
    return redirect("survey_detail", survey.pk)


def _results(request, survey):
    if not survey.has_closed():
        return None
    return kept.results_of(survey, services.results_rules(survey), request.GET)


def _wellbeing_waves(request, survey):
    """Every closed wellbeing pulse of the programme, oldest first, for the trend."""
    waves = list(
        scoped(Survey, request.user)
        .filter(programme=survey.programme, kind=Survey.Kind.WELLBEING)
        .select_related("instrument_version")
        .order_by("closes_on", "id")
    )
    waves = [wave for wave in waves if wave.has_closed()]
    return [
        (
            wave.title,
            wave.instrument_version.parsed,
            [answers for _, answers in services.answer_sets(wave)],
            services.results_rules(wave),
        )
        for wave in waves
    ]


@require_safe
def survey_results(request, pk):
    survey = _survey(request, pk, Perm.VIEW_SURVEY_RESULTS)
    built = _results(request, survey)
    extra = presenters.charts(survey, built) if built and built.released else {}
    if built is not None and survey.kind == Survey.Kind.WELLBEING:
        trend = presenters.wellbeing_trend(_wellbeing_waves(request, survey))
        if trend is not None:
            extra |= {"trend": trend, "trend_svg": render_svg(trend, id_prefix="trend")}
    context = service_context(
        request,
        survey.programme.service,
        programme=survey.programme,
        current="surveys",
        survey=survey,
        results=built,
        breadcrumbs=_crumbs(survey),
        hidden=disclosure.Hidden,
        can_export=can(request.user, Perm.EXPORT_DATA, survey.programme.service),
        **extra,
    )
    return render(request, "surveys/results.html", context)


@require_safe
def survey_export(request, pk, fmt):
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    survey = _survey(request, pk, Perm.VIEW_SURVEY_RESULTS)
    require(request, Perm.EXPORT_DATA, survey.programme.service)
    built = _results(request, survey)
    if built is None or not built.released:
        raise PermissionDenied
    table = presenters.results_table(survey, built)
    audit.record(
        audit.Kind.EXPORT,
        actor=request.user,
        service=survey.programme.service,
        target=survey,
        format=fmt,
        what="survey results",
    )
    name = f"{survey.programme.service.slug}-{survey.title}"
    if fmt == "csv":
        return exports.csv_response(table, f"{name}.csv")
    return exports.xlsx_response([table], f"{name}.xlsx")
