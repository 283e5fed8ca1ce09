"""Several edits of a project file as one: all saved, or none (docs/file-format.md).

A CSV import of the market matrix or the drafting of criteria from the scan changes
many rows. Each row still goes through :class:`~wizard.core.project_file.store.ProjectFile`
(whole rows, one journal entry per change, docs/cases.md K3), but inside one outer transaction:
if any write fails, SQLite rolls every one back and the in-memory project gets its
lists back, so the file and the screen never hold half an import.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from wizard.core.project_file.store import ProjectFile


@contextlib.contextmanager
def batch(pf: ProjectFile, kinds: Iterable[str]) -> Iterator[ProjectFile]:
    """Run the edits of the ``with`` body in one transaction, journalled as one user
    action (``ProjectFile.action``: one undo takes it all back).

    ``kinds`` are the entity lists the body may change (``"solutions"``, ``"support"`` …);
    on any exception they are restored to what they were and the exception propagates
    (``ReadOnlyFile``, ``WriteFailed`` from the store, or the body's own error).
    """
    saved = {kind: list(pf.project.rows(kind)) for kind in kinds}
    try:
        with pf.action(), pf.db.atomic():  # one user action: undone as one
            yield pf
    except BaseException:
        for kind, rows in saved.items():
            setattr(pf.project, kind, rows)
        raise
