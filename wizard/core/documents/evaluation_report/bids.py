"""The evaluation report's "Evaluation of each bid": what the members' sheets hold
(:mod:`.sheets`), then for each bid evaluated (late, withdrawn and rejected bids left
out) its mandatory criteria with the result and the evidence, the scenarios the
technical committee verified (as the tender numbers them), the selection committee's
consensus on the optional criteria with each score's reason, and under Québec's system
its consensus on each item of the quality grid with the interim score.
"""

from __future__ import annotations

from wizard.core.bids.record import Bid
from wizard.core.documents.blocks import Block, Heading, Table
from wizard.core.documents.evaluation_common import (
    NOT_OPENED,
    EvaluationView,
    bid_label,
    grid_points,
    item_label,
    number,
)
from wizard.core.documents.evaluation_report.sheets import SheetCover, sheet_blocks
from wizard.core.domain.numbering import criterion_numbers, scenario_numbers
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project

RESULT_LABELS = {
    "confirmed": N_("Confirmed"),
    "refuted": N_("Refuted"),
    "pending": N_("Not verified yet"),
}
"""A scenario verification's result → its label."""


def evaluation_blocks(view: EvaluationView, cover: SheetCover, lang: str) -> list[Block]:
    """The section "Evaluation of each bid" in ``lang`` (module docstring); nothing when
    no bid is evaluated."""
    evaluated = [b for b in view.record.bids if not (b.late or b.withdrawn or b.rejected)]
    if not evaluated:
        return []
    blocks: list[Block] = [Heading(1, tr("Evaluation of each bid", lang))]
    blocks += sheet_blocks(view, cover, lang)
    for bid in evaluated:
        blocks += _each_bid(view, bid, lang)
    return blocks


def _each_bid(view: EvaluationView, bid: Bid, lang: str) -> list[Block]:
    """One bid's heading and its tables, each left out when it has no row."""
    labels = _criterion_labels(view.project, lang)
    return [
        Heading(2, bid_label(bid, lang)),
        *_mandatory(view, bid, labels, lang),
        *_scenarios(view, bid, lang),
        *_optional(view, bid, labels, lang),
        *_grid(view, bid, lang),
    ]


def _criterion_labels(project: Project, lang: str) -> dict[int, str]:
    """Criterion id → its number and text as the tender prints them ("OBL-4 …")."""
    texts = {c.id: " ".join(c.text.split()) for c in project.criteria}
    return {cid: f"{n} {texts.get(cid, '')}" for cid, n in criterion_numbers(project, lang).items()}


def _section(
    title: str, header: list[str], rows: list[list[str]], widths: list[float], right: tuple[int, ...] = ()
) -> list[Block]:
    """A level-3 heading over its table (cm ``widths``, ``right``-aligned columns); nothing without rows."""
    if not rows:
        return []
    return [Heading(3, title), Table([header], rows, widths, right=right)]


def _passed(value: bool | None, lang: str) -> str:
    if value is None:
        return tr("Not assessed", lang)
    return tr("Pass", lang) if value else tr("Fail", lang)


def _mandatory(view: EvaluationView, bid: Bid, labels: dict[int, str], lang: str) -> list[Block]:
    """Each mandatory criterion: passed or failed, with its evidence."""
    rows = [
        [labels[m.criterion_id], _passed(m.passed, lang), " ".join(m.evidence.split())]
        for m in view.record.mandatory
        if m.bid_id == bid.id and m.criterion_id in labels
    ]
    return _section(
        tr("Mandatory criteria", lang),
        [tr("Criterion", lang), tr("Result", lang), tr("Evidence", lang)],
        rows,
        [7.0, 2.0, 7.0],
    )


def _scenarios(view: EvaluationView, bid: Bid, lang: str) -> list[Block]:
    """Each scenario the technical committee verified, in the tender's order (S-3 before S-4)."""
    scenarios = scenario_numbers(view.project)
    titles = {s.id: " ".join(s.title.split()) for s in view.project.scenarios}
    order = {sid: n for n, sid in enumerate(scenarios)}
    checks = sorted(
        (v for v in view.record.verifications if v.bid_id == bid.id and v.scenario_id in scenarios),
        key=lambda v: order[v.scenario_id],
    )
    rows = [
        [
            f"{scenarios[v.scenario_id]} {titles.get(v.scenario_id, '')}",
            tr(RESULT_LABELS.get(v.result, v.result), lang),
            format_date(v.verified_on, lang) if v.verified_on.strip() else NOT_OPENED,
            " ".join(v.notes.split()),
        ]
        for v in checks
    ]
    return _section(
        tr("Scenarios verified by the technical committee", lang),
        [tr("Scenario", lang), tr("Result", lang), tr("Verified on", lang), tr("Notes", lang)],
        rows,
        [5.0, 2.5, 3.0, 5.5],
    )


def _optional(view: EvaluationView, bid: Bid, labels: dict[int, str], lang: str) -> list[Block]:
    """The consensus on each optional criterion: its points and their reason."""
    rows = [
        [
            labels[c.criterion_id],
            NOT_OPENED if c.points is None else str(c.points),
            " ".join(c.reason.split()),
        ]
        for c in view.record.consensus
        if c.bid_id == bid.id and c.criterion_id in view.inp.optional_ids
    ]
    return _section(
        tr("Optional criteria: consensus of the selection committee", lang),
        [tr("Criterion", lang), tr("Points", lang), tr("Reason", lang)],
        rows,
        [7.0, 1.5, 7.5],
        right=(1,),
    )


def _grid(view: EvaluationView, bid: Bid, lang: str) -> list[Block]:
    """Québec's system: the consensus on each item of the quality grid, then the interim score."""
    items = view.grid_items()
    agreed = {g.item_id: g for g in view.record.grid_consensus if g.bid_id == bid.id}
    if not (items and agreed):
        return []
    rows = []
    for item in items:
        g = agreed.get(item.id)
        rows.append(
            [
                item_label(item),
                grid_points(g, item, lang),
                " ".join(g.reason.split()) if g is not None else "",
            ]
        )
    result = view.result(bid.id)
    interim = result.quality_score if result is not None else None
    rows.append(
        [
            tr("Interim score", lang),
            tr("{points} of {most}", lang, points=number(interim, lang, 0), most=100)
            if interim is not None
            else NOT_OPENED,
            "",
        ]
    )
    return _section(
        tr("Quality grid: consensus of the selection committee", lang),
        [tr("Criterion", lang), tr("Points", lang), tr("Reason", lang)],
        rows,
        [6.0, 2.5, 7.5],
        right=(1,),
    )
