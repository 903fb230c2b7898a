from django.urls import path

from pathfinder.evidence import views

urlpatterns = [
    path("programmes/<int:pk>/mat-standards/", views.overview, name="mat_overview"),
    path("programmes/<int:pk>/mat-standards/<int:number>/", views.standard, name="mat_standard"),
    path("programmes/<int:pk>/mat-standards/<int:number>/rate/", views.rate, name="mat_rate"),
    path("programmes/<int:pk>/mat-standards/<int:number>/actions/", views.cite_action, name="mat_cite_action"),
    path("programmes/<int:pk>/mat-standards/return.<str:fmt>", views.export, name="mat_export"),
]
