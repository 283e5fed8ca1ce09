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
        resolution_number="2027-05-088",
        resolution_date="2027-05-17",
        signatory="Martin Thériault",
        awarded_on="2027-05-18",
        contract_signed_on=signed_on,
        contract_value=value,
    )
    return bid_id
