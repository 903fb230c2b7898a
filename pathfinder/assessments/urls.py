from django.urls import path

from pathfinder.assessments.views import consensus, rating, results, rounds

urlpatterns = [
    path("programmes/<int:pk>/assessment/", rounds.overview, name="assessment_overview"),
    path("programmes/<int:pk>/assessment/new/", rounds.open_round, name="assessment_open"),
    path("assessment-rounds/<int:pk>/", rounds.round_page, name="assessment_round"),
    path("assessment-rounds/<int:pk>/move/", rounds.move, name="assessment_move"),
    path("assessment-rounds/<int:pk>/remind/", rounds.remind, name="assessment_remind"),
    path("assessment-rounds/<int:pk>/close-ratings/", rounds.close_ratings, name="assessment_close_ratings"),
    path("assessment-rounds/<int:pk>/close/", rounds.close, name="assessment_close"),
    path("assessment-rounds/<int:pk>/reopen/", rounds.reopen, name="assessment_reopen"),
    path("assessment-rounds/<int:pk>/rate/check/", rating.check, name="assessment_check"),
    path("assessment-rounds/<int:pk>/rate/<str:section>/", rating.rate, name="assessment_rate"),
    path("assessment-rounds/<int:pk>/agree/<str:section>/", consensus.agree, name="assessment_agree"),
    path("assessment-rounds/<int:pk>/results/", results.results, name="assessment_results"),
    path("assessment-rounds/<int:pk>/findings/", results.make_finding, name="assessment_make_finding"),
    path("assessment-rounds/<int:pk>/download.<str:fmt>", results.export, name="assessment_export"),
]
