"""A respondent ticks some training, then "None of these yet": the other boxes
clear at once (the design system's exclusive checkbox), and the answer is sent."""

from django.utils import timezone

from pathfinder.instruments.models import InstrumentVersion
from pathfinder.surveys import services
from pathfinder.surveys.models import Response


def test_none_of_these_clears_the_other_boxes(journey, world):
    today = timezone.localdate()
    survey = services.create_survey(
        programme=world.programme,
        instrument_version=InstrumentVersion.objects.get(
            instrument__key="training-needs-analysis", instrument__owner=None
        ),
        kind="tna",
        title="Training needs 2027",
        distribution="link",
        opens_on=today,
        closes_on=today + timezone.timedelta(days=7),
        included_optional=[],
        by=world.lead,
    )
    journey.go(f"/answer/{survey.link_token}/")
    journey.choose("Trauma-informed e-learning")
    journey.choose("Wellbeing and self-care training")
    journey.choose("None of these yet")
    assert not journey.page.get_by_label("Trauma-informed e-learning", exact=True).is_checked()
    assert not journey.page.get_by_label("Wellbeing and self-care training", exact=True).is_checked()
    journey.choose("Safety and stabilisation training")
    assert not journey.page.get_by_label("None of these yet", exact=True).is_checked()
    journey.choose("None of these yet")
    journey.choose("Practitioner or key worker")
    journey.press("Send my answers")
    assert journey.heading() == "Thank you"
    assert Response.objects.get().answer_set()["about.training_done"] == ["none"]
