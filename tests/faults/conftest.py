"""The fault harness (bench/faults.py) as tests.

The short runs are collected by `make test`, each on the engine that run uses
(DATABASE_URL unset: SQLite; set: PostgreSQL, in a scratch cluster of its own).
The long ones (`@pytest.mark.faults_long`: many kills on both engines, a backup
taken during writes on both engines, two servers behind haproxy) run only under
`make faults`, which sets PATHFINDER_FAULTS_LONG=1. The backup refusals and
round trips themselves are in pathfinder/core/tests/test_backup.py (make test).
"""

import os

import pytest


def pytest_configure(config):
    config.addinivalue_line("markers", "faults_long: the long fault runs, only under `make faults`")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PATHFINDER_FAULTS_LONG") == "1":
        return
    skip = pytest.mark.skip(reason="long fault run: `make faults` runs it")
    for item in items:
        if "faults_long" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def engine() -> str:
    return "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
