"""Correcting or removing a note: for facilitators, when a note says something
it should not (such as a name). The activity log records the change, never
the words; a removed note leaves no words behind."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from pathfinder.core import confirm
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import get_for, scoped
from pathfinder.lens import presenters, services
from pathfinder.lens.forms import NOT_RECORDED, NoteForm
from pathfinder.lens.models import JourneyNote
from pathfinder.lens.views.access import event_page


def _get_note(request, pk) -> JourneyNote:
    notes = scoped(JourneyNote, request.user).select_related(
        "journey__vignette", "journey__group__event__programme__service", "stage"
    )
    return get_for(request, notes, Perm.RECORD_FINDINGS, pk=pk)


def _back(note) -> str:
    return reverse("lens_journey_stage", args=[note.journey_id, note.stage_id])


def _crumbs(note):
    return [
        {"text": "The map", "href": reverse("lens_live", args=[note.journey.group.event_id])},
        {"text": f"{note.journey.vignette.name}'s journey", "href": reverse("lens_journey", args=[note.journey_id])},
        {"text": note.stage.name, "href": _back(note)},
    ]


@require_http_methods(["GET", "POST"])
def note_edit(request, pk):
    note = _get_note(request, pk)
    event = note.journey.group.event
    initial = {
        "kind": note.kind,
        "text": note.text,
        "principles": note.principles,
        "participant_kind": note.participant_kind or NOT_RECORDED,
    }
    form = NoteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_note(note, by=request.user, **form.cleaned_data)
        except services.NotNow as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "The note is corrected. The change is recorded in the activity log.")
            return redirect(_back(note))
    context = event_page(
        request, event, note=note, view=presenters.note_view(note), form=form, breadcrumbs=_crumbs(note)
    )
    return render(request, "lens/note_edit.html", context)


@require_http_methods(["GET", "POST"])
def note_remove(request, pk):
    note = _get_note(request, pk)
    event = note.journey.group.event
    if not confirm.confirmed(request):
        question = confirm.Confirmation(
            caption=f"{note.journey.vignette.name}'s journey · {note.stage.name}",
            title="Remove this note?",
            happens=[
                f"The note “{presenters.short_text(note.text)}” is taken off the map, the report and any "
                "areas for improvement it was grouped into.",
                "The activity log records that a note was removed, and by whom, but not what it said.",
            ],
            cannot_undo="The note's words are deleted for good. Nobody, including you, can bring them back.",
            button="Remove the note",
            back_href=_back(note),
            back_text="Go back and keep the note",
        )
        return confirm.page(request, question, event_page(request, event, breadcrumbs=_crumbs(note)))
    back = _back(note)
    try:
        services.remove_note(note, by=request.user)
    except services.NotNow as problem:
        messages.info(request, str(problem))
    else:
        messages.success(request, "The note is removed.")
    return redirect(back)
