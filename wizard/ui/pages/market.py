"""Market scan (neutral): solutions, features and standards, the support matrix,
its CSV import and export (towns share their scans)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from wizard.core import ops
from wizard.core.domain import matrix_csv
from wizard.core.export import export_matrix_csv
from wizard.core.i18n import N_, Plural, _, n_, ui_language
from wizard.core.i18n.os_errors import os_reason
from wizard.core.steps import Step
from wizard.ui import dialogs
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.matrix import SupportMatrix
from wizard.ui.widgets.table_editor import Column

log = logging.getLogger(__name__)


def summary_text(project: Any) -> str:
    """Common features, differentiators and under-performing solutions (core market)."""
    from wizard.core.domain import market

    summary = market.summarize(project)
    names = {f.id: f.name or "…" for f in project.features}
    solutions = {s.id: s.name or "…" for s in project.solutions}
    return n_(
        "{count} solution scanned. Common features (≥ {threshold}%), candidate mandatory "
        "criteria: {common}. Differentiators, candidate optional criteria: {other}. "
        "Under-performing solutions: {weak}.",
        "{count} solutions scanned. Common features (≥ {threshold}%), candidate mandatory "
        "criteria: {common}. Differentiators, candidate optional criteria: {other}. "
        "Under-performing solutions: {weak}.",
        summary.solutions,
        threshold=project.market.common_threshold_pct,
        common=", ".join(names[i] for i in summary.common if i in names) or "—",
        other=", ".join(names[i] for i in summary.differentiators if i in names) or "—",
        weak=", ".join(solutions[i] for i in summary.underperforming if i in solutions) or "—",
    )


def import_message(summary: matrix_csv.ImportSummary) -> str:
    return _(
        "Matrix imported: {solutions}, {features}, {updated}, {cells}.",
        solutions=Plural("{count} new solution", "{count} new solutions", summary.new_solutions),
        features=Plural(
            "{count} new feature or standard", "{count} new features or standards", summary.new_features
        ),
        updated=Plural("{count} solution updated", "{count} solutions updated", summary.updated_solutions),
        cells=Plural("{count} cell changed", "{count} cells changed", summary.changed_cells),
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
                Column("name", N_("Solution"), width=18),
                Column("vendor", N_("Vendor"), width=18),
                Column("licence", N_("Licence")),
                Column("delivery", N_("Delivery")),
                Column("hosting_in_canada", N_("In Canada"), tip=N_("Hosting in Canada")),
                Column("source", N_("Source"), tip=N_("Information source"), width=18),
                Column("notes", N_("Notes"), stretch=True, min_chars=24),
            ],
            lines=5,
            rows=5,
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
            rows=6,
        )
        form = self.group(N_("Who supports what"))
        self.note(
            form,
            N_(
                "Click a cell to change it: unknown, yes, partial, no. Keys: Y or O yes, P partial, "
                "N no, U unknown. Common features are in bold, under-performing solutions in italics."
            ),
        )
        self.matrix = SupportMatrix(self.ctx)
        form.addRow(self.matrix)
        form.addRow(self._csv_buttons())
        self.summary = QLabel()
        self.summary.setObjectName("market.summary")
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        form = self.group(N_("Thresholds"))
        self.row(
            form,
            N_("Common feature: supported by at least"),
            self.binder.spin("market", "common_threshold_pct", 1, 100, " %"),
        )
        self.row(
            form,
            N_("Under-performing solution: supports less than"),
            self.binder.spin("market", "underperforming_pct", 1, 100, " %"),
        )
        for kind in ("solutions", "features"):
            self.tables[kind].rows_changed.connect(self.matrix.reload)

    def _csv_buttons(self) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.import_button, self.export_button = QPushButton(), QPushButton()
        self.texts.add(self.import_button.setText, N_("Import the matrix (CSV)…"))
        self.texts.add(self.export_button.setText, N_("Export the matrix (CSV)…"))
        self.import_button.clicked.connect(self.import_csv)
        self.export_button.clicked.connect(self.export_csv)
        layout.addWidget(self.import_button)
        layout.addWidget(self.export_button)
        layout.addStretch(1)
        return box

    def load_extra(self) -> None:
        self.matrix.reload()
        self.import_button.setEnabled(not self.ctx.read_only)
        self.load_summary()

    def load_summary(self) -> None:
        try:
            self.summary.setText(summary_text(self.ctx.project))
        except Exception:  # a faulty computation must not break editing
            log.warning("market summary failed", exc_info=True)
            self.summary.setText("")

    def model_changed(self) -> None:
        self.load_summary()

    # -- CSV ----------------------------------------------------------------------------

    def export_csv(self) -> None:
        """Write the matrix to a CSV file the user names (Cancel: nothing)."""
        name = (self.ctx.pf.path.stem or _("market-scan")) + "-" + _("matrix") + ".csv"
        path = dialogs.ask_save_path(self, _("Export the matrix (CSV)"), ".csv", name)
        if path is None:
            return
        try:
            export_matrix_csv(self.ctx.project, path)
        except OSError as exc:
            dialogs.show_error(
                self, _("The file could not be written:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
            )
            return
        dialogs.show_info(self, _("Matrix exported to {path}.", path=str(path)))

    def import_csv(self) -> None:
        """Merge a CSV matrix into the scan: all of it, or nothing with a clear message."""
        path = dialogs.ask_open_path(self, _("Import the matrix (CSV)"), ".csv")
        if path is None:
            return
        try:
            table = matrix_csv.parse_matrix(path.read_bytes())
        except OSError as exc:
            dialogs.show_error(
                self, _("The file could not be read:") + f"\n{path}\n{os_reason(exc).text(ui_language())}"
            )
            return
        except matrix_csv.MatrixCsvError as exc:
            dialogs.show_error(self, _("Nothing was imported.") + "\n" + exc.message(ui_language()))
            return
        self.ctx.flush()
        summary = self.ctx.do(ops.merge_matrix, table=table)
        self.load()
        if summary is not None:
            dialogs.show_info(self, import_message(summary))
