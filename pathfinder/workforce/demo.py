"""Demo data for training: job roles for the Lochmore people and a few
training records, so coverage is partial and a gap can become a finding; and
a first plan drafted from the role map."""

from datetime import date

from pathfinder.core.models import Membership
from pathfinder.programmes.services import current_programme
from pathfinder.workforce import plans, training
from pathfinder.workforce.models import TrainingPlan, WorkforceProfile

JOB_ROLES = {
    "lead@lochmore.example": "manager",
    "manager@lochmore.example": "manager",
    "group@lochmore.example": "practitioner",
    "staff@lochmore.example": "practitioner",
    "adviser@lochmore.example": "peer_worker",
    "partner@lochmore.example": "clinician",
}
RECORDS = {
    "lead@lochmore.example": [("ti-elearning", date(2026, 9, 14)), ("stilt", date(2026, 10, 20))],
    "manager@lochmore.example": [("ti-elearning", date(2026, 10, 2))],
    "group@lochmore.example": [
        ("ti-elearning", date(2026, 9, 21)),
        ("ts-substance-use", date(2026, 11, 9)),
        ("team-learning-after-elearning", date(2026, 11, 23)),
    ],
    "staff@lochmore.example": [("ti-films", date(2026, 11, 2))],
    "partner@lochmore.example": [("ti-elearning", date(2026, 8, 30)), ("ts-elearning", date(2026, 9, 30))],
}


def load(context: dict) -> None:
    service, people = context["service"], context["people"]
    lead = people["lead@lochmore.example"]
    members = {m.user.email: m for m in Membership.objects.filter(service=service).select_related("user")}
    if WorkforceProfile.objects.filter(membership__service=service).exists():
        return
    entries = {entry.key: entry for entry in training.catalogue_for(service)}
    for email, job_role in JOB_ROLES.items():
        training.set_job_role(members[email], job_role, version=training.NO_PROFILE, by=lead)
    for email, done in RECORDS.items():
        for key, completed_on in done:
            training.add_record(members[email], entries[key], completed_on, by=lead)
    programme = current_programme(service)
    if programme is not None and not TrainingPlan.objects.filter(programme=programme).exists():
        plans.draft_plan(programme, None, lead)
