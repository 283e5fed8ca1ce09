"""What the Town's letters to a bidder share (docs/documents.md, "Evaluation outputs"):
the debriefing letter to an unsuccessful bidder (:mod:`.debriefing`) and the notice of
award to the successful one (:mod:`.award_notice`) open, identify the bid and close the
same way, as a Canadian municipal letter does.

* :func:`letterhead`: the Town, the letter's title, its date (the day of the award
  decision), the bidder (its legal name and address: the placeholder when no address is
  recorded), the subject (the call for tenders' reference and title) and the salutation;
* :func:`resolution`: the number and date of the resolution that awarded the contract,
  the placeholder for the one not recorded or a date that is no real day;
* :func:`standstill`: the end of the standstill period, when the award records one, and
  the signature once recorded (:func:`signed_standstill`);
* :func:`signature`: the closing and the officer the tender names as the single point of
  contact, with the Town's postal address when recorded, kept together on one page.
"""

from __future__ import annotations

from dataclasses import replace

from wizard.core.bids.record import Award, Bid, BidsRecord
from wizard.core.documents.blocks import Block, Paragraph
from wizard.core.documents.evaluation_common import bidder_name
from wizard.core.documents.tender import user_paragraphs, user_text
from wizard.core.i18n import Plural, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.model import Project
from wizard.core.model.bounds import show
from wizard.core.opendata.awards import decision_day, standstill_end
from wizard.core.opendata.milestones import valid_day
from wizard.core.textclean import one_line


def letterhead(project: Project, bid: Bid, title: str, day: str | None, lang: str) -> list[Block]:
    """The letter's head in ``lang``: the Town, ``title`` (an English message id), the
    date ``day`` (YYYY-MM-DD; an empty line when ``None``), the bidder's name and address,
    the subject and the salutation. ``project``: localized in ``lang``."""
    info = project.info
    bidder = f"bids:{bid.id}.bidder"
    blocks: list[Block] = [
        Paragraph(user_text(info.organization), "Subtitle", source="info.organization"),
        Paragraph(tr(title, lang), "Title"),
        Paragraph(format_date(day, lang) if day else "", source="bids.award"),
        Paragraph(bidder_name(bid), source=bidder),
    ]
    # the placeholder when none is recorded
    blocks += [replace(p, source=bidder) for p in user_paragraphs(bid.bidder.address)]
    blocks.append(
        Paragraph(
            tr(
                "Subject: call for tenders {reference}, {title}",
                lang,
                reference=user_text(info.reference),
                title=user_text(info.title),
            ),
            label="",
            source="info.title" if one_line(info.reference) else "info.reference",
        )
    )
    blocks.append(Paragraph(tr("Madam, Sir,", lang)))
    return blocks


def resolution(award: Award, lang: str) -> dict[str, str] | None:
    """The resolution that awarded the contract as a letter cites it, ``{"number": …,
    "date": …}`` in ``lang``: the placeholder for the one not recorded and for a date that
    is no real day (``2027-02-30``: the gate then names the letter); ``None`` when neither
    is recorded (the letter says the award without a resolution)."""
    number = " ".join(award.resolution_number.split())
    if not number and not award.resolution_date.strip():
        return None
    adopted = valid_day(award.resolution_date)
    return {"number": number or PLACEHOLDER, "date": format_date(adopted, lang) if adopted else PLACEHOLDER}


def signed_standstill(record: BidsRecord, lang: str) -> str:
    """The contract's signature as recorded (``Award.contract_signed_on``), said against
    the standstill period's end (``awards.standstill_end``, its last day): before it, on
    that last day (still inside the period, as the finding counts it: "before the end …,
    on May 20" for May 20 read as a riddle, review 2026-12-07) or after it, as a
    fact (walk 2026-12-07: a document promised "will not be signed before" the end of a
    period the record shows it was signed in; finding ``BD-SIGNED-IN-STANDSTILL``); ''
    without a signature, a period or a day of decision."""
    end = standstill_end(record)
    award = record.award
    signed = valid_day(award.contract_signed_on) if award is not None else None
    if not end or award is None or signed is None:
        return ""
    days = award.standstill_days
    inside = Plural(
        "The Town signed the contract on {signed}, before the end of the standstill period of {count} day, "
        "on {date}.",
        "The Town signed the contract on {signed}, before the end of the standstill period of {count} days, "
        "on {date}.",
        days,
    )
    after = Plural(
        "The Town signed the contract on {signed}, after the end of the standstill period of {count} day, "
        "on {date}.",
        "The Town signed the contract on {signed}, after the end of the standstill period of {count} days, "
        "on {date}.",
        days,
    )
    last = Plural(
        "The Town signed the contract on {signed}, the last day of the standstill period of {count} day.",
        "The Town signed the contract on {signed}, the last day of the standstill period of {count} days.",
        days,
    )
    return tr(
        last if signed == end else inside if signed < end else after,
        lang,
        count=show(days),
        signed=format_date(signed, lang),
        date=format_date(end, lang),
    )


def standstill(record: BidsRecord, lang: str) -> str:
    """The letters' sentence on the standstill period's end (``awards.standstill_end``):
    the Town's promise not to sign before it; when the signature recorded falls on or
    before the day the letters are dated (``awards.decision_day``), what
    :func:`signed_standstill` says of it instead. A signature after that day is not
    told: a letter dated May 10 cannot report a signature of May 25 (review
    2026-12-07). '' without a period or a day of decision."""
    end = standstill_end(record)
    if not end or record.award is None:
        return ""
    signed = valid_day(record.award.contract_signed_on)
    dated = decision_day(record)  # the day the letters are dated (``letterhead``)
    if signed is not None and dated and signed <= dated:
        return signed_standstill(record, lang)
    days = record.award.standstill_days
    return tr(
        Plural(
            "The Town will not sign the contract before the end of the standstill period of {count} day, "
            "on {date}.",
            "The Town will not sign the contract before the end of the standstill period of {count} days, "
            "on {date}.",
            days,
        ),
        lang,
        count=show(days),
        date=format_date(end, lang),
    )


def signature(project: Project, lang: str) -> list[Block]:
    """The closing, then who signs: the officer the tender names as the single point of
    contact, the title, the Town, and how to reach them (``info.officer_name``,
    ``officer_title``; the Town's postal address ``contact_address`` line by line, then
    ``contact_email``, ``contact_phone``); the name and title print the placeholder when
    they are not recorded, never another person's; an address, e-mail or telephone not
    recorded prints no line."""
    info = project.info
    lines = [
        (user_text(info.officer_name), "info.officer_name"),
        (user_text(info.officer_title), "info.officer_title"),
        (user_text(info.organization), "info.organization"),
    ]
    lines += [(line, "") for line in one_line(info.contact_address, "\n").split("\n") if line]
    lines += [(one_line(v), "") for v in (info.contact_email, info.contact_phone) if one_line(v)]
    # one block on one page with the closing before it: each line kept with the next
    blocks: list[Block] = [Paragraph(tr("Yours truly,", lang), keep_with_next=True)]
    return blocks + [
        Paragraph(line, keep_with_next=n < len(lines), source=source)
        for n, (line, source) in enumerate(lines, start=1)
    ]
