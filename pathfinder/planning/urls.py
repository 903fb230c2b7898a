from django.urls import path

from pathfinder.planning.views import (
    actions,
    budget,
    calendar,
    decisions,
    feedback,
    group,
    inbox,
    meetings,
    plan,
    reports,
    toc,
)

urlpatterns = [
    # The plan and its views
    path("programmes/<int:pk>/plan/", plan.overview, name="plan_overview"),
    path("programmes/<int:pk>/plan/themes/", plan.by_theme, name="plan_by_theme"),
    path("programmes/<int:pk>/plan/mine/", plan.mine, name="plan_mine"),
    path("programmes/<int:pk>/plan/due/", plan.due, name="plan_due"),
    path("programmes/<int:pk>/plan/timeline/", plan.timeline, name="plan_timeline"),
    path("programmes/<int:pk>/plan/budget/", budget.budget, name="plan_budget"),
    path("programmes/<int:pk>/plan/settings/", plan.settings, name="plan_settings"),
    path("programmes/<int:pk>/plan/funding/", plan.funding_sources, name="plan_funding_sources"),
    path("programmes/<int:pk>/plan/download.<str:fmt>", plan.export, name="plan_export"),
    # Actions
    path("programmes/<int:pk>/plan/actions/new/", actions.new, name="plan_action_new"),
    path("actions/<int:pk>/", actions.detail, name="plan_action"),
    path("actions/<int:pk>/edit/", actions.edit, name="plan_action_edit"),
    path("actions/<int:pk>/update/", actions.update, name="plan_action_update"),
    # Findings inbox and the recommendation library
    path("programmes/<int:pk>/plan/findings/", inbox.inbox, name="plan_inbox"),
    path("programmes/<int:pk>/plan/suggestions/", inbox.suggestions, name="plan_suggestions"),
    path("findings/<int:pk>/set-aside/", inbox.set_aside, name="plan_finding_set_aside"),
    path("findings/<int:pk>/bring-back/", inbox.bring_back, name="plan_finding_bring_back"),
    # Theory of change
    path("programmes/<int:pk>/theory-of-change/", toc.toc, name="plan_toc"),
    path("programmes/<int:pk>/theory-of-change/steps/new/", toc.node_new, name="plan_toc_node_new"),
    path("programmes/<int:pk>/theory-of-change/links/new/", toc.link_new, name="plan_toc_link_new"),
    path("programmes/<int:pk>/theory-of-change/download.<str:fmt>", toc.download, name="plan_toc_download"),
    path("toc-steps/<int:pk>/", toc.node, name="plan_toc_node"),
    path("toc-links/<int:pk>/remove/", toc.link_remove, name="plan_toc_link_remove"),
    # Implementation group
    path("programmes/<int:pk>/group/", group.group, name="plan_group"),
    path("programmes/<int:pk>/group/members/", group.group_members, name="plan_group_members"),
    path("programmes/<int:pk>/group/charter/", group.charter, name="plan_charter"),
    path("programmes/<int:pk>/group/charter/new/", group.charter_new, name="plan_charter_new"),
    path("charters/<int:pk>/", group.charter_version, name="plan_charter_version"),
    path("programmes/<int:pk>/group/meetings/new/", meetings.meeting_new, name="plan_meeting_new"),
    path("meetings/<int:pk>/", meetings.meeting, name="plan_meeting"),
    path("meetings/<int:pk>/edit/", meetings.meeting_edit, name="plan_meeting_edit"),
    path("meetings/<int:pk>/actions/new/", meetings.meeting_action, name="plan_meeting_action"),
    path("meetings/<int:pk>/review/", meetings.meeting_review, name="plan_meeting_review"),
    path("meetings/<int:pk>/remind/", meetings.meeting_remind, name="plan_meeting_remind"),
    # You said, we did
    path("programmes/<int:pk>/you-said-we-did/", feedback.feedback, name="plan_feedback"),
    path("programmes/<int:pk>/you-said-we-did/new/", feedback.feedback_new, name="plan_feedback_new"),
    path("programmes/<int:pk>/you-said-we-did/summary/", feedback.feedback_summary, name="plan_feedback_summary"),
    path("feedback/<int:pk>/", feedback.feedback_edit, name="plan_feedback_edit"),
    path("feedback/<int:pk>/publish/", feedback.feedback_publish, name="plan_feedback_publish"),
    # Progress report for senior management
    path("programmes/<int:pk>/plan/report/", reports.report, name="plan_report"),
    path("programmes/<int:pk>/plan/report.<str:fmt>", reports.report_download, name="plan_report_download"),
    path("programmes/<int:pk>/plan/decisions/", decisions.decisions, name="plan_decisions"),
    path("programmes/<int:pk>/plan/decisions/record/", decisions.decision_new, name="plan_decision_new"),
    path("progress-reports/<int:pk>/sign-off/", decisions.report_sign_off, name="plan_report_sign_off"),
    # Calendar feeds (the feed itself needs no sign-in: the secret is the key)
    path("plan/calendar/", calendar.calendar_settings, name="plan_calendar"),
    path("plan/calendar/<str:token>.ics", calendar.calendar_feed, name="plan_calendar_feed"),
]
