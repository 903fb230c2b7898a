"""People in a service: who belongs, in which role, and invitations."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from pathfinder.core import services
from pathfinder.core.concurrency import StaleEdit
from pathfinder.core.forms import AcceptInvitationForm, InvitationForm, MembershipForm
from pathfinder.core.models import Invitation, Membership, Service
from pathfinder.core.pages import service_context
from pathfinder.core.roles import ROLE_DESCRIPTIONS, Perm, Role
from pathfinder.core.scoping import get_for, scoped

PEOPLE_PAGE = 50


def _people_context(request, service, **context):
    members = scoped(Membership, request.user).filter(service=service).active().select_related("user")
    page = Paginator(members, PEOPLE_PAGE).get_page(request.GET.get("page"))
    invitations = [
        invitation
        for invitation in scoped(Invitation, request.user).filter(service=service, accepted_at=None, withdrawn_at=None)
        if invitation.is_open
    ]
    return service_context(
        request,
        service,
        current="people",
        page=page,
        invitations=invitations,
        role_descriptions=[(Role(role).label, text) for role, text in ROLE_DESCRIPTIONS.items()],
        **context,
    )


@require_http_methods(["GET", "POST"])
def people(request, slug):
    service = get_for(request, Service, Perm.MANAGE_MEMBERS, slug=slug)
    # Other pages link here with a role chosen, such as a partner's page (?role=partner).
    role = request.GET.get("role", "")
    form = InvitationForm(request.POST or None, initial={"role": role} if role in Role.values else None)
    if request.method == "POST" and form.is_valid():
        services.invite(
            service=service, email=form.cleaned_data["email"], role=form.cleaned_data["role"], by=request.user
        )
        messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
        return redirect("people", service.slug)
    return render(request, "core/people.html", _people_context(request, service, form=form))


@require_http_methods(["GET", "POST"])
def membership_edit(request, slug, pk):
    service = get_for(request, Service, Perm.MANAGE_MEMBERS, slug=slug)
    membership = get_for(
        request,
        scoped(Membership, request.user).filter(service=service).active().select_related("user"),
        Perm.MANAGE_MEMBERS,
        pk=pk,
    )
    form = MembershipForm(request.POST or None, initial={"role": membership.role, "version": membership.version})
    if request.method == "POST" and form.is_valid():
        try:
            if "end" in request.POST:
                services.end_membership(membership, version=form.cleaned_data["version"], by=request.user)
                messages.success(request, f"{membership.user} no longer has access to {service.name}.")
            else:
                services.change_role(
                    membership, role=form.cleaned_data["role"], version=form.cleaned_data["version"], by=request.user
                )
                messages.success(request, f"{membership.user} is now {membership.get_role_display().lower()}.")
            return redirect("people", service.slug)
        except StaleEdit as stale:
            form = form.after_stale_save(
                stale.current.version,
                "Someone else changed this while you had it open. Their change: "
                f"{stale.current.get_role_display()}{'' if stale.current.is_active else ', membership ended'}. "
                "Nothing of yours was saved; check the role below and save again if you still want it.",
                current={"role": stale.current.role, "version": stale.current.version},
            )
        except services.CannotChange as problem:
            form.add_error("role", str(problem))
    return render(
        request,
        "core/membership_edit.html",
        service_context(request, service, current="people", membership=membership, form=form),
    )


@require_POST
def invitation_withdraw(request, slug, pk):
    service = get_for(request, Service, Perm.MANAGE_MEMBERS, slug=slug)
    invitation = get_for(request, scoped(Invitation, request.user).filter(service=service), Perm.MANAGE_MEMBERS, pk=pk)
    services.withdraw_invitation(invitation, by=request.user)
    messages.success(request, f"The invitation to {invitation.email} has been withdrawn.")
    return redirect("people", service.slug)


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    """Anyone with the link may open it; it only works for an open invitation."""
    invitation = services.find_open_invitation(token)
    if invitation is None:
        return render(request, "core/invitation_invalid.html", status=404)
    existing = services.account_for_email(invitation.email)

    if existing is not None:
        # Someone who already has an account accepts while signed in as themselves.
        if request.user.is_authenticated and request.user.pk == existing.pk:
            if request.method == "POST":
                return _accepted(request, invitation, existing)
            return render(request, "core/invitation_accept_existing.html", {"invitation": invitation})
        return render(request, "core/invitation_sign_in.html", {"invitation": invitation, "next": request.path})

    if request.user.is_authenticated:
        return render(request, "core/invitation_other_account.html", {"invitation": invitation})

    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        user = services.create_account(
            email=invitation.email, password=form.cleaned_data["password1"], full_name=form.cleaned_data["full_name"]
        )
        login(request, user, backend="allauth.account.auth_backends.AuthenticationBackend")
        return _accepted(request, invitation, user)
    return render(request, "core/invitation_accept.html", {"invitation": invitation, "form": form})


def _accepted(request, invitation, user):
    try:
        services.accept_invitation(invitation, user=user)
    except services.CannotChange:
        return render(request, "core/invitation_invalid.html", status=404)
    messages.success(request, f"Welcome to {invitation.service.name}.")
    return redirect("service_home", invitation.service.slug)
