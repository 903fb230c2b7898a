"""Documents as accessible PDF files, through HTML and WeasyPrint.

The PDF is tagged (PDF/UA-1): headings, lists and tables keep their structure
for screen readers, the language is en-GB and the title is in the metadata.
Each chart appears as its SVG, then its summary sentence and its data table.
"""

from pathlib import Path
from types import SimpleNamespace

import jinja2
from markupsafe import Markup

from pathfinder.reports import presenters
from pathfinder.reports.charts import render_svg
from pathfinder.reports.content import BulletList, Chart, Document, Heading, Paragraph, Table

TEMPLATES = Path(__file__).parent / "jinja2"
STYLESHEET = TEMPLATES / "reports" / "pdf" / "document.css"

# Our own environment rather than Django's: this template needs none of the
# page helpers, and works whether or not the app is installed.
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

_KINDS = {Heading: "heading", Paragraph: "paragraph", BulletList: "bullets", Table: "table", Chart: "chart"}


def document_html(document: Document) -> str:
    """The HTML that becomes the PDF (useful for checking the content in tests)."""
    blocks = []
    for number, (block, level) in enumerate(presenters.blocks_with_levels(document), start=1):
        view = SimpleNamespace(kind=_KINDS[type(block)], item=block, level=level)
        if isinstance(block, Table):
            view.header, view.rows = presenters.header_cells(block), presenters.body_rows(block)
        if isinstance(block, Chart):
            assert block.table is not None  # Chart fills it in
            view.header, view.rows = presenters.header_cells(block.table), presenters.body_rows(block.table)
            view.table_title = presenters.chart_table_title(block)
            # render_svg escapes everything it writes.
            view.svg = Markup(render_svg(block, id_prefix=f"chart-{number}", show_title=False))  # noqa: S704
        blocks.append(view)
    template = _environment.get_template("reports/pdf/document.html")
    return template.render(document=document, byline=presenters.byline(document), blocks=blocks)


# Easy-read layout: bigger text, more space, one idea per line.
LARGE_PRINT_CSS = """
html { font-size: 16pt; line-height: 1.6; }
h1 { font-size: 30pt; }
h2 { font-size: 22pt; margin-top: 10mm; break-before: auto; }
.subtitle { font-size: 18pt; }
li { margin-bottom: 4mm; }
p, ul { margin-bottom: 6mm; }
"""


def pdf_bytes(document: Document) -> bytes:
    """The document as an A4, tagged PDF (PDF/UA-1)."""
    return html_pdf_bytes(document_html(document), extra_css=LARGE_PRINT_CSS if document.large_print else "")


def html_pdf_bytes(html: str, *, extra_css: str = "") -> bytes:
    """Our own HTML (already escaped) as a tagged PDF with the reports stylesheet,
    for documents with a shape a Document cannot hold, such as a diagram."""
    # WeasyPrint takes over half a second to import: only PDF downloads pay for it.
    import weasyprint

    fetcher = url_fetcher()
    page = weasyprint.HTML(string=html, url_fetcher=fetcher)
    stylesheets = [weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher)]
    if extra_css:
        stylesheets.append(weasyprint.CSS(string=extra_css, url_fetcher=fetcher))
    return page.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1")


def url_fetcher():
    """A fetcher that refuses every URL. Reports have no images or fonts to
    fetch, so no content can make the server read a file or call a host."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=())
