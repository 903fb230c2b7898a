"""Easy-read documents get bigger text; drawings download as SVG files."""

import subprocess
from dataclasses import replace

from pathfinder.reports import exports
from pathfinder.reports.content import Document, Paragraph


def page_count(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_it_makes_large_print_take_more_room(tmp_path):
    document = Document(title="Leaflet", blocks=[Paragraph("A line of text to read. " * 40) for _ in range(12)])
    standard = exports.pdf_bytes(document)
    large = exports.pdf_bytes(replace(document, large_print=True))
    assert page_count(large, tmp_path) > page_count(standard, tmp_path)


def test_it_downloads_a_drawing_as_svg():
    response = exports.svg_response('<svg xmlns="http://www.w3.org/2000/svg"></svg>', "Theory of change.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"] == 'attachment; filename="theory-of-change.svg"'
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg')
