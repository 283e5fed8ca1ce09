"""Statement of work and contract: what the Town buys (object and quantities), for how
long (term and renewals), what is delivered and accepted, the service levels, the
security requirements, the insurance and the liability cap, and how the price is paid
and adjusted (``model.sections.StatementOfWork``). Every value but the object starts at
a default sized for a small town, and each group says which defaults it holds (read from
the model, so the notes never drift from the values a new project gets)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from wizard.core.checks.statement_of_work import term_years
from wizard.core.domain import tco
from wizard.core.i18n import N_, _, ntr, ui_language
from wizard.core.i18n.formats import format_date
from wizard.core.model import StatementOfWork, bounds
from wizard.core.model.bounds import show
from wizard.core.model.choices import choices_of
from wizard.core.steps import Step
from wizard.ui.labels import label
from wizard.ui.pages.base import StepPage, short_text

SECTION = "statement_of_work"
SPIN_MAX = 2**31 - 1
"""The largest value a QSpinBox holds; a larger count (records) is typed up to it."""
DEFAULTS = StatementOfWork()
"""The values a new project starts with: the groups' notes quote them."""


def _fit(box: QComboBox) -> QComboBox:
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


def _number(value: int | Decimal) -> str:
    """A default as the notes show it: digits grouped, no trailing zeros."""
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral() else value
        if value == value.to_integral():
            value = int(value)
    return show(value)


class StatementOfWorkPage(StepPage):
    STEP = Step.STATEMENT_OF_WORK
    HELP = N_(
        "Say what the Town buys and on what terms, so that every bidder prices the same "
        "thing and the contract holds no surprise. The object of the contract is what the "
        "Town acquires (\u201ca hosted system to manage the Town's training\u201d), written "
        "for bidders: the need stays the context. Quantities, term, deliverables, service "
        "levels, security, insurance, liability and payment are what a bidder prices: "
        "left vague, bidders add a margin for the risk or qualify their bids, and the bids "
        "can no longer be compared.\n"
        "Every value except the object starts at a default suited to a small town; each "
        "group says which. A hosted solution needs service levels, a mission-critical "
        "system needs recovery objectives, and the term with its renewals should fit "
        "within the horizon of the total cost of ownership. An unlimited liability, or "
        "none stated, makes vendors price in unlimited risk or leaves the vendor's own "
        "terms to decide; a cap at a multiple of the contract value, with data, privacy, "
        "intellectual property and gross fault left uncapped, is the usual balance."
    )

    def build(self) -> None:
        self._object_group()
        self._term_group()
        self._deliverables_group()
        self._service_group()
        self._security_group()
        self._insurance_group()
        self._payment_group()
        self._one_line_labels()

    def _one_line_labels(self) -> None:
        """Every row label on one line: this page's labels (up to 45 characters in French)
        fit beside their short editors at 1366×768, and a wrapped label in a row sized by
        its one-line editor loses its top line (``base.SHORT_LABEL``)."""
        for text in self.findChildren(QLabel):
            if text.buddy() is not None:
                text.setWordWrap(False)

    def retranslate(self) -> None:
        super().retranslate()  # the row labels' setters wrap long texts again
        self._one_line_labels()

    # -- helpers ----------------------------------------------------------------------

    def _tip(self, widget: QWidget, text: str) -> QWidget:
        self.texts.add(widget.setToolTip, text)
        return widget

    def _default_note(self, form: QFormLayout, text: str, **values: object) -> QLabel:
        """A grey note quoting the group's defaults (``values`` fill ``text``)."""
        note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(dark)")

        def shown(value: object) -> object:
            if isinstance(value, str):  # a choice: its label in the interface language
                return label(value)
            return _number(value) if isinstance(value, (int, Decimal)) else value

        def set_text(msg: str) -> None:
            note.setText(msg.format(**{k: shown(v) for k, v in values.items()}))

        self.texts.add(set_text, text)
        form.addRow(note)
        return note

    def _spin(self, form: QFormLayout, name: str, text: str, tip: str) -> None:
        low, high = bounds.int_range(f"{SECTION}.{name}")  # a spin box holds 32 bits at most
        box = self.binder.spin(SECTION, name, low, min(high, SPIN_MAX))
        self.row(form, text, self._tip(box, tip))

    def _decimal(self, form: QFormLayout, name: str, text: str, tip: str) -> None:
        edit = self.binder.decimal(SECTION, name)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0") * 16)
        self.row(form, text, self._tip(edit, tip))

    def _combo(self, form: QFormLayout, name: str, text: str, tip: str) -> None:
        box = _fit(self.binder.combo(SECTION, name, choices_of(StatementOfWork, name) or ()))
        self.row(form, text, self._tip(box, tip))

    def _check(self, form: QFormLayout, name: str, text: str, tip: str) -> None:
        form.addRow(self._tip(self.binder.check(SECTION, name, text), tip))

    # -- groups -----------------------------------------------------------------------

    def _object_group(self) -> None:
        b = self.binder
        form = self.group(N_("Object and quantities"))
        self.note(
            form,
            N_(
                "Write what the Town acquires, for bidders, in the third person; the need "
                "stays on the Problem page. A quantity of 0 means it does not apply."
            ),
        )
        obj = short_text(b.text(SECTION, "object", 3), 4)
        self.texts.add(
            obj.setPlaceholderText,
            N_("e.g. a hosted system to plan and track the training of the Town's staff"),
        )
        self.row(
            form,
            N_("Object of the contract"),
            self._tip(
                obj,
                N_(
                    "What the contract buys, in one or two sentences: the tender's statement of work "
                    "starts with it."
                ),
            ),
        )
        self._spin(form, "users", N_("Users"), N_("How many people will use the system."))
        self._spin(form, "sites", N_("Sites"), N_("How many buildings or locations it serves."))
        self._spin(
            form, "devices", N_("Devices"), N_("How many devices (computers, radios, vehicles …) it covers.")
        )
        self._spin(
            form,
            "records",
            N_("Records"),
            N_("How many records (files, cases, entries) the system holds or takes over."),
        )
        notes = short_text(b.text(SECTION, "quantities_notes", 2), 3)
        self.row(
            form,
            N_("Notes on quantities"),
            self._tip(
                notes,
                N_("Anything else a bidder needs to size the bid: growth expected, peaks, seasonal staff."),
            ),
        )

    def _term_group(self) -> None:
        form = self.group(N_("Term"))
        self._default_note(
            form,
            N_(
                "Defaults, in years: an initial term of {term}, then renewals of {renewal} "
                "each at the Town's option, {renewals} at most."
            ),
            term=DEFAULTS.term_years,
            renewals=DEFAULTS.renewals,
            renewal=DEFAULTS.renewal_years,
        )
        self._spin(
            form,
            "term_years",
            N_("Initial term (years)"),
            N_("How long the contract runs before any renewal, counted from the contract start."),
        )
        self._spin(
            form,
            "renewals",
            N_("Renewals at the Town's option"),
            N_("How many times the Town may extend the contract; the Town decides, not the vendor."),
        )
        self._spin(
            form, "renewal_years", N_("Length of each renewal (years)"), N_("How long each renewal lasts.")
        )
        self.term_summary = QLabel()
        self.term_summary.setObjectName("sow-term-summary")
        self.term_summary.setWordWrap(True)
        form.addRow(self.term_summary)

    def _deliverables_group(self) -> None:
        b = self.binder
        form = self.group(N_("Deliverables and acceptance"))
        self._default_note(
            form,
            N_(
                "Defaults: implementation, data migration, training and documentation; in "
                "production within {weeks} weeks; {days} days of acceptance testing; a "
                "warranty of {months} months."
            ),
            weeks=DEFAULTS.go_live_weeks,
            days=DEFAULTS.acceptance_days,
            months=DEFAULTS.warranty_months,
        )
        self._check(
            form,
            "deliver_implementation",
            N_("Implementation (installation and configuration)"),
            N_("The vendor sets the system up for the Town."),
        )
        self._check(
            form,
            "deliver_migration",
            N_("Data migration from the current system"),
            N_("The vendor moves the Town's existing data into the new system."),
        )
        self._check(
            form,
            "deliver_integrations",
            N_("Integrations with other systems"),
            N_("The vendor connects the system to the Town's other systems."),
        )
        self._check(
            form,
            "deliver_training",
            N_("Training of the Town's staff"),
            N_("The vendor trains the people who will use and administer the system."),
        )
        self._check(
            form,
            "deliver_documentation",
            N_("Documentation for users and administrators"),
            N_("The vendor hands over manuals the Town may copy and adapt."),
        )
        other = short_text(b.text(SECTION, "other_deliverables", 2), 3)
        self.row(
            form, N_("Other deliverables"), self._tip(other, N_("Anything else the vendor must deliver."))
        )
        self._spin(
            form,
            "go_live_weeks",
            N_("In production within (weeks)"),
            N_("Weeks from the contract start to the system in use."),
        )
        self._spin(
            form,
            "acceptance_days",
            N_("Acceptance testing (days)"),
            N_("Days the Town has to test each deliverable before accepting it; 0 means no testing."),
        )
        self._spin(
            form,
            "warranty_months",
            N_("Warranty (months after acceptance)"),
            N_("How long the vendor fixes defects at no cost after final acceptance."),
        )

    def _service_group(self) -> None:
        form = self.group(N_("Service levels"))
        d = DEFAULTS
        self._default_note(
            form,
            N_(
                "Defaults: {availability}% availability each month; support hours: {hours}; "
                "a critical incident answered within {response} h and resolved within "
                "{resolution} h; service back within {rto} h, losing at most {rpo} h of "
                "data; a credit of {credit}% of the monthly fee per point of availability "
                "missed."
            ),
            availability=d.availability_pct,
            hours=d.support_hours,
            response=d.response_critical_hours,
            resolution=d.resolution_critical_hours,
            rto=d.rto_hours,
            rpo=d.rpo_hours,
            credit=d.service_credit_pct,
        )
        self._decimal(
            form,
            "availability_pct",
            N_("Availability each month (%)"),
            N_(
                "The share of the time the service must work; 0 means none is required (only "
                "sensible when the Town runs the system itself)."
            ),
        )
        self._combo(form, "support_hours", N_("Support hours"), N_("When the vendor's support answers."))
        severity = N_(
            "Critical: the service is down or data is at risk. Major: a function is unusable "
            "without a workaround. Minor: everything else."
        )
        for level, response, resolution in (
            (
                "critical",
                N_("Response to a critical incident (hours)"),
                N_("Resolution of a critical incident (hours)"),
            ),
            (
                "major",
                N_("Response to a major incident (hours)"),
                N_("Resolution of a major incident (hours)"),
            ),
            (
                "minor",
                N_("Response to a minor incident (hours)"),
                N_("Resolution of a minor incident (hours)"),
            ),
        ):
            self._spin(form, f"response_{level}_hours", response, severity)
            self._spin(form, f"resolution_{level}_hours", resolution, severity)
        self._spin(
            form,
            "rto_hours",
            N_("Recovery time objective (hours)"),
            N_("After a disaster, the service works again within this many hours; 0 means not stated."),
        )
        self._spin(
            form,
            "rpo_hours",
            N_("Recovery point objective (hours)"),
            N_("After a disaster, at most this many hours of data may be lost; 0 means not stated."),
        )
        self._decimal(
            form,
            "service_credit_pct",
            N_("Service credit (% of the fee per point)"),
            N_(
                "What the vendor credits on the invoice for each full point of availability below the target."
            ),
        )
        self._decimal(
            form,
            "service_credit_cap_pct",
            N_("Credits at most (% of the monthly fee)"),
            N_("The most the credits of one month can reach."),
        )
        self._spin(
            form,
            "sla_termination_months",
            N_("Termination after missed months (in 12)"),
            N_(
                "The Town may end the contract for default when the availability is missed this "
                "many months within any 12."
            ),
        )

    def _security_group(self) -> None:
        form = self.group(N_("Security"))
        self._default_note(
            form,
            N_(
                "Defaults: an independent security audit, a yearly penetration test, "
                "encryption in transit and at rest, logs kept {days} days."
            ),
            days=DEFAULTS.log_retention_days,
        )
        self._combo(
            form,
            "security_audit",
            N_("Security audit"),
            N_("Whether the vendor shows a recent independent audit of its security."),
        )
        self._check(
            form,
            "penetration_test",
            N_("An independent penetration test every year, its summary shared"),
            N_("Experts try to break in once a year and the Town sees what they found."),
        )
        self._check(
            form,
            "encryption",
            N_("Encryption in transit and at rest"),
            N_("The Town's data is unreadable to anyone who intercepts it or steals a disk."),
        )
        self._spin(
            form,
            "log_retention_days",
            N_("Log retention (days)"),
            N_("How long the records of who did what in the system are kept."),
        )
        self._check(
            form,
            "background_checks",
            N_("Background checks of the vendor's people who reach the Town's data"),
            N_("Police or security checks for the vendor's staff who can see the Town's data."),
        )

    def _insurance_group(self) -> None:
        form = self.group(N_("Insurance and liability"))
        d = DEFAULTS
        self._default_note(
            form,
            N_(
                "Defaults: general liability ${general}, professional liability "
                "${professional}, cyber and privacy liability ${cyber}; liability capped at "
                "{multiple} times the contract value, with data, privacy, intellectual "
                "property and gross fault never capped. 0 means the insurance is not required."
            ),
            general=d.insurance_general_cad,
            professional=d.insurance_professional_cad,
            cyber=d.insurance_cyber_cad,
            multiple=d.liability_cap_multiple,
        )
        self._decimal(
            form,
            "insurance_general_cad",
            N_("General liability insurance (CAD)"),
            N_("Per occurrence: covers injuries and damage to property the vendor causes."),
        )
        self._decimal(
            form,
            "insurance_professional_cad",
            N_("Professional liability insurance (CAD)"),
            N_("Covers the vendor's errors and omissions in its work."),
        )
        self._decimal(
            form,
            "insurance_cyber_cad",
            N_("Cyber and privacy insurance (CAD)"),
            N_("Covers a data breach or a cyberattack through the vendor."),
        )
        self._combo(
            form,
            "liability_cap",
            N_("Limitation of liability"),
            N_("The most either party owes the other for damages under the contract."),
        )
        self._decimal(
            form,
            "liability_cap_multiple",
            N_("Cap (times the contract value)"),
            N_("With a capped liability: the cap as a multiple of the contract's total value."),
        )

    def _payment_group(self) -> None:
        form = self.group(N_("Payment and price"))
        d = DEFAULTS
        self._default_note(
            form,
            N_(
                "Defaults: one-off work paid: {terms}; recurring fees invoiced: "
                "{period}; {holdback}% held back until final acceptance; invoices "
                "paid within {days} days; prices adjusted yearly by at most {cap}%; {notice} "
                "days' notice to end the contract for convenience."
            ),
            terms=d.payment_terms,
            period=d.payment_period,
            holdback=d.holdback_pct,
            days=d.payment_days,
            cap=d.price_adjustment_cap_pct,
            notice=d.termination_notice_days,
        )
        self._combo(
            form,
            "payment_terms",
            N_("One-off work paid"),
            N_("When implementation, migration and training are paid."),
        )
        self._combo(
            form,
            "payment_period",
            N_("Recurring fees invoiced"),
            N_("How often subscription, support and hosting are invoiced."),
        )
        self._decimal(
            form,
            "holdback_pct",
            N_("Holdback (% of one-off payments)"),
            N_("A share the Town keeps until final acceptance, so the work gets finished."),
        )
        self._spin(
            form,
            "payment_days",
            N_("Invoices paid within (days)"),
            N_("Days the Town takes to pay a correct invoice."),
        )
        self._combo(
            form,
            "price_adjustment",
            N_("Price adjustment"),
            N_("Whether prices stay the same for the whole term or follow inflation within a cap."),
        )
        self._decimal(
            form,
            "price_adjustment_cap_pct",
            N_("Adjustment at most (% per year)"),
            N_("With indexed prices: the largest yearly increase allowed."),
        )
        self._spin(
            form,
            "termination_notice_days",
            N_("Notice to end for convenience (days)"),
            N_("Days of notice the Town gives to end the contract without a fault of the vendor."),
        )
        self._check(
            form,
            "key_personnel",
            N_("Key people are named in the bid and replaced only with the Town's consent"),
            N_("The people the bid promises stay on the work unless the Town agrees to a change."),
        )

    # -- computed ---------------------------------------------------------------------

    def load_extra(self) -> None:
        self._show_term()

    def model_changed(self) -> None:
        self._show_term()

    def _show_term(self) -> None:
        """The whole term in years, its start, and the TCO horizon it should fit in."""
        project = self.ctx.project
        years = term_years(project)  # the core's, within the fields' bounds
        start = project.info.contract_start
        start = (
            format_date(start, ui_language())
            if start
            else _("the contract start (not set on the Project page)")
        )
        horizon = tco.horizon_of(project)
        text = ntr(
            "At most {count} year with every renewal, from {start}.",
            "At most {count} years with every renewal, from {start}.",
            years,
            ui_language(),
            start=start,
        )
        text += " " + ntr(
            "The total cost of ownership covers {count} year.",
            "The total cost of ownership covers {count} years.",
            horizon,
            ui_language(),
        )
        self.term_summary.setText(text)
        self.term_summary.setTextFormat(Qt.TextFormat.PlainText)
