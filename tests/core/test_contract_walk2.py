"""A second walk's contract defects: each refusal is bilingual, saves nothing, and its
clean twin is taken."""

from __future__ import annotations

from decimal import Decimal

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


@pytest.mark.parametrize(
    ("call", "message", "french"),
    [
        (
            lambda f: operations.add_payment(f, paid_on="2027-10-01", amount="0.004", invoice_number="N1"),
            "“0.004” has more than two decimals",
            "«\u00a00.004\u00a0» compte plus de deux décimales",
        ),
        (
            lambda f: operations.add_payment(
                f, paid_on="2027-10-01", amount="10", credit="0,125", invoice_number="N1"
            ),
            "“0,125” has more than two decimals",
            "deux décimales",
        ),
        (
            lambda f: operations.set_terms(f, monthly_fee="1000.001"),
            "has more than two decimals",
            "deux décimales",
        ),
        (
            lambda f: operations.add_amendment(f, amended_on="2027-12-01", reason="x", value_change="-1.005"),
            "has more than two decimals",
            "deux décimales",
        ),
        (
            lambda f: operations.add_report(
                f, period="2027-06", received_on="2027-07-10", credits_due="5.555"
            ),
            "has more than two decimals",
            "deux décimales",
        ),
        (
            lambda f: operations.add_payment(f, paid_on="2027-10-01", amount="10"),
            "needs the number of the invoice",
            "numéro de la facture",
        ),
        (
            lambda f: operations.add_payment(f, paid_on="2027-10-01", amount="0", invoice_number="N1"),
            "an amount above 0, or a credit above 0",
            "montant supérieur à 0",
        ),
    ],
)
def test_fractions_of_a_cent_no_invoice_and_nothing_paid_are_refused(signed, call, message, french):
    with pytest.raises(ContractError, match=message) as caught:
        call(signed)
    assert french in str(caught.value)
    contract = record.read(signed)
    assert (contract.payments, contract.amendments, contract.reports, contract.monthly_fee) == (
        (),
        (),
        (),
        None,
    )


def test_cents_a_credit_alone_and_a_fractional_quantity_are_taken(signed):
    operations.add_payment(signed, paid_on="2027-10-01", amount="0.01", invoice_number="N1")
    operations.add_payment(signed, paid_on="2027-10-02", amount="0", credit="50", invoice_number="N2")
    operations.add_payment(
        signed,
        paid_on="2027-10-03",
        amount="14.25",
        invoice_number="N3",
        line_key="unit.hour",
        quantity="0.150",
        unit_price="95",
    )
    contract = record.read(signed)
    assert [(p.invoice_number, p.amount, p.credit) for p in contract.payments] == [
        ("N1", Decimal("0.01"), Decimal(0)),
        ("N2", Decimal(0), Decimal(50)),
        ("N3", Decimal("14.25"), Decimal(0)),
    ]
    assert contract.paid == Decimal("14.26")


def test_pay_without_invoice_names_the_option(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert (
        cli_main(["contract", str(path), "pay", "--date", "2028-04-01", "--amount", "5", "--lang", "en"]) == 2
    )
    assert "“pay” needs --invoice." in capsys.readouterr().err


def test_an_amendment_ending_the_contract_before_its_date_is_refused(signed):
    # the term runs 2027-06-01 … 2030-05-31; 30 months less ends it on 2027-11-30
    with pytest.raises(
        ContractError, match=r"end the contract on 2027-11-30, before the amendment's own date \(2027-12-01\)"
    ) as caught:
        operations.add_amendment(signed, amended_on="2027-12-01", reason="x", term_change_months=-30)
    assert "mettrait fin au contrat le 2027-11-30" in str(caught.value)
    assert record.read(signed).amendments == ()
    # the clean twin: 29 months less ends it on 2027-12-31, after the amendment
    operations.add_amendment(signed, amended_on="2027-12-01", reason="x", term_change_months=-29)
    assert record.read(signed).end_on == "2027-12-31"
