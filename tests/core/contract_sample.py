"""A signed contract for the contract tests: the training example as bundled (published,
addendum 1), one bid opened and awarded, the contract signed on 2027-05-25 for
95 502.70 $ (the bid's evaluated price), starting on the tender's contract start,
2027-06-01."""

from __future__ import annotations

from bids_sample import fill

from wizard.core.bids import evaluation_entry, intake, opening
from wizard.core.bids.record import Bidder
from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows

ON_TIME = "2027-04-16T10:12:00-03:00"
OPENED_AT = "2027-04-16T14:00:00-03:00"
SIGNED_ON = "2027-05-25"
VALUE = "95502.70"
AMOUNTS = {
    "one_off.implementation": ["18500.50"],
    "one_off.migration_in": [4200],
    "one_off.training": ["3600.25"],
    "one_off.hosting": [0],
    "recurring.subscriptions": [12000, 12000, "12360.10", "12360.10", "12731.00"],
    "recurring.support": [None, None, 1500, 1500, 1500],
    "exit.exit_documentation": ["750.75"],
    "exit.exit_migration": [2500],
    "unit.hour": [95],
    "unit.user": ["42.5"],
}
"""The bid's prices (tests/core/test_bids.py): evaluated 95 502.70 $."""


def published(tmp_path, name: str = "training.tender") -> ProjectFile:
    """The training example as bundled, in a new file (the caller closes it)."""
    project, publishing = load_example_with_publishing("training")
    assert publishing is not None
    return ProjectFile.create(tmp_path / name, project, origin="example", tables=table_rows(publishing))


def award(pf: ProjectFile, *, signed_on: str = SIGNED_ON, value: str = VALUE) -> int:
    """One bid received, opened and awarded, the contract signed; returns the bid id."""
    bid_id = intake.add_bid(
        pf,
        bidder=Bidder(
            "Formation Acadie inc.", "123456789RC0001", "12, rue Main, Moncton (N.-B.)", "Julie Leblanc"
        ),
        received_at=ON_TIME,
        acknowledged=[1],
    )
    intake.attach_workbook(pf, bid_id, fill(pf.project, AMOUNTS), name="bordereau.xlsx", at=ON_TIME)
    opening.open_envelope(pf, opened_by="Martin Thériault", witnesses="Éric Savoie", at=OPENED_AT)
    evaluation_entry.set_award(
        pf,
        bid_id,
        reason_if_not_top="Seule soumission reçue; évaluation consignée au dossier",
        resolution_number="2027-05-088",
        resolution_date="2027-05-17",
        signatory="Martin Thériault",
        awarded_on="2027-05-18",
        contract_signed_on=signed_on,
        contract_value=value,
    )
    return bid_id


PAYMENTS = [
    # paid_on, invoice, line, amount, credit, quantity, unit price
    ("2027-06-15", "F-2027-000", "recurring.subscriptions", "12000", "0", "", ""),
    ("2027-06-30", "F-2027-001", "one_off.implementation", "18500.50", "0", "", ""),
    ("2027-07-30", "F-2027-014", "one_off.migration_in", "4200", "0", "", ""),
    ("2027-08-31", "F-2027-022", "one_off.training", "3600.25", "0", "", ""),
    ("2027-09-15", "F-2027-030", "unit.hour", "520", "50", "6", "95"),
    ("2027-11-15", "F-2027-041", "one_off.training", "1800", "0", "", ""),
    ("2028-03-15", "F-2028-007", "unit.hour", "380", "0", "4", "95"),
]
"""A year of payments: 41 000.75 $ paid, the July credit of 50 $ deducted from the
September invoice of six hours (570 $ − 50 $)."""


def follow(pf: ProjectFile) -> None:
    """The follow-up the training example carries (``tools/training_contract.py``): the
    monthly fee, one amendment, two reports (July's availability 98.4 % earns 5 % of
    1 000 $), a critical incident and a year of payments."""
    from wizard.core.contract import operations

    operations.set_terms(pf, monthly_fee="1000")
    operations.add_amendment(
        pf,
        amended_on="2027-10-04",
        reason="Deux séances de formation supplémentaires pour les nouvelles recrues du service d’incendie",
        value_change="1800",
    )
    operations.add_report(pf, period="2027-06", received_on="2027-07-09", availability_pct="99.82")
    july = operations.add_report(pf, period="2027-07", received_on="2027-08-13", availability_pct="98.4")
    operations.add_incident(
        pf,
        started_at="2027-07-19T07:40:00-03:00",
        severity="critical",
        responded_at="2027-07-19T08:20:00-03:00",
        resolved_at="2027-07-19T13:10:00-03:00",
        description="Plateforme d’apprentissage inaccessible après l’expiration d’un certificat",
        report_id=july,
    )
    for paid_on, invoice, line, amount, credit, quantity, unit in PAYMENTS:
        operations.add_payment(
            pf,
            paid_on=paid_on,
            invoice_number=invoice,
            line_key=line,
            amount=amount,
            credit=credit,
            quantity=quantity,
            unit_price=unit,
        )
