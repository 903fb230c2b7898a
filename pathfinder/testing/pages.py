"""The page invariants every rendered page must keep.

`check_page(response)` is called by the `client` helpers in conftest.py for
every HTML response a view test gets, so each view test checks, for free:
valid HTML, a title, unique ids, forms with an action and a method, no inline
script or style (the CSP would block them), an error summary whose links point
at real fields whenever the title says "Error: " (and the other way round),
and Cache-Control: no-store.
"""

from dataclasses import dataclass

import html5lib
from html5lib.html5parser import ParseError
from lxml import html as lxml_html

_PARSER = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)


@dataclass
class Page:
    response: object
    tree: object

    @property
    def title(self) -> str:
        return self.tree.findtext(".//title").strip()

    def text(self) -> str:
        return " ".join(" ".join(self.tree.itertext()).split())

    def css(self, selector: str) -> list:
        return self.tree.cssselect(selector)

    def error_summary(self) -> list[str]:
        return [" ".join(link.text_content().split()) for link in self.css(".nhsuk-error-summary li")]

    def form_data(self, selector: str = "main form[method=post]") -> dict:
        """What the form would post if the person pressed its button now, as the
        test client takes it (a list for a name that appears more than once)."""
        form = self.css(selector)[0]
        data: dict = {}
        for element in form.iter("input", "textarea", "select"):
            name = element.get("name")
            kind = element.get("type", "text")
            if not name or kind in {"submit", "button"}:
                continue
            if element.tag == "textarea":
                value = element.text or ""
            elif element.tag == "select":
                chosen = [option.get("value", "") for option in element.iter("option") if option.get("selected")]
                value = chosen[0] if chosen else ""
            elif kind in {"radio", "checkbox"}:
                if element.get("checked") is None:
                    continue
                value = element.get("value", "on")
            else:
                value = element.get("value", "")
            if name in data:
                data[name] = [*data[name], value] if isinstance(data[name], list) else [data[name], value]
            elif kind == "checkbox":
                data[name] = [value]
            else:
                data[name] = value
        return data


def check_page(response) -> Page:
    content_type = response.get("Content-Type", "")
    assert content_type.startswith("text/html"), f"not HTML: {content_type}"
    assert response.get("Cache-Control") == "no-store", "pages must send Cache-Control: no-store"
    source = response.content.decode()
    try:
        _PARSER.parse(source)
    except ParseError as error:
        line, column = _PARSER.errors[-1][0] if _PARSER.errors else ("?", "?")
        context = source.splitlines()[line - 1] if isinstance(line, int) else ""
        raise AssertionError(f"invalid HTML at line {line}, column {column}: {error}\n{context}") from None
    tree = lxml_html.document_fromstring(source)
    page = Page(response, tree)

    assert page.title, "every page needs a title"
    ids = [element.get("id") for element in tree.iter() if element.get("id")]
    duplicates = sorted({value for value in ids if ids.count(value) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"

    for form in tree.iter("form"):
        assert form.get("action"), "every form needs an action"
        assert form.get("method") in {"get", "post"}, "every form needs a method"
    for script in tree.iter("script"):
        assert script.get("src"), "inline scripts are blocked by our CSP; use a file"
    styled = [element.tag for element in tree.iter() if element.get("style") is not None]
    assert not styled, f"inline style attributes are blocked by our CSP: {styled}"

    summary = page.css(".nhsuk-error-summary")
    if page.title.startswith("Error: "):
        assert summary, "an 'Error:' title needs an error summary"
    if summary:
        assert page.title.startswith("Error: "), "a page with an error summary needs a title starting 'Error: '"
        for link in summary[0].iter("a"):
            target = link.get("href", "")
            assert target.startswith("#") and target[1:] in ids, f"error summary link {target!r} points at nothing"
    return page
