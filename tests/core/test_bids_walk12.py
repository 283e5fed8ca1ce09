"""The bids phase as a new user's walk found it (2026-12-07, w12): an amount typed for
the award read as the contract's follow-up reads one, and a late bid's message and a
moment's refusal that give the clerk the town's offset."""

from __future__ import annotations

from decimal import Decimal

import pytest
from contract_sample import published
from quebec_bids_sample import LOCKED, OPENED, create
from quebec_bids_sample import record_bid as quebec_bid

from wizard import cli
from wizard.core.bids import BidsError, evaluation_entry, intake, opening
from wizard.core.bids.common import amount, example_moment
from wizard.core.bids.record import Bidder, read
from wizard.core.contract import ContractError
from wizard.core.contract.operations import typed_amount
from wizard.core.i18n import tr


@pytest.fixture
def opened(tmp_path):
    """Québec's grid: bids A, B and C, their quality locked and their prices opened."""
    with create(tmp_path / "qc.tender") as pf:
        a, b = quebec_bid(pf, "A"), quebec_bid(pf, "B")
        quebec_bid(pf, "C")
        evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
        opening.open_envelope(pf, opened_by="Greffière", at=OPENED)
        yield pf, a, b


# 2. one reader for the amounts typed


@pytest.mark.parametrize(
    "typed, value",
    [("150 000,00", "150000.00"), ("150\u00a0000,00", "150000.00"), ("150000.00", "150000.00"), ("0", "0")],
)
def test_the_awards_value_is_read_as_a_payment_is(opened, typed, value):
    """Walk 2026-12-07, defect 2: ``contract pay --amount "2 500,00"`` was accepted and
    ``bid award --value "150 000,00"`` refused: the award now reads as the contract does."""
    pf, _a, b = opened
    assert typed_amount(typed) == Decimal(value)  # the contract's reader
    evaluation_entry.set_award(pf, b, contract_value=typed)
    assert read(pf).award.contract_value == Decimal(value)


@pytest.mark.parametrize("typed", ["150,000.00", "cent mille", "-5", "12.345"])
def test_a_value_no_amount_reader_takes_shows_the_accepted_forms(opened, typed):
    """The refusal names the forms accepted; the contract refuses each one as well."""
    pf, _a, b = opened
    with pytest.raises(ContractError):
        typed_amount(typed)
    with pytest.raises(BidsError) as info:
        evaluation_entry.set_award(pf, b, contract_value=typed)
    assert tr(info.value.text, "en", **info.value.params) == (
        "The contract value is an amount in dollars, 0 or more, with at most two decimals, typed as "
        f"150000, 150000.00, 150 000,00: “{typed}” is not one."
    )
    assert tr(info.value.text, "fr", **info.value.params) == (
        "La valeur du contrat est un montant en dollars, 0 ou plus, d’au plus deux décimales, écrit "
        f"comme 150000, 150000.00, 150 000,00\u00a0: «\u00a0{typed}\u00a0» n’en est pas un."
    )


def test_a_blank_amount_is_none():
    assert amount("  ", "{value}{forms}") is None


# 3. the late bid's closing and the moment's example


def test_the_late_bids_message_gives_the_closing_in_both_offsets(tmp_path, capsys):
    """Walk 2026-12-07, defect 3: a bid typed at 13:30 −05:00 for a town closing at 14:00
    −04:00 was said late without the closing; the message now gives it in the town's
    offset and in the one typed (13:00 −05:00), so the clerk sees the wrong offset."""
    path = tmp_path / "os.tender"
    assert cli.main(["new", "--example", "office-suite", str(path)]) == 0
    assert cli.main(["publish", str(path), "--date", "2027-01-20"]) == 0
    capsys.readouterr()
    added = ["bid", str(path), "add", "--name", "X inc.", "--address", "1 Main St", "--received"]
    assert cli.main([*added, "2027-02-19T13:30:00-05:00"]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        "La soumission 1 a été reçue à 2027-02-19 14:30 -04:00, après la clôture à "
        "2027-02-19 14:00 -04:00 (soit 2027-02-19 13:00 -05:00 au décalage écrit)\u00a0: elle est "
        "consignée comme tardive et son bordereau de prix ne sera jamais ouvert. / Bid 1 was received "
        "at 2027-02-19 14:30 -04:00, after the closing at 2027-02-19 14:00 -04:00 (that is "
        "2027-02-19 13:00 -05:00 at the offset typed): it is recorded as late and its price "
        "workbook will never be opened."
    )
    # the twin: the same moment at the town's offset is on time, and nothing is said
    assert cli.main([*added, "2027-02-19T13:30:00-04:00"]) == 0
    assert "late" not in capsys.readouterr().err


def test_the_moment_refusal_gives_the_towns_offset(tmp_path):
    """Walk 2026-12-07, defect 3: the example was −03:00 even in Québec (−04:00 on that
    April day); the town's offset now, and −03:00 only where the zone is unknown."""
    with create(tmp_path / "qc.tender") as pf, pytest.raises(BidsError) as info:
        intake.add_bid(pf, bidder=Bidder(legal_name="X inc."), received_at="2027-04-16T10:12")
    assert tr(info.value.text, "en", **info.value.params) == (
        "“2027-04-16T10:12” is not a date and time with its offset from UTC (for example "
        "2027-04-16T10:12:00-04:00)."
    )
    assert example_moment(None) == "2027-04-16T10:12:00-03:00"


def test_published_training_closing_unchanged(tmp_path):
    """The twin: a bid on time in the training example is not late."""
    with published(tmp_path) as pf:
        assert not intake.is_late(pf, "2027-04-16T10:12:00-03:00")
