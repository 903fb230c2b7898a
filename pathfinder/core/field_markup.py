"""Form fields' markup, rendered once for each exact set of parameters.

Fields are the dearest part of most pages to render through the NHS.UK
frontend macros (a label, a hint and their attributes, for every option of a
choice), and the same field comes back on request after request: a list's
a form to add a finding, a role picker, an empty box to invite someone. The macros are plain
functions of their parameters (core/jinja2/core/forms.jinja passes them
nothing else), so the HTML for one exact set of parameters is always the
same. This keeps it, in this process, keyed by the whole of those parameters:
any difference at all (an option's wording, which one is chosen, a hint, a
kept value put back) is a different key and a fresh render.

Kept: blank fields only: radios, checkboxes and selects with nothing chosen,
and text boxes and text areas with nothing in them. Never kept: a field with
an error, a choice made or anything typed, so nothing anyone chose or typed
is held here.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from markupsafe import Markup

from pathfinder.core.lru import Recent

CHOICES = frozenset({"radios", "checkboxes", "select"})
TEXT = frozenset({"input", "textarea"})
# Each entry is a few kilobytes; the oldest go first.
_cache = Recent(limit=1024)
enabled = True  # tests switch this off to compare with a fresh render
_not_kept: ContextVar[bool] = ContextVar("field_markup_not_kept", default=False)


@contextmanager
def not_kept():
    """Nothing rendered inside is kept: the survey answer page keeps its own
    blank questions (surveys/rendering.py), and what a respondent chose must
    never be held anywhere, not even in memory."""
    token = _not_kept.set(True)
    try:
        yield
    finally:
        _not_kept.reset(token)


class _Unkeyable(Exception):
    pass


def _key(value):
    """A hashable copy of the parameters that tells apart everything the
    macros could: the type of each text (Markup is not escaped again, str is),
    each number and yes/no, and the order of every list."""
    if isinstance(value, dict):
        return ("dict", tuple(sorted((str(name), _key(item)) for name, item in value.items())))
    if isinstance(value, (list, tuple)):
        return ("list", tuple(_key(item) for item in value))
    if value is None or type(value) in (bool, int, float):
        return (type(value).__name__, value)
    if isinstance(value, str):
        return (type(value).__name__, str(value))
    raise _Unkeyable  # anything else (a lazy translation, an object) is rendered afresh


def keepable(params: dict) -> bool:
    """Only blank fields: no error, nothing chosen, nothing typed. What one
    person chose or typed is never held, even in memory."""
    if "errorMessage" in params:
        return False
    component = params.get("component", "input")
    if component in CHOICES:
        return not any(item.get("checked") or item.get("selected") for item in params.get("items") or ())
    return component in TEXT and params.get("value") in (None, "")


def kept_field(params: dict, render) -> Markup:
    """The field's HTML: `render(params)` the first time, then the kept copy."""
    if not enabled or _not_kept.get() or not keepable(params):
        return render(params)
    try:
        key = _key(params)
    except _Unkeyable:
        return render(params)
    html = _cache.get(key)
    if html is None:
        html = render(params)  # a macro of an autoescaping environment returns Markup
        _cache.put(key, html)
    return html


def clear() -> None:
    _cache.clear()
