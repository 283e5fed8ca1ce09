"""Review and export: findings of every step by severity, completion per step,
the scorecard of the guide's practices (core ``scorecard``), and the export of the
tender, decision record and open data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem

from wizard.core.checks import Finding, justified_findings, open_findings
from wizard.core.domain.scorecard import FAMILIES, scorecard
from wizard.core.i18n import N_, _, ui_language
from wizard.core.i18n.labels import severity_label
from wizard.core.steps import STEPS, Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.icons import STATUS_ICONS, icon
from wizard.ui.widgets.step_list import step_state
from wizard.ui.widgets.wrap import wrap_lines

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
        self.steps.setColumnCount(4)
        self.steps.setMinimumHeight(self.steps.fontMetrics().lineSpacing() * 13)
        form.addRow(self.steps)
        form = self.group(N_("Findings by severity"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("review-findings")
        self.tree.setHeaderHidden(True)
        wrap_lines(self.tree)
        self.tree.setMinimumHeight(self.tree.fontMetrics().lineSpacing() * 12)
        self.tree.itemClicked.connect(self._clicked)
        form.addRow(self.tree)
        form = self.group(N_("Scorecard of the guide's practices"))
        self.scorecard = QTreeWidget()
        self.scorecard.setObjectName("review-scorecard")
        self.scorecard.setColumnCount(3)
        wrap_lines(self.scorecard)
        self.scorecard.setMinimumHeight(self.scorecard.fontMetrics().lineSpacing() * 16)
        self.scorecard.itemClicked.connect(self._clicked)
        form.addRow(self.scorecard)
        form = self.group(N_("Export"))
        form.addRow(
            self.binder.check(
                "export", "include_personal_names", N_("Include personal names in the open data")
            )
        )
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.texts.add(self.export_button.setText, N_("Export the tender, decision record and open data…"))
        self.export_button.clicked.connect(self.export_requested)
        form.addRow(self.export_button)
        self.findings.hide()

    def load_extra(self) -> None:
        project, found = self.ctx.project, self.ctx.findings()
        self._load_steps(found)
        self.tree.clear()
        still = open_findings(project, found)
        for severity in ("error", "warning", "info"):
            group = [f for f in still if f.severity.value == severity]
            top = QTreeWidgetItem(self.tree, [f"{severity_label(severity, ui_language())} ({len(group)})"])
            top.setIcon(0, icon(severity))
            self._add_findings(top, group)
        justified = justified_findings(project, found)
        if justified:
            top = QTreeWidgetItem(self.tree, [_("Marked justified ({count})", count=len(justified))])
            self._add_findings(top, justified, greyed=True)
        self._load_scorecard(found)

    def _load_steps(self, found: list[Finding]) -> None:
        project = self.ctx.project
        self.steps.clear()
        self.steps.setHeaderLabels([_("Step"), _("Done"), _("Open findings"), _("Justified")])
        for step in Step:
            if step == Step.REVIEW:
                continue
            state = step_state(project, found, step)
            row = [
                _(STEPS[step].title),
                _("Yes") if state.done else _("No"),
                str(state.open),
                str(state.justified),
            ]
            item = QTreeWidgetItem(self.steps, row)
            item.setIcon(0, icon(state.kind))
            item.setToolTip(0, state.summary())
        for column in range(4):
            self.steps.resizeColumnToContents(column)

    def _add_findings(self, top: QTreeWidgetItem, group: list[Finding], greyed: bool = False) -> None:
        lang = ui_language()
        for f in group:
            child = QTreeWidgetItem(top, [f"{_(STEPS[f.step].title)} — {f.message(lang)}"])
            child.setIcon(0, icon(f.severity.value))
            child.setData(0, FIELD_ROLE, f.field)
            principle = f.principle_text(lang)
            child.setToolTip(0, f.message(lang) + ("\n\n" + principle if principle else ""))
            if greyed:
                child.setForeground(
                    0, self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                )
        top.setExpanded(True)

    def _load_scorecard(self, found: list[Finding]) -> None:
        lang = ui_language()
        practices = scorecard(self.ctx.project, found)
        self.scorecard.clear()
        self.scorecard.setHeaderLabels([_("Practice"), _("Status"), _("What the project does")])
        for family, title in FAMILIES.items():
            group = [p for p in practices if p.family == family]
            problems = sum(1 for p in group if p.status in ("attention", "problem"))
            top = QTreeWidgetItem(
                self.scorecard, [_(title), _("{count} to review", count=problems) if problems else ""]
            )
            for practice in group:
                child = QTreeWidgetItem(
                    top, [_(practice.title), practice.status_text(lang), practice.action_text(lang)]
                )
                child.setIcon(1, icon(STATUS_ICONS.get(practice.status, "none")))
                child.setToolTip(0, _(practice.title))
                child.setToolTip(2, practice.action_text(lang))
                child.setData(0, FIELD_ROLE, practice.field)
            top.setExpanded(True)
        self.scorecard.setColumnWidth(0, self.scorecard.fontMetrics().averageCharWidth() * 38)
        self.scorecard.setColumnWidth(1, self.scorecard.fontMetrics().averageCharWidth() * 16)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        address = item.data(0, FIELD_ROLE)
        if address:
            self.focus_requested.emit(address)

    def model_changed(self) -> None:
        self.load_extra()
