"""Chart colours are visible on white (WCAG 1.4.11 non-text contrast, and 1.4.3
for series names written in their colour)."""

import pytest

from pathfinder.reports import palette


@pytest.mark.parametrize("colour", palette.SERIES_COLOURS)
def test_it_uses_series_colours_with_enough_contrast(colour):
    assert palette.contrast_ratio(colour, palette.WHITE) >= 4.5


def test_it_uses_text_and_markers_with_enough_contrast():
    assert palette.contrast_ratio(palette.TEXT, palette.WHITE) >= 4.5
    assert palette.contrast_ratio(palette.SECONDARY_TEXT, palette.WHITE) >= 4.5
    assert palette.contrast_ratio(palette.NO_VALUE, palette.WHITE) >= 3


def test_it_computes_contrast_as_wcag_does():
    assert palette.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert palette.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    # NHS warm yellow is too light for a bar on white.
    assert palette.contrast_ratio("#ffb81c", "#ffffff") < 3


def test_it_repeats_colours_and_shapes_after_running_out():
    count = len(palette.SERIES_COLOURS)
    assert palette.series_colour(count) == palette.series_colour(0)
    assert len(set(palette.MARKER_SHAPES)) == len(palette.MARKER_SHAPES)
