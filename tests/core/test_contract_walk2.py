"""A second walk's contract defects: each refusal is bilingual, saves nothing, and its
clean twin is taken."""

from __future__ import annotations

import pytest
from contract_sample import PAYMENTS, award, published

from wizard.core.contract import ContractError, operations, record


@pytest.fixture
def signed(tmp_path):
    with published(tmp_path) as f:
        award(f)
        yield f


def _pay(f, rows=PAYMENTS):
    for paid_on, invoice, line, amount, credit, quantity, price in rows:
        operations.add_payment(
            f,
            paid_on=paid_on,
            amount=amount,
            invoice_number=invoice,
            credit=credit,
            line_key=line,
            quantity=quantity,
            unit_price=price,
        )


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("2031-01-01", r"after what is already recorded \(the first entry is dated 2027-06-15\)"),
        ("2027-05-24", r"before its signature \(2027-05-25\)"),
    ],
)
def test_a_start_before_the_signature_or_after_the_entries_is_refused(signed, start, message):
    _pay(signed)
    with pytest.raises(ContractError, match=message) as caught:
        operations.set_terms(signed, start_on=start)
    assert " / " in str(caught.value)
    assert record.read(signed).start_on == "2027-06-01"


def test_a_start_between_the_signature_and_the_first_entry_is_taken(signed):
    _pay(signed)
    assert operations.set_terms(signed, start_on="2027-06-15") == ["start_on"]
    contract = record.read(signed)
    assert contract.start_on == "2027-06-15" and contract.set_aside == ()
    operations.set_terms(signed, start_on="2027-05-25")
    assert record.read(signed).start_on == "2027-05-25"
