"""Every URL pattern, with who may use it. A new URL fails this test until it
is added here, so access is always a conscious decision.

Access kinds:
- public:    anyone, signed in or not
- signed_in: any signed-in person; signed-out people go to sign-in
- service:   a service page needing a permission: the lead gets in, the
             read-only viewer gets 403 unless their role has the permission,
             an outsider from another organisation gets 404
- site:      site administrators only (403 for everyone else)
- account:   django-allauth's sign-in pages (their own tests cover them)
- off:       switched off: 404 for everyone
- api:       the read-only API (bearer tokens; its own tests)
"""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from pathfinder.core.roles import PERMISSIONS, Perm, Role


@dataclass(frozen=True)
class Route:
    access: str
    perm: Perm | None = None
    kwargs: callable = field(default=lambda w: {})
    methods: tuple = ("GET",)
    ok: int | tuple = 200  # what someone who is allowed in gets
    # Service pages open to named people rather than by permission (e.g. raters).
    only: frozenset = frozenset()
    data: callable = field(default=lambda w: {})  # what a POST sends


def _invitation(w):
    from pathfinder.core import services

    invitation, _ = services.invite(service=w.service, email="new@example.org", role=Role.STAFF, by=w.lead)
    return {"slug": w.service.slug, "pk": invitation.pk}


def _site_invitation(w):
    invitation = _invitation(w)
    return {"pk": w.service.pk, "invitation_pk": invitation["pk"]}


def _slug(w):
    return {"slug": w.service.slug}


def _programme(w):
    return {"pk": w.programme.pk}


def _round(w, status="open", **extra):
    """A round rated by the lead and the member, moved to `status`."""
    from pathfinder.assessments import services
    from pathfinder.assessments.models import AssessmentRound
    from pathfinder.instruments.models import InstrumentVersion

    version = InstrumentVersion.objects.filter(
        instrument__owner=None, instrument__purpose="organisational_assessment"
    ).first()
    round_ = services.open_round(
        programme=w.programme,
        instrument_version=version,
        kind="baseline",
        title="Baseline",
        raters=[w.lead, w.member],
        by=w.lead,
    )
    AssessmentRound.objects.filter(pk=round_.pk).update(status=status)
    return {"pk": round_.pk, **extra}


def _oversight(w):
    from pathfinder.national.models import Oversight

    return {"pk": Oversight.objects.create(user=w.viewer, scope=Oversight.Scope.NATIONAL).pk}


def _learning_report(w, published=True, **extra):
    from pathfinder.learning import services

    report, _ = services.start_draft(programme=w.programme, by=w.lead, inputs={})
    if published:
        services.publish(report, version=report.version, by=w.lead)
    return {"pk": report.pk, **extra}


def _survey(w, closed=False, **extra):
    from django.utils import timezone

    from pathfinder.instruments.models import InstrumentVersion
    from pathfinder.surveys import services

    version = InstrumentVersion.objects.get(instrument__key="training-needs-analysis", instrument__owner=None)
    today = timezone.localdate()
    survey = services.create_survey(
        programme=w.programme,
        instrument_version=version,
        kind="tna",
        title="TNA",
        distribution="codes",
        opens_on=today,
        closes_on=today + timezone.timedelta(days=7),
        included_optional=[],
        by=w.lead,
    )
    if closed:
        services.close_early(survey, version=survey.version, by=w.lead)
    return {"pk": survey.pk, **extra}


def _survey_link(w):
    from pathfinder.surveys.models import Survey

    return {"token": Survey.objects.get(pk=_survey(w)["pk"]).link_token}


def _tool(w):
    from pathfinder.instruments.models import InstrumentVersion

    return {"slug": w.service.slug, "pk": InstrumentVersion.objects.filter(instrument__owner=None).first().pk}


def _training_plan(w):
    from pathfinder.workforce import plans

    return {"pk": plans.draft_plan(w.programme, None, w.lead).pk}


def _training_line(w):
    from pathfinder.workforce.models import PlanLine

    kwargs = _training_plan(w)
    return {**kwargs, "line": PlanLine.objects.filter(plan_id=kwargs["pk"]).first().pk}


def _training_entry(w):
    from pathfinder.workforce import training

    return {"pk": w.programme.pk, "entry": training.catalogue_for(w.service)[0].pk}


def _training_person(w, record=False):
    from datetime import date

    from pathfinder.workforce import training

    membership = w.memberships.member
    kwargs = {"pk": w.programme.pk, "membership": membership.pk}
    if record:
        entry = training.catalogue_for(w.service)[0]
        kwargs["record"] = training.add_record(membership, entry, date(2026, 1, 5), by=w.lead).pk
    return kwargs


def _training_staff(w, record=False):
    from datetime import date

    from pathfinder.workforce import training

    person = training.add_staff_member(w.service, name="Morag Ross", job_role="admin", by=w.lead)
    kwargs = {"pk": w.programme.pk, "staff": person.pk}
    if record:
        entry = training.catalogue_for(w.service)[0]
        kwargs["record"] = training.add_record(person, entry, date(2026, 1, 5), by=w.lead, status="booked").pk
    return kwargs


def _training_booked(w):
    from datetime import date

    from pathfinder.workforce import training

    kwargs = _training_person(w)
    entry = training.catalogue_for(w.service)[0]
    kwargs["record"] = training.add_record(w.memberships.member, entry, date(2026, 1, 5), by=w.lead, status="booked").pk
    return kwargs


def _plan_action(w):
    from datetime import date

    from pathfinder.planning.services import actions

    action = actions.create_action(
        programme=w.programme,
        by=w.lead,
        title="Protect reflective practice",
        theme="wellbeing",
        owner=w.memberships.member,
        due_on=date(2027, 3, 31),
    )
    return {"pk": action.pk}


def _plan_finding(w):
    from pathfinder.programmes import services

    finding = services.add_finding(programme=w.programme, theme="culture", kind="gap", text="A gap", by=w.lead)
    return {"pk": finding.pk}


def _plan_step(w):
    from pathfinder.planning.services import toc

    step = toc.add_node(programme=w.programme, kind="activity", scope="local", text="Do something", by=w.lead)
    return {"pk": step.pk}


def _plan_diagram(w):
    """A theory of change with one step, so there is a diagram to download."""
    _plan_step(w)
    return {"pk": w.programme.pk, "fmt": "svg"}


def _plan_link(w):
    from pathfinder.planning.models import ToCNode
    from pathfinder.planning.services import toc

    source = ToCNode.objects.get(pk=_plan_step(w)["pk"])
    target = toc.add_node(programme=w.programme, kind="short", scope="local", text="Things improve", by=w.lead)
    link = toc.add_link(source=source, target=target, rationale="", assumptions="", by=w.lead)
    return {"pk": link.pk}


def _plan_charter(w):
    from pathfinder.planning.services import group

    charter = group.new_charter_version(programme=w.programme, based_on=0, by=w.lead, purpose="Keep the plan moving")
    return {"pk": charter.pk}


def _plan_report(w):
    from pathfinder.planning.services import actions

    report = actions.record_report(programme=w.programme, by=w.lead, fmt="pdf")
    return {"pk": report.pk}


def _plan_meeting(w):
    from datetime import date

    from pathfinder.planning.services import group

    meeting = group.record_meeting(programme=w.programme, by=w.lead, held_on=date(2026, 11, 10))
    return {"pk": meeting.pk}


def _plan_feedback(w):
    from pathfinder.planning.services import feedback

    item = feedback.record_feedback(
        programme=w.programme, by=w.lead, source="staff", said="More breaks", response="Breaks are protected"
    )
    return {"pk": item.pk}


def _document(w):
    from pathfinder.discovery.services import documents

    document = documents.add_document(
        programme=w.programme,
        by=w.lead,
        title="Assessment form",
        kind="assessment_form",
        owner="team",
        changed_by="team",
    )
    return {"pk": document.pk}


def _document_answer(w):
    from datetime import date

    from pathfinder.discovery.models import Document
    from pathfinder.discovery.services import documents

    document = Document.objects.get(pk=_document(w)["pk"])
    review = documents.record_review(
        document=document,
        by=w.lead,
        reviewed_on=date(2026, 11, 1),
        answers={"retell": {"answer": "yes", "found": "Asks twice.", "proposed": "Ask once."}},
    )
    return review


def _working_group(w):
    from pathfinder.discovery.services import documents

    return {"pk": documents.add_working_group(programme=w.programme, by=w.lead, name="Forms").pk}


def _partner(w):
    from pathfinder.discovery import services_partners

    return services_partners.add_partner(programme=w.programme, by=w.lead, name="Riverside Medical Practice", kind="gp")


def _partner_engagement(w):
    from pathfinder.discovery import services_partners

    return services_partners.record_engagement(partner=_partner(w), what="training", title="Level 1", by=w.lead)


def _partner_learning(w):
    from pathfinder.discovery import services_partners

    return services_partners.add_learning(
        partner=_partner(w), by=w.lead, kind="barrier", theme="service_design", text="Referrals bounce back."
    )


def _measure(w):
    from pathfinder.measures import services

    return {"pk": w.programme.pk, "measure": services.load_example(w.service, by=w.lead).pk}


def _language_audit(w):
    from pathfinder.evidence import language_audit

    audit = language_audit.check_register_document(
        programme=w.programme, by=w.lead, name="Care plan template", text="We ask what happened."
    )
    return {"pk": audit.pk}


def _mat_standard(w):
    return {"pk": w.programme.pk, "number": 6}


def _progress_measure(w):
    """A measure to open: standard 6 rated once, so the Progress page has "mat:6"."""
    from pathfinder.evidence import services

    services.rate(
        programme=w.programme,
        standard=6,
        by=w.lead,
        rated_on=date(2026, 1, 5),
        rating="amber",
        reason="In place.",
        process_evidence="A pathway is agreed.",
    )
    return {"pk": w.programme.pk, "key": "mat:6"}


def _lens_event(w, status="draft"):
    """A lens event with one pathway stage and one group following two built-in
    vignettes; the lead and the member take part in the group."""
    from pathfinder.lens import services
    from pathfinder.lens.models import LensEvent, Vignette

    services.add_stage(w.service, name="Referral")
    event = services.create_event(programme=w.programme, title="Lens event", by=w.lead)
    group = services.add_group(
        event, name="Group 1", tier="lower", vignettes=list(Vignette.objects.filter(service=None, tier="lower")[:2])
    )
    services.add_members(event, [w.memberships.member, w.memberships.lead], group=group, by=w.lead)
    LensEvent.objects.filter(pk=event.pk).update(status=status)
    event.refresh_from_db()
    return event


def _lens(w, status="draft", **extra):
    return {"pk": _lens_event(w, status).pk, **extra}


def _lens_stage(w):
    from pathfinder.lens import services

    return {"slug": w.service.slug, "pk": services.add_stage(w.service, name="Assessment").pk}


def _lens_journey(w, **extra):
    event = _lens_event(w, "open")
    journey = event.groups.get().journeys.get(position=1)
    return {"pk": journey.pk, **extra}


def _lens_journey_stage(w):
    kwargs = _lens_journey(w)
    return {**kwargs, "stage": w.service.lens_pathway.stages.get().pk}


def _lens_priority(w, status="open"):
    from pathfinder.lens import services
    from pathfinder.lens.models import LensEvent

    event = _lens_event(w, "open")
    priority = services.add_priority(event, title="Clearer waits")
    LensEvent.objects.filter(pk=event.pk).update(status=status)
    return priority


def _lens_voucher(w):
    from pathfinder.lens import services

    event = _lens_event(w)
    record = services.record_reimbursement(
        event.participants.first(), voucher_type="Gift card", amount="20", given_on="2026-11-18", by=w.lead
    )
    return {"pk": record.pk}


def _lens_note(w):
    from pathfinder.lens import services

    event = _lens_event(w, "open")
    journey = event.groups.get().journeys.get(position=1)
    stage = w.service.lens_pathway.stages.get()
    note = services.add_note(journey, stage, kind="barrier", text="Long waits.", principles=["trust"])
    return {"pk": note.pk}


def _lens_vignette(w):
    from pathfinder.lens import services

    vignette = services.add_vignette(
        w.service, name="Ailsa", age=30, tier="mid", story="A made-up story.", purpose="Waiting.", content_note=""
    )
    return {"slug": w.service.slug, "pk": vignette.pk}


def _interview(w, consent=True, **extra):
    """An interview with the lead's built-in guide, consent recorded, and one barrier tagged."""
    from pathfinder.discovery.services import interviews

    guide = interviews.guides_for(w.service)[0]
    interview = interviews.create_interview(
        programme=w.programme,
        guide=guide,
        format="group",
        audience="staff",
        held_on="2026-09-10",
        role="Recovery worker",
        tenure="1_5",
        by=w.lead,
    )
    if consent:
        interviews.record_consent(interview, may_record=False, version=interview.version, by=w.lead)
        interviews.add_tag(
            interview,
            kind="barrier",
            theme="policies",
            principles=["trust"],
            text="Forms ask people to retell",
            by=w.lead,
        )
    return {"pk": interview.pk, **extra}


def _interview_guide(w, **extra):
    from pathfinder.discovery.services import interviews

    return {"slug": w.service.slug, "pk": interviews.guides_for(w.service)[0].pk, **extra}


def _interview_tag(w):
    from pathfinder.discovery.models import InterviewTag

    return {"pk": InterviewTag.objects.get(interview_id=_interview(w)["pk"]).pk}


ROUTES = {
    # Home lists your services, or goes straight to your only one.
    "home": Route("signed_in", ok=(200, 302)),
    "health": Route("public"),
    "account": Route("signed_in"),
    "account_sign_ins": Route("signed_in"),
    "account_stay_signed_in": Route("signed_in", methods=("POST",), ok=302),
    "about": Route("public"),
    "privacy": Route("public"),
    "accessibility": Route("public"),
    # A made-up token is not an invitation; real ones are tested in core/tests.
    "invitation_accept": Route("public", kwargs=lambda w: {"token": "not-a-real-token"}, ok=404),
    "people": Route("service", Perm.MANAGE_MEMBERS, _slug),
    "membership_edit": Route(
        "service", Perm.MANAGE_MEMBERS, lambda w: {"slug": w.service.slug, "pk": w.memberships.member.pk}
    ),
    "invitation_withdraw": Route("service", Perm.MANAGE_MEMBERS, _invitation, ("POST",), ok=302),
    "activity": Route("service", Perm.VIEW_AUDIT, _slug),
    "site_admin": Route("site"),
    "site_admin_organisation_new": Route("site"),
    "site_admin_service_new": Route("site"),
    "site_admin_service": Route("site", kwargs=lambda w: {"pk": w.service.pk}),
    "site_admin_invitation_resend": Route("site", kwargs=_site_invitation, methods=("POST",), ok=302),
    "site_admin_invitation_withdraw": Route("site", kwargs=_site_invitation, methods=("POST",), ok=302),
    "site_admin_users": Route("site"),
    "site_admin_user_disable": Route("site", kwargs=lambda w: {"pk": w.member.pk}, methods=("POST",), ok=302),
    # With a programme started, the service home goes on to its dashboard.
    "service_home": Route("service", Perm.VIEW_PROGRAMME, _slug, ok=302),
    "programme_dashboard": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "programme_phase_edit": Route("service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": w.programme.pk, "phase": "plan"}),
    "programme_findings": Route("service", Perm.VIEW_PROGRAMME, _programme),
    # Only the person who recorded the finding (here the lead) may change it.
    "programme_finding_edit": Route(
        "service", kwargs=lambda w: {"pk": w.programme.pk, "finding": _plan_finding(w)["pk"]}, only=frozenset({"lead"})
    ),
    "assessment_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "assessment_open": Route("service", Perm.RUN_ASSESSMENTS, _programme),
    "assessment_round": Route("service", Perm.VIEW_PROGRAMME, _round),
    "assessment_rate": Route(
        "service", kwargs=lambda w: _round(w, section="culture"), only=frozenset({"lead", "member"})
    ),
    "assessment_check": Route("service", kwargs=_round, only=frozenset({"lead", "member"})),
    # A stale version: allowed people are told the round changed and sent back to it.
    "assessment_move": Route(
        "service",
        Perm.RUN_ASSESSMENTS,
        _round,
        ("POST",),
        ok=302,
        data=lambda w: {"action": "close", "version": 99, "confirmed": "yes"},
    ),
    # Closing asks first (GET, or a POST without the confirmation: 200); confirmed, a stale version goes back.
    "assessment_close_ratings": Route(
        "service", Perm.RUN_ASSESSMENTS, _round, ("GET", "POST"), ok=(200, 302), data=lambda w: {"version": 99}
    ),
    "assessment_close": Route(
        "service",
        Perm.RUN_ASSESSMENTS,
        lambda w: _round(w, "consensus"),
        ("GET", "POST"),
        ok=(200, 302),
        data=lambda w: {"version": 99, "confirmed": "yes"},
    ),
    "assessment_remind": Route("service", Perm.RUN_ASSESSMENTS, _round, ("POST",), ok=302),
    "assessment_reopen": Route("service", Perm.RUN_ASSESSMENTS, lambda w: _round(w, "closed")),
    "assessment_agree": Route("service", Perm.RUN_ASSESSMENTS, lambda w: _round(w, "consensus", section="culture")),
    "assessment_results": Route("service", Perm.VIEW_PROGRAMME, lambda w: _round(w, "closed")),
    "assessment_make_finding": Route(
        "service",
        Perm.RECORD_FINDINGS,
        lambda w: _round(w, "closed"),
        ("POST",),
        ok=302,
        data=lambda w: {"item": "culture.principles-in-decisions", "kind": "gap"},
    ),
    "assessment_export": Route("service", Perm.EXPORT_DATA, lambda w: _round(w, "closed", fmt="csv")),
    "instrument_list": Route("service", Perm.VIEW_PROGRAMME, _slug),
    "instrument_detail": Route("service", Perm.VIEW_PROGRAMME, _tool),
    "instrument_adapt": Route("service", Perm.RUN_ASSESSMENTS, _tool),
    "survey_list": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "survey_new": Route("service", Perm.RUN_SURVEYS, _programme),
    "survey_detail": Route("service", Perm.RUN_SURVEYS, _survey),
    "survey_questions": Route("service", Perm.RUN_SURVEYS, _survey, ("POST",), ok=302),
    "survey_invite": Route("service", Perm.RUN_SURVEYS, _survey, ("POST",), ok=302),
    "survey_remind": Route("service", Perm.RUN_SURVEYS, _survey, ("POST",), ok=302),
    # A stale version: allowed people are told the survey changed and sent back to it.
    "survey_delete": Route("service", Perm.RUN_SURVEYS, _survey, ("GET", "POST"), ok=(200, 302)),
    "survey_archive": Route("service", Perm.RUN_SURVEYS, _survey, ("POST",), ok=302, data=lambda w: {"archived": "1"}),
    # Closing asks first (GET, or a POST without the confirmation: 200).
    "survey_close": Route(
        "service", Perm.RUN_SURVEYS, _survey, ("GET", "POST"), ok=(200, 302), data=lambda w: {"version": 99}
    ),
    "survey_results": Route("service", Perm.VIEW_SURVEY_RESULTS, lambda w: _survey(w, closed=True)),
    # Fewer than 10 answers: there is nothing that may be downloaded.
    "survey_export": Route("service", Perm.VIEW_SURVEY_RESULTS, lambda w: _survey(w, closed=True, fmt="csv"), ok=403),
    # Answering needs no account: the link is the key.
    "survey_finding": Route("service", Perm.RECORD_FINDINGS, lambda w: _survey(w, closed=True)),
    "survey_answer": Route("public", kwargs=_survey_link),
    "survey_thanks": Route("public", kwargs=_survey_link),
    "wellbeing_plan": Route("signed_in"),
    "wellbeing_plan_edit": Route("signed_in"),
    # Without a plan there is nothing to print or delete: back to the (empty) plan page.
    "wellbeing_plan_pdf": Route("signed_in", ok=302),
    "wellbeing_plan_delete": Route("signed_in", methods=("GET", "POST"), ok=302),
    "training_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "training_roles": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    # Nobody is in the register yet, so there is no gap: allowed people are told so and sent back.
    "training_gap_finding": Route(
        "service", Perm.RECORD_FINDINGS, _programme, ("POST",), ok=302, data=lambda w: {"level": "skilled"}
    ),
    "training_catalogue": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "training_entry_new": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "training_entry": Route("service", Perm.MANAGE_PROGRAMME, _training_entry),
    "training_people": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "training_person": Route("service", Perm.MANAGE_PROGRAMME, _training_person, ("GET", "POST")),
    # An empty form: allowed people get it back with its errors.
    "training_record_add": Route("service", Perm.MANAGE_PROGRAMME, _training_person, ("POST",)),
    "training_record_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: _training_person(w, record=True), ("POST",), ok=302
    ),
    # Marking booked training done: allowed people are sent back to the person's page.
    "training_record_done": Route(
        "service", Perm.MANAGE_PROGRAMME, _training_booked, ("POST",), ok=302, data=lambda w: {"done_on": "2026-01-05"}
    ),
    "training_register_export": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "training_staff_new": Route("service", Perm.MANAGE_PROGRAMME, _programme, ("GET", "POST")),
    "training_staff_import": Route("service", Perm.MANAGE_PROGRAMME, _programme, ("GET", "POST")),
    "training_staff_person": Route("service", Perm.MANAGE_PROGRAMME, _training_staff),
    "training_staff_record_add": Route("service", Perm.MANAGE_PROGRAMME, _training_staff, ("POST",)),
    "training_staff_record_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: _training_staff(w, record=True), ("POST",), ok=302
    ),
    "training_staff_record_done": Route(
        "service",
        Perm.MANAGE_PROGRAMME,
        lambda w: _training_staff(w, record=True),
        ("POST",),
        ok=302,
        data=lambda w: {"done_on": "2026-01-05"},
    ),
    "training_plan_new": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "training_plan": Route("service", Perm.VIEW_PROGRAMME, _training_plan),
    "training_plan_line_add": Route("service", Perm.MANAGE_PROGRAMME, _training_plan),
    # A stale version: allowed people are told the plan changed and sent back to it.
    "training_plan_line_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, _training_line, ("POST",), ok=302, data=lambda w: {"version": 99}
    ),
    "training_plan_line_priority": Route(
        "service",
        Perm.MANAGE_PROGRAMME,
        _training_line,
        ("POST",),
        ok=302,
        data=lambda w: {"version": 99, "priority": "high"},
    ),
    "training_plan_export": Route("service", Perm.EXPORT_DATA, _training_plan),
    "training_plan_line": Route("service", Perm.MANAGE_PROGRAMME, _training_line, ("GET", "POST")),
    # A stale version: allowed people are told the plan changed and sent back to the line.
    "training_plan_line_action": Route(
        "service", Perm.MANAGE_PROGRAMME, _training_line, ("POST",), ok=302, data=lambda w: {"version": 99}
    ),
    "plan_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_by_theme": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_mine": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_due": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_timeline": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_budget": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_settings": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "plan_funding_sources": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "plan_export": Route("service", Perm.EXPORT_DATA, lambda w: {"pk": w.programme.pk, "fmt": "csv"}),
    "plan_action_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "plan_action": Route("service", Perm.VIEW_PROGRAMME, _plan_action),
    "plan_action_edit": Route("service", Perm.RECORD_FINDINGS, _plan_action),
    # Group members and the lead may update any action; an owner their own, if their role takes part.
    "plan_action_update": Route("service", Perm.RECORD_FINDINGS, _plan_action),
    "plan_inbox": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_suggestions": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_finding_set_aside": Route("service", Perm.RECORD_FINDINGS, _plan_finding),
    "plan_finding_bring_back": Route("service", Perm.RECORD_FINDINGS, _plan_finding, ("POST",), ok=302),
    "plan_toc": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_toc_node_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "plan_toc_link_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "plan_toc_download": Route("service", Perm.EXPORT_DATA, _plan_diagram),
    "plan_toc_node": Route("service", Perm.RECORD_FINDINGS, _plan_step),
    "plan_toc_link_remove": Route("service", Perm.RECORD_FINDINGS, _plan_link, ("POST",), ok=302),
    "plan_group": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_group_members": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "plan_charter": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_charter_new": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "plan_charter_version": Route("service", Perm.VIEW_PROGRAMME, _plan_charter),
    "plan_meeting_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "plan_meeting": Route("service", Perm.VIEW_PROGRAMME, _plan_meeting),
    "plan_meeting_edit": Route("service", Perm.RECORD_FINDINGS, _plan_meeting),
    "plan_meeting_action": Route("service", Perm.RECORD_FINDINGS, _plan_meeting),
    "plan_meeting_review": Route("service", Perm.RECORD_FINDINGS, _plan_meeting, ("POST",), ok=302),
    "plan_meeting_remind": Route("service", Perm.MANAGE_PROGRAMME, _plan_meeting, ("POST",), ok=302),
    "plan_feedback": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_feedback_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "plan_feedback_summary": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_feedback_edit": Route("service", Perm.RECORD_FINDINGS, _plan_feedback),
    "plan_feedback_publish": Route("service", Perm.MANAGE_PROGRAMME, _plan_feedback, ("POST",), ok=302),
    "plan_report": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "plan_report_download": Route("service", Perm.EXPORT_DATA, lambda w: {"pk": w.programme.pk, "fmt": "docx"}),
    "plan_decisions": Route("service", Perm.VIEW_PROGRAMME, _programme),
    # MAT standards (evidence of change). Citing an action with nothing chosen
    # answers 400 with the form's error.
    "learning_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "learning_new": Route("service", Perm.MANAGE_PROGRAMME, _programme, ("POST",), ok=302),
    "learning_report": Route("service", Perm.VIEW_PROGRAMME, _learning_report),
    "learning_edit": Route("service", Perm.MANAGE_PROGRAMME, lambda w: _learning_report(w, published=False)),
    "learning_publish": Route("service", Perm.MANAGE_PROGRAMME, lambda w: _learning_report(w, published=False)),
    "learning_download": Route("service", Perm.EXPORT_DATA, lambda w: _learning_report(w, fmt="pdf")),
    "mat_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "mat_standard": Route("service", Perm.VIEW_PROGRAMME, _mat_standard),
    "mat_rate": Route("service", Perm.RECORD_FINDINGS, _mat_standard),
    "mat_cite_action": Route("service", Perm.RECORD_FINDINGS, _mat_standard, ("POST",), ok=400),
    "mat_export": Route("service", Perm.EXPORT_DATA, lambda w: {"pk": w.programme.pk, "fmt": "xlsx"}),
    # Outcome and screening measures: loading is for the lead; results are aggregates only.
    "measures_list": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "measures_upload": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "measures_example": Route("service", Perm.MANAGE_PROGRAMME, _programme, ("POST",), ok=302),
    "measures_results": Route("service", Perm.VIEW_SURVEY_RESULTS, _measure),
    "measures_record": Route("service", Perm.RECORD_FINDINGS, _measure),
    "measures_export": Route("service", Perm.EXPORT_DATA, _measure),
    # The Progress page and one measure's chart (its limits recalculated by a GET form).
    "progress_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "progress_measure": Route("service", Perm.VIEW_PROGRAMME, _progress_measure),
    # Language audits (evidence of change). Uploading with no files answers 400 with the
    # form's error; a finding without a result chosen goes back to the audit.
    "language_audits": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "language_audit_new": Route("service", Perm.RECORD_FINDINGS, _programme, ("GET", "POST"), ok=(200, 400)),
    "language_lexicons": Route("service", Perm.RECORD_FINDINGS, _programme),
    "language_audit": Route("service", Perm.VIEW_PROGRAMME, _language_audit),
    "language_audit_finding": Route("service", Perm.RECORD_FINDINGS, _language_audit, ("POST",), ok=302),
    # Without a decision to answer, the page goes back to the list.
    "plan_decision_new": Route("service", Perm.DECIDE, _programme, ok=302),
    "plan_report_sign_off": Route("service", Perm.DECIDE, _plan_report),
    # Each person's own calendar settings; the feed itself is read by calendar apps,
    # which cannot sign in: the secret token in the address is the key.
    "plan_calendar": Route("signed_in"),
    "plan_calendar_feed": Route("public", kwargs=lambda w: {"token": "not-a-real-token"}, ok=404),
    "lens_pathway": Route("service", Perm.VIEW_PROGRAMME, _slug),
    "lens_pathway_edit": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "lens_pathway_start": Route("service", Perm.MANAGE_PROGRAMME, _slug, ("POST",), ok=302),
    "lens_stage_new": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "lens_stage_edit": Route("service", Perm.MANAGE_PROGRAMME, _lens_stage),
    # A stale version: allowed people are told the pathway changed and sent back to it.
    "lens_stage_move": Route(
        "service",
        Perm.MANAGE_PROGRAMME,
        _lens_stage,
        ("POST",),
        ok=302,
        data=lambda w: {"direction": "up", "version": 99},
    ),
    # The confirmation page (200), then the removal itself (302 back to the pathway).
    "lens_stage_remove": Route("service", Perm.MANAGE_PROGRAMME, _lens_stage, ("GET", "POST"), ok=(200, 302)),
    "lens_stage_restore": Route("service", Perm.MANAGE_PROGRAMME, _lens_stage, ("POST",), ok=302),
    "lens_vignettes": Route("service", Perm.VIEW_PROGRAMME, _slug),
    "lens_vignette_new": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "lens_vignette_edit": Route("service", Perm.MANAGE_PROGRAMME, _lens_vignette),
    "lens_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "lens_event_new": Route("service", Perm.MANAGE_PROGRAMME, _programme),
    "lens_event": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_event_details": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_event_support": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    # A stale version: allowed people are told the event changed and sent back to it.
    "lens_event_move": Route(
        "service", Perm.MANAGE_PROGRAMME, _lens, ("POST",), ok=302, data=lambda w: {"action": "open", "version": 99}
    ),
    # Participants' own page (the lead may preview it): the member takes part, the viewer does not.
    "lens_event_close": Route(
        "service",
        Perm.MANAGE_PROGRAMME,
        lambda w: _lens(w, "open"),
        ("GET", "POST"),
        ok=(200, 302),
        data=lambda w: {"version": 99, "confirmed": "yes"},
    ),
    # Facilitators correct or remove a note (removing asks first).
    "lens_note_edit": Route("service", Perm.RECORD_FINDINGS, _lens_note),
    "lens_note_remove": Route("service", Perm.RECORD_FINDINGS, _lens_note, ("GET", "POST"), ok=(200, 302)),
    "lens_my_event": Route("service", kwargs=_lens, only=frozenset({"lead", "member"})),
    "lens_groups": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_group_edit": Route("service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).groups.get().pk}),
    "lens_group_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).groups.get().pk}, ("POST",), ok=302
    ),
    "lens_participants": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_participant_edit": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).participants.first().pk}
    ),
    "lens_participant_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_event(w).participants.first().pk}, ("POST",), ok=302
    ),
    "lens_reimbursements": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_reimbursement_remove": Route("service", Perm.MANAGE_PROGRAMME, _lens_voucher, ("POST",), ok=302),
    "lens_live": Route("service", Perm.RECORD_FINDINGS, lambda w: _lens(w, "open")),
    # A group's own participants walk its journeys; facilitators (RECORD_FINDINGS) may walk any.
    "lens_journey": Route("service", kwargs=_lens_journey, only=frozenset({"lead", "member"})),
    "lens_journey_stage": Route("service", kwargs=_lens_journey_stage, only=frozenset({"lead", "member"})),
    "lens_priorities": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_priority_edit": Route("service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_priority(w).pk}),
    "lens_priority_remove": Route(
        "service", Perm.MANAGE_PROGRAMME, lambda w: {"pk": _lens_priority(w).pk}, ("POST",), ok=302
    ),
    # Only people taking part vote (the lead and the member here).
    "lens_vote": Route("service", kwargs=lambda w: _lens(w, "open"), only=frozenset({"lead", "member"})),
    # Everyone in the programme reads the report once the event is closed.
    "lens_results": Route("service", Perm.VIEW_PROGRAMME, lambda w: _lens(w, "closed")),
    "lens_make_finding": Route(
        "service",
        Perm.RECORD_FINDINGS,
        lambda w: {"pk": _lens_priority(w, "closed").event_id},
        ("POST",),
        ok=302,
        data=lambda w: {"item": f"priority:{w.programme.lens_events.get().priorities.get().pk}"},
    ),
    "lens_export": Route("service", Perm.EXPORT_DATA, lambda w: _lens(w, "closed", fmt="docx")),
    "lens_leaflet": Route("service", Perm.MANAGE_PROGRAMME, _lens),
    "lens_leaflet_pdf": Route("service", Perm.VIEW_PROGRAMME, lambda w: _lens(w, layout="standard")),
    # Phase one: the documents register, reviews and working groups
    "discovery_documents": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "discovery_document_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "discovery_document": Route("service", Perm.VIEW_PROGRAMME, _document),
    "discovery_document_edit": Route("service", Perm.RECORD_FINDINGS, _document),
    "discovery_document_text": Route("service", Perm.RECORD_FINDINGS, _document),
    "discovery_review_new": Route("service", Perm.RECORD_FINDINGS, _document),
    "discovery_review": Route("service", Perm.VIEW_PROGRAMME, lambda w: {"pk": _document_answer(w).pk}),
    "discovery_answer_finding": Route(
        "service", Perm.RECORD_FINDINGS, lambda w: {"pk": _document_answer(w).answers.get().pk}, ("POST",), ok=302
    ),
    "discovery_answer_action": Route(
        "service", Perm.RECORD_FINDINGS, lambda w: {"pk": _document_answer(w).answers.get().pk}
    ),
    "discovery_working_groups": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "discovery_working_group_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "discovery_working_group": Route("service", Perm.VIEW_PROGRAMME, _working_group),
    "discovery_working_group_edit": Route("service", Perm.RECORD_FINDINGS, _working_group),
    "discovery_working_group_meeting_new": Route("service", Perm.RECORD_FINDINGS, _working_group),
    # Partners register: everyone in the programme reads it; findings-recorders keep it.
    "partner_list": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "partner_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "partner_detail": Route("service", Perm.VIEW_PROGRAMME, lambda w: {"pk": _partner(w).pk}),
    "partner_edit": Route("service", Perm.RECORD_FINDINGS, lambda w: {"pk": _partner(w).pk}),
    "partner_engagement_new": Route("service", Perm.RECORD_FINDINGS, lambda w: {"pk": _partner(w).pk}),
    "partner_engagement_survey": Route(
        "service", Perm.RECORD_FINDINGS, lambda w: {"pk": _partner(w).pk}, ("POST",), ok=302
    ),
    "partner_engagement_joined": Route(
        "service", Perm.RECORD_FINDINGS, lambda w: {"pk": _partner_engagement(w).pk}, ("POST",), ok=302
    ),
    "partner_learning_new": Route("service", Perm.RECORD_FINDINGS, lambda w: {"pk": _partner(w).pk}),
    "partner_learning_finding": Route(
        "service", Perm.RECORD_FINDINGS, lambda w: {"pk": _partner_learning(w).pk}, ("POST",), ok=302
    ),
    "discovery_overview": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "interview_guide": Route("service", Perm.VIEW_PROGRAMME, _slug),
    "interview_guide_adapt": Route("service", Perm.MANAGE_PROGRAMME, _interview_guide),
    "interview_guide_pdf": Route("service", Perm.VIEW_PROGRAMME, _interview_guide),
    "interview_list": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "interview_new": Route("service", Perm.RECORD_FINDINGS, _programme),
    "interview_summary": Route("service", Perm.VIEW_PROGRAMME, _programme),
    "interview_summary_download": Route("service", Perm.EXPORT_DATA, lambda w: {"pk": w.programme.pk, "fmt": "docx"}),
    "interview": Route("service", Perm.RECORD_FINDINGS, _interview),
    "interview_consent": Route("service", Perm.RECORD_FINDINGS, lambda w: _interview(w, consent=False)),
    "interview_withdraw": Route("service", Perm.RECORD_FINDINGS, _interview),
    "interview_notes": Route("service", Perm.RECORD_FINDINGS, _interview),
    "interview_participant_add": Route(
        "service",
        Perm.RECORD_FINDINGS,
        _interview,
        ("POST",),
        ok=302,
        data=lambda w: {"role": "Nurse", "tenure": "1_5"},
    ),
    "interview_tag_add": Route(
        "service",
        Perm.RECORD_FINDINGS,
        _interview,
        ("POST",),
        ok=302,
        data=lambda w: {"kind": "facilitator", "text": "Weekly team meetings", "theme": "culture"},
    ),
    "interview_tag_finding": Route("service", Perm.RECORD_FINDINGS, _interview_tag, ("POST",), ok=302),
    "account_feature_off": Route("off"),
    # The read-only API answers tokens, not sessions: pathfinder/api/tests cover
    # who may read what, and schemathesis checks every documented answer.
    **{
        name: Route("api")
        for name in [
            "api-root",
            "openapi-json",
            "api_programmes",
            "api_programme",
            "api_findings",
            "api_actions",
            "api_assessment_results",
            "api_mat_ratings",
            "api_measures",
            "api_not_found",
        ]
    },
    "api_tokens": Route("signed_in", methods=("GET", "POST")),
    **{
        name: Route("account")
        for name in [
            "account_login",
            "account_logout",
            "account_inactive",
            "account_signup",
            "account_reauthenticate",
            "account_request_reauthentication_code",
            "account_confirm_reauthentication_code",
            "account_email",
            "account_email_verification_sent",
            "account_change_password",
            "account_set_password",
            "account_reset_password",
            "account_confirm_login_code",
            "account_confirm_email",
            "account_reset_password_from_key_done",
            "account_reset_password_from_key",
            "account_reset_password_done",
            "mfa_index",
            "mfa_authenticate",
            "mfa_reauthenticate",
            "mfa_activate_totp",
            "mfa_deactivate_totp",
            "mfa_view_recovery_codes",
            "mfa_generate_recovery_codes",
            "mfa_download_recovery_codes",
        ]
    },
    # The national view: nobody in the world has oversight, so every signed-in person gets 404
    # (pathfinder/national/tests/test_national_access.py covers the people who do).
    "national": Route("signed_in", ok=404),
    "national_settings": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "national_like_mine": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "site_admin_oversight": Route("site"),
    "site_admin_oversight_revoke": Route("site", kwargs=_oversight, methods=("POST",), ok=302),
    # 'This is me': set-up and sign-in are public; the rest is checked, with the
    # person and professionals with and without a grant, in test_this_is_me_access.
    "thisisme_set_up": Route("public"),
    "thisisme_sign_in": Route("public"),
    "thisisme_second_step": Route("public", ok=302),
    "thisisme_shared": Route("signed_in"),
    "thisisme_settings": Route("service", Perm.MANAGE_PROGRAMME, _slug),
    "thisisme_emergency_reviews": Route("service", kwargs=lambda w: _tim_settings(w), only=frozenset({"lead"})),
    "thisisme_emergency": Route(
        "service", kwargs=lambda w: _tim_settings(w, ref=True), only=frozenset({"lead"}), ok=302
    ),
    **{
        name: Route("thisisme_person", kwargs=kwargs, methods=methods, ok=ok)
        for name, kwargs, methods, ok in [
            ("thisisme_home", lambda w: {}, ("GET",), 200),
            ("thisisme_section", lambda w: {"key": "about_me"}, ("GET",), 200),
            ("thisisme_sharing", lambda w: {}, ("GET",), 200),
            ("thisisme_share", lambda w: {}, ("GET",), 200),
            ("thisisme_withdraw", lambda w: {"ref": _tim(w).grant.ref}, ("POST",), 302),
            ("thisisme_access_log", lambda w: {}, ("GET",), 200),
            ("thisisme_pdf", lambda w: {}, ("GET",), 200),
            ("thisisme_json", lambda w: {}, ("GET",), 200),
            ("thisisme_erase", lambda w: {}, ("GET",), 200),
        ]
    },
    **{
        name: Route("thisisme_keyworker", kwargs=kwargs)
        for name, kwargs in [
            ("thisisme_people", _slug),
            ("thisisme_person_new", _slug),
            ("thisisme_person", lambda w: {"slug": w.service.slug, "ref": _tim(w).profile.ref}),
            ("thisisme_recovery", lambda w: {"slug": w.service.slug, "ref": _tim(w).profile.ref}),
        ]
    },
    "thisisme_shared_profile": Route("thisisme_grantee", kwargs=lambda w: {"ref": _tim(w).profile.ref}),
    "thisisme_shared_pdf": Route("thisisme_grantee", kwargs=lambda w: {"ref": _tim(w).profile.ref}),
}


def _tim(w):
    """A person with a profile in the home service, sharing two parts with a
    partner professional (who uses two-step verification). Made once per world."""
    if getattr(w, "tim", None) is None:
        from types import SimpleNamespace

        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
        from django.utils import timezone

        from pathfinder.testing import factories
        from pathfinder.thisisme import grants, people

        gp = factories.UserFactory(full_name="Gina Practice", email="gp@example.org")
        factories.MembershipFactory(user=gp, service=w.service, role=Role.PARTNER)
        nogrant = factories.UserFactory(full_name="Nora Nogrant", email="nora@example.org")
        factories.MembershipFactory(user=nogrant, service=w.service, role=Role.STAFF)
        for user in (gp, nogrant):
            TOTP.activate(user, generate_totp_secret())
        profile, _ = people.create_person(service=w.service, name="Robin", key_worker=w.member, by=w.member)
        people.complete_setup(profile, username="robin", passphrase="kettle harbour green morning")
        grant = grants.grant(
            profile,
            grantee="partner",
            sections=["what_helps"],
            purpose="care",
            ends_on=timezone.localdate() + timezone.timedelta(days=30),
            user_id=gp.pk,
        )
        w.tim = SimpleNamespace(person=profile.person, profile=profile, gp=gp, nogrant=nogrant, grant=grant)
    return w.tim


def _tim_settings(w, ref=False):
    from pathfinder.thisisme import emergency

    row = emergency.settings_for(w.service)
    row.emergency_access, row.emergency_roles, row.caldicott_lead = True, [Role.PROGRAMME_LEAD], w.lead
    row.save()
    kwargs = {"slug": w.service.slug}
    return {**kwargs, "ref": _tim(w).profile.ref} if ref else kwargs


def url_names(resolver=None, found=None) -> set[str]:
    resolver = resolver or get_resolver()
    found = set() if found is None else found
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            url_names(pattern, found)
        elif isinstance(pattern, URLPattern):
            assert pattern.name, f"every URL needs a name: {pattern.pattern}"
            found.add(pattern.name)
    return found


def test_every_url_is_in_the_matrix():
    names = url_names()
    missing = sorted(names - ROUTES.keys())
    stale = sorted(ROUTES.keys() - names)
    assert not missing, f"new URLs need a line in ROUTES saying who may use them: {missing}"
    assert not stale, f"ROUTES lists URLs that no longer exist: {stale}"


def _request(client, method, url, data):
    return client.get(url) if method == "GET" else client.post(url, data)


def _expected(route: Route, who: str) -> int | str:
    if route.access == "public":
        return route.ok
    if who == "anonymous":
        return "login"
    if route.access == "signed_in":
        return route.ok
    if route.access == "site":
        return route.ok if who == "admin" else 403
    # Service pages: outside your memberships they do not exist.
    if who in {"outsider", "admin"}:
        return 404
    if route.only:
        return route.ok if who in route.only else 403
    role = {"lead": Role.PROGRAMME_LEAD, "viewer": Role.EVALUATOR, "member": Role.GROUP_MEMBER}[who]
    return route.ok if route.perm in PERMISSIONS[role] else 403


CHECKED = {name: route for name, route in ROUTES.items() if route.access in {"public", "signed_in", "service", "site"}}


@pytest.mark.parametrize("name", sorted(CHECKED))
@pytest.mark.parametrize("who", ["anonymous", "lead", "member", "viewer", "outsider", "admin"])
def test_access(name, who, world, as_user):
    route = CHECKED[name]
    url = reverse(name, kwargs=route.kwargs(world) or None)
    data = route.data(world)
    client = as_user(None if who == "anonymous" else getattr(world, who))
    expected = _expected(route, who)
    for method in route.methods:
        response = _request(client, method, url, data)
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], (method, url)
        else:
            allowed = expected if isinstance(expected, tuple) else (expected,)
            assert response.status_code in allowed, (method, url, who, response.status_code)


def test_switched_off_account_pages_answer_404(client):
    for path in ["/accounts/signup/", "/accounts/email/", "/accounts/password/set/", "/accounts/confirm-email/x/"]:
        assert client.get(path).status_code == 404, path


# 'This is me' ---------------------------------------------------------------------------
TIM_PERSONAS = ["anonymous", "lead", "member", "viewer", "outsider", "admin", "person", "grantee", "nogrant"]


def _tim_expected(route: Route, who: str):
    if who == "anonymous":
        return "login"
    if route.access == "thisisme_person":
        return route.ok if who == "person" else 404
    if route.access == "thisisme_grantee":
        # Without an active grant the profile does not exist for them.
        return route.ok if who == "grantee" else 404
    # Key-worker pages: key-worker roles in; an evaluator or partner 403; outside, 404.
    if who in {"outsider", "admin", "person"}:
        return 404
    return route.ok if who in {"lead", "member", "nogrant"} else 403


def _tim_user(world, who):
    tim = _tim(world)
    return {"person": tim.person, "grantee": tim.gp, "nogrant": tim.nogrant}.get(who) or getattr(world, who)


TIM_CHECKED = {name: route for name, route in ROUTES.items() if route.access.startswith("thisisme_")}


@pytest.mark.parametrize("name", sorted(TIM_CHECKED))
@pytest.mark.parametrize("who", TIM_PERSONAS)
def test_this_is_me_access(name, who, world, as_user):
    route = TIM_CHECKED[name]
    url = reverse(name, kwargs=route.kwargs(world) or None)
    client = as_user(None if who == "anonymous" else _tim_user(world, who))
    expected = _tim_expected(route, who)
    for method in route.methods:
        response = _request(client, method, url, route.data(world))
        if expected == "login":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"], (method, url)
        else:
            assert response.status_code == expected, (method, url, who, response.status_code)


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_a_person_who_uses_the_service_never_reaches_a_staff_page(name, world, as_user):
    route = CHECKED[name]
    url = reverse(name, kwargs=route.kwargs(world) or None)
    client = as_user(_tim(world).person)
    for method in route.methods:
        response = _request(client, method, url, route.data(world))
        if route.access == "public":
            assert response.status_code != 404 or route.ok == 404, (method, url)
        elif name == "home":
            assert response.status_code == 302 and response["Location"] == reverse("thisisme_home")
        else:
            assert response.status_code == 404, (method, url, response.status_code)
