"""The question asked before an export while the publishing gate has items
(``wizard/core/documents/gate.py``; docs/documents.md, "The publishing gate").

The dialog lists the open errors and the placeholders the documents would print, each
with the field that fixes it; the same placeholder printed several times in one section
is one line with its count. Clicking a line closes the dialog and goes to that field
(the export waits); "Export anyway" exports as it is; "Cancel" does nothing.
:func:`wizard.ui.dialogs.ask_export_anyway` runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.documents.gate import GateItem, gate_counts
from wizard.core.i18n import N_, _, n_, ui_language
from wizard.ui.widgets.icons import icon

ITEM_ROLE = Qt.ItemDataRole.UserRole

TO_COMPLETE = N_("To complete")
ERROR = N_("Error")


@dataclass(frozen=True)
class GateAnswer:
    """What the user chose: ``export`` (Export anyway), or the ``item`` clicked to go
    to its field (no export), or neither (Cancel)."""

    export: bool
    item: GateItem | None = None


def grouped(items: list[GateItem]) -> list[tuple[GateItem, int]]:
    """``items`` with repeats merged: the same code, field, document and section once,
    with how many times it occurs, in the order first seen."""
    counts: dict[tuple[object, ...], int] = {}
    first: dict[tuple[object, ...], GateItem] = {}
    for item in items:
        key = (item.code, item.field or item.address, item.document, item.lang, item.section)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, item)
    return [(first[key], count) for key, count in counts.items()]


def item_text(item: GateItem, count: int, where: str) -> str:
    """Two lines: what kind of item and the field (``where``), then the message (and
    how many times it occurs)."""
    kind = _(TO_COMPLETE) if item.is_placeholder else _(ERROR)
    message = item.message(ui_language())
    if count > 1:
        message += " " + n_("({count} time)", "({count} times)", count)
    return f"{kind} — {where}\n{message}"


class GateDialog(QDialog):
    """The list of ``items``, each named by ``describe(address)`` (the field as the
    pages label it). :attr:`answer` holds the choice once the dialog is closed."""

    def __init__(self, parent: QWidget | None, items: list[GateItem], describe: Callable[[str], str]) -> None:
        super().__init__(parent)
        self.answer = GateAnswer(False)
        self.setWindowTitle(_("Before exporting"))
        errors, placeholders = gate_counts(items)
        summary = QLabel(
            _(
                "The documents are not ready to publish: {errors} and {placeholders} that they "
                "would print. Click a line to go to its field, or export them as they are.",
                errors=n_("{count} error still open", "{count} errors still open", errors),
                placeholders=n_("{count} placeholder", "{count} placeholders", placeholders),
            )
        )
        summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("gate-items")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for item, count in grouped(items):
            row = QListWidgetItem(
                icon("warning" if item.is_placeholder else "error"),
                item_text(item, count, describe(item.address)),
            )
            row.setData(ITEM_ROLE, item)
            self.list.addItem(row)
        self.list.itemClicked.connect(self._go_to)
        self.list.itemActivated.connect(self._go_to)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(_("Export anyway"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(_("Cancel"))
        buttons.accepted.connect(self._export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.export_button.setAutoDefault(False)  # Enter never exports by accident
        self.cancel_button.setDefault(True)
        metrics = self.fontMetrics()
        width, height = metrics.averageCharWidth() * 150, metrics.lineSpacing() * 38
        room = parent.window().size() if parent is not None else self.screen().availableGeometry().size()
        self.resize(min(width, room.width() * 9 // 10), min(height, room.height() * 8 // 10))

    def _export(self) -> None:
        self.answer = GateAnswer(True)
        self.accept()

    def _go_to(self, row: QListWidgetItem) -> None:
        item = row.data(ITEM_ROLE)
        if isinstance(item, GateItem):
            self.answer = GateAnswer(False, item)
            self.reject()
