"""The answer page's survey lookup (services.survey_by_link) reads with a
plain cursor: it must give exactly what the ORM gives, on both engines."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathfinder.surveys import services
from pathfinder.surveys.models import Survey


def test_it_reads_the_columns_in_the_models_own_order():
    concrete = [field.attname for field in Survey._meta.concrete_fields]
    assert list(services._BY_LINK_COLUMNS) == [name for name in concrete if name in services._BY_LINK_COLUMNS]
    selected = services._BY_LINK.split(" FROM ")[0].removeprefix("SELECT ").split(", ")
    assert selected[: len(services._BY_LINK_COLUMNS)] == [f"s.{name}" for name in services._BY_LINK_COLUMNS]


def test_it_gives_what_the_orm_gives(make_survey):
    survey = make_survey()
    Survey.objects.filter(pk=survey.pk).update(closed_early_on=datetime.date(2027, 1, 2), archived=True)
    expected = Survey.objects.select_related("instrument_version", "programme__service").get(pk=survey.pk)
    with CaptureQueriesContext(connection) as captured:
        found = services.survey_by_link(survey.link_token)
        values = {name: getattr(found, name) for name in services._BY_LINK_COLUMNS}
        related = (found.instrument_version.checksum, found.programme.service_id, found.programme.service.name)
    assert len(captured) == 1  # nothing read later for the columns the pages use
    assert values == {name: getattr(expected, name) for name in services._BY_LINK_COLUMNS}
    assert isinstance(values["opens_on"], datetime.date) and values["included_optional"] == ["about.area"]
    assert related == (
        expected.instrument_version.checksum,
        expected.programme.service_id,
        expected.programme.service.name,
    )
    # A column not read is still there when asked for (one more query).
    assert found.created_by_id == expected.created_by_id


def test_an_unknown_link_is_none(db):
    assert services.survey_by_link("no-such-link") is None


def test_the_answer_pages_are_the_first_urls_tried():
    from django.urls import get_resolver, resolve

    first = get_resolver().url_patterns[0]
    assert first.urlconf_name.__name__ == "pathfinder.surveys.urls_public"
    assert resolve("/answer/some-token/").url_name == "survey_answer"
    assert resolve("/answer/some-token/thanks/").url_name == "survey_thanks"
