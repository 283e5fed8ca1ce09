"""The Edit menu: undo and redo of the project's last action, named, and search
(``search_dialog.py``).

Undo and redo run ``ops.undo`` / ``ops.redo`` (``project_file/undo.py``: the journal's
last user action taken back as one) through the open project's context; then every
page shows the file's values again and the field that changed gets the focus.

A text box keeps its own Ctrl+Z: Qt gives the shortcut to the focused line or text
editor first. Only when that editor has nothing left to undo (or redo) does the key
reach the project's undo (:meth:`EditMenu.eventFilter`), so the same key walks back
through the typing, then through the project's history.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit

from wizard.core.i18n import N_, _
from wizard.ui.lazy_qt import standard_keys

if TYPE_CHECKING:
    from wizard.core.project_file.undo import Action
    from wizard.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DEPENDANTS = ("support", "cost_lines", "translations")
"""Rows that go with another (a deleted option's cost lines): an action is named by its
main row instead."""

MARKER_NAMES: dict[str, str] = {
    "undo": N_("Undo"),
    "redo": N_("Redo"),
    "restore": N_("Version restored"),
    "published": N_("Published: changes after this are addenda"),
    "bids": N_("Bids: an entry of the bids record (never undone)"),
    "contract": N_("Contract: an entry of the contract's follow-up (never undone)"),
}
"""Journal marker rows (``project_file.undo.MARKERS``) → their name in the History
window. The core is imported on first use: the welcome screen starts without it."""

NAME_CHARS = 60


def main_change(action: Action) -> dict[str, Any] | None:
    """The row that names ``action``: its first change that is not a dependant row."""
    from wizard.core.domain.addresses import parse_address

    changes = action.changes
    if not changes:
        return None
    return next((r for r in changes if parse_address(r["field"]).kind not in DEPENDANTS), changes[0])


def action_name(action: Action, window: MainWindow) -> str:
    """What ``action`` changed, as the History window names it (a deleted row by the
    name its snapshot holds)."""
    import json

    from wizard.core.domain.addresses import parse_address
    from wizard.ui import field_labels

    if action.marker == "restore":
        return _("Restore a version")
    row = main_change(action)
    if row is None or window.ctx is None or window.wizard is None:
        return ""
    labels = field_labels.page_labels(window.wizard.step_pages)
    text = field_labels.describe(row["field"], window.ctx.project, labels)
    where = parse_address(row["field"])
    if where.row_id is not None and not where.attribute and "“" not in text:
        snapshot = json.loads(row["old"] or row["new"] or "{}")
        name = field_labels.row_name(snapshot) if isinstance(snapshot, dict) else ""
        if name:
            text += f" “{name}”"
    return field_labels.shorten(text, NAME_CHARS)


class EditMenu(QObject):
    """The Edit menu of ``window``: ``undo``, ``redo`` and ``find`` actions (also in
    ``window.actions_by_name``)."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self.undo_action = QAction(window)
        self.undo_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(window)
        redo_keys = [*standard_keys(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")]
        self.redo_action.setShortcuts(list(dict.fromkeys(k for k in redo_keys if not k.isEmpty())))
        self.redo_action.triggered.connect(self.redo)
        self.find_action = QAction(window)
        window.texts.add(self.find_action.setText, N_("&Find in the project…"))
        self.find_action.setShortcuts(standard_keys(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.find)
        self.search: Any = None  # the search window, made on first use
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)
        menu.addSeparator()
        menu.addAction(self.find_action)
        menu.aboutToShow.connect(self.refresh)
        window.actions_by_name["undo"] = self.undo_action
        window.actions_by_name["redo"] = self.redo_action
        window.actions_by_name["find"] = self.find_action
        self._filtering = False
        self.refresh()

    # -- state --------------------------------------------------------------------

    def edited(self) -> None:
        """After an edit: undo is possible and redo is not (a new edit empties it).
        Cheap, unlike :meth:`refresh`, which reads the journal: the menu names the
        actions when it opens."""
        writable = self.window.ctx is not None and not self.window.ctx.read_only
        self.undo_action.setEnabled(writable)
        self.undo_action.setText(_("&Undo"))
        self.redo_action.setEnabled(False)
        self.redo_action.setText(_("&Redo"))

    def refresh(self) -> None:
        """Name the next undo and redo in the menu; disable what cannot run."""
        ctx = self.window.ctx
        self._filter_keys(ctx is not None)
        undo_next = redo_next = None
        if ctx is not None and not ctx.read_only:
            from wizard.core.project_file import undo as undoing

            undo_next, redo_next = undoing.next_undo(ctx.pf), undoing.next_redo(ctx.pf)
        self.find_action.setEnabled(ctx is not None)
        if ctx is None and self.search is not None:
            self.search.hide()
        self.undo_action.setEnabled(undo_next is not None)
        self.redo_action.setEnabled(redo_next is not None)
        self.undo_action.setText(
            _("&Undo: {what}", what=action_name(undo_next, self.window)) if undo_next else _("&Undo")
        )
        self.redo_action.setText(
            _("&Redo: {what}", what=action_name(redo_next, self.window)) if redo_next else _("&Redo")
        )

    def _filter_keys(self, on: bool) -> None:
        """Watch the application's events (:meth:`eventFilter`) only while a project is
        open: with none, the filter has nothing to do, and a Python filter on every event
        of every widget slowed the welcome screen's first paint by a sixth of the start."""
        app = QApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    # -- running ------------------------------------------------------------------

    def find(self) -> None:
        """Open the search window (Ctrl+F) on the open project."""
        if self.window.ctx is None:
            return
        if self.search is None:
            from wizard.ui.search_dialog import SearchDialog

            self.search = SearchDialog(self.window)
        self.search.start()

    def undo(self) -> None:
        """Take back the project's last action (pending typing is saved first, so it
        is what is taken back)."""
        from wizard.core import ops

        self._run(ops.undo)

    def redo(self) -> None:
        """Write the last undone action again."""
        from wizard.core import ops

        self._run(ops.redo)

    def restore(self, entry_id: int) -> bool:
        """History ▸ "Restore this version": after the user's yes, the project as it
        was just after the journal entry ``entry_id``, as one undoable action; ``True``
        when restored."""
        from wizard.core import ops
        from wizard.core.project_file import undo as undoing
        from wizard.ui import dialogs

        if not dialogs.ask_yes_no(
            self.window,
            _(
                "Put the whole project back as it was just after this change? "
                "Every later change is taken back; Edit ▸ Undo brings them back."
            ),
        ):
            return False

        def run(pf: Any) -> Action:
            ops.restore_version(pf, entry_id=entry_id)
            return undoing.Action(0)

        return self._run(
            run,
            _(
                "This version cannot be restored: it is the current one, or it comes before the publication or before the project arrived."
            ),
        )

    def _run(self, op: Any, nothing: str = "") -> bool:
        from wizard.core.project_file import undo as undoing
        from wizard.ui import dialogs

        ctx = self.window.ctx
        if ctx is None or ctx.read_only:
            return False
        ctx.flush()
        try:
            action = op(ctx.pf)
        except undoing.NothingToUndo:
            if nothing:
                dialogs.show_info(self.window, nothing)
            else:
                self.window.statusBar().showMessage(_("Nothing to undo or redo."), 5000)
            self.refresh()
            return False
        except Exception as exc:  # ProjectFileError, OSError …: a message, never a traceback
            log.warning("undo failed: %s", exc)
            dialogs.show_error(self.window, _("The change could not be saved:") + f"\n{exc}")
            self.window.reload_pages()
            self.refresh()
            return False
        self.window.reload_pages()
        ctx.changed.emit()
        row = main_change(action)
        if row is not None and row["field"] != "project" and self.window.wizard is not None:
            self.window.wizard.focus_field(row["field"])
        self.refresh()
        return True

    # -- a text box's own undo first ------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let Ctrl+Z / Ctrl+Shift+Z reach the project's undo when the focused text box
        has nothing of its own to undo or redo; otherwise the box keeps the key."""
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        focused = QApplication.focusWidget()
        if watched is not focused or self.window.ctx is None or not self.window.isAncestorOf(focused):
            return False
        undo_key = event.matches(QKeySequence.StandardKey.Undo)
        redo_key = event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(
            event.keyCombination()
        ) == QKeySequence("Ctrl+Shift+Z")
        if not (undo_key or redo_key):
            return False
        # filtered and not accepted: the shortcut of the Edit menu runs
        return _own_undo(focused, redo_key) is False


def _own_undo(widget: QObject, redo: bool) -> bool | None:
    """Whether a text box has its own undo (or redo) step left; ``None`` for another
    widget."""
    if isinstance(widget, QLineEdit):
        return (widget.isRedoAvailable() if redo else widget.isUndoAvailable()) and not widget.isReadOnly()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        document = widget.document()
        return (
            document.isRedoAvailable() if redo else document.isUndoAvailable()
        ) and not widget.isReadOnly()
    return None
