"""Secondary windows: the project history (journal) and the tender preview."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.core.i18n import _
from wizard.core.i18n.languages import binding_language
from wizard.core.model import Project
from wizard.ui import field_labels
from wizard.ui.context import ProjectContext

log = logging.getLogger(__name__)


class _WrappingTable(QTableWidget):
    """A table whose rows follow the width of their wrapped texts."""

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()


def history_dialog(
    parent: QWidget | None,
    entries: list[dict[str, Any]],
    project: Project,
    labels: dict[str, str],
    restore: Callable[[int], bool] | None = None,
) -> QDialog:
    """A table of journal entries (newest first): when (local time), what (step and
    field label, ``labels`` from :func:`field_labels.page_labels`, wrapped whole; a
    deleted row by the name its snapshot holds, a translation by the text it translates
    and its version), before → after ("(row added)", "(row deleted)" for a whole row); a list to show one step's entries only; and "Restore this version",
    which calls ``restore(entry id)`` for the selected entry (the project as it was
    just after it; ``True`` when done, which closes the window). No ``restore`` (a
    read-only view): no button."""
    from wizard.core.domain.addresses import parse_address
    from wizard.core.steps import STEPS, step_of_field
    from wizard.ui.edit_menu import MARKER_NAMES

    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Project history"))
    table = _WrappingTable(len(entries), 4)
    table.setObjectName("history")
    table.setHorizontalHeaderLabels([_("When"), _("What"), _("Before"), _("After")])
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    steps: list[int] = []
    rows = {str(e.get("field", "")): row for e in entries if (row := field_labels.snapshot(e)) is not None}
    for r, entry in enumerate(entries):
        address = str(entry.get("field", ""))
        marker = MARKER_NAMES.get(address)
        row = field_labels.snapshot(entry)
        what = _(marker) if marker else field_labels.describe(address, project, labels, row, rows)
        owner = field_labels.translated_address(address, project, row)  # a translation: its text's step
        steps.append(-1 if marker or address == "project" else int(step_of_field(owner)))
        cells = [
            (field_labels.when_text(str(entry.get("at", ""))), str(entry.get("at", ""))),
            (what, address),
            *((field_labels.value_text(str(entry.get(key) or "")), "") for key in ("old", "new")),
        ]
        if marker:
            cells[2:] = [("", ""), ("", "")]
        elif row is not None and not parse_address(address).attribute:  # a whole row
            if not entry.get("new"):
                cells[3] = (_("(row deleted)"), "")
            elif not entry.get("old"):
                cells[2] = (_("(row added)"), "")
        texts = [text if c == 1 else field_labels.shorten(text) for c, (text, _detail) in enumerate(cells)]
        texts[2:] = field_labels.change_texts(cells[2][0], cells[3][0])
        for c, (text, detail) in enumerate(cells):
            item = QTableWidgetItem(texts[c])
            item.setToolTip((text[:2000] + (f"\n({detail})" if detail else "")).strip())
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, entry.get("id"))
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    char = table.fontMetrics().averageCharWidth()
    for column, most in ((2, 30), (3, 30)):
        header.resizeSection(column, min(header.sectionSize(column), char * most))
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # "What" takes the room left, wrapped
    table.resizeRowsToContents()  # the "What" column wraps: every name whole

    step_filter = QComboBox()
    step_filter.setObjectName("history-step")
    step_filter.addItem(_("All steps"), None)
    for step, facts in STEPS.items():
        step_filter.addItem(f"{int(step) + 1}. {_(facts.title)}", int(step))

    def show_step() -> None:
        wanted = step_filter.currentData()
        for r, step in enumerate(steps):
            table.setRowHidden(r, wanted is not None and step != wanted)

    step_filter.currentIndexChanged.connect(show_step)
    top = QHBoxLayout()
    shown = QLabel(_("Show:"))
    shown.setBuddy(step_filter)
    top.addWidget(shown)
    top.addWidget(step_filter, 1)

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    if restore is not None:
        button = buttons.addButton(_("&Restore this version"), QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName("restore")
        button.setToolTip(
            _(
                "Put the project back as it was just after the selected change. "
                "The restoration is one change of its own: Edit ▸ Undo takes it back."
            )
        )
        button.setEnabled(False)

        def selected() -> int | None:
            rows = table.selectionModel().selectedRows()
            item = table.item(rows[0].row(), 0) if rows else None
            entry = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            return int(entry) if entry is not None else None

        table.itemSelectionChanged.connect(lambda: button.setEnabled(selected() is not None))

        def run_restore() -> None:
            entry = selected()
            if entry is not None and restore(entry):
                dialog.accept()

        button.clicked.connect(run_restore)
    layout = QVBoxLayout(dialog)
    layout.addLayout(top)
    layout.addWidget(table)
    layout.addWidget(buttons)
    width = sum(header.sectionSize(c) for c in (0, 2, 3)) + char * 60 + 60
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    if screen is not None:
        width = min(width, screen.width() - 40)
    height = dialog.fontMetrics().lineSpacing() * 40
    if screen is not None:
        height = min(height, screen.height() - 80)
    dialog.resize(width, height)
    return dialog


class PreviewWindow(QDialog):
    """The tender as HTML, refreshed after each edit (non-modal)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.browser = QTextBrowser()
        self.browser.setObjectName("preview")
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        ctx.changed.connect(self.refresh)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().lineSpacing() * 35)
        self.refresh()

    def refresh(self) -> None:
        self.setWindowTitle(_("Preview of the tender"))
        if not self.isVisible() and self.browser.toPlainText():
            return
        project = self.ctx.project
        lang = binding_language(project)
        try:
            preview = importlib.import_module("wizard.core.documents.html")
            html = preview.preview_html(project, lang)
        except Exception as exc:  # a preview error must not break editing
            log.warning("preview failed", exc_info=True)
            html = "<p>" + _("The preview could not be built:") + f" {exc}</p>"
        bar = self.browser.verticalScrollBar().value()
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(bar)
