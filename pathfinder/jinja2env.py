"""The Jinja2 environment for every page.

Templates get `static`, `url`, the messages, the design-system field helpers
and a few formatting filters. Form fields render only through the NHS.UK
frontend macros (see core/jinja2/core/forms.jinja), fed by core.forms_presenter.
"""

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from jinja2 import ChainableUndefined, Environment

from pathfinder.core.choice_markup import choice_markup
from pathfinder.core.forms_presenter import error_list, field_params
from pathfinder.instruments.disclosure import is_hidden
from pathfinder.reports.cells import display_text


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


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
            "static": static,
            "url": url,
            "get_messages": get_messages,
            "field_params": field_params,
            "error_list": error_list,
            "choice_markup": choice_markup,
        }
    )
    env.filters.update({"date": format_date, "datetime": format_datetime, "cell": display_text})
    env.tests["hidden"] = is_hidden  # a figure the disclosure gate withheld
    return env
