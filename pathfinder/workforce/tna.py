"""What a closed training needs analysis says about each job role and each
practice level, read only through the disclosure gate
(pathfinder.instruments.disclosure).

The groups given to the gate are every group the plan can show (everyone, each
role, each practice level: the roles the service's role map puts at that
level) together with every group the survey's results page can produce (each
filter value and combination), all in one call per question. Figures for one
group are only safe next to all the others: if the plan showed "everyone at
the skilled level" and the results page showed "practitioners", the difference
could be the three managers. So a level group is only shown where the gate
releases it alongside everything the results page already shows. Each
question's figures are checked for the people who answered it
(`restricted_to`), as the gate asks. Only means and percentages of released
groups leave this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pathfinder.instruments import disclosure
from pathfinder.instruments.definition import Definition
from pathfinder.surveys import results
from pathfinder.workforce.practice_levels import JOB_ROLES, PracticeLevel

ROLE_ITEM = "about.role"
CONFIDENCE_ITEM = "confidence.applying"
TRAINING_ITEM = "about.training_done"
NO_TRAINING = "none"
# Questions a survey must ask for a plan to use it.
NEEDED = (ROLE_ITEM, CONFIDENCE_ITEM, TRAINING_ITEM)
# Not a question: the key of a group of roles that need one practice level.
LEVEL_KEY = "practice_level"

EVERYONE = ()

# Why a group's figures are not shown.
TOO_FEW = "too_few"
WORKED_OUT = "worked_out"


@dataclass(frozen=True)
class GroupFigures:
    """Released figures for one group of respondents; anything else is Hidden."""

    released: bool
    why_not: str = ""  # TOO_FEW or WORKED_OUT when not released
    answered: object = None  # whether enough gave a confidence answer: their number, or Hidden (never shown)
    confident: object = None  # % very or extremely confident applying the principles
    average: object = None  # their mean confidence, 1 to 5
    untrained: object = None  # % who have done none of the listed training


def role_key(role: str) -> tuple:
    return ((ROLE_ITEM, role),)


def level_key(level: PracticeLevel) -> tuple:
    return ((LEVEL_KEY, level.value),)


def level_groups(groups: Mapping[tuple, frozenset], levels: Mapping[str, PracticeLevel]) -> dict[tuple, frozenset]:
    """For each level the role map uses, everyone whose role needs it."""
    found: dict[tuple, frozenset] = {}
    for level in PracticeLevel:
        roles = [role for role in JOB_ROLES if levels.get(role) is level]
        if roles:
            found[level_key(level)] = frozenset().union(*(groups.get(role_key(role), frozenset()) for role in roles))
    return found


def _largest_first(groups: Mapping[tuple, frozenset]) -> list[tuple]:
    return sorted(groups, key=lambda key: (-len(groups[key]), repr(key)))


def release_together(
    page_groups: Mapping[tuple, frozenset], extra: Mapping[tuple, frozenset], rules: disclosure.Rules
) -> set[tuple]:
    """The groups released together: every group the results page can produce,
    and those of `extra` (largest first) that the gate releases alongside them
    without hiding anything the results page shows. Whatever both pages show
    together is then one released set, so no sums or differences of them can
    single anyone out."""
    shown_on_results_page = disclosure.released_groups(page_groups, rules)
    chosen: dict[tuple, frozenset] = {}
    for key in _largest_first(extra):
        trial = {**page_groups, **chosen, key: extra[key]}
        released = disclosure.released_groups(trial, rules)
        if key in released and shown_on_results_page <= released:
            chosen[key] = extra[key]
    together = disclosure.released_groups({**page_groups, **chosen}, rules)
    if not shown_on_results_page <= together:  # never expected; fall back to the results page alone
        return shown_on_results_page
    return together


def figures(
    definition: Definition,
    asked_codes: set[str],
    responses: list[tuple[str, dict]],
    rules: disclosure.Rules,
    levels: Mapping[str, PracticeLevel] | None = None,
    *,
    breakdowns: bool = True,
) -> dict[object, GroupFigures]:
    """{EVERYONE, a job role or a PracticeLevel: figures}. `responses` are
    (response id, answers); `levels` is the role map (job role: level).

    `breakdowns` False (a survey answered by shared link, which anyone can
    answer many times to pad a group) gives figures for everyone only, as the
    results page does."""
    filters = results.filters_for(definition, asked_codes, {}) if breakdowns else []
    page_groups = results.producible_groups(responses, filters)
    by_level = level_groups(page_groups, levels or {}) if breakdowns else {}
    every_group = {**page_groups, **by_level}
    answers = dict(responses)

    confidence_scale = definition.scale_for(definition.item(CONFIDENCE_ITEM))
    # "Very" or "extremely" confident: the top two points, as on the results page.
    high = [point.value for point in confidence_scale.points][-2]
    # "Not sure" is stored as None: like the results page, shares are of those who gave a value.
    gave_confidence = {rid for rid, given in responses if given.get(CONFIDENCE_ITEM) is not None}
    gave_training = {rid for rid, given in responses if given.get(TRAINING_ITEM)}

    def released_for(people=None) -> set[tuple]:
        page = page_groups if people is None else disclosure.restricted_to(page_groups, people)
        extra = by_level if people is None else disclosure.restricted_to(by_level, people)
        return release_together(page, extra, rules)

    released = released_for()
    confidence_released = released_for(gave_confidence)
    training_released = released_for(gave_training)

    named = [(EVERYONE, EVERYONE), *((role, role_key(role)) for role in JOB_ROLES)]
    named += [(PracticeLevel(key[0][1]), key) for key in by_level]
    found: dict[object, GroupFigures] = {}
    for name, key in named:
        members = every_group.get(key, frozenset())
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
