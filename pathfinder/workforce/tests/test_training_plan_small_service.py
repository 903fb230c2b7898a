"""In a small service no single role has enough answers to use, but a practice
level can: roles that need the same level are read together, through the gate."""

import re

from pathfinder.workforce import plans
from pathfinder.workforce.tests.conftest import tna_answers, tna_survey


def core(plan, role):
    return list(plan.lines.filter(job_role=role, kind="core"))


def small_service(world):
    """22 people, no role with 10: at the skilled level 6 practitioners and 5 team
    leaders (5 of 11 confident); at the informed level 5 admin staff and 6 others (6 of 11)."""
    answers = (
        [tna_answers("practitioner", 2, ["none"])] * 4
        + [tna_answers("practitioner", 4)] * 2
        + [tna_answers("team_leader", 2)] * 2
        + [tna_answers("team_leader", 5)] * 3
        + [tna_answers("admin", 4)] * 3
        + [tna_answers("admin", 2)] * 2
        + [tna_answers("other", 5)] * 3
        + [tna_answers("other", 1)] * 3
    )
    return tna_survey(world, answers)


def test_it_reads_roles_together_by_practice_level_when_no_role_has_enough_answers(world):
    plan = plans.draft_plan(world.programme, small_service(world), world.lead)
    for role in ("practitioner", "team_leader"):
        note = plan.reasoning[role][1]
        assert "the plan uses the results of everyone whose role needs the trauma-skilled level" in note
        assert "(45%)" in note  # 5 of the 11 at the skilled level
        assert {line.priority for line in core(plan, role)} == {"high"}
    for role in ("admin", "other"):
        note = plan.reasoning[role][1]
        assert "whose role needs the trauma-informed level" in note
        assert "55% of them feel very or extremely confident" in note
        assert {line.priority for line in core(plan, role)} == {"normal"}


def test_it_shows_no_counts_from_the_survey(world):
    plan = plans.draft_plan(world.programme, small_service(world), world.lead)
    for role in ("practitioner", "admin"):
        words = re.sub(r"\d+%", "", plan.reasoning[role][1].split("(Training needs")[0])
        assert not re.search(r"\d", words), words
