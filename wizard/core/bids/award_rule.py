"""The one rule of the award that every entry point shares (walk 2026-12-06, defect 8):
an award to a bid that the evaluation does not rank first needs a written reason.

:func:`evaluation_entry.set_award <wizard.core.bids.evaluation_entry.set_award>` refuses
such an award (so the command line and the app refuse it alike), the app's award panel
asks for the reason before calling it, and the check ``BD-NOT-TOP`` reports a file that
holds one anyway (an older file, or JSON loaded as it is). Pure: no file, no clock.

Principle: the published rules decide the winner; a council that departs from the
committee's ranking says why, in writing, in the resolution's file.
"""

from __future__ import annotations

from wizard.core.bids.record import BidsRecord
from wizard.core.bids.scoring_input import evaluation_input
from wizard.core.domain import bid_scoring
from wizard.core.i18n import N_
from wizard.core.model import Project

NOT_TOP = N_("Give the reason for awarding a bid that is not the top-ranked one.")
"""The refusal of an award to a bid not ranked first without a reason (core and app)."""


def ranked_first(evaluation: bid_scoring.Evaluation, bid_id: int) -> bool:
    """Whether bid ``bid_id`` is ranked first (alone or tied) in ``evaluation``; a bid
    not ranked (pending, sealed, set aside) or unknown is not."""
    return any(r.key == bid_id and r.rank == 1 for r in evaluation.results)


def needs_reason(project: Project, record: BidsRecord, bid_id: int | None, reason: str) -> bool:
    """Whether awarding bid ``bid_id`` (``None``: no award, which needs none) with
    ``reason`` breaks the rule: the bid is not ranked first by the evaluation of
    ``record`` under the tender's rules and ``reason`` is blank."""
    if bid_id is None or reason.strip():
        return False
    return not ranked_first(bid_scoring.evaluate(evaluation_input(project, record)), bid_id)
