"""An attack on the plan's practice-level groups: 3 managers among 25 people.

With the role map putting managers and practitioners at the enhanced level,
"everyone at the enhanced level" (15) minus "practitioners" (12) would be the
three managers. The plan and the results page together must never show two
groups like that: whatever a reader adds and subtracts of the figures shown,
the managers' answers cannot come out."""

from fractions import Fraction

from pathfinder.instruments import disclosure
from pathfinder.workforce import plans, tna
from pathfinder.workforce.models import RoleLevel
from pathfinder.workforce.practice_levels import PracticeLevel
from pathfinder.workforce.tests.conftest import tna_answers, tna_survey

ROLES = ["practitioner"] * 12 + ["peer_worker"] * 10 + ["manager"] * 3
# The managers all say they are not at all confident (nobody else is that low) and have done no training.
CONFIDENCE = [4] * 6 + [2] * 6 + [4] * 5 + [3] * 5 + [1] * 3
TRAINING = [["informed_elearning"]] * 17 + [["none"]] * 8


def in_span(target: list[int], rows: list[list[int]]) -> bool:
    """Whether `target` is a sum of multiples of `rows` (exact, over the rationals)."""
    basis: list[list[Fraction]] = []
    pivots: list[int] = []

    def reduce(vector):
        vector = [Fraction(x) for x in vector]
        for pivot, row in zip(pivots, basis, strict=True):
            if vector[pivot]:
                factor = vector[pivot] / row[pivot]
                vector = [a - factor * b for a, b in zip(vector, row, strict=True)]
        return vector

    for row in rows:
        reduced = reduce(row)
        lead = next((i for i, x in enumerate(reduced) if x), None)
        if lead is not None:
            basis.append(reduced)
            pivots.append(lead)
    return not any(reduce(target))


def members(name, levels) -> list[int]:
    if name == tna.EVERYONE:
        return [1] * len(ROLES)
    if isinstance(name, PracticeLevel):
        return [int(levels[role] is name) for role in ROLES]
    return [int(role == name) for role in ROLES]


def shown_groups(found, levels, *figures_of) -> list[list[int]]:
    """Every group for which the plan can show any of the named figures."""
    return [
        members(name, levels)
        for name, figures in found.items()
        if figures.released and not all(disclosure.is_hidden(getattr(figures, what)) for what in figures_of)
    ]


def test_the_managers_answers_cannot_be_worked_out_from_the_plan(world):
    RoleLevel.objects.create(service=world.service, job_role="practitioner", level="enhanced")
    RoleLevel.objects.create(service=world.service, job_role="manager", level="enhanced")
    survey = tna_survey(
        world,
        [tna_answers(role, value, done) for role, value, done in zip(ROLES, CONFIDENCE, TRAINING, strict=True)],
    )
    levels = {
        "practitioner": PracticeLevel.ENHANCED,
        "manager": PracticeLevel.ENHANCED,
        "peer_worker": PracticeLevel.SKILLED,
    }
    managers = members("manager", levels)
    practitioners = members("practitioner", levels)
    enhanced = members(PracticeLevel.ENHANCED, levels)
    # The attack the test guards against: with both groups shown, the managers follow.
    assert in_span(managers, [enhanced, practitioners])

    role_map = {role: row.practice_level for role, row in plans.role_levels(world.service).items()}
    found = plans._read_survey(world.programme, survey, role_map)
    for question in (("confident", "average"), ("untrained",)):
        shown = shown_groups(found, levels, *question)
        assert members(tna.EVERYONE, levels) in shown, "the whole service's figures should still be shown"
        assert not in_span(managers, shown), question
    assert not (found[PracticeLevel.ENHANCED].released and found["practitioner"].released)

    # The plan's words carry no figure for the enhanced level either.
    plan = plans.draft_plan(world.programme, survey, world.lead)
    assert "whose role needs the trauma-enhanced level" not in plan.reasoning["manager"][1]
