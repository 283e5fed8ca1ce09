"""The contract data group of the Project page: the rules of the call for
tenders that the instructions to bidders, the forms and the pilot's logistics print
(bid validity, bid security, last addendum, public opening, scenario sessions, language
of bids, debriefing, what follows a failed pilot). Every value starts at a default that
the group says is one (``model.sections.ContractData``)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from wizard.core.i18n import N_
from wizard.core.model import ContractData
from wizard.core.model.choices import choices_of
from wizard.ui.pages.base import StepPage


def _fit(box: QComboBox) -> QComboBox:
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


def contract_data_group(page: StepPage) -> None:
    """Add the "Rules of the call for tenders" group to ``page`` (the Project page)."""
    b = page.binder
    form = page.group(N_("Rules of the call for tenders"))
    page.note(
        form,
        N_(
            "Defaults suited to a small town: 90 days of bid validity, no bid security, no "
            "addendum in the last 7 days, scenario sessions within 20 days of closing, award "
            "documents within 10 days and debriefing requests within 30 days of the notice of "
            "award. Change them if your rules differ."
        ),
    )
    page.row(form, N_("Bid validity (days after closing)"), b.spin("contract_data", "bid_validity_days"))
    page.row(
        form,
        N_("Bid security"),
        _fit(b.combo("contract_data", "bid_security", choices_of(ContractData, "bid_security") or ())),
    )
    page.row(form, N_("Bid security amount (CAD or %)"), b.decimal("contract_data", "bid_security_value"))
    page.row(
        form,
        N_("No addendum later than (days before closing)"),
        b.spin("contract_data", "last_addendum_days"),
    )
    page.row(
        form,
        N_("Scenario sessions within (days after closing)"),
        b.spin("contract_data", "scenario_sessions_days"),
    )
    page.row(
        form,
        N_("Award documents within (days after the notice of award)"),
        b.spin("contract_data", "award_documents_days"),
    )
    page.row(
        form,
        N_("Debriefing requests within (days after the notice of award)"),
        b.spin("contract_data", "debriefing_days"),
    )
    page.row(
        form,
        N_("Place of the public opening (Québec)"),
        b.line("contract_data", "opening_place", N_("Default: the contact's postal address")),
    )
    page.row(
        form,
        N_("Language(s) of bids"),
        _fit(b.combo("contract_data", "bid_languages", choices_of(ContractData, "bid_languages") or ())),
    )
    page.row(
        form,
        N_("If the pilot fails"),
        _fit(b.combo("contract_data", "pilot_failure", choices_of(ContractData, "pilot_failure") or ())),
    )
    form.addRow(b.check("contract_data", "debriefing", N_("Unsuccessful bidders may ask for a debriefing")))
