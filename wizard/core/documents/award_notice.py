"""The notice of award to the successful bidder: ``award-notice-<bid>-<lang>.docx``, whole
in each tender language, once the award names a bid and the day of its decision is
recorded (:func:`awarded_bid`); the unsuccessful bidders get a debriefing letter
(:mod:`.debriefing`), from the same letterhead and signature (:mod:`.letters`).

Every sentence is read from the model, none promised that the project does not hold:

* the award: by resolution (its number and date, the placeholder for the one missing)
  when one is recorded, else on the day of the decision (``Award.awarded_on``); the bid
  (received on …, as the debriefing letter writes a moment) and the awarded value
  before taxes (``awards.award_value``: the contract value, else the bid's price). With
  a paid pilot (``evaluation.pilot_enabled``) the tender awards the full Contract only
  after the pilot succeeds: the notice says the pilot is awarded, and the full Contract,
  for that value, only if the pilot succeeds;
* what the bidder provides, and by when, as the tender's "Award and signature of the
  Contract" states it (``contract_data.award_documents_days`` from the notice, whose
  date is the letter's): the signed Contract; a certificate of each insurance the
  Contract requires only when its clause "Insurance" is in the tender, as the library
  writes it, with amounts above 0 (an edited clause: the proofs "such as certificates of
  insurance", as the tender's award section says; removed, or no amount: none, as the
  tender says it too: ``library.requires_insurance``); the other proofs the Contract
  requires before it starts;
* what follows a failure, the bid security (kept or returned) only when the tender asks
  for one; the standstill period's end when the award records one; that the notice does
  not allow work to begin; the Contract's start as the tender sets it, when it falls
  after the decision (and the standstill period). With a paid pilot, the contract binds
  the Town for the full Contract, and starts it, only if the pilot succeeds: on the
  tender's start only when it falls on or after the pilot's end (``pilot_end``), else
  "once the pilot has ended"; documents not provided in time let the Town offer the
  pilot to the bidder ranked next, as the tender's "Pilot project: price, success and
  failure" says, never the full Contract.

No award, an award to no bid, or one whose day of decision is not recorded (neither
``awarded_on`` nor the resolution's date): no notice (the municipal file's README says
why: ``archive.MISSING``).
"""

from __future__ import annotations

from wizard.core.bids.record import Bid, BidsRecord
from wizard.core.checks.logistics import pilot_end
from wizard.core.clauses.library import is_edited, requires_insurance
from wizard.core.clauses.terms import contract_terms
from wizard.core.documents.blocks import Block, Document, Paragraph
from wizard.core.documents.evaluation_common import evaluation_document, moment, money
from wizard.core.documents.letters import letterhead, resolution, signature, standstill
from wizard.core.documents.tender_instructions import shifted
from wizard.core.domain.price_form import pilot_price
from wizard.core.domain.timezones import zone_of
from wizard.core.i18n import N_, Plural, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.model import Project
from wizard.core.model.bounds import clamp, show
from wizard.core.opendata.awards import award_value, decided_before_closing, decision_day, standstill_end
from wizard.core.opendata.milestones import valid_day

TITLE = N_("Notice of award")


def award_notice_file(bid_id: int, lang: str) -> str:
    """``award-notice-1-fr.docx``."""
    return f"award-notice-{bid_id}-{lang}.docx"


def awarded_bid(record: BidsRecord | None, project: Project | None = None) -> Bid | None:
    """The bid that gets the notice: the one the award names, once the day of the
    decision is recorded; ``None`` otherwise (no award, an award to no bid, a decision
    without a day and, with ``project``, a decision before the closing's day:
    ``BD-DECIDED-BEFORE-CLOSING``, a notice dated before the bids came in)."""
    if record is None or record.award is None or record.award.bid_id is None or decision_day(record) is None:
        return None
    if project is not None and decided_before_closing(project, record):
        return None
    return record.bid(record.award.bid_id)


def notice_names(record: BidsRecord | None, langs: list[str], project: Project | None = None) -> list[str]:
    """The notice's file name in each language of ``langs`` ([] without a notice:
    :func:`awarded_bid` with ``project``)."""
    bid = awarded_bid(record, project)
    return [award_notice_file(bid.id, lang) for lang in langs] if bid is not None else []


def notice_documents(project: Project, record: BidsRecord | None, langs: list[str]) -> dict[str, Document]:
    """``{award-notice-<bid>-<lang>.docx: Document}`` in each language of ``langs``;
    ``{}`` without a notice (:func:`awarded_bid`)."""
    bid = awarded_bid(record, project)
    if bid is None or record is None:
        return {}
    return {award_notice_file(bid.id, lang): notice_document(project, record, lang) for lang in langs}


def _award(record: BidsRecord, bid: Bid, project: Project, lang: str) -> str:
    """Who awarded the contract, when, for which bid and amount."""
    award = record.award
    assert award is not None
    params = {
        "received": moment(bid.received_at, lang, zone_of(project.info)) or PLACEHOLDER,
        "amount": money(award_value(record), lang) if award_value(record) is not None else PLACEHOLDER,
    }
    cited = resolution(award, lang)
    if project.evaluation.pilot_enabled:  # the tender awards the pilot first (module docstring)
        awarded = (
            tr(
                "By resolution {number} of {date}, council awarded you the paid pilot project in "
                "accordance with your bid received on {received}.",
                lang,
                **cited,
                **params,
            )
            if cited is not None
            else tr(
                "On {date}, the Town awarded you the paid pilot project in accordance with your bid "
                "received on {received}.",
                lang,
                date=format_date(decision_day(record) or "", lang),
                **params,
            )
        )
        price = pilot_price(bid.amounts)  # the pilot's own line, paid whatever its result
        condition = (
            tr(
                "The Town pays the pilot's price, {pilot} before taxes, once the pilot has been carried "
                "out, whatever its result. The full "
                "Contract, for {amount} before taxes, the pilot's price included, will be awarded to you only "
                "if the pilot succeeds, as the call for tenders states under “Pilot project: price, success "
                "and failure”.",
                lang,
                pilot=money(price, lang),
                **params,
            )
            if price is not None
            else tr(
                "The full Contract, for {amount} before taxes, will be awarded to you only if the pilot "
                "succeeds, as the call for tenders states under “Pilot project: price, success and failure”.",
                lang,
                **params,
            )
        )
        return f"{awarded} {condition}"
    if cited is not None:
        return tr(
            "By resolution {number} of {date}, council awarded you the contract in accordance with your "
            "bid received on {received}, for {amount} before taxes.",
            lang,
            **cited,
            **params,
        )
    return tr(
        "On {date}, the Town awarded you the contract in accordance with your bid received on "
        "{received}, for {amount} before taxes.",
        lang,
        date=format_date(decision_day(record) or "", lang),
        **params,
    )


def _insurance(project: Project, lang: str) -> list[str]:
    """The bullets on insurance: the certificates the Contract requires (module docstring)."""
    if not requires_insurance(project, lang):
        return []
    if is_edited(project, "insurance", lang):  # the town's own text
        return [
            tr(
                "the proofs the contract requires before it starts, such as certificates of insurance.",
                lang,
            )
        ]
    kinds = contract_terms(project, lang)["insurance"]
    listed = (
        kinds[0]
        if len(kinds) == 1
        else tr("{items} and {last}", lang, items=", ".join(kinds[:-1]), last=kinds[-1])
    )
    return [
        tr(
            "a certificate of each insurance policy the contract requires: {insurance};",
            lang,
            insurance=listed,
        ),
        tr("any other proof the contract requires before it starts.", lang),
    ]


def _documents(project: Project, record: BidsRecord, lang: str) -> list[Block]:
    """What the bidder provides, and by when."""
    days = clamp("contract_data.award_documents_days", project.contract_data.award_documents_days)
    day = decision_day(record) or ""
    items = [tr("the contract, signed by the person authorized to bind your business;", lang)]
    items += _insurance(project, lang) or [tr("the proofs the contract requires before it starts.", lang)]
    return [
        Paragraph(
            tr(
                Plural(
                    "As the call for tenders states under “Award and signature of the Contract”, please "
                    "provide the Town, within {count} day of this notice, that is by {date}, with:",
                    "As the call for tenders states under “Award and signature of the Contract”, please "
                    "provide the Town, within {count} days of this notice, that is by {date}, with:",
                    days,
                ),
                lang,
                count=show(days),
                date=format_date(shifted(day, days), lang),
            )
        ),
        *(Paragraph(item, "List Bullet") for item in items),
    ]


def _failure(project: Project, lang: str) -> str:
    """What follows documents not provided in time; the bid security only when the tender
    asks for one."""
    pilot = project.evaluation.pilot_enabled  # the tender offers the pilot, never the full Contract
    if project.contract_data.bid_security != "security_none" and pilot:
        return tr(
            "The Town returns your bid security once you have signed the contract and provided these "
            "documents. If you do not provide them in time, the Town may cancel the award, keep your "
            "bid security and offer the pilot to the bidder ranked next, or cancel the call for tenders.",
            lang,
        )
    if pilot:
        return tr(
            "If you do not provide them in time, the Town may cancel the award and offer the pilot to "
            "the bidder ranked next, or cancel the call for tenders.",
            lang,
        )
    if project.contract_data.bid_security != "security_none":
        return tr(
            "The Town returns your bid security once you have signed the contract and provided these "
            "documents. If you do not provide them in time, the Town may cancel the award, keep your "
            "bid security and award the contract to the bidder ranked next, or cancel the call for "
            "tenders.",
            lang,
        )
    return tr(
        "If you do not provide them in time, the Town may cancel the award and award the contract "
        "to the bidder ranked next, or cancel the call for tenders.",
        lang,
    )


def _start(project: Project, record: BidsRecord, lang: str) -> str:
    """The Contract's start as the tender sets it, when it is still to come once the
    decision is final (after the standstill period): a start already past is left out."""
    start = valid_day(project.info.contract_start)
    after = standstill_end(record) or decision_day(record)
    if project.evaluation.pilot_enabled:  # the full Contract follows the pilot (module docstring)
        span = pilot_end(project)
        if start is None or span is None or start < span[1].isoformat():
            # never a start before the pilot ends (PR-PILOT-CONTRACT-START): it follows its success
            return tr("If the pilot succeeds, the full Contract starts once the pilot has ended.", lang)
        return tr(
            "The call for tenders sets the start of the full Contract on {date}, if the pilot succeeds.",
            lang,
            date=format_date(start, lang),
        )
    if start is None or after is None or start <= after:
        return ""
    return tr(
        "The call for tenders sets the start of the contract on {date}.", lang, date=format_date(start, lang)
    )


def notice_blocks(project: Project, record: BidsRecord, lang: str) -> list[Block]:
    """Every block of the notice in ``lang``, from a ``project`` whose texts are in
    ``lang`` (module docstring). Raises ``ValueError`` without a notice to write.
    What follows the list of documents shares one paragraph, which keeps a short notice
    on one page."""
    bid = awarded_bid(record)
    if bid is None:
        raise ValueError("a notice of award follows an award decision to a bid")
    blocks = letterhead(project, bid, TITLE, decision_day(record), lang)
    pleased = tr("The Town is pleased to inform you that your bid is successful.", lang)
    blocks.append(Paragraph(f"{pleased} {_award(record, bid, project, lang)}", source="bids.award"))
    blocks += _documents(project, record, lang)
    binds = tr(
        N_(
            "The contract binds the Town only once both parties have signed it, and beyond the pilot only "
            "if the pilot succeeds; this notice does not allow work to begin, not even on the pilot."
        )
        if project.evaluation.pilot_enabled  # the full Contract follows the pilot (module docstring)
        else N_(
            "The contract binds the Town only once both parties have signed it; this notice does not "
            "allow work to begin."
        ),
        lang,
    )
    follows = [_failure(project, lang), standstill(record, lang), binds, _start(project, record, lang)]
    blocks.append(Paragraph(" ".join(text for text in follows if text)))
    question = tr(
        "For any question about this notice, write to the single point of contact named in the call "
        "for tenders, quoting its reference.",
        lang,
    )
    # kept with the closing: a page never holds the signature alone (the training
    # example's PDF, in both languages, left it alone on page 2)
    return [*blocks, Paragraph(question, keep_with_next=True), *signature(project, lang)]


def notice_document(project: Project, record: BidsRecord, lang: str) -> Document:
    """The notice of award in ``lang`` ("fr" or "en"). Raises ``ValueError`` for another
    language or without a notice to write (:func:`awarded_bid`)."""
    return evaluation_document(project, lang, TITLE, lambda shown, _notes: notice_blocks(shown, record, lang))
