"""The evaluation report's first section, "The call for tenders and its rules": how the
bids are evaluated (mandatory and optional criteria, the members' sheets and the
consensus, what the technical committee verified), every threshold the evaluation
applies with the weights and the price formula, Québec's statutory system (the quality
grid, the provision and the formula of ``resources/legal/quebec.json``), the tie-break
rule, and whether Québec's statute requires a method the tender does not use.

:func:`threshold_texts` is also what the app's Ranking tab repeats.
"""

from __future__ import annotations

from wizard.core.bids.scoring_input import statute_differs
from wizard.core.checks.bids import pending_verifications, verified_bids
from wizard.core.documents.blocks import Block, Heading, Paragraph
from wizard.core.documents.evaluation_common import EvaluationView, number
from wizard.core.documents.evaluation_report.sheets import SheetCover
from wizard.core.documents.tender_criteria import COUNSEL_MARK
from wizard.core.domain import bid_scoring, quebec
from wizard.core.domain.evaluation import QUEBEC_MIN_INTERIM, points_needed_clamped
from wizard.core.domain.numbering import scenario_numbers
from wizard.core.i18n import N_, tr
from wizard.core.model import Project


def threshold_texts(inp: bid_scoring.EvaluationInput, lang: str) -> list[str]:
    """Every threshold the evaluation applies, in ``lang``, as the report's rules state
    them and the app's Ranking tab repeats them: the weighted method's pass threshold
    with its weights; Québec's method and interim score of at least
    ``QUEBEC_MIN_INTERIM``, then :data:`OPTIONAL_THRESHOLD` when the tender has optional
    criteria (both apply: ``bid_scoring._before_price``)."""
    optional = len(inp.optional_ids)
    if inp.method != "quebec":
        return [
            tr(
                "Threshold: a bid must obtain {percent}% of the optional points, {needed} of "
                "{count}. Weights: quality {quality} points, price {price} points, out of 100. "
                "Price score = {price} × lowest evaluated price ÷ the bid's evaluated price, the "
                "lowest among the bids that pass.",
                lang,
                percent=inp.threshold_pct,
                needed=points_needed_clamped(inp.threshold_pct, optional),
                count=optional,
                quality=inp.quality_weight,
                price=inp.price_weight,
            )
        ]
    texts = [
        tr(
            "Method: Québec's weighted system. The interim score is out of 100; the price "
            "envelope of a bid below {minimum} is not opened; the final score is (interim "
            "score + 50) × 10 000 ÷ the evaluated price.",
            lang,
            minimum=number(QUEBEC_MIN_INTERIM, lang, 0),
        )
    ]
    if optional:
        texts.append(_optional_threshold(inp, lang))
    return texts


def rules_blocks(view: EvaluationView, cover: SheetCover, lang: str) -> list[Block]:
    """The section "The call for tenders and its rules" in ``lang`` (module docstring);
    ``cover`` says whether the consensus came after each member's independent sheet."""
    project, inp = view.project, view.inp
    blocks: list[Block] = [Heading(1, tr("The call for tenders and its rules", lang))]
    evaluated = tr(
        "The bids are evaluated as the call for tenders states: each mandatory criterion is "
        "met or not, and a bid that fails one is set aside; each optional criterion met is "
        "worth one point, by the consensus of the selection committee.",
        lang,
    )
    if not cover.unsheeted("optional"):
        evaluated = tr(
            "The bids are evaluated as the call for tenders states: each mandatory criterion is "
            "met or not, and a bid that fails one is set aside; each optional criterion met is "
            "worth one point, by the consensus of the selection committee after each member "
            "scored on an independent sheet.",
            lang,
        )
    verified = verification_text(view, lang)
    blocks.append(Paragraph(f"{evaluated} {verified}" if verified else evaluated))
    thresholds = threshold_texts(inp, lang)
    blocks.append(Paragraph(thresholds[0]))
    if inp.method == "quebec" and inp.grid_max:
        blocks.append(Paragraph(_statute_text(project, lang, sheets=not cover.unsheeted("grid"))))
    blocks += [Paragraph(text) for text in thresholds[1:]]
    if project.evaluation.tie_break.strip():
        blocks.append(
            Paragraph(
                tr(
                    "Tie-break rule of the call for tenders: {rule}",
                    lang,
                    rule=" ".join(project.evaluation.tie_break.split()),
                )
            )
        )
    if statute_differs(project):
        blocks.append(
            Paragraph(
                tr(
                    "Québec's statute requires its weighted system for this contract and the call for "
                    "tenders does not use it: the bids are evaluated as the call for tenders was "
                    "published. To be confirmed by counsel before the award.",
                    lang,
                )
            )
        )
    return blocks


VERIFIED_ALL = N_("The technical committee verified each scenario for each bid evaluated.")
VERIFIED_NONE = N_("No verification of the scenarios by the technical committee is recorded for any bid.")
VERIFIED_SOME = N_(
    "The technical committee's verification of every scenario is recorded for the bids numbered "
    "{done}; it is not recorded for every scenario of the bids numbered {pending} (the evaluation "
    "of each bid below gives the results recorded)."
)
VERIFIED_NO_BID = N_(
    "No verification of every scenario by the technical committee is recorded for the bids "
    "numbered {pending} (the evaluation of each bid below gives the results recorded)."
)


def verification_text(view: EvaluationView, lang: str) -> str:
    """What the technical committee's verification of the scenarios really covers, in
    ``lang`` (walk 2026-12-07: the rules said "the technical committee verifies each
    scenario" while no verification was recorded): each scenario confirmed or refuted for
    every bid evaluated (:func:`~wizard.core.checks.bids.verified_bids`), for some of
    them, or none at all; '' when the tender has no scenario or no bid is evaluated."""
    bids = [b.id for b in verified_bids(view.record)]
    if not bids or not scenario_numbers(view.project):
        return ""
    pending = pending_verifications(view.project, view.record)
    if not pending:
        return tr(VERIFIED_ALL, lang)
    recorded = {v.bid_id for v in view.record.verifications if v.result in ("confirmed", "refuted")}
    if not recorded & set(bids):
        return tr(VERIFIED_NONE, lang)
    done = [str(b) for b in bids if b not in pending]
    missing = ", ".join(str(b) for b in bids if b in pending)
    if not done:
        return tr(VERIFIED_NO_BID, lang, pending=missing)
    return tr(VERIFIED_SOME, lang, done=", ".join(done), pending=missing)


OPTIONAL_THRESHOLD = N_(
    "Threshold on the optional criteria: a bid must also obtain {percent}% of the optional points, "
    "{needed} of {count}; below it, the bid is under the pass threshold whatever its interim score, "
    "and its price envelope is not opened."
)
"""Québec's system with optional criteria: the second threshold the evaluation applies
(``bid_scoring._before_price``), stated where the rules are (walk 2026-12-07, defect 2:
a bid at 72/100 was "below the pass threshold" while the rules named only 70)."""


def _optional_threshold(inp: bid_scoring.EvaluationInput, lang: str) -> str:
    """:data:`OPTIONAL_THRESHOLD` for ``inp``'s optional criteria."""
    count = len(inp.optional_ids)
    return tr(
        OPTIONAL_THRESHOLD,
        lang,
        percent=inp.threshold_pct,
        needed=points_needed_clamped(inp.threshold_pct, count),
        count=count,
    )


GRID_RULE = N_(
    "The interim score is the total of the points the selection committee agreed by consensus on "
    "each criterion of the quality grid, out of {total}, after each member scored every bid on an "
    "independent sheet without knowing its price. The final score is given by the formula of {law}: "
    "{formula}."
)

GRID_RULE_AGREED = N_(
    "The interim score is the total of the points the selection committee agreed by consensus on "
    "each criterion of the quality grid, out of {total}, without knowing the prices. The final "
    "score is given by the formula of {law}: {formula}."
)
""":data:`GRID_RULE` when a consensus score of the grid has no member's sheet beside it."""


def _statute_text(project: Project, lang: str, sheets: bool = True) -> str:
    """:data:`GRID_RULE` with the provision and the formula of ``resources/legal/quebec.json``
    (``evaluation.formula``; the professional-services article or the one for other
    contracts), marked "to be confirmed by counsel" while either is unconfirmed."""
    key = "professional_services" if project.evaluation.professional_services else "other_contracts"
    law = quebec.text("evaluation", key, lang)
    if not (quebec.fact("evaluation", key).confirmed and quebec.fact("evaluation", "formula").confirmed):
        law = f"{law} {tr(COUNSEL_MARK, lang)}"
    return tr(
        GRID_RULE if sheets else GRID_RULE_AGREED,
        lang,
        total=sum(max(i.points, 0) for i in project.quality_grid),
        law=law,
        formula=quebec.text("evaluation", "formula", lang),
    )
