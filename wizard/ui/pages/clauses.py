"""§2.8 Contract clauses: the library's clauses for this project, toggles and edits.

Each clause can be left out (optional ones) or rewritten for this project; the library
itself is never modified, and "Revert" goes back to its text.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem

from wizard.core.i18n import N_, _, ui_language
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_LABELS = {"required": N_("Required"), "recommended": N_("Recommended"), "optional": N_("Optional")}


def _library() -> Any:
    try:
        from wizard.core import clauses

        clauses.catalogue()
        return clauses
    except Exception:  # missing or broken library: the page says so
        log.warning("clause library unavailable", exc_info=True)
        return None


class ClausesPage(StepPage):
    STEP = Step.CLAUSES
    HELP = N_(
        "The contract protects the town: its province's laws and courts, data kept in "
        "Canada and owned by the town, custom code paid with public money published as "
        "public code, an exit plan, no confidentiality agreement that hides the contract. "
        "Keep the required clauses; removing a recommended one should be a deliberate "
        "choice."
    )

    def build(self) -> None:
        form = self.group(N_("Clauses for this project"))
        self.list = QTableWidget(0, 4)
        self.list.setObjectName("clauses")
        self.list.verticalHeader().setVisible(False)
        self.list.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * 12)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.itemChanged.connect(self._toggled)
        self.list.currentCellChanged.connect(lambda *_a: self.load_text())
        form.addRow(self.list)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        form.addRow(self.missing)
        form = self.group(N_("Text of the selected clause (tender language)"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("clause-text")
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 8)
        self.text.textChanged.connect(self._edited)
        form.addRow(self.text)
        self.revert = QPushButton()
        self.texts.add(self.revert.setText, N_("Revert to the library text"))
        self.revert.clicked.connect(self._revert)
        form.addRow(self.revert)
        self._loading = False

    def _lang(self) -> str:
        tender = self.ctx.project.info.tender_languages
        return tender if tender in ("fr", "en") else ui_language()

    def load_extra(self) -> None:
        lib = _library()
        self.missing.setText("" if lib else _("The clause library could not be read."))
        self.list.setHorizontalHeaderLabels([_("Included"), _("Clause"), _("Family"), _("Status")])
        if lib is None:
            return
        self._loading = True
        try:
            project, lang = self.ctx.project, ui_language()
            items = lib.applicable(project)
            self.list.setRowCount(len(items))
            for r, clause in enumerate(items):
                check = QTableWidgetItem()
                check.setData(ID_ROLE, clause.id)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if not self.ctx.read_only and clause.status != "required":
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                check.setFlags(flags)
                included = lib.is_included(project, clause)
                check.setCheckState(Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)
                edited = " ✎" if lib.is_edited(project, clause.id, self._lang()) else ""
                family = lib.FAMILIES.get(clause.family)
                texts = [clause.title(lang) + edited, _(family.title) if family else clause.family]
                texts.append(_(STATUS_LABELS.get(clause.status, clause.status)))
                self.list.setItem(r, 0, check)
                for c, text in enumerate(texts, 1):
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.list.setItem(r, c, item)
        finally:
            self._loading = False
        if self.list.currentRow() < 0 and self.list.rowCount():
            self.list.setCurrentCell(0, 1)
        self.load_text()

    def current_clause_id(self) -> str | None:
        r = self.list.currentRow()
        item = self.list.item(r, 0) if r >= 0 else None
        return item.data(ID_ROLE) if item is not None else None

    def _choice(self, clause_id: str) -> Any:
        return next((c for c in self.ctx.project.clause_choices if c.clause_id == clause_id), None)

    def _save_choice(self, clause_id: str, **changes: Any) -> None:
        choice = self._choice(clause_id)
        if choice is None:
            lib = _library()
            default = lib.clause(clause_id).status != "optional" if lib else True
            values = {"clause_id": clause_id, "included": default} | changes
            self.ctx.add_row("clause_choices", **values)
        else:
            self.ctx.update_row("clause_choices", choice.id, **changes)

    def set_included(self, clause_id: str, included: bool) -> None:
        """Toggle one clause as the user would."""
        self._save_choice(clause_id, included=included)
        self.load_extra()

    def _toggled(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != 0:
            return
        self.set_included(item.data(ID_ROLE), item.checkState() == Qt.CheckState.Checked)

    def load_text(self) -> None:
        lib, clause_id = _library(), self.current_clause_id()
        text = ""
        if lib is not None and clause_id is not None:
            text = lib.clause_source(self.ctx.project, lib.clause(clause_id), self._lang())
        self._loading = True
        self.text.setPlainText(text)
        self.text.setReadOnly(self.ctx.read_only or clause_id is None)
        self._loading = False

    def _edited(self) -> None:
        lib, clause_id = _library(), self.current_clause_id()
        if self._loading or lib is None or clause_id is None:
            return
        lang = self._lang()
        text = self.text.toPlainText()
        same = text.strip() == lib.clause(clause_id).bodies[lang].strip()
        self._save_choice(clause_id, **{f"custom_{lang}": "" if same else text})

    def _revert(self) -> None:
        clause_id = self.current_clause_id()
        if clause_id is not None and self._choice(clause_id) is not None:
            self._save_choice(clause_id, **{f"custom_{self._lang()}": ""})
        self.load_extra()
