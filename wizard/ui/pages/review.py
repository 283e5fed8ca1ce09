"""§2.10 Review and export: findings of every step by severity, completion per step,
and the export of the tender, decision record and open data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem

from wizard.core.i18n import N_, _, ui_language
from wizard.core.steps import TITLES, Step, completion
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.findings_panel import SEVERITY_LABELS

FIELD_ROLE = Qt.ItemDataRole.UserRole


class ReviewPage(StepPage):
    STEP = Step.REVIEW
    HELP = N_(
        "Read the findings before sending the tender to the town's lawyers. Errors are "
        "practices the guide forbids; warnings are risks; information points to good "
        "practice. Nothing blocks you: fix a finding, or mark it justified with a reason "
        "that goes in the decision record."
    )
    export_requested = Signal()

    def build(self) -> None:
        form = self.group(N_("Completion of the steps"))
        self.steps = QTreeWidget()
        self.steps.setObjectName("review-steps")
        self.steps.setRootIsDecorated(False)
        self.steps.setColumnCount(3)
        self.steps.setMinimumHeight(self.steps.fontMetrics().lineSpacing() * 13)
        form.addRow(self.steps)
        form = self.group(N_("Findings by severity"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("review-findings")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setMinimumHeight(self.tree.fontMetrics().lineSpacing() * 12)
        self.tree.itemClicked.connect(self._clicked)
        form.addRow(self.tree)
        form = self.group(N_("Export"))
        form.addRow(self.binder.check("export", "include_personal_names", N_("Include personal names in the open data")))
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.texts.add(self.export_button.setText, N_("Export the tender, decision record and open data…"))
        self.export_button.clicked.connect(self.export_requested)
        form.addRow(self.export_button)
        self.findings.hide()

    def load_extra(self) -> None:
        project, found = self.ctx.project, self.ctx.findings()
        self.steps.clear()
        self.steps.setHeaderLabels([_("Step"), _("Done"), _("Findings")])
        for step in Step:
            if step == Step.REVIEW:
                continue
            count = sum(1 for f in found if f.step == step)
            done = "✓" if completion(project, step) else "—"
            QTreeWidgetItem(self.steps, [_(TITLES[step]), done, str(count)])
        for column in range(3):
            self.steps.resizeColumnToContents(column)
        self.tree.clear()
        for severity in ("error", "warning", "info"):
            group = [f for f in found if f.severity.value == severity]
            top = QTreeWidgetItem(self.tree, [f"{_(SEVERITY_LABELS[severity])} ({len(group)})"])
            for f in group:
                mark = " " + _("(justified)") if f.is_justified(project) else ""
                child = QTreeWidgetItem(top, [f"{_(TITLES[f.step])} — {f.message(ui_language())}{mark}"])
                child.setData(0, FIELD_ROLE, f.field)
                child.setToolTip(0, f.principle_text(ui_language()))
            top.setExpanded(True)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        address = item.data(0, FIELD_ROLE)
        if address:
            self.focus_requested.emit(address)

    def model_changed(self) -> None:
        self.load_extra()
