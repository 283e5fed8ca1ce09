"""§2.4 Criteria: mandatory (pass/fail) and optional (one point each), pass threshold."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from wizard.core.i18n import N_, _
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.table_editor import Column


def points_needed(threshold_pct: int, optional_count: int) -> int:
    """ceil(threshold % × optional criteria), in integers (K12: 70 % of 60 = 42)."""
    return (threshold_pct * optional_count + 99) // 100


class CriteriaPage(StepPage):
    STEP = Step.CRITERIA
    HELP = N_(
        "Criteria come from the market scan, never from one product. A mandatory "
        "criterion eliminates; if fewer than two known solutions meet it, it targets a "
        "vendor in disguise. Name no brand: describe the function or cite an open "
        "standard. Optional criteria are worth one point each, and the pass threshold "
        "should be at least 70 %."
    )

    def build(self) -> None:
        form = self.group(N_("Criteria"))
        self.table(
            form,
            "criteria",
            [
                Column("text", N_("Criterion"), stretch=True),
                Column("category", N_("Category")),
                Column("kind", N_("Kind")),
                Column("verification", N_("Verification")),
            ],
            lines=10,
        )
        self.tables["criteria"].rows_changed.connect(self.load_extra)
        form = self.group(N_("Pass threshold for optional criteria"))
        self.row(form, N_("Threshold"), self.binder.spin("criteria_settings", "pass_threshold_pct", 0, 100, " %"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        form = self.group(N_("Other brand names to detect"))
        self.table(form, "extra_brands", [Column("name", N_("Brand, product or vendor"), stretch=True)], lines=2)

    def load_extra(self) -> None:
        criteria = self.ctx.project.criteria
        optional = sum(1 for c in criteria if c.kind == "optional")
        mandatory = sum(1 for c in criteria if c.kind == "mandatory")
        needed = points_needed(self.ctx.project.criteria_settings.pass_threshold_pct, optional)
        self.summary.setText(
            _(
                "{mandatory} mandatory and {optional} optional criteria; a bid needs {needed} point(s) to pass.",
                mandatory=mandatory,
                optional=optional,
                needed=needed,
            )
        )

    def model_changed(self) -> None:
        self.load_extra()
