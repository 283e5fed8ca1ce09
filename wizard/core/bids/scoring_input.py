"""From a project and its bids to the input of the evaluation arithmetic
(:mod:`wizard.core.domain.bid_scoring`): :func:`evaluation_input`, and
:func:`evaluate_bids` for the result in one call (docs/bid-scoring.md).

The tender decides the rules (its criteria, threshold, weights, method and tie-break
rule, as the documents print them: blank rows left out); the record decides the facts
(the bids, the results, the sheets, the consensus, the prices once opened).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wizard.core.bids.record import BidsRecord
from wizard.core.domain import bid_scoring
from wizard.core.domain import evaluation as rules
from wizard.core.domain.bid_scoring import BidInput, EvaluationInput, Method
from wizard.core.domain.numbering import criterion_labels, grid_numbers
from wizard.core.i18n import N_, Localized, tr
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


@dataclass(frozen=True)
class MissingScores:
    """What bid ``bid_id`` still lacks before its quality can be scored: the mandatory
    criteria not assessed, the optional criteria and the items of Québec's quality grid
    without consensus points (ids; :func:`missing_scores`)."""

    bid_id: int
    name: str
    mandatory: tuple[int, ...] = ()
    optional: tuple[int, ...] = ()
    grid: tuple[int, ...] = ()


def missing_scores(project: Project, record: BidsRecord) -> tuple[MissingScores, ...]:
    """The bids the evaluation still waits for, in the record's order, each with what it
    lacks (:class:`MissingScores`): a mandatory result not assessed, an optional
    criterion or a grid item (Québec's statutory system) without consensus points —
    what the quality lock would freeze unfinished (``lock_quality`` refuses then; the
    check ``BD-LOCK-MISSING`` says so before). Left out: a late, withdrawn or rejected
    bid, and a bid that fails a mandatory criterion (it is set aside whatever its
    quality; Québec's two envelopes leave it sealed). Pure."""
    inp = evaluation_input(project, record)
    found: list[MissingScores] = []
    for bid in inp.bids:
        if bid.late or any(bid.mandatory.get(m) is False for m in inp.mandatory_ids):
            continue
        missing = MissingScores(
            bid.key,
            bid.name,
            tuple(m for m in inp.mandatory_ids if bid.mandatory.get(m) is None),
            tuple(c for c in inp.optional_ids if bid.consensus.get(c) is None),
            tuple(g for g in inp.grid_max if bid.grid.get(g) is None),
        )
        if missing.mandatory or missing.optional or missing.grid:
            found.append(missing)
    return tuple(found)


def missing_labels(project: Project, missing: MissingScores) -> Localized:
    """What ``missing`` lacks as the documents number it, in both languages: "OBL-2 (not
    assessed), OPT-1, OPT-2, G-3" (the mandatory criteria, then the optional ones and
    the grid's items)."""
    shown = drop_blank_rows(project)
    labels = criterion_labels(shown)
    grid = grid_numbers(shown)

    def label(i: int) -> Localized:
        return labels.get(i) or Localized(fr=f"#{i}", en=f"#{i}")

    def joined(lang: str) -> str:
        parts = [tr(NOT_ASSESSED, lang, criterion=label(m).text(lang)) for m in missing.mandatory]
        parts += [label(c).text(lang) for c in missing.optional]
        parts += [grid.get(g, f"#{g}") for g in missing.grid]
        return ", ".join(parts)

    return Localized(fr=joined("fr"), en=joined("en"))


NOT_ASSESSED = N_("{criterion} (not assessed)")
"""A mandatory criterion without its result, in :func:`missing_labels`."""


def missing_text(project: Project, missing: tuple[MissingScores, ...]) -> Localized:
    """Every bid of ``missing`` and what it lacks, in both languages: "bid 1 (Alpha
    inc.): OPT-1, OPT-2; bid 2 (Bêta ltée): G-3"."""

    def joined(lang: str) -> str:
        return "; ".join(
            tr(
                BID_MISSING,
                lang,
                bid=m.bid_id,
                name=m.name,
                items=missing_labels(project, m).text(lang),
            )
            for m in missing
        )

    return Localized(fr=joined("fr"), en=joined("en"))


BID_MISSING = N_("bid {bid} ({name}): {items}")
"""One bid's missing scores in :func:`missing_text`."""
