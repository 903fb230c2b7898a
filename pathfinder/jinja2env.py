"""The Jinja2 environment for every page.

Templates get `static`, `url`, the messages, the design-system field helpers
and a few formatting filters. Form fields render only through the NHS.UK
frontend macros (see core/jinja2/core/forms.jinja), fed by core.forms_presenter.
"""

from functools import lru_cache

from django.contrib.messages import get_messages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from jinja2 import ChainableUndefined, Environment

from pathfinder.core.field_markup import kept_field
from pathfinder.core.forms_presenter import error_list, field_params
from pathfinder.instruments.disclosure import is_hidden
from pathfinder.reports.cells import display_text


def url(name: str, *args, **kwargs) -> str:
    """The address of a named page. A list page asks for one per row, and
    Django works each out afresh (about 25 µs), so each is kept: an address
    depends only on the name, the arguments and the script prefix, none of
    which a page changes."""
    try:
        return _reversed(get_script_prefix(), get_urlconf(), name, args, tuple(sorted(kwargs.items())))
    except TypeError:  # an argument that cannot be a key (a list, say): no keeping
        return reverse(name, args=args or None, kwargs=kwargs or None)


@lru_cache(maxsize=8192)
def _reversed(prefix: str, urlconf, name: str, args: tuple, kwargs: tuple) -> str:
    return reverse(name, args=args or None, kwargs=dict(kwargs) or None)


def static_url(path: str) -> str:
    """A static file's address. Every page asks for a dozen, and production's
    manifest storage looks each up again (about 30 µs each), so each is kept
    until a setting it depends on changes (only tests change them)."""
    return _static(get_script_prefix(), path)


@lru_cache(maxsize=1024)
def _static(prefix: str, path: str) -> str:
    return static(path)


@receiver(setting_changed)
def _forget_static(*, setting, **kwargs) -> None:
    if setting in {"STATIC_URL", "STATIC_ROOT", "STORAGES", "DEBUG", "STATICFILES_DIRS"}:
        _static.cache_clear()


def format_date(value, style: str = "long") -> str:
    """12 March 2026 (long) or 12 Mar 2026 (short); empty for no date."""
    if not value:
        return ""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    if style == "short":
        return f"{value.day} {value:%b %Y}"
    return f"{value.day} {value:%B %Y}"


def format_datetime(value) -> str:
    if not value:
        return ""
    value = timezone.localtime(value)
    return f"{value.day} {value:%B %Y} at {value:%H:%M}"


def environment(**options) -> Environment:
    # The NHS.UK macros read optional nested parameters (params.hint.text), so
    # a missing key must stay quietly undefined all the way down.
    options["undefined"] = ChainableUndefined
    # Keep pages small for slow connections: drop the blank lines block tags leave.
    options.setdefault("trim_blocks", True)
    options.setdefault("lstrip_blocks", True)
    options.pop("autoescape", None)
    env = Environment(autoescape=True, **options)
    env.globals.update(
        {
            "static": static_url,
            "url": url,
            "get_messages": get_messages,
            "field_params": field_params,
            "error_list": error_list,
            "kept_field": kept_field,
        }
    )
    env.filters.update({"date": format_date, "datetime": format_datetime, "cell": display_text})
    env.tests["hidden"] = is_hidden  # a figure the disclosure gate withheld
    return env
