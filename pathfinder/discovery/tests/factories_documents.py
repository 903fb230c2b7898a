"""A document in the register, made through the services, for the documents tests."""

from pathfinder.discovery.services import documents as services


def a_document(world, title: str = "Initial assessment form", **fields):
    """A team's own form unless `fields` say otherwise (kind, owner, changed_by, dates...)."""
    defaults = {"kind": "assessment_form", "owner": "team", "changed_by": "team"}
    return services.add_document(programme=world.programme, by=world.lead, title=title, **(defaults | fields))
