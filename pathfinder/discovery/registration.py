"""How phase one plugs into the programme: a nav item, a dashboard panel, a
source for the findings interviews create, and its part of the phase one page."""

from django.urls import reverse

from pathfinder.core import demo as core_demo
from pathfinder.discovery import demo_interviews
from pathfinder.discovery.phase_one import Part, parts, register_part
from pathfinder.programmes.registry import FindingSource, Panel, register_finding_source, register_panel


def _panel(programme, request) -> dict:
    return {"progress": [(part, part.progress(programme, request.user)) for part in parts()]}


def _source_link(finding):
    # The summary, not the interview: everyone who can see the finding can read it.
    return reverse("interview_summary", args=[finding.programme_id])


def _interview_progress(programme, user):
    from pathfinder.discovery.presenters.interviews import interview_progress

    return interview_progress(programme, user)


def _interview_findings(programme, user):
    from pathfinder.discovery.presenters.interviews import found_by_theme

    return found_by_theme(programme, user)


register_panel(
    Panel(
        key="discovery",
        title="Phase one: understanding the service",
        template="discovery/panel.html",
        context=_panel,
        order=5,
    )
)
register_finding_source(FindingSource(key="interview", label="Familiarisation interview", link=_source_link))


def _interview_summary(programme, user):
    from pathfinder.discovery.presenters.interviews import interview_summary

    return interview_summary(programme, user)


register_part(
    Part(
        key="interviews",
        title="Interviews",
        order=10,
        progress=_interview_progress,
        found=_interview_findings,
        summary=_interview_summary,
    )
)
core_demo.register(demo_interviews.load)
