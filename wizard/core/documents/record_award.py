"""The decision record once bids are in: the bids received and, once awarded, council's
award decision (docs/documents.md, "The decision record").

* ``launched(publication, bids)``: whether the call for tenders is out (published, or
  bids recorded). The launch's sentences then speak of the launch as done: the
  recommendation that launched it is kept, under "Recommendation at launch".
* ``award_blocks(project, bids, lang)``: nothing before bids; with bids and no award,
  how many came in, where each stands and that no contract is awarded; once awarded,
  the decision (resolution, date, bidder, business number, value before taxes), its
  place in the ranking and, when it departs from it, the reason recorded, the
  standstill period, the signatory and the signature of the contract, then the bids.
  The section opens a page of its own, after the executive summary.

Every fact is read from the bids record (:mod:`wizard.core.bids.record`) and computed
as the evaluation report computes it (:func:`evaluation_common.evaluation_view`), so
the record and the report never disagree; the report gives each bid's evaluation.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from wizard.core.bids.award_rule import value_differs
from wizard.core.bids.record import Bid, BidsRecord
from wizard.core.documents.blocks import Block, Heading, PageBreak, Paragraph, Table
from wizard.core.documents.evaluation_common import (
    EvaluationView,
    bidder_name,
    evaluation_view,
    money,
    notes_language_note,
    number,
    received_sentence,
    rounded_sentence,
    status_text,
)
from wizard.core.domain.price_form import pilot_price
from wizard.core.i18n import N_, Plural, tr
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.opendata.awards import award_value, decision_day, standstill_end
from wizard.core.opendata.milestones import valid_day

if TYPE_CHECKING:
    from wizard.core.publishing.record import Record

NOT_RECORDED = N_("not recorded")
"""A fact of the award the project file does not hold (a resolution number, a date)."""

SEE_REPORT = N_(
    "The evaluation report gives each bid's evaluation: the mandatory criteria, the scores "
    "and their reasons, the opening of the price envelopes and the findings."
)


def launched(publication: Record | None, bids: BidsRecord | None) -> bool:
    """Whether the call for tenders is out: marked as published, or bids recorded."""
    published = publication is not None and publication.published
    return published or (bids is not None and bool(bids.bids))


def awarded(bids: BidsRecord | None) -> Bid | None:
    """The awarded bid, ``None`` before the award or without one."""
    if bids is None or bids.award is None or bids.award.bid_id is None:
        return None
    return bids.bid(bids.award.bid_id)


def awarded_value(bids: BidsRecord | None) -> Decimal | None:
    """The value of the contract awarded (CAD before taxes), ``None`` before the award."""
    if bids is None or awarded(bids) is None:
        return None
    return award_value(bids)


def _lower_first(text: str) -> str:
    """A status label inside a sentence: "(below the pass threshold)"."""
    return text[:1].lower() + text[1:]


def _quebec(view: EvaluationView) -> bool:
    return view.inp.method == "quebec"


def _total(view: EvaluationView, bid: Bid, lang: str) -> str:
    result = view.result(bid.id)
    return number(result.total if result else None, lang, view.total_places())  # as the report and bids.csv


def _bids_table(view: EvaluationView, lang: str) -> list[Block]:
    rows = [
        [
            str(bid.id),
            bidder_name(bid),
            status_text(bid, view.result(bid.id), lang),
            money(bid.evaluated_price, lang),
            _total(view, bid, lang),
        ]
        for bid in view.record.bids
    ]
    header = [
        tr("No.", lang),
        tr("Bidder", lang),
        tr("Status", lang),
        tr("Evaluated price", lang),
        tr("Final score", lang) if _quebec(view) else tr("Total /100", lang),
    ]
    return [
        Table([header], rows, [1.2, 5.0, 4.3, 3.0, 2.5], right=(3, 4)),
        Paragraph(rounded_sentence(view, lang)),
    ]


def _decision(view: EvaluationView, bid: Bid, lang: str) -> str:
    """Council's decision (:func:`_decided`); with a paid pilot, as the tender awards the
    full Contract only once the pilot succeeds, the pilot is what was awarded and the
    full Contract, for the awarded value, follows only on its success."""
    decided = _decided(view, bid, lang)
    if not view.project.evaluation.pilot_enabled:
        return decided
    price = pilot_price(bid.amounts)  # the pilot's own line, paid whatever its result
    condition = (
        tr(
            "The Town pays the pilot's price, {pilot} before taxes, once the pilot has been carried out, "
            "whatever its result. The full Contract, "
            "for {amount} before taxes, the pilot's price included, will be awarded only if the pilot "
            "succeeds, as the call for tenders provides.",
            lang,
            pilot=money(price, lang),
            amount=money(award_value(view.record), lang),
        )
        if price is not None
        else tr(
            "The full Contract, for {amount} before taxes, will be awarded only if the pilot succeeds, as the "
            "call for tenders provides.",
            lang,
            amount=money(award_value(view.record), lang),
        )
    )
    return f"{decided} {condition}"


def _decided(view: EvaluationView, bid: Bid, lang: str) -> str:
    """Council's decision: the resolution with the day it was adopted, then the day of
    the award when it is another (``awarded_on``)."""
    pilot = view.project.evaluation.pilot_enabled  # the pilot is awarded (:func:`_decision`)
    award = view.record.award
    assert award is not None
    params = {
        "bidder": bidder_name(bid),
        "number": " ".join(bid.bidder.business_number.split()) or tr("to be confirmed", lang),
        "amount": money(award_value(view.record), lang),
    }
    resolution = " ".join(award.resolution_number.split())
    adopted = valid_day(award.resolution_date)
    day = decision_day(view.record)
    if resolution and adopted:
        text = tr(
            N_(
                "By resolution {resolution} of {date}, Council awarded the paid pilot project to {bidder}, "
                "business number {number}."
            )
            if pilot
            else N_(
                "By resolution {resolution} of {date}, Council awarded the contract to {bidder}, business "
                "number {number}, for {amount} before taxes."
            ),
            lang,
            resolution=resolution,
            date=format_date(adopted, lang),
            **params,
        )
    elif resolution:
        text = tr(
            N_(
                "By resolution {resolution}, Council awarded the paid pilot project to {bidder}, business number {number}."
            )
            if pilot
            else N_(
                "By resolution {resolution}, Council awarded the contract to {bidder}, business number "
                "{number}, for {amount} before taxes."
            ),
            lang,
            resolution=resolution,
            **params,
        )
    elif day:
        return tr(
            N_("On {date}, the paid pilot project was awarded to {bidder}, business number {number}.")
            if pilot
            else N_(
                "On {date}, the contract was awarded to {bidder}, business number {number}, for {amount} "
                "before taxes."
            ),
            lang,
            date=format_date(day, lang),
            **params,
        )
    else:
        return tr(
            N_(
                "The paid pilot project was awarded to {bidder}, business number {number}; the day of the "
                "decision is not recorded."
            )
            if pilot
            else N_(
                "The contract was awarded to {bidder}, business number {number}, for {amount} before taxes; "
                "the day of the decision is not recorded."
            ),
            lang,
            **params,
        )
    if day and day != adopted:
        return text + " " + tr("The award is dated {date}.", lang, date=format_date(day, lang))
    if not day:
        return text + " " + tr("The day of the decision is not recorded.", lang)
    return text


def _no_award(view: EvaluationView, lang: str) -> list[str]:
    """Council's decision not to award: its resolution and date (or that they are not
    recorded) and the reason recorded; before any decision, that no contract is awarded."""
    award = view.record.award
    see = tr("The evaluation report gives each bid's evaluation and the award recommendation.", lang)
    if award is None:
        return [tr("No contract is awarded.", lang) + " " + see]
    resolution = " ".join(award.resolution_number.split())
    adopted = valid_day(award.resolution_date)
    day = decision_day(view.record)
    if resolution and adopted:
        text = tr(
            "By resolution {resolution} of {date}, Council decided not to award the contract.",
            lang,
            resolution=resolution,
            date=format_date(adopted, lang),
        )
    elif resolution:
        text = tr(
            "By resolution {resolution}, Council decided not to award the contract; the date of the "
            "resolution is not recorded.",
            lang,
            resolution=resolution,
        )
    elif day:
        text = tr(
            "On {date}, it was decided not to award the contract; the number of the resolution is not "
            "recorded.",
            lang,
            date=format_date(day, lang),
        )
    else:
        text = tr(
            "It was decided not to award the contract; the resolution and its date are not recorded.", lang
        )
    reason = " ".join(award.reason_if_not_top.split())
    texts = [text]
    if reason:
        texts.append(tr("Reason recorded for this decision: {reason}", lang, reason=reason))
    texts.append(see)
    return texts


def _ranking(view: EvaluationView, bid: Bid, lang: str) -> list[str]:
    """Where the awarded bid stands in the committee's ranking; a departure with the reason
    recorded (or that none is)."""
    award = view.record.award
    assert award is not None
    result = view.result(bid.id)
    total = _total(view, bid, lang)
    if result is not None and result.rank == 1:
        return [
            tr(
                "The selection committee ranked this bid first, with a final score of {total}.",
                lang,
                total=total,
            )
            if _quebec(view)
            else tr(
                "The selection committee ranked this bid first, with a total of {total}.", lang, total=total
            )
        ]
    first = [b for b in view.record.bids if (r := view.result(b.id)) is not None and r.rank == 1]
    names = ", ".join(bidder_name(b) for b in first)
    texts = [
        tr(
            "The award departs from the evaluation: the selection committee ranked no bid, this one "
            "included ({status}).",
            lang,
            status=_lower_first(status_text(bid, result, lang)),
        )
        if not names
        else tr(
            "The award departs from the ranking: the selection committee ranked {first} first and this "
            "bid in rank {rank}.",
            lang,
            first=names,
            rank=result.rank,
        )
        if result is not None and result.rank is not None
        else tr(
            "The award departs from the ranking: the selection committee ranked {first} first and did not "
            "rank this bid ({status}).",
            lang,
            first=names,
            status=_lower_first(status_text(bid, result, lang)),
        )
    ]
    reason = " ".join(award.reason_if_not_top.split())
    texts.append(
        tr("Reason recorded for the departure: {reason}", lang, reason=reason)
        if reason
        else tr("No reason is recorded for this departure.", lang)
    )
    return texts


def _award_table(view: EvaluationView, lang: str) -> Table:
    award = view.record.award
    assert award is not None
    signatory = " ".join(award.signatory.split())
    authority = " ".join(award.delegated_authority.split())
    end = standstill_end(view.record)
    if award.standstill_days <= 0:
        standstill = tr("no standstill period", lang)
    elif end:
        standstill = tr(
            Plural(
                "{days} day after the award decision, until {date}",
                "{days} days after the award decision, until {date}",
                award.standstill_days,
            ),
            lang,
            days=award.standstill_days,
            date=format_date(end, lang),
        )
    else:
        standstill = tr(
            Plural(
                "{days} day after the award decision",
                "{days} days after the award decision",
                award.standstill_days,
            ),
            lang,
            days=award.standstill_days,
        )
    rows = [
        [tr("Resolution number", lang), " ".join(award.resolution_number.split()) or tr(NOT_RECORDED, lang)],
        [
            tr("Adopted on", lang),
            format_date(award.resolution_date, lang)
            if valid_day(award.resolution_date)
            else tr(NOT_RECORDED, lang),
        ],
        [tr("Standstill period", lang), standstill],
        [
            tr("Signs under delegated authority", lang),
            ", ".join(x for x in (signatory, authority) if x) or tr(NOT_RECORDED, lang),
        ],
        [
            tr("Contract signed on", lang),
            format_date(award.contract_signed_on, lang)
            if valid_day(award.contract_signed_on)
            else tr("not signed yet", lang),
        ],
    ]
    return Table([], rows, [6.0, 10.0])


NOTES_IN = {
    "fr": N_(
        "The notes quoted in this record (the reasons for setting a bid aside, for departing from the "
        "ranking or for not awarding, the signatory's title) are reproduced in their original language, "
        "French, as they were recorded during the evaluation."
    ),
    "en": N_(
        "The notes quoted in this record (the reasons for setting a bid aside, for departing from the "
        "ranking or for not awarding, the signatory's title) are reproduced in their original language, "
        "English, as they were recorded during the evaluation."
    ),
}
"""What the record quotes of the bids record, in the language it was typed in: only the
reasons and the signatory's title (the evaluation report quotes more, and says so)."""


def _notes(bids: BidsRecord, notes_lang: str | None, lang: str) -> list[Block]:
    """The sentence saying the notes quoted (a reason for setting a bid aside, for a
    departure or for not awarding, the signatory's title) are in their original
    language, when the record quotes any typed text (not blank) and they are in another
    language (review 2026-12-07: an award with every note blank still said notes were
    quoted)."""
    award = bids.award
    typed = [b.rejected for b in bids.bids]
    if award is not None:
        typed.append(award.reason_if_not_top)
        if award.bid_id is not None:  # the award table quotes the signatory
            typed += [award.signatory, award.delegated_authority]
    if not any(t.strip() for t in typed):
        return []
    note = notes_language_note(notes_lang, lang, NOTES_IN)
    return [Paragraph(note)] if note else []


def award_blocks(
    project: Project, bids: BidsRecord | None, lang: str, notes_lang: str | None = None
) -> list[Block]:
    """The bids and the award, in ``lang``, from a ``project`` whose texts are in ``lang``;
    nothing without bids (module docstring). ``notes_lang``: the language the evaluators'
    notes were typed in (the project's text language)."""
    if bids is None or not bids.bids:
        return []
    view = evaluation_view(project, bids)
    bid = awarded(bids)
    if bid is None:
        return [
            PageBreak(),
            Heading(1, tr("Bids received", lang)),
            *_notes(bids, notes_lang, lang),
            Paragraph(received_sentence(view, lang)),
            *(Paragraph(text) for text in _no_award(view, lang)),
            *_bids_table(view, lang),
        ]
    blocks: list[Block] = [
        PageBreak(),
        Heading(1, tr("Award of the contract", lang)),
        *_notes(bids, notes_lang, lang),
        Paragraph(_decision(view, bid, lang)),
    ]
    differs = value_differs(bids)
    if differs is not None:
        blocks.append(
            Paragraph(
                tr(
                    "This amount is not the evaluated price of its bid, {price}.",
                    lang,
                    price=money(differs[1], lang),
                )
            )
        )
    blocks += [Paragraph(text) for text in _ranking(view, bid, lang)]
    blocks.append(_award_table(view, lang))
    blocks += [
        Heading(2, tr("Bids and ranking", lang)),
        Paragraph(received_sentence(view, lang)),
        *_bids_table(view, lang),
    ]
    blocks.append(Paragraph(tr(SEE_REPORT, lang)))
    return blocks
