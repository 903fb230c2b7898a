"""spc.py and language.py must not import Django (ARCHITECTURE.md), so they can
be reasoned about and tested on their own."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
PURE = ["spc.py", "language.py"]


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_it_checks_spc_at_least():
    assert (PACKAGE / "spc.py").exists()


@pytest.mark.parametrize("name", [name for name in PURE if (PACKAGE / name).exists()])
def test_it_imports_no_django(name):
    modules = imported_modules(PACKAGE / name)
    assert not [module for module in modules if module.split(".")[0] == "django"], modules
    assert not [module for module in modules if module.startswith("pathfinder.")], modules
