from django.urls import path

from pathfinder.discovery.views import interviews, phase_one

urlpatterns = [
    path("programmes/<int:pk>/phase-one/", phase_one.overview, name="discovery_overview"),
    # Interviews
    path("services/<slug:slug>/interview-guide/", interviews.guide, name="interview_guide"),
    path("services/<slug:slug>/interview-guide/<int:pk>/adapt/", interviews.guide_adapt, name="interview_guide_adapt"),
    path("services/<slug:slug>/interview-guide/<int:pk>.pdf", interviews.guide_pdf, name="interview_guide_pdf"),
    path("programmes/<int:pk>/interviews/", interviews.interview_list, name="interview_list"),
    path("programmes/<int:pk>/interviews/new/", interviews.interview_new, name="interview_new"),
    path("programmes/<int:pk>/interviews/summary/", interviews.summary, name="interview_summary"),
    path(
        "programmes/<int:pk>/interviews/summary.<str:fmt>",
        interviews.summary_download,
        name="interview_summary_download",
    ),
    path("interviews/<int:pk>/", interviews.interview, name="interview"),
    path("interviews/<int:pk>/consent/", interviews.interview_consent, name="interview_consent"),
    path("interviews/<int:pk>/withdraw/", interviews.interview_withdraw, name="interview_withdraw"),
    path("interviews/<int:pk>/notes/", interviews.interview_notes, name="interview_notes"),
    path("interviews/<int:pk>/people/", interviews.interview_participant_add, name="interview_participant_add"),
    path("interviews/<int:pk>/helps/", interviews.interview_tag_add, name="interview_tag_add"),
    path("interview-tags/<int:pk>/finding/", interviews.interview_tag_finding, name="interview_tag_finding"),
]
