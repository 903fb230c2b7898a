"""What a closed training needs analysis says about each job role, read only
through the disclosure gate (pathfinder.instruments.disclosure).

The groups given to the gate are every group the survey's results page can
produce (everyone, each role, each filter value and combination), not only the
ones a plan uses: a plan must never show a role's figures that the results
page hides, or the two pages together could single people out. Each figure is
then checked for the people who answered its question (`restricted_to`), as
the gate asks. Only released figures leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathfinder.instruments import disclosure
from pathfinder.instruments.definition import Definition
from pathfinder.surveys import results
from pathfinder.workforce.practice_levels import JOB_ROLES

ROLE_ITEM = "about.role"
CONFIDENCE_ITEM = "confidence.applying"
TRAINING_ITEM = "about.training_done"
NO_TRAINING = "none"
# Questions a survey must ask for a plan to use it.
NEEDED = (ROLE_ITEM, CONFIDENCE_ITEM, TRAINING_ITEM)

EVERYONE = ()

# Why a group's figures are not shown.
TOO_FEW = "too_few"
WORKED_OUT = "worked_out"


@dataclass(frozen=True)
class GroupFigures:
    """Released figures for one group of respondents; anything else is Hidden."""

    released: bool
    why_not: str = ""  # TOO_FEW or WORKED_OUT when not released
    answered: object = None  # people who gave a confidence answer (int or Hidden)
    confident: object = None  # % very or extremely confident applying the principles
    average: object = None  # their mean confidence, 1 to 5
    untrained: object = None  # % who have done none of the listed training


def role_key(role: str) -> tuple:
    return ((ROLE_ITEM, role),)


def figures(
    definition: Definition,
    asked_codes: set[str],
    responses: list[tuple[str, dict]],
    rules: disclosure.Rules,
) -> dict[object, GroupFigures]:
    """{EVERYONE or a job role: figures}. `responses` are (response id, answers)."""
    groups = results.producible_groups(responses, results.filters_for(definition, asked_codes, {}))
    released = disclosure.released_groups(groups, rules)
    answers = dict(responses)

    confidence_scale = definition.scale_for(definition.item(CONFIDENCE_ITEM))
    # "Very" or "extremely" confident: the top two points, as on the results page.
    high = [point.value for point in confidence_scale.points][-2]
    # "Not sure" is stored as None: like the results page, shares are of those who gave a value.
    gave_confidence = {rid for rid, given in responses if given.get(CONFIDENCE_ITEM) is not None}
    gave_training = {rid for rid, given in responses if given.get(TRAINING_ITEM)}
    confidence_released = disclosure.released_groups(disclosure.restricted_to(groups, gave_confidence), rules)
    training_released = disclosure.released_groups(disclosure.restricted_to(groups, gave_training), rules)

    found: dict[object, GroupFigures] = {}
    for name, key in [(EVERYONE, EVERYONE), *((role, role_key(role)) for role in JOB_ROLES)]:
        members = groups.get(key, frozenset())
        if key not in released:
            too_few = disclosure.is_hidden(disclosure.group_size(len(members), rules))
            found[name] = GroupFigures(released=False, why_not=TOO_FEW if too_few else WORKED_OUT)
            continue
        withheld = disclosure.not_released(rules)
        answered = confident = average = untrained = withheld
        if key in confidence_released:
            values = [answers[rid][CONFIDENCE_ITEM] for rid in members & gave_confidence]
            answered = disclosure.group_size(len(values), rules)
            confident = disclosure.share_at_least(values, high, rules)
            average = disclosure.mean(values, rules)
        if key in training_released:
            picks = [answers[rid][TRAINING_ITEM] for rid in members & gave_training]
            untrained = disclosure.percentage(sum(1 for pick in picks if NO_TRAINING in pick), len(picks), rules)
        found[name] = GroupFigures(
            released=True, answered=answered, confident=confident, average=average, untrained=untrained
        )
    return found
