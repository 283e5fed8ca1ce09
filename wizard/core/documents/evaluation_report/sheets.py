"""What the jury members' own sheets hold beside the consensus, and what the report says
of them at the head of "Evaluation of each bid": who scored what on an independent
sheet (the grid's items, the optional criteria, or that no sheet holds them), and where
the sheets differed before the consensus, each member named by number, never by name.

:class:`SheetCover` is computed once per report: the rules, the evaluations and the
sensitivity read it, so that none says more than the sheets hold.
"""

from __future__ import annotations

from wizard.core.documents.blocks import Block, Paragraph
from wizard.core.documents.evaluation_common import EvaluationView, bid_label, item_label
from wizard.core.domain import bid_scoring
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.i18n import N_, Plural, tr


class SheetCover:
    """What the members' sheets hold beside the consensus (walk 2026-12-07: the report
    said the consensus came "after each member scored on an independent sheet" while no
    sheet, or one score, was recorded): each consensus score with points (``("optional",
    bid, criterion)`` or ``("grid", bid, item)``), those some sheet also scores, and the
    scores each member's sheet holds."""

    def __init__(self, view: EvaluationView) -> None:
        inp, record = view.inp, view.record
        self.agreed = {
            ("optional", c.bid_id, c.criterion_id)
            for c in record.consensus
            if c.points is not None and c.criterion_id in inp.optional_ids
        } | {
            ("grid", g.bid_id, g.item_id)
            for g in record.grid_consensus
            if g.points is not None and g.item_id in inp.grid_max
        }
        self.by_member: dict[int, set[tuple[str, int, int]]] = {}
        for s in record.sheets:
            if s.points is not None and s.criterion_id in inp.optional_ids:
                self.by_member.setdefault(s.jury_member_id, set()).add(("optional", s.bid_id, s.criterion_id))
        for g in record.grid_sheets:
            if g.points is not None and g.item_id in inp.grid_max:
                self.by_member.setdefault(g.jury_member_id, set()).add(("grid", g.bid_id, g.item_id))
        self.sheeted = set().union(*self.by_member.values()) if self.by_member else set()

    def unsheeted(self, kind: str) -> bool:
        """Whether a consensus score of ``kind`` ("optional" or "grid") has no sheet beside it."""
        return any(k[0] == kind and k not in self.sheeted for k in self.agreed)

    def on_sheets(self, kind: str) -> bool:
        """Whether some member's sheet scores ``kind`` ("optional" or "grid") with points."""
        return any(k[0] == kind for k in self.sheeted)


SCORED_ON_SHEETS = {
    "grid": N_("the items of the quality grid"),
    "optional": N_("the optional criteria"),
    "both": N_("the items of the quality grid and the optional criteria"),
}
NOT_ON_SHEETS = N_("No member scored {what} on a sheet: only the consensus records them.")


def _sheets_said(view: EvaluationView, cover: SheetCover, members: list[int], lang: str) -> list[Block]:
    """What the members really scored on their own sheets (walk 2026-12-07, defect 2:
    the report said every member scored each bid while no sheet held an optional
    criterion): the grid's items, the optional criteria or both, and what no sheet
    holds."""
    inp = view.inp
    optional, grid = cover.on_sheets("optional"), cover.on_sheets("grid")
    blocks: list[Block] = []
    what = "both" if optional and grid else "grid" if grid else "optional"
    kinds = {k for k, on in (("grid", grid), ("optional", optional)) if on}
    agreed = {k for k in cover.agreed if k[0] in kinds}  # a kind no sheet holds: NOT_ON_SHEETS
    if members and agreed - cover.sheeted:
        blocks.append(
            Paragraph(
                tr(
                    Plural(
                        "{count} member of the selection committee scored on an independent sheet "
                        "{sheeted} of the {total} scores the consensus records on {what}; the others "
                        "were agreed without an individual sheet.",
                        "{count} members of the selection committee scored on independent sheets "
                        "{sheeted} of the {total} scores the consensus records on {what}; the others "
                        "were agreed without an individual sheet.",
                        len(members),
                    ),
                    lang,
                    count=len(members),
                    sheeted=len(agreed & cover.sheeted),
                    total=len(agreed),
                    what=tr(SCORED_ON_SHEETS[what], lang),
                )
            )
        )
    elif members and (optional or grid):
        blocks.append(
            Paragraph(
                tr(
                    Plural(
                        "{count} member of the selection committee scored {what} on an independent "
                        "sheet before the consensus.",
                        "{count} members of the selection committee scored {what} on independent "
                        "sheets before the consensus.",
                        len(members),
                    ),
                    lang,
                    count=len(members),
                    what=tr(SCORED_ON_SHEETS[what], lang),
                )
            )
        )
    unscored = [k for k, on in (("grid", grid), ("optional", optional)) if not on]
    unscored = [k for k in unscored if (inp.grid_max if k == "grid" else inp.optional_ids)]
    for k in unscored:
        blocks.append(Paragraph(tr(NOT_ON_SHEETS, lang, what=tr(SCORED_ON_SHEETS[k], lang))))
    return blocks


def sheet_blocks(view: EvaluationView, cover: SheetCover, lang: str) -> list[Block]:
    """What the members scored on their own sheets (:func:`_sheets_said`), then where
    their sheets differed before the consensus, in ``lang``."""
    members = sorted(
        {s.jury_member_id for s in view.record.sheets} | {g.jury_member_id for g in view.record.grid_sheets}
    )
    return _sheets_said(view, cover, members, lang) + _divergences(view, lang)


def _divergences(view: EvaluationView, lang: str) -> list[Block]:
    """Each optional criterion and grid item on which the members' sheets differed, with
    each member's points; nothing when they agree."""
    divergences = bid_scoring.divergences(view.inp) + bid_scoring.grid_divergences(view.inp)
    if not divergences:
        return []
    numbers = view.jury_numbers()
    criteria = criterion_numbers(view.project, lang)
    items = {i.id: item_label(i) for i in view.project.quality_grid}
    lines = []
    for d in divergences:
        bid = view.record.bid(d.key)
        points = ", ".join(
            tr("Member {number}: {points}", lang, number=numbers.get(m, m), points=p) for m, p in d.points
        )
        if d.on_grid:
            lines.append(
                tr(
                    "{bid}, “{item}” of the quality grid (out of {most}): {points}.",
                    lang,
                    bid=bid_label(bid, lang) if bid else d.key,
                    item=items.get(d.criterion_id, d.criterion_id),
                    most=d.scale,
                    points=points,
                )
            )
            continue
        lines.append(
            tr(
                "{bid}, criterion {criterion}: {points}.",
                lang,
                bid=bid_label(bid, lang) if bid else d.key,
                criterion=criteria.get(d.criterion_id, d.criterion_id),
                points=points,
            )
        )
    return [
        Paragraph(tr("The sheets differed before the consensus on:", lang)),
        *(Paragraph(line, "List Bullet") for line in lines),
    ]
