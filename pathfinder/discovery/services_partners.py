"""State changes for the partners register."""

from django.db import transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.discovery.models import Partner, PartnerEngagement, PartnerLearning
from pathfinder.discovery.registration_partners import FINDING_SOURCE
from pathfinder.programmes import services as programme_services
from pathfinder.programmes.models import Finding

# Audit kinds this app writes (plain strings, as planning's are).
PARTNER_ADDED = "discovery.partner_added"
PARTNER_CHANGED = "discovery.partner_changed"
PARTNER_INVITED = "discovery.partner_invited"
PARTNER_JOINED = "discovery.partner_joined"
PARTNER_LEARNING_ADDED = "discovery.partner_learning_added"

# What an engagement is -> the registered invitable source it may point at.
REF_TYPES = {PartnerEngagement.What.SURVEY: "survey", PartnerEngagement.What.LENS_EVENT: "lens"}


class NotAllowed(Exception):
    """The change cannot be made (said in plain words)."""


def _joint_work(values) -> list[str]:
    given = set(values)
    return [value for value in Partner.JointWork.values if value in given]


def add_partner(*, programme, by, **fields) -> Partner:
    fields["joint_work"] = _joint_work(fields.get("joint_work", []))
    with transaction.atomic():
        partner = Partner.objects.create(programme=programme, created_by=by, **fields)
        audit.record(PARTNER_ADDED, actor=by, service=programme.service, target=partner)
    return partner


@transaction.atomic
def edit_partner(partner: Partner, *, version: int, by, **fields) -> None:
    """Raises core.concurrency.StaleEdit if someone saved it in the meantime."""
    fields["joint_work"] = _joint_work(fields.get("joint_work", []))
    for name, value in fields.items():
        setattr(partner, name, value)
    save_if_current(partner, version, list(fields))
    audit.record(PARTNER_CHANGED, actor=by, service=partner.programme.service, target=partner)


@transaction.atomic
def record_engagement(
    *, partner: Partner, what: str, title: str, by, invited_on=None, joined: bool = False, ref_id: str = ""
) -> PartnerEngagement:
    """One invitation. With `ref_id`, it points at a survey or lens event by id
    (what the registered source calls it); otherwise `title` says what it was."""
    engagement = PartnerEngagement.objects.create(
        partner=partner,
        what=what,
        title=title.strip(),
        ref_type=REF_TYPES.get(what, "") if ref_id else "",
        ref_id=ref_id,
        invited_on=invited_on or timezone.localdate(),
        joined=joined,
        created_by=by,
    )
    audit.record(
        PARTNER_INVITED, actor=by, service=partner.programme.service, target=engagement, what=what, joined=joined
    )
    return engagement


@transaction.atomic
def set_joined(engagement: PartnerEngagement, *, joined: bool, by=None) -> None:
    PartnerEngagement.objects.filter(pk=engagement.pk).update(joined=joined)
    engagement.joined = joined
    service = engagement.partner.programme.service
    audit.record(PARTNER_JOINED, actor=by, service=service, target=engagement, joined=joined)


@transaction.atomic
def add_learning(*, partner: Partner, by, kind: str, theme: str, text: str, principles=()) -> PartnerLearning:
    learning = PartnerLearning.objects.create(
        partner=partner,
        kind=kind,
        theme=theme,
        principles=programme_services.principles_in_order(principles),
        text=text.strip(),
        created_by=by,
    )
    audit.record(
        PARTNER_LEARNING_ADDED, actor=by, service=partner.programme.service, target=learning, learning=kind, theme=theme
    )
    return learning


def source_id(learning: PartnerLearning) -> str:
    return f"{learning.partner_id}:{learning.pk}"


@transaction.atomic
def learning_to_finding(learning: PartnerLearning, *, by) -> tuple[Finding, bool]:
    """The learning as a finding for the plan, once: (finding, made now?)."""
    # Lock the row so two people pressing the button at once make one finding.
    locked = (
        PartnerLearning.objects.select_for_update().select_related("partner__programme__service").get(pk=learning.pk)
    )
    if locked.finding_id is not None:
        return Finding.objects.get(pk=locked.finding_id), False
    partner = locked.partner
    finding = programme_services.add_finding(
        programme=partner.programme,
        theme=locked.theme,
        kind=locked.kind,
        text=locked.text,
        by=by,
        principles=locked.principles,
        source_type=FINDING_SOURCE,
        source_id=source_id(locked),
        source_label=f"Working with {partner.name}",
    )
    PartnerLearning.objects.filter(pk=locked.pk).update(finding=finding)
    learning.finding = finding
    audit.record(
        audit.Kind.FINDING_CREATED, actor=by, service=partner.programme.service, target=finding, source="partners"
    )
    return finding, True
