"""The person's own pages. Every view works on the signed-in person's own
profile only: there are no profile ids in these addresses."""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth import logout
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import audit, confirm
from pathfinder.core.concurrency import StaleEdit
from pathfinder.reports.exports import pdf_response, safe_filename
from pathfinder.thisisme import emergency, export, grants, people, reading
from pathfinder.thisisme import sections as section_data
from pathfinder.thisisme.forms import GrantForm, SectionForm
from pathfinder.thisisme.presenters import log_rows, section_views

CHANGED_ELSEWHERE = (
    "This part was changed in another window or on another device after you opened it, so your "
    "changes have not been saved yet. Your words are still in the box: save again to keep them."
)


def person_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        profile = people.profile_of(request.user)
        if profile is None:
            raise Http404
        return view(request, profile, *args, **kwargs)

    return wrapper


def _crumbs(*extra):
    return [{"text": "This is me", "href": reverse("thisisme_home")}, *extra]


@require_safe
@person_only
def home(request, profile):
    if profile.removal_due_on:
        messages.info(request, people.KEPT_NOTICE.format(day=f"{profile.removal_due_on:%d %B %Y}".lstrip("0")))
    people.touch(profile)
    context = {
        "profile": profile,
        "sections": section_views(profile),
        "shared": [row for row in profile.grants.all() if row.is_active],
        "second_step": people.has_second_step(profile),
    }
    return render(request, "thisisme/home.html", context)


@require_http_methods(["GET", "POST"])
@person_only
def section_edit(request, profile, key):
    section = section_data.BY_KEY.get(key)
    if section is None:
        raise Http404
    row = profile.sections.get(key=key)
    form = SectionForm(request.POST or None, initial={"text": row.text, "version": row.version}, section=section)
    if request.method == "POST" and form.is_valid():
        try:
            people.save_section(profile, key, form.cleaned_data["text"], form.cleaned_data["version"])
        except StaleEdit as stale:
            form = form.after_stale_save(stale.current.version, CHANGED_ELSEWHERE, section=section)
        else:
            messages.success(request, f"Saved “{section.title}”.")
            following = section_data.KEYS.index(key) + 1
            if "next" in request.POST and following < len(section_data.KEYS):
                return redirect("thisisme_section", section_data.KEYS[following])
            return redirect(reverse("thisisme_home") + f"#{key}")
    following = section_data.KEYS.index(key) + 1
    context = {
        "form": form,
        "section": section,
        "has_next": following < len(section_data.KEYS),
        "breadcrumbs": _crumbs(),
    }
    return render(request, "thisisme/section_edit.html", context)


@require_safe
@person_only
def sharing(request, profile):
    rows = list(profile.grants.select_related("grantee_user", "grantee_team", "grantee_service"))
    context = {
        "active": [row for row in rows if row.is_active],
        "ended": [row for row in rows if not row.is_active],
        "breadcrumbs": _crumbs(),
    }
    return render(request, "thisisme/sharing.html", context)


@require_http_methods(["GET", "POST"])
@person_only
def share(request, profile):
    form = GrantForm(request.POST or None, profile=profile)
    if request.method == "POST" and form.is_valid():
        try:
            row = grants.grant(profile, **form.grant_kwargs())
        except grants.GrantProblem as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(
                request,
                f"You are now sharing {len(row.sections)} {'part' if len(row.sections) == 1 else 'parts'} "
                f"with {row.grantee_label}. You can stop at any time on this page.",
            )
            return redirect("thisisme_sharing")
    context = {"form": form, "breadcrumbs": _crumbs({"text": "Sharing", "href": reverse("thisisme_sharing")})}
    return render(request, "thisisme/share.html", context)


@require_POST
@person_only
def withdraw(request, profile, ref):
    row = grants.withdraw(profile, ref)
    if row is None:
        raise Http404
    messages.success(request, f"You have stopped sharing with {row.grantee_label}. It took effect straight away.")
    return redirect("thisisme_sharing")


@require_safe
@person_only
def access_log(request, profile):
    context = {
        "rows": log_rows(reading.log_for(profile)),
        "emergencies": emergency.uses_for_person(profile),
        "breadcrumbs": _crumbs(),
    }
    return render(request, "thisisme/access_log.html", context)


@require_safe
@person_only
def download_pdf(request, profile):
    audit.record(
        audit.Kind.EXPORT,
        actor=request.user,
        service=profile.service,
        target=profile,
        what="Own 'This is me' profile",
        format="pdf",
    )
    return pdf_response(export.profile_document(profile), "this-is-me")


@require_safe
@person_only
def download_json(request, profile):
    audit.record(
        audit.Kind.EXPORT,
        actor=request.user,
        service=profile.service,
        target=profile,
        what="Everything held in 'This is me'",
        format="json",
    )
    content = json.dumps(export.subject_access(profile), indent=2, ensure_ascii=False).encode("utf-8")
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{safe_filename("this-is-me-everything", ".json")}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@person_only
def erase(request, profile):
    question = confirm.Confirmation(
        title="Delete your profile?",
        happens=[
            "Everything you wrote is deleted, and all sharing stops at once.",
            "Your account is closed: your username and passphrase stop working.",
            "We keep the record of who looked at your profile and when (never your words), "
            "because the law asks services to be able to show who looked at someone's information.",
        ],
        cannot_undo="Your words cannot be brought back. You may like to download a copy first.",
        button="Delete my profile",
        back_href=reverse("thisisme_home"),
        caption="This is me",
    )
    if not confirm.confirmed(request):
        return confirm.page(request, question)
    people.erase(profile, by=request.user, why="asked")
    logout(request)
    messages.success(request, "Your profile has been deleted and your account closed. Thank you for using it.")
    return redirect("thisisme_sign_in")
