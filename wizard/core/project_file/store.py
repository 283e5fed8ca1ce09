"""The project file (docs/file-format.md): one SQLite file per project, read and written with
sqlite-utils, every edit committed at once with its journal entry.

Layout (schema 1, see ``migrations.py`` and the README):

* ``fields(key, value)`` — one row per section attribute, ``key`` = ``"problem.statement"``,
  ``value`` = the JSON of the value;
* one table per entity list of the model (``criteria``, ``cost_lines`` …), whole rows;
* ``journal(id, at, field, old, new, action)`` — every change, oldest first; the rows
  of one user action share ``action`` (schema 4), which undo takes back as one
  (``undo.py``).

``PRAGMA application_id`` = :data:`APPLICATION_ID` identifies the format and
``PRAGMA user_version`` is the schema version. Files are opened with
``trusted_schema=OFF``, no extensions and no plugins, in rollback-journal mode with a
busy timeout. A sidecar lock (``.NAME.lock``, an OS lock) keeps one writer at a time.

Every error a user can meet is a :class:`ProjectFileError` with a bilingual message;
the file's bytes are never changed by a refused open. The checks made before opening
(:func:`~wizard.core.project_file.fileformat.probe`) and the errors are in :mod:`wizard.core.project_file.fileformat`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from wizard.core.model import ENTITIES, SECTIONS, Project, translatable
from wizard.core.model.choices import choice_fields
from wizard.core.project_file import codec, jsonio, schemas
from wizard.core.project_file.atomic import atomic_path
from wizard.core.project_file.baseline import BaselineField, is_baseline
from wizard.core.project_file.fileformat import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    SUFFIX,
    CorruptFile,
    InterruptedEdit,
    InvalidValue,
    LockedFile,
    MigrationFailed,
    MissingFile,
    NewerVersionFile,
    NotAProjectFile,
    ProjectFileError,
    ReadOnlyFile,
    RecoveryRefused,
    SameFile,
    SchemaMismatch,
    UpgradeFailed,
    WriteFailed,
    connect,
    location_warnings,
    probe,
    writable,
)
from wizard.core.project_file.lock import FileLock, LockBusy, real_path
from wizard.core.project_file.migrations import FOREIGN_KEYS, MIGRATIONS, SCHEMA_VERSION, RefusedValue
from wizard.core.project_file.recovery import journal_path, put_back, recover

__all__ = [  # the errors and markers of :mod:`wizard.core.project_file.fileformat` are part of this API
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "SUFFIX",
    "CorruptFile",
    "InterruptedEdit",
    "InvalidValue",
    "LockedFile",
    "MigrationFailed",
    "MissingFile",
    "NewerVersionFile",
    "NotAProjectFile",
    "ProjectFile",
    "ProjectFileError",
    "ReadOnlyFile",
    "RecoveryRefused",
    "SameFile",
    "SchemaMismatch",
    "UpgradeFailed",
    "WriteFailed",
    "BaselineField",
    "location_warnings",
]


RECORD_TABLES = ("publication", "published_documents", "addenda", "addendum_questions", "addendum_changes")
"""The tables of schema 5 that hold the publication record (``wizard/core/publishing/``)."""

BIDS_TABLES = (
    "bidders",
    "bids",
    "bid_acknowledgements",
    "sealed_workbooks",
    "opened_amounts",
    "mandatory_results",
    "scenario_verifications",
    "sheet_scores",
    "consensus_scores",
    "quality_lock",
    "envelope_opening",
    "opened_workbooks",
    "award",
    "grid_sheet_scores",
    "grid_consensus_scores",
)
"""The tables of schemas 6 and 8 that hold the bids and their evaluation
(``wizard/core/bids/``; schema 8: the points on Québec's quality grid), parents before
children (the order ``create`` writes them in)."""

DRAFT_TABLES = ("addenda", "addendum_questions", "addendum_changes")
"""The record's tables whose rows a draft addendum edits through
:meth:`ProjectFile.put_record_row`: journalled, so undo and the History take them back
like the model's rows (docs/publishing.md, "Undo")."""
CONTRACT_TABLES = ("contract", "contract_amendments", "performance_reports", "incidents", "payments")
"""The tables of schema 7 that hold the contract's follow-up (``wizard/core/contract/``),
parents before children."""


_JOURNAL_INSERT = 'INSERT INTO "journal" ("at", "field", "old", "new", "action") VALUES (?, ?, ?, ?, ?)'
_UPSERTS: dict[tuple[str, str, tuple[str, ...]], str] = {}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _upsert_sql(table: str, pk: str, columns: list[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, …) ON CONFLICT(pk) DO UPDATE SET c =
    excluded.c, …`` (``DO NOTHING`` when ``pk`` is the only column)."""
    others = [c for c in columns if c != pk]
    action = "DO UPDATE SET " + ", ".join(f"{_quoted(c)} = excluded.{_quoted(c)}" for c in others)
    return (
        f"INSERT INTO {_quoted(table)} ({', '.join(map(_quoted, columns))}) "
        f"VALUES ({', '.join('?' for _ in columns)}) "
        f"ON CONFLICT({_quoted(pk)}) {action if others else 'DO NOTHING'}"
    )


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _children(kind: str) -> list[tuple[str, str]]:
    """``(child table, column)`` for each link of ``migrations.FOREIGN_KEYS`` that points
    at ``kind``: deleting a row of ``kind`` deletes those rows (model and file alike)."""
    return [
        (child, column) for child, links in FOREIGN_KEYS.items() for column, parent in links if parent == kind
    ]


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
        self._action: int | None = None  # the user action being journalled, if any
        self._amending = False  # an addendum being applied (baseline edits allowed)
        self.warnings = location_warnings(path)
        self.project = self._read_project()
        self._published = self._read_published()

    # -- opening -----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: str | Path,
        project: Project | None = None,
        origin: str = "",
        tables: dict[str, list[dict[str, Any]]] | None = None,
    ) -> ProjectFile:
        """Write ``project`` (or an empty one) to a new file at ``path``.

        ``origin`` (e.g. ``"loaded"`` for a project read from JSON, ``"example"``) is
        journalled as the whole project's first change, so that the open data of a
        project that arrived whole is dated by its arrival (:meth:`last_change`); a
        new empty project journals nothing.

        ``tables``: rows of the publication tables of schema 5 (:data:`RECORD_TABLES`,
        ``publishing.jsonform.table_rows``) and of the bids tables of schema 6
        (:data:`BIDS_TABLES`, ``bids.jsonform.table_rows``) and of the contract's follow-up
        of schema 7 (:data:`CONTRACT_TABLES`, ``contract.jsonform.table_rows``), written
        with the project; with a
        ``publication`` row, a ``published`` marker follows the origin (undo never goes
        back past the publication).

        The file is built beside the target and renamed into place, so a failure
        leaves nothing behind. Raises :class:`ProjectFileError` or ``OSError``.
        """
        path = Path(path)
        try:
            with atomic_path(path) as tmp:
                conn = sqlite3.connect(str(tmp))
                try:
                    db = sqlite_utils.Database(conn, execute_plugins=False)
                    db.execute("PRAGMA journal_mode=DELETE")
                    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    _upgrade(db, 0)
                    with db.atomic():
                        _write_all(db, project or Project())
                        if origin:  # old '': no way back before it (undo stops there)
                            db.table("journal").insert(
                                {
                                    "at": _now(),
                                    "field": "project",
                                    "old": "",
                                    "new": json.dumps(origin),
                                    "action": 1,
                                }
                            )
                        for name, rows in (tables or {}).items():
                            if name not in RECORD_TABLES + BIDS_TABLES + CONTRACT_TABLES:
                                raise ProjectFileError(path, f"not a table of the record: {name}")
                            if rows:
                                db.table(name).insert_all(rows)
                        if (tables or {}).get("publication"):
                            db.table("journal").insert(
                                {
                                    "at": _now(),
                                    "field": "published",
                                    "old": "",
                                    "new": '"loaded"',
                                    "action": 2,
                                }
                            )
                finally:
                    conn.close()
        except (sqlite3.Error, codec.CodecError) as exc:  # a dangling link, a text too long
            raise ProjectFileError(path, str(exc)) from exc
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> ProjectFile:
        """Open an existing project file.

        Raises :class:`MissingFile`, :class:`NotAProjectFile`, :class:`NewerVersionFile`,
        :class:`CorruptFile` (:class:`InvalidValue` for a value the app refuses),
        :class:`SchemaMismatch`, :class:`LockedFile` (another writer has it; retry with
        ``read_only=True``), :class:`ReadOnlyFile` (the file cannot be written; the
        caller may retry read-only), :class:`InterruptedEdit` (a hot ``-journal``: never
        rolled in by a read-only open) or :class:`RecoveryRefused`. Older schemas are
        migrated after a backup copy; a read-only view of one never changes it and
        reads its copy in memory, migrated the same way (:func:`_upgraded_in_memory`). A
        refused file keeps its bytes.
        """
        path = Path(path)
        if read_only:
            version = probe(path, SCHEMA_VERSION)
            conn = connect(path, read_only=True)
            if version < SCHEMA_VERSION:
                conn = _upgraded_in_memory(path, conn, version)
            return cls._reading(path, conn, True, None)
        try:
            version, hot = probe(path, SCHEMA_VERSION), False
        except InterruptedEdit:
            version, hot = 0, True
        if not writable(path):
            raise InterruptedEdit(path) if hot else ReadOnlyFile(path)
        lock = FileLock(path)
        try:
            lock.acquire()
        except LockBusy as exc:
            raise LockedFile(path) from exc
        except OSError as exc:  # the folder is read-only: no lock, no journal possible
            raise ReadOnlyFile(path, str(exc)) from exc
        try:
            if hot:
                version = recover(path, SCHEMA_VERSION)
            if version < SCHEMA_VERSION:
                # a value the app refuses stops here, before any byte (or backup) is written
                with contextlib.suppress(UpgradeFailed):  # _migrate meets it too, and says so
                    cls._reading(
                        path, _upgraded_in_memory(path, connect(path, True), version), True, None
                    ).close()
                _migrate(path, version)
            pf = cls._reading(path, connect(path, read_only=False), False, lock)
            pf.db.execute("PRAGMA journal_mode=DELETE")  # only once the file is accepted
            return pf
        except sqlite3.Error as exc:
            lock.release()
            raise CorruptFile(path, str(exc)) from exc
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _reading(
        cls, path: Path, conn: sqlite3.Connection, read_only: bool, lock: FileLock | None
    ) -> ProjectFile:
        """``cls(...)``, closing ``conn`` when the project cannot be read."""
        try:
            return cls(path, conn, read_only, lock)
        except BaseException:
            conn.close()
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
        """Copy the project to ``target`` with SQLite's backup API (atomic rename);
        returns the path written (symbolic links resolved).

        The target's writer lock is held while it is replaced, so a project open in
        another window or process is never replaced under it (docs/cases.md K22). Raises
        :class:`SameFile`, :class:`LockedFile`, :class:`InterruptedEdit` (a ``-journal``
        lies beside the target), :class:`ProjectFileError` or ``OSError``; a failure
        leaves no temporary file and the target as it was.
        """
        target = real_path(Path(target))
        if target.exists() and self.path.exists() and os.path.samefile(target, self.path):
            raise SameFile(target)
        if journal_path(target).exists():
            raise InterruptedEdit(target)
        lock = FileLock(target)
        try:
            lock.acquire()
        except LockBusy as exc:
            raise LockedFile(target) from exc
        temporary: list[Path] = []
        try:
            with atomic_path(target) as tmp:
                temporary.append(tmp)
                dest = sqlite3.connect(str(tmp))
                try:
                    with dest:
                        self.db.conn.backup(dest)
                finally:
                    dest.close()
        except sqlite3.Error as exc:  # disk full …
            raise ProjectFileError(target, str(exc)) from exc
        finally:
            for tmp in temporary:  # SQLite's journal of the copy, if a failure left one
                journal_path(tmp).unlink(missing_ok=True)
            lock.release()
        return target

    # -- reading -----------------------------------------------------------------

    def _read_project(self) -> Project:
        """The project the file holds. A value that does not fit its field (wrong type,
        a text over :data:`codec.MAX_TEXT`, JSON nested past reason) or a row pointing at
        a missing row raises :class:`InvalidValue`: a file that opens always dumps to
        JSON that ``load`` accepts. A NULL reads as the field's default, as in JSON."""
        project = Project()
        try:
            values = {row["key"]: row["value"] for row in self.db.table("fields").rows}
            for name, cls in SECTIONS.items():
                data = {}
                for attr in codec.field_types(cls):
                    key = f"{name}.{attr}"
                    if values.get(key) is not None:
                        data[attr] = codec.decode_json(values[key], key)
                setattr(project, name, codec.from_mapping(cls, data, name))
            for kind, cls in ENTITIES.items():
                rows = self.db.table(kind).rows_where(order_by="rowid")
                setattr(project, kind, [codec.from_mapping(cls, r, kind) for r in rows])
            jsonio.validate(project)
        except codec.CodecError as exc:
            raise InvalidValue(self.path, str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(self.path, str(exc)) from exc
        return project

    def last_change(self) -> str | None:
        """The UTC moment of the newest journal entry (``2027-01-10T14:03:22+00:00``),
        or ``None`` when the journal is empty; reads only. It dates the open data
        (``opendata.milestones.release_datetime``)."""
        row = self.db.execute("SELECT max(at) FROM journal").fetchone()
        return str(row[0]) if row and row[0] else None

    def history(self, limit: int = 500) -> list[dict[str, Any]]:
        """The newest ``limit`` journal entries, newest first: ``id, at, field, old,
        new, action``."""
        return list(self.db.table("journal").rows_where(order_by="id desc", limit=limit))

    def journalled(self, pattern: str) -> bool:
        """Whether any journal entry's field matches ``pattern`` (SQL ``LIKE``, ``%``
        for any text: ``business_units:%.role``); reads only."""
        row = self.db.execute("SELECT 1 FROM journal WHERE field LIKE ? LIMIT 1", [pattern]).fetchone()
        return row is not None

    @property
    def published(self) -> bool:
        """Whether the tender was marked as published (a row in ``publication``,
        schema 5): its baseline then changes only through addenda (``baseline.py``).
        Read when the file is opened, by :meth:`reload` and after a ``published``
        marker (:meth:`mark`)."""
        return self._published

    def _read_published(self) -> bool:
        try:
            return self.db.execute("SELECT 1 FROM publication LIMIT 1").fetchone() is not None
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(self.path, str(exc)) from exc

    # -- writing -----------------------------------------------------------------

    @contextlib.contextmanager
    def amending(self) -> Iterator[None]:
        """Allow edits of the published baseline in the ``with`` body: an addendum
        being issued, or the publication itself (``wizard/core/publishing/``)."""
        before, self._amending = self._amending, True
        try:
            yield
        finally:
            self._amending = before

    def _guard(self, address: str) -> None:
        """Raise :class:`BaselineField` for an edit of the published baseline outside
        :meth:`amending`."""
        if not self._amending and is_baseline(address) and self.published:
            raise BaselineField(self.path, address)

    @contextlib.contextmanager
    def action(self) -> Iterator[int]:
        """Journal the edits of the ``with`` body as one user action (one ``action``
        number, the next free one), which undo takes back as one; nested, the outer
        action holds. Yields the number. Writes nothing by itself: wrap it around
        :meth:`transaction` (or be inside one) for all-or-nothing."""
        if self._action is not None:
            yield self._action
            return
        row = self.db.execute("SELECT coalesce(max(action), 0) + 1 FROM journal").fetchone()
        self._action = int(row[0])
        try:
            yield self._action
        finally:
            self._action = None

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        if self.read_only:
            raise ReadOnlyFile(self.path)
        try:
            with self.action(), self.db.atomic():
                yield
        except sqlite3.Error as exc:  # disk full, folder gone, busy past the timeout …
            raise WriteFailed(self.path, str(exc)) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the edits of the ``with`` body as one: all saved, or none (SQLite rolls
        them back; the caller restores what it changed in memory). Raises
        :class:`ReadOnlyFile` or :class:`WriteFailed`."""
        with self._write():
            yield

    def _journal(self, field: str, old: object, new: object) -> None:
        self.db.conn.execute(
            _JOURNAL_INSERT,
            (
                _now(),
                field,
                "" if old is None else json.dumps(old, ensure_ascii=False),
                "" if new is None else json.dumps(new, ensure_ascii=False),
                self._action,
            ),
        )

    def _upsert(self, table: str, row: dict[str, object], pk: str = "id") -> None:
        """Insert ``row`` (column → SQLite value, as ``codec.to_row`` gives them) into
        ``table``, or update the row with the same ``pk``: the statement sqlite-utils'
        ``upsert(row, pk=pk)`` runs (``INSERT … ON CONFLICT … DO UPDATE``), built once
        per table and columns (and prepared once by ``sqlite3``'s statement cache),
        without the five schema queries sqlite-utils makes before each call. Every
        autosaved edit comes here: it is most of the CPU time of an edit above a raw
        ``UPDATE``."""
        key = (table, pk, tuple(row))
        sql = _UPSERTS.get(key)
        if sql is None:
            sql = _UPSERTS[key] = _upsert_sql(table, pk, list(row))
        self.db.conn.execute(sql, tuple(row.values()))

    def mark(self, field: str, value: object) -> None:
        """Journal a marker of the current action (``undo``, ``redo``, ``restore``:
        what it did) or, alone, an action of its own (``published``: the baseline undo
        never crosses, written by "Mark as published" and by an addendum's issue;
        docs/publishing.md). ``value`` is stored as JSON in ``new``. Raises :class:`ReadOnlyFile`,
        :class:`WriteFailed`."""
        with self._write():
            self._journal(field, None, value)
        if field == "published":  # written after the publication row (publishing/publish.py)
            self._published = self._read_published()

    def reload(self) -> None:
        """Read the project again from the file into the same :class:`Project` object
        (its lists in the file's order): after an undo, or a failed one whose edits in
        memory the file rolled back."""
        fresh = self._read_project()
        for name in vars(fresh):
            setattr(self.project, name, getattr(fresh, name))
        self._published = self._read_published()

    def set_field(self, section: str, name: str, value: object) -> None:
        """Set ``project.<section>.<name>`` and save it. Raises ``KeyError`` for an
        unknown field, :class:`codec.CodecError` for a value of the wrong type,
        :class:`codec.NotInSet` for a choice given a value outside its set (one kept as
        stored may stay, docs/file-format.md, "Choice values")."""
        cls = SECTIONS[section]
        kind = codec.field_types(cls)[name]
        self._guard(f"{section}.{name}")
        target = getattr(self.project, section)
        old = codec.json_value(getattr(target, name), kind)
        new_value = codec.python_value(codec.json_value(value, kind), kind, f"{section}.{name}")
        values = choice_fields(cls).get(name)
        if values is not None and new_value not in values and new_value != getattr(target, name):
            raise codec.NotInSet(f"{section}.{name}", new_value, values)
        if kind is str:
            new_value = _storable_text(new_value)  # type: ignore[arg-type]
        new = codec.json_value(new_value, kind)
        if old == new:
            return
        with self._write():
            self._upsert(
                "fields", {"key": f"{section}.{name}", "value": json.dumps(new, ensure_ascii=False)}, pk="key"
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
        """Insert or replace the whole row ``row`` (matched by id) in list ``kind``.
        Raises :class:`codec.CodecError` for a value the file does not take, and
        :class:`codec.NotInSet` for a choice changed to a value outside its set."""
        if not isinstance(row, ENTITIES[kind]):
            raise TypeError(f"{kind} expects {ENTITIES[kind].__name__}")
        self._guard(
            getattr(row, "address", "") if kind == "translations" else f"{kind}:{getattr(row, 'id', 0)}"
        )
        row = _storable(row)
        codec.check_values(row, kind)
        rows = self.project.rows(kind)
        index = next((i for i, r in enumerate(rows) if r.id == row.id), None)
        codec.check_choices(row, kind, rows[index] if index is not None else None)
        old = codec.to_json(rows[index]) if index is not None else None
        new = codec.to_json(row)
        if old == new:
            return
        with self._write():
            self._upsert(kind, codec.to_row(row))
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

    def record_row(self, table: str, row_id: int) -> dict[str, Any] | None:
        """The row ``row_id`` of a publication table (:data:`RECORD_TABLES`) as a dict
        of its columns, or ``None``; reads only."""
        if table not in RECORD_TABLES:
            raise ValueError(f"not a table of the publication record: {table!r}")
        cursor = self.db.execute(f'SELECT * FROM "{table}" WHERE id = ?', (row_id,))
        found = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], found, strict=True)) if found else None

    def next_record_id(self, table: str) -> int:
        """The next free id of a publication table (1 when empty)."""
        if table not in RECORD_TABLES:
            raise ValueError(f"not a table of the publication record: {table!r}")
        return int(self.db.execute(f'SELECT coalesce(max(id), 0) + 1 FROM "{table}"').fetchone()[0])

    def put_record_row(self, table: str, row_id: int, row: dict[str, Any] | None) -> None:
        """Write the row ``row_id`` of a draft's table (:data:`DRAFT_TABLES`) with the
        columns of ``row`` (a new row, or the whole row replaced), or delete it (``row``
        ``None``; a missing row writes nothing), journalled as ``table:id`` with the whole
        row before and after, in the current user action: undo and redo put it back
        (``undo.py``) and the History lists it. Whether the draft may change is the
        caller's rule (``publishing/addenda.py``). Raises ``ValueError`` for another
        table, :class:`ReadOnlyFile`, :class:`WriteFailed`."""
        if table not in DRAFT_TABLES:
            raise ValueError(f"not a table of a draft addendum: {table!r}")
        with self._write():
            old = self.record_row(table, row_id)
            if row is None:
                if old is None:
                    return
                self.db.table(table).delete(row_id)
                self._journal(f"{table}:{row_id}", old, None)
                return
            new = {**(old or {}), **row, "id": row_id}
            if old is None:
                self.db.table(table).insert(new)
            else:  # updated in place: a replace would delete the row its children name
                self.db.table(table).update(row_id, {k: v for k, v in new.items() if k != "id"})
            self._journal(f"{table}:{row_id}", old, new)

    def delete_row(self, kind: str, row_id: int) -> None:
        """Delete one entity and the rows that depend on it (matrix cells, cost lines),
        with the translations of their texts (``translations`` rows whose address is
        one of theirs), in one transaction, each journalled."""
        rows = self.project.rows(kind)
        victim = self.project.find(kind, row_id)
        if victim is None:
            return
        self._guard(victim.address if kind == "translations" else f"{kind}:{row_id}")
        gone = [(kind, row_id)]
        with self._write():
            for child, column in _children(kind):
                for dep in [r for r in self.project.rows(child) if getattr(r, column) == row_id]:
                    self.db.table(child).delete(dep.id)
                    self._journal(f"{child}:{dep.id}", codec.to_json(dep), None)
                    gone.append((child, dep.id))
            self.db.table(kind).delete(row_id)
            self._journal(f"{kind}:{row_id}", codec.to_json(victim), None)
            dropped = [t for k, i in gone for t in translatable.translations_of_row(self.project, k, i)]
            for text in dropped:  # a deleted row's texts in the other language go with it
                self.db.table("translations").delete(text.id)
                self._journal(f"translations:{text.id}", codec.to_json(text), None)
        for child, column in _children(kind):
            setattr(
                self.project,
                child,
                [r for r in self.project.rows(child) if getattr(r, column) != row_id],
            )
        rows.remove(victim)
        if dropped:
            ids = {t.id for t in dropped}
            self.project.translations = [t for t in self.project.translations if t.id not in ids]

    def replace_project(self, project: Project) -> None:
        """Replace everything in the file by ``project`` (one transaction, journaled
        with both whole projects as JSON, ``jsonio.to_dict``, so that undo can put the
        old one back). Refused with :class:`BaselineField` once published."""
        self._guard("info")
        before = jsonio.to_dict(self.project)
        with self._write():
            for kind in reversed(ENTITIES):  # children before parents: links hold
                self.db.table(kind).delete_where()
            self.db.table("fields").delete_where()
            _write_all(self.db, project)
            self._journal("project", before, jsonio.to_dict(project))
        self.reload()  # what the file holds (see _storable_text)


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
        codec.check_values(section, name)
        for attr, kind in codec.field_types(cls).items():
            value = codec.json_value(getattr(section, attr), kind)
            rows.append({"key": f"{name}.{attr}", "value": json.dumps(value, ensure_ascii=False)})
    db.table("fields").insert_all(rows, pk="key", replace=True)
    # Parents first so foreign keys hold.
    for kind in ENTITIES:
        entities = project.rows(kind)
        if entities:
            stored = [_storable(r) for r in entities]
            for row in stored:
                codec.check_values(row, kind)
            db.table(kind).insert_all([codec.to_row(r) for r in stored], pk="id", replace=True)


def _upgrade(db: sqlite_utils.Database, version: int) -> None:
    """Run the migrations from ``version`` up to :data:`SCHEMA_VERSION`, each in its own
    transaction with its version bump (0: a new file)."""
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target](db)
            db.execute(f"PRAGMA user_version={target}")


def _upgraded_in_memory(path: Path, conn: sqlite3.Connection, version: int) -> sqlite3.Connection:
    """A copy in memory of the older file behind ``conn`` (closed here), brought to the
    current schema by the same migrations and checks as :func:`_migrate`; the file is
    never changed, yet it reads as it will once migrated (a schema-1 ``helped_drafting``
    flag as the ``drafting`` it becomes), never as today's model misreading old columns.

    Used by a read-only view, and before migrating a file opened for writing, so that a
    file the app would refuse is refused untouched, without a backup copy. Raises
    :class:`InvalidValue` when a migration refuses a value (:class:`RefusedValue`),
    :class:`UpgradeFailed` when a migration fails, breaks a link the file did not
    already break (those the file held are left to reading, which names them), or does
    not end on the current schema.
    """
    memory = sqlite3.connect(":memory:")
    try:
        try:
            conn.backup(memory)
        finally:
            conn.close()
        memory.execute("PRAGMA trusted_schema=OFF")
        memory.execute("PRAGMA foreign_keys=OFF")  # as in _migrate
        dangling = set(
            memory.execute("PRAGMA foreign_key_check").fetchall()
        )  # the file's own: reading names them
        _upgrade(sqlite_utils.Database(memory, execute_plugins=False), version)
        problems = [p for p in memory.execute("PRAGMA foreign_key_check").fetchall() if p not in dangling]
        integrity = memory.execute("PRAGMA integrity_check").fetchone()[0]
        unlike = schemas.differences(schemas.shape_of(memory), schemas.expected_shape(SCHEMA_VERSION))
        found = (
            ([str(problems)] if problems else []) + ([integrity] if integrity != "ok" else []) + unlike[:3]
        )
        if found:
            raise UpgradeFailed(path, f"after migration: {'; '.join(found)}")
        memory.execute("PRAGMA foreign_keys=ON")
    except RefusedValue as exc:
        memory.close()
        raise InvalidValue(path, str(exc)) from exc
    except ProjectFileError:
        memory.close()
        raise
    except Exception as exc:
        memory.close()
        raise UpgradeFailed(path, f"{type(exc).__name__}: {exc}") from exc
    except BaseException:
        memory.close()
        raise
    return memory


def _migrate(path: Path, version: int) -> None:
    """Bring ``path`` from ``version`` to the current schema, after a backup copy
    ``NAME.v<version>.bak`` beside it, outside any transaction, foreign keys off while
    tables change, then ``foreign_key_check`` and ``integrity_check``. Any failure puts
    the original bytes back (copy, then rename) and raises :class:`MigrationFailed`."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    shutil.copy2(path, backup)
    conn = connect(path, read_only=False)
    conn.execute("PRAGMA foreign_keys=OFF")  # table rebuilds must not cascade; checked below
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        _upgrade(db, version)
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        if problems or integrity != "ok":
            raise MigrationFailed(path, f"after migration: {problems or integrity}")
        unlike = schemas.differences(schemas.shape_of(conn), schemas.expected_shape(SCHEMA_VERSION))
        if unlike:
            raise MigrationFailed(path, f"after migration, schema {SCHEMA_VERSION}: {'; '.join(unlike[:3])}")
    except BaseException as exc:
        conn.close()
        put_back(backup, path)  # copy, then rename: a crash here loses nothing
        if isinstance(exc, Exception) and not isinstance(exc, ProjectFileError):
            raise MigrationFailed(path, f"{type(exc).__name__}: {exc}") from exc
        raise
    conn.close()
