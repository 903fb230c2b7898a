"""The answer page's question markup, rendered once per instrument version.

A question's HTML depends only on the instrument version (its wording, scale
and options), the language and the field's name; it is the same for every
respondent until they type something. So each blank question is rendered
through the design-system macros once and kept in this process. A question
that has something typed in it, or an error, is rendered afresh every time,
so what was typed and every message stay exactly as before. The key holds the
version's primary key and checksum, so a new version (or changed content) is
never served an old version's markup.
"""

from collections import OrderedDict
from threading import Lock

from django.template import engines
from django.utils.translation import get_language
from markupsafe import Markup

from pathfinder.core.forms_presenter import restored

# Enough for every question of a few dozen instrument versions; the oldest go first.
LIMIT = 4096
_cache: OrderedDict[tuple, Markup] = OrderedDict()
_lock = Lock()
enabled = True  # tests switch this off to compare with a fresh render


def _render(bound, item) -> Markup:
    module = engines["jinja2"].env.get_template("surveys/_question.html").module
    # Macros of an autoescaping environment return Markup already.
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
    with _lock:
        html = _cache.get(key)
        if html is not None:
            _cache.move_to_end(key)
            return html
    html = _render(bound, item)
    with _lock:
        _cache[key] = html
        while len(_cache) > LIMIT:
            _cache.popitem(last=False)
    return html


def clear() -> None:
    with _lock:
        _cache.clear()
