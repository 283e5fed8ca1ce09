"""Total cost of ownership: options, cost lines, horizon, discount rate, totals."""

from __future__ import annotations

import logging
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel

from wizard.core.documents import record_tco
from wizard.core.documents.chart import cumulative_chart_png
from wizard.core.documents.html import table_html
from wizard.core.domain import tco
from wizard.core.i18n import N_, _, tr, ui_language
from wizard.core.model import Project, bounds
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.table_editor import Column

log = logging.getLogger(__name__)
CHART_DELAY_MS = 300  # redraw the chart once typing pauses
YEARS = bounds.int_range("cost_lines.year")  # the editors' ranges are the core's bounds
END_YEARS = bounds.int_range("cost_lines.end_year")


class TcoPage(StepPage):
    STEP = Step.TCO
    HELP = N_(
        "Compare whole costs over the life of the system, not licence prices: "
        "implementation, migration, training, hosting, support, staff time, security "
        "reviews and the cost of leaving (data extraction, migration out, running two "
        "systems at once). Costs are in CAD before taxes; sales taxes are shown apart. "
        "Later years are discounted to today's dollars at the end of each year; year 0 is "
        "not discounted. The default rate, 7% a year, is the real discount rate the "
        "Treasury Board of Canada Secretariat's Canadian Cost-Benefit Analysis Guide "
        "recommends; use your town's rate if its finance department sets one. "
        "The funding is what the decision record tells council: the source of funds, the "
        "budget available and the estimate (by default the TCO's: the total before taxes "
        "over the horizon of the option with the lowest net present value)."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Settings"))
        self.row(form, N_("Horizon (years)"), b.spin("tco", "horizon_years"))
        self.row(form, N_("Discount rate (% per year)"), b.decimal("tco", "discount_rate_pct"))
        form.addRow(b.check("tco", "include_taxes", N_("Show sales taxes apart from the pre-tax totals")))
        form = self.group(N_("Funding, as the decision record states it"))
        self.row(form, N_("Source of funds"), b.line("tco", "funding_source"))
        self.row(form, N_("Budget available (CAD)"), b.decimal("tco", "budget_cad"))
        self.row(form, N_("Estimate (CAD before taxes; 0 = the TCO's)"), b.decimal("tco", "estimate_cad"))
        form.addRow(
            b.check(
                "export",
                "name_compliant_products",
                N_("Name the scanned products that meet every mandatory criterion (after award only)"),
            )
        )
        form = self.group(N_("Options compared"))
        options = self.table(
            form,
            "tco_options",
            [
                Column("name", N_("Option"), stretch=True),
                Column("description", N_("Description"), stretch=True),
            ],
            lines=3,
        )
        form = self.group(N_("Cost lines (CAD, before taxes)"))
        self.table(
            form,
            "cost_lines",
            [
                Column("option_id", N_("Option"), choices=self._option_choices, width=32),
                Column("category", N_("Category"), width=16),
                Column("label", N_("Description"), stretch=True, min_chars=24),
                Column(
                    "year",
                    N_("From"),
                    low=YEARS[0],
                    high=YEARS[1],
                    tip=N_("First year paid (0 = at acquisition)"),
                ),
                Column("amount", N_("Amount"), tip=N_("Amount in CAD before taxes")),
                Column("recurring", N_("Yearly"), tip=N_("Paid every year from the first to the last year")),
                Column(
                    "end_year",
                    N_("To"),
                    low=END_YEARS[0],
                    high=END_YEARS[1],
                    tip=N_("Last year paid (0 = to the horizon)"),
                ),
                Column("escalation_pct", N_("+ %/yr"), tip=N_("Yearly increase, in %")),
                Column("payer", N_("Paid by"), width=14),
            ],
            add_defaults=self._new_line,
            lines=6,
            rows=6,
        )
        options.rows_changed.connect(self.tables["cost_lines"].reload)
        form = self.group(N_("Results"))
        self.totals = QLabel()
        self.totals.setObjectName("tco-totals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.totals)
        self.chart = QLabel()
        self.chart.setObjectName("tco-chart")
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addRow(self.chart)
        self.breakdown = QLabel()
        self.breakdown.setObjectName("tco-breakdown")
        self.breakdown.setWordWrap(True)  # long option names wrap in their header: no sideways scroll
        self.breakdown.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.breakdown)
        self.chart_png = b""
        self._chart_key: tuple[Any, ...] | None = None  # what the shown chart was drawn from
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(CHART_DELAY_MS)
        self._chart_timer.timeout.connect(self.refresh_chart)

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
        """Show the totals and schedule the chart. Called from ``showEvent`` (through
        ``model_changed``), so it never raises: the core bounds every number (docs/tco.md,
        "Bounds"), and should a computation still fail, the page says so and stays usable
        (an exception escaping a Qt event handler once crashed the next page change)."""
        project, lang = self.ctx.project, ui_language()
        try:
            results = tco.compute_tco(project)
            totals = totals_html(project, lang, results=results)
            breakdown = totals_html(project, lang, breakdown=True, results=results)
            key = chart_inputs(project, lang, results)
        except Exception:
            log.exception("TCO totals failed")
            self.totals.setText(
                escape(_("The totals cannot be computed. Check the amounts and rates above."))
            )
            self.breakdown.setText("")
            return
        self.totals.setText(totals)
        self.breakdown.setText(breakdown)
        if key != self._chart_key:
            self._chart_timer.start()  # an edit that changes no line of the chart redraws nothing

    def model_changed(self) -> None:
        self.load_extra()

    def refresh_chart(self) -> None:
        """Draw the cumulative cost chart (matplotlib, in the core) into its label."""
        if not self.isVisible():
            return  # drawn when the page is shown (initializePage → load_extra)
        project, lang = self.ctx.project, ui_language()
        try:
            key = chart_inputs(project, lang, tco.compute_tco(project))
            if key == self._chart_key:
                return
            png = cumulative_chart_png(project, lang, width_cm=15.0, dpi=96)
        except Exception:  # a chart must never take the page down
            log.exception("TCO chart failed")
            return
        self._chart_key = key
        if png == self.chart_png:
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.chart_png = png
        self.chart.setPixmap(pixmap)


def chart_inputs(project: Project, lang: str, results: list[tco.OptionTco]) -> tuple[Any, ...]:
    """Everything :func:`~wizard.core.documents.chart.cumulative_chart_png` draws: the language,
    the horizon and each option's name and cumulative costs (``results`` of
    ``tco.compute_tco(project)``). Equal inputs give the same picture."""
    return lang, tco.horizon_of(project), tuple((r.name, tuple(r.cumulative)) for r in results)


def totals_html(
    project: Project, lang: str, breakdown: bool = False, results: list[tco.OptionTco] | None = None
) -> str:
    """The TCO results as HTML in ``lang``: totals per option (nominal, NPV, taxes apart),
    or with ``breakdown`` the totals by category and by payer; '' when there is no option.
    ``results`` are ``tco.compute_tco(project)`` when the caller already has them."""
    if results is None:
        results = tco.compute_tco(project)
    if not results:
        return ""
    parts = (
        [
            (N_("Cost by category"), record_tco.breakdown_table(results, lang, "category")),
            (N_("Cost by budget that pays"), record_tco.breakdown_table(results, lang, "payer")),
        ]
        if breakdown
        else [(N_("Totals by option (CAD)"), record_tco.totals_table(project, results, lang))]
    )
    return "".join(f"<p><b>{escape(tr(title, lang))}</b></p>{table_html(table)}" for title, table in parts)
