"""Demo data for the national view: two more fictional services, so the
national viewer has a comparison to look at, and each service's settings.
Idempotent, like the other demo loaders."""

from datetime import date

from pathfinder.core.models import Service
from pathfinder.evidence.models import MatStandardRating
from pathfinder.national.models import ServiceProfile
from pathfinder.programmes import services as programme_services
from pathfinder.workforce.models import StaffMember

EXTRA = (
    # slug, name, with the home service's board and ADP?, area, ratings of standards 6 and 10
    ("glenbrae-community-recovery", "Glenbrae Community Recovery", True, "rural", ("amber", "red")),
    ("ardmhor-island-service", "Ardmhor Island Service", False, "island", ("provisional_green", "amber")),
)


def load(context: dict) -> None:
    home, other = context["service"], context["other_service"]
    ServiceProfile.objects.get_or_create(service=home, defaults={"named_nationally": True, "area_kind": "mixed"})
    ServiceProfile.objects.get_or_create(service=other, defaults={"named_nationally": False, "area_kind": "island"})
    for slug, name, with_home, area, ratings in EXTRA:
        service, made = Service.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "organisation": home.organisation if with_home else other.organisation,
                "partnership": home.partnership if with_home else None,
                "description": "A fictional service, for trying the national view out.",
            },
        )
        ServiceProfile.objects.get_or_create(service=service, defaults={"area_kind": area})
        if not made:
            continue
        programme = programme_services.start_programme(
            service=service, name="Trauma-informed practice programme", started_on=date(2026, 10, 1), by=None
        )
        for standard, rating in zip((6, 10), ratings, strict=True):
            MatStandardRating.objects.create(
                programme=programme,
                standard=standard,
                rated_on=date(2026, 11, 20),
                rating=rating,
                reason="Agreed at the implementation group.",
                process_evidence="Described at the group's meeting.",
            )
        StaffMember.objects.bulk_create(
            [StaffMember(service=service, name=f"Staff member {n}", job_role="practitioner") for n in range(1, 9)]
        )
