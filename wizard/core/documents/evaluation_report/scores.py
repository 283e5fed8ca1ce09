"""The evaluation report's results, once the price envelopes are opened: "Scores and
ranking" (under Québec's system first each bid's consensus points on the quality grid,
its interim score, evaluated price and final score; then each bid's rank, quality and
price scores and total, a set-aside bid's price shown unranked under a single envelope,
the tie), and "Sensitivity of the ranking" (the ranking again without each member's
sheet, and with the linear price formula, and whether the first place holds).
"""

from __future__ import annotations

from wizard.core.bids.record import Bid
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.evaluation_common import (
    NOT_OPENED,
    EvaluationView,
    bid_label,
    item_label,
    money,
    number,
    rounded_sentence,
)
from wizard.core.documents.evaluation_report.sheets import SheetCover
from wizard.core.documents.tender_instructions import two_envelopes
from wizard.core.domain import bid_scoring
from wizard.core.i18n import N_, tr

SINGLE_ENVELOPE_PRICES = N_(
    "The call for tenders has a single envelope: every bid received on time is opened whole, "
    "its price included. The price of a bid set aside (a mandatory criterion failed, "
    "or below the pass threshold) is therefore shown, but it is not scored and does not count "
    "as the lowest price in the price formula."
)
"""Why a set-aside bid's price shows in the table: outside Québec's two envelopes
(``tender_instructions.two_envelopes``) the tender opens every bid received on time;
under them its envelope 2 stays sealed (``bids.opening.open_envelope(unopened=...)``)."""


def score_blocks(view: EvaluationView, lang: str) -> list[Block]:
    """The section "Scores and ranking" in ``lang``, bids in rank order (late ones left out)."""
    ev = view.evaluation
    order = {key: n for n, key in enumerate(ev.ranking())}
    bids = [b for b in view.record.bids if view.result(b.id) is not None and not b.late]
    bids.sort(key=lambda b: (order.get(b.id, len(order)), b.id))
    blocks: list[Block] = [
        Heading(1, tr("Scores and ranking", lang)),
        *_grid_table(view, bids, lang),
        _score_table(view, bids, lang),
        Paragraph(
            rounded_sentence(view, lang)
            + " "
            + tr("A bid without a rank is set aside; the reason is in the table of bids received.", lang)
        ),
    ]
    set_aside = [
        b
        for b in bids
        if b.evaluated_price is not None
        and (r := view.result(b.id)) is not None
        and r.status in ("non_compliant", "below_threshold")
    ]
    if set_aside and not two_envelopes(view.project):
        blocks.append(Paragraph(tr(SINGLE_ENVELOPE_PRICES, lang)))
    tie = bid_scoring.TIE_TEXTS.get(ev.tie, "")
    if tie:
        blocks.append(Paragraph(tr(tie, lang)))
    return blocks


def _score_table(view: EvaluationView, bids: list[Bid], lang: str) -> Table:
    """Each bid's rank, quality points and score, evaluated price and price score and
    total out of 100; under Québec's system the interim score and the final score (the
    quality points only with optional criteria). Every score to two decimals, the totals
    to :meth:`~.EvaluationView.total_places`, as the sentence under the table says and
    ``bids.csv`` gives them (walk 2026-12-07, item 6: the final score showed four,
    "30,2174" under "rounded to two decimals", 30.22 in the open data); the rank follows
    the exact scores."""
    inp = view.inp
    quebec = inp.method == "quebec"
    points_column = not (quebec and not inp.optional_ids)  # Québec without optional criteria: the grid only
    header = [
        tr("Rank", lang),
        tr("Bid", lang),
        *([tr("Quality points", lang)] if points_column else []),
        tr("Interim score /100", lang)
        if quebec
        else tr("Quality score /{weight}", lang, weight=inp.quality_weight),
        tr("Evaluated price", lang),
    ]
    header += (
        [tr("Final score", lang)]
        if quebec
        else [
            tr("Price score /{weight}", lang, weight=inp.price_weight),
            tr("Total /100", lang),
        ]
    )
    rows = []
    for bid in bids:
        r = view.result(bid.id)
        assert r is not None
        row = [
            str(r.rank) if r.rank is not None else NOT_OPENED,
            bid_label(bid, lang),
            *(
                [number(r.quality_points, lang, 0) if r.quality_points is not None else NOT_OPENED]
                if points_column
                else []
            ),
            number(r.quality_score, lang),
            money(bid.evaluated_price, lang),
        ]
        total = number(r.total, lang, view.total_places())
        row += [total] if quebec else [number(r.price_score, lang), total]
        rows.append(row)
    if quebec:
        widths = [1.2, 4.6, 2.0, 2.4, 3.2, 2.6] if points_column else [1.2, 6.0, 2.6, 3.6, 2.6]
    else:
        widths = [1.2, 3.8, 1.8, 2.0, 3.4, 1.9, 1.9]
    return Table([header], rows, widths, right=tuple(range(2, len(header))))


def _grid_table(view: EvaluationView, bids: list[Bid], lang: str) -> list[Block]:
    """Québec's statutory system: the consensus points of each bid on each item of the
    quality grid, the interim score, and the final score (interim + 50) × 10 000 ÷ the
    evaluated price, one column per bid evaluated (late ones left out), in rank order."""
    items = view.grid_items()
    if not items or not bids:
        return []
    points = {(g.bid_id, g.item_id): g.points for g in view.record.grid_consensus}
    rows = []
    for item in items:
        row = [tr("{item} (out of {most})", lang, item=item_label(item), most=item.points)]
        for bid in bids:
            value = points.get((bid.id, item.id))
            row.append(NOT_OPENED if value is None else str(value))
        rows.append(row)
    results = [view.result(b.id) for b in bids]
    rows.append(
        [tr("Interim score /100", lang)] + [number(r.quality_score if r else None, lang, 0) for r in results]
    )
    rows.append([tr("Evaluated price", lang)] + [money(b.evaluated_price, lang) for b in bids])
    rows.append(
        [tr("Final score", lang)]
        + [number(r.total if r else None, lang, view.total_places()) for r in results]
    )
    rows.append(
        [tr("Rank", lang)]
        + [str(r.rank) if r is not None and r.rank is not None else NOT_OPENED for r in results]
    )
    first = 5.0
    each = (16.0 - first) / len(bids)
    return [
        Paragraph(
            tr("Points of each bid on the quality grid, by consensus of the selection committee:", lang)
        ),
        Table(
            [[tr("Criterion", lang)] + [tr("Bid {number}", lang, number=b.id) for b in bids]],
            rows,
            [first] + [each] * len(bids),
            right=tuple(range(1, len(bids) + 1)),
        ),
    ]


LINEARITY = N_(
    "The price formula of the call for tenders is not linear in the price: a bid 10% above the "
    "lowest loses about 9% of the price points, and a bid at twice the lowest keeps half of them. "
    "The linear formula takes the same points away for each dollar above the lowest and gives no "
    "points at twice the lowest or more."
)


QUESTION_FORMULA = N_(
    "Would the result change if one member's sheet were left out, or with the other "
    "common price formula? Each line evaluates the bids again under one change."
)
QUESTION_SHEETS = N_(
    "Would the result change if one member's sheet were left out? Each line evaluates the "
    "bids again without one sheet."
)
"""The question "Sensitivity of the ranking" asks: the price formula's half only when a
line answers it (walk 2026-12-07, item 7: Québec's statutory formula has no other, and
the question was asked with no line to answer it)."""


def sensitivity_blocks(view: EvaluationView, cover: SheetCover, lang: str) -> list[Block]:
    """The section "Sensitivity of the ranking" in ``lang``, each left-out sheet with
    the share of the consensus scores it holds (``cover``); nothing while no bid is ranked."""
    ranked = view.evaluation.ranking()
    if not ranked:
        return []
    numbers = view.jury_numbers()
    blocks: list[Block] = [Heading(1, tr("Sensitivity of the ranking", lang))]
    other_formula = any(v.kind != "without_member" for v in view.sensitivity.variants)
    blocks.append(Paragraph(tr(QUESTION_FORMULA if other_formula else QUESTION_SHEETS, lang)))
    for variant in view.sensitivity.variants:
        if variant.kind == "without_member":
            held = len(cover.by_member.get(variant.member_id or 0, set()) & cover.agreed)
            what = (
                tr(
                    "Without the sheet of member {number}, which holds {held} of the {total} scores "
                    "the consensus records",
                    lang,
                    number=numbers.get(variant.member_id or 0, variant.member_id),
                    held=held,
                    total=len(cover.agreed),
                )
                if held < len(cover.agreed)
                else tr(
                    "Without the sheet of member {number}",
                    lang,
                    number=numbers.get(variant.member_id or 0, variant.member_id),
                )
            )
        else:
            what = tr("With the linear price formula, weight × (1 − (price − lowest) ÷ lowest)", lang)
        if variant.same_order:
            verdict = tr("the same ranking.", lang)
        elif variant.same_winner:
            verdict = tr("the same first bid; the order of the others changes.", lang)
        else:
            verdict = tr("another first bid.", lang)
        blocks.append(Paragraph(tr("{change}: {result}", lang, change=what, result=verdict), "List Bullet"))
    blocks.append(
        Paragraph(
            tr("The ranking holds under every change.", lang)
            if view.sensitivity.holds
            else tr(
                "The first place depends on one of these changes: the selection committee explains its result.",
                lang,
            )
        )
    )
    if view.inp.method == "weighted":
        blocks.append(Paragraph(tr(LINEARITY, lang)))
    return blocks
