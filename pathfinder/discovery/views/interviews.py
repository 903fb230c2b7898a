"""Familiarisation interviews: the guide (read, adapt, print), recording an
interview with consent first, notes per question area, what helps and what
gets in the way, findings, and the summary across interviews.

Everyone in the programme (VIEW_PROGRAMME) reads the guide, the list and the
summary across interviews; the lead and the implementation group
(RECORD_FINDINGS) record interviews and alone read one interview's notes; the lead
(MANAGE_PROGRAMME) adapts the guide; downloads of the summary need EXPORT_DATA.
"""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import confirm, documents
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.models import Service
from pathfinder.core.pages import service_context
from pathfinder.core.permissions import can
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.discovery.forms.interviews import (
    ConsentForm,
    GuideAdaptForm,
    InterviewForm,
    NotesForm,
    ParticipantForm,
    TagForm,
)
from pathfinder.discovery.models import Interview, InterviewNote, InterviewParticipant, InterviewTag
from pathfinder.discovery.presenters import interviews as presenters
from pathfinder.discovery.presenters import phase_one as phase_one_presenters
from pathfinder.discovery.services import interviews as services
from pathfinder.instruments import services as instrument_services
from pathfinder.programmes.models import Programme
from pathfinder.programmes.services import current_programme

CURRENT = "discovery"


def _page(request, service, programme=None, **context) -> dict:
    programme = programme or current_programme(service)
    return service_context(request, service, programme=programme, current=CURRENT, **context)


def _get_interview(request, pk, perm=Perm.VIEW_PROGRAMME) -> Interview:
    interviews = scoped(Interview, request.user).select_related("programme__service", "guide__instrument")
    return get_for(request, interviews, perm, pk=pk)


def _crumbs(programme):
    return [
        {"text": "Phase one", "href": reverse("discovery_overview", args=[programme.pk])},
        {"text": "Interviews", "href": reverse("interview_list", args=[programme.pk])},
    ]


def _guide_version(request, service, pk):
    version = instrument_services.versions_for(service, services.GUIDE_PURPOSE).filter(pk=pk).first()
    if version is None:
        raise Http404
    return version


# The guide -------------------------------------------------------------------------


@require_safe
def guide(request, slug):
    service = get_for(request, Service, Perm.VIEW_PROGRAMME, slug=slug)
    guides = services.guides_for(service)
    chosen = guides[0] if guides else None
    if "version" in request.GET:
        chosen = _guide_version(request, service, request.GET["version"])
    context = _page(
        request,
        service,
        guides=guides,
        version=chosen,
        definition=chosen.parsed if chosen else None,
        can_adapt=can(request.user, Perm.MANAGE_PROGRAMME, service),
    )
    return render(request, "discovery/interviews/guide.html", context)


@require_http_methods(["GET", "POST"])
def guide_adapt(request, slug, pk):
    service = get_for(request, Service, Perm.MANAGE_PROGRAMME, slug=slug)
    version = _guide_version(request, service, pk)
    form = GuideAdaptForm(request.POST or None, definition=version.parsed)
    if request.method == "POST" and form.is_valid():
        try:
            adapted = instrument_services.adapt(
                version, service=service, notes=form.cleaned_data["notes"], by=request.user, **form.changes()
            )
        except instrument_services.CannotAdapt as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(
                request, f"Saved as {adapted}. Interviews already recorded keep the version they were held with."
            )
            return redirect(reverse("interview_guide", args=[service.slug]) + f"?version={adapted.pk}")
    context = _page(
        request,
        service,
        version=version,
        form=form,
        breadcrumbs=[{"text": "Interview guide", "href": reverse("interview_guide", args=[service.slug])}],
    )
    return render(request, "discovery/interviews/guide_adapt.html", context)


@require_safe
def guide_pdf(request, slug, pk):
    service = get_for(request, Service, Perm.VIEW_PROGRAMME, slug=slug)
    version = _guide_version(request, service, pk)
    document = presenters.guide_document(service=service, version=version, today=timezone.localdate())
    return documents.deliver(
        request,
        service=service,
        target=version,
        what="interview guide",
        fmt="pdf",
        filename=f"{service.slug}-interview-guide-v{version.version}",
        perm=Perm.VIEW_PROGRAMME,
        document=document,
    )


# Interviews ---------------------------------------------------------------------------


@require_safe
def interview_list(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    interviews = list(
        scoped(Interview, request.user)
        .filter(programme=programme)
        .annotate(participant_count=Count("participants", distinct=True), tag_count=Count("tags", distinct=True))
        .order_by("-held_on", "-id")
    )
    context = _page(
        request,
        programme.service,
        programme,
        interviews=interviews,
        counts=presenters.interview_counts(interviews),
        can_record=can(request.user, Perm.RECORD_FINDINGS, programme),
        breadcrumbs=_crumbs(programme)[:1],
    )
    return render(request, "discovery/interviews/list.html", context)


@require_http_methods(["GET", "POST"])
def interview_new(request, pk):
    programme = get_for(request, Programme, Perm.RECORD_FINDINGS, pk=pk)
    guides = services.guides_for(programme.service)
    form = InterviewForm(request.POST or None, guides=guides, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        interview = services.create_interview(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "The interview is set up. Before writing any notes, ask for consent and record it.")
        return redirect("interview_consent", interview.pk)
    context = _page(request, programme.service, programme, form=form, breadcrumbs=_crumbs(programme))
    return render(request, "discovery/interviews/new.html", context)


@require_safe
def interview(request, pk):
    # What individuals said stays with the people who hold the interviews: in a
    # small team a role and a length of service can be enough to tell who it was.
    interview = _get_interview(request, pk, Perm.RECORD_FINDINGS)
    return interview_page(request, interview)


@require_http_methods(["GET", "POST"])
def interview_consent(request, pk):
    interview = _get_interview(request, pk, Perm.RECORD_FINDINGS)
    initial = {"version": interview.version}
    if interview.has_consent:
        initial |= {"take_part": True, "may_record": "yes" if interview.may_record else "no"}
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_consent(
                interview,
                may_record=form.cleaned_data["may_record"],
                version=form.cleaned_data["version"],
                by=request.user,
            )
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this interview while you had it open, so consent has not been recorded yet. "
                "Check the answers below and save again.",
            )
        else:
            messages.success(request, "Consent is recorded. You can now write the notes.")
            return redirect("interview_notes", interview.pk)
    context = _page(
        request,
        interview.programme.service,
        interview.programme,
        interview=interview,
        form=form,
        breadcrumbs=_crumbs(interview.programme),
    )
    return render(request, "discovery/interviews/consent.html", context)


@require_http_methods(["GET", "POST"])
def interview_withdraw(request, pk):
    interview = _get_interview(request, pk, Perm.RECORD_FINDINGS)
    back = reverse("interview", args=[interview.pk])
    if not interview.has_consent:
        messages.info(request, "There is no consent to withdraw for this interview.")
        return redirect(back)
    if not confirm.confirmed(request):
        kept = services.findings_kept_on_withdrawal(interview)
        happens = [
            "Every note from this interview is deleted, with everything tagged from the notes.",
            "Findings made from this interview are deleted from the programme's findings.",
            "The activity log records that consent was withdrawn, and by whom, but not what the notes said.",
        ]
        if kept:
            happens.append(
                f"{presenters.plural(len(kept), 'finding')} already answered by an action in the plan "
                f"{'stays' if len(kept) == 1 else 'stay'}: they hold no names. Change their words on the findings page if needed."
            )
        question = confirm.Confirmation(
            caption=str(interview),
            title="Withdraw consent and delete the notes?",
            happens=happens,
            cannot_undo="The notes are deleted for good. Nobody, including you, can bring them back.",
            button="Withdraw consent and delete the notes",
            back_href=back,
            back_text="Go back and keep the notes",
        )
        return confirm.page(request, question, _page(request, interview.programme.service, interview.programme))
    counts = services.withdraw_consent(interview, by=request.user)
    messages.success(
        request,
        f"Consent is withdrawn. {presenters.plural(counts['notes'], 'note')} and "
        f"{presenters.plural(counts['tags'], 'tagged point')} were deleted.",
    )
    return redirect(back)


@require_http_methods(["GET", "POST"])
def interview_notes(request, pk):
    interview = _get_interview(request, pk, Perm.RECORD_FINDINGS)
    definition = interview.guide.parsed
    context = _page(
        request,
        interview.programme.service,
        interview.programme,
        interview=interview,
        breadcrumbs=_crumbs(interview.programme),
    )
    if not interview.has_consent:
        if request.method == "POST":
            messages.error(request, services.WITHDRAWN if interview.consent_withdrawn_at else services.NOT_YET)
        return render(request, "discovery/interviews/notes_refused.html", context, status=200)
    notes = {note.area: note.text for note in scoped(InterviewNote, request.user).filter(interview=interview)}
    initial = {f"area_{key}": text for key, text in notes.items()} | {"version": interview.version}
    form = NotesForm(request.POST or None, initial=initial, definition=definition)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_notes(interview, texts=form.texts(), version=form.cleaned_data["version"], by=request.user)
        except services.NoConsent as refused:
            messages.error(request, str(refused))
            return redirect("interview", interview.pk)
        except StaleEdit as stale:
            notes_now = scoped(InterviewNote, request.user).filter(interview=interview)
            current = {f"area_{note.area}": note.text for note in notes_now}
            form = form.after_stale_save(
                stale.current.version,
                "Someone else saved this interview while you had it open, so your notes have not been saved yet.",
                current=current | {"version": stale.current.version},
                definition=definition,
            )
        else:
            messages.success(request, "The notes are saved.")
            return redirect("interview", interview.pk)
    context["form"] = form
    context["sections"] = definition.sections
    return render(request, "discovery/interviews/notes.html", context)


@require_POST
def interview_participant_add(request, pk):
    interview = _get_interview(request, pk, Perm.RECORD_FINDINGS)
    form = ParticipantForm(request.POST)
    if form.is_valid():
        services.add_participant(interview, **form.cleaned_data)
        messages.success(request, "The person is added.")
        return redirect(reverse("interview", args=[interview.pk]) + "#people")
    return _interview_with_forms(request, interview, participant_form=form)


@require_POST
def interview_tag_add(request, pk):
    interview = _get_interview(request, pk, Perm.RECORD_FINDINGS)
    form = TagForm(request.POST)
    if form.is_valid():
        try:
            data = {name: form.cleaned_data[name] for name in ("kind", "theme", "principles", "text")}
            services.add_tag(interview, by=request.user, **data)
        except services.NoConsent as refused:
            messages.error(request, str(refused))
            return redirect("interview", interview.pk)
        messages.success(request, "It is added to this interview's list.")
        return redirect(reverse("interview", args=[interview.pk]) + "#helps")
    return _interview_with_forms(request, interview, tag_form=form)


def _interview_with_forms(request, interview, **forms):
    """The interview page again, with a form that needs correcting."""
    return interview_page(request, interview, **forms)


def interview_page(request, interview, **forms):
    can_record = can(request.user, Perm.RECORD_FINDINGS, interview)
    definition = interview.guide.parsed
    notes = {note.area: note.text for note in scoped(InterviewNote, request.user).filter(interview=interview)}
    participant_form = (forms.get("participant_form") or ParticipantForm()) if can_record else None
    tag_form = (forms.get("tag_form") or TagForm()) if can_record and interview.has_consent else None
    context = _page(
        request,
        interview.programme.service,
        interview.programme,
        interview=interview,
        participants=list(scoped(InterviewParticipant, request.user).filter(interview=interview)),
        areas=[(section, notes.get(section.key, "")) for section in definition.sections],
        tags=list(scoped(InterviewTag, request.user).filter(interview=interview)),
        can_record=can_record,
        participant_form=participant_form,
        tag_form=tag_form,
        forms=[form for form in (participant_form, tag_form) if form is not None],
        breadcrumbs=_crumbs(interview.programme),
    )
    return render(request, "discovery/interviews/interview.html", context)


@require_POST
def interview_tag_finding(request, pk):
    tags = scoped(InterviewTag, request.user).select_related("interview__programme__service")
    tag = get_for(request, tags, Perm.RECORD_FINDINGS, pk=pk)
    try:
        _, made = services.make_finding(tag, by=request.user)
    except services.NoConsent as refused:
        messages.error(request, str(refused))
    else:
        if made:
            messages.success(request, "Added to the programme's findings, ready for the implementation plan.")
        else:
            messages.info(request, "This is already in the programme's findings, so it was not added twice.")
    return redirect(reverse("interview", args=[tag.interview_id]) + "#helps")


# Across interviews ----------------------------------------------------------------------


@require_safe
def summary(request, pk):
    programme = get_for(request, Programme, Perm.VIEW_PROGRAMME, pk=pk)
    counts, summaries = presenters.summary_data(programme, request.user)
    context = _page(
        request,
        programme.service,
        programme,
        counts=counts,
        summaries=summaries,
        can_export=can(request.user, Perm.EXPORT_DATA, programme),
        breadcrumbs=_crumbs(programme),
    )
    return render(request, "discovery/interviews/summary.html", context)


@require_safe
def summary_download(request, pk, fmt):
    """The phase one summary (interviews, documents, partners), as PDF or Word."""
    if fmt not in {"pdf", "docx"}:
        raise Http404
    programme = get_for(request, Programme, Perm.EXPORT_DATA, pk=pk)
    service = programme.service
    document = phase_one_presenters.summary_document(
        service=service, programme=programme, user=request.user, today=timezone.localdate()
    )
    return documents.deliver(
        request,
        service=service,
        target=programme,
        what="phase one summary",
        fmt=fmt,
        filename=f"{service.slug}-phase-one-summary",
        perm=Perm.EXPORT_DATA,
        document=document,
    )
