"""State changes for assessment rounds. Every change checks the round's status
here, so no view can rate a closed round or agree scores while it is open."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pathfinder.assessments.models import AgreedScore, AssessmentRound, Rater, Rating
from pathfinder.core import audit
from pathfinder.core.concurrency import save_if_current
from pathfinder.core.mail import send_mail
from pathfinder.programmes import services as programme_services

Status = AssessmentRound.Status
REMINDER_DAYS = 3  # how many days before "rate by" the reminder goes out


class NotNow(Exception):
    """The round is not in a state that allows this."""


@dataclass(frozen=True)
class Answer:
    value: int | None  # None: don't know
    evidence: str = ""


@transaction.atomic
def open_round(*, programme, instrument_version, kind: str, title: str, raters, rate_by=None, by) -> AssessmentRound:
    round_ = AssessmentRound.objects.create(
        programme=programme,
        instrument_version=instrument_version,
        kind=kind,
        title=title,
        rate_by=rate_by,
        opened_by=by,
    )
    Rater.objects.bulk_create([Rater(round=round_, user=user) for user in raters])
    audit.record(audit.Kind.ASSESSMENT_OPENED, actor=by, service=programme.service, target=round_, raters=len(raters))
    transaction.on_commit(lambda: invite_raters(round_, by=by))
    return round_


def _email(rater: Rater, round_: AssessmentRound, template: str, subject: str) -> None:
    context = {
        "round": round_,
        "rater": rater,
        "service": round_.programme.service,
        "link": settings.SITE_URL.rstrip("/") + reverse("assessment_round", args=[round_.pk]),
    }
    message = render_to_string(f"assessments/email/{template}.txt", context)
    send_mail(subject=subject, message=message, from_email=None, recipient_list=[rater.user.email])


def _still_here(round_: AssessmentRound):
    """Raters who are still active members of the service."""
    return round_.raters.filter(
        user__is_active=True,
        user__memberships__service_id=round_.programme.service_id,
        user__memberships__is_active=True,
    ).select_related("user")


def invite_raters(round_: AssessmentRound, *, by=None) -> int:
    """E-mail each rater not yet invited that the round is open. Each rater is
    claimed before sending, so nobody is invited twice. Returns how many."""
    if not AssessmentRound.objects.filter(pk=round_.pk, status=Status.OPEN).exists():
        return 0  # asked after the commit of opening: it may have moved on since
    sent = 0
    for rater in _still_here(round_).filter(invited_at=None):
        if Rater.objects.filter(pk=rater.pk, invited_at=None).update(invited_at=timezone.now()):
            _email(rater, round_, "invitation", f"Please rate: {round_.title}")
            sent += 1
    if sent:
        audit.record(
            "assessment.raters_invited", actor=by, service=round_.programme.service, target=round_, people=sent
        )
    return sent


def remind_raters(round_: AssessmentRound, *, by=None, once: bool = False) -> int:
    """E-mail a reminder to raters who have not submitted yet. The lead's
    button reminds them whenever it is pressed; the daily command (`once`)
    reminds each person at most once. Returns how many were reminded."""
    if round_.status != Status.OPEN:
        return 0
    sent = 0
    waiting = _still_here(round_).filter(submitted_at=None)
    for rater in waiting.filter(reminded_at=None) if once else waiting:
        claim = Rater.objects.filter(pk=rater.pk, submitted_at=None)
        if once:
            claim = claim.filter(reminded_at=None)
        if claim.update(reminded_at=timezone.now()):
            _email(rater, round_, "reminder", f"A reminder to rate: {round_.title}")
            sent += 1
    if sent:
        audit.record(
            "assessment.raters_reminded", actor=by, service=round_.programme.service, target=round_, people=sent
        )
    return sent


def send_due_emails(*, days: int = REMINDER_DAYS, today=None) -> list[tuple[AssessmentRound, int, int]]:
    """For every open round: invitations not yet sent, and one reminder to
    those who have not submitted once "rate by" is `days` days away or less.
    Safe to run more than once, even at the same time."""
    today = today or timezone.localdate()
    done = []
    for round_ in AssessmentRound.objects.filter(status=Status.OPEN).select_related("programme__service"):
        invited = invite_raters(round_)
        due = round_.rate_by is not None and today <= round_.rate_by <= today + timedelta(days=days)
        reminded = remind_raters(round_, once=True) if due else 0
        if invited or reminded:
            done.append((round_, invited, reminded))
    return done


@transaction.atomic
def save_answers(
    rater: Rater, answers: dict[str, Answer], *, version: int, submit: bool = False, resume_at: str | None = None
) -> None:
    """Save a rater's own answers. `resume_at` is the theme (or Rater.CHECK)
    "Carry on rating" should bring them back to. Raises StaleEdit if they saved
    from another tab or device in the meantime, NotNow if the round no longer
    takes ratings."""
    round_ = rater.round
    if round_.status != Status.OPEN:
        raise NotNow("This round is no longer taking ratings.")
    known = {item.code for item in round_.instrument_version.parsed.items}
    unknown = set(answers) - known
    if unknown:
        raise ValueError(f"not items of this instrument: {sorted(unknown)}")
    fields = []
    if submit:
        rater.submitted_at = timezone.now()
        fields.append("submitted_at")
    if resume_at is not None:
        rater.resume_at = resume_at
        fields.append("resume_at")
    save_if_current(rater, version, fields)
    now = timezone.now()
    existing = {rating.item_code: rating for rating in rater.ratings.filter(item_code__in=answers)}
    for code, answer in answers.items():
        rating = existing.get(code)
        if rating is None:
            Rating.objects.create(
                rater=rater, item_code=code, value=answer.value, evidence=answer.evidence, updated_at=now
            )
        elif (rating.value, rating.evidence) != (answer.value, answer.evidence):
            Rating.objects.filter(pk=rating.pk).update(value=answer.value, evidence=answer.evidence, updated_at=now)


def _move(round_: AssessmentRound, *, version: int, to: str, allowed_from: set[str]) -> None:
    if round_.status not in allowed_from:
        raise NotNow("The round has moved on since you opened this page.")
    round_.status = to
    round_.closed_at = timezone.now() if to == Status.CLOSED else None
    save_if_current(round_, version, ["status", "closed_at"])


@transaction.atomic
def start_consensus(round_: AssessmentRound, *, version: int, by) -> None:
    _move(round_, version=version, to=Status.CONSENSUS, allowed_from={Status.OPEN})
    audit.record(audit.Kind.ASSESSMENT_CONSENSUS, actor=by, service=round_.programme.service, target=round_)


@transaction.atomic
def close_round(round_: AssessmentRound, *, version: int, by) -> None:
    _move(round_, version=version, to=Status.CLOSED, allowed_from={Status.CONSENSUS})
    audit.record(audit.Kind.ASSESSMENT_CLOSED, actor=by, service=round_.programme.service, target=round_)


@transaction.atomic
def reopen_round(round_: AssessmentRound, *, version: int, reason: str, by) -> None:
    """Back to agreeing scores. Only the lead may, and the activity log says so."""
    _move(round_, version=version, to=Status.CONSENSUS, allowed_from={Status.CLOSED})
    audit.record(
        audit.Kind.ASSESSMENT_REOPENED, actor=by, service=round_.programme.service, target=round_, reason=reason[:200]
    )


@dataclass(frozen=True)
class Decision:
    value: int | None  # None: the group could not score it
    rationale: str
    version: int  # the version the lead saw; 0 for an item not yet agreed


class StaleScores(Exception):
    def __init__(self, current: dict[str, AgreedScore]):
        super().__init__("Someone else agreed some of these scores after you opened the page.")
        self.current = current


@transaction.atomic
def agree_scores(round_: AssessmentRound, decisions: dict[str, Decision], *, by) -> None:
    """Record agreed scores. Items someone else changed since the page was
    opened are refused together (StaleScores), and nothing is saved."""
    if round_.status != Status.CONSENSUS:
        raise NotNow("Scores can only be agreed while the round is at the agreeing stage.")
    existing = {
        score.item_code: score for score in round_.agreed_scores.select_for_update().filter(item_code__in=decisions)
    }
    # A score saved since the page was opened has a version the page did not
    # see (scores are never deleted, so a missing one is simply new).
    stale = {
        code: existing[code]
        for code, decision in decisions.items()
        if code in existing and existing[code].version != decision.version
    }
    if stale:
        raise StaleScores(stale)
    now = timezone.now()
    for code, decision in decisions.items():
        score = existing.get(code)
        if score is None:
            AgreedScore.objects.create(
                round=round_,
                item_code=code,
                value=decision.value,
                rationale=decision.rationale,
                decided_by=by,
                decided_at=now,
            )
        elif (score.value, score.rationale) != (decision.value, decision.rationale):
            AgreedScore.objects.filter(pk=score.pk).update(
                value=decision.value,
                rationale=decision.rationale,
                decided_by=by,
                decided_at=now,
                version=F("version") + 1,
            )


def finding_source_id(round_: AssessmentRound, code: str) -> str:
    return f"{round_.pk}:{code}"


def make_finding(round_: AssessmentRound, code: str, *, kind: str, by):
    """Turn an item's agreed result into a finding for the plan (once)."""
    from pathfinder.programmes.models import Finding

    definition = round_.instrument_version.parsed
    item = definition.item(code)
    section = next(section for section in definition.sections if section.key == item.section)
    source_id = finding_source_id(round_, code)
    already = Finding.objects.filter(programme=round_.programme, source_type="assessment", source_id=source_id).first()
    if already is not None:
        return already
    score = round_.agreed_scores.filter(item_code=code).first()
    scale = definition.scale_for(item)
    note = f" Agreed: {scale.label_for(score.value)}." if score else ""
    if score and score.rationale:
        note += f" Why: {score.rationale}"
    finding = programme_services.add_finding(
        programme=round_.programme,
        theme=section.theme or "culture",
        kind=kind,
        text=f"{item.text}{note}",
        by=by,
        source_type="assessment",
        source_id=source_id,
        source_label=f"{round_.title}: {section.title}",
    )
    audit.record(
        audit.Kind.FINDING_CREATED, actor=by, service=round_.programme.service, target=finding, source="assessment"
    )
    return finding
