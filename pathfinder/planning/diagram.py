"""The theory of change as an SVG diagram, drawn by Graphviz `dot`.

We write the DOT source ourselves and run Debian's `dot -Tsvg` (no shell,
input on stdin, a time limit). Its SVG is then cleaned for our pages: the
strict Content Security Policy ignores `style` attributes, so any are
removed (dot draws with presentation attributes such as fill= and stroke=);
Graphviz's own ids, comments and per-shape <title>s go; and the drawing gets
role="img" with a title and a description. The nested list on the page says
the same thing in words.

Graphviz runs once per change: its output is kept in the shared cache under a
hash of the DOT source, so every later view of an unchanged theory of change
(on any worker) reuses it, and any change to a step or link is a new source.
"""

import hashlib
import re
import shutil
import subprocess
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

SVG = "http://www.w3.org/2000/svg"

TIMEOUT_SECONDS = 10
# How long an unchanged diagram is kept; a miss only means drawing it again.
KEEP_SECONDS = 30 * 24 * 60 * 60
WRAP_AT = 28
COLUMNS = [
    ("activity", "Activities", "#005eb8"),
    ("short", "Short-term outcomes", "#007f3b"),
    ("interim", "Interim outcomes", "#330072"),
    ("long", "Long-term outcomes", "#7c2855"),
]


class DiagramUnavailable(Exception):
    """Graphviz is missing, too slow, or failed: the page shows the list only."""


@dataclass(frozen=True)
class Step:
    id: int
    kind: str
    text: str
    national: bool = False


def quoted(text: str) -> str:
    """A DOT string: backslashes and quotes escaped, line breaks removed."""
    text = " ".join(text.split())
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _label(step: Step) -> str:
    lines = textwrap.wrap(" ".join(step.text.split()), WRAP_AT) or [""]
    if step.national:
        lines.append("(national)")
    # \n in a DOT label is a centred line break; each line is escaped on its own.
    return '"' + "\\n".join(quoted(line)[1:-1] for line in lines) + '"'


def dot_source(steps: list[Step], links: list[tuple[int, int]]) -> str:
    """Columns from activities (left) to long-term outcomes (right). Invisible
    anchors keep the columns in order even where nothing links them."""
    out = [
        "digraph theory_of_change {",
        '  graph [rankdir=LR, nodesep=0.25, ranksep=0.7, bgcolor="white", pad=0.2, fontname="Arial", fontsize=14];',
        '  node [shape=box, style="rounded,filled", fillcolor="white", fontname="Arial", fontsize=12, '
        'fontcolor="#212b32", margin="0.15,0.08"];',
        '  edge [color="#425563", arrowsize=0.7, penwidth=1.2];',
    ]
    anchors = []
    for kind, title, colour in COLUMNS:
        members = [step for step in steps if step.kind == kind]
        if not members:
            continue
        anchor = f"column_{kind}"
        anchors.append(anchor)
        out.append(f"  subgraph cluster_{kind} {{")
        out.append(
            f'    label={quoted(title)}; labeljust="l"; style="filled"; fillcolor="#f0f4f5"; color="#d8dde0"; '
            'fontcolor="#212b32";'
        )
        out.append(f'    {anchor} [shape=point, style=invis, width=0, height=0, label=""];')
        for step in members:
            extra = ", peripheries=2" if step.national else ""
            out.append(f'    step{step.id} [label={_label(step)}, color="{colour}", penwidth=2{extra}];')
        out.append(f"    {{rank=same; {anchor}; {'; '.join(f'step{step.id}' for step in members)};}}")
        out.append("  }")
    if len(anchors) > 1:
        out.append(f"  {' -> '.join(anchors)} [style=invis];")
    known = {step.id for step in steps}
    for source, target in links:
        if source in known and target in known:
            out.append(f"  step{source} -> step{target};")
    out.append("}")
    return "\n".join(out) + "\n"


def run_dot(source: str) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise DiagramUnavailable("Graphviz (dot) is not installed.")
    try:
        result = subprocess.run(  # noqa: S603  a fixed program, no shell, our own input
            [dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True, timeout=TIMEOUT_SECONDS, check=True
        )
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError, OSError) as error:
        raise DiagramUnavailable(str(error)) from None
    return result.stdout.decode("utf-8")


def drawn(source: str) -> str:
    """`run_dot(source)`, from the cache when this exact source was drawn before.
    Failures are not kept: Graphviz is tried again next time."""
    from django.core.cache import cache

    key = "toc-dot:" + hashlib.sha256(source.encode("utf-8")).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = run_dot(source)
        cache.set(key, svg, KEEP_SECONDS)
    return svg


def clean_svg(raw: str, *, title: str, description: str, id_prefix: str) -> str:
    """Graphviz's SVG made fit for a page under our CSP (see module notes)."""
    raw = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", "", raw)
    root = ET.fromstring(raw)  # noqa: S314  dot's own output, from DOT we wrote
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG}}}title":
                parent.remove(child)
    for element in root.iter():
        for name in list(element.attrib):
            # Styles would be ignored under our CSP; ids would clash on the page;
            # namespaced attributes (xlink links) are not used by our diagrams.
            if name in {"style", "id"} or name.startswith("{"):
                del element.attrib[name]
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    root.set("role", "img")
    root.set("aria-labelledby", f"{title_id} {desc_id}")
    root.set("class", "pf-diagram")
    heading = ET.Element(f"{{{SVG}}}title", {"id": title_id})
    heading.text = title
    desc = ET.Element(f"{{{SVG}}}desc", {"id": desc_id})
    desc.text = description
    root.insert(0, desc)
    root.insert(0, heading)
    root.set("xmlns", SVG)
    return _write(root)


def _write(element) -> str:
    """The tree as SVG text. Written here rather than by ET.tostring, whose
    prefixes come from a process-wide registry that other libraries change."""
    tag = element.tag.removeprefix(f"{{{SVG}}}")
    attributes = "".join(f" {name}={quoteattr(value)}" for name, value in element.attrib.items())
    inner = escape(element.text or "") + "".join(_write(child) for child in element)
    tail = escape(element.tail or "")
    if not inner:
        return f"<{tag}{attributes}/>{tail}"
    return f"<{tag}{attributes}>{inner}</{tag}>{tail}"


def render(steps: list[Step], links: list[tuple[int, int]], *, title: str, description: str, id_prefix="toc") -> str:
    """The diagram as an inline <svg> string. Raises DiagramUnavailable."""
    return clean_svg(drawn(dot_source(steps, links)), title=title, description=description, id_prefix=id_prefix)
