"""The rules of the award that every entry point shares.

* An award to a bid that the evaluation does not rank first needs a written reason
  (walk 2026-12-06, defect 8).
* The contract value is the awarded bid's evaluated price unless the Town states
  another (walk 2026-12-07, defect 1): :func:`contract_value` gives the value an award
  holds, reset to the new bid's price when the awarded bid changes, and the check
  ``BD-VALUE-NOT-BID`` reports a value that differs from the bid's price, so that no
  document calls it "its bid" unchecked.

:func:`evaluation_entry.set_award <wizard.core.bids.evaluation_entry.set_award>` refuses
such an award (so the command line and the app refuse it alike), the app's award panel
asks for the reason before calling it, and the check ``BD-NOT-TOP`` reports a file that
holds one anyway (an older file, or JSON loaded as it is). Pure: no file, no clock.

Principle: the published rules decide the winner; a council that departs from the
committee's ranking says why, in writing, in the resolution's file.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.bids.record import Award, BidsRecord
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


def contract_value(record: BidsRecord, before: Award, bid_id: int | None, given: str | None) -> str:
    """The contract value an award of bid ``bid_id`` holds, as stored (a decimal text,
    '' for none): ``given`` when the user states one (already checked; '' clears it back
    to the bid's price); otherwise the value held before when the awarded bid stays the
    same, else the new bid's evaluated price (a value stated for another bid is never
    carried over to this one). No award (``bid_id`` ``None``): none."""
    if bid_id is None:
        return ""
    bid = record.bid(bid_id)
    price = "" if bid is None or bid.evaluated_price is None else str(bid.evaluated_price)
    if given is not None:
        return given or price
    if before.bid_id == bid_id and before.contract_value is not None:
        return str(before.contract_value)
    return price


def value_differs(record: BidsRecord) -> tuple[Decimal, Decimal] | None:
    """``(contract value, evaluated price)`` when the award states a contract value
    other than the awarded bid's evaluated price; ``None`` otherwise (no award, no value
    stated, a bid not opened, or the same amount to the cent)."""
    award = record.award
    if award is None or award.bid_id is None or award.contract_value is None:
        return None
    bid = record.bid(award.bid_id)
    if bid is None or bid.evaluated_price is None:
        return None
    cent = Decimal("0.01")
    if award.contract_value.quantize(cent) == bid.evaluated_price.quantize(cent):
        return None
    return award.contract_value, bid.evaluated_price
