from django.urls import path

from pathfinder.evidence import views_progress

urlpatterns = [
    path("programmes/<int:pk>/progress/", views_progress.overview, name="progress_overview"),
    path("programmes/<int:pk>/progress/<str:key>/", views_progress.measure, name="progress_measure"),
]
