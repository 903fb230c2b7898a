"""scoring.py and definition.py (and, later, disclosure.py) must not import
Django, so they can be reasoned about and tested on their own."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
PURE = ["scoring.py", "definition.py", "disclosure.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("name", [name for name in PURE if (PACKAGE / name).exists()])
def test_it_imports_no_django(name):
    modules = imported_modules(PACKAGE / name)
    assert not [module for module in modules if module.split(".")[0] == "django"], modules
    assert not [
        module
        for module in modules
        if module.startswith("pathfinder.") and not module.startswith("pathfinder.instruments")
    ]
