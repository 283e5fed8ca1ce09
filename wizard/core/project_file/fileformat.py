"""The project file before it is opened (docs/file-format.md): is it ours, is it whole, can it be
written — without changing its bytes.

* :func:`probe` reads the raw header (SQLite's magic string, ``PRAGMA application_id`` =
  :data:`APPLICATION_ID`), then ``user_version`` and ``quick_check`` over a read-only
  connection; it never changes a byte and refuses a file with a hot ``-journal``
  (:class:`InterruptedEdit`). ``recovery.recover``, for a writer holding the lock, copies
  the file and its journal aside, checks that the journal belongs to the file, lets
  SQLite roll it back and checks the result (docs/cases.md K21).
* :func:`probe` also compares the file's schema with the frozen schema of its version
  (``schemas.py``): a missing or unknown table or column, a trigger, a view or an extra
  index is refused (:class:`SchemaMismatch`), so nothing in the file can run on an edit.
* :func:`connect` opens with ``trusted_schema=OFF``, foreign keys on and a busy timeout.
* Every error a user can meet is a :class:`ProjectFileError` with a bilingual message.

Kept free of sqlite-utils, so the command line can name these errors without loading
it (start-up time). :mod:`wizard.core.project_file.store` opens, migrates and writes.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from pathlib import Path

from wizard.core.i18n import N_, bilingual
from wizard.core.project_file import schemas

APPLICATION_ID = 0x4F505754  # "OPWT"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
SUFFIX = ".tender"


class ProjectFileError(Exception):
    """A project file cannot be opened or written; ``str(exc)`` is bilingual."""

    reason = N_("This project file cannot be used.")

    def __init__(self, path: str | Path, detail: str = "", **params: object) -> None:
        self.path = Path(path)
        self.detail = detail
        self.params = params  # the ``{name}`` fields of ``reason`` (e.g. where a copy is)
        message = bilingual(self.reason, **params) + f" ({self.path.name})"
        super().__init__(message + (f": {detail}" if detail else ""))


class NotAProjectFile(ProjectFileError):
    reason = N_("This file is not an Open Procurement Wizard project.")


class NewerVersionFile(ProjectFileError):
    reason = N_("This project was saved by a newer version of the app; update the app to open it.")


class CorruptFile(ProjectFileError):
    reason = N_("This project file is damaged or truncated; it was left untouched.")


class SchemaMismatch(ProjectFileError):
    reason = N_(
        "This project file does not have the structure its version promises (another program may have changed it); it was left untouched."
    )


class InvalidValue(CorruptFile):
    reason = N_(
        "This project file holds a value the app does not accept (named below); it was left untouched."
    )


class InterruptedEdit(ProjectFileError):
    reason = N_(
        "An edit of this project was interrupted (a “-journal” file lies beside it); it was left untouched. Open it in the app, for writing and from a folder you can write to: the app copies both files aside, then recovers it."
    )


class RecoveryRefused(ProjectFileError):
    reason = N_(
        "An edit of this project was interrupted, and its “-journal” file does not belong to it or would not give a sound project; both files were left as they were. Copies of the two were kept: {copy}"
    )


class SameFile(ProjectFileError):
    reason = N_("This is the file of the open project; choose another name.")


class LockedFile(ProjectFileError):
    reason = N_("This project is already open in another window or by another user.")


class ReadOnlyFile(ProjectFileError):
    reason = N_("This project file is read-only; it was opened for reading only.")


class MissingFile(ProjectFileError):
    reason = N_("This project file does not exist.")


class MigrationFailed(ProjectFileError):
    reason = N_(
        "This project could not be brought up to date; it was left as it was, with a backup copy beside it."
    )


class UpgradeFailed(ProjectFileError):
    reason = N_(
        "This project was saved by an earlier version of the app and could not be read as brought up to date; it was left untouched."
    )


class WriteFailed(ProjectFileError):
    reason = N_("This change could not be saved; the project file keeps its last saved state.")


_SYNCED_MARKERS = ("onedrive", "dropbox", "icloud", "google drive", "googledrive", "box sync")


def is_synced(path: str | Path) -> bool:
    """Whether ``path`` lies in a folder that a sync client copies to other computers
    (OneDrive, Dropbox, iCloud, Google Drive, Box), judged by the folder names (K13)."""
    text = str(path).replace("\\", "/").lower()
    return any(marker in text for marker in _SYNCED_MARKERS)


def location_warnings(path: str | Path) -> list[str]:
    """Message ids for a risky location: a synced folder or a network share (K13)."""
    text = str(path).replace("\\", "/").lower()
    warnings = []
    if is_synced(path):
        warnings.append(
            N_(
                "This project is in a synchronized folder; close it on one computer before opening it on another."
            )
        )
    if text.startswith("//") or text.startswith("smb:") or text.startswith("/mnt/smb"):
        warnings.append(
            N_(
                "This project is on a network share; keep a local copy and avoid opening it from two computers."
            )
        )
    return warnings


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection to the existing file ``path`` (``mode=ro`` or ``mode=rw``)."""
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + ("?mode=ro" if read_only else "?mode=rw")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute("PRAGMA trusted_schema=OFF")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def writable(path: Path) -> bool:
    """The file can be written and its folder can hold SQLite's ``-journal``."""
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return False
    try:
        with open(path, "r+b"):
            return True
    except OSError:
        return False


def probe(path: Path, newest: int) -> int:
    """Validate an existing file without changing it; returns its schema version.

    Raises :class:`MissingFile`, :class:`NotAProjectFile`, :class:`NewerVersionFile`
    (a version above ``newest``), :class:`CorruptFile`, :class:`SchemaMismatch`, or
    :class:`InterruptedEdit` when a hot ``-journal`` lies beside the file: nothing here
    ever lets SQLite roll a journal into the file (docs/cases.md K21); only
    ``recovery.recover``, under the writer's lock, does.
    """
    _check_header(path)
    try:
        return _probe_sqlite(path, newest)
    except sqlite3.OperationalError as exc:
        if not _is_readonly_rollback(exc):
            raise CorruptFile(path, str(exc)) from exc
        raise InterruptedEdit(path) from exc


def _is_readonly_rollback(exc: sqlite3.Error) -> bool:
    """A read-only connection met a hot journal it may not roll back.

    Python 3.11+ names SQLite's extended code; 3.10 has only the message, which for a
    probe (it only reads) comes from that case alone.
    """
    name = getattr(exc, "sqlite_errorname", None)
    if name is not None:
        return bool(name == "SQLITE_READONLY_ROLLBACK")
    return "attempt to write a readonly database" in str(exc)


def _check_header(path: Path) -> None:
    """Refuse what is not our format from the file's first 100 bytes (SQLite's header).

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


# -- an edit interrupted by a crash (docs/cases.md K21) ----------------------------------


def _check_schema(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Refuse a file whose tables, columns, links, indexes, triggers or views are not
    exactly those of its version's frozen schema (``schemas.py``), naming what differs."""
    found = schemas.differences(schemas.shape_of(conn), schemas.expected_shape(version))
    if found:
        more = f" (+{len(found) - 3})" if len(found) > 3 else ""
        raise SchemaMismatch(path, "; ".join(found[:3]) + more)


def _probe_sqlite(path: Path, newest: int) -> int:
    try:
        conn = connect(path, read_only=True)
    except sqlite3.Error as exc:
        raise CorruptFile(path, str(exc)) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProjectFile(path)
        if version > newest:
            raise NewerVersionFile(path, f"schema {version} > {newest}")
        if version not in schemas.SCHEMAS:  # 0 or negative: no version of ours wrote it
            raise CorruptFile(path, f"schema version {version}")
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise CorruptFile(path, check)
        _check_schema(path, conn, version)
    except sqlite3.OperationalError as exc:
        if _is_readonly_rollback(exc):
            raise
        raise CorruptFile(path, str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise CorruptFile(path, str(exc)) from exc
    finally:
        conn.close()
    return int(version)
