"""Demo data for planning: a plan whose actions answer the demo findings, a
theory of change, the implementation group with its charter and meetings,
and 'you said, we did' items. All invented; loading twice changes nothing."""

from datetime import date
from decimal import Decimal

from pathfinder.core.models import Membership
from pathfinder.planning.models import Plan
from pathfinder.planning.services import actions as plan_services
from pathfinder.planning.services import feedback as feedback_services
from pathfinder.planning.services import group as group_services
from pathfinder.planning.services import toc as toc_services
from pathfinder.programmes.services import current_programme

LEAD = "lead@lochmore.example"

STEPS = {
    "reflect": ("activity", "local", "Protect time for the monthly reflective practice group"),
    "criteria": ("activity", "local", "Review abstinence criteria for psychology with the mental health team"),
    "voice": ("activity", "local", "Set up a group where people who use the service shape how it works"),
    "induction": ("activity", "local", "Add trauma-skilled e-learning to induction for new staff"),
    "supported": ("short", "local", "Staff feel supported to talk about the emotional impact of their work"),
    "access": ("short", "local", "People can reach psychological support without first having to stop using"),
    "influence": ("short", "local", "People who use the service influence decisions about it"),
    "retention": ("interim", "local", "Staff wellbeing and retention improve"),
    "engagement": ("interim", "local", "Fewer people disengage from the service"),
    "recovery": (
        "long",
        "national",
        "People affected by trauma get support that helps recovery and avoids re-traumatisation",
    ),
    "workforce": ("long", "national", "A trauma-informed and responsive workforce across Scotland"),
}
LINKS = [
    (
        "reflect",
        "supported",
        "Regular reflection is where staff process difficult work together.",
        "Clinics can be covered.",
    ),
    ("induction", "supported", "New staff start with a shared understanding of trauma.", ""),
    (
        "criteria",
        "access",
        "Waiting for abstinence keeps people from support they need now.",
        "The mental health team agrees to review.",
    ),
    (
        "voice",
        "influence",
        "A standing group gives people a real say.",
        "People are paid for their time and feel safe to speak.",
    ),
    ("supported", "retention", "", ""),
    ("access", "engagement", "", ""),
    ("influence", "engagement", "Services shaped by people who use them fit their lives better.", ""),
    ("retention", "workforce", "", ""),
    ("engagement", "recovery", "", ""),
]
INDICATORS = {
    "supported": ("Staff say they feel supported, in the wellbeing pulse", "Wellbeing pulse survey, every six months"),
    "engagement": ("Fewer missed appointments", "Service appointment data, every quarter"),
}
# (key, title, theme, owner e-mail, starts, due, status, finding theme, step, outcome, £, hours, indirect, source, extra)
ACTIONS = [
    (
        "reflect",
        "Protect the monthly reflective practice group",
        "wellbeing",
        "group@lochmore.example",
        date(2026, 10, 1),
        date(2027, 3, 31),
        "in_progress",
        "wellbeing",
        "reflect",
        "supported",
        "0",
        "120",
        "Cover for clinics while staff attend.",
        "Service budget",
        {},
    ),
    (
        "criteria",
        "Review abstinence criteria for psychology with the mental health team",
        "service_design",
        LEAD,
        date(2026, 11, 1),
        date(2027, 6, 30),
        "not_started",
        "service_design",
        "criteria",
        "access",
        "0",
        "30",
        "",
        "",
        {
            "priority": "high",
            "decision_needed": "Agree a joint review with the community mental health team's manager.",
        },
    ),
    (
        "retell",
        "Agree a shared assessment summary so people need not retell their story",
        "policies",
        "staff@lochmore.example",
        date(2026, 10, 15),
        date(2026, 11, 20),
        "in_progress",
        "policies",
        None,
        "access",
        "500",
        "40",
        "",
        "ADP trauma-informed practice funding",
        {},
    ),
    (
        "voice",
        "Set up a service user advisory group",
        "power_sharing",
        "adviser@lochmore.example",
        date(2027, 1, 1),
        date(2027, 9, 30),
        "not_started",
        "power_sharing",
        "voice",
        "influence",
        "1200",
        "60",
        "Room hire from a partner; shopping vouchers to thank people for their time.",
        "Community foundation grant",
        {"suggestion_key": "power-group"},
    ),
    (
        "induction",
        "Add the trauma-skilled e-learning to the induction pack",
        "skills",
        "group@lochmore.example",
        date(2026, 9, 15),
        date(2026, 10, 31),
        "done",
        "skills",
        "induction",
        "supported",
        "0",
        "6",
        "",
        "",
        {},
    ),
    (
        "mission",
        "Write and share a trauma-informed mission statement",
        "leadership",
        "manager@lochmore.example",
        date(2027, 4, 1),
        date(2027, 12, 31),
        "not_started",
        None,
        None,
        None,
        "0",
        "15",
        "",
        "",
        {"suggestion_key": "leadership-mission-statement"},
    ),
]
GROUP = [
    (LEAD, "chair"),
    ("group@lochmore.example", "coordinator"),
    ("adviser@lochmore.example", "lived_experience"),
    ("manager@lochmore.example", "senior_link"),
    ("staff@lochmore.example", "member"),
]


def load(context: dict) -> None:
    service = context["service"]
    programme = current_programme(service)
    if programme is None or Plan.objects.filter(programme=programme).exists():
        return
    people = context["people"]
    lead = people[LEAD]
    memberships = {m.user.email: m for m in Membership.objects.filter(service=service).select_related("user")}

    plan = plan_services.plan_for(programme)
    plan_services.save_plan_settings(
        plan,
        version=0,
        by=lead,
        starts_on=programme.started_on,
        years=3,
        staff_hourly_rate=Decimal("24"),
        expected_savings=(
            "Fewer missed appointments, as people feel safer and better prepared for each step. "
            "Less sickness absence and fewer staff leaving, as reflective practice and supervision are protected. "
            "We will look at appointment data and HR absence figures every six months."
        ),
    )
    sources = {
        name: plan_services.add_funding_source(programme=programme, name=name, notes=notes, amount=amount, by=lead)
        for name, notes, amount in [
            ("Service budget", "The service's own staffing and running costs.", Decimal("2000")),
            ("ADP trauma-informed practice funding", "Yearly allocation from the partnership.", Decimal("6000")),
            ("Community foundation grant", "Applied for in December 2026.", None),
        ]
    }

    steps = {
        key: toc_services.add_node(programme=programme, kind=kind, scope=scope, text=text, by=lead)
        for key, (kind, scope, text) in STEPS.items()
    }
    for source, target, rationale, assumptions in LINKS:
        toc_services.add_link(
            source=steps[source], target=steps[target], rationale=rationale, assumptions=assumptions, by=lead
        )
    for key, (text, how) in INDICATORS.items():
        toc_services.add_indicator(node=steps[key], text=text, how_measured=how, by=lead)

    findings = {finding.theme: finding for finding in programme.findings.all()}
    made = {}
    for (
        key,
        title,
        theme,
        owner,
        starts,
        due,
        status,
        finding,
        step,
        outcome,
        cost,
        hours,
        indirect,
        source,
        extra,
    ) in ACTIONS:
        made[key] = plan_services.create_action(
            programme=programme,
            by=lead,
            findings=[findings[finding]] if finding in findings else [],
            title=title,
            theme=theme,
            owner=memberships[owner],
            starts_on=starts,
            due_on=due,
            status=status,
            activity=steps.get(step),
            outcome=steps.get(outcome),
            direct_cost=Decimal(cost),
            staff_hours=Decimal(hours),
            indirect_notes=indirect,
            funding_source=sources.get(source),
            **extra,
        )
    reflect = made["reflect"]
    plan_services.add_update(
        reflect,
        version=reflect.version,
        by=people["group@lochmore.example"],
        text="Dates are booked until March, and the team leads have agreed cover for clinics.",
        status="in_progress",
    )

    for email, role in GROUP:
        group_services.add_member(programme=programme, membership=memberships[email], role=role, by=lead)
    group_services.new_charter_version(
        programme=programme,
        based_on=0,
        by=lead,
        purpose="To take forward what we learned at the lens event and in the assessment, and to keep the "
        "implementation plan moving.",
        remit="Agrees priorities and owners for actions; asks senior management for decisions it cannot make itself.",
        membership="Staff from each team, a lived-experience adviser, and a link to senior management. "
        "Anyone in the service can ask to join.",
        meets_every_weeks=6,
        meetings="90 minutes, in the Lochmore office or online. Notes are shared within a week.",
        reporting="The senior management link takes a progress report to the management team after every second meeting.",
        approved_on=date(2026, 10, 20),
    )
    first = group_services.record_meeting(
        programme=programme,
        by=lead,
        attendees=[memberships[email] for email, _ in GROUP],
        held_on=date(2026, 11, 10),
        notes="Looked at the findings from familiarisation and agreed owners for the first actions.",
        decisions="Protect the reflective practice group in the rota.\nStart the advisory group in January.",
        decisions_needed="Agree protected time for staff to attend training: half a day each quarter.",
    )
    group_services.review_actions(first, [made["reflect"], made["retell"]], by=lead)
    plan_services.create_action(
        programme=programme,
        by=lead,
        raised_at=first,
        title="Ask partners about sharing a room for the advisory group",
        theme="power_sharing",
        owner=memberships["adviser@lochmore.example"],
        starts_on=first.held_on,
        due_on=date(2027, 1, 31),
    )
    group_services.record_meeting(programme=programme, by=lead, held_on=group_services.next_meeting_date(programme))

    feedback_services.record_feedback(
        programme=programme,
        by=lead,
        source="suggestion_box",
        received_on=date(2026, 10, 5),
        said="The waiting room is noisy and there is nowhere quiet to wait.",
        theme="service_design",
        response="We have set aside the small room next to reception as a quiet space. Just ask at the desk.",
        status="done",
        published=True,
    )
    feedback_services.record_feedback(
        programme=programme,
        by=lead,
        source="staff",
        received_on=date(2026, 10, 12),
        said="Reflective practice keeps getting cancelled when clinics are busy.",
        theme="wellbeing",
        response="The group is now protected in the rota, with cover agreed for clinics.",
        status="acting",
        action=reflect,
        published=True,
    )
    feedback_services.record_feedback(
        programme=programme,
        by=lead,
        add_to_findings=True,
        source="partner",
        received_on=date(2026, 11, 2),
        said="GP practices are not sure who to contact with questions about shared care.",
        theme="service_design",
        status="new",
    )
