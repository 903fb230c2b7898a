"""The pages people answer a survey on, without signing in. The site's URL
list tries these first (pathfinder/urls.py): on survey day nearly every
request is one of them, and each pattern tried before costs a little."""

from django.urls import path

from pathfinder.surveys import views_public

urlpatterns = [
    path("answer/<str:token>/", views_public.answer, name="survey_answer"),
    path("answer/<str:token>/thanks/", views_public.thanks, name="survey_thanks"),
]
