from django.urls import path

from pathfinder.instruments import views

urlpatterns = [
    path("services/<slug:slug>/tools/", views.instrument_list, name="instrument_list"),
    path("services/<slug:slug>/tools/<int:pk>/", views.instrument_detail, name="instrument_detail"),
    path("services/<slug:slug>/tools/<int:pk>/adapt/", views.instrument_adapt, name="instrument_adapt"),
]
