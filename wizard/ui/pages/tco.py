"""§2.7 Total cost of ownership: options, cost lines, horizon, discount rate, totals."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtWidgets import QLabel

from wizard.core.i18n import N_, _
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.table_editor import Column

log = logging.getLogger(__name__)


class TcoPage(StepPage):
    STEP = Step.TCO
    HELP = N_(
        "Compare whole costs over the life of the system, not licence prices: "
        "implementation, migration, training, hosting, support, staff time, security "
        "reviews and the cost of leaving (data extraction, migration out, running two "
        "systems at once). Costs are in CAD before taxes; later years are discounted to "
        "today's dollars."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Settings"))
        self.row(form, N_("Horizon (years)"), b.spin("tco", "horizon_years", 1, 15))
        self.row(form, N_("Discount rate (% per year)"), b.decimal("tco", "discount_rate_pct"))
        form.addRow(b.check("tco", "include_taxes", N_("Show sales taxes apart from the pre-tax totals")))
        form = self.group(N_("Options compared"))
        options = self.table(
            form,
            "tco_options",
            [Column("name", N_("Option"), stretch=True), Column("description", N_("Description"), stretch=True)],
            lines=3,
        )
        form = self.group(N_("Cost lines (CAD, before taxes)"))
        self.table(
            form,
            "cost_lines",
            [
                Column("option_id", N_("Option"), choices=self._option_choices),
                Column("category", N_("Category")),
                Column("label", N_("Description"), stretch=True),
                Column("year", N_("First year"), high=15),
                Column("amount", N_("Amount")),
                Column("recurring", N_("Yearly")),
                Column("end_year", N_("Last year"), high=15),
                Column("escalation_pct", N_("Increase %")),
                Column("payer", N_("Paid by")),
            ],
            add_defaults=self._new_line,
            lines=6,
        )
        options.rows_changed.connect(self.tables["cost_lines"].reload)
        self.totals = QLabel()
        self.totals.setObjectName("tco-totals")
        self.totals.setWordWrap(True)
        form.addRow(self.totals)

    def _option_choices(self) -> list[tuple[Any, str]]:
        return [(o.id, o.name or "…") for o in self.ctx.project.tco_options]

    def _new_line(self) -> dict[str, Any] | None:
        from wizard.ui import dialogs

        options = self.ctx.project.tco_options
        if not options:
            dialogs.show_error(self, _("Add an option first (for example: on premises, or cloud)."))
            return None
        current = self.tables["tco_options"].current_id()
        return {"option_id": current if current is not None else options[0].id}

    def load_extra(self) -> None:
        self.totals.setText(totals_text(self.ctx.project))

    def model_changed(self) -> None:
        self.load_extra()


def totals_text(project: Any) -> str:
    """One line per option with its nominal total and NPV, when ``wizard.core.tco`` exists."""
    try:
        tco = importlib.import_module("wizard.core.tco")
        lines = []
        for result in tco.compute_tco(project):
            lines.append(
                _(
                    "{option}: {nominal} $ in total, net present value {npv} $",
                    option=result.name or "…",
                    nominal=f"{result.nominal:,.2f}",
                    npv=f"{result.npv:,.2f}",
                )
            )
        return "\n".join(lines)
    except Exception:  # the TCO module is optional while it is being written
        log.debug("TCO totals unavailable", exc_info=True)
        return ""
