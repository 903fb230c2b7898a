"""Helpers for the measures tests: the example measure and records."""

from datetime import date

from pathfinder.measures import services

Q2 = date(2026, 4, 10)
Q3 = date(2026, 7, 10)


def example(world, service=None):
    return services.load_example(service or world.service, by=world.lead)


def answers(value: int) -> dict:
    return {code: value for code in ("feeling.settled", "feeling.hopeful", "life.routine", "life.support")}


def record(world, measure, reference: str, on: date = Q2, value: int = 3, by=None):
    return services.record(
        measure,
        version=measure.latest_version,
        reference=reference,
        recorded_on=on,
        answers=answers(value),
        by=by or world.lead,
    )


def form_data(reference: str, on: str, value: int = 3) -> dict:
    data = {"reference": reference, "recorded_on": on}
    data |= {f"item_{index}": str(value) for index in range(1, 5)}
    return data


LICENSED = """\
key: licensed-recovery-star
version: 1
name: Recovery outcomes tool (licensed to Home service)
purpose: outcome_measure
licence: Licensed to the Home Drug and Alcohol Service for its own use only.
scales:
  ladder:
    points:
      - {value: 1, label: Stuck}
      - {value: 2, label: Accepting help}
      - {value: 3, label: Believing}
      - {value: 4, label: Learning}
      - {value: 5, label: Self-reliance}
sections:
  - key: health
    title: Physical health
    items:
      - {code: health.one, type: scale, scale: ladder, text: Where the person is with their health.}
  - key: housing
    title: Living skills
    items:
      - {code: housing.one, type: scale, scale: ladder, text: Where the person is with their home.}
"""

BAD = """\
key: broken-measure
version: 1
name: Broken measure
purpose: screening
scales:
  yesno:
    points:
      - {value: 0, label: "No"}
      - {value: 1, label: "Yes"}
sections:
  - key: one
    title: One
    items:
      - code: one.a
        type: scale
        scale: yesno
        text: A question.
      - code: one.b
        type: scale
        scale: missing-scale
        colour: blue
        text: Another question.
"""
