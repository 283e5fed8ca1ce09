"""*Tender ▸ Contract follow-up…* (issue 23, docs/contract.md): the signed contract at a
glance, its findings and the spending chart, and two forms to record a monthly
performance report and a payment. Each record goes through the core's operations
(``wizard/core/contract/operations.py``) with ``ctx.do``; the findings
(``checks/contract.py``) and the chart (``documents/spending_chart.py``) are computed
again after each one, as of the day in *As of*.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks.contract import check_contract
from wizard.core.contract import operations
from wizard.core.contract.follow_up import spending_by_year
from wizard.core.contract.record import FollowUp, follow_up
from wizard.core.documents.record_tco import money
from wizard.core.documents.spending_chart import spending_chart_png
from wizard.core.domain.price_form import price_form
from wizard.core.i18n import _, ui_language
from wizard.ui import dialogs

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext
    from wizard.ui.main_window import MainWindow


def show_contract(window: MainWindow) -> None:
    """*Contract follow-up…*: the dialog, or a message while no contract is signed."""
    ctx = window.ctx
    if ctx is None:
        return
    if follow_up(ctx.pf) is None:
        dialogs.show_info(
            window, _("Record the award with the date the contract was signed before following the contract.")
        )
        return
    ctx.flush()
    dialogs.run_dialog(ContractDialog(ctx, window))


class ContractDialog(QDialog):
    """The follow-up of the open project's contract (module docstring)."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("contract-dialog")
        self.setWindowTitle(_("Contract follow-up"))
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("contract-summary")
        self.summary.setWordWrap(True)
        left.addWidget(self.summary)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("As of (YYYY-MM-DD)")))
        self.as_of = QLineEdit(dt.date.today().isoformat())
        self.as_of.setObjectName("as-of")
        self.as_of.editingFinished.connect(self.refresh)
        row.addWidget(self.as_of)
        left.addLayout(row)
        left.addWidget(QLabel(_("Findings")))
        self.findings = QListWidget()
        self.findings.setObjectName("contract-findings")
        self.findings.setWordWrap(True)
        left.addWidget(self.findings, 1)
        self.chart = QLabel()
        self.chart.setObjectName("spending-chart")
        self.chart.setMinimumSize(480, 290)
        left.addWidget(self.chart)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        report = QGroupBox(_("Record a monthly performance report"))
        form = QFormLayout(report)
        self.period = QLineEdit()
        self.period.setObjectName("report-period")
        self.period.setPlaceholderText(_("YYYY-MM"))
        self.received_on = QLineEdit()
        self.received_on.setObjectName("report-received")
        self.received_on.setPlaceholderText(_("YYYY-MM-DD"))
        self.availability = QLineEdit()
        self.availability.setObjectName("report-availability")
        form.addRow(_("Month"), self.period)
        form.addRow(_("Received on"), self.received_on)
        form.addRow(_("Availability measured (%)"), self.availability)
        self.report_button = QPushButton(_("Record the report"))
        self.report_button.clicked.connect(self.add_report)
        form.addRow(self.report_button)
        right.addWidget(report)

        payment = QGroupBox(_("Record a payment"))
        grid = QGridLayout(payment)
        self.paid_on = QLineEdit()
        self.paid_on.setObjectName("payment-date")
        self.paid_on.setPlaceholderText(_("YYYY-MM-DD"))
        self.invoice = QLineEdit()
        self.invoice.setObjectName("payment-invoice")
        self.amount = QLineEdit()
        self.amount.setObjectName("payment-amount")
        self.credit = QLineEdit()
        self.credit.setObjectName("payment-credit")
        self.line = QComboBox()
        self.line.setObjectName("payment-line")
        self.line.addItem(_("(no line)"), "")
        for item in price_form(ctx.project).lines:
            self.line.addItem(item.key, item.key)
        self.quantity = QLineEdit()
        self.quantity.setObjectName("payment-quantity")
        self.unit_price = QLineEdit()
        self.unit_price.setObjectName("payment-unit-price")
        rows = [
            (_("Paid on"), self.paid_on),
            (_("Invoice"), self.invoice),
            (_("Amount paid, before taxes ($)"), self.amount),
            (_("Service credit deducted ($)"), self.credit),
            (_("Price form line"), self.line),
            (_("Quantity"), self.quantity),
            (_("Unit price ($)"), self.unit_price),
        ]
        for n, (label, widget) in enumerate(rows):
            grid.addWidget(QLabel(label), n, 0)
            grid.addWidget(widget, n, 1)
        self.payment_button = QPushButton(_("Record the payment"))
        self.payment_button.clicked.connect(self.add_payment)
        grid.addWidget(self.payment_button, len(rows), 0, 1, 2)
        right.addWidget(payment)
        right.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        outer.addLayout(right, 2)
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().lineSpacing() * 40)
        self.refresh()

    # -- showing ------------------------------------------------------------------

    def follow(self) -> FollowUp | None:
        return follow_up(self.ctx.pf)

    def refresh(self) -> None:
        found = self.follow()
        if found is None:
            return
        lang = ui_language()
        c = found.contract
        self.summary.setText(
            _(
                "{supplier}: contract signed on {signed}; value as amended {value}; paid so far {paid}.",
                supplier=c.supplier,
                signed=c.signed_on,
                value=money(c.current_value, lang) if c.current_value is not None else "—",
                paid=money(c.paid, lang),
            )
        )
        self.findings.clear()
        for f in check_contract(self.ctx.project, c, self.as_of.text().strip(), found.rates):
            self.findings.addItem(f"{f.code} — {f.message(lang)}")
        if self.findings.count() == 0:
            self.findings.addItem(_("No finding on the contract's follow-up."))
        years = spending_by_year(self.ctx.project, c, found.yearly)
        pixmap = QPixmap()
        pixmap.loadFromData(spending_chart_png(years, lang, width_cm=13.0, dpi=96), "PNG")
        self.chart.setPixmap(pixmap)
        self.report_button.setEnabled(not self.ctx.read_only)
        self.payment_button.setEnabled(not self.ctx.read_only)

    # -- recording ----------------------------------------------------------------

    def add_report(self) -> None:
        done = self.ctx.do(
            operations.add_report,
            period=self.period.text(),
            received_on=self.received_on.text(),
            availability_pct=self.availability.text(),
        )
        if done is not None:
            for edit in (self.period, self.received_on, self.availability):
                edit.clear()
        self.refresh()

    def add_payment(self) -> None:
        done = self.ctx.do(
            operations.add_payment,
            paid_on=self.paid_on.text(),
            amount=self.amount.text(),
            invoice_number=self.invoice.text(),
            credit=self.credit.text(),
            line_key=self.line.currentData() or "",
            quantity=self.quantity.text(),
            unit_price=self.unit_price.text(),
        )
        if done is not None:
            for edit in (
                self.paid_on,
                self.amount,
                self.invoice,
                self.credit,
                self.quantity,
                self.unit_price,
            ):
                edit.clear()
            self.line.setCurrentIndex(0)
        self.refresh()
