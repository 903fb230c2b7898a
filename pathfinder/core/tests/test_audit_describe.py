"""How an event reads in the activity log."""

from pathfinder.core import audit
from pathfinder.core.models import AuditEvent


def test_a_tools_own_kind_reads_as_words():
    assert audit.describe(AuditEvent(kind="learning.report_published")) == "Learning: report published"
    assert audit.describe(AuditEvent(kind="measures.recorded")) == "Measures: recorded"


def test_a_named_kind_keeps_its_label():
    assert audit.describe(AuditEvent(kind=audit.Kind.SIGN_IN)) == "Signed in"
    export = AuditEvent(kind=audit.Kind.EXPORT, detail={"what": "learning report", "format": "pdf"})
    assert audit.describe(export) == "Data exported: learning report (PDF)"
