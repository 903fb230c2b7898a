from django.urls import path

from pathfinder.programmes import views

urlpatterns = [
    path("services/<slug:slug>/", views.service_home, name="service_home"),
    path("programmes/<int:pk>/", views.dashboard, name="programme_dashboard"),
    path("programmes/<int:pk>/phases/<str:phase>/", views.phase_edit, name="programme_phase_edit"),
    path("programmes/<int:pk>/findings/", views.findings, name="programme_findings"),
    path("programmes/<int:pk>/findings/<int:finding>/edit/", views.finding_edit, name="programme_finding_edit"),
]
