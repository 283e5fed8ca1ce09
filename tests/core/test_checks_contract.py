"""Findings on the contract's follow-up (checks/contract.py): each with a contract that
triggers it and its clean twin, with the right amounts."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from contract_sample import award, published

from wizard.core.checks.base import Severity
from wizard.core.checks.contract import check_contract
from wizard.core.contract import operations, record

TODAY = "2027-09-05"
"""June, July and August 2027 have ended; their reports are due July 15, August 15 and
September 15 (15 days after the month)."""


@pytest.fixture
def pf(tmp_path):
    with published(tmp_path) as f:
        award(f)
        operations.set_terms(f, monthly_fee="1000")
        # the clean twin: every report due is in, on time, no credit due
        operations.add_report(f, period="2027-06", received_on="2027-07-10", availability_pct="99.8")
        operations.add_report(f, period="2027-07", received_on="2027-08-12", availability_pct="99.9")
        yield f


def codes(pf, today=TODAY, rates=None):
    found = check_contract(pf.project, record.read(pf), today, rates)
    return {f.code: f for f in found}


def test_a_clean_contract_has_no_finding(pf):
    operations.add_amendment(pf, amended_on="2027-08-01", reason="One more site", value_change="9550.27")
    operations.add_payment(
        pf, invoice_number="T-1", paid_on="2027-07-15", amount="26300.75", line_key="one_off.implementation"
    )
    operations.add_payment(
        pf,
        invoice_number="T-2",
        paid_on="2027-08-15",
        amount="190",
        line_key="unit.hour",
        quantity="2",
        unit_price="95",
    )
    assert codes(pf, rates={"unit.hour": Decimal(95)}) == {}
    assert check_contract(pf.project, None, TODAY) == []


def test_amendments_beyond_the_towns_share(pf):
    """95 502.70 $ + 9 550.28 $ is 10.0000… % above: beyond 10 % by a cent."""
    operations.add_amendment(pf, amended_on="2027-08-01", reason="One more site", value_change="9550.28")
    operations.add_amendment(pf, amended_on="2027-08-02", reason="Fewer licences", value_change="-3000")
    got = codes(pf)["CT-AMENDMENT-SHARE"]
    assert got.message("en").startswith(
        "The amendments raise the contract's value by $9,550.28 (10.0% of $95,502.70)"
    )
    assert "10,0\u00a0%" in got.message("fr") and "R064" in got.message("fr")
    # walk defect 14: the red flag's number is data (checks.contract.RED_FLAGS), said in the house phrase
    assert "numéro à confirmer" not in got.message("fr") and "its number to be confirmed" not in got.message(
        "en"
    )
    assert got.message("en").endswith(
        "or call for tenders (red flag R064 of the Open Contracting Partnership, to be confirmed by counsel)."
    )
    # second walk: the default share is never called the Town's own
    assert "beyond the default share (10.0%): the Town has not set its own." in got.message("en")
    assert (
        "au-delà de la part par défaut (10,0\u00a0%)\u00a0: la Ville n’a pas fixé la sienne"
        in got.message("fr")
    )
    assert "fixée par la Ville" not in got.message("fr")
    operations.set_terms(pf, amendment_share_pct="9")
    own = codes(pf)["CT-AMENDMENT-SHARE"]
    assert "beyond the Town's share of 9.0%:" in own.message("en") and "default" not in own.message("en")
    assert "au-delà de la part de 9,0\u00a0% fixée par la Ville" in own.message("fr")
    operations.set_terms(pf, amendment_share_pct="12")
    assert "CT-AMENDMENT-SHARE" not in codes(pf)


def test_payments_beyond_the_contract(pf):
    operations.add_payment(pf, invoice_number="T-3", paid_on="2027-07-15", amount="95502.70")
    assert "CT-PAYMENTS-EXCEED" not in codes(pf)
    operations.add_payment(pf, invoice_number="T-4", paid_on="2027-08-15", amount="0.30")
    got = codes(pf)["CT-PAYMENTS-EXCEED"]
    assert got.severity.value == "error"
    assert "exceed the contract's value as amended ($95,502.70) by $0.30" in got.message("en")
    assert "R068" in got.message("en") and "issue 23" not in got.message("en")
    assert "issue 23" not in got.message("fr") and "numéro à confirmer" not in got.message("fr")
    assert got.message("fr").endswith(
        "(signal d’alerte R068 de l’Open Contracting Partnership, à faire confirmer par les conseillers juridiques)."
    )
    operations.add_amendment(pf, amended_on="2027-08-20", reason="Extra training", value_change="1")
    assert "CT-PAYMENTS-EXCEED" not in codes(pf)


def test_a_missing_and_a_late_report(pf):
    assert "CT-REPORT-MISSING" not in codes(pf, "2027-09-15")  # August's is due that day
    got = codes(pf, "2027-09-16")["CT-REPORT-MISSING"]
    assert "2027-08" in got.message("en") and "août" not in got.message("fr")
    operations.add_report(pf, period="2027-08", received_on="2027-09-20", availability_pct="99.9")
    found = codes(pf, "2027-09-21")
    assert "CT-REPORT-MISSING" not in found
    assert "2027-08" in found["CT-REPORT-LATE"].message("en")


def test_credits_due_not_taken(pf):
    """99.1 % misses 0.4 point: no full point, no credit; 97.2 % misses 2.3 → 10 % of 1 000 $."""
    operations.add_report(pf, period="2027-08", received_on="2027-09-08", availability_pct="97.2")
    assert record.read(pf).credits_due == Decimal("100.00")
    operations.add_payment(
        pf, invoice_number="T-5", paid_on="2027-09-07", amount="1000"
    )  # before the report: not yet due
    assert "CT-CREDITS-NOT-TAKEN" not in codes(pf, "2027-10-01")
    operations.add_payment(pf, invoice_number="T-6", paid_on="2027-10-07", amount="1000", credit="40")
    got = codes(pf, "2027-10-08")["CT-CREDITS-NOT-TAKEN"]
    assert (
        "give $100.00 of service credits, and the payments deducted $40.00: $60.00 is still owed"
        in got.message("en")
    )
    operations.add_payment(pf, invoice_number="T-7", paid_on="2027-10-08", amount="940", credit="60")
    assert "CT-CREDITS-NOT-TAKEN" not in codes(pf, "2027-10-09")


def test_a_unit_price_above_the_bids_rate(pf):
    operations.add_payment(
        pf,
        paid_on="2027-08-15",
        amount="300",
        line_key="unit.hour",
        quantity="3",
        unit_price="100",
        invoice_number="F-204",
    )
    got = codes(pf, rates={"unit.hour": Decimal(95)})["CT-UNIT-PRICE"]
    assert (
        "Invoice F-204 of 2027-08-15 bills Additional services ordered by the Town (per hour) at $100.00 a "
        "unit, above the bid's rate of $95.00" in got.message("en")
    )
    assert "unit.hour" not in got.message("fr")
    assert "Services supplémentaires commandés par la Ville (par heure)" in got.message("fr")
    assert "CT-UNIT-PRICE" not in codes(pf, rates={"unit.hour": Decimal(100)})


def test_a_security_incident_notified_late(pf):
    operations.add_incident(
        pf, started_at="2027-07-03T08:00:00-03:00", security=True, notified_at="2027-07-04T08:00:00-03:00"
    )
    assert "CT-NOTICE-LATE" not in codes(pf)  # 24 hours exactly
    operations.add_incident(
        pf, started_at="2027-07-05T08:00:00-03:00", security=True, notified_at="2027-07-06T09:30:00-03:00"
    )
    operations.add_incident(pf, started_at="2027-07-07T08:00:00-03:00", security=False)
    got = codes(pf)["CT-NOTICE-LATE"]
    assert "after 25.5 hours" in got.message("en") and "within 24 hours" in got.message("en")
    assert "or never" not in got.message("en") and "2027-07-05T" not in got.message("en")
    # the Town's zone, named as the contract documents name it (walk: "UTC−03:00" here,
    # « heure de l’Atlantique » in the performance document)
    assert "July\u00a05, 2027, 8:00\u00a0a.m. Atlantic Time" in got.message("en")
    french = got.message("fr")
    assert (
        "après 25,5\u00a0heures" in french
        and "du 5\u00a0juillet\u00a02027, 8\u00a0h\u00a000 (heure de l’Atlantique)" in french
    )
    assert "UTC" not in french and "UTC" not in got.message("en")
    assert "jamais" not in got.message("fr")


def test_a_late_notice_in_a_project_without_a_zone_keeps_the_recorded_offset(pf):
    """The twin: a project with no province nor zone has no zone to name; the moment
    keeps the offset it was recorded with."""
    operations.add_incident(
        pf, started_at="2027-07-05T08:00:00-03:00", security=True, notified_at="2027-07-06T09:30:00-03:00"
    )
    info = dataclasses.replace(pf.project.info, province="", time_zone="")
    project = dataclasses.replace(pf.project, info=info)
    (got,) = [f for f in check_contract(project, record.read(pf), TODAY) if f.code == "CT-NOTICE-LATE"]
    assert "du 5\u00a0juillet\u00a02027, 8\u00a0h\u00a000 (UTC\u221203:00)" in got.message("fr")
    assert "July\u00a05, 2027, 8:00\u00a0a.m. (UTC\u221203:00)" in got.message("en")


def test_a_security_incident_without_notice_and_whole_hours(pf):
    operations.add_incident(
        pf, started_at="2027-07-05T08:00:00-03:00", security=True, notified_at="2027-07-09T08:00:00-03:00"
    )
    got = codes(pf)["CT-NOTICE-LATE"]
    assert "après 96\u00a0heures" in got.message("fr") and "96.00" not in got.message("en")
    operations.remove(pf, "incident", record.read(pf).incidents[0].id)
    operations.add_incident(pf, started_at="2027-07-05T08:00:00-03:00", security=True)
    got = codes(pf)["CT-NOTICE-LATE"]
    assert got.message("en").startswith(
        "No notice to the Town is recorded for the security incident of July\u00a05"
    )
    assert got.message("fr").startswith("Aucun avis à la Ville n’est inscrit")


def test_the_readers_see_the_winning_bids_rates(pf):
    found = record.follow_up(pf)
    assert found is not None
    assert found.rates == {"unit.hour": Decimal(95), "unit.user": Decimal("42.5")}
    assert found.contract.supplier == "Formation Acadie inc."


def test_the_views_judge_as_of_today_the_exports_as_of_the_latest_entry(pf):
    """Issue 23 follow-up, "as of": ``follow_up.as_of`` is the one function. The latest
    entry is July's report, received 2027-08-12; August's report is due 2027-09-15.
    Judged as of the clock's 2027-09-20 (the app, ``check``, ``contract show``) August
    is missing; as of the latest entry (``export``: no clock, the same file gives the
    same documents any day) it is not yet due. A clock before the latest entry (set
    wrong) never judges the follow-up before what it records; a day given wins."""
    import datetime as dt

    from wizard.core.contract.follow_up import as_of, latest_entry

    c = record.read(pf)
    assert latest_entry(c) == dt.date(2027, 8, 12)
    assert as_of(c) == dt.date(2027, 8, 12)
    assert as_of(c, dt.date(2027, 9, 20)) == dt.date(2027, 9, 20)
    assert as_of(c, dt.date(2026, 12, 6)) == dt.date(2027, 8, 12)
    assert as_of(dataclasses.replace(c, as_of="2027-09-01"), dt.date(2027, 9, 20)) == dt.date(2027, 9, 1)
    today = {f.code: f for f in check_contract(pf.project, c, "", today=dt.date(2027, 9, 20))}
    assert (
        today["CT-REPORT-MISSING"].message("en").startswith("The performance report for 2027-08 is past due")
    )
    assert "CT-REPORT-MISSING" not in {f.code for f in check_contract(pf.project, c)}
    assert "CT-REPORT-MISSING" not in {f.code for f in check_contract(pf.project, c, "2027-09-15")}


def test_credits_deducted_beyond_those_due(pf):
    operations.add_report(
        pf, period="2027-08", received_on="2027-09-08", availability_pct="99", credits_due="50"
    )
    operations.add_payment(pf, invoice_number="X-1", paid_on="2027-09-15", amount="10", credit="500")
    operations.add_payment(pf, invoice_number="X-2", paid_on="2027-09-16", amount="100", credit="50")
    got = codes(pf, "2027-09-20")
    assert "CT-CREDITS-NOT-TAKEN" not in got
    assert got["CT-CREDITS-EXCESS"].severity == Severity.WARNING
    assert (
        "The payments deducted $550.00 of service credits, but the performance reports received by "
        "2027-09-16 give only $50.00: $500.00 was deducted beyond the credits due."
        in got["CT-CREDITS-EXCESS"].message("en")
    )
    assert "500,00\u00a0$ a été déduit au-delà des crédits dus" in got["CT-CREDITS-EXCESS"].message("fr")


def test_credits_deducted_as_due_give_no_excess(pf):
    operations.add_report(
        pf, period="2027-08", received_on="2027-09-08", availability_pct="99", credits_due="50"
    )
    operations.add_payment(pf, invoice_number="X-1", paid_on="2027-09-15", amount="10", credit="50")
    got = codes(pf, "2027-09-20")
    assert "CT-CREDITS-EXCESS" not in got and "CT-CREDITS-NOT-TAKEN" not in got
