"""Site administration: organisations, services, inviting people, disabling
accounts. Only for site administrators; everyone else gets 403."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from pathfinder.core import services
from pathfinder.core.forms import InvitationForm, OrganisationForm, ServiceForm
from pathfinder.core.models import Invitation, Organisation, Service
from pathfinder.core.scoping import site_admin_queryset

BREADCRUMBS = [{"text": "Site administration", "href": "/site-admin/"}]


@require_safe
def overview(request):
    organisations = site_admin_queryset(request, Organisation).prefetch_related("services")
    return render(request, "core/site_admin/overview.html", {"organisations": organisations})


@require_http_methods(["GET", "POST"])
def organisation_new(request):
    site_admin_queryset(request, Organisation)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(**form.cleaned_data, by=request.user)
        messages.success(request, f"{organisation.name} has been added.")
        return redirect("site_admin")
    return render(request, "core/site_admin/organisation_new.html", {"form": form, "breadcrumbs": BREADCRUMBS})


@require_http_methods(["GET", "POST"])
def service_new(request):
    organisations = site_admin_queryset(request, Organisation)
    form = ServiceForm(
        request.POST or None,
        organisations=organisations,
        partnerships=organisations.filter(kind=Organisation.Kind.ADP),
    )
    if request.method == "POST" and form.is_valid():
        service = services.create_service(**form.cleaned_data, by=request.user)
        messages.success(request, f"{service.name} has been added. Now invite its programme lead.")
        return redirect("site_admin_service", service.pk)
    return render(request, "core/site_admin/service_new.html", {"form": form, "breadcrumbs": BREADCRUMBS})


@require_http_methods(["GET", "POST"])
def service_detail(request, pk):
    service = get_object_or_404(site_admin_queryset(request, Service).select_related("organisation"), pk=pk)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.invite(
            service=service, email=form.cleaned_data["email"], role=form.cleaned_data["role"], by=request.user
        )
        messages.success(request, f"Invitation sent to {form.cleaned_data['email']}.")
        return redirect("site_admin_service", service.pk)
    members = service.memberships.active().select_related("user")
    # Expired ones too: sending again is how they are renewed.
    invitations = site_admin_queryset(request, Invitation).filter(service=service, accepted_at=None, withdrawn_at=None)
    return render(
        request,
        "core/site_admin/service_detail.html",
        {
            "site_service": service,
            "members": members,
            "invitations": invitations,
            "now": timezone.now(),
            "form": form,
            "breadcrumbs": BREADCRUMBS,
        },
    )


def _pending_invitation(request, pk, invitation_pk):
    """An invitation of this service that is still waiting for a reply."""
    return get_object_or_404(
        site_admin_queryset(request, Invitation).select_related("service"),
        service_id=pk,
        pk=invitation_pk,
        accepted_at=None,
        withdrawn_at=None,
    )


@require_POST
def invitation_resend(request, pk, invitation_pk):
    invitation = _pending_invitation(request, pk, invitation_pk)
    services.resend_invitation(invitation, by=request.user)
    messages.success(
        request, f"A new invitation has been sent to {invitation.email}. The link in the earlier one no longer works."
    )
    return redirect("site_admin_service", pk)


@require_POST
def invitation_withdraw(request, pk, invitation_pk):
    invitation = _pending_invitation(request, pk, invitation_pk)
    services.withdraw_invitation(invitation, by=request.user)
    messages.success(request, f"The invitation to {invitation.email} has been withdrawn. Its link no longer works.")
    return redirect("site_admin_service", pk)


@require_safe
def users(request):
    # People who hold a 'This is me' profile are not listed: their accounts are
    # theirs, looked after with their key worker (pathfinder/thisisme).
    people = site_admin_queryset(request, get_user_model()).exclude(kind="person").order_by("full_name", "email")
    page = Paginator(people, 100).get_page(request.GET.get("page"))
    return render(request, "core/site_admin/users.html", {"page": page, "breadcrumbs": BREADCRUMBS})


@require_POST
def user_disable(request, pk):
    person = get_object_or_404(site_admin_queryset(request, get_user_model()).exclude(kind="person"), pk=pk)
    if person.pk == request.user.pk:
        messages.error(request, "You cannot disable your own account here. Ask another site administrator.")
    elif person.is_active:
        person.disable(by=request.user)
        messages.success(request, f"{person} can no longer sign in, and has been signed out everywhere.")
    return redirect("site_admin_users")
