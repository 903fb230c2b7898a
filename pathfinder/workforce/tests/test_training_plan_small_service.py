"""In a small service no single role has enough answers to use, but a practice
level can: roles that need the same level are read together, through the gate."""

from pathfinder.workforce import plans
from pathfinder.workforce.tests.conftest import tna_answers, tna_survey


def core(plan, role):
    return list(plan.lines.filter(job_role=role, kind="core"))


def small_service(world):
    """22 people, no role with 10: at the skilled level 6 practitioners and 5 team
    leaders (3 of 11 confident); at the informed level 5 admin staff and 6 others (8 of 11)."""
    answers = (
        [tna_answers("practitioner", 2, ["none"])] * 5
        + [tna_answers("practitioner", 4)] * 1
        + [tna_answers("team_leader", 2)] * 3
        + [tna_answers("team_leader", 5)] * 2
        + [tna_answers("admin", 4)] * 4
        + [tna_answers("admin", 2)] * 1
        + [tna_answers("other", 5)] * 4
        + [tna_answers("other", 1)] * 2
    )
    return tna_survey(world, answers)


def test_it_reads_roles_together_by_practice_level_when_no_role_has_enough_answers(world):
    plan = plans.draft_plan(world.programme, small_service(world), world.lead)
    for role in ("practitioner", "team_leader"):
        note = plan.reasoning[role][1]
        assert "the plan uses the results of everyone whose role needs the trauma-skilled level" in note
        assert "(27%)" in note  # 3 of the 11 at the skilled level
        assert {line.priority for line in core(plan, role)} == {"high"}
    for role in ("admin", "other"):
        note = plan.reasoning[role][1]
        assert "whose role needs the trauma-informed level" in note
        assert "73% of them feel very or extremely confident" in note
        assert {line.priority for line in core(plan, role)} == {"normal"}


def test_it_shows_no_counts_from_the_survey(world):
    plan = plans.draft_plan(world.programme, small_service(world), world.lead)
    for role in ("practitioner", "admin"):
        words = plan.reasoning[role][1].split("(Training needs")[0]
        assert not any(word.isdigit() for word in words.replace("%", " ").replace(")", " ").split()), words
