"""Graphviz draws a theory of change once per change: later views (the page,
the downloads) reuse the drawing until a step or link changes."""

import pytest

from pathfinder.core.models import RenderedDocument
from pathfinder.planning import diagram
from pathfinder.planning.services import toc as services
from pathfinder.planning.tests.conftest import pdf_text


@pytest.fixture
def dot_runs(monkeypatch):
    """How many times `dot` really ran (it still runs)."""
    calls = []
    real = diagram.run_dot

    def counted(source):
        calls.append(source)
        return real(source)

    monkeypatch.setattr(diagram, "run_dot", counted)
    return calls


def toc_url(world, tail=""):
    return f"/programmes/{world.programme.pk}/theory-of-change/{tail}"


def test_it_draws_once_until_something_changes(world, as_user, dot_runs):
    step = services.add_node(
        programme=world.programme, kind="activity", scope="local", text="Train staff", by=world.lead
    )
    client = as_user(world.lead)
    first = client.get(toc_url(world))
    second = client.get(toc_url(world))
    assert len(dot_runs) == 1
    assert "Train staff" in second.content.decode()
    assert first.content.decode().count("<svg") == second.content.decode().count("<svg") >= 1
    # The SVG download draws with the same DOT source: still one run.
    assert client.get(toc_url(world, "download.svg"))["Content-Type"] == "image/svg+xml"
    assert len(dot_runs) == 1

    outcome = services.add_node(
        programme=world.programme, kind="short", scope="local", text="Staff feel safe", by=world.lead
    )
    services.add_link(source=step, target=outcome, rationale="Because", assumptions="", by=world.lead)
    changed = client.get(toc_url(world)).content.decode()
    assert len(dot_runs) == 2 and "Staff feel safe" in changed
    client.get(toc_url(world))
    assert len(dot_runs) == 2


def test_the_pdf_is_kept_until_something_changes(world, as_user, dot_runs, monkeypatch):
    from pathfinder.core import documents

    renders = []
    real = documents.render_bytes
    monkeypatch.setattr(documents, "render_bytes", lambda fmt, source: renders.append(fmt) or real(fmt, source))
    services.add_node(programme=world.programme, kind="activity", scope="local", text="Train staff", by=world.lead)
    client = as_user(world.viewer)
    first = client.get(toc_url(world, "download.pdf"))
    second = client.get(toc_url(world, "download.pdf"))
    assert renders == ["pdf"] and first.content == second.content
    assert "Train staff" in pdf_text(second.content)
    services.add_node(programme=world.programme, kind="long", scope="local", text="People recover", by=world.lead)
    third = client.get(toc_url(world, "download.pdf"))
    assert renders == ["pdf", "pdf"] and "People recover" in pdf_text(third.content)
    assert RenderedDocument.objects.filter(what="theory of change").count() == 1
