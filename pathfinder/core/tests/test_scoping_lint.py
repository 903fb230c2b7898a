"""Views must fetch through the scoping helpers, never `Model.objects`."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]
FORBIDDEN = {"objects", "_default_manager", "_base_manager"}


def view_modules() -> list[Path]:
    found = []
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        if path.name == "views.py" or path.parent.name == "views":
            found.append(path)
    return sorted(found)


def unscoped_uses(source: str) -> list[int]:
    tree = ast.parse(source)
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr in FORBIDDEN]


def test_it_finds_the_view_modules():
    names = {str(path.relative_to(PACKAGE)) for path in view_modules()}
    assert "programmes/views.py" in names
    assert "core/views/people.py" in names


@pytest.mark.parametrize("path", view_modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_views_never_query_models_directly(path):
    lines = unscoped_uses(path.read_text())
    assert not lines, f"{path.name} uses Model.objects on lines {lines}; use pathfinder.core.scoping instead"


def test_it_catches_an_unscoped_query():
    assert unscoped_uses("def view(request):\n    return Finding.objects.all()\n") == [2]
    assert unscoped_uses("def view(request):\n    return scoped(Finding, request.user)\n") == []
