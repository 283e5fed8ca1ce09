"""From a project and its bids to the input of the evaluation arithmetic
(:mod:`wizard.core.domain.bid_scoring`): :func:`evaluation_input`, and
:func:`evaluate_bids` for the result in one call (docs/bid-scoring.md).

The tender decides the rules (its criteria, threshold, weights, method and tie-break
rule, as the documents print them: blank rows left out); the record decides the facts
(the bids, the results, the sheets, the consensus, the prices once opened).
"""

from __future__ import annotations

from collections.abc import Mapping

from wizard.core.bids.record import BidsRecord
from wizard.core.domain import bid_scoring
from wizard.core.domain import evaluation as rules
from wizard.core.domain.bid_scoring import BidInput, EvaluationInput, Method
from wizard.core.model import Project
from wizard.core.model.bounds import clamp
from wizard.core.textclean import drop_blank_rows


def method_of(project: Project) -> Method:
    """The evaluation method the tender states: Québec's statutory weighted system when
    it chose it (``evaluation.quebec_weighted``), else the weighted formula. The bids are
    evaluated as the tender was published, even where Québec's statute required the
    statutory system (:func:`wizard.core.domain.evaluation.project_statute`; the check
    ``E-QC-REQUIRED`` says so before publication): changing the method after the
    closing would change the rules the bidders bid on; counsel decides what follows."""
    return "quebec" if project.evaluation.quebec_weighted else "weighted"


def statute_differs(project: Project) -> bool:
    """Whether Québec's statute requires the statutory system
    (:func:`wizard.core.domain.evaluation.project_statute`) and the tender does not use
    it: the evaluation then follows the tender, to be confirmed by counsel."""
    return rules.project_statute(project).case == "required" and not project.evaluation.quebec_weighted


def evaluation_input(project: Project, record: BidsRecord) -> EvaluationInput:
    """The :class:`~wizard.core.domain.bid_scoring.EvaluationInput` of ``project``'s
    bids. Mandatory and optional criterion ids in the tender's order (blank criteria
    left out, as the documents leave them out); one point per optional criterion; the
    threshold clamped to 0–100 % (``C-THRESHOLD`` reports a value outside); the weights,
    the method (:func:`method_of`) and the tie-break rule of ``project.evaluation``;
    Québec's quality grid when the method is the statutory one, with each bid's grid
    points (the members' sheets and the consensus; points on an item that is not in the
    grid are ignored). Withdrawn bids and bids
    set aside before the opening (``Bid.rejected``) are left out: they are not evaluated.
    A sealed bid's price is ``None``: the record never holds a sealed price. Pure: reads
    no file."""
    shown = drop_blank_rows(project)
    mandatory_ids = tuple(c.id for c in shown.criteria if c.kind == "mandatory")
    optional_ids = tuple(c.id for c in shown.criteria if c.kind == "optional")
    optional = set(optional_ids)
    method = method_of(shown)
    mandatory: dict[int, dict[int, bool | None]] = {}
    for m in record.mandatory:
        mandatory.setdefault(m.bid_id, {})[m.criterion_id] = m.passed
    sheets: dict[int, dict[int, dict[int, int | None]]] = {}
    for s in record.sheets:
        if s.criterion_id in optional:
            sheets.setdefault(s.bid_id, {}).setdefault(s.jury_member_id, {})[s.criterion_id] = s.points
    consensus: dict[int, dict[int, int | None]] = {}
    for c in record.consensus:
        if c.criterion_id in optional:
            consensus.setdefault(c.bid_id, {})[c.criterion_id] = c.points
    grid_ids = {i.id for i in shown.quality_grid} if method == "quebec" else set()
    grid_sheets: dict[int, dict[int, dict[int, int | None]]] = {}
    for g in record.grid_sheets:
        if g.item_id in grid_ids:
            grid_sheets.setdefault(g.bid_id, {}).setdefault(g.jury_member_id, {})[g.item_id] = g.points
    grid: dict[int, dict[int, int | None]] = {}
    for gc in record.grid_consensus:
        if gc.item_id in grid_ids:
            grid.setdefault(gc.bid_id, {})[gc.item_id] = gc.points
    empty: Mapping[int, int | None] = {}
    bids = tuple(
        BidInput(
            key=bid.id,
            name=bid.bidder.legal_name,
            late=bid.late,
            mandatory=mandatory.get(bid.id, {}),
            sheets=sheets.get(bid.id, {}),
            consensus=consensus.get(bid.id, empty),
            evaluated_price=bid.evaluated_price,
            grid=grid.get(bid.id, empty),
            grid_sheets=grid_sheets.get(bid.id, {}),
        )
        for bid in record.bids
        if not bid.withdrawn and not bid.rejected
    )
    ev = shown.evaluation
    return EvaluationInput(
        mandatory_ids=mandatory_ids,
        optional_ids=optional_ids,
        max_points=1,
        threshold_pct=clamp(
            "criteria_settings.pass_threshold_pct", shown.criteria_settings.pass_threshold_pct
        ),
        quality_weight=ev.quality_weight,
        price_weight=ev.price_weight,
        method=method,
        tie_break=ev.tie_break,
        bids=bids,
        grid_max={i.id: i.points for i in shown.quality_grid} if method == "quebec" else {},
    )


def evaluate_bids(project: Project, record: BidsRecord) -> bid_scoring.Evaluation:
    """:func:`wizard.core.domain.bid_scoring.evaluate` of :func:`evaluation_input`."""
    return bid_scoring.evaluate(evaluation_input(project, record))
