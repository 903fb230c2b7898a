"""Helpers for interview tests: an interview made through the services."""

from datetime import date

from pathfinder.discovery.services import interviews as services


def guide(world):
    return services.guides_for(world.service)[0]


def interview(world, *, consent=True, format="individual", audience="staff", by=None):
    made = services.create_interview(
        programme=world.programme,
        guide=guide(world),
        format=format,
        audience=audience,
        held_on=date(2026, 9, 10),
        role="Recovery worker",
        tenure="1_5",
        name="Jo Bloggs",
        by=by or world.lead,
    )
    if consent:
        services.record_consent(made, may_record=True, version=made.version, by=by or world.lead)
    return made


def tag(made, world, *, kind="barrier", theme="policies", text="Assessment forms ask people to retell their story."):
    return services.add_tag(made, kind=kind, theme=theme, principles=["trust", "safety"], text=text, by=world.lead)
