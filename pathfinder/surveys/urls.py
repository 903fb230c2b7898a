from django.urls import path

from pathfinder.surveys import views, views_findings

urlpatterns = [
    path("programmes/<int:pk>/surveys/", views.survey_list, name="survey_list"),
    path("programmes/<int:pk>/surveys/new/", views.survey_new, name="survey_new"),
    path("surveys/<int:pk>/", views.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/questions/", views.survey_questions, name="survey_questions"),
    path("surveys/<int:pk>/invite/", views.survey_invite, name="survey_invite"),
    path("surveys/<int:pk>/remind/", views.survey_remind, name="survey_remind"),
    path("surveys/<int:pk>/close/", views.survey_close, name="survey_close"),
    path("surveys/<int:pk>/delete/", views.survey_delete, name="survey_delete"),
    path("surveys/<int:pk>/archive/", views.survey_archive, name="survey_archive"),
    path("surveys/<int:pk>/results/", views.survey_results, name="survey_results"),
    path("surveys/<int:pk>/download.<str:fmt>", views.survey_export, name="survey_export"),
    path("surveys/<int:pk>/findings/new/", views_findings.survey_finding, name="survey_finding"),
]
