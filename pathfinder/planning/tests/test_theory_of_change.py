"""The theory of change: steps, links that read forward with their reasons,
indicators; the diagram (Graphviz) with the same in words; downloads."""

import xml.etree.ElementTree as ET

import pytest

from pathfinder.planning import diagram
from pathfinder.planning.models import ToCLink
from pathfinder.planning.services import toc as services
from pathfinder.planning.tests.conftest import make_action, pdf_text


@pytest.fixture
def steps(world):
    def add(kind, text, scope="local"):
        return services.add_node(programme=world.programme, kind=kind, scope=scope, text=text, by=world.lead)

    return {
        "activity": add("activity", "Protect reflective practice"),
        "short": add("short", "Staff feel supported"),
        "interim": add("interim", "Staff stay"),
        "long": add("long", 'A "trauma-informed" workforce <everywhere> & style="x"', "national"),
    }


def link(world, source, target):
    return services.add_link(source=source, target=target, rationale="Because", assumptions="", by=world.lead)


def post_link(client, world, source, target):
    return client.post(
        f"/programmes/{world.programme.pk}/theory-of-change/links/new/",
        {"source": str(source.pk), "target": str(target.pk), "rationale": "Why", "assumptions": ""},
    )


def test_links_go_forward(world, as_user, steps):
    client = as_user(world.member)
    assert post_link(client, world, steps["activity"], steps["short"]).status_code == 302
    assert post_link(client, world, steps["short"], steps["long"]).status_code == 302  # skipping a stage is fine
    backwards = post_link(client, world, steps["long"], steps["interim"])
    assert backwards.page.error_summary()[0].startswith(
        "This link would go backwards, from a long-term outcome to an interim outcome."
    )
    into_activity = post_link(client, world, steps["short"], steps["activity"])
    assert into_activity.page.error_summary()[0].startswith("Nothing leads into an activity")
    itself = post_link(client, world, steps["short"], steps["short"])
    assert itself.page.error_summary() == ["A step cannot lead to itself. Choose a different step for it to lead to."]
    again = post_link(client, world, steps["activity"], steps["short"])
    assert again.page.error_summary() == ["These two steps are already linked."]
    # What was typed is kept.
    assert again.page.css("#id_rationale")[0].text_content() == "Why"
    assert ToCLink.objects.count() == 2


def test_loops_are_refused(world, as_user, steps):
    other = services.add_node(programme=world.programme, kind="short", scope="local", text="Staff talk", by=world.lead)
    link(world, steps["short"], other)
    response = post_link(as_user(world.member), world, other, steps["short"])
    assert response.page.error_summary() == [
        "This link would make a loop, because “Staff feel supported” already leads to “Staff talk”. "
        "A theory of change reads one way, from activities to long-term outcomes."
    ]
    with pytest.raises(services.LinkRefused):
        services.add_link(source=other, target=steps["short"], rationale="", assumptions="", by=world.lead)


def test_the_diagram_has_no_style_attributes_and_a_list_says_the_same(world, as_user, steps):
    link(world, steps["activity"], steps["short"])
    link(world, steps["short"], steps["interim"])
    link(world, steps["interim"], steps["long"])
    make_action(world, activity=steps["activity"])
    services.add_indicator(node=steps["short"], text="Staff say so", how_measured="Pulse survey", by=world.lead)
    page = as_user(world.viewer).get(f"/programmes/{world.programme.pk}/theory-of-change/").page
    svg = page.css("svg.pf-diagram")[0]
    assert svg.get("role") == "img"
    assert all(element.get("style") is None for element in svg.iter())
    assert not [element for element in svg.iter() if element.tag.endswith("title") and not element.get("id")]
    words = " ".join(page.css(".pf-toc-list")[0].text_content().split())
    assert "Leads to: Staff feel supported (short-term outcome). Why: Because" in words
    assert "Indicator: Staff say so (Pulse survey)" in words
    assert "1 action in the plan." in words
    assert 'A "trauma-informed" workforce <everywhere> & style="x" (national)' in words


def test_dot_source_escapes_what_people_type():
    source = diagram.dot_source([diagram.Step(1, "activity", 'Say "hello" \\ goodbye')], [])
    assert '"Say \\"hello\\" \\\\ goodbye"' in source


def test_the_svg_is_cleaned_for_our_pages():
    raw = (
        '<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="10pt" '
        'viewBox="0 0 10 10"><g id="graph0" style="fill:red"><title>G</title><text style="x">Hi</text></g></svg>'
    )
    cleaned = diagram.clean_svg(raw, title="T", description="D", id_prefix="p")
    root = ET.fromstring(cleaned)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "p-title p-desc"
    assert root.get("width") is None and "style=" not in cleaned and "graph0" not in cleaned
    assert ">Hi<" in cleaned and ">G<" not in cleaned


def test_downloads_as_svg_and_pdf(world, as_user, steps):
    link(world, steps["activity"], steps["short"])
    client = as_user(world.viewer)
    svg = client.get(f"/programmes/{world.programme.pk}/theory-of-change/download.svg")
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg["Content-Disposition"] == 'attachment; filename="home-service-theory-of-change.svg"'
    root = ET.fromstring(svg.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    pdf = client.get(f"/programmes/{world.programme.pk}/theory-of-change/download.pdf")
    assert pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content)
    assert "Theory of change" in text and "Leads to: Staff feel supported" in text
    assert (
        as_user(world.viewer).get(f"/programmes/{world.programme.pk}/theory-of-change/download.png").status_code == 404
    )


def test_changing_and_removing_a_step(world, as_user, steps):
    client = as_user(world.member)
    url = f"/toc-steps/{steps['short'].pk}/"
    assert (
        client.post(
            url, {"form": "step", "version": "1", "text": "Staff feel well supported", "scope": "local"}
        ).status_code
        == 302
    )
    stale = client.post(url, {"form": "step", "version": "1", "text": "Mine", "scope": "local"})
    assert "It now reads “Staff feel well supported”" in stale.page.error_summary()[0]
    refused = client.post(url, {"form": "indicator", "indicator": ""})
    assert refused.page.error_summary() == ["Enter the indicator."]
    link(world, steps["activity"], steps["short"])
    action = make_action(world, outcome=steps["short"])
    assert client.post(url, {"form": "remove"}).status_code == 302
    action.refresh_from_db()
    assert action.outcome is None and not ToCLink.objects.exists()
