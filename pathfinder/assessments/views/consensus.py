"""The consensus session: the lead sees how people rated each item and records
the score the group agrees, with its reasoning."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from pathfinder.assessments import presenters, services
from pathfinder.assessments.forms import AgreeForm
from pathfinder.assessments.models import AgreedScore, AssessmentRound, Rating
from pathfinder.assessments.views.access import get_round, section_or_404
from pathfinder.core.pages import service_context
from pathfinder.core.roles import Perm
from pathfinder.core.scoping import scoped


@require_http_methods(["GET", "POST"])
def agree(request, pk, section):
    round_ = get_round(request, pk, Perm.RUN_ASSESSMENTS)
    definition = round_.instrument_version.parsed
    position, current = section_or_404(definition, section)
    if round_.status != AssessmentRound.Status.CONSENSUS:
        messages.info(request, "Scores can be agreed once ratings are closed, and until the round is closed.")
        return redirect("assessment_round", round_.pk)
    codes = [item.code for item in current.items]
    agreed = {
        score.item_code: score for score in scoped(AgreedScore, request.user).filter(round=round_, item_code__in=codes)
    }
    ratings = (
        scoped(Rating, request.user).filter(rater__round=round_, item_code__in=codes).select_related("rater__user")
    )
    form = AgreeForm(
        request.POST or None, initial=AgreeForm.initial_from(current, agreed), definition=definition, section=current
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agree_scores(round_, form.decisions(), by=request.user)
        except services.StaleScores as stale:
            changed = ", ".join(
                f"“{definition.item(code).text[:60]}…” is now {definition.scale_for(definition.item(code)).label_for(score.value)}"
                for code, score in stale.current.items()
            )
            form.add_error(
                None,
                "Someone else agreed scores for this section after you opened the page, so nothing was saved. "
                + (f"Their changes: {changed}. " if changed else "")
                + "Your choices are still below; reload the page to see theirs, then save again.",
            )
        except services.NotNow as problem:
            messages.info(request, str(problem))
            return redirect("assessment_round", round_.pk)
        else:
            following = definition.sections[position + 1] if position + 1 < len(definition.sections) else None
            messages.success(request, f"Agreed scores for “{current.title}” are saved.")
            if "stay" in request.POST:
                return redirect("assessment_agree", round_.pk, current.key)
            if following is None:
                return redirect("assessment_round", round_.pk)
            return redirect("assessment_agree", round_.pk, following.key)
    rows = presenters.spreads(definition, current, ratings, agreed, request.user.pk)
    fields = {code: index for index, code in form.codes.items()}
    context = service_context(
        request,
        round_.programme.service,
        programme=round_.programme,
        current="assessment",
        round=round_,
        form=form,
        rows=[(row, fields[row.item.code]) for row in rows],
        section=current,
        position=position + 1,
        sections=definition.sections,
        spread_from=presenters.SPREAD_FROM,
        breadcrumbs=[{"text": round_.title, "href": reverse("assessment_round", args=[round_.pk])}],
    )
    return render(request, "assessments/agree.html", context)
