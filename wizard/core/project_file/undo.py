"""Undo, redo and "restore this version", read from the project's journal (docs/file-format.md, "Undo").

The journal holds every change with its old and new values (whole rows as JSON for a
row added or deleted, both whole projects for a project replaced), and, since schema 4,
the number of the user action each row belongs to (``journal.action``). So:

* **undo** puts back the ``old`` value of each row of the last user action, newest row
  first, through the store (``set_field``, ``update_row``, ``save_row``, ``delete_row``,
  ``replace_project``), in one transaction journalled as a new action that begins with
  the marker row ``undo`` (``new`` = the number of the action undone);
* **redo** writes the ``new`` values of the last undone action again, oldest row first,
  as a new action marked ``redo``;
* **restore** (:func:`restore`) puts back the ``old`` value of every row after a chosen
  journal entry, newest first: the project as it was just after that entry, as one
  action marked ``restore`` (itself undoable).

Which action undo takes is read from the journal alone, so it survives closing the
project: actions are replayed oldest first on two stacks (a new edit empties the redo
stack; an ``undo`` marker moves its action from the undo stack to the redo stack; a
``redo`` marker moves it back as the redo action). Undo never crosses:

* a ``published`` marker (:data:`PUBLISHED`), which "Mark as published" and the issue
  of an addendum write with ``ProjectFile.mark`` (``wizard/core/publishing/``): after
  publication, changes are addenda (docs/publishing.md);
* an action with a row that has no way back (the whole project's arrival, ``project``
  with old ''), nor rows written before schema 4 (``action`` NULL: which of them made
  one action is not known).

The rows of a draft addendum (``addenda``, ``addendum_questions``,
``addendum_changes``: ``ProjectFile.put_record_row``) are journalled whole, like a
model's row, and put back the same way; issuing the addendum writes the ``published``
marker, so undo never takes back a question of an issued addendum.

Every function raises the store's ``ReadOnlyFile`` or ``WriteFailed`` (nothing
changed), and :class:`NothingToUndo` when there is nothing to take back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from wizard.core.model import ENTITIES
from wizard.core.project_file import codec, jsonio
from wizard.core.project_file.store import DRAFT_TABLES, ProjectFile

UNDO, REDO, RESTORE, PUBLISHED, BIDS, CONTRACT = "undo", "redo", "restore", "published", "bids", "contract"
MARKERS = frozenset({UNDO, REDO, RESTORE, PUBLISHED, BIDS, CONTRACT})
"""Journal rows that record what an action was, not a change of the project. ``bids``
marks an operation on the bids record (``wizard/core/bids/``): it changes no field of
the model, so undo passes over it and never takes a bid record back; ``contract`` does
the same for the contract's follow-up (``wizard/core/contract/``)."""


class NothingToUndo(LookupError):
    """No action to undo or redo, or a version that cannot be restored (before the
    published baseline, or before a change that has no way back)."""


@dataclass
class Action:
    """One user action of the journal: its number and its rows (``id, at, field, old,
    new``), oldest first, markers included."""

    number: int
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def marker(self) -> str | None:
        """``undo``, ``redo``, ``restore`` or ``published`` when the action is one."""
        return next((r["field"] for r in self.rows if r["field"] in MARKERS), None)

    @property
    def target(self) -> int | None:
        """The action an ``undo`` or ``redo`` marker names, else ``None``."""
        row = next((r for r in self.rows if r["field"] in (UNDO, REDO)), None)
        return int(json.loads(row["new"])) if row is not None else None

    @property
    def changes(self) -> list[dict[str, Any]]:
        """The rows that changed the project (markers left out), oldest first."""
        return [r for r in self.rows if r["field"] not in MARKERS]

    @property
    def reversible(self) -> bool:
        """Whether every change has a way back (the project's arrival has none)."""
        return all(_reversible(r) for r in self.changes)


def _reversible(row: dict[str, Any]) -> bool:
    return not (row["field"] == "project" and not row["old"])


def _actions(pf: ProjectFile) -> list[Action]:
    """The actions of the journal written since schema 4, oldest first, light: each
    row's ``old`` says only whether it is empty, and ``new`` is kept for markers (what
    :func:`stacks` needs; :func:`_full` reads one action whole)."""
    actions: dict[int, Action] = {}
    rows = pf.db.execute(
        "SELECT id, at, field, CASE WHEN coalesce(old, '') = '' THEN '' ELSE '1' END,"
        " CASE WHEN field IN ('undo', 'redo', 'restore', 'published') THEN new ELSE '' END, action"
        " FROM journal WHERE action IS NOT NULL ORDER BY id"
    ).fetchall()
    for row in rows:
        number = int(row[5])
        actions.setdefault(number, Action(number)).rows.append(
            {"id": row[0], "at": row[1], "field": row[2], "old": row[3] or "", "new": row[4] or ""}
        )
    return list(actions.values())


def _full(pf: ProjectFile, action: Action) -> Action:
    """``action`` with its rows read whole (old and new values)."""
    rows = pf.db.execute(
        "SELECT id, at, field, old, new FROM journal WHERE action = ? ORDER BY id", (action.number,)
    ).fetchall()
    return Action(
        action.number,
        [{"id": r[0], "at": r[1], "field": r[2], "old": r[3] or "", "new": r[4] or ""} for r in rows],
    )


def stacks(pf: ProjectFile) -> tuple[list[Action], list[Action]]:
    """``(undo, redo)``: the actions undo would take back, the last one last, and those
    redo would write again, the next one last (module docstring). Their rows are read
    light (no old or new values): :func:`next_undo` and :func:`next_redo` give one
    whole."""
    undo: list[Action] = []
    redo: list[Action] = []
    by_number: dict[int, Action] = {}
    for action in _actions(pf):
        by_number[action.number] = action
        marker = action.marker
        if marker == PUBLISHED or not action.reversible:
            undo.clear()
            redo.clear()
        elif marker == UNDO:
            if undo and undo[-1].number == action.target:
                redo.append(undo.pop())
        elif marker == REDO:
            if redo and redo[-1].number == action.target:
                redo.pop()
                undo.append(action)
        elif action.changes:
            undo.append(action)
            redo.clear()
    return undo, redo


def next_undo(pf: ProjectFile) -> Action | None:
    """The action :func:`undo` would take back (its rows whole), or ``None``."""
    undo_stack = stacks(pf)[0]
    return _full(pf, undo_stack[-1]) if undo_stack else None


def next_redo(pf: ProjectFile) -> Action | None:
    """The action :func:`redo` would write again (its rows whole), or ``None``."""
    redo_stack = stacks(pf)[1]
    return _full(pf, redo_stack[-1]) if redo_stack else None


def undo(pf: ProjectFile) -> Action:
    """Take back the last user action (module docstring); returns it. Raises
    :class:`NothingToUndo` when there is none."""
    action = next_undo(pf)
    if action is None:
        raise NothingToUndo("nothing to undo")
    _apply(pf, UNDO, action.number, [(r["field"], r["old"]) for r in reversed(action.changes)])
    return action


def redo(pf: ProjectFile) -> Action:
    """Write the last undone action again; returns it. Raises :class:`NothingToUndo`
    when there is none (or a new edit came after the undo)."""
    action = next_redo(pf)
    if action is None:
        raise NothingToUndo("nothing to redo")
    _apply(pf, REDO, action.number, [(r["field"], r["new"]) for r in action.changes])
    return action


def restore(pf: ProjectFile, entry_id: int) -> None:
    """Put the project back as it was just after the journal entry ``entry_id`` (an
    ``id`` of ``ProjectFile.history``), as one undoable action. Raises
    :class:`NothingToUndo` when the entry is the newest change (nothing to do), or when
    a ``published`` marker or a change with no way back lies after it."""
    rows = [
        {"field": r[0], "old": r[1] or "", "new": r[2] or ""}
        for r in pf.db.execute("SELECT field, old, new FROM journal WHERE id > ? ORDER BY id", (entry_id,))
    ]
    if any(r["field"] == PUBLISHED for r in rows) or not all(_reversible(r) for r in rows):
        raise NothingToUndo("this version is before the published baseline or a change with no way back")
    changes = [(r["field"], r["old"]) for r in reversed(rows) if r["field"] not in MARKERS]
    if not changes:
        raise NothingToUndo("this is the current version")
    _apply(pf, RESTORE, entry_id, changes)


def _apply(pf: ProjectFile, marker: str, value: int, changes: list[tuple[str, str]]) -> None:
    """Journal ``marker`` and put each ``(address, JSON value or '')`` in turn, all in
    one action and one transaction; the project in memory is read back from the file
    afterwards (its rows in the file's order), or after a failure (nothing changed)."""
    try:
        with pf.transaction():
            pf.mark(marker, value)
            for address, value_json in changes:
                _put(pf, address, None if value_json == "" else json.loads(value_json))
    finally:
        pf.reload()


def _put(pf: ProjectFile, address: str, value: Any) -> None:
    """Make the project hold ``value`` (a JSON value, ``None`` for no row) at
    ``address``: a section field, a row's attribute, a whole row, or ``project``."""
    if address == "project":
        pf.replace_project(jsonio.from_dict(value, strict=False))
        return
    if ":" not in address:
        section, name = address.split(".", 1)
        pf.set_field(section, name, value)
        return
    kind, rest = address.split(":", 1)
    if kind in DRAFT_TABLES:  # a row of a draft addendum, whole (publishing/addenda.py)
        pf.put_record_row(kind, int(rest), value)
        return
    cls = ENTITIES[kind]
    if "." in rest:
        row_id, name = rest.split(".", 1)
        kinds = codec.field_types(cls)
        if name in kinds:  # a field a later schema renamed stays as it is
            pf.update_row(kind, int(row_id), **{name: codec.python_value(value, kinds[name], address)})
        return
    if value is None:
        pf.delete_row(kind, int(rest))
    else:
        pf.save_row(kind, codec.from_mapping(cls, value, address))
