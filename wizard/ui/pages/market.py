"""§2.3 Market scan (neutral): solutions, features and standards, the support matrix."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QLabel

from wizard.core.i18n import N_, _
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.matrix import SupportMatrix
from wizard.ui.widgets.table_editor import Column

log = logging.getLogger(__name__)


def summary_text(project: Any) -> str:
    """Common features, differentiators and under-performing solutions (core market)."""
    from wizard.core import market

    summary = market.summarize(project)
    names = {f.id: f.name or "…" for f in project.features}
    solutions = {s.id: s.name or "…" for s in project.solutions}
    return _(
        "{solutions} solution(s) scanned. Common features (≥ {threshold} %), candidate mandatory "
        "criteria: {common}. Differentiators, candidate optional criteria: {other}. "
        "Under-performing solutions: {weak}.",
        solutions=summary.solutions,
        threshold=project.market.common_threshold_pct,
        common=", ".join(names[i] for i in summary.common if i in names) or "—",
        other=", ".join(names[i] for i in summary.differentiators if i in names) or "—",
        weak=", ".join(solutions[i] for i in summary.underperforming if i in solutions) or "—",
    )


class MarketPage(StepPage):
    STEP = Step.MARKET
    HELP = N_(
        "Scan the market neutrally before writing criteria: at least three solutions, "
        "open source included, described from public documentation or source code rather "
        "than from demos or vendor meetings. Features most solutions share become "
        "mandatory criteria; the others can earn points."
    )

    def build(self) -> None:
        form = self.group(N_("Solutions found"))
        self.table(
            form,
            "solutions",
            [
                Column("name", N_("Solution"), stretch=True),
                Column("vendor", N_("Vendor")),
                Column("licence", N_("Licence")),
                Column("delivery", N_("Delivery")),
                Column("hosting_in_canada", N_("Hosting in Canada")),
                Column("source", N_("Information source")),
                Column("notes", N_("Notes"), stretch=True),
            ],
            lines=5,
        )
        form = self.group(N_("Features and standards"))
        self.table(
            form,
            "features",
            [
                Column("name", N_("Feature or standard"), stretch=True),
                Column("kind", N_("Kind")),
                Column("description", N_("Description"), stretch=True),
            ],
            lines=5,
        )
        form = self.group(N_("Who supports what"))
        self.note(form, N_("Double-click a cell to choose yes, partial, no or unknown."))
        self.matrix = SupportMatrix(self.ctx)
        form.addRow(self.matrix)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        form = self.group(N_("Thresholds"))
        self.row(form, N_("Common feature: supported by at least"), self.binder.spin("market", "common_threshold_pct", 1, 100, " %"))
        self.row(form, N_("Under-performing solution: supports less than"), self.binder.spin("market", "underperforming_pct", 1, 100, " %"))
        for kind in ("solutions", "features"):
            self.tables[kind].rows_changed.connect(self.matrix.reload)
        self.matrix.cell_saved.connect(self.load_summary)

    def load_extra(self) -> None:
        self.matrix.reload()
        self.load_summary()

    def load_summary(self) -> None:
        try:
            self.summary.setText(summary_text(self.ctx.project))
        except Exception:  # a faulty computation must not break editing
            log.warning("market summary failed", exc_info=True)
            self.summary.setText("")

    def model_changed(self) -> None:
        self.load_summary()
