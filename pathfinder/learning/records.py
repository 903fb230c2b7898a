"""What a draft is drawn from: the programme's findings, actions, measures
(through the registry, with their SPC reading) and the implementation group's
recorded decisions, in a fixed number of queries, limited to what `user` may see."""

from pathfinder.core.scoping import scoped
from pathfinder.evidence import spc
from pathfinder.learning.draft import ActionLine, DecisionLine, FindingLine, MeasureLine
from pathfinder.programmes.models import Finding
from pathfinder.programmes.registry import measure_sources


def gather(programme, user) -> dict:
    from pathfinder.planning.models import Action, Meeting

    findings = [
        FindingLine(theme=f.theme, kind=f.kind, text=f.text)
        for f in scoped(Finding, user).filter(programme=programme).only("theme", "kind", "text").order_by("pk")
    ]
    actions = [
        ActionLine(theme=a.theme, title=a.title, done=a.status == Action.Status.DONE, due_on=a.due_on)
        for a in scoped(Action, user)
        .filter(programme=programme)
        .only("theme", "title", "status", "due_on")
        .order_by("due_on", "pk")
    ]
    decisions = [
        DecisionLine(held_on=m.held_on, text=m.decisions)
        for m in scoped(Meeting, user)
        .filter(programme=programme, working_group=None)
        .exclude(decisions="")
        .only("held_on", "decisions")
    ]
    measures = []
    for source in measure_sources():
        for measure in source.measures(programme, user):
            if not measure.points:
                continue
            chart = spc.xmr([p.value for p in measure.points], direction=measure.direction)
            measures.append(MeasureLine(measure.theme, measure.title, str(chart.reading), chart.sentence))
    return {"findings": findings, "actions": actions, "measures": measures, "decisions": decisions}
