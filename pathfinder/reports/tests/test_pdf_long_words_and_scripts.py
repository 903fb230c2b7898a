"""PDFs keep every table column when a cell holds a long unbroken word or a
pasted address, and show non-Latin text and emoji as text in fonts that
have them, not as empty boxes (.notdef glyphs)."""

import subprocess

import pytest

from pathfinder.reports.content import Document, Paragraph, Table
from pathfinder.reports.exports import pdf_bytes

LONG_WORD = ("Trauma" + "informed" * 40)[:300]
LONG_URL = "https://www.example.org/" + "/".join(f"segment{n:03d}" for n in range(30))
SCRIPTS = {
    "Chinese": "创伤知情实践",
    "Arabic": "مرحبا",
    "Hindi": "नमस्ते",
    "Greek": "Καλημέρα",
    "Polish": "Zażółć gęślą jaźń",
    "emoji": "🌱💬",
}


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory):
    document = Document(
        title="Long words and other scripts",
        blocks=[
            Paragraph(" · ".join(SCRIPTS.values())),
            Table(
                title="What people told us",
                columns=["Finding", "Theme", "Kind", "Count"],
                rows=[
                    [LONG_WORD, "Safety", "Barrier", 3],
                    [LONG_URL, "Choice", "Strength", 12],
                    ["A finding written as an ordinary sentence, as most are.", "Collaboration", "Idea", 1],
                ],
                numeric_columns=frozenset({3}),
            ),
        ],
    )
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    path.write_bytes(pdf_bytes(document))
    return path


def text_of(path, *options) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, check=True, text=True).stdout


def fonts_in(path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout
    return [line.split()[0].split("+")[-1] for line in listing.splitlines()[2:]]


def test_it_keeps_every_column_of_a_table_with_a_long_word(pdf_file):
    header = next(line for line in text_of(pdf_file, "-layout").splitlines() if "Finding" in line)
    assert header.split() == ["Finding", "Theme", "Kind", "Count"]
    text = text_of(pdf_file, "-layout")
    for short in ("Safety", "Barrier", "Strength", "Collaboration", "12"):
        assert short in text.split(), f"{short} is missing or split"
    # Read cell by cell, the long word and the address are all there.
    joined = "".join(text_of(pdf_file).split())
    assert LONG_WORD in joined and LONG_URL in joined


def test_it_writes_other_scripts_and_emoji_as_text(pdf_file):
    text = " ".join(text_of(pdf_file).split())
    for name, sample in SCRIPTS.items():
        assert sample in text, f"{name} text is missing"


def test_it_uses_fonts_that_have_those_characters(pdf_file):
    """Without such fonts the characters fall back to one that lacks them,
    and each becomes an empty box."""
    fonts = fonts_in(pdf_file)
    assert any("CJK" in font for font in fonts), fonts
    assert any("Emoji" in font for font in fonts), fonts
    assert any("Devanagari" in font for font in fonts), fonts


def test_digits_stay_in_the_text_font(tmp_path):
    """An emoji font has digits too; they must not be drawn with it."""
    path = tmp_path / "digits.pdf"
    path.write_bytes(pdf_bytes(Document(title="Step 1", blocks=[Paragraph("How long: 2 weeks, from 3 March 2026.")])))
    assert not any("Emoji" in font for font in fonts_in(path)), fonts_in(path)
