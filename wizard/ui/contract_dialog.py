"""*Tender ▸ Contract follow-up…* (issue 23, docs/contract.md): the signed contract at a
glance, its findings and the spending chart, and one tab for each thing the follow-up
records: a monthly performance report, a payment, an amendment, an incident and its
notice, and the contract's terms (the start, the initial term, the renewals exercised,
the Town's share for amendments, the days a report is due, the monthly fee). Each
record is one core operation (``wizard/core/contract/operations.py``) run with
``ctx.do``: a refusal shows the core's message in the app's language and leaves what
was typed in place; after a record the findings (``checks/contract.py``) and the chart
(``documents/spending_chart.py``) are computed again, as of the day in *As of* (blank:
today, or the latest entry when later, ``contract.follow_up.as_of``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wizard.core.checks.contract import check_contract
from wizard.core.contract import ContractError, operations
from wizard.core.contract.entries import AMENDMENT, INCIDENT, PAYMENT, REPORT
from wizard.core.contract.follow_up import as_of, given_day, spending_by_year, standing
from wizard.core.contract.record import SEVERITIES, FollowUp, day, follow_up, local_moment
from wizard.core.documents.evaluation_common import moment
from wizard.core.documents.follow_up import SEVERITY_LABELS
from wizard.core.documents.record_tco import money
from wizard.core.documents.spending_chart import spending_chart_png
from wizard.core.domain.price_form import price_form
from wizard.core.domain.timezones import zone_of
from wizard.core.i18n import _, n_, tr, ui_language
from wizard.core.opendata.milestones import local_zone
from wizard.ui import dialogs
from wizard.ui.widgets.fields import parse_decimal

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext
    from wizard.ui.main_window import MainWindow

MOMENT_HINT = "2027-07-19 07:40"
"""The placeholder of an incident's moments: a date and a time on the Town's clock (an
offset from UTC may be typed too)."""


def today() -> dt.date:
    """The clock's day, the default of *As of* (a function: tests set the day)."""
    return dt.date.today()


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


def _form(tabs: QTabWidget, title: str, name: str) -> QFormLayout:
    page = QWidget()
    page.setObjectName(name)
    form = QFormLayout(page)
    tabs.addTab(page, title)
    return form


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
        self.as_of = QLineEdit()
        self.as_of.setObjectName("as-of")
        self.as_of.setPlaceholderText(_("today"))
        self.as_of.editingFinished.connect(self.refresh)
        row.addWidget(self.as_of)
        left.addLayout(row)
        self.findings_title = QLabel(_("Findings"))
        self.findings_title.setObjectName("findings-title")
        left.addWidget(self.findings_title)
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
        self.tabs = QTabWidget()
        self.tabs.setObjectName("contract-tabs")
        self._report_tab()
        self._payment_tab()
        self._amendment_tab()
        self._incident_tab()
        self._terms_tab()
        right.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        right.addWidget(buttons)
        outer.addLayout(right, 2)
        self.resize(self.fontMetrics().averageCharWidth() * 150, self.fontMetrics().lineSpacing() * 40)
        self.fill_terms()
        self.refresh()

    # -- the tabs -----------------------------------------------------------------

    def _report_tab(self) -> None:
        form = _form(self.tabs, _("Report"), "report-tab")
        form.addRow(QLabel(_("Record a monthly performance report")))
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
        form.addRow(QLabel(_("Reports recorded")))
        self.report_list, self.report_remove = self._entries("report")
        form.addRow(self.report_list)
        form.addRow(self.report_remove)

    def _entries(self, kind: str) -> tuple[QListWidget, QPushButton]:
        """The list of the ``kind`` of entries recorded (each item's data its row id) and
        its *Remove* button (``operations.remove`` in one ``ctx.do``)."""
        entries = QListWidget()
        entries.setObjectName(f"{kind}-list")
        entries.setWordWrap(True)
        button = QPushButton(_("Remove the selected entry"))
        button.setObjectName(f"{kind}-remove")
        button.clicked.connect(lambda: self.remove(kind, entries))
        return entries, button

    def _payment_tab(self) -> None:
        page = QWidget()
        page.setObjectName("payment-tab")
        grid = QGridLayout(page)
        self.tabs.addTab(page, _("Payment"))
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
        for item in price_form(self.ctx.project).lines:
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
        grid.addWidget(QLabel(_("Record a payment")), 0, 0, 1, 2)
        for n, (label, widget) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label), n, 0)
            grid.addWidget(widget, n, 1)
        self.payment_button = QPushButton(_("Record the payment"))
        self.payment_button.clicked.connect(self.add_payment)
        grid.addWidget(self.payment_button, len(rows) + 1, 0, 1, 2)
        grid.addWidget(QLabel(_("Payments recorded")), len(rows) + 2, 0, 1, 2)
        self.payment_list, self.payment_remove = self._entries("payment")
        grid.addWidget(self.payment_list, len(rows) + 3, 0, 1, 2)
        grid.addWidget(self.payment_remove, len(rows) + 4, 0, 1, 2)
        grid.setRowStretch(len(rows) + 3, 1)

    def _amendment_tab(self) -> None:
        form = _form(self.tabs, _("Amendment"), "amendment-tab")
        form.addRow(QLabel(_("Record an amendment of the contract")))
        self.amended_on = QLineEdit()
        self.amended_on.setObjectName("amendment-date")
        self.amended_on.setPlaceholderText(_("YYYY-MM-DD"))
        self.reason = QLineEdit()
        self.reason.setObjectName("amendment-reason")
        self.value_change = QLineEdit()
        self.value_change.setObjectName("amendment-value")
        self.value_change.setPlaceholderText(_("negative for a reduction"))
        self.term_change = QSpinBox()
        self.term_change.setObjectName("amendment-months")
        self.term_change.setRange(-600, 600)
        form.addRow(_("Amended on"), self.amended_on)
        form.addRow(_("Reason for the amendment"), self.reason)
        form.addRow(_("Effect on the value ($)"), self.value_change)
        form.addRow(_("Effect on the term (months)"), self.term_change)
        self.amendment_button = QPushButton(_("Record the amendment"))
        self.amendment_button.clicked.connect(self.add_amendment)
        form.addRow(self.amendment_button)
        form.addRow(QLabel(_("Amendments recorded")))
        self.amendment_list, self.amendment_remove = self._entries("amendment")
        form.addRow(self.amendment_list)
        form.addRow(self.amendment_remove)

    def _incident_tab(self) -> None:
        form = _form(self.tabs, _("Incident"), "incident-tab")
        form.addRow(QLabel(_("Record an incident and its notice")))
        self.severity = QComboBox()
        self.severity.setObjectName("incident-severity")
        for severity in SEVERITIES:
            self.severity.addItem(_(SEVERITY_LABELS[severity]), severity)
        self.security = QCheckBox(_("Security incident (the contract requires a written notice)"))
        self.security.setObjectName("incident-security")
        self.started_at = QLineEdit()
        self.started_at.setObjectName("incident-started")
        self.notified_at = QLineEdit()
        self.notified_at.setObjectName("incident-notified")
        self.responded_at = QLineEdit()
        self.responded_at.setObjectName("incident-responded")
        self.resolved_at = QLineEdit()
        self.resolved_at.setObjectName("incident-resolved")
        for edit in (self.started_at, self.notified_at, self.responded_at, self.resolved_at):
            edit.setPlaceholderText(MOMENT_HINT)
        self.description = QLineEdit()
        self.description.setObjectName("incident-description")
        self.incident_report = QComboBox()
        self.incident_report.setObjectName("incident-report")
        form.addRow(_("Severity"), self.severity)
        form.addRow(self.security)
        form.addRow(_("Started"), self.started_at)
        form.addRow(_("Town notified"), self.notified_at)
        form.addRow(_("Supplier responded"), self.responded_at)
        form.addRow(_("Resolved"), self.resolved_at)
        form.addRow(_("What happened"), self.description)
        form.addRow(_("Monthly report accounting for it"), self.incident_report)
        hint = QLabel(_("Times on the Town's clock; blank: not yet."))
        hint.setWordWrap(True)
        form.addRow(hint)
        self.incident_button = QPushButton(_("Record the incident"))
        self.incident_button.clicked.connect(self.add_incident)
        form.addRow(self.incident_button)
        form.addRow(QLabel(_("Incidents recorded")))
        self.incident_list, self.incident_remove = self._entries("incident")
        form.addRow(self.incident_list)
        form.addRow(self.incident_remove)

    def _terms_tab(self) -> None:
        form = _form(self.tabs, _("Terms"), "terms-tab")
        form.addRow(QLabel(_("The contract's terms")))
        self.start_on = QLineEdit()
        self.start_on.setObjectName("terms-start")
        self.start_on.setPlaceholderText(_("YYYY-MM-DD"))
        self.term_years = QSpinBox()
        self.term_years.setObjectName("terms-years")
        self.term_years.setRange(1, 50)
        self.renewals = QSpinBox()
        self.renewals.setObjectName("terms-renewals")
        self.renewals.setRange(0, 50)
        self.share = QLineEdit()
        self.share.setObjectName("terms-share")
        self.report_days = QSpinBox()
        self.report_days.setObjectName("terms-report-days")
        self.report_days.setRange(0, 365)
        self.monthly_fee = QLineEdit()
        self.monthly_fee.setObjectName("terms-fee")
        self.monthly_fee.setPlaceholderText(_("not stated"))
        form.addRow(_("Contract start"), self.start_on)
        form.addRow(_("Initial term (years)"), self.term_years)
        form.addRow(_("Renewals exercised"), self.renewals)
        form.addRow(_("Share for amendments (%)"), self.share)
        form.addRow(_("Report due, days after its month"), self.report_days)
        form.addRow(_("Monthly fee ($)"), self.monthly_fee)
        share_hint = QLabel(
            _(
                "Amendments raising the value beyond this share of the value awarded are a finding (red flag "
                "R064). 10% by default, to be confirmed by counsel."
            )
        )
        share_hint.setWordWrap(True)
        form.addRow(share_hint)
        self.terms_button = QPushButton(_("Save the terms"))
        self.terms_button.clicked.connect(self.save_terms)
        form.addRow(self.terms_button)

    # -- showing ------------------------------------------------------------------

    def follow(self) -> FollowUp | None:
        return follow_up(self.ctx.pf)

    def fill_terms(self) -> None:
        """The terms tab shows the contract's terms as recorded (or their defaults)."""
        found = self.follow()
        if found is None:
            return
        c = found.contract
        self.start_on.setText(c.start_on)
        self.term_years.setValue(c.term_years)
        self.renewals.setValue(c.renewals_exercised)
        self.share.setText(_number(c.amendment_share_pct))
        self.report_days.setValue(c.report_days)
        self.monthly_fee.setText("" if c.monthly_fee is None else _number(c.monthly_fee))

    def refresh(self) -> None:
        found = self.follow()
        if found is None:
            return
        lang = ui_language()
        c = found.contract
        given = self.as_of.text().strip()
        refused = ""
        try:  # the one parser of a typed day (follow_up.given_day), as --as-of
            given = given_day(found.contract, given)
        except ContractError as exc:
            refused = _(exc.text, **exc.params)
        typed = day(given) if not refused else None
        if typed is not None:  # the summary, the lists and the chart stand at the day, as the findings
            c = standing(c, typed)
        self.summary.setText(
            _(
                "{supplier}: contract signed on {signed}; value as amended {value}; paid so far {paid}.",
                supplier=c.supplier,
                signed=c.signed_on,
                value=money(c.current_value, lang) if c.current_value is not None else "—",
                paid=money(c.paid, lang),
            )
            + " "
            + _("Term: {start} to {end}.", start=c.start_on, end=c.end_on or "—")
        )
        self.findings.clear()
        if refused:
            self.findings_title.setText(_("Findings"))
            self.findings.addItem(refused)
        else:
            judged = as_of(dataclasses.replace(c, as_of=given), today())
            self.findings_title.setText(_("Findings as of {day}:", day=judged.isoformat()))
            for f in check_contract(self.ctx.project, c, judged.isoformat(), found.rates):
                self.findings.addItem(f"{f.code} — {f.message(lang)}")
            if self.findings.count() == 0:
                self.findings.addItem(_("No finding on the contract's follow-up."))
        self.amendment_list.clear()
        for a in c.amendments:
            effect = [money(a.value_change, lang)] if a.value_change else []
            if a.term_change_months:
                n = a.term_change_months
                effect.append(
                    n_("term extended by {count} month", "term extended by {count} months", n, count=n)
                    if n > 0
                    else n_(
                        "term shortened by {count} month", "term shortened by {count} months", -n, count=-n
                    )
                )
            _add(
                self.amendment_list,
                a.id,
                f"{AMENDMENT.number(a.id)} — {a.amended_on} — {', '.join(effect)} — {a.reason}",
            )
        self.incident_list.clear()
        for i in c.incidents:
            parts = [
                moment(i.started_at, lang, zone_of(self.ctx.project.info)),
                tr(SEVERITY_LABELS[i.severity], lang),
            ]
            if i.security:  # the notice the contract requires (CT-NOTICE-LATE)
                notified = i.hours_to("notified_at")
                parts.append(_("security"))
                parts.append(
                    _("Town notified after {hours} h", hours=_hours(notified, lang))
                    if notified is not None
                    else _("no notice recorded")
                )
            resolved = i.hours_to("resolved_at")
            if resolved is not None:
                parts.append(_("resolved after {hours} h", hours=_hours(resolved, lang)))
            _add(
                self.incident_list,
                i.id,
                " — ".join([INCIDENT.number(i.id), *parts, *([i.description] if i.description else [])]),
            )
        self.report_list.clear()
        for r in c.reports:
            _add(
                self.report_list,
                r.id,
                f"{REPORT.number(r.id)} — {r.period} — {r.received_on} — {money(r.credits_due, lang)}",
            )
        self.payment_list.clear()
        for p in c.payments:
            _add(
                self.payment_list,
                p.id,
                f"{PAYMENT.number(p.id)} — {p.paid_on} — {p.invoice_number or '—'} — {money(p.amount, lang)}",
            )
        current = self.incident_report.currentData()
        self.incident_report.clear()
        self.incident_report.addItem(_("(none)"), None)
        for r in c.reports:
            self.incident_report.addItem(r.period, r.id)
        self.incident_report.setCurrentIndex(max(0, self.incident_report.findData(current)))
        years = spending_by_year(self.ctx.project, c, found.yearly)
        pixmap = QPixmap()
        pixmap.loadFromData(spending_chart_png(years, lang, width_cm=13.0, dpi=96), "PNG")
        self.chart.setPixmap(pixmap)
        for button in (
            self.report_button,
            self.payment_button,
            self.amendment_button,
            self.incident_button,
            self.terms_button,
            self.report_remove,
            self.payment_remove,
            self.amendment_remove,
            self.incident_remove,
        ):
            button.setEnabled(not self.ctx.read_only)

    # -- recording ----------------------------------------------------------------

    def remove(self, kind: str, entries: QListWidget) -> None:
        """Take out the entry selected in ``entries`` (``operations.remove``)."""
        item = entries.currentItem()
        if item is None:
            return
        self.ctx.do(operations.remove, kind, int(item.data(Qt.ItemDataRole.UserRole)))  # type: ignore[arg-type]
        self.refresh()

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

    def add_amendment(self) -> None:
        done = self.ctx.do(
            operations.add_amendment,
            amended_on=self.amended_on.text(),
            reason=self.reason.text(),
            value_change=self.value_change.text().strip() or "0",
            term_change_months=self.term_change.value(),
        )
        if done is not None:
            for edit in (self.amended_on, self.reason, self.value_change):
                edit.clear()
            self.term_change.setValue(0)
        self.refresh()

    def add_incident(self) -> None:
        zone = local_zone(self.ctx.project.info)
        done = self.ctx.do(
            operations.add_incident,
            started_at=local_moment(zone, self.started_at.text()),
            severity=self.severity.currentData(),
            security=self.security.isChecked(),
            notified_at=local_moment(zone, self.notified_at.text()),
            responded_at=local_moment(zone, self.responded_at.text()),
            resolved_at=local_moment(zone, self.resolved_at.text()),
            description=self.description.text().strip(),
            report_id=self.incident_report.currentData(),
        )
        if done is not None:
            for edit in (
                self.started_at,
                self.notified_at,
                self.responded_at,
                self.resolved_at,
                self.description,
            ):
                edit.clear()
            self.security.setChecked(False)
            self.severity.setCurrentIndex(self.severity.findData("major"))
            self.incident_report.setCurrentIndex(0)
        self.refresh()

    def save_terms(self) -> None:
        """One ``set_terms`` with the terms changed (a default left as it is stays a
        default: the tender's contract start follows the tender)."""
        found = self.follow()
        if found is None:
            return
        c = found.contract
        changes: dict[str, Any] = {}
        if self.start_on.text().strip() != c.start_on:
            changes["start_on"] = self.start_on.text()
        if self.term_years.value() != c.term_years:
            changes["term_years"] = self.term_years.value()
        if self.renewals.value() != c.renewals_exercised:
            changes["renewals_exercised"] = self.renewals.value()
        if parse_decimal(self.share.text()) != c.amendment_share_pct:
            changes["amendment_share_pct"] = self.share.text()
        if self.report_days.value() != c.report_days:
            changes["report_days"] = self.report_days.value()
        fee = self.monthly_fee.text().strip()
        if (parse_decimal(fee) if fee else None) != c.monthly_fee:
            changes["monthly_fee"] = fee
        if changes and self.ctx.do(operations.set_terms, **changes) is not None:  # the names set
            self.fill_terms()
        self.refresh()


def _number(value: Decimal) -> str:
    """A decimal without trailing zeros, as the user types it: 10, 12.5, 1000."""
    return f"{value.normalize():f}"


def _hours(value: Decimal, lang: str) -> str:
    """Hours without trailing zeros, with the language's decimal mark: 5.5, « 5,5 »."""
    text = _number(value)
    return text.replace(".", ",") if lang == "fr" else text


def _add(entries: QListWidget, row_id: int, text: str) -> None:
    """An entry in a list of recorded entries, its row id as the item's data."""
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, row_id)
    entries.addItem(item)
