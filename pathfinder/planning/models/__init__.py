"""Planning: the implementation plan and its actions, the theory of change, the
implementation group, and 'you said, we did'. Findings come from every tool
(programmes.Finding); the plan answers them."""

from pathfinder.planning.models.feedback import FeedbackItem
from pathfinder.planning.models.group import Charter, GroupMember, Meeting
from pathfinder.planning.models.plan import (
    Action,
    ActionUpdate,
    CalendarFeed,
    Decision,
    FindingDecision,
    FundingSource,
    Plan,
    ProgressReport,
)
from pathfinder.planning.models.toc import Indicator, ToCLink, ToCNode

__all__ = [
    "Action",
    "ActionUpdate",
    "CalendarFeed",
    "Charter",
    "Decision",
    "FeedbackItem",
    "FindingDecision",
    "FundingSource",
    "GroupMember",
    "Indicator",
    "Meeting",
    "Plan",
    "ProgressReport",
    "ToCLink",
    "ToCNode",
]
