"""The lock files (docs/security/dependencies.md): every pinned package has an
exact version and hashes, so `pip install --require-hashes` can install them,
and every direct dependency named in requirements*.in is in its lock file."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def _pins(lock: Path) -> dict[str, list[str]]:
    """name -> the hashes listed under it."""
    pins: dict[str, list[str]] = {}
    current = None
    for line in lock.read_text().splitlines():
        match = PIN.match(line)
        if match:
            current = match.group(1).lower().replace("_", "-")
            pins[current] = []
        elif current and "--hash=sha256:" in line:
            pins[current].append(line.split("--hash=sha256:")[1].split()[0].rstrip("\\"))
        elif line and not line.startswith((" ", "#")):
            pytest.fail(f"{lock.name}: a line that is not an exact pin: {line!r}")
    return pins


def _direct(source: Path) -> set[str]:
    names = set()
    for line in source.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(re.split(r"[\[=<>~ ]", line)[0].lower().replace("_", "-"))
    return names


@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-dev.txt"])
def test_every_pin_has_hashes(lock):
    pins = _pins(ROOT / lock)
    assert pins, f"{lock} pins nothing"
    missing = sorted(name for name, hashes in pins.items() if not hashes)
    assert not missing, f"{lock}: no hashes for {missing}; run `make lock`"
    for hashes in pins.values():
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes)


@pytest.mark.parametrize(
    ("source", "lock"), [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")]
)
def test_the_lock_files_come_from_the_in_files(source, lock):
    pins = _pins(ROOT / lock)
    wanted = _direct(ROOT / source)
    if source == "requirements-dev.in":
        wanted |= _direct(ROOT / "requirements.in")
    missing = sorted(wanted - pins.keys())
    assert not missing, f"{source} names {missing} but {lock} does not pin them; run `make lock`"


def test_the_runtime_and_dev_locks_agree_on_versions():
    runtime = {
        line.split("==")[0].lower(): line.split()[0]
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if PIN.match(line)
    }
    dev = {
        line.split("==")[0].lower(): line.split()[0]
        for line in (ROOT / "requirements-dev.txt").read_text().splitlines()
        if PIN.match(line)
    }
    differ = sorted(name for name in runtime if dev.get(name) != runtime[name])
    assert not differ, f"requirements-dev.txt pins these differently from requirements.txt: {differ}; run `make lock`"
