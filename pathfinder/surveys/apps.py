from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "pathfinder.surveys"
    label = "surveys"
    verbose_name = "Anonymous surveys"
