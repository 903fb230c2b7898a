"""Encrypted, checked backups of the whole database, and restores that refuse
to do harm (`manage.py pathfinder backup` / `restore`).

A backup file is:

    PATHFINDER-BACKUP 1\\n
    {"key_id": …, "nonce": …, "length": …, "sha256": …}\\n     (the header, in clear)
    <AES-256-GCM ciphertext of a tar archive>

The tar archive holds `manifest.json` (engine, when it was made, the applied
migrations, rows and a checksum per table, the SHA-256 of the payload) and the
payload: a copy of the SQLite file made with SQLite's online backup API, or a
`pg_dump --format=custom` taken in the same snapshot the counts were read in.
So a backup taken while people are answering surveys is one consistent moment.

The archive is encrypted with PATHFINDER_BACKUP_KEY, a key kept apart from
FIELD_ENCRYPTION_KEYS: fields the application encrypts (survey answers,
wellbeing plans) stay encrypted inside the backup too. The header (authenticated
as associated data) lets a restore tell a wrong key, a truncated file and a
damaged one apart before anything is touched.

Every refusal happens before the target database is changed: a file that is
cut short or altered, a different key, a backup from a newer version of
Pathfinder (migrations this code does not know), a backup from the other engine,
and a database that already holds data (unless --force).
"""

import base64
import hashlib
import io
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from pathfinder.env import env_str

MAGIC = b"PATHFINDER-BACKUP 1\n"
KEY_VARIABLE = "PATHFINDER_BACKUP_KEY"
FORMAT = 1
PAYLOAD = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
GENERATE_KEY = 'python3 -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"'


class BackupError(Exception):
    """A backup or restore that was refused; the message says why, kindly and plainly."""


@dataclass
class Manifest:
    engine: str
    created: str
    migrations: list[list[str]]  # [app, name] applied, sorted
    tables: dict[str, dict]  # table -> {"rows": n, "checksum": hex}
    payload_sha256: str = ""
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> "Manifest":
        data = json.loads(raw)
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})

    @property
    def rows(self) -> int:
        return sum(table["rows"] for table in self.tables.values())


@dataclass
class Outcome:
    """What a backup, restore or verification did, for the command to report."""

    manifest: Manifest
    path: Path | None = None
    notes: list[str] = field(default_factory=list)


# --- The key ---------------------------------------------------------------------------------


def backup_key() -> bytes:
    raw = env_str(KEY_VARIABLE, "").strip()
    if not raw:
        raise BackupError(
            f"Set {KEY_VARIABLE} (or {KEY_VARIABLE}_FILE) to the backup key first. Make one with:\n  {GENERATE_KEY}\n"
            "Keep it in your secret store, apart from FIELD_ENCRYPTION_KEYS and apart from the backups."
        )
    if raw in settings.FIELD_ENCRYPTION_KEYS:
        raise BackupError(
            f"{KEY_VARIABLE} must not be one of FIELD_ENCRYPTION_KEYS: anyone holding a backup and its key "
            "could then read the encrypted fields too. Make a separate key."
        )
    try:
        key = base64.urlsafe_b64decode(raw.encode())
    except ValueError:
        key = b""
    if len(key) != 32:
        raise BackupError(
            f"{KEY_VARIABLE} is not a valid key (32 random bytes, base64). Make one with:\n  {GENERATE_KEY}"
        )
    return key


def key_id(key: bytes) -> str:
    """A short name for the key, safe to keep in the clear header."""
    return hashlib.sha256(b"pathfinder-backup-key-id:" + key).hexdigest()[:16]


# --- Sealing and opening the file ----------------------------------------------------------------


def seal(archive: bytes, key: bytes) -> bytes:
    nonce = os.urandom(12)
    # The ciphertext length is known in advance (plaintext + 16-byte tag), so the
    # header can name it and bind itself to the ciphertext as associated data.
    header_fields = {"key_id": key_id(key), "nonce": base64.b64encode(nonce).decode(), "length": len(archive) + 16}
    aad = json.dumps(header_fields, sort_keys=True).encode()
    body = AESGCM(key).encrypt(nonce, archive, aad)
    header = {**header_fields, "sha256": hashlib.sha256(body).hexdigest()}
    return MAGIC + json.dumps(header, sort_keys=True).encode() + b"\n" + body


def open_sealed(blob: bytes, key: bytes) -> bytes:
    if not blob.startswith(MAGIC):
        raise BackupError("This file is not a Pathfinder backup (it does not start the way a backup does).")
    try:
        line, body = blob[len(MAGIC) :].split(b"\n", 1)
        header = json.loads(line)
        length, expected, nonce = int(header["length"]), header["sha256"], base64.b64decode(header["nonce"])
    except (ValueError, KeyError, TypeError):
        raise BackupError("The backup file is damaged: its header cannot be read.") from None
    if len(body) < length:
        raise BackupError(
            f"The backup file is incomplete: it holds {len(body):,} of {length:,} bytes. "
            "It may have been cut short while it was copied; use another copy."
        )
    if len(body) > length or hashlib.sha256(body).hexdigest() != expected:
        raise BackupError("The backup file is damaged: its checksum does not match. Use another copy.")
    if header.get("key_id") != key_id(key):
        raise BackupError(
            f"This backup was made with a different {KEY_VARIABLE}. Set the key that was in use when it was made."
        )
    aad = json.dumps({name: header[name] for name in ("key_id", "nonce", "length")}, sort_keys=True).encode()
    try:
        return AESGCM(key).decrypt(nonce, body, aad)
    except InvalidTag:
        raise BackupError("The backup file is damaged: it does not decrypt. Use another copy.") from None


def pack(manifest: Manifest, payload: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        raw = manifest.to_json()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(raw)
        archive.addfile(info, io.BytesIO(raw))
        archive.add(payload, arcname=PAYLOAD[manifest.engine])
    return buffer.getvalue()


def unpack(archive: bytes, into: Path) -> tuple[Manifest, Path]:
    try:
        with tarfile.open(fileobj=io.BytesIO(archive), mode="r") as tar:
            manifest = Manifest.from_json(tar.extractfile("manifest.json").read())
            name = PAYLOAD[manifest.engine]
            tar.extract(name, into, filter="data")
    except (tarfile.TarError, KeyError, ValueError, TypeError):
        raise BackupError("The backup file is damaged: its contents cannot be read.") from None
    payload = into / name
    if sha256_file(payload) != manifest.payload_sha256:
        raise BackupError("The backup file is damaged: the database inside does not match its checksum.")
    return manifest, payload


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- The engines -----------------------------------------------------------------------------


def engine() -> str:
    vendor = connection.vendor
    if vendor not in PAYLOAD:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _sqlite_tables(db: sqlite3.Connection) -> dict[str, dict]:
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    tables = {}
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        # Names come from sqlite_master, quoted; not from anyone's input.
        rows = db.execute(f"SELECT * FROM {quoted}")  # noqa: S608
        digests = sorted(hashlib.sha256(repr(row).encode()).hexdigest() for row in rows)
        tables[name] = {"rows": len(digests), "checksum": hashlib.sha256("".join(digests).encode()).hexdigest()}
    return tables


def _migrations(rows) -> list[list[str]]:
    return sorted([app, name] for app, name in rows)


def _sqlite_manifest(path: Path) -> Manifest:
    db = sqlite3.connect(path)
    try:
        tables = _sqlite_tables(db)
        applied = (
            db.execute("SELECT app, name FROM django_migrations").fetchall() if "django_migrations" in tables else []
        )
    finally:
        db.close()
    return Manifest("sqlite", _now(), _migrations(applied), tables)


def _sqlite_live() -> sqlite3.Connection:
    """The live database, as SQLite itself sees it (the -wal included).

    The Django connection's own handle, so an in-memory test database works too."""
    connection.ensure_connection()
    return connection.connection


def _pg_settings() -> dict:
    return connection.settings_dict


def _pg_env() -> dict:
    found = _pg_settings()
    env = {**os.environ, "PGHOST": found.get("HOST") or "", "PGPORT": str(found.get("PORT") or "")}
    env.update(PGUSER=found.get("USER") or "", PGPASSWORD=found.get("PASSWORD") or "", PGDATABASE=found["NAME"])
    return {key: value for key, value in env.items() if value != "" or not key.startswith("PG")}


@contextmanager
def _pg_connect(database: str, *, autocommit: bool = False):
    import psycopg

    found = _pg_settings()
    conn = psycopg.connect(
        dbname=database,
        host=found.get("HOST") or None,
        port=found.get("PORT") or None,
        user=found.get("USER") or None,
        password=found.get("PASSWORD") or None,
        autocommit=autocommit,
    )
    try:
        yield conn
    finally:
        conn.close()


def _pg_tables(cursor) -> dict[str, dict]:
    from psycopg import sql

    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    tables = {}
    for (name,) in cursor.fetchall():
        cursor.execute(
            sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(d, '' ORDER BY d), '')) FROM (SELECT md5(t::text) AS d FROM {} t) rows"
            ).format(sql.Identifier(name))
        )
        rows, checksum = cursor.fetchone()
        tables[name] = {"rows": rows, "checksum": checksum}
    return tables


def _pg_manifest_of(database: str) -> Manifest:
    with _pg_connect(database) as conn, conn.cursor() as cursor:
        tables = _pg_tables(cursor)
        applied = []
        if "django_migrations" in tables:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = cursor.fetchall()
    return Manifest("postgresql", _now(), _migrations(applied), tables)


def _run(command: list[str], what: str) -> None:
    result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)  # noqa: S603 (our own arguments)
    if result.returncode != 0:
        raise BackupError(f"{what} failed: {result.stderr.strip() or result.stdout.strip()}")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- Backup ------------------------------------------------------------------------------------


def default_path() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path(settings.BASE_DIR) / "var" / "backups" / f"pathfinder-{stamp}.pfbackup"


def backup(path: Path | None = None) -> Outcome:
    key = backup_key()
    kind = engine()
    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pathfinder-backup-") as scratch:
        payload = Path(scratch) / PAYLOAD[kind]
        if kind == "sqlite":
            copy = sqlite3.connect(payload)
            try:
                # One consistent moment, even while others write (the online backup API).
                _sqlite_live().backup(copy)
            finally:
                copy.close()
            manifest = _sqlite_manifest(payload)
        else:
            manifest = _pg_backup(payload)
        manifest.payload_sha256 = sha256_file(payload)
        sealed = seal(pack(manifest, payload), key)
    # Written beside the target then renamed, so a crash never leaves half a backup under the real name.
    partial = path.with_name(path.name + ".part")
    with partial.open("wb") as handle:
        handle.write(sealed)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)
    return Outcome(manifest, path)


def _pg_backup(payload: Path) -> Manifest:
    """Counts, checksums and the dump all from one exported snapshot."""
    database = _pg_settings()["NAME"]
    with _pg_connect(database) as conn, conn.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = _pg_tables(cursor)
        applied = []
        if "django_migrations" in tables:
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = cursor.fetchall()
        # The snapshot stays usable while this transaction is open.
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={payload}", database], "pg_dump")
        conn.rollback()
    return Manifest("postgresql", _now(), _migrations(applied), tables)


# --- Restore -----------------------------------------------------------------------------------


def known_migrations() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def check_schema(manifest: Manifest) -> list[str]:
    """Refuse a backup from a newer Pathfinder; return notes for an older one."""
    applied = {(app, name) for app, name in manifest.migrations}
    known = known_migrations()
    unknown = sorted(applied - known)
    if unknown:
        listed = ", ".join(f"{app}.{name}" for app, name in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise BackupError(
            "This backup was made by a newer version of Pathfinder: it has changes to the database this version "
            f"does not know ({listed}). Upgrade Pathfinder to that version or later, then restore."
        )
    missing = known - applied
    if missing and applied:
        return [
            f"The backup is from an earlier version ({len(missing)} migrations behind): run `manage.py migrate` next."
        ]
    return []


def read(path: Path) -> tuple[bytes, bytes]:
    key = backup_key()
    try:
        return Path(path).read_bytes(), key
    except OSError as error:
        raise BackupError(f"The backup file cannot be read: {error.strerror} ({path}).") from None


@contextmanager
def opened(path: Path) -> Iterator[tuple[Manifest, Path]]:
    """The backup's manifest and payload, after every check that needs no database."""
    blob, key = read(path)
    archive = open_sealed(blob, key)
    with tempfile.TemporaryDirectory(prefix="pathfinder-restore-") as scratch:
        manifest, payload = unpack(archive, Path(scratch))
        if manifest.format > FORMAT:
            raise BackupError(
                "This backup was made by a newer version of Pathfinder. Upgrade Pathfinder, then restore."
            )
        yield manifest, payload


def current_rows() -> int:
    """Rows in the configured database (0 when it is new and empty)."""
    if engine() == "sqlite":
        return _sqlite_tables_rows(_sqlite_live())
    with _pg_connect(_pg_settings()["NAME"]) as conn, conn.cursor() as cursor:
        return sum(table["rows"] for table in _pg_tables(cursor).values())


def _sqlite_tables_rows(db: sqlite3.Connection) -> int:
    names = [
        row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    ]
    quoted = ['"' + name.replace('"', '""') + '"' for name in names]
    return sum(db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in quoted)  # noqa: S608


def compare(expected: Manifest, found: Manifest) -> list[str]:
    """Differences between what the backup says it holds and what was restored."""
    problems = []
    for name in sorted(set(expected.tables) | set(found.tables)):
        want, got = expected.tables.get(name), found.tables.get(name)
        if want is None or got is None:
            problems.append(f"table {name}: {'missing' if got is None else 'not in the backup'}")
        elif want != got:
            problems.append(
                f"table {name}: {want['rows']} rows expected, {got['rows']} found, or their contents differ"
            )
    if expected.migrations != found.migrations:
        problems.append("the applied migrations differ")
    return problems


def restore(path: Path, *, force: bool = False) -> Outcome:
    kind = engine()
    with opened(path) as (manifest, payload):
        if manifest.engine != kind:
            raise BackupError(
                f"This is a backup of a {_label(manifest.engine)} database; the configured database is {_label(kind)}."
            )
        notes = check_schema(manifest)
        if not force and current_rows():
            raise BackupError(
                "The database already holds data, so nothing was restored. To replace everything in it with the "
                "backup, run the restore again with --force (take a backup of it first)."
            )
        if kind == "sqlite":
            source = sqlite3.connect(payload)
            try:
                # Copied page by page into the live database in one step (a failure leaves it as it was).
                source.backup(_sqlite_live())
            finally:
                source.close()
            found = _sqlite_manifest_live()
        else:
            database = _pg_settings()["NAME"]
            _pg_restore(payload, database, clean=True)
            found = _pg_manifest_of(database)
        problems = compare(manifest, found)
        if problems:
            raise BackupError("The restore finished but does not match the backup: " + "; ".join(problems))
    connection.close()
    return Outcome(manifest, Path(path), notes)


def _sqlite_manifest_live() -> Manifest:
    """Read through a plain copy: Django's own handle converts dates on the way out,
    which would make the same rows look different from the backup's."""
    with tempfile.TemporaryDirectory(prefix="pathfinder-check-") as scratch:
        copy = sqlite3.connect(Path(scratch) / "check.sqlite3")
        try:
            _sqlite_live().backup(copy)
        finally:
            copy.close()
        return _sqlite_manifest(Path(scratch) / "check.sqlite3")


def _pg_restore(payload: Path, database: str, *, clean: bool) -> None:
    command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if clean:
        command += ["--clean", "--if-exists"]
    _run([*command, f"--dbname={database}", str(payload)], "pg_restore")


def verify(path: Path) -> Outcome:
    """Restore into a scratch database and compare rows and checksums with the manifest.
    The configured database is only read from (for its engine and server)."""
    kind = engine()
    with opened(path) as (manifest, payload):
        notes = check_schema(manifest)
        if manifest.engine == "sqlite":
            with tempfile.TemporaryDirectory(prefix="pathfinder-verify-") as scratch:
                copy = Path(scratch) / "verify.sqlite3"
                shutil.copyfile(payload, copy)
                db = sqlite3.connect(copy)
                try:
                    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
                finally:
                    db.close()
                if integrity != "ok":
                    raise BackupError(f"The restored copy fails SQLite's integrity check: {integrity}")
                found = _sqlite_manifest(copy)
        else:
            if kind != "postgresql":
                raise BackupError("A PostgreSQL backup can only be verified with a PostgreSQL database configured.")
            found = _pg_verify(payload)
        problems = compare(manifest, found)
        if problems:
            raise BackupError("The backup does not restore to what it says it holds: " + "; ".join(problems))
    return Outcome(manifest, Path(path), notes)


def _pg_verify(payload: Path) -> Manifest:
    from psycopg import sql

    scratch = f"{_pg_settings()['NAME']}_verify_{secrets.token_hex(4)}"[:63]
    with _pg_connect("postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)))
    try:
        _pg_restore(payload, scratch, clean=False)
        return _pg_manifest_of(scratch)
    finally:
        with _pg_connect("postgres", autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))


def _label(kind: str) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(kind, kind)
