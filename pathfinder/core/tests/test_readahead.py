"""Reads sent together (core/readahead.py) give exactly what each read alone
gives, on both databases, for every kind of column the pages use."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Count, DecimalField, Exists, F, FloatField, OuterRef, Value
from django.test.utils import CaptureQueriesContext

from pathfinder.accounts.models import User
from pathfinder.core.readahead import read_ahead
from pathfinder.core.scoping import once, shared_lookups
from pathfinder.instruments.models import InstrumentVersion
from pathfinder.programmes.models import Finding
from pathfinder.testing import factories


def _plain(value):
    """What a result holds, in a form two results can be compared by."""
    if hasattr(value, "_meta"):
        fields = {field.attname: getattr(value, field.attname) for field in value._meta.concrete_fields}
        extra = {name: getattr(value, name) for name in vars(value) if name.startswith("x_")}
        related = {
            name: _plain(cached)
            for name, cached in value._state.fields_cache.items()
            if cached is not None and hasattr(cached, "_meta")
        }
        return (type(value).__name__, fields, extra, related)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return (type(value).__name__, value)


@pytest.fixture
def findings(world):
    for number in range(5):
        finding = factories.FindingFactory(
            programme=world.programme, created_by=world.lead, text=f"Finding “{number}” ü"
        )
        # Microseconds, and one made at a time with none.
        moment = datetime(2026, 3, number + 1, 9, 30, 15, 123456 * number, tzinfo=UTC)
        Finding.objects.filter(pk=finding.pk).update(created_at=moment)
    return world


def _querysets(world):
    findings = Finding.objects.filter(programme=world.programme)
    return {
        ("with the person who wrote it",): findings.select_related("created_by", "programme__service").order_by(
            "-created_at", "-id"
        )[:3],
        ("counted",): findings.values("theme", "kind").annotate(total=Count("id")).order_by("theme", "kind"),
        ("as tuples",): findings.order_by("id").values_list("id", "created_at", "text"),
        ("flat",): findings.order_by("-id").values_list("pk", flat=True),
        ("with a yes or no",): findings.annotate(
            x_mine=Exists(User.objects.filter(pk=OuterRef("created_by"), email=world.lead.email))
        ).order_by("id"),
        ("with numbers",): findings.annotate(
            x_third=Value(1.0, output_field=FloatField()) / Value(3.0, output_field=FloatField()),
            x_money=Value(Decimal("12.30"), output_field=DecimalField(max_digits=7, decimal_places=2)),
            x_day=F("programme__started_on"),
        ).order_by("id"),
        ("with JSON",): InstrumentVersion.objects.order_by("id")[:2],
        ("a union",): findings.order_by()
        .values_list("id")
        .union(User.objects.order_by().values_list("id"), all=True)
        .order_by(),
        ("empty",): findings.filter(text="no such finding"),
    }


def test_reads_sent_together_give_what_each_alone_gives(findings):
    alone = {key: _plain(list(queryset)) for key, queryset in _querysets(findings).items()}
    assert len(alone[("with the person who wrote it",)]) == 3
    assert alone[("with JSON",)], "the test needs an instrument definition (a JSON column) to read"
    with shared_lookups():
        with CaptureQueriesContext(connection) as sent:
            assert read_ahead(_querysets(findings)) == 9
        assert len(sent) == 1
        with CaptureQueriesContext(connection) as asked:
            together = {key: _plain(once(key, lambda: "asked again")) for key in alone}
    assert len(asked) == 0, [query["sql"] for query in asked.captured_queries]
    assert together == alone


def test_floats_dates_and_decimals_come_back_exactly(findings):
    third = Finding.objects.filter(programme=findings.programme).annotate(
        x_third=Value(2.0, output_field=FloatField()) / Value(3.0, output_field=FloatField()),
        x_money=Value(Decimal("12.30"), output_field=DecimalField(max_digits=7, decimal_places=2)),
    )
    with shared_lookups():
        read_ahead({("third",): third})
        row = once(("third",), list)[0]
    assert row.x_third == 2.0 / 3.0
    assert row.x_money == Decimal("12.30")
    assert isinstance(row.created_at, datetime) and row.created_at.tzinfo is not None
    assert isinstance(row.programme_id, int)
    assert Finding.objects.get(pk=row.pk).created_at == row.created_at


def test_nothing_is_read_outside_a_block_or_kept_after_it(findings):
    findings_here = Finding.objects.filter(programme=findings.programme).order_by("id")
    with CaptureQueriesContext(connection) as asked:
        assert read_ahead({("findings",): findings_here}) == 0
    assert len(asked) == 0
    with shared_lookups():
        read_ahead({("findings",): findings_here.all()})
    Finding.objects.filter(pk=findings_here[0].pk).update(text="Changed after the page")
    with shared_lookups():
        assert once(("findings",), lambda: list(findings_here.all()))[0].text == "Changed after the page"


def test_a_key_already_answered_is_not_read_again_and_nothing_asks_nothing(findings):
    findings_here = Finding.objects.filter(programme=findings.programme)
    with shared_lookups():
        once(("findings",), lambda: "answered before")
        with CaptureQueriesContext(connection) as asked:
            assert read_ahead({("findings",): findings_here, ("none",): findings_here.none()}) == 0
        assert len(asked) == 0
        assert once(("findings",), list) == "answered before"
        assert once(("none",), lambda: "asked again") == []


def test_a_prefetch_runs_with_the_rows_as_django_runs_it(findings):
    finding = Finding.objects.filter(programme=findings.programme).order_by("id").first()
    with shared_lookups():
        with CaptureQueriesContext(connection) as sent:
            read_ahead({("with the writer",): Finding.objects.filter(pk=finding.pk).prefetch_related("created_by")})
        (row,) = once(("with the writer",), list)
        with CaptureQueriesContext(connection) as asked:
            name = row.created_by.full_name
    assert name == findings.lead.full_name
    assert len(sent) == 2  # the rows together, then the prefetch as Django sends it
    assert len(asked) == 0
