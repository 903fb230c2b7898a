"""Standards 6 and 10 show the programme's own figures, with links, from the
tools that register them; evidence imports no tool's models."""

import ast
from pathlib import Path

from pathfinder.evidence.tests.mat import rate
from pathfinder.planning.tests.conftest import make_action

EVIDENCE = Path(__file__).resolve().parents[1]
TOOLS = ("assessments", "surveys", "workforce", "lens", "planning", "discovery", "profiles", "national")


def page(world, as_user, number):
    return as_user(world.viewer).get(f"/programmes/{world.programme.pk}/mat-standards/{number}/")


def test_it_shows_actions_done_with_a_link_on_standard_6(world, as_user):
    make_action(world, title="Agree a pathway")
    make_action(world, title="Train reception staff", status="done")
    response = page(world, as_user, 6)
    links = {"".join(a.itertext()): a.get("href") for a in response.page.css("main li a")}
    assert links["Actions done"] == f"/programmes/{world.programme.pk}/plan/"
    assert "Actions done: 1 of 2" in [li.text_content() for li in response.page.css("main li")]
    assert "Training coverage by practice level" in response.page.text()
    assert "Organisational assessment: agreed theme scores" in response.page.text()


def test_it_shows_them_on_standard_10_and_not_on_others(world, as_user):
    make_action(world, title="Agree a pathway")
    assert "Actions done" in page(world, as_user, 10).page.text()
    assert "Supporting evidence from the programme" not in page(world, as_user, 1).page.text()


def test_it_shows_no_survey_figures(world, as_user):
    rate(world)
    assert "urvey" not in page(world, as_user, 6).page.text().split("Supporting evidence")[1].split("History")[0]


def test_evidence_imports_no_tool():
    for path in EVIDENCE.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not any(name.startswith(f"pathfinder.{tool}") for tool in TOOLS), (path.name, name)


def test_it_shows_training_coverage_by_practice_level_with_a_link(world, as_user):
    from datetime import date

    from pathfinder.workforce import training
    from pathfinder.workforce.tests.conftest import add_staff, entry

    practitioners = add_staff(world.service, "practitioner", 3)
    training.add_record(practitioners[0], entry(world.service, "ti-elearning"), date(2026, 1, 5), by=world.lead)
    response = page(world, as_user, 6)
    items = {li.text_content(): li for li in response.page.css("main li")}
    assert "Trauma-informed practice: 1 of 3 trained (33%)" in items
    link = items["Trauma-informed practice: 1 of 3 trained (33%)"].find("a")
    assert link.get("href") == f"/programmes/{world.programme.pk}/training/"


def test_it_shows_the_latest_closed_rounds_theme_scores_with_a_link(world, as_user):
    from pathfinder.assessments.models import AssessmentRound
    from pathfinder.assessments.tests.test_query_counts import a_round
    from pathfinder.instruments.models import InstrumentVersion

    builtin = InstrumentVersion.objects.get(instrument__key="ti-organisational-self-assessment", instrument__owner=None)
    round_ = a_round(world, builtin, [world.lead, world.member], "closed")
    assert AssessmentRound.objects.get().status == "closed"
    response = page(world, as_user, 10)
    links = [a for a in response.page.css("main li a") if a.get("href") == f"/assessment-rounds/{round_.pk}/results/"]
    assert len(links) >= 9
    assert all(a.getparent().text_content().endswith(": 3.0") for a in links)
