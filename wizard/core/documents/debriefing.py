"""Debriefing letters to the unsuccessful bidders (issue 22): one letter per bid that did
not win, whole in each tender language, ``debriefing-<bid>-<lang>.docx``.

Written once the contract is awarded (``BidsRecord.award`` with a bid), to each bid
recorded except the winner's and the withdrawn ones; the resolution cited as the notice
of award cites it (:func:`.letters.resolution`), and with a paid pilot the pilot
awarded, the full Contract only on its success, as the notice says: a late bid learns that it was
refused unopened; a bid set aside before the opening, why; a bid that fails a
mandatory criterion, which ones; a bid below the threshold, its points and the points
needed; every evaluated bid, its own points on each optional criterion with the
selection committee's reason, and the winner's points beside them (under Québec's
statutory system, its points on each criterion of the quality grid, out of the
criterion's points, with the reason, beside the winner's); then its own scores and
rank, and the winner's; to a bid ranked above the winner, that the award departs
from the ranking and the reason recorded (:func:`_departure`); the recourse open to
it (:func:`_recourse`). As a municipal letter: the bidder's address (the placeholder
when none is recorded), a salutation, a closing and the signature of the officer
named in the tender (:func:`.letters.signature`).

Nothing confidential (principle: a debriefing explains the bidder's own result without
giving away another bidder's bid): no other bidder's name except the winner's (public
with the award), no price but the bidder's own and the awarded value (public with the
award), never the reasons written about another bid, and no personal name but the
signatory's, the single point of contact the tender already names: the letter is
addressed to the bidder (the business), and every name of a person the project or the
bids hold is withheld from the reasons and findings it quotes (``[name withheld]``),
whatever the open-data setting.
"""

from __future__ import annotations

import copy
import dataclasses
import re

from wizard.core.bids.record import Bid, BidsRecord
from wizard.core.documents.blocks import Block, Document, Paragraph, Table
from wizard.core.documents.evaluation_common import (
    NOT_OPENED,
    EvaluationView,
    bidder_name,
    evaluation_document,
    evaluation_view,
    grid_points,
    item_label,
    moment,
    money,
    notes_language_note,
    number,
    rounded_sentence,
)
from wizard.core.documents.letters import letterhead, resolution, signature, standstill
from wizard.core.documents.tender_instructions import bid_disputes, marked
from wizard.core.documents.tender_submission import format_deadline
from wizard.core.domain import quebec
from wizard.core.domain.evaluation import QUEBEC_MIN_INTERIM, points_needed_clamped
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.domain.publication_plan import public_opening
from wizard.core.domain.timezones import zone_of
from wizard.core.i18n import N_, Plural, tr
from wizard.core.model import Project
from wizard.core.opendata.awards import award_value, decision_day
from wizard.core.opendata.common import WITHHELD, Scrubber


class _Names:
    """Withholds every personal name the project and the bids hold (the Town's people,
    the jury, the committee, the bidders' contact persons) from the free text a letter
    quotes (a reason, a finding), whatever the project's open-data setting: a letter
    names no one."""

    def __init__(self, project: Project, record: BidsRecord, lang: str) -> None:
        private = copy.copy(project)
        private.export = dataclasses.replace(project.export, include_personal_names=False)
        self._scrubber = Scrubber(private, lang)
        contacts = sorted(
            {
                " ".join(b.bidder.contact_name.split())
                for b in record.bids
                if len(b.bidder.contact_name.strip()) > 1
            },
            key=lambda n: (-len(n), n),
        )
        self._contacts = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in contacts) + r")(?!\w)", re.IGNORECASE)
            if contacts
            else None
        )
        self._mark = tr(WITHHELD, lang)

    def __call__(self, text: str) -> str:
        text = self._scrubber.text(" ".join(text.split()))
        return self._contacts.sub(self._mark, text) if self._contacts else text


def debriefing_file(bid_id: int, lang: str) -> str:
    """``debriefing-3-fr.docx``."""
    return f"debriefing-{bid_id}-{lang}.docx"


def unsuccessful(record: BidsRecord) -> list[Bid]:
    """The bids that get a letter: every bid but the winner's and the withdrawn ones,
    once the contract is awarded; ``[]`` before."""
    award = record.award
    if award is None or award.bid_id is None or record.bid(award.bid_id) is None:
        return []
    return [b for b in record.bids if b.id != award.bid_id and not b.withdrawn]


def _below_interim(view: EvaluationView, bid: Bid) -> bool:
    """Whether ``bid`` stays under Québec's interim score: its outcome then says itself
    that its price envelope was not opened (:data:`ENVELOPE_NOT_OPENED` is not repeated)."""
    result = view.result(bid.id)
    return (
        result is not None
        and result.status == "below_threshold"
        and view.inp.method == "quebec"
        and result.quality_score is not None
        and result.quality_score < QUEBEC_MIN_INTERIM
    )


def _outcome(view: EvaluationView, bid: Bid, lang: str, names: _Names) -> list[Block]:
    project = view.project
    result = view.result(bid.id)
    if bid.late:
        return [
            Paragraph(
                tr(
                    "Your bid was received on {received}, after the closing set for {closing}. As the "
                    "call for tenders states, a late bid is refused: yours was recorded, but neither "
                    "opened nor evaluated.",
                    lang,
                    received=moment(bid.received_at, lang, zone_of(project.info)),
                    closing=format_deadline(project.info, lang),
                )
            )
        ]
    if bid.rejected:
        return [
            Paragraph(
                tr(
                    "Your bid was set aside before the opening of the price envelopes, for this "
                    "reason: {reason}",
                    lang,
                    reason=names(bid.rejected),
                )
            )
        ]
    if result is None:
        return []
    criteria = criterion_numbers(project, lang)
    texts = {c.id: " ".join(c.text.split()) for c in project.criteria}
    if result.status == "non_compliant":
        evidence = {
            m.criterion_id: " ".join(m.evidence.split()) for m in view.record.mandatory if m.bid_id == bid.id
        }
        blocks: list[Block] = [
            Paragraph(
                tr(
                    Plural(
                        "Your bid does not meet the following mandatory criterion; as the call for "
                        "tenders states, it was set aside and not scored further:",
                        "Your bid does not meet the following mandatory criteria; as the call for "
                        "tenders states, it was set aside and not scored further:",
                        len(result.failed),
                    ),
                    lang,
                )
            )
        ]
        for cid in result.failed:
            line = f"{criteria.get(cid, cid)} {texts.get(cid, '')}"
            if evidence.get(cid):
                line += " \u2013 " + tr("Finding: {evidence}", lang, evidence=evidence[cid])
            blocks.append(Paragraph(line, "List Bullet"))
        return blocks
    optional = len(view.inp.optional_ids)
    needed = points_needed_clamped(view.inp.threshold_pct, optional)
    if _below_interim(view, bid):
        return [
            Paragraph(
                tr(
                    "Your bid meets the mandatory criteria. Its interim score is {interim} out of 100; "
                    "the call for tenders requires {minimum}. As the call for tenders states, its price "
                    "envelope was not opened and it is not ranked.",
                    lang,
                    interim=number(result.quality_score, lang, 0),
                    minimum=number(QUEBEC_MIN_INTERIM, lang, 0),
                )
            )
        ]
    if result.status == "below_threshold":
        return [
            Paragraph(
                tr(
                    "Your bid meets the mandatory criteria. It obtained {points} of the {count} optional "
                    "points; the call for tenders requires {needed} ({percent}%). As the call for "
                    "tenders states, its price envelope does not count and it is not ranked.",
                    lang,
                    points=number(result.quality_points, lang, 0),
                    count=optional,
                    needed=needed,
                    percent=view.inp.threshold_pct,
                )
            )
        ]
    if result.status == "ranked":
        return [
            Paragraph(
                tr(
                    "Your bid meets the mandatory criteria and the threshold. It is ranked {rank} of "
                    "{count} bids ranked.",
                    lang,
                    rank=result.rank,
                    count=len(view.evaluation.ranking()),
                )
            )
        ]
    return []


def _quotes(view: EvaluationView, bid: Bid) -> bool:
    """Whether the letter to ``bid`` quotes a note the evaluators wrote (the reason it was
    set aside, the evidence of a criterion it fails, a consensus reason): the sentence on
    the notes' language goes only in such a letter (walk 2026-12-07: a late bid's letter,
    which quotes none, said the notes quoted were in French)."""
    record, inp = view.record, view.inp
    result = view.result(bid.id)
    if bid.late:
        return False
    if bid.rejected.strip():
        return True
    if result is None:
        return False
    if result.status == "non_compliant":
        return any(
            m.bid_id == bid.id and m.criterion_id in result.failed and m.evidence.strip()
            for m in record.mandatory
        )
    return any(
        c.bid_id == bid.id and c.criterion_id in inp.optional_ids and c.reason.strip()
        for c in record.consensus
    ) or any(
        g.bid_id == bid.id and g.item_id in inp.grid_max and g.reason.strip() for g in record.grid_consensus
    )


def _departure(
    view: EvaluationView, bid: Bid, winner: Bid, reason: str, lang: str, names: _Names
) -> list[Block]:
    """A bid ranked above the winner learns that the award departs from the ranking, and
    the reason recorded for it (walk 2026-12-07: the bid ranked first read only its rank
    and a total above the winner's); the evaluation report gives the same reason."""
    mine, won = view.result(bid.id), view.result(winner.id)
    if (
        mine is None
        or mine.rank is None
        or bid.late
        or (won is not None and won.rank is not None and won.rank <= mine.rank)
    ):
        return []
    text = tr(
        "The award departs from the ranking: the contract goes to a bid ranked below yours.",
        lang,
    )
    if won is None or won.rank is None:  # non-compliant or below the threshold (review 2026-12-07)
        text = tr("The award departs from the ranking: the contract goes to a bid that was not ranked.", lang)
    reason = names(reason)
    text += " " + (
        tr("Reason recorded for this choice: {reason}", lang, reason=reason)
        if reason
        else tr("No reason for this choice is recorded yet.", lang)
    )
    return [Paragraph(text)]


def _points_table(view: EvaluationView, bid: Bid, winner: Bid, lang: str, names: _Names) -> list[Block]:
    """Each optional criterion: the bid's consensus points and reason, the winner's points."""
    result = view.result(bid.id)
    if result is None or result.status in ("late", "non_compliant") or bid.late or not view.inp.optional_ids:
        return []
    criteria = criterion_numbers(view.project, lang)
    texts = {c.id: " ".join(c.text.split()) for c in view.project.criteria}
    own = {c.criterion_id: c for c in view.record.consensus if c.bid_id == bid.id}
    theirs = {c.criterion_id: c.points for c in view.record.consensus if c.bid_id == winner.id}
    rows = []
    for cid in view.inp.optional_ids:
        mine = own.get(cid)
        rows.append(
            [
                f"{criteria.get(cid, cid)} {texts.get(cid, '')}",
                NOT_OPENED if mine is None or mine.points is None else str(mine.points),
                names(mine.reason) if mine is not None else "",
                NOT_OPENED if theirs.get(cid) is None else str(theirs[cid]),
            ]
        )
    return [
        Paragraph(tr("Your points on each optional criterion, with the selection committee's reason:", lang)),
        Table(
            [[tr("Criterion", lang), tr("Your points", lang), tr("Reason", lang), tr("Winning bid", lang)]],
            rows,
            [6.0, 1.8, 6.0, 2.2],
            right=(1, 3),
        ),
    ]


def _grid_table(view: EvaluationView, bid: Bid, winner: Bid, lang: str, names: _Names) -> list[Block]:
    """Québec's statutory system: each criterion of the quality grid, the bid's
    consensus points out of the criterion's points and the reason, the winner's points."""
    result = view.result(bid.id)
    items = view.grid_items()
    if result is None or result.status in ("late", "non_compliant") or bid.late or not items:
        return []
    own = {g.item_id: g for g in view.record.grid_consensus if g.bid_id == bid.id}
    theirs = {g.item_id: g.points for g in view.record.grid_consensus if g.bid_id == winner.id}
    rows = []
    for item in items:
        mine = own.get(item.id)
        rows.append(
            [
                item_label(item),
                grid_points(mine, item, lang),
                names(mine.reason) if mine is not None else "",
                NOT_OPENED if theirs.get(item.id) is None else str(theirs[item.id]),
            ]
        )
    return [
        Paragraph(
            tr(
                "Your points on each criterion of the quality grid, with the selection committee's reason:",
                lang,
            )
        ),
        Table(
            [[tr("Criterion", lang), tr("Your points", lang), tr("Reason", lang), tr("Winning bid", lang)]],
            rows,
            [5.2, 2.6, 6.0, 2.2],
            right=(1, 3),
        ),
    ]


def _scores_table(view: EvaluationView, bid: Bid, winner: Bid, lang: str) -> list[Block]:
    mine, won = view.result(bid.id), view.result(winner.id)
    if mine is None or bid.late or mine.status == "non_compliant" or won is None:
        return []
    quebec = view.inp.method == "quebec"
    places = view.total_places()  # as the report and bids.csv
    value = winner.evaluated_price  # the price it bid, never the contract value (walk 2026-12-07)
    rows = []
    if not (quebec and not view.inp.optional_ids):  # Québec without optional criteria: the grid only
        rows.append(
            [
                tr("Quality points", lang),
                number(mine.quality_points, lang, 0),
                number(won.quality_points, lang, 0),
            ]
        )
    rows += [
        [
            tr("Interim score /100", lang)
            if quebec
            else tr("Quality score /{weight}", lang, weight=view.inp.quality_weight),
            number(mine.quality_score, lang),
            number(won.quality_score, lang),
        ],
        [tr("Evaluated price", lang), money(bid.evaluated_price, lang), money(value, lang)],
    ]
    if quebec:
        rows.append(
            [tr("Final score", lang), number(mine.total, lang, places), number(won.total, lang, places)]
        )
    else:
        rows += [
            [
                tr("Price score /{weight}", lang, weight=view.inp.price_weight),
                number(mine.price_score, lang),
                number(won.price_score, lang),
            ],
            [tr("Total /100", lang), number(mine.total, lang, places), number(won.total, lang, places)],
        ]
    rows.append(
        [
            tr("Rank", lang),
            str(mine.rank) if mine.rank is not None else NOT_OPENED,
            str(won.rank) if won.rank is not None else NOT_OPENED,
        ]
    )
    return [
        Paragraph(tr("Your scores and those of the winning bid:", lang)),
        Table([["", tr("Your bid", lang), tr("Winning bid", lang)]], rows, [7.0, 4.5, 4.5], right=(1, 2)),
        Paragraph(rounded_sentence(view, lang)),
    ]


TITLE = N_("Result of the evaluation of your bid")

ENVELOPE_NOT_OPENED = N_("As the call for tenders states, the price envelope of your bid was not opened.")


def letter_blocks(
    project: Project, record: BidsRecord, bid: Bid, lang: str, notes_lang: str | None = None
) -> list[Block]:
    """Every block of the letter to ``bid`` in ``lang``, from a ``project`` whose texts
    are in ``lang`` (module docstring). ``notes_lang``: as ``evaluation_report.report_blocks``
    (the sentence goes before the reasons). Raises ``ValueError`` without an award."""
    view = evaluation_view(project, record)
    winner = view.awarded
    award = record.award
    if winner is None or award is None:
        raise ValueError("a debriefing letter follows an award")
    blocks = letterhead(view.project, bid, TITLE, decision_day(record), lang)
    blocks.append(Paragraph(tr("The Town thanks you for your bid.", lang)))
    cited = resolution(award, lang)  # the notice of award's: a date that is no day, the placeholder
    pilot = project.evaluation.pilot_enabled  # the tender awards the pilot, the full Contract on its success
    blocks.append(
        Paragraph(
            tr(
                N_(
                    "By resolution {number} of {date}, council awarded the paid pilot project to {winner}; the "
                    "full Contract, for {amount} before taxes, will be awarded to it only if the pilot succeeds."
                )
                if pilot
                else N_(
                    "By resolution {number} of {date}, council awarded the contract to {winner}, for {amount} "
                    "before taxes."
                ),
                lang,
                **cited,
                winner=bidder_name(winner),
                amount=money(award_value(record), lang),
            )
            if cited is not None
            else tr(
                N_(
                    "The paid pilot project is awarded to {winner}; the full Contract, for {amount} before "
                    "taxes, will be awarded to it only if the pilot succeeds."
                )
                if pilot
                else N_("The contract is awarded to {winner}, for {amount} before taxes."),
                lang,
                winner=bidder_name(winner),
                amount=money(award_value(record), lang),
            ),
            source="bids.award",  # a placeholder there is the award's (its resolution)
        )
    )
    names = _Names(view.project, record, lang)
    departure = _departure(view, bid, winner, award.reason_if_not_top, lang, names)
    note = notes_language_note(notes_lang, lang)
    if note and (_quotes(view, bid) or (departure and award.reason_if_not_top.strip())):
        blocks.append(Paragraph(note))
    blocks += _outcome(view, bid, lang, names)
    blocks += departure
    if (
        record.opened
        and not bid.late
        and not bid.withdrawn
        and bid.evaluated_price is None
        and not _below_interim(view, bid)
    ):
        blocks.append(Paragraph(tr(ENVELOPE_NOT_OPENED, lang)))
    blocks += _points_table(view, bid, winner, lang, names)
    blocks += _grid_table(view, bid, winner, lang, names)
    blocks += _scores_table(view, bid, winner, lang)
    blocks += [Paragraph(text) for text in [standstill(record, lang)] if text]
    blocks.append(
        Paragraph(
            tr(
                "For any question about this result, or to ask for a meeting, write to the single "
                "point of contact named in the call for tenders, quoting its reference.",
                lang,
            )
        )
    )
    # kept with the closing, as the notice of award's last paragraph: a page never holds
    # the signature alone (the training example's PDF left it alone on page 2 in three of
    # its six letters)
    blocks.append(dataclasses.replace(_recourse(view.project, lang), keep_with_next=True))
    return blocks + signature(view.project, lang)


def _recourse(project: Project, lang: str) -> Paragraph:
    """Where the bidder may take the result: in Québec, the communication of
    information to the Autorité des marchés publics once the contract is awarded
    (``resources/legal/quebec.json``, ``complaints.after_award``, to be confirmed by
    counsel); elsewhere the Town's own complaint procedure as the tender states it
    (``tender_instructions``, "Complaints and debriefing") and, where the tender prints
    one, a trade agreement's bid-dispute procedure."""
    label = tr("Recourse:", lang)
    if public_opening(project):
        rule = marked(quebec.fact("complaints", "after_award"), lang)
        return Paragraph(tr("Under the law, {rule}.", lang, rule=rule), label=label)
    text = tr(
        "As the call for tenders states under “Complaints and debriefing”, a bidder that considers "
        "this call for tenders or its conduct unfair may complain in writing to the single point of "
        "contact, stating the facts and the rule it relies on; the Town answers in writing.",
        lang,
    )
    if bid_disputes(project, lang):
        text += " " + tr(
            "Where a trade agreement covers this call for tenders, the bid-dispute procedure stated in "
            "the same section is also available.",
            lang,
        )
    return Paragraph(text, label=label)


def letter_document(project: Project, record: BidsRecord, bid: Bid, lang: str) -> Document:
    """The letter to ``bid`` in ``lang`` ("fr" or "en"). Raises ``ValueError`` for
    another language or without an award."""
    return evaluation_document(
        project,
        lang,
        TITLE,
        lambda shown, notes_lang: letter_blocks(shown, record, bid, lang, notes_lang),
    )
