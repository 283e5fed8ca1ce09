"""Contract clauses: browse the library by family, choose, edit, compare, revert.

The tree lists every library clause under its family, with its status (required,
recommended, optional, or not applicable to this project and why), whether the tender
keeps it and whether this project edited it. Only optional and recommended clauses can
be left out; leaving out a recommended one shows why it matters (K-REMOVED). The clause
editor below (:class:`~wizard.ui.widgets.clause_editor.ClauseEditor`) previews the
selected clause in the tender language(s), edits its French and English text for this
project (saved after a short pause), shows the diff against the library and reverts
to it. The library files are never modified.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem

from wizard.core import ops
from wizard.core.domain.addresses import parse_address
from wizard.core.i18n import N_, _, ui_language
from wizard.core.model import ClauseChoice
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.clause_editor import ClauseEditor, render_error

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_LABELS = {
    "required": N_("Required clause"),
    "recommended": N_("Recommended clause"),
    "optional": N_("Optional clause"),
}
CONDITION_LABELS = {
    "always": N_("Applies to every tender."),
    "personal_information": N_("Applies when the system processes personal information."),
    "mission_critical": N_("Applies when the system is mission-critical."),
    "vendor_hosting": N_("Applies when the vendor hosts the town's data."),
    "custom_code": N_("Applies when code or APIs are developed for the town."),
    "excluded_vendors": N_(
        "Applies when a vendor helped draft the tender or supplied a template or specification it used."
    ),
}


def _library() -> Any:
    try:
        from wizard.core.clauses import library as clauses

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
        self.tree = QTreeWidget()
        self.tree.setObjectName("clauses")
        self.tree.setColumnCount(3)
        self.tree.setMinimumHeight(self.tree.fontMetrics().lineSpacing() * 14)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemChanged.connect(self._toggled)
        self.tree.currentItemChanged.connect(lambda *_a: self._selected())
        form.addRow(self.tree)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        form.addRow(self.missing)
        self.warning = QLabel()
        self.warning.setObjectName("clause-warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a5300")
        form.addRow(self.warning)
        form = self.group(N_("Selected clause"))
        self.editor = ClauseEditor(self.texts)
        self.editor.edited.connect(self._edited)
        self.editor.revert_requested.connect(self._revert)
        form.addRow(self.editor)
        self._loading = False

    # -- the tree ---------------------------------------------------------------------

    def load_extra(self) -> None:
        lib = _library()
        self.missing.setText("" if lib else _("The clause library could not be read."))
        self.missing.setVisible(lib is None)
        self.tree.setHeaderLabels([_("Clause"), _("Status"), _("Edited")])
        if lib is None:
            self.tree.clear()
            self.editor.load(self.ctx.project, None, True)
            return
        selected = self.current_clause_id()
        self._loading = True
        try:
            self.tree.clear()
            for key, family in lib.FAMILIES.items():
                members = [c for c in lib.catalogue().values() if c.family == key]
                if not members:
                    continue
                top = QTreeWidgetItem([_(family.title)])
                font = QFont(top.font(0))
                font.setBold(True)
                top.setFont(0, font)
                top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                for clause in members:
                    child = QTreeWidgetItem()
                    child.setData(0, ID_ROLE, clause.id)
                    top.addChild(child)
                self.tree.addTopLevelItem(top)
                top.setExpanded(True)
        finally:
            self._loading = False
        self._update_items()
        self.select_clause(selected or next(iter(lib.catalogue())))

    def _applicable_ids(self, lib: Any) -> tuple[str, ...]:
        return tuple(c.id for c in lib.applicable(self.ctx.project))

    def clause_items(self) -> dict[str, QTreeWidgetItem]:
        """Clause id → its tree item."""
        found: dict[str, QTreeWidgetItem] = {}
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            children = [top.child(j) for j in range(top.childCount())] if top is not None else []
            found.update({child.data(0, ID_ROLE): child for child in children if child is not None})
        return found

    def _update_items(self) -> None:
        """Titles, status, inclusion and edit marks from the model (no rebuild)."""
        lib, project = _library(), self.ctx.project
        if lib is None:
            return
        applicable, lang = set(self._applicable_ids(lib)), ui_language()
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self._loading = True
        try:
            for clause_id, item in self.clause_items().items():
                clause = lib.clause(clause_id)
                item.setText(0, clause.title(lang, project))
                item.setToolTip(0, _(CONDITION_LABELS.get(clause.condition, "")))
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if clause_id in applicable:
                    item.setText(1, _(STATUS_LABELS[clause.status]))
                    if not self.ctx.read_only and clause.status != "required":
                        flags |= Qt.ItemFlag.ItemIsUserCheckable
                    included = lib.is_included(project, clause)
                    item.setCheckState(0, Qt.CheckState.Checked if included else Qt.CheckState.Unchecked)
                    item.setData(0, Qt.ItemDataRole.ForegroundRole, None)
                else:
                    item.setText(1, _("Not applicable to this project"))
                    item.setData(0, Qt.ItemDataRole.CheckStateRole, None)
                    item.setForeground(0, grey)
                item.setToolTip(1, item.toolTip(0))
                item.setFlags(flags)
                edited = [x.upper() for x in ("fr", "en") if lib.is_edited(project, clause_id, x)]
                item.setText(2, "✎ " + ", ".join(edited) if edited else "")
        finally:
            self._loading = False

    def current_clause_id(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def select_clause(self, clause_id: str) -> None:
        """Select ``clause_id`` in the tree (its text goes to the editor)."""
        item = self.clause_items().get(clause_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        self._selected()

    def _selected(self) -> None:
        if self._loading:
            return
        self.editor.load(self.ctx.project, self.current_clause_id(), self.ctx.read_only)
        self._update_warning()

    def _update_warning(self) -> None:
        lib, clause_id = _library(), self.current_clause_id()
        text = ""
        if lib is not None and clause_id is not None:
            clause = lib.clause(clause_id)
            left_out = clause.id in self._applicable_ids(lib) and not lib.is_included(
                self.ctx.project, clause
            )
            if left_out and clause.status == "recommended":
                text = _(lib.FAMILIES[clause.family].removed)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def model_changed(self) -> None:
        self._update_items()
        self.editor.refresh(self.ctx.project)
        self._update_warning()

    # -- edits ------------------------------------------------------------------------

    def set_included(self, clause_id: str, included: bool) -> None:
        """Keep or leave out one clause, as ticking its box does."""
        self.ctx.do(ops.set_clause_included, clause_id=clause_id, included=included)
        self._update_items()
        self._update_warning()
        self.editor.refresh(self.ctx.project)

    def _toggled(self, item: QTreeWidgetItem, column: int) -> None:
        clause_id = item.data(0, ID_ROLE)
        if self._loading or column != 0 or clause_id is None:
            return
        if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        included = item.checkState(0) == Qt.CheckState.Checked
        lib = _library()
        if lib is not None and included != lib.is_included(self.ctx.project, lib.clause(clause_id)):
            self.set_included(clause_id, included)

    def _edited(self, lang: str, text: str) -> None:
        """Save this project's text of the clause (after a pause; the library's text is
        saved as '' by the core) and tell at once whether it renders."""
        lib, clause_id = _library(), self.editor.clause_id
        if lib is None or clause_id is None or self.ctx.read_only:
            return
        self.ctx.do_later(
            ("clause", clause_id, lang), ops.set_clause_text, clause_id=clause_id, lang=lang, text=text
        )
        source = text if text.strip() else lib.clause(clause_id).bodies[lang]
        problem = lib.render_problem(self.ctx.project, clause_id, lang, source)
        self.editor.error.setText(render_error(lib.clause(clause_id), problem) if problem else "")
        self.editor.error.setVisible(problem is not None)

    def _revert(self) -> None:
        """Back to the library text in both languages."""
        clause_id = self.editor.clause_id
        if clause_id is None or self.ctx.read_only:
            return
        self.ctx.flush()
        self.ctx.do(ops.revert_clause, clause_id=clause_id)
        self.editor.load(self.ctx.project, clause_id, self.ctx.read_only)
        self._update_items()

    # -- findings → fields --------------------------------------------------------------

    def focus_field(self, address: str) -> bool:
        """``clause_choices:<id>.<attribute>``: select that clause; for an edited text
        (``custom_fr`` / ``custom_en``) open its editor. ``clause_choices``: the tree."""
        where = parse_address(address)
        if where.kind != "clause_choices":
            return super().focus_field(address)
        choice = self.ctx.project.find_row(ClauseChoice, where.row_id) if where.row_id is not None else None
        if choice is not None:
            self.select_clause(choice.clause_id)
        self.scroll_area.ensureWidgetVisible(self.tree)
        if choice is not None and where.attribute.startswith("custom_"):
            self.scroll_area.ensureWidgetVisible(self.editor)
            self.editor.show_language(where.attribute.removeprefix("custom_"))
        else:
            self.tree.setFocus()
        return True
