"""Demo data for the lens event: Lochmore's pathway, and a lens event under way
with three groups, notes at several stages, areas for improvement and votes.
Everyone and every story here is made up."""

from datetime import date, time

from pathfinder.core.models import Membership
from pathfinder.lens import services
from pathfinder.lens.models import LensEvent, Pathway, Vignette
from pathfinder.programmes.services import current_programme

STAGES = [
    (
        "Referral",
        "Your GP, another service or you yourself get in touch with us, by phone, online or in person.",
        "Drug and alcohol team duty worker",
        "GP practices, pharmacies, hospital liaison",
        "Same day to 2 days",
    ),
    (
        "First contact",
        "We phone or text you to say we have your referral, and offer a first appointment.",
        "Duty worker",
        "",
        "Within 1 week",
    ),
    (
        "Assessment",
        "We meet to talk about what is happening, what matters to you and what you would like to change.",
        "A nurse or recovery worker",
        "",
        "Within 3 weeks",
    ),
    (
        "Starting treatment",
        "Together we agree your plan. If medication is part of it, you can start on the day you are assessed.",
        "Prescriber, nurse and your key worker",
        "Community pharmacy",
        "Same day to 2 weeks",
    ),
    (
        "Psychosocial support",
        "Regular sessions with your key worker, and groups if you would like them.",
        "Key worker, peer support worker",
        "Recovery community, third-sector partners",
        "Ongoing",
    ),
    (
        "Psychology",
        "Support from a psychologist, including help with the effects of trauma.",
        "Psychologist",
        "Community mental health team",
        "Up to 18 weeks",
    ),
    (
        "Review and moving on",
        "We look at how things are going together, and plan for leaving the service when you are ready.",
        "Key worker",
        "GP practice for shared care",
        "Every 3 months",
    ),
]

GROUPS = [
    ("Group 1", "lower", ["morag", "callum"]),
    ("Group 2", "mid", ["derek", "nicole"]),
    ("Group 3", "higher", ["shona", "ryan"]),
]

# (group index, journey index, stage index, kind, principles, participant kind, text)
NOTES = [
    (
        0,
        0,
        1,
        "works_well",
        ["trust"],
        "staff",
        "A text message the same day lets people know their referral has arrived.",
    ),
    (
        0,
        0,
        2,
        "barrier",
        ["choice", "safety"],
        "lived_experience",
        "Appointments are only offered in working hours, in the town centre where people may be recognised.",
    ),
    (0, 1, 1, "barrier", ["trust"], "", "After a self-referral online, nobody says how long the wait will be."),
    (
        0,
        1,
        5,
        "barrier",
        ["choice", "empowerment"],
        "partner",
        "Psychology asks for three months without using first, so support for anxiety is out of reach.",
    ),
    (0, 1, 5, "idea", ["choice"], "staff", "Offer safety and stabilisation sessions while people are still using."),
    (
        1,
        0,
        2,
        "barrier",
        ["safety", "collaboration"],
        "",
        "Missed appointments lead to a discharge letter before anyone visits or phones.",
    ),
    (
        1,
        0,
        2,
        "idea",
        ["collaboration"],
        "partner",
        "Ask the GP practice or pharmacy to check in before sending any discharge letter.",
    ),
    (
        1,
        1,
        2,
        "barrier",
        ["trust", "safety"],
        "lived_experience",
        "People have to tell their whole story again at every assessment.",
    ),
    (
        1,
        1,
        2,
        "idea",
        ["trust"],
        "lived_experience",
        "Offer a 'This is me' document so people can share their story once, if they choose to.",
    ),
    (
        1,
        1,
        4,
        "works_well",
        ["choice"],
        "staff",
        "People can ask for a worker of a particular gender, and this is respected.",
    ),
    (
        2,
        0,
        0,
        "works_well",
        ["collaboration", "safety"],
        "partner",
        "Prison throughcare staff phone the team before someone is released.",
    ),
    (2, 0, 3, "barrier", ["safety"], "", "Prescriptions are not always ready on the day someone leaves prison."),
    (
        2,
        0,
        3,
        "idea",
        ["safety", "collaboration"],
        "staff",
        "Give naloxone and a same-day prescribing slot to everyone leaving prison.",
    ),
    (2, 1, 0, "barrier", ["safety", "trust"], "", "Nobody follows up after a visit to A&E."),
    (
        2,
        1,
        4,
        "works_well",
        ["empowerment"],
        "lived_experience",
        "The peer support worker helped people feel they belonged.",
    ),
]

# (title, description, linked notes, votes counted on paper, who voted here: participant indexes)
PRIORITIES = [
    (
        "Shorter, clearer waits for a first appointment",
        "Tell people how long they will wait, and offer times and places that suit them.",
        [1, 2],
        4,
        [0, 1],
    ),
    (
        "Psychological support without abstinence first",
        "Review the abstinence rule for psychology and offer safety and stabilisation earlier.",
        [3, 4],
        6,
        [0, 1, 2, 3],
    ),
    (
        "Tell your story once",
        "Share information between services, with consent, so people do not have to retell their story.",
        [7, 8],
        3,
        [2, 4],
    ),
    (
        "Leaving prison safely",
        "Prescriptions, naloxone and a named worker ready on the day of release.",
        [11, 12],
        5,
        [0, 1, 3, 4],
    ),
]


def load(context: dict) -> None:
    service, people = context["service"], context["people"]
    programme = current_programme(service)
    if programme is None or LensEvent._default_manager.filter(programme=programme).exists():
        return
    lead = people["lead@lochmore.example"]
    if not Pathway._default_manager.filter(service=service, stages__isnull=False).exists():
        for name, what, who, partners, wait in STAGES:
            services.add_stage(
                service, name=name, what_happens=what, who_is_involved=who, partners=partners, typical_wait=wait
            )
    stages = list(
        Pathway._default_manager.get(service=service).stages.filter(retired_at__isnull=True).order_by("position")
    )

    event = services.create_event(
        programme=programme,
        title="Lens event, November 2026",
        held_on=date(2026, 11, 18),
        place="Lochmore Community Centre, main hall (quiet room next door)",
        by=lead,
    )
    LensEvent._default_manager.filter(pk=event.pk).update(
        starts_at=time(9, 30),
        support_person="Morven from the recovery community will be there all morning. Ask anyone at the door for her.",
        leaflet_contact="Lochmore Drug and Alcohol Service, 4 Harbour Road, Lochmore\n"
        "Phone 01234 567 890 (Monday to Friday, 9am to 5pm)\nDrop in on Tuesdays, 10am to 12 noon",
    )
    vignettes = {vignette.key: vignette for vignette in Vignette._default_manager.filter(service__isnull=True)}
    groups = [
        services.add_group(event, name=name, tier=tier, vignettes=[vignettes[key] for key in keys])
        for name, tier, keys in GROUPS
    ]
    members = {m.user.email: m for m in Membership.objects.filter(service=service).select_related("user")}
    seats = {
        "group@lochmore.example": 0,
        "staff@lochmore.example": 1,
        "adviser@lochmore.example": 1,
        "partner@lochmore.example": 2,
        "lead@lochmore.example": None,
    }
    for email, seat in seats.items():
        services.add_members(event, [members[email]], group=groups[seat] if seat is not None else None, by=lead)
    services.add_guest(event, kind="partner", group=groups[0], by=lead)
    services.add_guest(event, kind="lived_experience", group=groups[2], by=lead)
    services.add_guest(event, kind="partner", label="", group=groups[2], by=lead)

    event.refresh_from_db()
    services.open_event(event, version=event.version, by=lead)
    journeys = [list(group.journeys.order_by("position")) for group in groups]
    notes = [
        services.add_note(
            journeys[group][journey],
            stages[stage],
            kind=kind,
            text=text,
            principles=principles,
            participant_kind=raised,
        )
        for group, journey, stage, kind, principles, raised, text in NOTES
    ]
    participants = list(event.participants.filter(membership__isnull=False).order_by("id"))
    for title, description, linked, room_votes, voters in PRIORITIES:
        priority = services.add_priority(event, title=title, description=description, notes=[notes[i] for i in linked])
        priority.room_votes = room_votes
        priority.save(update_fields=["room_votes"])
        for index in voters:
            services.cast_vote(priority, participants[index])
