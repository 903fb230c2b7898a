"""Answering a survey. No sign-in, no session, no cookies but the form's own
protection; nothing is stored until the answers are sent.

Someone who happens to be signed in leaves no trace either: these pages do not
load or save the session (core.middleware.SessionMiddleware) and are not
written to the request log (see docs/privacy.md)."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.surveys import rendering, services
from pathfinder.surveys.forms import AnswerForm
from pathfinder.surveys.models import Survey

DONE_COOKIE = "pf_survey_done_{}"
CLOSED_PROBLEM = "This survey has closed, so answers can no longer be sent. What you typed is still below if you want to keep a note of it."
NOTHING_ANSWERED = (
    "You have not answered any of the questions. You can answer some now, or, if you would rather not take part, "
    "choose “Send without answers”: nothing about you is stored and you will not be reminded."
)
CODE_PROBLEM = (
    "That code does not work. Check it and try again, or ask the person who gave it to you for a new one. "
    "If you have just sent your answers, they have been received."
)


def _survey_for_token(token: str) -> Survey:
    survey = services.survey_by_link(token)
    if survey is None:
        raise Http404
    return survey


@login_not_required
@require_http_methods(["GET", "POST"])
def answer(request, token):
    survey = _survey_for_token(token)
    definition = survey.instrument_version.parsed
    context = {"survey": survey, "definition": definition, "question": rendering.question}
    if not survey.is_open() and request.method == "GET":
        return render(request, "surveys/not_open.html", context)
    done = request.get_signed_cookie(DONE_COOKIE.format(survey.pk), default=None, salt="survey")
    if survey.distribution == Survey.Distribution.LINK and done:
        return render(request, "surveys/already.html", context)
    # A POST is always a bound form, even an empty one (an empty form is "nothing answered").
    form = AnswerForm(request.POST if request.method == "POST" else None, survey=survey, definition=definition)
    # "Send without answers" counts only if, indeed, nothing was typed.
    declining = request.method == "POST" and request.POST.get("nothing") == "1" and not form.answers_typed()
    if request.method == "POST" and not survey.is_open():
        # Keep what was typed on screen, so nothing is lost, but store nothing.
        form.is_valid()
        form.add_error(None, CLOSED_PROBLEM)
    elif request.method == "POST" and (form.is_valid() or declining):
        answers = form.answers() if not declining else {}
        if not answers and not declining:
            # Nothing answered: say so, and let the person choose (nothing is stored either way).
            form.add_error(None, NOTHING_ANSWERED)
            context["nothing_answered"] = True
        elif "code" in form.errors:
            pass  # the code itself is missing or too long: the form says so
        else:
            try:
                services.submit(survey, services.Submission(answers=answers, code=form.cleaned_data.get("code", "")))
            except services.CodeNotAccepted:
                form.add_error("code", CODE_PROBLEM)
            except services.SurveyNotOpen:
                form.add_error(None, CLOSED_PROBLEM)
            else:
                return _sent(request, survey)
    elif request.method == "POST" and not form.answers_typed():
        # Required questions are unanswered and nothing else is: offer the choice not to take part.
        form.add_error(None, NOTHING_ANSWERED)
        context["nothing_answered"] = True
    if request.method == "GET":
        return rendering.blank_page(request, context | {"form": form})
    return render(request, rendering.ANSWER_PAGE, context | {"form": form})


def _sent(request, survey):
    response = redirect("survey_thanks", survey.link_token)
    if survey.distribution == Survey.Distribution.LINK:
        response.set_signed_cookie(
            DONE_COOKIE.format(survey.pk),
            "1",
            salt="survey",
            max_age=60 * 60 * 24 * 180,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


@login_not_required
@require_safe
def thanks(request, token):
    survey = _survey_for_token(token)
    return render(request, "surveys/thanks.html", {"survey": survey})
