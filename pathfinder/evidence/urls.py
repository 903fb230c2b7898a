from django.urls import path

from pathfinder.evidence import views

urlpatterns = [
    path("programmes/<int:pk>/mat-standards/", views.overview, name="mat_overview"),
    path("programmes/<int:pk>/mat-standards/<int:number>/", views.standard, name="mat_standard"),
    path("programmes/<int:pk>/mat-standards/<int:number>/rate/", views.rate, name="mat_rate"),
    path("programmes/<int:pk>/mat-standards/<int:number>/actions/", views.cite_action, name="mat_cite_action"),
    path("programmes/<int:pk>/mat-standards/return.<str:fmt>", views.export, name="mat_export"),
]

from pathfinder.evidence import views_language  # noqa: E402

urlpatterns += [
    path("programmes/<int:pk>/language-audits/", views_language.audits, name="language_audits"),
    path("programmes/<int:pk>/language-audits/new/", views_language.audit_new, name="language_audit_new"),
    path("programmes/<int:pk>/language-audits/lists/", views_language.lexicons, name="language_lexicons"),
    path("language-audits/<int:pk>/", views_language.audit, name="language_audit"),
    path("language-audits/<int:pk>/findings/", views_language.audit_finding, name="language_audit_finding"),
]
