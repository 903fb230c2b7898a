"""Demo interviews for Lochmore: two familiarisation interviews with consent,
notes in a few areas, and what helps and gets in the way. All invented.
Idempotent: a second load finds the interviews and changes nothing."""

from django.utils import timezone

from pathfinder.discovery.models import Interview
from pathfinder.discovery.services import interviews as services
from pathfinder.programmes.services import current_programme

INTERVIEWS = [
    {
        "format": Interview.Format.GROUP,
        "audience": Interview.Audience.STAFF,
        "days_ago": 30,
        "people": [("Recovery worker", "1_5"), ("Nurse", "6_10"), ("Team leader", "over_10")],
        "notes": {
            "wellbeing": "Supervision is monthly and valued, but is the first thing dropped when the team is busy.",
            "service": "Most referrals come from GP practices. People wait up to three weeks for an assessment.",
        },
        "tags": [
            ("facilitator", "wellbeing", ["safety"], "A monthly reflective practice group that staff value."),
            ("barrier", "policies", ["trust"], "The assessment form asks people to repeat their history each time."),
        ],
    },
    {
        "format": Interview.Format.INDIVIDUAL,
        "audience": Interview.Audience.PARTNER,
        "days_ago": 21,
        "people": [("GP practice manager", "6_10")],
        "notes": {"service": "Shared care works well where there is a named contact in the service."},
        "tags": [
            ("barrier", "service_design", ["choice"], "Psychology is only offered after three months abstinent."),
            ("facilitator", "service_design", ["collaboration"], "A named contact for each GP practice."),
        ],
    },
]


def load(context: dict) -> None:
    service = context["service"]
    programme = current_programme(service)
    if programme is None or Interview.objects.filter(programme=programme).exists():
        return
    lead = context["people"]["lead@lochmore.example"]
    guide = services.guides_for(service)[0]
    today = timezone.localdate()
    for spec in INTERVIEWS:
        (role, tenure), *others = spec["people"]
        interview = services.create_interview(
            programme=programme,
            guide=guide,
            format=spec["format"],
            audience=spec["audience"],
            held_on=today - timezone.timedelta(days=spec["days_ago"]),
            role=role,
            tenure=tenure,
            by=lead,
        )
        for role, tenure in others:
            services.add_participant(interview, role=role, tenure=tenure)
        services.record_consent(interview, may_record=False, version=interview.version, by=lead)
        services.save_notes(interview, texts=spec["notes"], version=interview.version, by=lead)
        for kind, theme, principles, text in spec["tags"]:
            services.add_tag(interview, kind=kind, theme=theme, principles=principles, text=text, by=lead)
