"""Findings on the bids and their evaluation (wizard/core/checks/bids.py): each with a
record that triggers it and its clean twin (``bids_record_sample.clean``, which triggers none),
and the red flags of the Open Contracting Partnership named in the message."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import bids_record_sample as sample
import pytest

from wizard.core.bids.record import Award, BidsRecord, ConsensusScore, SheetScore
from wizard.core.bids.scoring_input import evaluate_bids, evaluation_input
from wizard.core.checks import run_checks
from wizard.core.checks.bids import check_bids


def _found(record: BidsRecord, project=None):
    project = project or sample.project()
    return [(f.code, f.field) for f in check_bids(project, record)]


def _one(record: BidsRecord, project=None):
    found = check_bids(project or sample.project(), record)
    assert len(found) == 1, [(f.code, f.field) for f in found]
    return found[0]


def _with_bid(record: BidsRecord, bid_id: int, **changes) -> BidsRecord:
    return replace(record, bids=tuple(replace(b, **changes) if b.id == bid_id else b for b in record.bids))


def test_the_clean_record_has_no_finding():
    assert _found(sample.clean()) == []


def test_no_bid_no_finding():
    assert _found(BidsRecord()) == []


def test_the_clean_record_is_scored_by_hand():
    ev = evaluate_bids(sample.project(), sample.clean())
    assert [r.status for r in ev.results] == ["late", "non_compliant", "below_threshold", "ranked", "ranked"]
    # bid 4: 70 × 9/10 + 30 × 100 000 / 123 456.78; bid 5: 70 × 7/10 + 30
    assert ev.result(4).total == Fraction(63) + Fraction(30 * 100000 * 100, 12345678)
    assert ev.result(5).total == Fraction(79)
    assert ev.ranking() == (4, 5) and ev.recommended == 4


def test_an_author_scoring():
    project = sample.project()
    project.jury[0].name = "chantal ROBICHAUD"  # an author, folded
    f = _one(sample.clean(), project)
    assert (f.code, f.field, f.severity.value) == ("BD-AUTHOR-SCORING", "jury:1.name", "error")
    assert "chantal ROBICHAUD wrote the tender and scored bids" in f.message("en")
    twin = sample.project()
    twin.jury[2].name = "Chantal Robichaud"  # member 3 sits on the committee but scored nothing
    assert _found(sample.clean(), twin) == []


def test_a_member_scoring_without_a_declaration():
    project = sample.project()
    project.jury[1].declaration_signed = False
    assert _found(sample.clean(), project) == [("BD-NO-DECLARATION", "jury:2.declaration_signed")]
    twin = sample.project()
    twin.jury[2].declaration_signed = False  # member 3 did not score
    assert _found(sample.clean(), twin) == []


def test_prices_opened_before_the_lock():
    unlocked = replace(sample.clean(), quality_locked_at="")
    f = _one(unlocked)
    assert (f.code, f.field, f.severity.value) == ("BD-OPENED-EARLY", "bids.opening", "warning")
    later = replace(sample.clean(), quality_locked_at="2027-04-26T15:00:00-03:00")  # after the 14:00 opening
    assert _found(later) == [("BD-OPENED-EARLY", "bids.opening")]
    # 16:30 UTC is 13:30 at −03:00, before the 14:00 opening: compared as moments, not text
    other_zone = replace(sample.clean(), quality_locked_at="2027-04-26T16:30:00+00:00")
    assert _found(other_zone) == []


def test_prices_opened_before_the_lock_under_two_envelopes():
    project = sample.project()
    project.evaluation.quebec_weighted = True
    found = check_bids(project, replace(sample.clean(), quality_locked_at=""))
    early = [f for f in found if f.code == "BD-OPENED-EARLY"]
    assert [f.severity.value for f in early] == ["error"]
    assert "two envelopes" in early[0].message("en")


def test_a_late_bid_opened():
    record = _with_bid(sample.clean(), 1, evaluated_price=Decimal(90000))
    f = _one(record)
    assert (f.code, f.field) == ("BD-LATE-OPENED", "bids:1.late")
    assert "Alpha Logiciels inc." in f.message("fr")


def test_a_single_bid_received_r018():
    clean = sample.clean()
    record = replace(
        clean,
        bids=tuple(b for b in clean.bids if b.id in (1, 4)),
        opening=replace(clean.opening, fingerprints={4: f"{4:064x}"}),
    )
    f = _one(record)
    assert f.code == "BD-SINGLE-BID" and "R018" in f.message("en") and "R018" in f.message("fr")


def _without_bid_5(award: int | None):
    clean = _with_bid(sample.clean(), 2, evaluated_price=Decimal(140000))  # bid 4 is the lowest
    return replace(clean, bids=tuple(b for b in clean.bids if b.id != 5), award=Award(bid_id=award))


def test_one_compliant_bid_before_the_award():
    f = _one(_without_bid_5(None))
    assert f.code == "BD-ONE-COMPLIANT" and "Delta Numérique" in f.message("en")


def test_all_but_the_winner_set_aside_r035():
    f = _one(_without_bid_5(4))
    assert (f.code, f.field) == ("BD-ALL-BUT-WINNER", "bids.award")
    assert "R035" in f.message("fr")


def test_identical_prices_r028():
    record = _with_bid(sample.clean(), 3, evaluated_price=Decimal("123456.78"))
    f = _one(record)
    assert (f.code, f.field) == ("BD-SAME-PRICE", "bids:3.evaluated_price")
    assert (
        "Gamma Tech, Delta Numérique bid the same evaluated price, $123,456.78 (red flag R028"
        in f.message("en")
    )
    assert "123\u00a0456,78\u00a0$" in f.message("fr")


def test_the_lowest_bid_set_aside_r036():
    record = _with_bid(sample.clean(), 2, evaluated_price=Decimal(90000))
    f = _one(record)
    assert (f.code, f.field) == ("BD-LOWEST-DISQUALIFIED", "bids:2.evaluated_price")
    assert "R036" in f.message("en")


def test_a_late_bid_awarded_r030():
    record = replace(sample.clean(), award=Award(bid_id=1))
    assert _found(record) == [("BD-LATE-WINNER", "bids.award")]


def test_the_winner_failing_the_threshold_r056():
    record = replace(sample.clean(), award=Award(bid_id=3))
    assert _found(record) == [("BD-WINNER-FAILS", "bids.award"), ("BD-NOT-TOP", "bids.award")]
    justified = replace(sample.clean(), award=Award(bid_id=2, reason_if_not_top="Counsel's opinion"))
    f = _one(justified)
    assert f.code == "BD-WINNER-FAILS" and "R056" in f.message("en")


def test_the_award_not_to_the_first_without_a_reason():
    record = replace(sample.clean(), award=Award(bid_id=5))
    assert _found(record) == [("BD-NOT-TOP", "bids.award")]
    twin = replace(
        sample.clean(), award=Award(bid_id=5, reason_if_not_top="Bid 4 withdrew after the opening.")
    )
    assert _found(twin) == []


def test_mandatory_evidence_missing():
    clean = sample.clean()
    first = clean.mandatory[0]
    record = replace(clean, mandatory=(replace(first, evidence="  "), *clean.mandatory[1:]))
    f = _one(record)
    assert (f.code, f.field) == ("BD-EVIDENCE", "bids:2.mandatory")
    assert "Criterion OBL-1" in f.message("en") and "critère OBL-1" in f.message("fr")  # a French-only tender
    not_assessed = replace(clean, mandatory=(replace(first, passed=None, evidence=""), *clean.mandatory[1:]))
    assert "BD-EVIDENCE" not in [c for c, _f in _found(not_assessed)]


def test_points_outside_the_scale():
    clean = sample.clean()
    sheets = tuple(
        replace(s, points=2) if (s.bid_id, s.jury_member_id, s.criterion_id) == (5, 1, 6) else s
        for s in clean.sheets
    )
    f = _one(replace(clean, sheets=sheets))
    assert (f.code, f.field) == ("BD-SCALE", "bids:5.sheets")
    assert f.message("en").startswith("2 points on criterion OPT-1 for Epsilon Inc. (Nathalie Cormier)")
    consensus = tuple(
        replace(c, points=-1) if (c.bid_id, c.criterion_id) == (5, 15) else c for c in clean.consensus
    )
    codes = [(c, fld) for c, fld in _found(replace(clean, consensus=consensus))]
    assert ("BD-SCALE", "bids:5.consensus") in codes


def test_divergent_sheets_before_consensus():
    clean = sample.clean()
    # member 2 gives bid 5 no point on criterion 6, member 1 gives one; the consensus has no reason yet
    sheets = tuple(
        replace(s, points=0) if (s.bid_id, s.jury_member_id, s.criterion_id) == (5, 2, 6) else s
        for s in clean.sheets
    )
    consensus = tuple(
        replace(c, reason="") if (c.bid_id, c.criterion_id) == (5, 6) else c for c in clean.consensus
    )
    f = _one(replace(clean, sheets=sheets, consensus=consensus))
    assert (f.code, f.field) == ("BD-DIVERGENT", "bids:5.consensus")
    assert "(Nathalie Cormier: 1, Denis Arseneault: 0)" in f.message("en")
    settled = replace(clean, sheets=sheets)  # the consensus gives its reason
    assert _found(settled) == []


def test_run_checks_adds_the_bids_findings_only_with_bids():
    project = sample.project()
    record = replace(sample.clean(), award=Award(bid_id=1))
    with_bids = [f.code for f in run_checks(project, record)]
    assert "BD-LATE-WINNER" in with_bids
    assert [f for f in run_checks(project, BidsRecord()) if f.code.startswith("BD-")] == []
    assert [f.code for f in run_checks(project)] == [c for c in with_bids if c != "BD-LATE-WINNER"]


def test_the_example_of_issue_22():
    """Four bids: one late, one failing a mandatory criterion, one below the threshold, a
    winner. The failing bid is the lowest and the winner the only bid that passes: the
    red flags R035 and R036 show, and the report must give the reasons."""
    clean = sample.clean()
    record = replace(
        _with_bid(clean, 2, evaluated_price=Decimal(80000)),
        bids=tuple(b for b in _with_bid(clean, 2, evaluated_price=Decimal(80000)).bids if b.id != 5),
    )
    assert sorted(_found(record)) == [
        ("BD-ALL-BUT-WINNER", "bids.award"),
        ("BD-LOWEST-DISQUALIFIED", "bids:2.evaluated_price"),
    ]


# -- the adapter (bids/scoring_input.py) -------------------------------------------------


def test_evaluation_input_of_the_training_example():
    inp = evaluation_input(sample.project(), sample.clean())
    assert inp.mandatory_ids == sample.MANDATORY and inp.optional_ids == sample.OPTIONAL
    assert (inp.max_points, inp.threshold_pct, inp.quality_weight, inp.price_weight) == (1, 70, 70, 30)
    assert inp.method == "weighted" and inp.grid_max == {}
    assert inp.tie_break.startswith("En cas d'égalité")
    assert [b.key for b in inp.bids] == [1, 2, 3, 4, 5]
    four = inp.bids[3]
    assert four.name == "Delta Numérique" and four.evaluated_price == Decimal("123456.78")
    assert four.mandatory == dict.fromkeys(sample.MANDATORY, True)
    assert sum(p or 0 for p in four.consensus.values()) == 9
    assert set(four.sheets) == {1, 2}
    assert inp.bids[0].late and inp.bids[0].evaluated_price is None


def test_withdrawn_and_rejected_bids_are_not_evaluated():
    record = _with_bid(_with_bid(sample.clean(), 2, withdrawn=True), 3, rejected="No response form")
    assert [b.key for b in evaluation_input(sample.project(), record).bids] == [1, 4, 5]


def test_scores_on_other_criteria_are_left_out():
    clean = sample.clean()
    record = replace(
        clean,
        sheets=(*clean.sheets, SheetScore(4, 1, 1, 1, "a mandatory criterion")),
        consensus=(*clean.consensus, ConsensusScore(4, 99, 1, "no such criterion")),
    )
    four = evaluation_input(sample.project(), record).bids[3]
    assert 1 not in four.sheets[1] and 99 not in four.consensus


@pytest.mark.parametrize("ticked", [True, False])
def test_the_method_follows_the_published_tender(ticked):
    project = sample.project()
    project.evaluation.quebec_weighted = ticked
    inp = evaluation_input(project, sample.clean())
    assert inp.method == ("quebec" if ticked else "weighted")
    assert inp.grid_max == ({g.id: g.points for g in project.quality_grid} if ticked else {})


@pytest.mark.slow  # a project file written, then read by check
def test_check_on_the_command_line_reads_the_bids(tmp_path, capsys):
    """``main.py check`` on the bundled example, whose award goes to the only bid not set
    aside (one late, one failing a mandatory criterion, one below the threshold): R035."""
    from wizard.cli import main as cli_main

    path = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    cli_main(["check", str(path), "--lang", "en"])
    lines = [line for line in capsys.readouterr().out.splitlines() if " BD-" in line]
    assert len(lines) == 1
    assert (
        "BD-ALL-BUT-WINNER" in lines[0]
        and "from Apprentissage Fundy inc., was set aside (red flag R035" in lines[0]
    )


def test_consensus_for_a_bid_no_sheet_scores():
    clean = sample.clean()
    record = replace(clean, sheets=tuple(s for s in clean.sheets if s.bid_id != 5))
    f = _one(record)
    assert (f.code, f.field, f.severity.value) == ("BD-NO-SHEET", "bids:5.sheets", "warning")
    assert f.message("en").startswith("The consensus gives points to Epsilon Inc. while no member")
    assert f.message("fr").startswith("Le consensus attribue des points à Epsilon Inc. alors qu’aucun membre")
    # the clean twin: one score on one sheet is a sheet for the bid
    one = replace(clean, sheets=tuple(s for s in clean.sheets if s.bid_id != 5 or s == clean.sheets[-1]))
    assert _found(one) == []


def _without_verifications(record: BidsRecord, bid_id: int, result: str | None = None) -> BidsRecord:
    """``record`` with bid ``bid_id``'s verifications taken out, or set to ``result``."""
    kept = [v for v in record.verifications if v.bid_id != bid_id]
    if result is not None:
        kept += [replace(v, result=result) for v in record.verifications if v.bid_id == bid_id]
    return replace(record, verifications=tuple(kept))


def test_locked_with_no_scenario_verified():
    # walk 2026-12-07: no `verify` recorded, the lock and the award went through silently
    f = _one(_without_verifications(sample.clean(), 4))
    assert (f.code, f.field, f.severity.value) == ("BD-UNVERIFIED", "bids:4.verifications", "warning")
    assert f.message("en").startswith(
        "The quality scores are locked while the technical committee's verification of "
        "S-1, S-2, S-3, S-4, S-5 was never recorded for the bid of Delta Numérique"
    )
    assert "le comité technique" in f.message("fr")
    # "pending" is no verification either
    assert _found(_without_verifications(sample.clean(), 4, "pending")) == [
        ("BD-UNVERIFIED", "bids:4.verifications")
    ]
    # a refuted scenario is verified: the clean twin
    assert _found(_without_verifications(sample.clean(), 4, "refuted")) == []


def test_one_scenario_left_pending_is_named_alone():
    record = sample.clean()
    record = replace(
        record,
        verifications=tuple(
            replace(v, result="pending") if (v.bid_id, v.scenario_id) == (5, 3) else v
            for v in record.verifications
        ),
    )
    (f,) = check_bids(sample.project(), record)
    assert (f.field, f.param("scenarios")) == ("bids:5.verifications", "S-3")


def test_awarded_without_lock_and_unverified_says_to_record_them():
    record = replace(_without_verifications(sample.clean(), 4), quality_locked_at="")
    found = [f for f in check_bids(sample.project(), record) if f.code == "BD-UNVERIFIED"]
    assert [f.field for f in found] == ["bids:4.verifications"]
    assert (
        found[0]
        .message("en")
        .startswith("The award is recorded while the technical committee's verification")
    )


def test_before_the_lock_and_the_award_pending_verifications_are_no_finding():
    record = replace(sample.clean(), verifications=(), quality_locked_at="", opening=None, award=None)
    assert "BD-UNVERIFIED" not in [code for code, _field in _found(record)]


def test_a_bid_set_aside_needs_no_verification():
    # bid 2 fails mandatory criterion 3 and bid 1 is late: neither has a verification
    assert {v.bid_id for v in sample.clean().verifications} == {3, 4, 5}
    assert _found(sample.clean()) == []
    # bid 3 rejected before the opening: its missing verifications are no finding
    record = _with_bid(_without_verifications(sample.clean(), 3), 3, rejected="Unsigned")
    assert "BD-UNVERIFIED" not in [code for code, _field in _found(record)]
