"""The evaluation of the bids received: pass/fail, quality, threshold, price score,
ranking, tie-break, the recommended bidder, and two views that test the result
(:func:`divergences`, :func:`sensitivity`). Issue 22; docs/bid-scoring.md.

Pure and exact: every score is a :class:`fractions.Fraction` (an evaluated price in
``Decimal`` converts exactly), never a float; round only for display. Nothing here
reads a file: :mod:`wizard.core.bids.scoring_input` builds the :class:`EvaluationInput`
from a project and its bids.

The steps, for each bid (:func:`evaluate`):

1. A **late** bid is never opened: status ``"late"``.
2. **Mandatory criteria**, pass/fail: one failed makes the bid ``"non_compliant"``; one
   not yet assessed (``None`` or absent) keeps it out of the ranking as ``"pending"``,
   with the criteria named in :attr:`BidResult.not_assessed`. A bid is never ranked on
   an assumption.
3. **Quality points**: the consensus points on the optional criteria (each worth
   ``max_points``, 1 in our tenders). An optional criterion without a consensus keeps
   the bid ``"pending"`` (:attr:`BidResult.unscored`).
4. **Threshold**: the points must reach ``threshold_pct`` % of the optional points
   (:func:`wizard.core.domain.evaluation.passes_threshold`), else ``"below_threshold"``.
5. **Price**: a bid whose envelope is still sealed (``evaluated_price`` ``None``) is
   ``"sealed"``; an evaluated price of 0 or less is ``"zero_price"`` (non-compliant,
   ``price_form.ZERO_PRICE``).
6. **Score**, method ``"weighted"``: quality score = ``quality_weight`` × points ÷
   optional points; price score = ``price_weight`` × lowest ÷ price, the lowest among
   the bids that pass (:func:`wizard.core.domain.price_form.price_score`); total = the
   sum. Method ``"quebec"`` (the statutory weighted system): the interim score is the
   total of the quality-grid points (:attr:`BidInput.grid`, out of 100), or, for a
   project without a grid, the quality points in proportion out of 100; below
   :data:`wizard.core.domain.evaluation.QUEBEC_MIN_INTERIM` the price envelope stays
   closed (``"below_threshold"``); the final score is (interim + 50) × 10 000 ÷ price
   (:func:`wizard.core.domain.evaluation.quebec_score`), its :attr:`BidResult.total`.
7. **Ranking** by total, highest first. Equal totals are broken by the tender's
   tie-break rule clause by clause while a clause is one the core can apply (the lower
   evaluated price; the more optional points); at the first clause it cannot apply (a
   draw, anything else) the bids stay tied, and :attr:`Evaluation.tie` says so.
8. The **recommended** bidder is the one ranked first alone, once every bid is decided
   (no ``"pending"`` or ``"sealed"`` bid: either could still change the result).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Literal

from wizard.core.domain import evaluation as rules
from wizard.core.domain import price_form
from wizard.core.i18n import N_

Method = Literal["weighted", "quebec"]
Status = Literal["late", "non_compliant", "pending", "below_threshold", "zero_price", "sealed", "ranked"]
Tie = Literal["none", "broken", "unresolved"]
PriceFormula = Literal["ratio", "linear"]

STATUS_LABELS: dict[str, str] = {
    "late": N_("Late: not opened"),
    "non_compliant": N_("Fails a mandatory criterion"),
    "pending": N_("Evaluation not complete"),
    "below_threshold": N_("Below the pass threshold"),
    "zero_price": N_("Evaluated price of 0: non-compliant"),
    "sealed": N_("Price envelope still sealed"),
    "ranked": N_("Ranked"),
}
"""Each :data:`Status` → its English message id, for a screen or a report."""

TIE_TEXTS: dict[str, str] = {
    "none": "",
    "broken": N_("Bids with the same total were separated by the tender's tie-break rule."),
    "unresolved": N_(
        "Bids are tied and the tie-break rule cannot be applied by calculation (a draw, or a "
        "rule the app cannot read): apply it as the tender states it and record the result."
    ),
}
"""Each :data:`Tie` → its English message id ('' for none)."""

PRICE_FORMULA_NOTE = N_(
    "The tender's price score is weight × lowest evaluated price ÷ evaluated price of the bid. "
    "It is not linear in the price: a bid 10% above the lowest loses about 9% of the price "
    "points, a bid twice the lowest still keeps half of them, and what one dollar costs a bid "
    "depends on the lowest bid. The other common formula, weight × (1 − (price − lowest) ÷ lowest), "
    "floored at 0, takes the same points away for each dollar above the lowest and gives 0 to a "
    "bid at twice the lowest or more. Choose the formula before publishing; the sensitivity view "
    "shows whether the ranking of the bids would change with the other one."
)
"""A teaching text for where the price formula is chosen and for the sensitivity view."""


@dataclass(frozen=True)
class BidInput:
    """One bid as the evaluation sees it.

    ``key``: the bid's id; ``name``: the bidder's legal name (for display); ``late``:
    received after the closing. ``mandatory``: mandatory criterion id → ``True`` (meets),
    ``False`` (does not), ``None`` (not assessed; an id absent counts as not assessed).
    ``sheets``: jury member id → optional criterion id → points on that member's own
    sheet (``None``: not scored). ``consensus``: optional criterion id → the points the
    committee agreed. ``evaluated_price``: CAD before taxes, ``None`` while sealed.
    ``grid``: Québec's statutory system, quality-grid item id → consensus points (empty
    outside it); ``grid_sheets``: jury member id → grid item id → points on that
    member's own sheet (``None``: not scored).
    """

    key: int
    name: str
    late: bool
    mandatory: Mapping[int, bool | None]
    sheets: Mapping[int, Mapping[int, int | None]]
    consensus: Mapping[int, int | None]
    evaluated_price: Decimal | None
    grid: Mapping[int, int | None] = field(default_factory=dict)
    grid_sheets: Mapping[int, Mapping[int, int | None]] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationInput:
    """What the tender fixed, and the bids.

    ``mandatory_ids`` / ``optional_ids``: the tender's criteria, in its order;
    ``max_points``: points of one optional criterion (1); ``threshold_pct``: the pass
    threshold (% of the optional points); ``quality_weight`` + ``price_weight``: points
    out of 100 (method ``"weighted"``); ``method``: ``"weighted"`` or ``"quebec"`` (the
    statutory system); ``tie_break``: the tender's rule, as written; ``grid_max``:
    Québec's quality grid, item id → its points out of 100 (empty outside it).
    """

    mandatory_ids: tuple[int, ...]
    optional_ids: tuple[int, ...]
    max_points: int
    threshold_pct: int
    quality_weight: int
    price_weight: int
    method: Method
    tie_break: str
    bids: tuple[BidInput, ...]
    grid_max: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class BidResult:
    """The evaluation of one bid.

    ``quality_points``: consensus points on the optional criteria (``None`` for a late
    bid or while one is unscored); ``quality_score``: weighted method, the quality
    points out of ``quality_weight``; Québec, the interim score out of 100;
    ``price_score``: weighted method only, out of ``price_weight``; ``total``: the
    weighted total out of 100, or Québec's final score; ``rank``: 1 = first (equal
    ranks for bids still tied), ``None`` unless ranked; ``tied_with``: the keys of the
    other bids of the same rank. ``failed`` / ``not_assessed``: mandatory criterion
    ids failed / not assessed; ``unscored``: optional criterion (or grid item) ids
    without a consensus.
    """

    key: int
    status: Status
    quality_points: Fraction | None
    quality_score: Fraction | None
    price_score: Fraction | None
    total: Fraction | None
    rank: int | None
    tied_with: tuple[int, ...]
    failed: tuple[int, ...] = ()
    not_assessed: tuple[int, ...] = ()
    unscored: tuple[int, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    """Every bid's result, in the input's order, and the recommended bid's key
    (``None`` while a bid is pending or sealed, and when the first place is tied).
    ``tie``: whether equal totals were separated by the tie-break rule or remain."""

    results: tuple[BidResult, ...]
    recommended: int | None
    tie: Tie = "none"
    complete: bool = True

    def result(self, key: int) -> BidResult:
        """The result of bid ``key``; raises ``KeyError`` for an unknown key."""
        for r in self.results:
            if r.key == key:
                return r
        raise KeyError(key)

    def ranking(self) -> tuple[int, ...]:
        """The ranked bids' keys, first to last (tied bids in input order)."""
        ranked = [r for r in self.results if r.rank is not None]
        return tuple(r.key for r in sorted(ranked, key=lambda r: r.rank or 0))


@dataclass(frozen=True)
class Divergence:
    """Members' sheets disagreeing on one criterion of one bid, before consensus:
    ``points`` lists ``(jury member id, points)`` by member id; ``spread`` is the
    highest minus the lowest. ``on_grid``: ``criterion_id`` is an item of Québec's
    quality grid (:func:`grid_divergences`), ``scale`` its points; else an optional
    criterion, ``scale`` 1."""

    key: int
    criterion_id: int
    points: tuple[tuple[int, int], ...]
    on_grid: bool = False
    scale: int = 1

    @property
    def spread(self) -> int:
        values = [p for _m, p in self.points]
        return max(values) - min(values)


@dataclass(frozen=True)
class Variant:
    """The evaluation again under one change: ``kind`` ``"without_member"`` (quality
    from the other members' sheets, ``member_id`` left out) or ``"linear_price"`` (the
    other price formula). ``same_winner``: the same recommended bid (both ``None``
    counts as the same); ``same_order``: the same ranking, first to last."""

    kind: Literal["without_member", "linear_price"]
    member_id: int | None
    evaluation: Evaluation
    same_winner: bool
    same_order: bool


@dataclass(frozen=True)
class Sensitivity:
    """The evaluation as published (``base``) and its :class:`Variant` s; ``holds``
    when every variant keeps the same recommended bid."""

    base: Evaluation
    variants: tuple[Variant, ...]

    @property
    def holds(self) -> bool:
        return all(v.same_winner for v in self.variants)


Points = Mapping[int, Fraction | None]
"""Optional criterion (or grid item) id → the points a variant counts (``None``: unscored)."""


def consensus_points(bid: BidInput) -> Points:
    """The consensus points of ``bid`` as exact fractions."""
    return {cid: None if p is None else Fraction(p) for cid, p in bid.consensus.items()}


def grid_consensus_points(bid: BidInput) -> Points:
    """The consensus points of ``bid`` on Québec's quality grid as exact fractions."""
    return {gid: None if p is None else Fraction(p) for gid, p in bid.grid.items()}


def ratio_price_score(weight: int, lowest: Fraction, price: Fraction) -> Fraction:
    """``weight × lowest ÷ price`` (the tender's formula, as
    :func:`wizard.core.domain.price_form.price_score`), exact. ``lowest`` > 0 and
    ``price`` ≥ ``lowest``, else ``ValueError``.

    >>> ratio_price_score(30, Fraction(100000), Fraction(125000))
    Fraction(24, 1)
    """
    if lowest <= 0 or price < lowest:
        raise ValueError("the lowest price must be positive and no higher than the bid's")
    return weight * lowest / price


def linear_price_score(weight: int, lowest: Fraction, price: Fraction) -> Fraction:
    """``weight × (1 − (price − lowest) ÷ lowest)``, floored at 0: the other common
    formula, linear in the price (each dollar above the lowest costs the same points; a
    bid at twice the lowest or more scores 0). Same arguments and errors as
    :func:`ratio_price_score`.

    >>> linear_price_score(30, Fraction(100000), Fraction(125000))
    Fraction(45, 2)
    """
    if lowest <= 0 or price < lowest:
        raise ValueError("the lowest price must be positive and no higher than the bid's")
    return max(Fraction(0), weight * (1 - (price - lowest) / lowest))


_PRICE_FORMULAS: dict[str, Callable[[int, Fraction, Fraction], Fraction]] = {
    "ratio": ratio_price_score,
    "linear": linear_price_score,
}

_OPTIONAL_WORD = re.compile(r"\b(?:optional|facultati(?:f|ve)s?)\b", re.IGNORECASE)
_CLAUSE_SPLIT = re.compile(r";|\.\s")


def tie_break_keys(rule: str) -> tuple[Literal["price", "optional"], ...]:
    """The clauses of a tie-break ``rule`` (either language) the core applies, in order,
    up to the first it cannot: ``"price"`` (the lower evaluated price: a clause naming a
    price or a cost) and ``"optional"`` (more optional points: a clause naming the
    optional criteria). A draw, or any other clause, ends the list.

    >>> tie_break_keys("Lowest evaluated price; if still tied, a public draw.")
    ('price',)
    >>> tie_break_keys("More optional criteria met; then the lowest price.")
    ('optional', 'price')
    """
    keys: list[Literal["price", "optional"]] = []
    for clause in _CLAUSE_SPLIT.split(rule):
        if not clause.strip():
            continue
        if price_form.tie_break_uses_price(clause):
            keys.append("price")
        elif _OPTIONAL_WORD.search(clause):
            keys.append("optional")
        else:
            break
    return tuple(keys)


def _passes(points: Fraction, optional_points: int, threshold_pct: int) -> bool:
    """:func:`rules.passes_threshold` for exact fractions (a sensitivity mean may be one)."""
    if points.denominator == 1:
        return rules.passes_threshold(int(points), optional_points, threshold_pct)
    return points * 100 >= threshold_pct * optional_points


def _quality(inp: EvaluationInput, points: Points) -> tuple[Fraction | None, tuple[int, ...]]:
    """Total optional points and the criteria without points."""
    unscored = tuple(cid for cid in inp.optional_ids if points.get(cid) is None)
    if unscored:
        return None, unscored
    return sum((points[cid] or Fraction(0) for cid in inp.optional_ids), Fraction(0)), ()


def _interim(
    inp: EvaluationInput, grid: Points, quality: Fraction
) -> tuple[Fraction | None, tuple[int, ...]]:
    """Québec's interim score out of 100: the total of the grid's points (``grid``: the
    consensus, or a variant's), or without a grid the quality points in proportion."""
    if inp.grid_max:
        unscored = tuple(gid for gid in inp.grid_max if grid.get(gid) is None)
        if unscored:
            return None, unscored
        return sum((grid[gid] or Fraction(0) for gid in inp.grid_max), Fraction(0)), ()
    total = len(inp.optional_ids) * inp.max_points
    return (Fraction(100) * quality / total if total else Fraction(0)), ()


def _before_price(inp: EvaluationInput, bid: BidInput, points: Points, grid: Points) -> BidResult:
    """The bid's result up to the price: a status other than ``"ranked"`` ends there;
    ``"ranked"`` here means it passes and has a price, its score still to be computed."""
    empty = BidResult(bid.key, "late", None, None, None, None, None, ())
    if bid.late:
        return empty
    failed = tuple(m for m in inp.mandatory_ids if bid.mandatory.get(m) is False)
    missing = tuple(m for m in inp.mandatory_ids if bid.mandatory.get(m) is None)
    quality, unscored = _quality(inp, points)
    base = BidResult(bid.key, "ranked", quality, None, None, None, None, (), failed, missing, unscored)
    if failed:
        return replace(base, status="non_compliant")
    if missing or quality is None:
        return replace(base, status="pending")
    optional_points = len(inp.optional_ids) * inp.max_points
    if inp.method == "quebec":
        interim, grid_unscored = _interim(inp, grid, quality)
        if interim is None:
            return replace(base, status="pending", unscored=grid_unscored)
        base = replace(base, quality_score=interim)
        if not _passes(quality, optional_points, inp.threshold_pct) or interim < rules.QUEBEC_MIN_INTERIM:
            return replace(base, status="below_threshold")
    else:
        score = Fraction(inp.quality_weight) * quality / optional_points if optional_points else Fraction(0)
        base = replace(base, quality_score=score)
        if not _passes(quality, optional_points, inp.threshold_pct):
            return replace(base, status="below_threshold")
    if bid.evaluated_price is None:
        return replace(base, status="sealed")
    if bid.evaluated_price <= 0:
        return replace(base, status="zero_price")
    return base


def _run(
    inp: EvaluationInput,
    points_of: Callable[[BidInput], Points],
    formula: PriceFormula = "ratio",
    grid_of: Callable[[BidInput], Points] = grid_consensus_points,
) -> Evaluation:
    """:func:`evaluate` with the optional points of each bid from ``points_of``, its
    grid points from ``grid_of`` (Québec's system) and the price formula ``formula``
    (weighted method)."""
    results = {bid.key: _before_price(inp, bid, points_of(bid), grid_of(bid)) for bid in inp.bids}
    bids = {bid.key: bid for bid in inp.bids}
    passing = [k for k, r in results.items() if r.status == "ranked"]
    price = {k: Fraction(bids[k].evaluated_price or 0) for k in passing}
    if passing:
        lowest = min(price.values())
        score_of = _PRICE_FORMULAS[formula]
        for k in passing:
            r = results[k]
            quality = r.quality_score or Fraction(0)
            if inp.method == "quebec":
                results[k] = replace(r, total=(quality + 50) * 10000 / price[k])
            else:
                p = score_of(inp.price_weight, lowest, price[k])
                results[k] = replace(r, price_score=p, total=quality + p)
    tie = _rank(inp, results, price)
    ordered = tuple(results[bid.key] for bid in inp.bids)
    complete = not any(r.status in ("pending", "sealed") for r in ordered)
    first = [r for r in ordered if r.rank == 1]
    recommended = first[0].key if complete and len(first) == 1 else None
    return Evaluation(ordered, recommended, tie, complete)


def _rank(inp: EvaluationInput, results: dict[int, BidResult], price: Mapping[int, Fraction]) -> Tie:
    """Rank the passing bids of ``results`` in place; the tie-break's outcome."""
    keys = tie_break_keys(inp.tie_break)

    def order(k: int) -> tuple[Fraction, ...]:
        r = results[k]
        parts = [-(r.total or Fraction(0))]
        for key in keys:
            parts.append(price[k] if key == "price" else -(r.quality_points or Fraction(0)))
        return tuple(parts)

    passing = sorted(price, key=order)
    totals = Counter(results[k].total for k in passing)
    tie: Tie = "broken" if any(n > 1 for n in totals.values()) else "none"
    position = 0
    while position < len(passing):
        group = [k for k in passing if order(k) == order(passing[position])]
        if len(group) > 1:
            tie = "unresolved"
        for k in group:
            results[k] = replace(results[k], rank=position + 1, tied_with=tuple(o for o in group if o != k))
        position += len(group)
    return tie


def evaluate(inp: EvaluationInput) -> Evaluation:
    """The evaluation of every bid of ``inp`` (module docstring: the steps). Never
    raises on a bid's data; an optional criterion count of 0 gives every bid a quality
    score of 0 (the ranking is then the price's)."""
    return _run(inp, consensus_points)


def divergences(inp: EvaluationInput, gap: int = 1) -> tuple[Divergence, ...]:
    """The criteria on which the members' own sheets differ by ``gap`` points or more,
    per bid (late bids left out), in the order of the bids and the optional criteria: to
    settle before the consensus (a 1-point criterion: any disagreement). Points not
    given (``None``) are left out; a criterion scored by fewer than two members has no
    divergence."""
    found: list[Divergence] = []
    for bid in inp.bids:
        if bid.late:
            continue
        for cid in inp.optional_ids:
            scored = tuple(
                (member, points)
                for member, sheet in sorted(bid.sheets.items())
                if (points := sheet.get(cid)) is not None
            )
            if len(scored) >= 2:
                d = Divergence(bid.key, cid, scored)
                if d.spread >= gap:
                    found.append(d)
    return tuple(found)


def grid_divergences(inp: EvaluationInput, gap: int = 1) -> tuple[Divergence, ...]:
    """Québec's statutory system: the items of the quality grid on which the members'
    own sheets differ by ``gap`` points or more, per bid (late bids left out), in the
    order of the bids and the grid, each with its ``scale`` (the item's points). As for
    the optional criteria, any disagreement is flagged by default: the interim score
    decides whether a price envelope is opened at all (70), so every point the
    committee settles needs its reason in the consensus. Empty outside the system."""
    found: list[Divergence] = []
    for bid in inp.bids:
        if bid.late:
            continue
        for gid, scale in inp.grid_max.items():
            scored = tuple(
                (member, points)
                for member, sheet in sorted(bid.grid_sheets.items())
                if (points := sheet.get(gid)) is not None
            )
            if len(scored) >= 2:
                d = Divergence(bid.key, gid, scored, on_grid=True, scale=scale)
                if d.spread >= gap:
                    found.append(d)
    return tuple(found)


def members(inp: EvaluationInput) -> tuple[int, ...]:
    """The jury members with a sheet (on the optional criteria or the grid) for any bid,
    by id."""
    return tuple(sorted({m for bid in inp.bids for m in (*bid.sheets, *bid.grid_sheets)}))


def _mean_of_others(
    sheets: Mapping[int, Mapping[int, int | None]],
    agreed: Mapping[int, int | None],
    member: int,
    ids: Iterable[int],
) -> Points:
    points: dict[int, Fraction | None] = {}
    for cid in ids:
        given = [p for m, sheet in sheets.items() if m != member and (p := sheet.get(cid)) is not None]
        if given:
            points[cid] = Fraction(sum(given), len(given))
        else:
            value = agreed.get(cid)
            points[cid] = None if value is None else Fraction(value)
    return points


def without_member_points(bid: BidInput, member: int, optional_ids: tuple[int, ...]) -> Points:
    """Each optional criterion's points for ``bid`` from the sheets of every member but
    ``member``: their mean (exact); the consensus where no other member scored it."""
    return _mean_of_others(bid.sheets, bid.consensus, member, optional_ids)


def without_member_grid(bid: BidInput, member: int, item_ids: tuple[int, ...]) -> Points:
    """:func:`without_member_points` on Québec's quality grid: each item's points from
    the other members' sheets (their exact mean), the consensus where none scored it."""
    return _mean_of_others(bid.grid_sheets, bid.grid, member, item_ids)


def sensitivity(inp: EvaluationInput) -> Sensitivity:
    """Does the result hold? The evaluation without each member's sheet (quality from
    the other members' sheets: :func:`without_member_points`, and under Québec's system
    the grid's points too: :func:`without_member_grid`), and, for the weighted
    method, with the other price formula (:func:`linear_price_score`; Québec's final
    score is fixed by statute, so there is no formula variant). Each variant is compared
    with the evaluation as published (consensus, the tender's formula)."""
    base = evaluate(inp)
    variants: list[Variant] = []
    for member in members(inp):
        other = _run(
            inp,
            partial(without_member_points, member=member, optional_ids=inp.optional_ids),
            grid_of=partial(without_member_grid, member=member, item_ids=tuple(inp.grid_max)),
        )
        variants.append(_variant("without_member", member, base, other))
    if inp.method == "weighted":
        variants.append(_variant("linear_price", None, base, _run(inp, consensus_points, "linear")))
    return Sensitivity(base, tuple(variants))


def _variant(
    kind: Literal["without_member", "linear_price"], member: int | None, base: Evaluation, other: Evaluation
) -> Variant:
    return Variant(
        kind,
        member,
        other,
        same_winner=other.recommended == base.recommended,
        same_order=other.ranking() == base.ranking(),
    )
