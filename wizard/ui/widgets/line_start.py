"""A one-line text longer than its field: its start shown, the whole text in its tooltip.

``QLineEdit.setText`` leaves the cursor at the end, and the field scrolls to show the
cursor: a long title, an evidence or a reason then read « …ndu obtenu en séance. », and
once the field is read-only (a locked evaluation) its start could never be read (walk
2026-12-07, 1366×768). :func:`keep_start` puts the cursor back at the start whenever the
text is set from the project or the field is left, and keeps the whole text as the
tooltip, unless the field has a tooltip of its own (an explanation set by its page).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit

WHOLE_TIP = "whole-text-tip"
"""The dynamic property holding the tooltip :func:`show_whole` set (to tell it from the
field's own)."""


def show_whole(edit: QLineEdit) -> None:
    """The whole text as ``edit``'s tooltip, unless it has another of its own."""
    current = edit.toolTip()
    if current and current != edit.property(WHOLE_TIP):
        return
    edit.setToolTip(edit.text())
    edit.setProperty(WHOLE_TIP, edit.text())


def show_start(edit: QLineEdit) -> None:
    """The start of ``edit``'s text shown (the cursor at 0) and its tooltip updated."""
    if not edit.hasFocus():
        edit.setCursorPosition(0)
    show_whole(edit)


class _Start(QObject):
    """Back to the start when the field loses the focus (not to a menu of its own)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason  # type: ignore[attr-defined]
        ):
            watched.setCursorPosition(0)
        return False


def keep_start(edit: QLineEdit) -> QLineEdit:
    """``edit`` showing the start of its text whenever it is set or left (module
    docstring), its tooltip the whole text; returns ``edit``."""
    edit.installEventFilter(_Start(edit))
    edit.textChanged.connect(lambda _text: show_whole(edit))
    show_start(edit)
    return edit
