"""One confirmation page for steps that cannot be undone (closing ratings,
closing a round or an event, closing a survey). It works without JavaScript:

- GET shows the page: what will happen, what cannot be undone, one button;
- the button POSTs back to the same address with CONFIRM_FIELD and the
  values in `carry` (such as the version the person saw);
- a POST without CONFIRM_FIELD (an old page, a second tab, a script) is
  refused by showing the confirmation page again, so nothing irreversible
  happens on one click.

Use it in a view that accepts GET and POST::

    from pathfinder.core import confirm

    def close(request, pk):
        thing = get_for(request, Thing, Perm.MANAGE, pk=pk)
        question = confirm.Confirmation(
            title="Close the survey?",
            happens=["Nobody else can answer it.", "Results appear for everyone in the programme."],
            cannot_undo="A closed survey cannot be opened again.",
            button="Close the survey",
            back_href=reverse("survey", args=[thing.pk]),
            carry={"version": thing.version},
        )
        if not confirm.confirmed(request):
            return confirm.page(request, question, service_context(request, thing.service))
        services.close(thing, version=int(request.POST["version"]), by=request.user)
        ...

`carry` values from a refused POST win over the ones given, so a
confirmation of an out-of-date page is still refused as stale afterwards.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRM_FIELD = "confirmed"
CONFIRM_VALUE = "yes"


@dataclass(frozen=True)
class Confirmation:
    title: str  # a question: "Close ratings?"
    happens: Sequence[str]  # what will happen, one point each
    cannot_undo: str  # what cannot be undone, said plainly
    button: str  # what the button does: "Close ratings and agree scores"
    back_href: str  # where "go back" leads, changing nothing
    back_text: str = "Go back without changing anything"
    caption: str = ""  # the tool's name above the title
    carry: Mapping[str, object] = field(default_factory=dict)
    warning: bool = True  # the red button, for steps that take something away


def confirmed(request: HttpRequest) -> bool:
    """True only for a POST that came from the confirmation page's button."""
    return request.method == "POST" and request.POST.get(CONFIRM_FIELD) == CONFIRM_VALUE


def page(
    request: HttpRequest, confirmation: Confirmation, context: Mapping | None = None, *, action: str = ""
) -> HttpResponse:
    """The confirmation page. Its button posts to `action`, by default the
    address the page was shown at."""
    carry = {name: str(value) for name, value in confirmation.carry.items()}
    if request.method == "POST":
        carry |= {name: request.POST[name] for name in carry if name in request.POST}
    return render(
        request,
        "core/confirm.html",
        {
            **(context or {}),
            "confirmation": confirmation,
            "carry": carry,
            "action": action or request.path,
            "confirm_field": CONFIRM_FIELD,
            "confirm_value": CONFIRM_VALUE,
            "refused": request.method == "POST",
        },
    )
