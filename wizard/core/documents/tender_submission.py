"""The tender's deadline, "Submission of bids" section and single point of contact.

* :func:`format_deadline` — the closing date with its time and time zone, as the tender
  prints it: "8 mars 2027, 14 h 00 (heure de l’Est)", "March 8, 2027, 2:00 p.m. Eastern
  Time" (``formats.format_date`` and ``format_clock``, no-break spaces in French;
  ``timezones.zone_label`` names the zone).
* :func:`submission_blocks` — how and where bids are submitted, the deadline again, the
  rule that late bids are refused, and the contact block (name, position, e-mail,
  telephone, postal address) of the one person bidders may write to.

Guide principles: a complete tender (every date and rule stated, so no bidder can be
treated differently) and equal treatment (bidders speak to one designated person, and
every answer goes to all of them; a bidder that contacts anyone else may have its bid
rejected, the project having one contact for procurement and technical questions). Missing data shows ``[À COMPLÉTER / TO BE COMPLETED]``
(docs/cases.md K10) for the date, the time, the submission method and the e-mail; an empty
telephone or address is left out (an e-mail is enough for a written-only contact).
"""

from __future__ import annotations

from typing import Literal

from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.domain.timezones import parse_time, zone_label, zone_of
from wizard.core.i18n import tr
from wizard.core.i18n.formats import PLACEHOLDER, format_clock, format_date
from wizard.core.model import Project, ProjectInfo
from wizard.core.textclean import one_line

SubmissionMeans = Literal["electronic", "paper", "both"]


def submission_means(project: Project) -> SubmissionMeans:
    """How bids are submitted (``publication.bids_electronic``, ``bids_on_paper``):
    "electronic", "paper" or "both"; "electronic" when neither is ticked, as the
    instructions then say (a bid on paper is refused).

    Every sentence about the physical form of a bid (sealed envelopes, files) follows
    it, so an electronic-only tender never asks for sealed envelopes.
    """
    pub = project.publication
    if pub.bids_on_paper:
        return "both" if pub.bids_electronic else "paper"
    return "electronic"


def _time(info: ProjectInfo, lang: str) -> str:
    time = parse_time(info.closing_time)
    if time is None:
        return PLACEHOLDER  # blank or no time of day ("25:00"): PR-TIME says which
    return format_clock(time, lang)


def format_deadline(info: ProjectInfo, lang: str) -> str:
    """The bid deadline in ``lang`` ("fr" or "en"), see the module doc.

    No closing date → :data:`PLACEHOLDER` alone. No time → the placeholder in its place;
    no zone (no province, no ``time_zone``) → the placeholder in the zone's place; a
    time that is no time of day ("25:00") is a missing one (``PR-TIME`` reports it):
    a legal text never states a deadline that cannot be.
    """
    date = format_date(info.closing_date, lang)
    if date == PLACEHOLDER:
        return PLACEHOLDER
    zone = zone_label(zone_of(info), lang) or PLACEHOLDER
    return tr("{date}, {time} {zone}", lang, date=date, time=_time(info, lang), zone=zone)


def contact_rows(info: ProjectInfo, lang: str) -> list[list[str]]:
    """``[label, value]`` rows of the single point of contact: name, position, e-mail,
    then telephone and postal address when set."""
    rows = [
        [tr("Name", lang), one_line(info.officer_name) or PLACEHOLDER],
        [tr("Position", lang), one_line(info.officer_title) or PLACEHOLDER],
        [tr("E-mail", lang), one_line(info.contact_email) or PLACEHOLDER],
    ]
    for label, value in (("Telephone", info.contact_phone), ("Postal address", info.contact_address)):
        if one_line(value):
            rows.append([tr(label, lang), one_line(value, ", ")])
    return rows


def submission_blocks(project: Project, lang: str) -> list[Block]:
    """The "Submission of bids" and "Single point of contact" parts of the instructions
    to bidders (``tender_instructions.py``) in ``lang``."""
    info = project.info
    method = one_line(info.submission_method)
    return [
        Heading(2, tr("Submission of bids", lang)),
        Paragraph(method or PLACEHOLDER, label=tr("How and where to submit:", lang)),
        Paragraph(format_deadline(info, lang), label=tr("Deadline for bids:", lang)),
        Paragraph(
            tr(
                "Late bids are refused: a bid received after this deadline is neither opened nor evaluated. The time of receipt recorded where the bid is submitted is authoritative.",
                lang,
            )
        ),
        Heading(2, tr("Single point of contact", lang)),
        Paragraph(
            tr(
                "From the publication of this call for tenders until the award, bidders address every question and communication about it, in writing, only to the person below. They do not contact any other member of the Town's staff or council about it. Questions are accepted until {deadline}; every answer is sent to all bidders in an addendum.",
                lang,
                deadline=format_date(info.questions_deadline, lang),
            )
        ),
        Table([], contact_rows(info, lang), [6.0, 10.0]),
        Paragraph(
            tr(
                "This person is the Town's only contact for this call for tenders, for procurement and technical questions alike. A bidder that, about this call for tenders, contacts or tries to influence anyone else at the Town, a member of the selection committee or a member of council may have its bid rejected.",
                lang,
            )
        ),
    ]
