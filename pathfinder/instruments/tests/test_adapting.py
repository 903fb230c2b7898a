"""A service adapts an instrument without breaking past results."""

import pytest

from pathfinder.assessments import services as assessment_services
from pathfinder.instruments import scoring
from pathfinder.instruments import services as instrument_services
from pathfinder.instruments.models import InstrumentVersion


@pytest.fixture
def builtin(db):
    return InstrumentVersion.objects.get(instrument__key="ti-organisational-self-assessment", instrument__owner=None)


def optional_code(version):
    return next(item.code for item in version.parsed.items if item.optional)


def required_code(version):
    return next(item.code for item in version.parsed.items if not item.optional)


def test_the_lead_rewords_drops_and_adds_through_the_page(world, builtin, as_user):
    client = as_user(world.lead)
    url = f"/services/{world.service.slug}/tools/{builtin.pk}/adapt/"
    page = client.get(url).page
    data = {element.get("name"): element.text or "" for element in page.css("textarea")}
    data.update({"text_1": "Our decisions are checked against the five principles.", "notes": "Plainer wording"})
    data[f"drop_{next(i for i, item in enumerate(builtin.parsed.items, 1) if item.optional)}"] = "on"
    data["add_budgets"] = "We know what the work costs in staff time."
    response = client.post(url, data)
    adapted = InstrumentVersion.objects.get(instrument__owner=world.service)
    assert response["Location"] == f"/services/{world.service.slug}/tools/{adapted.pk}/"
    definition = adapted.parsed
    assert (
        definition.item("culture.principles-in-decisions").text
        == "Our decisions are checked against the five principles."
    )
    assert optional_code(builtin) not in {item.code for item in definition.items}
    assert definition.item("budgets.local-1").text == "We know what the work costs in staff time."
    assert adapted.instrument.based_on == builtin
    # Other services still see only the built-in tool.
    other = instrument_services.versions_for(world.other_service)
    assert adapted not in other and builtin in other


def test_a_required_item_cannot_be_dropped(world, builtin):
    with pytest.raises(instrument_services.CannotAdapt, match="not optional"):
        instrument_services.adapt(
            builtin,
            service=world.service,
            rewordings={},
            dropped={required_code(builtin)},
            added={},
            notes="",
            by=world.lead,
        )


def test_nothing_changed_makes_no_version(world, builtin, as_user):
    url = f"/services/{world.service.slug}/tools/{builtin.pk}/adapt/"
    page = as_user(world.lead).get(url).page
    data = {element.get("name"): element.text or "" for element in page.css("textarea")}
    data["notes"] = "no change"
    response = as_user(world.lead).post(url, data)
    assert response.status_code == 200
    assert "Nothing was changed" in response.page.text()
    assert not InstrumentVersion.objects.filter(instrument__owner=world.service).exists()


def test_past_rounds_keep_their_version_and_comparison_uses_shared_items(world, builtin):
    round_ = assessment_services.open_round(
        programme=world.programme,
        instrument_version=builtin,
        kind="baseline",
        title="B",
        raters=[world.lead],
        by=world.lead,
    )
    adapted = instrument_services.adapt(
        builtin,
        service=world.service,
        rewordings={"culture.principles-in-decisions": "Reworded"},
        dropped={optional_code(builtin)},
        added={"culture": "A new local item"},
        notes="",
        by=world.lead,
    )
    round_.refresh_from_db()
    assert round_.instrument_version == builtin
    shared = scoring.shared_codes(builtin.parsed, adapted.parsed)
    assert len(shared) == len(builtin.parsed.items) - 1
    assert "culture.principles-in-decisions" in shared  # reworded, still the same item
    assert "culture.local-1" not in shared


def test_only_the_lead_adapts(world, builtin, as_user):
    assert as_user(world.member).get(f"/services/{world.service.slug}/tools/{builtin.pk}/adapt/").status_code == 403


def test_another_services_version_is_not_found(world, builtin, as_user):
    adapted = instrument_services.adapt(
        builtin,
        service=world.service,
        rewordings={"culture.principles-in-decisions": "Ours"},
        dropped=set(),
        added={},
        notes="",
        by=world.lead,
    )
    assert as_user(world.outsider).get(f"/services/{world.other_service.slug}/tools/{adapted.pk}/").status_code == 404
