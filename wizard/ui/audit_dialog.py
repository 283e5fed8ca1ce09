"""File › "Check a tender document…": the text checks on any tender, paragraph by paragraph.

A town can check a draft it received, or a neighbour's tender, before reusing it
(:mod:`wizard.core.audit`; the same as ``main.py lint --file``). The dialog lists the
document's paragraphs and table cells (location, how each was checked, its text) beside
the findings of the selected one; by default only the paragraphs with findings, the
whole document at one click. No project needs to be open, and nothing is changed.

As ``lint --file``, the checks read the document in its own language
(``audit.document_language``: the language most of its paragraphs are written in; the
app's when they do not tell), and the messages are in the app's language, as ``lint``
writes in its ``--lang``; the summary says which language the document was read in
(walk 2026-12-07: the app read a French tender as English when it ran in English).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wizard.core.audit import (
    AuditedParagraph,
    DocumentError,
    audit_paragraphs,
    document_language,
    read_document,
)
from wizard.core.i18n import N_, _, n_, ui_language
from wizard.ui import dialogs
from wizard.ui.widgets.findings_panel import finding_item
from wizard.ui.widgets.icons import icon

if TYPE_CHECKING:
    from wizard.ui.main_window import MainWindow

ROLE_LABELS = {
    "criterion": N_("criterion"),
    "scenario": N_("scenario"),
    "problem": N_("problem"),
    "text": N_("text"),
    "skipped": N_("not checked"),
}
"""How a paragraph was checked (:data:`wizard.core.audit.ROLES`), as the table says it."""

READ_AS = {
    ("fr", True): N_("Checked as a French document: most of its paragraphs are in French."),
    ("en", True): N_("Checked as an English document: most of its paragraphs are in English."),
    ("fr", False): N_("Its paragraphs do not tell its language: checked as French, the app's language."),
    ("en", False): N_("Its paragraphs do not tell its language: checked as English, the app's language."),
}
"""The summary's line on the language the document was checked in: ``(language, told
by the document)``."""


def _worst(item: AuditedParagraph) -> str:
    ranks = sorted(f.severity.rank for f in item.findings)
    return ("error", "warning", "info")[ranks[0]] if ranks else "none"


class AuditDialog(QDialog):
    """The paragraphs of one document beside the findings of the selected paragraph.

    ``audited`` is :func:`wizard.core.audit.audit_paragraphs`' result for ``path``, read
    in ``read_in`` ("fr" or "en"), the document's own language when ``told`` (else the
    app's)."""

    def __init__(
        self,
        path: Path,
        audited: list[AuditedParagraph],
        parent: QWidget | None = None,
        *,
        read_in: str = "en",
        told: bool = True,
    ) -> None:
        super().__init__(parent)
        self.audited = audited
        self.read_in = read_in
        lang = ui_language()
        self.setWindowTitle(_("Check of a tender document") + f" \u2014 {path.name}")
        flagged = [a for a in audited if a.findings]
        count = sum(len(a.findings) for a in flagged)
        summary = (
            n_(
                "{count} finding in {flagged} of the {total} paragraphs and table cells.",
                "{count} findings in {flagged} of the {total} paragraphs and table cells.",
                count,
                flagged=len(flagged),
                total=len(audited),
            )
            if count
            else _("No finding in the {total} paragraphs and table cells.", total=len(audited))
        )
        self.summary = QLabel(f"{path}\n{summary}\n{_(READ_AS[read_in, told])}")
        self.summary.setObjectName("audit-summary")
        self.summary.setWordWrap(True)
        self.only_flagged = QCheckBox(_("Only the paragraphs with findings"))
        self.only_flagged.setObjectName("audit-only-flagged")
        self.only_flagged.setChecked(bool(flagged))
        self.only_flagged.toggled.connect(self._filter)

        self.table = QTableWidget(len(audited), 3)
        self.table.setObjectName("audit-paragraphs")
        self.table.setHorizontalHeaderLabels([_("Where"), _("Checked as"), _("Text")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        for row, item in enumerate(audited):
            where = QTableWidgetItem(icon(_worst(item)), item.location.describe(lang))
            where.setToolTip(item.section)
            self.table.setItem(row, 0, where)
            self.table.setItem(row, 1, QTableWidgetItem(_(ROLE_LABELS.get(item.role, item.role))))
            text = QTableWidgetItem(item.text if len(item.text) <= 200 else item.text[:199] + "\u2026")
            text.setToolTip(item.text[:2000])
            self.table.setItem(row, 2, text)
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_args: self._show(row))

        self.text = QPlainTextEdit()
        self.text.setObjectName("audit-text")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.findings = QListWidget()
        self.findings.setObjectName("audit-findings")
        self.findings.setWordWrap(True)
        self.section = QLabel()
        self.section.setObjectName("audit-section")
        self.section.setWordWrap(True)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.section)
        side.addWidget(self.text, 1)
        side.addWidget(QLabel(_("Findings")))
        side.addWidget(self.findings, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_flagged)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 170, metrics.lineSpacing() * 36)
        self._filter(self.only_flagged.isChecked())

    def visible_rows(self) -> list[int]:
        """The rows shown (indexes into ``audited``)."""
        return [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def _filter(self, only_flagged: bool) -> None:
        for row, item in enumerate(self.audited):
            self.table.setRowHidden(row, only_flagged and not item.findings)
        rows = self.visible_rows()
        if rows:
            self.table.setCurrentCell(rows[0], 0)
            self._show(rows[0])

    def _show(self, row: int) -> None:
        self.findings.clear()
        if not 0 <= row < len(self.audited):
            self.text.clear()
            self.section.clear()
            return
        item = self.audited[row]
        self.text.setPlainText(item.text)
        where = item.location.describe(ui_language())
        self.section.setText(f"{where} \u2014 {item.section}" if item.section else where)
        for f in item.findings:
            self.findings.addItem(finding_item(f, False))
        if not item.findings:
            self.findings.addItem(_("No finding."))


def check_document(window: MainWindow) -> None:
    """Ask for a DOCX, PDF or text document, check it and show the result; a document
    that cannot be read gets a clear message (never a traceback)."""
    path = dialogs.ask_document_path(window, _("Check a tender document"))
    if path is None:
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    read_in, told = ui_language(), False
    try:
        paragraphs = read_document(path)
        written = document_language(paragraphs)  # as lint --file: the document's own language
        read_in, told = (written, True) if written is not None else (read_in, False)
        audited: list[AuditedParagraph] | None = audit_paragraphs(paragraphs, read_in)
        error = ""
    except DocumentError as exc:
        audited, error = None, exc.message(ui_language()) + f"\n{exc.path}"
        if exc.output:  # a program's own words: a detail below, not in the message
            error += f"\n\n{exc.output}"
    finally:
        QApplication.restoreOverrideCursor()
    if audited is None:
        dialogs.show_error(window, error)
        return
    dialogs.run_dialog(AuditDialog(path, audited, window, read_in=read_in, told=told))
