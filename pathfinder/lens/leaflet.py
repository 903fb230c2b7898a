"""The communications leaflet as an A4 PDF, in a standard or an easy-read layout.

The easy-read layout needs bigger text and more space than reports' own PDF
stylesheet gives, so it adds a few lines of CSS on top of it. Everything else
(the tagged PDF/UA output, the URL fetcher that fetches nothing, the HTML) is
reports' own. If reports gains a large-print option this module can shrink to
a single call to reports.exports.pdf_response.
"""

from pathfinder.reports import exports
from pathfinder.reports.content import Document
from pathfinder.reports.pdf import STYLESHEET, document_html, url_fetcher

EASY_READ_CSS = """
html { font-size: 16pt; line-height: 1.6; }
h1 { font-size: 30pt; }
h2 { font-size: 22pt; margin-top: 10mm; break-before: auto; }
.subtitle { font-size: 18pt; }
li { margin-bottom: 4mm; }
p, ul { margin-bottom: 6mm; }
"""


def leaflet_pdf_bytes(document: Document, *, easy_read: bool = False) -> bytes:
    if not easy_read:
        return exports.pdf_bytes(document)
    import weasyprint

    fetcher = url_fetcher()
    html = weasyprint.HTML(string=document_html(document), url_fetcher=fetcher)
    stylesheets = [
        weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"), url_fetcher=fetcher),
        weasyprint.CSS(string=EASY_READ_CSS, url_fetcher=fetcher),
    ]
    return html.write_pdf(stylesheets=stylesheets, pdf_variant="pdf/ua-1")


def leaflet_response(document: Document, filename: str, *, easy_read: bool = False):
    return exports.attachment_response(leaflet_pdf_bytes(document, easy_read=easy_read), filename, ".pdf")
