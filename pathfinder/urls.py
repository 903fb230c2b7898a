from django.urls import include, path, re_path

from pathfinder.core.views.errors import not_available

urlpatterns = [
    path("", include("pathfinder.surveys.urls_public")),  # first: survey day (see the module)
    path("", include("pathfinder.core.urls")),
    path("", include("pathfinder.programmes.urls")),
    path("", include("pathfinder.assessments.urls")),
    path("", include("pathfinder.instruments.urls")),
    path("", include("pathfinder.surveys.urls")),
    path("", include("pathfinder.workforce.urls")),
    path("", include("pathfinder.lens.urls")),
    path("", include("pathfinder.planning.urls")),
    path("", include("pathfinder.discovery.urls_documents")),
    path("", include("pathfinder.discovery.urls_partners")),
    path("", include("pathfinder.discovery.urls")),
    path("", include("pathfinder.evidence.urls")),
    path("", include("pathfinder.evidence.urls_progress")),
    path("", include("pathfinder.measures.urls")),
    path("", include("pathfinder.api.urls")),
    path("", include("pathfinder.learning.urls")),
    path("", include("pathfinder.national.urls")),
    path("", include("pathfinder.thisisme.urls")),
    # People join by invitation and keep one e-mail address and a password, so
    # these django-allauth pages are switched off (they answer 404).
    re_path(
        r"^accounts/(signup|email|confirm-email|password/set|login/code|reauthenticate/code)/",
        not_available,
        name="account_feature_off",
    ),
    path("accounts/", include("allauth.urls")),
]

handler400 = "pathfinder.core.views.errors.bad_request"
handler403 = "pathfinder.core.views.errors.forbidden"
handler404 = "pathfinder.core.views.errors.not_found"
handler500 = "pathfinder.core.views.errors.server_error"
