"""The SVG helpers escape everything and lay text out without a font engine."""

import xml.etree.ElementTree as ET

from pathfinder.reports.svg import element, number, text_width, truncate, wrap


def test_it_escapes_text_and_attributes():
    svg = element("text", {"x": 1, "data-name": '"><script>'}, text="</text><script>&")
    assert "<script" not in svg
    node = ET.fromstring(svg)
    assert node.text == "</text><script>&"
    assert node.get("data-name") == '"><script>'


def test_it_removes_characters_xml_cannot_hold():
    assert ET.fromstring(element("text", text="a\x00b\x1bc")).text == "abc"


def test_it_leaves_out_attributes_that_are_none():
    assert element("rect", {"x": 1, "fill": None}) == '<rect x="1"/>'


def test_it_writes_coordinates_briefly():
    assert number(12.0) == "12"
    assert number(12.26) == "12.3"
    assert number(-0.01) == "0"


def test_it_wraps_text_to_a_width():
    lines = wrap("Trustworthiness and transparency", 16, 140)
    assert lines == ["Trustworthiness", "and transparency"]
    assert all(text_width(line, 16) <= 140 for line in lines)


def test_it_splits_a_word_too_long_for_one_line():
    lines = wrap("Supercalifragilisticexpialidocious", 16, 100)
    assert len(lines) > 1
    assert "".join(lines) == "Supercalifragilisticexpialidocious"


def test_it_truncates_with_an_ellipsis():
    short = truncate("Round 2 (September 2026)", 14, 100)
    assert short.endswith("…")
    assert text_width(short, 14) <= 100
    assert truncate("Round 2", 14, 100) == "Round 2"
