"""The ten Medication Assisted Treatment (MAT) standards and the RAGB ratings
Public Health Scotland uses to benchmark them: the one place they are listed.

Numbers and subjects from the Scottish Government's MAT standards and PHS's
benchmarking reports (FACTS.md, "MAT standards"); the words are ours.
"""

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class Standard:
    number: int
    name: str
    about: str
    # Standards 6 and 10 are the ones trauma-informed practice evidences directly.
    trauma_informed: bool = False

    @property
    def title(self) -> str:
        return f"Standard {self.number}: {self.name}"


STANDARDS: tuple[Standard, ...] = (
    Standard(1, "Same-day access", "People can start treatment on the day they ask for it."),
    Standard(2, "Choice", "People choose their medication and their dose, with advice."),
    Standard(
        3,
        "Assertive outreach and anticipatory care",
        "The service reaches out to people at high risk and plans ahead with them.",
    ),
    Standard(4, "Harm reduction", "Harm reduction is offered wherever people receive treatment."),
    Standard(5, "Retention", "People stay in treatment for as long as they want to."),
    Standard(
        6,
        "Psychologically and trauma-informed system",
        "A psychologically informed service (tier 1), low-intensity psychosocial support (tier 2) and help "
        "to build social networks.",
        trauma_informed=True,
    ),
    Standard(7, "Primary care", "People can receive treatment and support through primary or shared care."),
    Standard(
        8,
        "Advocacy and support for housing, welfare and income",
        "People get independent advocacy and help with housing, benefits and money.",
    ),
    Standard(9, "Mental health care", "People with mental health needs as well get care for both together."),
    Standard(10, "Trauma-informed care", "Care is trauma-informed, everywhere people meet the service.", True),
)

BY_NUMBER: dict[int, Standard] = {standard.number: standard for standard in STANDARDS}
STANDARD_CHOICES = [(standard.number, standard.title) for standard in STANDARDS]


class Rating(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    PROVISIONAL_GREEN = "provisional_green", "Provisional green"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue"


# What each rating means, in plain words (after PHS's benchmarking definitions).
RATING_MEANING: dict[str, str] = {
    Rating.RED: "There is no evidence yet that the standard is in place.",
    Rating.AMBER: "The standard is partly in place.",
    Rating.PROVISIONAL_GREEN: "The standard looks fully in place, but not every evidence stream confirms it yet.",
    Rating.GREEN: "The standard is fully in place.",
    Rating.BLUE: "The standard is fully in place, has lasted, and is monitored all the time.",
}

# For the trend: the ratings in order, 1 (red) to 5 (blue); higher is better.
RATING_VALUE: dict[str, int] = {rating: position for position, rating in enumerate(Rating.values, start=1)}

# NHS.UK tag colours for each rating (the words are always shown too).
RATING_TAG: dict[str, str] = {
    Rating.RED: "nhsuk-tag--red",
    Rating.AMBER: "nhsuk-tag--orange",
    Rating.PROVISIONAL_GREEN: "nhsuk-tag--aqua-green",
    Rating.GREEN: "nhsuk-tag--green",
    Rating.BLUE: "nhsuk-tag--blue",
}

EVIDENCE_STREAMS = (
    ("process_evidence", "Process evidence"),
    ("numerical_evidence", "Numerical evidence"),
    ("experiential_evidence", "Experiential evidence"),
)
