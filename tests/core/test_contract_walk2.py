"""A second walk's contract defects: each refusal is bilingual, saves nothing, and its
clean twin is taken."""

from __future__ import annotations

import pytest
from contract_sample import PAYMENTS, award, published

from wizard.cli import main as cli_main
from wizard.core.contract import ContractError, follow_up, operations, record
from wizard.core.project_file.store import ProjectFile


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


@pytest.mark.parametrize("when", ["2027-05-24", "2200-01-01"])
def test_a_day_outside_the_contract_is_refused_as_of(signed, when):
    contract = record.read(signed)
    with pytest.raises(
        ContractError, match=r"from the contract's signature \(2027-05-25\) to 2199-12-31"
    ) as caught:
        follow_up.given_day(contract, when)
    assert "signature du contrat (2027-05-25)" in str(caught.value)


def test_the_signature_day_and_blank_are_taken_as_of(signed):
    contract = record.read(signed)
    assert follow_up.given_day(contract, " 2027-05-25 ") == "2027-05-25"
    assert follow_up.given_day(contract, "2199-12-31") == "2199-12-31"
    assert follow_up.given_day(contract, "") == ""


@pytest.mark.parametrize("command", ["check", "export", "show", "pay"])
def test_every_command_refuses_a_day_before_the_signature(tmp_path, capsys, command):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    args = {
        "check": ["check", str(path)],
        "export": ["export", str(path), "--out", str(tmp_path / "out")],
        "show": ["contract", str(path), "show"],
        "pay": ["contract", str(path), "pay", "--date", "2028-04-01", "--amount", "5", "--invoice", "Z-1"],
    }[command]
    capsys.readouterr()
    assert cli_main([*args, "--lang", "en", "--as-of", "2027-05-01"]) == 2
    assert "not on 2027-05-01" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
    with ProjectFile.open(path, read_only=True) as f:
        assert "Z-1" not in {p.invoice_number for p in record.read(f).payments}
    # the clean twin: the signature day
    assert cli_main([*args, "--lang", "en", "--as-of", "2027-05-25"]) in (0, 1)
    if command == "pay":
        with ProjectFile.open(path, read_only=True) as f:
            assert "Z-1" in {p.invoice_number for p in record.read(f).payments}
