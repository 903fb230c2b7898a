"""A professional reading what a person shared with them. Without an active
grant or emergency access, the profile does not exist for them: 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from pathfinder.reports.exports import pdf_response
from pathfinder.thisisme import access, export, people, reading
from pathfinder.thisisme import sections as section_data


@require_safe
def shared_list(request):
    return render(request, "thisisme/shared_list.html", {"shared": reading.shared_with(request.user)})


def _access(request, ref):
    found = reading.access_for(request.user, ref)
    if found is None:
        raise Http404
    return found


@require_safe
def shared_profile(request, ref):
    found = _access(request, ref)
    if access.needs_two_step(request.user):
        messages.info(request, "To read a person's profile, please set up two-step verification first.")
        return redirect("mfa_activate_totp")
    reading.record(found, request.user, "view")
    texts = people.sections_of(found.profile)
    parts = [(section_data.BY_KEY[key], texts[key].text) for key in found.sections]
    return render(request, "thisisme/shared_profile.html", {"access": found, "parts": parts})


@require_safe
def shared_pdf(request, ref):
    found = _access(request, ref)
    if access.needs_two_step(request.user):
        return redirect("mfa_activate_totp")
    reading.record(found, request.user, "print")
    document = export.profile_document(found.profile, keys=found.sections, shared_until=found.ends_at)
    return pdf_response(document, "this-is-me-shared")
