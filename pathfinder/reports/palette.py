"""Colours and marker shapes for charts, from the NHS.UK colour palette.

Every series colour has at least 4.5:1 contrast with white, so bars, lines
and the series names written in that colour all pass WCAG 1.4.3 and 1.4.11.
(NHS warm yellow #ffb81c and aqua green #00a499 do not, so they are not here.)
Colour is never the only difference: bars carry their series name, and each
line has its own marker shape.
"""

WHITE = "#ffffff"
TEXT = "#212b32"  # NHS black
SECONDARY_TEXT = "#4c6272"  # NHS dark grey text
GRIDLINE = "#d8dde0"  # NHS pale grey: decorative, the labels carry the values
AXIS = "#212b32"
NO_VALUE = "#768692"  # NHS mid grey, 3.5:1 with white

SERIES_COLOURS = (
    "#005eb8",  # NHS blue
    "#007f3b",  # NHS green
    "#7c2855",  # NHS dark pink
    "#425563",  # NHS dark grey
    "#330072",  # NHS purple
    "#003087",  # NHS dark blue
)

MARKER_SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "cross")


def series_colour(index: int) -> str:
    return SERIES_COLOURS[index % len(SERIES_COLOURS)]


def marker_shape(index: int) -> str:
    return MARKER_SHAPES[index % len(MARKER_SHAPES)]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a "#rrggbb" colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
