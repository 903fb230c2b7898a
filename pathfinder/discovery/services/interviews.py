"""State changes for familiarisation interviews. The consent rule lives here,
so no page can get round it: nothing about what was said is kept until
consent is recorded, and withdrawing it deletes what was kept."""

from django.db import transaction
from django.utils import timezone

from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.discovery.models import Interview, InterviewNote, InterviewParticipant, InterviewTag
from pathfinder.instruments.services import latest_versions_for
from pathfinder.programmes import services as programme_services
from pathfinder.programmes.models import Finding
from pathfinder.programmes.registry import finding_locked

GUIDE_PURPOSE = "interview_guide"
SOURCE = "interview"

# Audit kinds this app writes (to be added to core's AuditEvent.Kind).
INTERVIEW_CREATED = "discovery.interview_created"
CONSENT_RECORDED = "discovery.consent_recorded"
CONSENT_WITHDRAWN = "discovery.consent_withdrawn"
NOTES_SAVED = "discovery.notes_saved"

FINDING_KINDS = {InterviewTag.Kind.FACILITATOR: Finding.Kind.STRENGTH, InterviewTag.Kind.BARRIER: Finding.Kind.BARRIER}


class NoConsent(Exception):
    """Consent to take part has not been recorded, or has been withdrawn."""


NOT_YET = (
    "Nothing was saved: consent has not been recorded for this interview. "
    "Ask everyone taking part, record their answers, then write the notes."
)
WITHDRAWN = "Nothing was saved: consent for this interview was withdrawn, so no notes are kept."


def guides_for(service):
    """The guide versions a service can use: the built-in one and its own adaptations, newest first."""
    return latest_versions_for(service, GUIDE_PURPOSE)


def _refuse_without_consent(interview: Interview) -> None:
    if interview.consent_withdrawn_at is not None:
        raise NoConsent(WITHDRAWN)
    if interview.consent_recorded_at is None:
        raise NoConsent(NOT_YET)


@transaction.atomic
def create_interview(*, programme, guide, format, audience, held_on, role, tenure, name="", by) -> Interview:
    interview = Interview.objects.create(
        programme=programme, guide=guide, format=format, audience=audience, held_on=held_on, created_by=by
    )
    InterviewParticipant.objects.create(interview=interview, role=role.strip(), tenure=tenure, name=name.strip())
    audit.record(INTERVIEW_CREATED, actor=by, service=programme.service, target=interview)
    return interview


def add_participant(interview: Interview, *, role, tenure, name="") -> InterviewParticipant:
    return InterviewParticipant.objects.create(interview=interview, role=role.strip(), tenure=tenure, name=name.strip())


@transaction.atomic
def record_consent(interview: Interview, *, may_record: bool, version: int, by) -> None:
    """Everyone agreed to take part; `may_record` says whether they agreed to a recording.
    Raises core.concurrency.StaleEdit if the interview was saved since it was opened."""
    interview.consent_recorded_at = timezone.now()
    interview.consent_recorded_by = by
    interview.may_record = may_record
    interview.consent_withdrawn_at = None
    save_if_current(
        interview, version, ["consent_recorded_at", "consent_recorded_by", "may_record", "consent_withdrawn_at"]
    )
    audit.record(
        CONSENT_RECORDED, actor=by, service=interview.programme.service, target=interview, may_record=may_record
    )


def findings_kept_on_withdrawal(interview: Interview) -> list[Finding]:
    """Findings from this interview that an action in the plan already answers: they stay."""
    made = Finding.objects.filter(interview_tag__interview=interview)
    return [finding for finding in made if finding_locked(finding)]


@transaction.atomic
def withdraw_consent(interview: Interview, *, by) -> dict:
    """Delete the notes and what was tagged from them, and the findings made
    from them unless an action in the plan already answers one."""
    locked = Interview.objects.select_for_update().get(pk=interview.pk)
    removed_findings, kept_findings = 0, 0
    for finding in Finding.objects.filter(interview_tag__interview=locked):
        if finding_locked(finding):
            kept_findings += 1
        else:
            finding.delete()
            removed_findings += 1
    notes = InterviewNote.objects.filter(interview=locked).delete()[0]
    tags = InterviewTag.objects.filter(interview=locked).delete()[0]
    Interview.objects.filter(pk=locked.pk).update(
        consent_withdrawn_at=timezone.now(), may_record=False, version=locked.version + 1
    )
    interview.refresh_from_db()
    counts = {"notes": notes, "tags": tags, "findings_removed": removed_findings, "findings_kept": kept_findings}
    audit.record(CONSENT_WITHDRAWN, actor=by, service=interview.programme.service, target=interview, **counts)
    return counts


@transaction.atomic
def save_notes(interview: Interview, *, texts: dict[str, str], version: int, by) -> None:
    """One text per question area of the guide version used. Raises NoConsent,
    or core.concurrency.StaleEdit if someone saved the interview since."""
    current = Interview.objects.select_for_update().get(pk=interview.pk)
    _refuse_without_consent(current)
    areas = {section.key for section in current.guide.parsed.sections}
    save_if_current(interview, version, [])
    existing = {note.area: note for note in InterviewNote.objects.filter(interview=interview)}
    for area, text in texts.items():
        if area not in areas:
            raise ValueError(f"{area!r} is not a question area of this guide")
        text = text.replace("\r\n", "\n").strip()
        note = existing.get(area)
        if note is None:
            if text:
                InterviewNote.objects.create(interview=interview, area=area, text=text)
        elif note.text != text:
            note.text = text
            note.save(update_fields=["text"])
    audit.record(NOTES_SAVED, actor=by, service=interview.programme.service, target=interview)


def add_tag(interview: Interview, *, kind, theme, principles, text, by) -> InterviewTag:
    _refuse_without_consent(Interview.objects.get(pk=interview.pk))
    return InterviewTag.objects.create(
        interview=interview,
        kind=kind,
        theme=theme,
        principles=programme_services.principles_in_order(principles),
        text=text.strip(),
        created_by=by,
    )


@transaction.atomic
def make_finding(tag: InterviewTag, *, by) -> tuple[Finding, bool]:
    """The facilitator or barrier becomes a finding, once: (finding, made now)."""
    locked = InterviewTag.objects.select_for_update().select_related("interview__programme__service").get(pk=tag.pk)
    if locked.finding_id is not None:
        return locked.finding, False
    interview = locked.interview
    _refuse_without_consent(interview)
    finding = programme_services.add_finding(
        programme=interview.programme,
        theme=locked.theme,
        kind=FINDING_KINDS[locked.kind],
        principles=locked.principles,
        text=locked.text,
        by=by,
        source_type=SOURCE,
        source_id=f"{interview.pk}:{locked.pk}",
        source_label=f"Familiarisation interview, {interview.held_on:%-d %B %Y}",
    )
    locked.finding = finding
    locked.save(update_fields=["finding"])
    tag.finding = finding
    audit.record(
        audit.Kind.FINDING_CREATED, actor=by, service=interview.programme.service, target=finding, source=SOURCE
    )
    return finding, True
