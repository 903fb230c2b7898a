"""Calendar feeds of a person's due dates. The settings page is the person's
own (no ids in the address); the feed is read by calendar apps, which cannot
sign in, so the secret in its address is the key."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from pathfinder.core import audit
from pathfinder.core.links import absolute_url
from pathfinder.planning import ical
from pathfinder.planning.services import calendar as services

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _feed_url(token: str) -> str:
    return absolute_url(reverse("plan_calendar_feed", args=[token]))


@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    new_url = None
    if request.method == "POST":
        if request.POST.get("do") == "new":
            new_url = _feed_url(services.new_feed(request.user))
        elif request.POST.get("do") == "revoke":
            services.revoke(request.user)
            messages.success(
                request, "Your calendar address has been switched off. Calendars using it will stop updating."
            )
            return redirect("plan_calendar")
    context = {
        "feed": services.active_feed(request.user),
        "new_url": new_url,
        "breadcrumbs": [{"text": "Your account", "href": reverse("account")}],
    }
    return render(request, "planning/calendar.html", context)


@login_not_required
@require_safe
def calendar_feed(request, token):
    user = services.feed_owner(token)
    if user is None:
        raise Http404
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0] or "pathfinder"
    events = services.feed_events(user, host)
    # Calendar apps read the feed every few minutes: record it once an hour.
    if cache.add(f"pathfinder:calendar-read:{user.pk}", True, 60 * 60):
        audit.record(audit.Kind.EXPORT, target=user, what="calendar feed", format="ics")
    body = ical.calendar("Pathfinder: my actions and meetings", events, stamp=timezone.now())
    response = HttpResponse(body, content_type=CALENDAR_TYPE)
    response["Content-Disposition"] = 'inline; filename="pathfinder-actions.ics"'
    response["Cache-Control"] = "no-store"
    return response
