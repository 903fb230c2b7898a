"""A few helpers for writing SVG by hand: elements with escaped text and
attributes, and text sizes estimated without a font engine."""

from xml.sax.saxutils import escape, quoteattr

from pathfinder.reports.cells import xml_safe

FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"

# Rough Arial glyph widths as a fraction of the font size: enough to lay out
# labels without measuring them.
_NARROW = set("fijlrtI.,:;'|!()[] ")
_WIDE = set("mwMW@%")


def number(value: float) -> str:
    """A coordinate with at most one decimal place: 12.0 → "12", 12.25 → "12.2"."""
    text = f"{value:.1f}"
    text = text.removesuffix(".0")
    return "0" if text == "-0" else text


def _attribute(name: str, value: object) -> str:
    text = number(value) if isinstance(value, float) else str(value)
    return f" {name}={quoteattr(xml_safe(text))}"


def element(tag: str, attributes: dict[str, object] | None = None, *, text: str | None = None, children=()) -> str:
    """<tag a="…">text or children</tag>, or <tag a="…"/> when empty. Attribute
    values and text are escaped; children are trusted SVG strings made here."""
    attrs = "".join(_attribute(name, value) for name, value in (attributes or {}).items() if value is not None)
    inner = escape(xml_safe(text)) if text is not None else "".join(children)
    if not inner:
        return f"<{tag}{attrs}/>"
    return f"<{tag}{attrs}>{inner}</{tag}>"


def text_width(text: str, font_size: float) -> float:
    """Estimated width of `text` in Arial at `font_size`."""
    units = 0.0
    for char in text:
        if char in _NARROW:
            units += 0.3
        elif char in _WIDE:
            units += 0.85
        elif char.isupper():
            units += 0.64
        elif char.isdigit():
            units += 0.56
        else:
            units += 0.52
    return units * font_size


def wrap(text: str, font_size: float, width: float) -> list[str]:
    """Split `text` into lines that fit `width`; a word too long for a line is split."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, font_size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_width(word, font_size) > width and len(word) > 1:
            cut = _longest_prefix(word, font_size, width)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def truncate(text: str, font_size: float, width: float) -> str:
    """`text`, cut short with "…" if it would be wider than `width`."""
    if text_width(text, font_size) <= width:
        return text
    cut = _longest_prefix(text, font_size, width - text_width("…", font_size))
    return text[:cut].rstrip() + "…"


def _longest_prefix(text: str, font_size: float, width: float) -> int:
    cut = 1
    while cut < len(text) and text_width(text[: cut + 1], font_size) <= width:
        cut += 1
    return cut
