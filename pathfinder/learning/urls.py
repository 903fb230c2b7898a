from django.urls import path

from pathfinder.learning import views

urlpatterns = [
    path("programmes/<int:pk>/learning-report/", views.overview, name="learning_overview"),
    path("programmes/<int:pk>/learning-report/new/", views.new, name="learning_new"),
    path("learning-reports/<int:pk>/", views.report, name="learning_report"),
    path("learning-reports/<int:pk>/edit/", views.edit, name="learning_edit"),
    path("learning-reports/<int:pk>/publish/", views.publish, name="learning_publish"),
    path("learning-reports/<int:pk>.<str:fmt>", views.download, name="learning_download"),
]
