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

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from wizard.core.bids.record import Award, Bid, BidsRecord
from wizard.core.bids.scoring_input import evaluation_input
from wizard.core.domain import bid_scoring
from wizard.core.i18n import N_
from wizard.core.model import Project

NOT_TOP = N_("Give the reason for awarding a bid that is not the top-ranked one.")
"""The refusal of an award to a bid not ranked first without a reason (core and app)."""

NOT_OPENED = N_("The price workbook of bid {bid} was not opened: it cannot be awarded.")
"""The refusal of an award to a bid whose workbook was not opened for another reason
than :data:`NEVER_OPENED` names (kept sealed, or none received)."""
NEVER_OPENED = {
    "late": N_(
        "Bid {bid} was received after the closing: it is kept on record, its price workbook was "
        "never opened, and it cannot be awarded."
    ),
    "withdrawn": N_(
        "Bid {bid} was withdrawn by the bidder: its price workbook was never opened, and it cannot be awarded."
    ),
    "rejected": N_(
        "Bid {bid} was rejected before the opening ({reason}): its price workbook was never "
        "opened, and it cannot be awarded."
    ),
}
"""The refusal of an award to a bid never opened, naming why (walk 2026-12-07: a late
bid was refused with :data:`NOT_OPENED`, which did not say it was late)."""

SET_ASIDE_FAILS = (
    N_(
        "Bid {bid} fails the mandatory criterion {criteria}: the published rules set it aside, it "
        "cannot be awarded."
    ),
    N_(
        "Bid {bid} fails the mandatory criteria {criteria}: the published rules set it aside, it "
        "cannot be awarded."
    ),
)
SET_ASIDE_OTHER = {
    "below_threshold": N_(
        "Bid {bid} is below the pass threshold: the published rules set it aside, it cannot be awarded."
    ),
    "zero_price": N_(
        "Bid {bid} has an evaluated price of 0: the published rules set it aside, it cannot be awarded."
    ),
}
"""One refusal per status the evaluation sets aside (review 2026-12-07: one message said
"the pass threshold or the price rule" while ``result.status`` knew which). Refusing an
award to a bid the evaluation sets aside (walk 2026-12-07: such an award was recorded
with only the error BD-WINNER-FAILS, while the late bid was refused); the check keeps
BD-WINNER-FAILS for a file that holds one already."""


BELOW_INTERIM = N_(
    "Bid {bid} is below the pass threshold (interim score {interim} of 100; {minimum} needed): as "
    "the published rules provide, its price envelope was not opened, and it cannot be awarded."
)
"""The refusal of an award to a bid whose price envelope Québec's two envelopes keep
sealed for an interim score below the statute's minimum (review 2026-12-07: it was
refused with :data:`NOT_OPENED`, which named neither the threshold nor why)."""


@dataclass(frozen=True)
class Refusal:
    """Why bid ``bid_id`` cannot be awarded: ``text`` an English message id (French in
    ``core.po``), ``params`` its placeholders; the very refusal
    :func:`~wizard.core.bids.evaluation_entry.set_award` raises for it."""

    bid_id: int
    text: str
    params: Mapping[str, object]


def not_opened(bid: Bid) -> Refusal:
    """Why the award of ``bid``, whose workbook was not opened, is refused: late,
    withdrawn, rejected with its reason (:data:`NEVER_OPENED`, in that order), else
    :data:`NOT_OPENED`."""
    if bid.late:
        return Refusal(bid.id, NEVER_OPENED["late"], {"bid": bid.id})
    if bid.withdrawn:
        return Refusal(bid.id, NEVER_OPENED["withdrawn"], {"bid": bid.id})
    if bid.rejected.strip():
        reason = " ".join(bid.rejected.split())
        return Refusal(bid.id, NEVER_OPENED["rejected"], {"bid": bid.id, "reason": reason})
    return Refusal(bid.id, NOT_OPENED, {"bid": bid.id})


@dataclass(frozen=True)
class AwardChoices:
    """The bids an award can go to (``awardable``, in the record's order) and why each
    other bid cannot (``refused``, in the record's order)."""

    awardable: tuple[int, ...]
    refused: tuple[Refusal, ...]


def refusal(
    project: Project, record: BidsRecord, bid_id: int, evaluation: bid_scoring.Evaluation | None = None
) -> Refusal | None:
    """Why the award of bid ``bid_id`` is refused whatever else is given: its workbook
    was not opened (:func:`not_opened`: late, withdrawn, rejected or kept sealed), or the
    evaluation of ``record`` under the published rules (``evaluation`` when the caller
    has it) sets it aside: a mandatory criterion failed, named as the tender numbers it
    (:data:`SET_ASIDE_FAILS`), the pass threshold or the price rule
    (:data:`SET_ASIDE_OTHER`). ``None``: the bid can be awarded (a reason may still be
    needed: :func:`needs_reason`), or there is no such bid."""
    from wizard.core.domain.numbering import criterion_numbers

    bid = record.bid(bid_id)
    if bid is None:
        return None
    ev = evaluation or bid_scoring.evaluate(evaluation_input(project, record))
    result = next((r for r in ev.results if r.key == bid_id), None)
    if not bid.opened:
        if not (bid.late or bid.withdrawn or bid.rejected.strip()) and result is not None:
            below = _below_interim(result)
            if below is not None:
                return below
            if result.status == "below_threshold":  # sealed for the optional criteria's threshold
                return Refusal(bid_id, SET_ASIDE_OTHER["below_threshold"], {"bid": bid_id})
        return not_opened(bid)
    if result is None:
        return None
    if result.status == "non_compliant":
        labels = criterion_numbers(project, "en")  # the binding version's numbers, whatever the language
        failed = [labels.get(c, f"#{c}") for c in result.failed]
        text = SET_ASIDE_FAILS[0] if len(failed) == 1 else SET_ASIDE_FAILS[1]
        return Refusal(bid_id, text, {"bid": bid_id, "criteria": ", ".join(failed)})
    if result.status in SET_ASIDE_OTHER:
        return Refusal(bid_id, SET_ASIDE_OTHER[result.status], {"bid": bid_id})
    return None


def _below_interim(result: bid_scoring.BidResult) -> Refusal | None:
    """:data:`BELOW_INTERIM` for a result below Québec's minimum interim score, else ``None``."""
    from wizard.core.domain.evaluation import QUEBEC_MIN_INTERIM

    interim = result.quality_score
    if result.status != "below_threshold" or interim is None or interim >= QUEBEC_MIN_INTERIM:
        return None
    shown = math.floor(interim)  # never rounded up to the minimum it misses
    return Refusal(
        result.key, BELOW_INTERIM, {"bid": result.key, "interim": shown, "minimum": QUEBEC_MIN_INTERIM}
    )


def award_choices(project: Project, record: BidsRecord) -> AwardChoices:
    """Every bid of ``record`` sorted by :func:`refusal`: those an award can go to, and
    the others with the core's refusal, so that a screen offers only what
    :func:`~wizard.core.bids.evaluation_entry.set_award` accepts and says why not for
    the rest (issue: the app's award panel offered bids the published rules set aside)."""
    ev = bid_scoring.evaluate(evaluation_input(project, record))
    awardable: list[int] = []
    refused: list[Refusal] = []
    for bid in record.bids:
        found = refusal(project, record, bid.id, ev)
        if found is None:
            awardable.append(bid.id)
        else:
            refused.append(found)
    return AwardChoices(tuple(awardable), tuple(refused))


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
