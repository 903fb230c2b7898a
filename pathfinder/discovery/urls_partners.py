from django.urls import path

from pathfinder.discovery.views import partners

urlpatterns = [
    path("programmes/<int:pk>/partners/", partners.partner_list, name="partner_list"),
    path("programmes/<int:pk>/partners/new/", partners.partner_new, name="partner_new"),
    path("partners/<int:pk>/", partners.partner_detail, name="partner_detail"),
    path("partners/<int:pk>/edit/", partners.partner_edit, name="partner_edit"),
    path("partners/<int:pk>/invitations/new/", partners.engagement_new, name="partner_engagement_new"),
    path("partners/<int:pk>/invitations/survey/", partners.engagement_survey, name="partner_engagement_survey"),
    path("partner-invitations/<int:pk>/joined/", partners.engagement_joined, name="partner_engagement_joined"),
    path("partners/<int:pk>/learning/new/", partners.learning_new, name="partner_learning_new"),
    path("partner-learning/<int:pk>/finding/", partners.learning_finding, name="partner_learning_finding"),
]
