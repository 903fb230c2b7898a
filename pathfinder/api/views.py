"""A person's own API tokens: make one (shown once), see when each was last
used, revoke one. The page is the person's own: no ids of other people."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from pathfinder.api import services
from pathfinder.api.forms import TokenForm


@require_http_methods(["GET", "POST"])
def tokens(request):
    form = TokenForm(request.POST if request.POST.get("do") == "new" else None)
    secret = None
    if request.method == "POST":
        if request.POST.get("do") == "revoke":
            try:
                pk = int(request.POST.get("token", ""))
            except ValueError:
                pk = 0
            if services.revoke(request.user, pk):
                messages.success(request, "The token has been revoked. Programs using it can no longer read anything.")
            else:
                messages.info(request, "That token was already revoked, or is not one of yours.")
            return redirect("api_tokens")
        if form.is_valid():
            if services.live_count(request.user) >= services.MAX_LIVE:
                form.add_error(
                    None, f"You already have {services.MAX_LIVE} tokens that work. Revoke one you no longer use first."
                )
            else:
                _, secret = services.new_token(
                    request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
                )
                form = TokenForm()
    today = timezone.localdate()
    context = {
        "form": form,
        "secret": secret,
        "rows": [(token, token.live(today)) for token in services.tokens_of(request.user)],
        "schema_url": reverse("api:openapi-json"),
        "breadcrumbs": [{"text": "Your account", "href": reverse("account")}],
    }
    return render(request, "api/tokens.html", context)
