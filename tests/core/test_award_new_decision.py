"""A change of the awarded bid (or to no award) is a new decision: the former one's
resolution, award day, signature day and reason are not carried to it (review
2026-12-07: the decision record quoted the resolution that awarded a bid as the one that
decided not to award)."""

from __future__ import annotations

from contract_sample import award, published

from wizard.core.bids import evaluation_entry
from wizard.core.bids.record import read


def test_no_award_drops_the_former_decision_s_resolution_and_days(tmp_path):
    with published(tmp_path) as pf:
        award(pf)
        evaluation_entry.set_award(pf, None)
        now = read(pf).award
    assert now.bid_id is None
    assert (now.resolution_number, now.resolution_date, now.awarded_on, now.contract_signed_on) == (
        "",
        "",
        "",
        "",
    )
    assert now.reason_if_not_top == ""
    assert now.signatory == "Martin Thériault"  # the Town's signatory stays


def test_no_award_keeps_what_it_is_given(tmp_path):
    with published(tmp_path) as pf:
        award(pf)
        evaluation_entry.set_award(pf, None, resolution_number="2027-06-140", resolution_date="2027-06-07")
        now = read(pf).award
    assert (now.resolution_number, now.resolution_date, now.awarded_on) == ("2027-06-140", "2027-06-07", "")


def test_the_same_bid_keeps_its_decision(tmp_path):
    """The clean twin: a correction to the same bid keeps the resolution and the days."""
    with published(tmp_path) as pf:
        bid_id = award(pf)
        evaluation_entry.set_award(pf, bid_id, signatory="M. T.")
        now = read(pf).award
    assert (now.resolution_number, now.resolution_date, now.awarded_on) == (
        "2027-05-088",
        "2027-05-17",
        "2027-05-18",
    )
    assert now.contract_signed_on and now.signatory == "M. T."


def test_dropped_with_decision_names_only_what_the_change_drops(tmp_path):
    with published(tmp_path) as pf:
        bid_id = award(pf)
        before = read(pf).award
    dropped = evaluation_entry.dropped_with_decision
    assert dropped(before, bid_id, {}) == []
    assert dropped(before, None, {"resolution_number": "R-2"}) == [
        "reason_if_not_top",
        "resolution_date",
        "awarded_on",
        "contract_signed_on",
    ]
    assert dropped(None, None, {}) == []


def test_the_command_line_says_what_the_new_decision_does_not_keep(tmp_path, capsys):
    from wizard.cli import main as cli_main

    with published(tmp_path) as pf:
        award(pf)
    path = tmp_path / "training.tender"
    assert cli_main(["bid", str(path), "award", "none", "--resolution", "2027-06-140", "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert (
        "what the former one held for --reason, --resolution-date, --awarded-on, --signed-on is not kept"
        in err
    )
    assert "ce que la précédente contenait pour --reason" in err
    # the twin: the same decision again says nothing of the kind
    assert (
        cli_main(["bid", str(path), "award", "none", "--resolution-date", "2027-06-07", "--lang", "en"]) == 0
    )
    assert "is not kept" not in capsys.readouterr().err
