"""A named rater answers on their own, one section at a time, and can come back later."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from pathfinder.assessments import services
from pathfinder.assessments.forms import RatingForm
from pathfinder.assessments.models import AssessmentRound, Rater
from pathfinder.assessments.views.access import get_round, my_rater_row, section_or_404
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.pages import service_context

OPEN = AssessmentRound.Status.OPEN


def _context(request, round_, **extra):
    return service_context(
        request,
        round_.programme.service,
        programme=round_.programme,
        current="assessment",
        round=round_,
        breadcrumbs=[{"text": round_.title, "href": reverse("assessment_round", args=[round_.pk])}],
        **extra,
    )


@require_http_methods(["GET", "POST"])
def rate(request, pk, section):
    round_ = get_round(request, pk)
    rater = my_rater_row(request, round_)
    definition = round_.instrument_version.parsed
    position, current = section_or_404(definition, section)
    if round_.status != OPEN:
        messages.info(request, "This round is no longer taking ratings. Your answers are kept as they were.")
        return redirect("assessment_round", round_.pk)
    mine = {rating.item_code: rating for rating in rater.ratings.all()}
    initial = RatingForm.initial_from(current, mine) | {"version": rater.version}
    form = RatingForm(request.POST or None, initial=initial, definition=definition, section=current)
    if request.method == "POST" and form.is_valid():
        following = definition.sections[position + 1] if position + 1 < len(definition.sections) else None
        # Where "Carry on rating" brings them back to: this theme if they stop
        # here, otherwise the next one (or the check page after the last).
        resume_at = current.key if "later" in request.POST else (following.key if following else Rater.CHECK)
        try:
            services.save_answers(rater, form.answers(), version=form.cleaned_data["version"], resume_at=resume_at)
        except StaleEdit:
            rater.refresh_from_db(fields=["version"])
            form = form.after_stale_save(
                rater.version,
                "You saved answers from another window or device after opening this page. "
                "To avoid overwriting them, nothing here was saved yet: check the answers below and save again.",
                definition=definition,
                section=current,
            )
        except services.NotNow:
            messages.info(
                request, "This round stopped taking ratings while you were answering, so these answers were not saved."
            )
            return redirect("assessment_round", round_.pk)
        else:
            if "later" in request.POST:
                messages.success(
                    request,
                    "Your answers are saved. You can come back and carry on at any time while the round is open.",
                )
                return redirect("assessment_round", round_.pk)
            if following is None:
                return redirect("assessment_check", round_.pk)
            return redirect("assessment_rate", round_.pk, following.key)
    return render(
        request,
        "assessments/rate.html",
        _context(
            request,
            round_,
            form=form,
            definition=definition,
            section=current,
            position=position + 1,
            sections=len(definition.sections),
            scale=next(iter(definition.scales.values())),
        ),
    )


@require_http_methods(["GET", "POST"])
def check(request, pk):
    round_ = get_round(request, pk)
    rater = my_rater_row(request, round_)
    definition = round_.instrument_version.parsed
    mine = {rating.item_code: rating for rating in rater.ratings.all()}
    rows = [
        (
            section,
            sum(1 for item in section.items if item.code in mine),
            len(section.items),
        )
        for section in definition.sections
    ]
    if request.method == "POST":
        try:
            services.save_answers(rater, {}, version=int(request.POST.get("version", "0")), submit=True)
        except (StaleEdit, ValueError):
            messages.info(
                request,
                "Your answers changed in another window after you opened this page. Please check them and submit again.",
            )
            return redirect("assessment_check", round_.pk)
        except services.NotNow:
            messages.info(request, "This round is no longer taking ratings. Your answers are kept as they were.")
            return redirect("assessment_round", round_.pk)
        messages.success(
            request, "Thank you. Your answers are submitted. You can still change them until the lead closes ratings."
        )
        return redirect("assessment_round", round_.pk)
    return render(
        request,
        "assessments/check.html",
        _context(request, round_, rows=rows, rater=rater, total=sum(r[1] for r in rows), items=sum(r[2] for r in rows)),
    )
