"""Recovering an edit interrupted by a crash (a hot ``-journal`` beside the project
file) without ever rolling a journal into a file it does not belong to (docs/cases.md
K21; docs/file-format.md "Journal and recovery").

:func:`probe` (``fileformat.py``) refuses a hot journal; :func:`recover` is what opening
for writing does with one: copies aside, :func:`journal_mismatch`, SQLite's rollback,
then every check of ``probe``, or both files put back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from wizard.core.project_file.fileformat import (
    SQLITE_HEADER,
    InterruptedEdit,
    ProjectFileError,
    RecoveryRefused,
    _probe_sqlite,
    connect,
    writable,
)

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
"""The first 8 bytes of a rollback journal's header (sqlite.org/fileformat2.html, 4.1)."""


def journal_path(path: Path) -> Path:
    """Where SQLite keeps the rollback journal of ``path``."""
    return path.with_name(path.name + "-journal")


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _checksum(nonce: int, page: bytes) -> int:
    """A journal record's checksum: the header's nonce plus every 200th byte of the
    page, from the end (SQLite's ``pager_cksum``)."""
    total = nonce
    for i in range(len(page) - 200, 0, -200):
        total += page[i]
    return total & 0xFFFFFFFF


def _original_page_1(journal: bytes, page_size: int) -> bytes | None:
    """The content page 1 had before the interrupted transaction, from the first valid
    record for page 1 in the journal's segments; ``None`` when there is none. Raises
    ``ValueError`` for a header that is not a rollback journal's or whose page size
    is not the file's."""
    offset = 0
    while offset + 28 <= len(journal) and journal[offset : offset + 8] == JOURNAL_MAGIC:
        count, nonce, _pages, sector, size = (
            int.from_bytes(journal[offset + i : offset + i + 4], "big") for i in range(8, 28, 4)
        )
        if size != page_size:
            raise ValueError(f"journal page size {size}, file page size {page_size}")
        if not 32 <= sector <= 65536 or sector & (sector - 1):
            raise ValueError(f"journal sector size {sector}")
        start, record = offset + sector, 4 + page_size + 4
        if count == 0xFFFFFFFF:
            count = (len(journal) - start) // record
        for n in range(count):
            at = start + n * record
            if at + record > len(journal):
                return None
            page = journal[at + 4 : at + 4 + page_size]
            if _checksum(nonce, page) != int.from_bytes(journal[at + 4 + page_size : at + record], "big"):
                return None  # SQLite stops its playback here too
            if int.from_bytes(journal[at : at + 4], "big") == 1:
                return page
        if count == 0:
            return None
        offset = -(-(start + count * record) // sector) * sector  # next segment, sector-aligned
    if offset == 0:
        raise ValueError("no rollback journal header")
    return None


def journal_mismatch(path: Path) -> str:
    """Why the ``-journal`` beside ``path`` cannot be rolled into it ('' when it can).

    A journal holds the pages a transaction changed, as they were before it. Its first
    record for page 1 is page 1 as it was; bytes 24–27 of page 1 are SQLite's file change
    counter, raised by every commit. When the writer died, the file's counter was the
    journal's, or one more if page 1 had already been written. Any other value means the
    journal was written for another state of the file (yesterday's copy put back beside
    today's journal, K21) or for another file: rolling it in would mix the two, and
    ``integrity_check`` cannot see it. A journal without page 1 cannot be tied to the
    file, so it is refused too; so is a journal whose page 1 is not a project's own.
    """
    with open(path, "rb") as handle:
        header = handle.read(100)
    try:
        journal = journal_path(path).read_bytes()
        original = _original_page_1(journal, _page_size(header))
    except (OSError, ValueError) as exc:
        return str(exc)
    if original is None:
        return "the journal holds no valid copy of page 1"
    if original[:16] != SQLITE_HEADER or original[68:72] != header[68:72]:
        return "the journal was written for another database"
    before = int.from_bytes(original[24:28], "big")
    now = int.from_bytes(header[24:28], "big")
    if now not in (before, (before + 1) & 0xFFFFFFFF):
        return f"the journal was written for another state of this file (change counter {before}, file {now})"
    return ""


def _free_name(path: Path, suffix: str) -> Path:
    """``path`` + ``suffix``, or + ``suffix-2`` … when that name is taken."""
    for n in range(1, 1000):
        candidate = path.with_name(path.name + suffix + (f"-{n}" if n > 1 else ""))
        if not candidate.exists():
            return candidate
    raise FileExistsError(f"no free name for a copy of {path}")


def put_back(copy: Path, target: Path) -> None:
    """Restore ``target`` from ``copy``: copy beside it, then rename (a crash here
    leaves either the old or the restored bytes, never half of them)."""
    restoring = target.with_name(f".{target.name}.restoring")
    shutil.copy2(copy, restoring)
    os.replace(restoring, target)


def recover(path: Path, newest: int) -> int:
    """Roll the hot ``-journal`` beside ``path`` back into it; returns the schema version.

    The caller holds the writer's lock. First the file and its journal are copied aside
    (``NAME.tender.before-recovery`` and ``NAME.tender-journal.before-recovery``: SQLite
    never takes the copy of a journal for a journal). The journal must belong to the
    file (:func:`journal_mismatch`); after SQLite's rollback the file must pass
    ``integrity_check`` and every check of :func:`probe` (format, version, frozen
    schema). Otherwise both files get their bytes back and :class:`RecoveryRefused`
    names the copies. Raises :class:`InterruptedEdit` when the file or its folder cannot
    be written, ``OSError`` when the copies cannot be made.
    """
    journal = journal_path(path)
    if not writable(path):
        raise InterruptedEdit(path)
    copy = _free_name(path, ".before-recovery")
    journal_copy = journal.with_name(journal.name + copy.name[len(path.name) :])
    shutil.copy2(path, copy)
    shutil.copy2(journal, journal_copy)
    problem = journal_mismatch(path)
    if problem:
        raise RecoveryRefused(path, problem, copy=f"{copy}, {journal_copy}")
    version = 0
    try:
        conn = connect(path, read_only=False)
        try:
            problem = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        if problem == "ok":
            problem = "the journal is still there" if journal.exists() else ""
        if not problem:
            version = _probe_sqlite(path, newest)
    except (sqlite3.Error, ProjectFileError) as exc:
        problem = str(exc)
    if problem:
        put_back(copy, path)
        put_back(journal_copy, journal)
        raise RecoveryRefused(path, problem, copy=f"{copy}, {journal_copy}")
    return version
