"""Secondary windows: the project history (journal) and the tender preview."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
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


def history_dialog(
    parent: QWidget | None, entries: list[dict[str, Any]], project: Project, labels: dict[str, str]
) -> QDialog:
    """A table of journal entries (newest first): when (local time), what (step and
    field label, ``labels`` from :func:`field_labels.page_labels`), before → after."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(_("Project history"))
    table = QTableWidget(len(entries), 4)
    table.setObjectName("history")
    table.setHorizontalHeaderLabels([_("When"), _("What"), _("Before"), _("After")])
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    for r, entry in enumerate(entries):
        address = str(entry.get("field", ""))
        cells = [
            (field_labels.when_text(str(entry.get("at", ""))), str(entry.get("at", ""))),
            (field_labels.describe(address, project, labels), address),
            *((field_labels.value_text(str(entry.get(key) or "")), "") for key in ("old", "new")),
        ]
        for c, (text, detail) in enumerate(cells):
            item = QTableWidgetItem(field_labels.shorten(text))
            item.setToolTip((text[:2000] + (f"\n({detail})" if detail else "")).strip())
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    char = table.fontMetrics().averageCharWidth()
    for column, most in ((1, 60), (2, 40), (3, 40)):
        header.resizeSection(column, min(header.sectionSize(column), char * most))
    header.setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(dialog.fontMetrics().averageCharWidth() * 150, dialog.fontMetrics().lineSpacing() * 30)
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
