from django.urls import path

from pathfinder.national import views

urlpatterns = [
    path("national/", views.national, name="national"),
    path("services/<slug:slug>/national-settings/", views.settings, name="national_settings"),
    path("services/<slug:slug>/like-mine/", views.like_mine, name="national_like_mine"),
    path("site-admin/oversight/", views.oversight, name="site_admin_oversight"),
    path("site-admin/oversight/<int:pk>/revoke/", views.oversight_revoke, name="site_admin_oversight_revoke"),
]
