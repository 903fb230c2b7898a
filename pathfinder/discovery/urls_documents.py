from django.urls import path

from pathfinder.discovery.views import documents

urlpatterns = [
    # The documents register and reviews
    path("programmes/<int:pk>/documents/", documents.documents, name="discovery_documents"),
    path("programmes/<int:pk>/documents/new/", documents.document_new, name="discovery_document_new"),
    path("documents/<int:pk>/", documents.document, name="discovery_document"),
    path("documents/<int:pk>/edit/", documents.document_edit, name="discovery_document_edit"),
    path("documents/<int:pk>/text/", documents.document_text, name="discovery_document_text"),
    path("documents/<int:pk>/reviews/new/", documents.review_new, name="discovery_review_new"),
    path("document-reviews/<int:pk>/", documents.review, name="discovery_review"),
    path("review-answers/<int:pk>/finding/", documents.answer_finding, name="discovery_answer_finding"),
    path("review-answers/<int:pk>/action/", documents.answer_action, name="discovery_answer_action"),
    # Working groups (their meetings are the implementation group's meeting pages)
    path("programmes/<int:pk>/working-groups/", documents.working_groups, name="discovery_working_groups"),
    path("programmes/<int:pk>/working-groups/new/", documents.working_group_new, name="discovery_working_group_new"),
    path("working-groups/<int:pk>/", documents.working_group, name="discovery_working_group"),
    path("working-groups/<int:pk>/edit/", documents.working_group_edit, name="discovery_working_group_edit"),
    path(
        "working-groups/<int:pk>/meetings/new/",
        documents.working_group_meeting_new,
        name="discovery_working_group_meeting_new",
    ),
]
