"""Setting up and signing in, for people who hold a profile: a username and
passphrase (no e-mail needed) and, if they chose one, a second step."""

from allauth.account.internal.flows.login import record_authentication
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from pathfinder.core import audit
from pathfinder.core.services import hash_token
from pathfinder.thisisme import people
from pathfinder.thisisme.forms import SecondStepForm, SetUpForm, SignInForm

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
PENDING = "thisisme_pending_person"
TRIES, WINDOW = 5, 15 * 60
NOT_RECOGNISED = (
    "We could not sign you in with that username and passphrase. Check them and try again. "
    "If you have forgotten either, your key worker can help you set up again."
)
TOO_MANY = (
    "There have been several tries to sign in with this username, so we have paused it for 15 minutes "
    "to keep your profile safe. Please try again later, or ask your key worker for help."
)


def _tries_key(username: str) -> str:
    # Hashed: a username can hold anything a form field can (spaces, quotes,
    # control characters), which a cache key must not; and it is never kept as typed.
    return f"thisisme-sign-in:{hash_token(username.strip().lower())}"


def _sign_in(request, profile):
    if request.user.is_authenticated:
        logout(request)
    login(request, profile.person, backend=BACKEND)
    # So allauth lets them set up a second step straight after signing in.
    record_authentication(request, profile.person, method="password")
    if profile.removal_due_on:
        messages.info(request, people.KEPT_NOTICE.format(day=f"{profile.removal_due_on:%d %B %Y}".lstrip("0")))
    people.touch(profile)
    return redirect("thisisme_home")


@login_not_required
@require_http_methods(["GET", "POST"])
def set_up(request):
    form = SetUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        profile = people.complete_setup(
            form.profile, username=form.cleaned_data["username"], passphrase=form.cleaned_data["passphrase"]
        )
        messages.success(request, "You are all set up. Your username is " + profile.username + ".")
        return _sign_in(request, profile)
    return render(request, "thisisme/set_up.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def sign_in(request):
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = _tries_key(form.cleaned_data["username"])
        if cache.get(key, 0) >= TRIES:
            form.add_error(None, TOO_MANY)
        else:
            profile = people.check_sign_in(form.cleaned_data["username"], form.cleaned_data["passphrase"])
            if profile is None:
                cache.set(key, cache.get(key, 0) + 1, WINDOW)
                audit.record(audit.Kind.SIGN_IN_FAILED, kind_of_account="person")
                form.add_error(None, NOT_RECOGNISED)
            else:
                cache.delete(key)
                if people.has_second_step(profile):
                    request.session[PENDING] = profile.pk
                    return redirect("thisisme_second_step")
                return _sign_in(request, profile)
    return render(request, "thisisme/sign_in.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def second_step(request):
    profile = people.pending(request.session.get(PENDING))
    if profile is None:
        return redirect("thisisme_sign_in")
    form = SecondStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if people.second_step_ok(profile, form.cleaned_data["code"]):
            del request.session[PENDING]
            return _sign_in(request, profile)
        audit.record(audit.Kind.MFA_FAILED, target=profile.person, type="totp")
        form.add_error("code", "That code was not accepted. Codes change every 30 seconds: try the one showing now.")
    return render(request, "thisisme/second_step.html", {"form": form})
