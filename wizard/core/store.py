"""The project file (SPEC §1): one SQLite file per project, read and written with
sqlite-utils, every edit committed at once with its journal entry.

Layout (schema 1, see ``migrations.py`` and the README):

* ``fields(key, value)`` — one row per section attribute, ``key`` = ``"problem.statement"``,
  ``value`` = the JSON of the value;
* one table per entity list of the model (``criteria``, ``cost_lines`` …), whole rows;
* ``journal(id, at, field, old, new)`` — every change, oldest first.

``PRAGMA application_id`` = :data:`APPLICATION_ID` identifies the format and
``PRAGMA user_version`` is the schema version. Files are opened with
``trusted_schema=OFF``, no extensions and no plugins, in rollback-journal mode with a
busy timeout. A sidecar lock (``.NAME.lock``, an OS lock) keeps one writer at a time.

Every error a user can meet is a :class:`ProjectFileError` with a bilingual message;
the file's bytes are never changed by a refused open.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import urllib.parse
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from wizard.core import codec
from wizard.core.filelock import FileLock, LockBusy
from wizard.core.i18n import N_, bilingual
from wizard.core.migrations import MIGRATIONS, SCHEMA_VERSION
from wizard.core.model import ENTITIES, SECTIONS, Project

APPLICATION_ID = 0x4F505754  # "OPWT"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SUFFIX = ".tender"

# Deleting a parent row deletes its children (model and file alike).
_CHILDREN: dict[str, list[tuple[str, str]]] = {
    "solutions": [("support", "solution_id")],
    "features": [("support", "feature_id")],
    "tco_options": [("cost_lines", "option_id")],
}


class ProjectFileError(Exception):
    """A project file cannot be opened or written; ``str(exc)`` is bilingual."""

    reason = N_("This project file cannot be used.")

    def __init__(self, path: str | Path, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        message = bilingual(self.reason) + f" ({self.path.name})"
        super().__init__(message + (f": {detail}" if detail else ""))


class NotAProjectFile(ProjectFileError):
    reason = N_("This file is not an Open Procurement Wizard project.")


class NewerVersionFile(ProjectFileError):
    reason = N_("This project was saved by a newer version of the app; update the app to open it.")


class CorruptFile(ProjectFileError):
    reason = N_("This project file is damaged or truncated; it was left untouched.")


class LockedFile(ProjectFileError):
    reason = N_("This project is already open in another window or by another user.")


class ReadOnlyFile(ProjectFileError):
    reason = N_("This project file is read-only; it was opened for reading only.")


class MissingFile(ProjectFileError):
    reason = N_("This project file does not exist.")


class MigrationFailed(ProjectFileError):
    reason = N_("This project could not be brought up to date; it was left as it was, with a backup copy beside it.")


class WriteFailed(ProjectFileError):
    reason = N_("This change could not be saved; the project file keeps its last saved state.")


_SYNCED_MARKERS = ("onedrive", "dropbox", "icloud", "google drive", "googledrive", "box sync")


def location_warnings(path: str | Path) -> list[str]:
    """Message ids for a risky location: a synced folder or a network share (K13)."""
    text = str(path).replace("\\", "/").lower()
    warnings = []
    if any(marker in text for marker in _SYNCED_MARKERS):
        warnings.append(
            N_("This project is in a synchronized folder; close it on one computer before opening it on another.")
        )
    if text.startswith("//") or text.startswith("smb:") or text.startswith("/mnt/smb"):
        warnings.append(
            N_("This project is on a network share; keep a local copy and avoid opening it from two computers.")
        )
    return warnings


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + ("?mode=ro" if read_only else "?mode=rw")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _read_header(path: Path) -> bytes:
    """The file's first 100 bytes (SQLite's header); refuses what is not our format.

    ``application_id`` is read from the raw header (offset 68), so a foreign SQLite
    file is refused before SQLite ever opens it (nothing can roll it back or touch it).
    """
    if not path.exists():
        raise MissingFile(path)
    if path.is_dir():
        raise NotAProjectFile(path)
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise NotAProjectFile(path)
    if len(header) < 100:
        raise CorruptFile(path, "truncated header")
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAProjectFile(path)
    return header


def _recover(path: Path) -> None:
    """A writer died in the middle of a transaction and left a hot journal: let SQLite
    restore the last committed state. Needs write access to the file and its folder;
    elsewhere nothing is touched and :class:`CorruptFile` says how to recover."""
    if not _writable(path):
        raise CorruptFile(path, "interrupted edit; copy the file and its -journal to a writable folder")
    try:
        conn = _connect(path, read_only=False)
        try:
            conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CorruptFile(path, f"interrupted edit cannot be rolled back here: {exc}") from exc


def _probe(path: Path) -> int:
    """Validate an existing file without changing it; returns its schema version.

    The one change allowed is SQLite's own recovery of an edit interrupted by a crash
    (a hot ``-journal`` beside the file), which restores the last committed state.
    """
    _read_header(path)
    try:
        return _probe_sqlite(path)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_READONLY_ROLLBACK":
            raise CorruptFile(path, str(exc)) from exc
    _recover(path)
    try:
        return _probe_sqlite(path)
    except sqlite3.Error as exc:
        raise CorruptFile(path, str(exc)) from exc


def _probe_sqlite(path: Path) -> int:
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.Error as exc:
        raise CorruptFile(path, str(exc)) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProjectFile(path)
        if version > SCHEMA_VERSION:
            raise NewerVersionFile(path, f"schema {version} > {SCHEMA_VERSION}")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise CorruptFile(path, check)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
            raise
        raise CorruptFile(path, str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise CorruptFile(path, str(exc)) from exc
    finally:
        conn.close()
    return int(version)


class ProjectFile:
    """An open ``.tender`` file and the project it holds (``self.project``).

    Edit only through :meth:`set_field`, :meth:`add_row`, :meth:`save_row` and
    :meth:`delete_row`: each updates the model, writes the whole row and a journal
    entry in one transaction, and commits.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool, lock: FileLock | None):
        self.path = path
        self.read_only = read_only
        self.db = sqlite_utils.Database(conn, execute_plugins=False)
        self._lock = lock
        self.warnings = location_warnings(path)
        self.project = self._read_project()

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(cls, path: str | Path, project: Project | None = None) -> ProjectFile:
        """Write ``project`` (or an empty one) to a new file at ``path``.

        The file is built beside the target and renamed into place, so a failure
        leaves nothing behind. Raises :class:`ProjectFileError` or ``OSError``.
        """
        path = Path(path)
        tmp = path.with_name(f".{path.name}.creating")
        tmp.unlink(missing_ok=True)
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(tmp))
            db = sqlite_utils.Database(conn, execute_plugins=False)
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            for version in sorted(MIGRATIONS):
                with db.atomic():
                    MIGRATIONS[version](db)
                    db.execute(f"PRAGMA user_version={version}")
            with db.atomic():
                _write_all(db, project or Project())
            conn.close()
            tmp.replace(path)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            tmp.unlink(missing_ok=True)
            if isinstance(exc, sqlite3.Error):  # e.g. no such folder, a dangling link
                raise ProjectFileError(path, str(exc)) from exc
            raise
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> ProjectFile:
        """Open an existing project file.

        Raises :class:`MissingFile`, :class:`NotAProjectFile`, :class:`NewerVersionFile`,
        :class:`CorruptFile`, :class:`LockedFile` (another writer has it; retry with
        ``read_only=True``) or :class:`ReadOnlyFile` (the file cannot be written; the
        caller may retry read-only). Older schemas are migrated after a backup copy.
        """
        path = Path(path)
        version = _probe(path)
        if read_only:
            return cls(path, _connect(path, read_only=True), True, None)
        if not _writable(path):
            raise ReadOnlyFile(path)
        lock = FileLock(path)
        try:
            lock.acquire()
        except LockBusy as exc:
            raise LockedFile(path) from exc
        except OSError as exc:  # the folder is read-only: no lock, no journal possible
            raise ReadOnlyFile(path, str(exc)) from exc
        try:
            if version < SCHEMA_VERSION:
                _migrate(path, version)
            conn = _connect(path, read_only=False)
            conn.execute("PRAGMA journal_mode=DELETE")
            return cls(path, conn, False, lock)
        except sqlite3.Error as exc:
            lock.release()
            raise CorruptFile(path, str(exc)) from exc
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        """Close the connection and release the lock."""
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> ProjectFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save_as(self, target: str | Path) -> Path:
        """Copy the project to ``target`` with SQLite's backup API (atomic rename)."""
        target = Path(target)
        tmp = target.with_name(f".{target.name}.saving")
        try:
            dest = sqlite3.connect(str(tmp))
            with dest:
                self.db.conn.backup(dest)
            dest.close()
            tmp.replace(target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return target

    # -- reading -----------------------------------------------------------------

    def _read_project(self) -> Project:
        project = Project()
        try:
            values = {row["key"]: row["value"] for row in self.db.table("fields").rows}
            for name, cls in SECTIONS.items():
                data = {
                    attr: json.loads(values[f"{name}.{attr}"])
                    for attr in codec.field_types(cls)
                    if f"{name}.{attr}" in values
                }
                setattr(project, name, codec.from_mapping(cls, data, name))
            for kind, cls in ENTITIES.items():
                rows = self.db.table(kind).rows_where(order_by="rowid")
                setattr(project, kind, [codec.from_mapping(cls, r, kind) for r in rows])
        except (sqlite3.DatabaseError, codec.CodecError, json.JSONDecodeError) as exc:
            raise CorruptFile(self.path, str(exc)) from exc
        return project

    def history(self, limit: int = 500) -> list[dict[str, Any]]:
        """The newest ``limit`` journal entries, newest first: ``at, field, old, new``."""
        return list(self.db.table("journal").rows_where(order_by="id desc", limit=limit))

    # -- writing -----------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        if self.read_only:
            raise ReadOnlyFile(self.path)
        try:
            with self.db.atomic():
                yield
        except sqlite3.Error as exc:  # disk full, folder gone, busy past the timeout …
            raise WriteFailed(self.path, str(exc)) from exc

    def _journal(self, field: str, old: object, new: object) -> None:
        self.db.table("journal").insert(
            {
                "at": _now(),
                "field": field,
                "old": "" if old is None else json.dumps(old, ensure_ascii=False),
                "new": "" if new is None else json.dumps(new, ensure_ascii=False),
            }
        )

    def set_field(self, section: str, name: str, value: object) -> None:
        """Set ``project.<section>.<name>`` and save it. Raises ``KeyError`` for an
        unknown field, :class:`codec.CodecError` for a value of the wrong type."""
        cls = SECTIONS[section]
        kind = codec.field_types(cls)[name]
        target = getattr(self.project, section)
        old = codec.json_value(getattr(target, name), kind)
        new_value = codec.python_value(codec.json_value(value, kind), kind, f"{section}.{name}")
        if kind is str:
            new_value = _storable_text(new_value)  # type: ignore[arg-type]
        new = codec.json_value(new_value, kind)
        if old == new:
            return
        with self._write():
            self.db.table("fields").upsert(
                {"key": f"{section}.{name}", "value": json.dumps(new, ensure_ascii=False)},
                pk="key",
            )
            self._journal(f"{section}.{name}", old, new)
        setattr(target, name, new_value)

    def add_row(self, kind: str, /, **values: Any) -> Any:
        """Create an entity of ``kind`` with the next free id, save it and return it."""
        row = ENTITIES[kind](**values)
        row = replace(row, id=self.project.next_id(kind))
        self.save_row(kind, row)
        return row

    def save_row(self, kind: str, row: Any) -> None:
        """Insert or replace the whole row ``row`` (matched by id) in list ``kind``."""
        if not isinstance(row, ENTITIES[kind]):
            raise TypeError(f"{kind} expects {ENTITIES[kind].__name__}")
        row = _storable(row)
        rows = self.project.rows(kind)
        index = next((i for i, r in enumerate(rows) if r.id == row.id), None)
        old = codec.to_json(rows[index]) if index is not None else None
        new = codec.to_json(row)
        if old == new:
            return
        with self._write():
            self.db.table(kind).upsert(codec.to_row(row), pk="id")
            if old is None:
                self._journal(f"{kind}:{row.id}", None, new)
            else:
                for name, value in new.items():
                    if old[name] != value:
                        self._journal(f"{kind}:{row.id}.{name}", old[name], value)
        if index is None:
            rows.append(row)
        else:
            rows[index] = row

    def update_row(self, kind: str, row_id: int, /, **changes: Any) -> Any:
        """Change some attributes of one entity (the whole row is saved)."""
        current = self.project.find(kind, row_id)
        if current is None:
            raise KeyError(f"{kind}:{row_id}")
        updated = replace(current, **changes)
        self.save_row(kind, updated)
        return updated

    def delete_row(self, kind: str, row_id: int) -> None:
        """Delete one entity and the rows that depend on it (matrix cells, cost lines)."""
        rows = self.project.rows(kind)
        victim = self.project.find(kind, row_id)
        if victim is None:
            return
        with self._write():
            for child, column in _CHILDREN.get(kind, []):
                for dep in [r for r in self.project.rows(child) if getattr(r, column) == row_id]:
                    self.db.table(child).delete(dep.id)
                    self._journal(f"{child}:{dep.id}", codec.to_json(dep), None)
            self.db.table(kind).delete(row_id)
            self._journal(f"{kind}:{row_id}", codec.to_json(victim), None)
        for child, column in _CHILDREN.get(kind, []):
            setattr(
                self.project,
                child,
                [r for r in self.project.rows(child) if getattr(r, column) != row_id],
            )
        rows.remove(victim)

    def replace_project(self, project: Project) -> None:
        """Replace everything in the file by ``project`` (one transaction, journaled)."""
        with self._write():
            for kind in ENTITIES:
                self.db.table(kind).delete_where()
            self.db.table("fields").delete_where()
            _write_all(self.db, project)
            self._journal("project", None, "replaced")
        self.project = self._read_project()  # what the file holds (see _storable_text)


_SURROGATES = re.compile("[\ud800-\udfff]")


def _storable_text(text: str) -> str:
    """``text`` as UTF-8 can hold it: surrogate pairs joined, lone surrogates dropped
    (SQLite would raise ``UnicodeEncodeError``; documents drop them too, K1)."""
    if not _SURROGATES.search(text):
        return text
    joined = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return _SURROGATES.sub("", joined)


def _storable(obj: Any) -> Any:
    """A section or entity with :func:`_storable_text` applied (``obj`` itself if clean)."""
    changes = {
        name: _storable_text(value)
        for name, kind in codec.field_types(type(obj)).items()
        if kind is str and _SURROGATES.search(value := getattr(obj, name))
    }
    return replace(obj, **changes) if changes else obj


def _write_all(db: sqlite_utils.Database, project: Project) -> None:
    rows = []
    for name, cls in SECTIONS.items():
        section = _storable(getattr(project, name))
        for attr, kind in codec.field_types(cls).items():
            value = codec.json_value(getattr(section, attr), kind)
            rows.append({"key": f"{name}.{attr}", "value": json.dumps(value, ensure_ascii=False)})
    db.table("fields").insert_all(rows, pk="key", replace=True)
    # Parents first so foreign keys hold.
    for kind in ENTITIES:
        entities = project.rows(kind)
        if entities:
            db.table(kind).insert_all([codec.to_row(_storable(r)) for r in entities], pk="id", replace=True)


def _writable(path: Path) -> bool:
    """The file can be written and its folder can hold SQLite's ``-journal``."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    try:
        with open(path, "r+b"):
            return True
    except OSError:
        return False


def _migrate(path: Path, version: int) -> None:
    """Bring ``path`` from ``version`` to the current schema, after a backup copy
    ``NAME.v<version>.bak`` beside it, outside any transaction, foreign keys off while
    tables change, then ``foreign_key_check`` and ``integrity_check``. Any failure puts
    the original bytes back (copy, then rename) and raises :class:`MigrationFailed`."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    shutil.copy2(path, backup)
    conn = _connect(path, read_only=False)
    conn.execute("PRAGMA foreign_keys=OFF")  # table rebuilds must not cascade; checked below
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with db.atomic():
                MIGRATIONS[target](db)
                db.execute(f"PRAGMA user_version={target}")
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        if problems or integrity != "ok":
            raise MigrationFailed(path, f"after migration: {problems or integrity}")
    except BaseException as exc:
        conn.close()
        restoring = path.with_name(f".{path.name}.restoring")
        shutil.copy2(backup, restoring)  # copy, then rename: a crash here loses nothing
        os.replace(restoring, path)
        if isinstance(exc, Exception) and not isinstance(exc, ProjectFileError):
            raise MigrationFailed(path, f"{type(exc).__name__}: {exc}") from exc
        raise
    conn.close()
