"""Reads sent together (core/readahead.py) give exactly what each read alone
gives, on both databases, for every kind of column the pages use."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Count, DecimalField, Exists, F, FloatField, OuterRef, Value
from django.test.utils import CaptureQueriesContext

from pathfinder.accounts.models import User
from pathfinder.core.readahead import read_ahead
from pathfinder.core.scoping import shared_lookups
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
        "with the person who wrote it": findings.select_related("created_by", "programme__service").order_by(
            "-created_at", "-id"
        )[:3],
        "counted": findings.values("theme", "kind").annotate(total=Count("id")).order_by("theme", "kind"),
        "as tuples": findings.order_by("id").values_list("id", "created_at", "text"),
        "flat": findings.order_by("-id").values_list("pk", flat=True),
        "with a yes or no": findings.annotate(
            x_mine=Exists(User.objects.filter(pk=OuterRef("created_by"), email=world.lead.email))
        ).order_by("id"),
        "with numbers": findings.annotate(
            x_third=Value(1.0, output_field=FloatField()) / Value(3.0, output_field=FloatField()),
            x_money=Value(Decimal("12.30"), output_field=DecimalField(max_digits=7, decimal_places=2)),
            x_day=F("programme__started_on"),
        ).order_by("id"),
        "with JSON": InstrumentVersion.objects.order_by("id")[:2],
        "nothing": findings.none(),
        "empty": findings.filter(text="no such finding"),
    }


def test_reads_sent_together_give_what_each_alone_gives(findings):
    querysets = _querysets(findings)
    alone = {name: _plain(list(queryset)) for name, queryset in querysets.items()}
    assert len(alone["with the person who wrote it"]) == 3
    assert alone["with JSON"], "the test needs an instrument definition (a JSON column) to read"
    with shared_lookups():
        with CaptureQueriesContext(connection) as sent:
            assert read_ahead(*querysets.values()) == 8  # all but .none(), which asks nothing
        assert len(sent) == 1
        fresh = _querysets(findings)  # built again, as a page part builds its own
        with CaptureQueriesContext(connection) as asked:
            together = {name: _plain(list(queryset)) for name, queryset in fresh.items()}
    assert len(asked) == 0, [query["sql"] for query in asked.captured_queries]
    assert together == alone


def test_floats_and_dates_come_back_exactly(findings):
    third = Finding.objects.filter(programme=findings.programme).annotate(
        x_third=Value(2.0, output_field=FloatField()) / Value(3.0, output_field=FloatField())
    )
    with shared_lookups():
        read_ahead(third)
        row = next(iter(third))
    assert row.x_third == 2.0 / 3.0
    assert isinstance(row.created_at, datetime) and row.created_at.tzinfo is not None
    assert isinstance(row.programme_id, int)
    assert Finding.objects.get(pk=row.pk).created_at == row.created_at


def test_a_read_that_differs_is_asked_as_before(findings):
    findings_here = Finding.objects.filter(programme=findings.programme)
    with shared_lookups():
        read_ahead(findings_here.filter(created_at__date=date(2026, 3, 1)))
        with CaptureQueriesContext(connection) as asked:
            rows = list(findings_here.filter(created_at__date=date(2026, 3, 2)))
    assert len(asked) == 1
    assert [row.created_at.day for row in rows] == [2]


def test_nothing_is_kept_after_the_block_or_read_outside_one(findings):
    findings_here = Finding.objects.filter(programme=findings.programme).order_by("id")
    with CaptureQueriesContext(connection) as asked:
        assert read_ahead(findings_here) == 0
    assert len(asked) == 0
    with shared_lookups():
        read_ahead(findings_here)
    Finding.objects.filter(pk=findings_here[0].pk).update(text="Changed after the page")
    assert findings_here.first().text == "Changed after the page"


def test_a_union_is_not_read_ahead_but_still_answered(findings):
    first = Finding.objects.filter(programme=findings.programme).order_by().values_list("id")
    union = first.union(User.objects.order_by().values_list("id"), all=True).order_by()
    alone = sorted(union)
    with shared_lookups():
        read_ahead(union)
        with CaptureQueriesContext(connection) as asked:
            together = sorted(union)
    assert together == alone
    assert len(asked) == 0, "a union is read ahead too"


def _part(world):
    """A page part: counts, a yes or no, a first row and a list, as panels ask them."""
    findings = Finding.objects.filter(programme=world.programme)
    return {
        "total": findings.count(),
        "counts": findings.aggregate(total=Count("id"), people=Count("created_by", distinct=True)),
        "any": findings.filter(text__startswith="Finding").exists(),
        "newest": _plain(findings.order_by("-created_at", "-id").first()),
        "texts": list(findings.order_by("id").values_list("text", flat=True)),
    }


def test_a_page_part_is_read_ahead_and_then_asks_nothing(findings):
    alone = _part(findings)
    assert alone["total"] == 5 and alone["any"] and alone["counts"] == {"total": 5, "people": 1}
    with shared_lookups():
        with CaptureQueriesContext(connection) as sent:
            assert read_ahead(parts=[_part], args=(findings,)) == 5
        with CaptureQueriesContext(connection) as asked:
            together = _part(findings)
    assert len(sent) == 1
    assert len(asked) == 0, [query["sql"] for query in asked.captured_queries]
    assert together == alone


def test_a_part_cannot_write_or_keep_what_it_saw_while_its_reads_are_noted(findings):
    from pathfinder.core.scoping import once

    def part(findings):
        once(("what-the-part-saw",), lambda: list(Finding.objects.filter(programme=findings.programme)))
        Finding.objects.filter(programme=findings.programme).update(text="Written while noting")
        factories.FindingFactory(programme=findings.programme, created_by=findings.lead)

    before = Finding.objects.count()
    with shared_lookups():
        read_ahead(parts=[part], args=(findings,))
        kept = once(("what-the-part-saw",), lambda: "asked again")
    assert kept == "asked again"  # the empty answer seen while noting was not kept
    assert Finding.objects.count() == before
    assert not Finding.objects.filter(text="Written while noting").exists()


def test_a_read_that_depends_on_an_earlier_one_is_asked_when_the_part_runs(findings):
    def part(findings):
        newest = Finding.objects.filter(programme=findings.programme).order_by("-id").first()
        return newest and Finding.objects.filter(pk__lt=newest.pk).count()

    alone = part(findings)
    with shared_lookups():
        read_ahead(parts=[part], args=(findings,))
        with CaptureQueriesContext(connection) as asked:
            together = part(findings)
    assert together == alone == 4
    assert len(asked) == 1  # only the count, which needed the newest finding first


def test_a_part_being_noted_cannot_change_what_the_page_holds(findings):
    """While noted, a part sees empty answers: what it caches then (roles on the
    user, related rows on objects another part made) must not reach the page."""
    from django.db.models import prefetch_related_objects

    from pathfinder.core.permissions import roles_of
    from pathfinder.core.roles import Role
    from pathfinder.core.scoping import once

    user = User.objects.get(pk=findings.lead.pk)

    def made_by_another_part():
        return list(Finding.objects.filter(programme=findings.programme).order_by("id"))

    def part(user):
        rows = once(("shared-findings",), made_by_another_part)
        prefetch_related_objects(rows, "plan_actions")
        return roles_of(user)

    with shared_lookups():
        rows = once(("shared-findings",), made_by_another_part)
        read_ahead(parts=[part], args=(user,))
        assert not hasattr(user, "_pathfinder_roles")
        assert all("plan_actions" not in getattr(row, "_prefetched_objects_cache", {}) for row in rows)
        assert part(user) == {findings.service.pk: Role.PROGRAMME_LEAD}
