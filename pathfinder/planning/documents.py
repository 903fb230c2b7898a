"""Files the reports app has no shape for yet: the theory of change diagram as
an SVG file, and as a PDF with its nested list.

The PDF is made like reports.pdf makes its own (WeasyPrint, tagged PDF/UA-1,
the same stylesheet, a fetcher that refuses every URL), from a planning
template, because a reports.content Document cannot hold a diagram yet."""

from django.http import HttpResponse

from pathfinder.reports.exports import safe_filename
from pathfinder.reports.pdf import STYLESHEET, url_fetcher

SVG_TYPE = "image/svg+xml"


def svg_response(svg: str, filename: str) -> HttpResponse:
    content = '<?xml version="1.0" encoding="UTF-8"?>\n' + svg
    response = HttpResponse(content.encode("utf-8"), content_type=SVG_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{safe_filename(filename, ".svg")}"'
    response["Cache-Control"] = "no-store"
    return response


def pdf_from_html(html: str) -> bytes:
    import weasyprint  # slow to import: only PDF downloads pay for it

    fetcher = url_fetcher()
    page = weasyprint.HTML(string=html, url_fetcher=fetcher)
    stylesheet = weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher)
    return page.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")
