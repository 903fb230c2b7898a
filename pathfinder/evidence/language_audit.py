"""The language audit's work: a service's lexicons, starting an audit from
uploaded files, counting it (in the background task), and the one-document
check of a document in the register.

The text of a document exists only in memory, inside `_count_document`, long
enough to count it. The task is given an audit's id, never text; each file's
bytes wait encrypted in a `PendingUpload` row bound to its document's id, and
the row is deleted in the same transaction that saves the document's counts.
Totals are written once, when every document has been read, so an audit that
cannot finish is never counted in part."""

import base64
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from pathfinder.core import crypto, text_extract
from pathfinder.evidence import language
from pathfinder.evidence.models import AuditDocument, LanguageAudit, LanguageLexicon, PendingUpload

logger = logging.getLogger(__name__)

MAX_FILES = 30
ALTERNATIVES_MARK = "="
ALTERNATIVES_SPLIT = ";"

# --- Lexicons -------------------------------------------------------------------------


def _default_exceptions() -> list[str]:
    return [phrase for term in language.STIGMATISING for phrase in term.exceptions]


DEFAULTS = {
    "trauma_informed": "\n".join(term.text for term in language.TRAUMA_INFORMED),
    "stigmatising": "\n".join(
        f"{term.text} {ALTERNATIVES_MARK} {'; '.join(term.alternatives)}" if term.alternatives else term.text
        for term in language.STIGMATISING
    ),
    # The defaults' built-in exceptions ("clean needles") are shown here, so a
    # service can see and change them.
    "ignore": "\n".join(_default_exceptions()),
}
# Default terms that are never plural ("clean"), by their normalised text.
_NOT_PLURAL = {language.normalise_term(term.text) for term in language.STIGMATISING if not term.plural}


def lexicon_for(service) -> LanguageLexicon:
    """The service's lexicon, seeded from the defaults the first time."""
    lexicon, _ = LanguageLexicon.objects.get_or_create(service=service, defaults=dict(DEFAULTS))
    return lexicon


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def parse_stigmatising(text: str) -> list[language.Term]:
    """'term = alternative; alternative' lines as Terms. Raises LexiconError."""
    terms, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        word, _, alternatives = line.partition(ALTERNATIVES_MARK)
        if not word.strip():
            problems.append(
                f"Line {number} has alternatives but no term before the “{ALTERNATIVES_MARK}”: "
                "write the term, or remove the line."
            )
            continue
        offered = tuple(alt.strip() for alt in alternatives.split(ALTERNATIVES_SPLIT) if alt.strip())
        plural = language.normalise_term(word) not in _NOT_PLURAL
        terms.append(language.Term(word.strip(), offered, plural=plural))
    if problems:
        raise language.LexiconError(problems)
    return terms


@dataclass
class Lists:
    trauma_informed: list[str]
    stigmatising: list[language.Term]
    ignore: list[str]


def lists_from(trauma_informed: str, stigmatising: str, ignore: str) -> Lists:
    """Parse the three lists, without checking them against each other."""
    return Lists(_lines(trauma_informed), parse_stigmatising(stigmatising), _lines(ignore))


def validate(trauma_informed: str, stigmatising: str, ignore: str) -> dict[str, list[str]]:
    """Problems with each list, in plain words, by field name; empty if none."""
    problems: dict[str, list[str]] = {}
    try:
        stigmatising_terms = parse_stigmatising(stigmatising)
    except language.LexiconError as error:
        problems["stigmatising"] = list(error.problems)
        stigmatising_terms = None
    ignored = _lines(ignore)
    try:
        language.Lexicon(["placeholder"], ignore=ignored)
    except language.LexiconError as error:
        problems["ignore"] = list(error.problems)
        ignored = []
    for name, terms in (("trauma_informed", _lines(trauma_informed)), ("stigmatising", stigmatising_terms)):
        if terms is None:
            continue
        try:
            language.Lexicon(terms, ignore=ignored)
        except language.LexiconError as error:
            problems.setdefault(name, []).extend(error.problems)
    return problems


def check_for(lexicon: LanguageLexicon) -> language.LanguageCheck:
    lists = lists_from(lexicon.trauma_informed, lexicon.stigmatising, lexicon.ignore)
    return language.LanguageCheck(lists.trauma_informed, lists.stigmatising, ignore=lists.ignore)


def alternatives_of(lexicon: LanguageLexicon) -> dict[str, list[str]]:
    return {term.text: list(term.alternatives) for term in parse_stigmatising(lexicon.stigmatising)}


class StaleLexicon(Exception):
    pass


@transaction.atomic
def save_lexicon(service, *, by, version: int, trauma_informed: str, stigmatising: str, ignore: str):
    lexicon = LanguageLexicon.objects.select_for_update().get(service=service)
    if lexicon.version != version:
        raise StaleLexicon
    lexicon.trauma_informed = "\n".join(_lines(trauma_informed))
    lexicon.stigmatising = "\n".join(_lines(stigmatising))
    lexicon.ignore = "\n".join(_lines(ignore))
    lexicon.version += 1
    lexicon.updated_by = by
    lexicon.save()
    return lexicon


# --- Starting an audit ------------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """One uploaded file as the view hands it over: `content` is None when the
    upload handler stopped keeping it because it was too big."""

    name: str
    size: int
    content: bytes | None


def _context(document_id: int) -> bytes:
    return f"language-audit-document:{document_id}".encode()


def _refused(upload: Upload) -> str:
    """Why a file can be refused without reading it, or ''."""
    if text_extract.extension(upload.name) not in text_extract.EXTENSIONS:
        return "Choose a Word (.docx), OpenDocument (.odt), PDF (.pdf) or plain text (.txt) file."
    if upload.content is None or upload.size > text_extract.MAX_BYTES:
        return (
            f"The file is {text_extract.megabytes(upload.size)}, larger than the "
            f"{text_extract.megabytes(text_extract.MAX_BYTES)} limit, so it was not read."
        )
    if not upload.size:
        return "The file is empty."
    return ""


@transaction.atomic
def start_audit(*, programme, by, title: str, uploads: list[Upload]) -> LanguageAudit:
    """The audit and one row per file. A file that is obviously unreadable is
    listed with the reason at once; the others wait, encrypted, for the task.
    File names are not kept (see models_language)."""
    lexicon_for(programme.service)  # seeded now, so the task counts with the lists the page showed
    audit = LanguageAudit.objects.create(programme=programme, title=title, created_by=by, document_count=len(uploads))
    for position, upload in enumerate(uploads, start=1):
        reason = _refused(upload)
        document = AuditDocument.objects.create(
            audit=audit,
            position=position,
            label=f"Document {position}",
            kind=text_extract.extension(upload.name)[:10],
            status=AuditDocument.Status.UNREADABLE if reason else AuditDocument.Status.WAITING,
            reason=reason,
        )
        if not reason:
            encoded = base64.b64encode(upload.content).decode("ascii")
            PendingUpload.objects.create(
                document=document,
                size=upload.size,
                sealed=crypto.encrypt_undated(encoded, context=_context(document.pk)),
            )
    return audit


def enqueue(audit: LanguageAudit) -> None:
    from pathfinder.evidence.tasks import count_language_audit

    count_language_audit.enqueue(audit_id=audit.pk)


# --- Counting (the task's work) -----------------------------------------------------------


def _store(document, counts: language.LanguageCounts) -> None:
    document.status = AuditDocument.Status.COUNTED
    document.reason = ""
    document.words = counts.words
    document.trauma_informed_total = counts.trauma_informed.total
    document.stigmatising_total = counts.stigmatising.total
    document.identifiers = counts.identifiers.total
    document.trauma_informed_counts = {term: n for term, n in counts.trauma_informed.per_term if n}
    document.stigmatising_counts = {term: n for term, n in counts.stigmatising.per_term if n}


def _count_document(document: AuditDocument, check: language.LanguageCheck) -> None:
    with transaction.atomic():
        pending = PendingUpload.objects.select_for_update().filter(document=document).first()
        if pending is None:  # already counted by a run that stopped after it
            return
        content = base64.b64decode(crypto.decrypt_undated(pending.sealed, context=_context(document.pk)))
        try:
            extracted = text_extract.extract(f"document.{document.kind}", content)
        except text_extract.CannotRead as problem:
            document.status = AuditDocument.Status.UNREADABLE
            document.reason = str(problem)
        except Exception:  # a damaged file the readers trip over: this file, not the run, fails
            document.status = AuditDocument.Status.UNREADABLE
            document.reason = "This file seems to be damaged. Open it, save it again and upload it in a new audit."
        else:
            _store(document, check.count(extracted.text))
            del extracted
        del content
        document.save()
        pending.delete()


def _add(total: dict, counts: dict) -> None:
    for term, n in counts.items():
        total[term] = total.get(term, 0) + n


@transaction.atomic
def _finish(audit: LanguageAudit, alternatives: dict) -> None:
    counted = list(audit.documents.filter(status=AuditDocument.Status.COUNTED))
    trauma, stigmatising = {}, {}
    for document in counted:
        _add(trauma, document.trauma_informed_counts)
        _add(stigmatising, document.stigmatising_counts)
    LanguageAudit.objects.filter(pk=audit.pk).update(
        status=LanguageAudit.Status.DONE,
        words=sum(d.words for d in counted),
        trauma_informed_total=sum(d.trauma_informed_total for d in counted),
        stigmatising_total=sum(d.stigmatising_total for d in counted),
        identifiers=sum(d.identifiers for d in counted),
        trauma_informed_counts=trauma,
        stigmatising_counts=stigmatising,
        alternatives={term: alternatives.get(term, []) for term in stigmatising},
        finished_at=timezone.now(),
    )


@transaction.atomic
def _fail(audit_id: int) -> None:
    """Nothing of an audit that could not finish is counted: its documents'
    counts are cleared and the files still waiting are deleted."""
    PendingUpload.objects.filter(document__audit_id=audit_id).delete()
    AuditDocument.objects.filter(audit_id=audit_id).update(
        words=0,
        trauma_informed_total=0,
        stigmatising_total=0,
        identifiers=0,
        trauma_informed_counts={},
        stigmatising_counts={},
    )
    LanguageAudit.objects.filter(pk=audit_id).update(status=LanguageAudit.Status.FAILED, finished_at=timezone.now())


def run_audit(audit_id: int) -> str:
    """Count every waiting document of the audit, then its totals. Returns the
    audit's status. Any failure leaves the audit FAILED with nothing counted."""
    audit = LanguageAudit.objects.select_related("programme__service").filter(pk=audit_id).first()
    if audit is None or audit.status in {LanguageAudit.Status.DONE, LanguageAudit.Status.FAILED}:
        return audit.status if audit else "missing"
    LanguageAudit.objects.filter(pk=audit_id).update(status=LanguageAudit.Status.RUNNING)
    try:
        lexicon = lexicon_for(audit.programme.service)
        check = check_for(lexicon)
        for document in audit.documents.filter(status=AuditDocument.Status.WAITING):
            _count_document(document, check)
        _finish(audit, alternatives_of(lexicon))
    except Exception as error:  # any failure: nothing counted, and never the text in a log
        logger.error("Language audit %s could not finish (%s).", audit_id, type(error).__name__)
        _fail(audit_id)
        return LanguageAudit.Status.FAILED
    return LanguageAudit.Status.DONE


# --- A document from the register ------------------------------------------------------------


@transaction.atomic
def check_register_document(*, programme, by, name: str, text: str) -> LanguageAudit:
    """Count one document's text (already in memory) as a one-document audit
    labelled with the document's title in the register."""
    lexicon = lexicon_for(programme.service)
    counts = check_for(lexicon).count(text)
    audit = LanguageAudit.objects.create(
        programme=programme,
        kind=LanguageAudit.Kind.REGISTER,
        title=name[:200],
        created_by=by,
        document_count=1,
    )
    document = AuditDocument(audit=audit, position=1, label=name[:200], kind="")
    _store(document, counts)
    document.save()
    _finish(audit, alternatives_of(lexicon))
    audit.refresh_from_db()
    return audit
