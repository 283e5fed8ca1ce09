"""The contract's follow-up (issue 23, docs/contract.md): the record read beside the
award, the operations and their refusals, the arithmetic of credits, schedule and
spending by year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from contract_sample import award, published

from wizard.core.contract import ContractError, follow_up, operations, record
from wizard.core.project_file import undo
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def pf(tmp_path):
    with published(tmp_path) as f:
        yield f


@pytest.fixture
def signed(pf):
    award(pf)
    return pf


def test_no_contract_before_the_award_is_signed(pf):
    assert record.read(pf) is None
    with pytest.raises(ContractError) as caught:
        operations.add_payment(pf, invoice_number="T-1", paid_on="2027-07-01", amount="10")
    assert "signed" in str(caught.value) and "signature du contrat" in str(caught.value)


def test_the_contract_takes_the_award_and_the_tenders_terms(signed):
    contract = record.read(signed)
    assert contract is not None
    assert (contract.supplier, contract.signed_on, contract.value) == (
        "Formation Acadie inc.",
        "2027-05-25",
        Decimal("95502.70"),
    )
    assert (contract.start_on, contract.term_years, contract.renewal_years) == ("2027-06-01", 3, 1)
    assert contract.amendment_share_pct == Decimal(10) and contract.report_days == 15
    assert contract.end_on == "2030-05-31"
    operations.set_terms(signed, renewals_exercised=1, monthly_fee="1000", amendment_share_pct="7.5")
    operations.add_amendment(
        signed, amended_on="2027-09-01", reason="Two more sites", value_change="4800", term_change_months=6
    )
    contract = record.read(signed)
    assert contract.end_on == "2031-11-30"  # 3 years + 1 renewal of 1 year + 6 months
    assert contract.current_value == Decimal("100302.70")
    assert contract.monthly_fee == Decimal(1000) and contract.amendment_share_pct == Decimal("7.5")


def test_refusals_are_bilingual_and_save_nothing(signed):
    with pytest.raises(ContractError, match="precede"):
        operations.add_amendment(signed, amended_on="2027-05-01", reason="x", value_change=1)
    with pytest.raises(ContractError, match="reason"):
        operations.add_amendment(signed, amended_on="2027-07-01", reason=" ", value_change=1)
    with pytest.raises(ContractError, match="neither"):
        operations.add_amendment(signed, amended_on="2027-07-01", reason="r")
    with pytest.raises(ContractError, match="YYYY-MM") as caught:
        operations.add_report(signed, period="2027-13", received_on="2027-07-10")
    assert "mois" in str(caught.value)
    with pytest.raises(ContractError, match="from 0 to"):
        operations.add_payment(signed, invoice_number="T-2", paid_on="2027-07-01", amount="-3")
    with pytest.raises(ContractError, match="quantity"):
        operations.add_payment(
            signed, invoice_number="T-3", paid_on="2027-07-01", amount="95", line_key="unit.hour"
        )
    with pytest.raises(ContractError, match="offset"):
        operations.add_incident(signed, started_at="2027-07-01 10:00")
    with pytest.raises(ContractError, match="before it starts"):
        operations.add_incident(
            signed, started_at="2027-07-01T10:00:00-03:00", resolved_at="2027-07-01T09:00:00-03:00"
        )
    contract = record.read(signed)
    assert (contract.amendments, contract.reports, contract.payments, contract.incidents) == ((), (), (), ())


def test_entries_that_do_not_add_up_are_refused(signed):
    """Signed 2027-05-25 for 95 502.70 $; unit.hour at 95 $; the invoice's total is the
    amount paid plus the credit deducted (570 $ = 520 $ + 50 $)."""
    with pytest.raises(ContractError, match="payment cannot precede") as caught:
        operations.add_payment(signed, invoice_number="T-4", paid_on="2027-05-24", amount="10")
    assert "Un paiement ne peut pas précéder la signature du contrat (2027-05-25)" in str(caught.value)
    with pytest.raises(ContractError, match="zero or below") as caught:
        operations.add_amendment(signed, amended_on="2027-07-01", reason="r", value_change="-95502.70")
    assert "zéro ou moins" in str(caught.value)
    with pytest.raises(ContractError, match=r"before its month ends \(2027-07-01 at the earliest\)"):
        operations.add_report(signed, period="2027-06", received_on="2027-06-30")
    with pytest.raises(ContractError, match="invoice's total"):
        operations.add_payment(
            signed,
            invoice_number="T-5",
            paid_on="2027-07-01",
            amount="520",
            line_key="unit.hour",
            quantity="6",
            unit_price="95",
        )
    with pytest.raises(ContractError, match="no line “unit.day”") as caught:
        operations.add_payment(
            signed, invoice_number="T-6", paid_on="2027-07-01", amount="10", line_key="unit.day"
        )
    assert "Le bordereau de prix n’a pas de ligne «\u00a0unit.day\u00a0»" in str(caught.value)
    assert record.read(signed).payments == () and record.read(signed).amendments == ()
    # what adds up is taken: the same invoice with its credit, a value brought to 0.01 $
    operations.add_payment(
        signed,
        paid_on="2027-07-01",
        amount="520",
        credit="50",
        invoice_number="F-1",
        line_key="unit.hour",
        quantity="6",
        unit_price="95",
    )
    operations.add_report(signed, period="2027-06", received_on="2027-07-01")
    operations.add_amendment(signed, amended_on="2027-07-01", reason="r", value_change="-95502.69")
    assert record.read(signed).current_value == Decimal("0.01")
    with pytest.raises(ContractError, match="Invoice F-1 is already recorded") as caught:
        operations.add_payment(signed, paid_on="2027-08-01", amount="10", invoice_number=" F-1 ")
    assert "La facture F-1 est déjà inscrite" in str(caught.value)
    assert [p.amount for p in record.read(signed).payments] == [Decimal(520)]


def test_a_report_earns_the_schedules_credit_and_a_period_is_reported_once(signed):
    """Target 99.5 %, 5 % of the monthly fee per full point missed, at most 25 %: 98.2 %
    misses 1.3 points → one full point → 5 % of 1 000 $ = 50 $; 93 % misses 6.5 → 30 %,
    capped at 25 % → 250 $; 99.6 % earns nothing."""
    operations.set_terms(signed, monthly_fee="1000")
    a = operations.add_report(signed, period="2027-06", received_on="2027-07-08", availability_pct="98.2")
    b = operations.add_report(signed, period="2027-07", received_on="2027-08-09", availability_pct="93")
    c = operations.add_report(signed, period="2027-08", received_on="2027-09-10", availability_pct="99.6")
    d = operations.add_report(
        signed, period="2027-09", received_on="2027-10-10", availability_pct="99", credits_due="12.5"
    )
    got = {r.id: r.credits_due for r in record.read(signed).reports}
    assert got == {a: Decimal("50.00"), b: Decimal("250.00"), c: Decimal("0.00"), d: Decimal("12.5")}
    with pytest.raises(ContractError, match="already recorded"):
        operations.add_report(signed, period="2027-06", received_on="2027-07-08")


def test_incident_times_in_hours(signed):
    report = operations.add_report(
        signed, period="2027-06", received_on="2027-07-08", availability_pct="99.7"
    )
    operations.add_incident(
        signed,
        started_at="2027-06-14T08:30:00-03:00",
        severity="critical",
        security=True,
        notified_at="2027-06-14T12:00:00-03:00",
        responded_at="2027-06-14T09:15:00-03:00",
        resolved_at="2027-06-14T14:45:00Z",  # 11:45 local
        report_id=report,
    )
    (incident,) = record.read(signed).incidents
    assert incident.hours_to("responded_at") == Decimal("0.75")
    assert incident.hours_to("resolved_at") == Decimal("3.25")
    assert incident.hours_to("notified_at") == Decimal("3.50")
    assert incident.report_id == report


def test_payments_fall_in_their_contract_year_and_spending_by_year(signed):
    contract = record.read(signed)
    assert [follow_up.contract_year(contract, d) for d in ("2027-05-30", "2028-05-31", "2028-06-01")] == [
        1,
        1,
        2,
    ]
    operations.add_payment(signed, paid_on="2027-07-15", amount="26300.75", invoice_number="F-101")
    operations.add_payment(signed, paid_on="2028-01-15", amount="12000", credit="50", invoice_number="F-102")
    operations.add_payment(
        signed,
        invoice_number="T-7",
        paid_on="2028-06-20",
        amount="190",
        line_key="unit.hour",
        quantity="2",
        unit_price="95",
    )
    contract = record.read(signed)
    assert [p.year for p in contract.payments] == [1, 1, 2]
    assert contract.paid == Decimal("38490.75") and contract.credits_taken == Decimal(50)
    years = follow_up.spending_by_year(
        signed.project,
        contract,
        {
            "one_off.implementation": (Decimal("18500.50"),),
            "recurring.subscriptions": (Decimal(12000), Decimal(12000)),
            "exit.exit_migration": (Decimal(2500),),
        },
    )
    assert [(y.year, y.paid, y.credits) for y in years[:3]] == [
        (1, Decimal("38300.75"), Decimal(50)),
        (2, Decimal(190), Decimal(0)),
        (3, Decimal(0), Decimal(0)),
    ]
    # the TCO option with the lowest NPV: years 0 and 1 in contract year 1
    assert years[0].forecast == Decimal(41000) + Decimal(20750)
    assert years[1].forecast == Decimal("21587.500")
    assert [y.bid for y in years[:3]] == [Decimal("30500.50"), Decimal(12000), Decimal(0)]
    assert len(years) == 5


def test_the_schedule_of_reports(signed):
    operations.set_terms(signed, report_days=10)
    contract = record.read(signed)
    due = follow_up.schedule(contract, dt.date(2027, 9, 5))
    assert [(d.period, d.due.isoformat()) for d in due] == [
        ("2027-06", "2027-07-10"),
        ("2027-07", "2027-08-10"),
        ("2027-08", "2027-09-10"),
    ]


def test_operations_are_journalled_and_undo_passes_over_them(signed):
    operations.add_payment(signed, invoice_number="T-8", paid_on="2027-07-15", amount="100")
    assert signed.journalled("contract")
    payment = record.read(signed).payments[0]
    assert undo.stacks(signed)[0] == [] or all(a.marker is not None for a in undo.stacks(signed)[0][-1:])
    operations.remove(signed, "payment", payment.id)
    assert record.read(signed).payments == ()
    with pytest.raises(ContractError):
        operations.remove(signed, "payment", payment.id)


def test_the_command_line_records_and_shows_the_follow_up(tmp_path, capsys):
    from wizard.cli import main as cli_main

    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), "terms", "--renewals", "1", "--share", "5"]) == 0
    assert (
        cli_main(
            [
                "contract",
                str(path),
                "report",
                "--period",
                "2027-08",
                "--date",
                "2027-09-10",
                "--availability",
                "97.2",
            ]
        )
        == 0
    )
    assert (
        cli_main(
            [
                "contract",
                str(path),
                "pay",
                "--date",
                "2028-04-15",
                "--amount",
                "2000",
                "--credit",
                "100",
                "--invoice",
                "F-2028-010",
            ]
        )
        == 0
    )
    assert (
        cli_main(
            [
                "contract",
                str(path),
                "amend",
                "--date",
                "2028-05-01",
                "--reason",
                "Deux sites",
                "--value-change",
                "3500",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Apprentissage Fundy inc.\t2027-05-25\t2027-06-01 → 2031-05-31" in out
    assert (
        "R3\t2027-08\t2027-09-10\t97.2%\t$100.00" in out
        or "R3\t2027-08\t2027-09-10\t97,2\u00a0%\t100,00\u00a0$" in out
    )
    assert "CT-AMENDMENT-SHARE" in out  # 5 300 $ on 95 502.70 $: 5.5 %, beyond 5 %
    again = ["--period", "2027-08", "--date", "2027-09-10", "--availability", "97.2"]
    assert cli_main(["contract", str(path), "report", *again]) == 2
    err = capsys.readouterr().err
    assert "already recorded" in err and "déjà enregistré" in err
    with ProjectFile.open(path, read_only=True) as f:
        contract = record.read(f)
    assert contract.paid == Decimal("43000.75") and contract.credits_taken == Decimal(150)


def test_the_command_line_says_what_is_missing(tmp_path, capsys):
    """``pay`` without ``--date`` names ``--date``; ``incident --report`` takes a report's
    number as ``show`` lists it (R1 or 1), and a wrong one is one bilingual line, never
    argparse's English."""
    from wizard.cli import main as cli_main
    from wizard.core.project_file.store import ProjectFile

    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), "pay", "--amount", "100"]) == 2
    err = capsys.readouterr().err
    assert "«\u00a0pay\u00a0» exige --date." in err and "“pay” needs --date." in err
    started = ["--started", "2027-07-20T08:00:00-03:00", "--severity", "major"]
    assert cli_main(["contract", str(path), "incident", *started, "--report", "R1"]) == 0
    assert cli_main(["contract", str(path), "incident", *started, "--report", "2"]) == 0
    capsys.readouterr()
    assert cli_main(["contract", str(path), "incident", *started, "--report", "juillet"]) == 2
    err = capsys.readouterr().err
    assert "--report prend le numéro d’un rapport de rendement" in err and "(R3 or 3): juillet" in err
    assert "invalid int" not in err
    assert cli_main(["contract", str(path), "incident", "--report", "R1"]) == 2
    assert "“incident” needs --started." in capsys.readouterr().err
    with ProjectFile.open(path, read_only=True) as f:
        contract = record.read(f)
    reports = {r.period: r.id for r in contract.reports}
    assert sorted(i.report_id for i in contract.incidents if i.started_at.startswith("2027-07-20")) == [
        reports["2027-06"],
        reports["2027-07"],
    ]
