import pytest

from pathfinder.lens import services
from pathfinder.lens.models import Vignette
from pathfinder.testing.factories import MembershipFactory

STAGE_NAMES = ["Referral", "First contact", "Assessment", "Starting treatment", "Review"]


@pytest.fixture
def stages(world):
    return [
        services.add_stage(
            world.service, name=name, what_happens=f"What happens at {name.lower()}.", typical_wait="2 weeks"
        )
        for name in STAGE_NAMES
    ]


@pytest.fixture
def library(db):
    return {vignette.key: vignette for vignette in Vignette.objects.filter(service__isnull=True)}


@pytest.fixture
def adviser(world):
    return MembershipFactory(service=world.service, role="lived_experience", user__full_name="Ada Adviser").user


@pytest.fixture
def event(world, stages, library):
    """A draft event with three groups, the member and the lead taking part."""
    event = services.create_event(programme=world.programme, title="Lens event", place="Town hall", by=world.lead)
    for name, tier, keys in [
        ("Group 1", "lower", ["morag", "callum"]),
        ("Group 2", "mid", ["derek", "nicole"]),
        ("Group 3", "higher", ["shona", "ryan"]),
    ]:
        services.add_group(event, name=name, tier=tier, vignettes=[library[key] for key in keys])
    groups = list(event.groups.all())
    services.add_members(event, [world.memberships.member], group=groups[0], by=world.lead)
    services.add_members(event, [world.memberships.lead], group=groups[1], by=world.lead)
    event.refresh_from_db()
    return event


@pytest.fixture
def open_event(event, world):
    services.open_event(event, version=event.version, by=world.lead)
    event.refresh_from_db()
    return event


def journey_of(event, group=0, position=1):
    return event.groups.order_by("position")[group].journeys.get(position=position)


def note(event, stage, kind="barrier", text="People wait too long.", principles=("trust",), group=0, position=1):
    return services.add_note(
        journey_of(event, group, position), stage, kind=kind, text=text, principles=list(principles)
    )


def close(event, world):
    event.refresh_from_db()
    services.close_event(event, version=event.version, by=world.lead)
    event.refresh_from_db()
    return event
