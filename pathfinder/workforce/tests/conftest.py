import pytest

from pathfinder.workforce import services

PLAN_URL = "/my-wellbeing-plan/"
EDIT_URL = "/my-wellbeing-plan/edit/"
PDF_URL = "/my-wellbeing-plan/print.pdf"
DELETE_URL = "/my-wellbeing-plan/delete/"

# Words only Alice's plan holds, so a test can look for them anywhere.
ALICES_WORDS = {
    "what_keeps_me_well": "Swimming on Tuesday mornings with my sister",
    "early_signs": "I stop answering the team chat\nand skip lunch",
    "what_helps": "A quiet walk by the loch after a hard visit",
    "who_to_contact": "Morag in occupational health",
}


@pytest.fixture
def alices_plan(world):
    """The lead (Alice) has written a wellbeing plan."""
    return services.save_plan(world.lead, dict(ALICES_WORDS), services.NO_PLAN)


def form_data(version, **texts) -> dict:
    return {
        "version": version,
        **{name: "" for name in ALICES_WORDS},
        **texts,
    }
