"""The live findings of a step (or of all steps, on the review page; docs/checks.md).

Clicking a finding asks to focus the field it points at (:attr:`FindingsPanel.focus_field`);
"Mark justified…" asks a written reason and keeps it in the project
(``justifications``), which the decision record lists. Justified findings are listed
after the open ones, greyed.

On a possible product name's warning (C-POSSIBLE-BRAND, S-POSSIBLE-BRAND), "Add to the
brand list" adds the name(s) it detected to the project's own brand names
(``ops.add_brand_names``, undone as one action): the town knows that "Zorbex" is a
product when no shape rule can, and the check then reports it as a brand everywhere.
The problem statement has no warning of its own for such a name: the problem check
counts a possible name as a brand (P-SOLUTION, P-INCUMBENT), so the same button shows on
those two findings while the name they are about is one no list holds yet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from wizard.core import ops
from wizard.core.checks import Finding, justified_findings, open_findings
from wizard.core.checks.lint import detected_names
from wizard.core.checks.problem import unlisted_names_of
from wizard.core.i18n import N_, _, ui_language
from wizard.core.i18n.labels import severity_label
from wizard.core.model import Project
from wizard.core.steps import Step
from wizard.ui.context import ProjectContext
from wizard.ui.widgets.icons import icon
from wizard.ui.widgets.texts import Texts

FINDING_ROLE = Qt.ItemDataRole.UserRole
ICON_ROLE = Qt.ItemDataRole.UserRole + 1  # the icon kind shown ("error", "warning", "info")
POSSIBLE_BRAND_CODES = frozenset({"C-POSSIBLE-BRAND", "S-POSSIBLE-BRAND"})  # "Add to the brand list"


def names_to_add(f: Finding | None, project: Project) -> list[str]:
    """The names "Add to the brand list" would add for ``f``: those a possible-brand
    warning detected, or the possible names a problem statement's P-SOLUTION or
    P-INCUMBENT is about (``problem.unlisted_names_of``); [] for any other finding."""
    if f is None:
        return []
    if f.code in POSSIBLE_BRAND_CODES:
        return detected_names(f)
    return unlisted_names_of(f, project)


def finding_text(f: Finding, justified: bool) -> str:
    """One line: severity, message, and "(justified)" when it is. The severity icon
    (:func:`finding_item`) comes from the style, never from a font glyph."""
    severity = severity_label(f.severity.value, ui_language())
    text = _("{severity}: {message}", severity=severity, message=f.message(ui_language()))
    return text + (" " + _("(justified)") if justified else "")


def finding_item(f: Finding, justified: bool) -> QListWidgetItem:
    """A list item for ``f``: severity icon, text, guide principle as tooltip; a
    justified finding is greyed."""
    item = QListWidgetItem(icon(f.severity.value), finding_text(f, justified))
    item.setData(FINDING_ROLE, f)
    item.setData(ICON_ROLE, f.severity.value)
    item.setToolTip(f.principle_text(ui_language()))
    if justified:
        item.setForeground(QPalette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
    return item


class FindingsPanel(QWidget):
    """Findings of ``step`` (all steps when ``None``), refreshed by :meth:`refresh`."""

    focus_field = Signal(str)
    brands_added = Signal()  # "Add to the brand list" saved names: the page shows them again

    def __init__(self, ctx: ProjectContext, step: Step | None, texts: Texts) -> None:
        super().__init__()
        self.ctx, self.step = ctx, step
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        texts.add(self.title.setText, N_("Findings"))
        self.title.setStyleSheet("font-weight: bold")
        self.list = QListWidget()
        self.list.setObjectName("findings")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._clicked)
        self.list.currentItemChanged.connect(lambda *_a: self._show_principle())
        self.principle = QLabel()
        self.principle.setWordWrap(True)
        self.principle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.justify_button = QPushButton()
        texts.add(self.justify_button.setText, N_("Mark justified…"))
        self.justify_button.clicked.connect(self.justify_current)
        self.brand_button = QPushButton()
        self.brand_button.setObjectName("add_brand")
        texts.add(self.brand_button.setText, N_("Add to the brand list"))
        self.brand_button.clicked.connect(self.add_current_brands)
        self.brand_button.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.principle)
        layout.addWidget(self.justify_button)
        layout.addWidget(self.brand_button)

    def findings(self) -> list[Finding]:
        found = self.ctx.findings()
        return [f for f in found if f.step == self.step] if self.step is not None else list(found)

    def refresh(self) -> None:
        """Show the current findings (keeps the selection when it still exists)."""
        current = self.current()
        self.list.clear()
        project = self.ctx.project
        found = self.findings()
        shown = [(f, False) for f in open_findings(project, found)]
        shown += [(f, True) for f in justified_findings(project, found)]  # apart, at the end
        for f, justified in shown:
            item = finding_item(f, justified)
            self.list.addItem(item)
            if f == current:
                self.list.setCurrentItem(item)
        if not self.list.count():
            empty = QListWidgetItem(_("No findings for now."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._show_principle()

    def current(self) -> Finding | None:
        item = self.list.currentItem()
        data = item.data(FINDING_ROLE) if item is not None else None
        return data if isinstance(data, Finding) else None

    def _show_principle(self) -> None:
        f = self.current()
        text = f.principle_text(ui_language()) if f else ""
        self.principle.setText(_("Guide principle: {principle}", principle=text) if text else "")
        self.justify_button.setEnabled(f is not None and not self.ctx.read_only)
        names = names_to_add(f, self.ctx.project)
        self.brand_button.setVisible(bool(names))
        self.brand_button.setEnabled(bool(names) and not self.ctx.read_only)
        self.brand_button.setToolTip(
            _(
                "Add {names} to the project's own brand names (Criteria step): the brand check then "
                "reports each as a brand name in every text.",
                names=", ".join(names),
            )
            if names
            else ""
        )

    def _clicked(self, item: QListWidgetItem) -> None:
        f = item.data(FINDING_ROLE)
        if isinstance(f, Finding):
            self.focus_field.emit(f.field)

    def justify_current(self) -> None:
        """Ask a reason and record the selected finding as justified."""
        from wizard.ui import dialogs

        f = self.current()
        if f is None or self.ctx.read_only:
            return
        reason = dialogs.ask_text(
            self,
            _("Mark justified"),
            _("Why is this finding justified? The reason goes in the decision record."),
        )
        if reason is None:
            return
        self.ctx.do(ops.justify_finding, code=f.code, field=f.field, reason=reason)

    def add_current_brands(self) -> None:
        """Add the names the selected possible-brand warning detected to the project's
        extra brand names (one undoable action); a name the check never finds is
        refused with the domain's message, nothing added (``ProjectContext.do``)."""
        names = names_to_add(self.current(), self.ctx.project)
        if not names or self.ctx.read_only:
            return
        self.ctx.flush()
        if self.ctx.do(ops.add_brand_names, names=names) is not None:
            self.brands_added.emit()
