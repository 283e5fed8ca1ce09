"""The evaluation arithmetic of the bids (wizard/core/domain/bid_scoring.py): every
expected score is a fraction worked out by hand in the test, never by the module."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from wizard.core.domain.bid_scoring import (
    BidInput,
    EvaluationInput,
    divergences,
    evaluate,
    linear_price_score,
    ratio_price_score,
    sensitivity,
    tie_break_keys,
    without_member_points,
)

MANDATORY = (1, 2)
OPTIONAL = tuple(range(11, 21))  # ten one-point criteria: 70 % needs 7 points
ALL_PASS = {1: True, 2: True}
TRAINING_RULE = (
    "En cas d'égalité, le contrat est accordé au soumissionnaire dont le prix évalué est le plus bas; "
    "si l'égalité persiste, par tirage au sort public."
)


def _points(*met: int) -> dict[int, int | None]:
    """A sheet or a consensus: 1 point on each criterion of ``met``, 0 on the others."""
    return {c: int(c in met) for c in OPTIONAL}


def _bid(key, consensus, price, *, mandatory=None, sheets=None, late=False, grid=None):
    return BidInput(
        key=key,
        name=f"Bidder {key}",
        late=late,
        mandatory=ALL_PASS if mandatory is None else mandatory,
        sheets=sheets or {},
        consensus=consensus,
        evaluated_price=None if price is None else Decimal(price),
        grid=grid or {},
    )


def _input(
    *bids, tie_break=TRAINING_RULE, optional=OPTIONAL, weights=(70, 30), method="weighted", grid_max=None
):
    return EvaluationInput(
        mandatory_ids=MANDATORY,
        optional_ids=optional,
        max_points=1,
        threshold_pct=70,
        quality_weight=weights[0],
        price_weight=weights[1],
        method=method,
        tie_break=tie_break,
        bids=bids,
        grid_max=grid_max or {},
    )


# The example of issue 22: four bids (one late, one failing a mandatory criterion, one
# below the threshold, a winner), two jury sheets, a consensus.
NINE = range(11, 20)
LATE = _bid(1, _points(*range(11, 21)), "90000", late=True)
FAILS = _bid(2, _points(*range(11, 19)), "80000", mandatory={1: True, 2: False})
BELOW = _bid(
    3, _points(*range(11, 17)), "95000", sheets={7: _points(*range(11, 17)), 9: _points(*range(11, 17))}
)
WINNER = _bid(
    4,
    _points(*NINE),
    "123456.78",
    sheets={7: _points(*NINE), 9: _points(*range(11, 17))},  # member 9 gave 6 points, not 9
)
FOUR = _input(LATE, FAILS, BELOW, WINNER)


def test_the_four_bids_of_the_example():
    ev = evaluate(FOUR)
    status = {r.key: r.status for r in ev.results}
    assert status == {1: "late", 2: "non_compliant", 3: "below_threshold", 4: "ranked"}
    winner = ev.result(4)
    # quality 70 × 9/10 = 63; the only bid that passes is the lowest: 30 points
    assert winner.quality_points == 9
    assert winner.quality_score == Fraction(63)
    assert winner.price_score == Fraction(30)
    assert winner.total == Fraction(93)
    assert (winner.rank, winner.tied_with) == (1, ())
    assert ev.recommended == 4 and ev.complete and ev.tie == "none"
    assert ev.result(2).failed == (2,)
    assert ev.result(3).quality_score == Fraction(42)  # 6 points: below 7, never priced
    assert ev.result(3).price_score is None and ev.result(3).rank is None
    assert ev.result(1).quality_points is None  # a late bid is never opened


def test_a_second_passing_bid_scores_price_by_the_lowest():
    runner_up = _bid(5, _points(*range(11, 18)), "100000")  # 7 points, the lowest price
    ev = evaluate(_input(LATE, FAILS, BELOW, WINNER, runner_up))
    # lowest among the bids that pass is 100 000 (the failing bid's 80 000 does not count)
    assert ev.result(5).total == Fraction(49) + Fraction(30)
    price = Fraction(30) * Fraction(100000) / Fraction(12345678, 100)
    assert price == Fraction(300_000_000, 12_345_678)
    assert ev.result(4).price_score == price
    assert ev.result(4).total == Fraction(63) + Fraction(300_000_000, 12_345_678)
    assert ev.ranking() == (4, 5)
    assert ev.recommended == 4


def test_weights_out_of_the_optional_points():
    three = tuple(range(11, 14))  # 3 criteria: 70 % needs 3 (2.1 rounds up)
    two_of_three = _bid(1, {11: 1, 12: 1, 13: 0}, "1000")
    ev = evaluate(_input(two_of_three, optional=three))
    assert ev.result(1).status == "below_threshold"
    assert ev.result(1).quality_score == Fraction(140, 3)


def test_a_mandatory_criterion_not_assessed_keeps_the_bid_out_with_its_reason():
    unassessed = _bid(1, _points(*NINE), "100000", mandatory={1: True, 2: None})
    absent = _bid(2, _points(*NINE), "110000", mandatory={1: True})
    other = _bid(3, _points(*range(11, 18)), "90000")
    ev = evaluate(_input(unassessed, absent, other))
    assert [r.status for r in ev.results] == ["pending", "pending", "ranked"]
    assert ev.result(1).not_assessed == (2,) and ev.result(2).not_assessed == (2,)
    assert ev.recommended is None and not ev.complete
    assert ev.result(3).rank == 1  # ranked among the decided bids, but not recommended yet


def test_a_criterion_without_consensus_keeps_the_bid_pending():
    consensus = _points(*NINE) | {20: None}
    ev = evaluate(_input(_bid(1, consensus, "100000")))
    assert ev.result(1).status == "pending"
    assert ev.result(1).unscored == (20,)
    assert ev.recommended is None


def test_sealed_and_zero_prices():
    ev = evaluate(
        _input(_bid(1, _points(*NINE), None), _bid(2, _points(*NINE), "0"), _bid(3, _points(*NINE), "5"))
    )
    assert [r.status for r in ev.results] == ["sealed", "zero_price", "ranked"]
    assert ev.result(3).total == Fraction(63 + 30)
    assert ev.recommended is None  # a sealed bid may still win


FIVE = tuple(range(11, 16))  # five criteria, 50/50: 10 quality points each


def _tied(rule):
    # X: 4 points (40) + 50 × 100 000 / 100 000 = 90; Y: 5 points (50) + 50 × 100 000 / 125 000 = 90
    x = _bid(1, {11: 1, 12: 1, 13: 1, 14: 1, 15: 0}, "100000")
    y = _bid(2, {11: 1, 12: 1, 13: 1, 14: 1, 15: 1}, "125000")
    return evaluate(_input(x, y, tie_break=rule, optional=FIVE, weights=(50, 50)))


def test_a_tie_broken_by_the_lower_price():
    ev = _tied(TRAINING_RULE)
    assert ev.result(1).total == ev.result(2).total == Fraction(90)
    assert ev.ranking() == (1, 2)
    assert (ev.result(1).rank, ev.result(2).rank) == (1, 2)
    assert ev.tie == "broken" and ev.recommended == 1


def test_a_tie_broken_by_the_optional_criteria_then_the_price():
    rule = (
        "If two bids have the same final score, the contract goes to the bid that meets more optional "
        "criteria; if still tied, to the bid with the lowest evaluated price."
    )
    ev = _tied(rule)
    assert ev.ranking() == (2, 1) and ev.recommended == 2 and ev.tie == "broken"


def test_a_tie_the_rule_cannot_break_is_said():
    ev = _tied("By a public draw.")
    assert (ev.result(1).rank, ev.result(2).rank) == (1, 1)
    assert ev.result(1).tied_with == (2,) and ev.result(2).tied_with == (1,)
    assert ev.tie == "unresolved" and ev.recommended is None


def test_tie_break_keys_of_the_bundled_rules():
    assert tie_break_keys(TRAINING_RULE) == ("price",)
    assert tie_break_keys(
        "En cas d'égalité, le contrat est accordé au soumissionnaire qui satisfait le plus grand nombre "
        "de critères facultatifs; si l'égalité persiste, par tirage au sort en présence de témoins."
    ) == ("optional",)
    assert tie_break_keys("") == ()


def test_quebec_statutory_method():
    grid = {1: 30, 2: 30, 3: 20, 4: 20}
    p = _bid(1, _points(*NINE), "100000", grid={1: 25, 2: 25, 3: 15, 4: 15})  # interim 80
    q = _bid(2, _points(*NINE), "120000", grid={1: 20, 2: 20, 3: 15, 4: 15})  # interim 70
    r = _bid(3, _points(*NINE), "50000", grid={1: 20, 2: 20, 3: 15, 4: 10})  # 65: envelope stays shut
    ev = evaluate(_input(p, q, r, method="quebec", grid_max=grid))
    # (80 + 50) × 10 000 ÷ 100 000 = 13; (70 + 50) × 10 000 ÷ 120 000 = 10
    assert ev.result(1).total == Fraction(13)
    assert ev.result(2).total == Fraction(10)
    assert ev.result(1).quality_score == Fraction(80)
    assert ev.result(1).price_score is None
    assert ev.result(3).status == "below_threshold"
    assert ev.ranking() == (1, 2) and ev.recommended == 1


def test_quebec_without_a_grid_takes_the_quality_points_out_of_100():
    ev = evaluate(_input(_bid(1, _points(*NINE), "130000"), method="quebec"))
    assert ev.result(1).quality_score == Fraction(90)  # 9 of 10
    assert ev.result(1).total == Fraction(140 * 10000, 130000)


def test_divergences_before_consensus():
    found = divergences(FOUR)
    assert [(d.key, d.criterion_id, d.points) for d in found] == [
        (4, 17, ((7, 1), (9, 0))),
        (4, 18, ((7, 1), (9, 0))),
        (4, 19, ((7, 1), (9, 0))),
    ]
    assert divergences(FOUR, gap=2) == ()


def test_sensitivity_without_a_member_and_with_the_linear_formula():
    runner_up = _bid(
        5, _points(*range(11, 18)), "100000", sheets={7: _points(*range(11, 18)), 9: _points(*range(11, 18))}
    )
    inp = _input(LATE, FAILS, BELOW, WINNER, runner_up)
    s = sensitivity(inp)
    assert s.base.recommended == 4
    by = {(v.kind, v.member_id): v for v in s.variants}
    assert set(by) == {("without_member", 7), ("without_member", 9), ("linear_price", None)}
    # Without member 7, the winner has member 9's 6 points: below the threshold; bid 5 wins.
    without_7 = by[("without_member", 7)]
    assert without_7.evaluation.result(4).status == "below_threshold"
    assert without_7.evaluation.recommended == 5 and not without_7.same_winner
    assert by[("without_member", 9)].same_winner and by[("without_member", 9)].same_order
    # linear: 30 × (1 − 23 456.78 ÷ 100 000) = 30 × 76 543.22 ÷ 100 000
    linear = by[("linear_price", None)].evaluation.result(4)
    assert linear.price_score == Fraction(30 * 7654322, 10_000_000)
    assert by[("linear_price", None)].same_winner
    assert not s.holds


def test_the_linear_formula_can_change_the_winner():
    every = _bid(1, _points(*OPTIONAL), "200000")  # 70 + 30 × 1/2 = 85; linear 70 + 0 = 70
    cheap = _bid(2, _points(*range(11, 18)), "100000")  # 49 + 30 = 79 either way
    s = sensitivity(_input(every, cheap))
    assert s.base.recommended == 1
    (linear,) = s.variants
    assert linear.evaluation.result(1).total == Fraction(70)
    assert linear.evaluation.recommended == 2 and not s.holds


def test_a_member_less_mean_of_three_sheets():
    bid = _bid(1, {11: 1}, "1", sheets={1: {11: 1}, 2: {11: 0}, 3: {11: 1}})
    assert without_member_points(bid, 3, (11,)) == {11: Fraction(1, 2)}
    assert without_member_points(bid, 2, (11,)) == {11: Fraction(1)}
    lone = _bid(1, {11: 1}, "1", sheets={1: {11: 0}})
    assert without_member_points(lone, 1, (11,)) == {11: Fraction(1)}  # nobody else: the consensus


def test_quebec_has_no_formula_variant():
    ev = sensitivity(_input(_bid(1, _points(*NINE), "1", grid={1: 80}), method="quebec", grid_max={1: 100}))
    assert ev.variants == ()


@pytest.mark.parametrize(
    ("lowest", "price", "ratio", "linear"),
    [
        (100000, 100000, Fraction(30), Fraction(30)),
        (100000, 110000, Fraction(300, 11), Fraction(27)),
        (100000, 200000, Fraction(15), Fraction(0)),
        (100000, 300000, Fraction(10), Fraction(0)),
    ],
)
def test_the_two_price_formulas(lowest, price, ratio, linear):
    assert ratio_price_score(30, Fraction(lowest), Fraction(price)) == ratio
    assert linear_price_score(30, Fraction(lowest), Fraction(price)) == linear


def test_the_price_formulas_refuse_a_price_below_the_lowest():
    with pytest.raises(ValueError):
        ratio_price_score(30, Fraction(100), Fraction(99))
    with pytest.raises(ValueError):
        linear_price_score(30, Fraction(0), Fraction(99))
