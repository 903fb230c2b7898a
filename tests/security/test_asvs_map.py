"""The ASVS 5.0 level 2 map (docs/security/asvs.yaml) stays whole and true:
every level 1 and 2 requirement is there at its level, each is either not
applicable (with a reason) or names tests and/or a gap, every test it names
still exists, every document it names is there, and asvs.md is up to date."""

import ast
from functools import cache

import pytest

from tests.security import render_asvs

ROOT = render_asvs.ROOT

# ASVS 5.0.0: every level 1 and level 2 requirement, as id:level.
LEVEL_2 = dict(
    item.split(":")
    for item in [
        "1.1.1:2",
        "1.1.2:2",
        "1.2.1:1",
        "1.2.2:1",
        "1.2.3:1",
        "1.2.4:1",
        "1.2.5:1",
        "1.2.6:2",
        "1.2.7:2",
        "1.2.8:2",
        "1.2.9:2",
        "1.3.1:1",
        "1.3.2:1",
        "1.3.3:2",
        "1.3.4:2",
        "1.3.5:2",
        "1.3.6:2",
        "1.3.7:2",
        "1.3.8:2",
        "1.3.9:2",
        "1.3.10:2",
        "1.3.11:2",
        "1.4.1:2",
        "1.4.2:2",
        "1.4.3:2",
        "1.5.1:1",
        "1.5.2:2",
        "2.1.1:1",
        "2.1.2:2",
        "2.1.3:2",
        "2.2.1:1",
        "2.2.2:1",
        "2.2.3:2",
        "2.3.1:1",
        "2.3.2:2",
        "2.3.3:2",
        "2.3.4:2",
        "2.4.1:2",
        "3.2.1:1",
        "3.2.2:1",
        "3.3.1:1",
        "3.3.2:2",
        "3.3.3:2",
        "3.3.4:2",
        "3.4.1:1",
        "3.4.2:1",
        "3.4.3:2",
        "3.4.4:2",
        "3.4.5:2",
        "3.4.6:2",
        "3.5.1:1",
        "3.5.2:1",
        "3.5.3:1",
        "3.5.4:2",
        "3.5.5:2",
        "3.7.1:2",
        "3.7.2:2",
        "4.1.1:1",
        "4.1.2:2",
        "4.1.3:2",
        "4.2.1:2",
        "4.3.1:2",
        "4.3.2:2",
        "4.4.1:1",
        "4.4.2:2",
        "4.4.3:2",
        "4.4.4:2",
        "5.1.1:2",
        "5.2.1:1",
        "5.2.2:1",
        "5.2.3:2",
        "5.3.1:1",
        "5.3.2:1",
        "5.4.1:2",
        "5.4.2:2",
        "5.4.3:2",
        "6.1.1:1",
        "6.1.2:2",
        "6.1.3:2",
        "6.2.1:1",
        "6.2.2:1",
        "6.2.3:1",
        "6.2.4:1",
        "6.2.5:1",
        "6.2.6:1",
        "6.2.7:1",
        "6.2.8:1",
        "6.2.9:2",
        "6.2.10:2",
        "6.2.11:2",
        "6.2.12:2",
        "6.3.1:1",
        "6.3.2:1",
        "6.3.3:2",
        "6.3.4:2",
        "6.4.1:1",
        "6.4.2:1",
        "6.4.3:2",
        "6.4.4:2",
        "6.5.1:2",
        "6.5.2:2",
        "6.5.3:2",
        "6.5.4:2",
        "6.5.5:2",
        "6.6.1:2",
        "6.6.2:2",
        "6.6.3:2",
        "6.8.1:2",
        "6.8.2:2",
        "6.8.3:2",
        "6.8.4:2",
        "7.1.1:2",
        "7.1.2:2",
        "7.1.3:2",
        "7.2.1:1",
        "7.2.2:1",
        "7.2.3:1",
        "7.2.4:1",
        "7.3.1:2",
        "7.3.2:2",
        "7.4.1:1",
        "7.4.2:1",
        "7.4.3:2",
        "7.4.4:2",
        "7.4.5:2",
        "7.5.1:2",
        "7.5.2:2",
        "7.6.1:2",
        "7.6.2:2",
        "8.1.1:1",
        "8.1.2:2",
        "8.2.1:1",
        "8.2.2:1",
        "8.2.3:2",
        "8.3.1:1",
        "8.4.1:2",
        "9.1.1:1",
        "9.1.2:1",
        "9.1.3:1",
        "9.2.1:1",
        "9.2.2:2",
        "9.2.3:2",
        "9.2.4:2",
        "10.1.1:2",
        "10.1.2:2",
        "10.2.1:2",
        "10.2.2:2",
        "10.3.1:2",
        "10.3.2:2",
        "10.3.3:2",
        "10.3.4:2",
        "10.4.1:1",
        "10.4.2:1",
        "10.4.3:1",
        "10.4.4:1",
        "10.4.5:1",
        "10.4.6:2",
        "10.4.7:2",
        "10.4.8:2",
        "10.4.9:2",
        "10.4.10:2",
        "10.4.11:2",
        "10.5.1:2",
        "10.5.2:2",
        "10.5.3:2",
        "10.5.4:2",
        "10.5.5:2",
        "10.6.1:2",
        "10.6.2:2",
        "10.7.1:2",
        "10.7.2:2",
        "10.7.3:2",
        "11.1.1:2",
        "11.1.2:2",
        "11.2.1:2",
        "11.2.2:2",
        "11.2.3:2",
        "11.3.1:1",
        "11.3.2:1",
        "11.3.3:2",
        "11.4.1:1",
        "11.4.2:2",
        "11.4.3:2",
        "11.4.4:2",
        "11.5.1:2",
        "11.6.1:2",
        "12.1.1:1",
        "12.1.2:2",
        "12.1.3:2",
        "12.2.1:1",
        "12.2.2:1",
        "12.3.1:2",
        "12.3.2:2",
        "12.3.3:2",
        "12.3.4:2",
        "13.1.1:2",
        "13.2.1:2",
        "13.2.2:2",
        "13.2.3:2",
        "13.2.4:2",
        "13.2.5:2",
        "13.3.1:2",
        "13.3.2:2",
        "13.4.1:1",
        "13.4.2:2",
        "13.4.3:2",
        "13.4.4:2",
        "13.4.5:2",
        "14.1.1:2",
        "14.1.2:2",
        "14.2.1:1",
        "14.2.2:2",
        "14.2.3:2",
        "14.2.4:2",
        "14.3.1:1",
        "14.3.2:2",
        "14.3.3:2",
        "15.1.1:1",
        "15.1.2:2",
        "15.1.3:2",
        "15.2.1:1",
        "15.2.2:2",
        "15.2.3:2",
        "15.3.1:1",
        "15.3.2:2",
        "15.3.3:2",
        "15.3.4:2",
        "15.3.5:2",
        "15.3.6:2",
        "15.3.7:2",
        "16.1.1:2",
        "16.2.1:2",
        "16.2.2:2",
        "16.2.3:2",
        "16.2.4:2",
        "16.2.5:2",
        "16.3.1:2",
        "16.3.2:2",
        "16.3.3:2",
        "16.3.4:2",
        "16.4.1:2",
        "16.4.2:2",
        "16.4.3:2",
        "16.5.1:2",
        "16.5.2:2",
        "16.5.3:2",
        "17.1.1:2",
        "17.2.1:2",
        "17.2.2:2",
        "17.2.3:2",
        "17.2.4:2",
        "17.3.1:2",
        "17.3.2:2",
    ]
)


@cache
def _map() -> list[dict]:
    return render_asvs.load()["requirements"]


@cache
def _tests_in(path: str) -> frozenset[str]:
    tree = ast.parse((ROOT / path).read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test"):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            names |= {
                f"{node.name}::{item.name}"
                for item in node.body
                if isinstance(item, ast.FunctionDef) and item.name.startswith("test")
            }
    return frozenset(names)


def _exists(node_id: str) -> bool:
    path, _, name = node_id.partition("::")
    return (ROOT / path).is_file() and name in _tests_in(path)


def test_every_level_2_requirement_is_there_once_at_its_level():
    ids = [item["id"] for item in _map()]
    assert len(ids) == len(set(ids)), "a requirement is listed twice"
    assert sorted(set(LEVEL_2) - set(ids)) == [], "requirements missing from asvs.yaml"
    assert sorted(set(ids) - set(LEVEL_2)) == [], "asvs.yaml lists ids that are not ASVS 5.0 level 1 or 2"
    wrong = [item["id"] for item in _map() if str(item["level"]) != LEVEL_2[item["id"]]]
    assert not wrong, f"wrong level: {wrong}"


def test_each_is_not_applicable_with_a_reason_or_names_tests_or_a_gap():
    for item in _map():
        assert item.get("says"), item["id"]
        if "na" in item:
            assert item["na"] and not item.get("tests") and not item.get("gap"), item["id"]
        else:
            assert item.get("tests") or item.get("gap"), f"{item['id']}: name the tests that prove it, or the gap"


def test_every_mapped_test_still_exists():
    dangling = sorted({test for item in _map() for test in item.get("tests", []) if not _exists(test)})
    assert not dangling, f"asvs.yaml names tests that no longer exist: {dangling}"


def test_every_named_document_exists():
    missing = sorted({item["docs"] for item in _map() if item.get("docs") and not (ROOT / item["docs"]).is_file()})
    assert not missing


def test_the_page_is_up_to_date():
    assert render_asvs.MARKDOWN.read_text() == render_asvs.render(), "run: python -m tests.security.render_asvs"


@pytest.mark.parametrize(
    "node_id", ["tests/test_route_matrix.py::test_access", "tests/test_route_matrix.py::test_nothing_like_this"]
)
def test_the_existence_check_can_tell(node_id):
    assert _exists(node_id) == node_id.endswith("test_access")
