"""The evaluation report's last section, "Award recommendation": the bid the selection
committee recommends (or the award proposed, and why it is not the first ranked), the
proposed resolution for council (the contract, the bidder, the amount; who is
authorized to sign and under which delegated authority), the standstill period or the
contract's signature, and the table of the resolution's number, its adoption date, who
signs and when the contract was signed.

:func:`award_typed` says how a signatory or authority typed in the project's language
is printed in the report's.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.bids.award_rule import value_differs
from wizard.core.bids.record import Award, Bid, BidsRecord
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.evaluation_common import NOT_OPENED, EvaluationView, bidder_name, money, number
from wizard.core.documents.letters import signed_standstill
from wizard.core.documents.tender import user_text
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.model.translatable import MARKER, needs_translation
from wizard.core.opendata.awards import standstill_end
from wizard.core.opendata.milestones import valid_day

TO_BE_ADOPTED = N_("to be given once adopted")


def _quoted(text: str, lang: str) -> str:
    """``text`` in the quotation marks of ``lang``: « … » with no-break spaces, “…”."""
    return f"\u00ab\u00a0{text}\u00a0\u00bb" if lang == "fr" else f"\u201c{text}\u201d"


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def award_typed(project: Project, typed: str, notes_lang: str | None, lang: str) -> tuple[str, bool]:
    """What the report in ``lang`` prints of an award's ``typed`` signatory or delegated
    authority, typed in ``notes_lang`` (the project's text language), and whether it is
    quoted: as typed in that language, or when it says nothing in words (a number); the
    tender's contact with the title typed ("Martin Thériault, directeur des technologies
    de l'information"), with the contact's title in ``lang`` when the project has it
    (``project``: localized in ``lang``, its translations holding the typed language);
    otherwise quoted as typed, which the notes' sentence covers (walk 2026-12-07: an
    English report read "THAT Martin Thériault, directeur … be authorized")."""
    typed = " ".join(typed.split())
    if not typed or notes_lang in (None, lang) or not needs_translation(typed):
        return typed, False
    info = project.info
    name = " ".join(info.officer_name.split())
    if name and typed == name:  # a name has no language
        return typed, False
    if name and typed.startswith(name + ","):
        source = next(
            (
                t.text
                for t in project.translations
                if t.address == "info.officer_title" and t.lang == notes_lang
            ),
            "",
        )
        title = " ".join(info.officer_title.split())
        if source.strip() and title and title != MARKER and _fold(typed[len(name) + 1 :]) == _fold(source):
            return f"{name}, {title}", False
    return _quoted(typed, lang), True


def recommendation_blocks(view: EvaluationView, lang: str, notes_lang: str | None = None) -> list[Block]:
    """The section "Award recommendation" in ``lang`` (module docstring); ``notes_lang``:
    the language the award's signatory and authority were typed in (:func:`award_typed`)."""
    blocks: list[Block] = [Heading(1, tr("Award recommendation", lang))]
    bid = view.proposed
    if bid is None:
        blocks.append(
            Paragraph(
                tr(
                    "No bid can be recommended yet: the evaluation is not complete, no bid passes, or "
                    "the first place is tied.",
                    lang,
                )
            )
        )
        return blocks
    return blocks + _recommended(view, bid, lang) + _resolution(view, bid, lang, notes_lang)


def _value(view: EvaluationView, bid: Bid) -> Decimal | None:
    """The amount proposed, CAD before taxes: the award's contract value when the award
    goes to ``bid`` and records one, else the bid's evaluated price."""
    award = view.record.award
    if award is not None and award.contract_value is not None and award.bid_id == bid.id:
        return award.contract_value
    return bid.evaluated_price


def _first(view: EvaluationView, bid: Bid) -> bool:
    """Whether ``bid`` is ranked first."""
    result = view.result(bid.id)
    return result is not None and result.rank == 1


def _recommended(view: EvaluationView, bid: Bid, lang: str) -> list[Block]:
    """The committee's recommendation of the bid it ranked first, or the award proposed
    to another one, with the bids it ranked first and the reason written (or that none is)."""
    record = view.record
    result = view.result(bid.id)
    award = record.award
    value = _value(view, bid)
    first = _first(view, bid)
    # the committee recommends the bid it ranked first, never another one (walk defect 8)
    params = {
        "bidder": bidder_name(bid),
        "rank": result.rank if result is not None and result.rank is not None else NOT_OPENED,
        "amount": money(bid.evaluated_price if bid.evaluated_price is not None else value, lang),
    }
    # Québec ranks by the statute's final score, not a total out of 100 (walk 2026-12-07)
    quebec_score = view.inp.method == "quebec"
    params["total"] = number(
        result.total if result else None, lang, view.total_places()
    )  # as the scores table
    if first:
        text = (
            tr(
                "The selection committee recommends awarding the contract to {bidder}, in rank {rank} "
                "with a final score of {total}, for {amount} before taxes.",
                lang,
                **params,
            )
            if quebec_score
            else tr(
                "The selection committee recommends awarding the contract to {bidder}, in rank {rank} "
                "with a total of {total}, for {amount} before taxes.",
                lang,
                **params,
            )
        )
    else:
        ranked_first = [b for b in record.bids if (r := view.result(b.id)) is not None and r.rank == 1]
        first_names = ", ".join(bidder_name(b) for b in ranked_first) or NOT_OPENED
        text = (
            tr(
                "The award proposed goes to {bidder}, in rank {rank} with a final score of {total}, for "
                "{amount} before taxes; the selection committee ranked {first} first.",
                lang,
                first=first_names,
                **params,
            )
            if quebec_score
            else tr(
                "The award proposed goes to {bidder}, in rank {rank} with a total of {total}, for {amount} "
                "before taxes; the selection committee ranked {first} first.",
                lang,
                first=first_names,
                **params,
            )
        )
    if view.project.evaluation.pilot_enabled:  # the tender awards the pilot, the full Contract on its success
        text = tr(
            (
                N_(
                    "The selection committee recommends awarding the paid pilot project to {bidder}, in rank "
                    "{rank} with a final score of {total}, and the full Contract, for {amount} before taxes, "
                    "only if the pilot succeeds."
                )
                if quebec_score
                else N_(
                    "The selection committee recommends awarding the paid pilot project to {bidder}, in rank "
                    "{rank} with a total of {total}, and the full Contract, for {amount} before taxes, only "
                    "if the pilot succeeds."
                )
            )
            if first
            else N_(
                "The award proposed goes to {bidder}, in rank {rank} with a final score of {total}: the paid "
                "pilot project, and the full Contract, for {amount} before taxes, only if the pilot "
                "succeeds; the selection committee ranked {first} first."
            )
            if quebec_score
            else N_(
                "The award proposed goes to {bidder}, in rank {rank} with a total of {total}: the paid pilot "
                "project, and the full Contract, for {amount} before taxes, only if the pilot succeeds; the "
                "selection committee ranked {first} first."
            ),
            lang,
            first=", ".join(bidder_name(b) for b in record.bids if (r := view.result(b.id)) and r.rank == 1)
            or NOT_OPENED,
            **params,
        )
    blocks: list[Block] = [Paragraph(text)]
    if not first and award is not None:
        reason = " ".join(award.reason_if_not_top.split())
        blocks.append(
            Paragraph(
                tr("The proposed bid is not the first ranked. Reason: {reason}", lang, reason=reason)
                if reason
                else tr(
                    "The proposed bid is not the first ranked and no reason is written: write the "
                    "reason before council decides (finding BD-NOT-TOP).",
                    lang,
                )
            )
        )
    return blocks


def _resolution(view: EvaluationView, bid: Bid, lang: str, notes_lang: str | None) -> list[Block]:
    """The proposed resolution: the award of the contract to ``bid``, who signs under
    which delegated authority, the standstill period or the signature, and the table of
    the resolution's number, its adoption and who signs."""
    project, record = view.project, view.record
    award = record.award
    blocks: list[Block] = [Heading(2, tr("Proposed resolution", lang)), _award_clause(view, bid, lang)]
    # typed in the project's language: the contact's title in ``lang``, else quoted
    signatory, quoted = award_typed(project, award.signatory, notes_lang, lang) if award else ("", False)
    typed_authority = " ".join(award.delegated_authority.split()) if award else ""
    authority = award_typed(project, typed_authority, notes_lang, lang)[0]
    number_itself = " ".join(award.resolution_number.split()) if award else ""
    # the draft of a resolution never cites itself as the delegation it acts under (walk
    # defect 16): the resolution is itself the authorization; the table below keeps it
    cited = "" if number_itself and number_itself in typed_authority else authority
    blocks.append(
        Paragraph(
            tr(
                "THAT {signatory} be authorized to sign the contract for the Town{authority}.",
                lang,
                # "Martin Thériault, directeur …," : the title is an apposition, closed by a comma
                signatory=(signatory + ("," if "," in signatory and not quoted else ""))
                or tr("[the person designated]", lang),
                authority=(" " + tr("(delegated authority: {authority})", lang, authority=cited))
                if cited
                else "",
            )
        )
    )
    blocks += _standstill(record, lang)
    blocks.append(_resolution_table(award, ", ".join(x for x in (signatory, authority) if x), lang))
    return blocks


def _award_clause(view: EvaluationView, bid: Bid, lang: str) -> Paragraph:
    """THAT council award the contract to ``bid``, for its price or for another amount; with
    a paid pilot, the pilot, and the full Contract only on its success (as the tender says)."""
    info = view.project.info
    value = _value(view, bid)
    # the resolution says "its bid" only of the bid's own price (walk 2026-12-07, defect 1)
    bid_price = value is None or bid.evaluated_price is None or value_differs(view.record) is None
    reference, title = user_text(info.reference), user_text(info.title)
    return Paragraph(
        tr(
            # a paid pilot: the tender awards the pilot, the full Contract only on its success
            (
                N_(
                    "THAT council award the paid pilot project of the call for tenders {reference}, "
                    "{title}, to {bidder}, business number {number}, {position}, in accordance with "
                    "its bid and the call for tenders, and that the full Contract, for {amount} "
                    "before taxes, be awarded to it only if the pilot succeeds, as the call for "
                    "tenders provides;"
                )
                if bid_price
                else N_(
                    "THAT council award the paid pilot project of the call for tenders {reference}, "
                    "{title}, to {bidder}, business number {number}, {position}, in accordance with "
                    "the call for tenders, and that the full Contract, for {amount} before taxes, an "
                    "amount other than the evaluated price of its bid, {price}, be awarded to it only "
                    "if the pilot succeeds, as the call for tenders provides;"
                )
            )
            if view.project.evaluation.pilot_enabled
            else N_(
                "THAT council award the contract of the call for tenders {reference}, {title}, to "
                "{bidder}, business number {number}, {position}, for {amount} before taxes, "
                "in accordance with its bid and the call for tenders;"
            )
            if bid_price
            else N_(
                "THAT council award the contract of the call for tenders {reference}, {title}, to "
                "{bidder}, business number {number}, {position}, for {amount} before taxes, an "
                "amount other than the evaluated price of its bid, {price}, in accordance with the "
                "call for tenders;"
            ),
            lang,
            price=money(bid.evaluated_price, lang),
            reference=reference,
            title=title,
            bidder=bidder_name(bid),
            number=" ".join(bid.bidder.business_number.split()) or tr("to be confirmed", lang),
            position=tr("the compliant bidder ranked first", lang)
            if _first(view, bid)
            else tr("a compliant bidder", lang),
            amount=money(value, lang),
        )
    )


def _standstill(record: BidsRecord, lang: str) -> list[Block]:
    """When the Town signed against the standstill period's end, once the signature is
    recorded; before it, that the contract is not signed before that end; nothing
    without an award or a period."""
    award = record.award
    signed = valid_day(award.contract_signed_on) if award is not None else None
    if signed is not None and signed_standstill(record, lang):
        # the signature recorded, said as a fact: never "is not signed before" (walk defect)
        return [Paragraph(signed_standstill(record, lang))]
    if award is not None and award.standstill_days > 0 and signed is None:
        end = standstill_end(record)
        return [
            Paragraph(
                tr(
                    "The contract is not signed before the end of the standstill period of {days} "
                    "days after the award decision, on {date}.",
                    lang,
                    days=award.standstill_days,
                    date=format_date(end, lang),
                )
                if end
                else tr(
                    "The contract is not signed before the end of the standstill period of {days} "
                    "days after the award decision.",
                    lang,
                    days=award.standstill_days,
                )
            )
        ]
    return []


def _resolution_table(award: Award | None, signs: str, lang: str) -> Table:
    """The resolution's number and adoption date ("to be given once adopted" before),
    who ``signs`` under delegated authority, and when the contract was signed."""
    rows = [
        [
            tr("Resolution number", lang),
            " ".join(award.resolution_number.split())
            if award and award.resolution_number.strip()
            else tr(TO_BE_ADOPTED, lang),
        ],
        [
            tr("Adopted on", lang),
            format_date(award.resolution_date, lang)
            if award and award.resolution_date.strip()
            else tr(TO_BE_ADOPTED, lang),
        ],
        [tr("Signs under delegated authority", lang), signs or NOT_OPENED],
    ]
    if award is not None and award.contract_signed_on.strip():
        rows.append([tr("Contract signed on", lang), format_date(award.contract_signed_on, lang)])
    return Table([], rows, [6.0, 10.0])
