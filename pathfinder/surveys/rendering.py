"""The answer page's question markup, rendered once per instrument version.

A question's HTML depends only on the instrument version (its wording, scale
and options), the language and the field's name; it is the same for every
respondent until they type something. So each blank question is rendered
through the design-system macros once and kept in this process. A question
that has something typed in it, or an error, is rendered afresh every time,
so what was typed and every message stay exactly as before. The key holds the
version's primary key and checksum, so a new version (or changed content) is
never served an old version's markup.

The whole page, as someone sees it before typing anything, is kept too
(`blank_page`): on these pages nobody is signed in and there are no messages
(core.middleware.SessionMiddleware gives them an empty session, never saved),
so it depends only on the survey, the language and the form's protection
token. The token is masked afresh for every page and so is put in each time;
the key holds everything else the page shows, so a changed title or a new
version is never served an old page.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.template import engines
from django.template.backends.utils import csrf_input
from django.utils.translation import get_language
from markupsafe import Markup

from pathfinder.core import field_markup
from pathfinder.core.forms_presenter import restored
from pathfinder.core.lru import Recent

# Enough for every question of a few dozen instrument versions; the oldest go first.
_cache = Recent(limit=4096)
enabled = True  # tests switch this off to compare with a fresh render


def _render(bound, item) -> Markup:
    module = engines["jinja2"].env.get_template("surveys/_question.html").module
    # Macros of an autoescaping environment return Markup already. A
    # respondent's choices are never kept as field markup (core/field_markup.py).
    with field_markup.not_kept():
        return module.code(bound) if item is None else module.question(bound, item)


def _blank(form, name: str) -> bool:
    return not form.is_bound or (name not in form.data and name not in form.errors)


def question(form, name: str, item) -> Markup:
    """One question's field (legend or label, hint, options, any error); with
    no item, the code field."""
    bound = form[name]
    if not enabled or not _blank(form, name) or restored.get() is not None:
        return _render(bound, item)
    key = (*form.version_key, get_language(), name, item.code if item is not None else None)
    html = _cache.get(key)
    if html is None:
        html = _render(bound, item)
        _cache.put(key, html)
    return html


# Whole blank pages: a few dozen open surveys at once at most.
_pages = Recent(limit=64)
# Stands for the form's protection token while the page is rendered once.
_TOKEN = "\x00pathfinder-csrf-input\x00"
_TOKEN_MARKUP = Markup("\x00pathfinder-csrf-input\x00")
ANSWER_PAGE = "surveys/answer.html"


def _page_key(survey, form) -> tuple:
    return (
        survey.pk,
        survey.link_token,
        survey.title,
        survey.distribution,
        tuple(survey.included_optional),
        survey.programme.service.name,
        *form.version_key,
        get_language(),
    )


def blank_page(request, context: dict) -> HttpResponse:
    """The answer page with nothing typed in it: kept whole, less the token.

    Rendered afresh (and not kept) whenever anything could make it differ:
    a bound form, someone signed in, or something kept to put back."""
    form = context["form"]
    if (
        not enabled
        or form.is_bound
        or request.user.is_authenticated
        or getattr(request, "kept_submission", None) is not None
        or restored.get() is not None
    ):
        return render(request, ANSWER_PAGE, context)
    key = _page_key(context["survey"], form)
    parts = _pages.get(key)
    if parts is None:
        template = engines["jinja2"].get_template(ANSWER_PAGE)
        full = {**context, "request": request}
        for processor in template.backend.template_context_processors:
            full.update(processor(request))
        full["csrf_input"] = _TOKEN_MARKUP
        html = template.template.render(full)
        before, token, after = html.partition(_TOKEN)
        if not token or _TOKEN in after:  # the page shows the token once, in the form
            return render(request, ANSWER_PAGE, context)
        parts = (before, after)
        _pages.put(key, parts)
    return HttpResponse(parts[0] + csrf_input(request) + parts[1])


def clear() -> None:
    _cache.clear()
    _pages.clear()
