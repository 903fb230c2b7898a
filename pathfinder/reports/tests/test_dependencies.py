"""Reports render what they are given: no module here imports another
Pathfinder app (so no models, no tools), and the app config stands alone."""

import ast
from pathlib import Path

from pathfinder.reports.apps import ReportsConfig

PACKAGE = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module if node.level == 0 else f"pathfinder.reports.{node.module}")
    return names


def test_it_imports_no_other_pathfinder_app():
    for path in PACKAGE.rglob("*.py"):
        for module in imported_modules(path):
            if module == "pathfinder" or module.startswith("pathfinder."):
                assert module.startswith("pathfinder.reports"), f"{path.name} imports {module}"


def test_it_names_its_app_config():
    assert ReportsConfig.name == "pathfinder.reports"
    assert ReportsConfig.label == "reports"
