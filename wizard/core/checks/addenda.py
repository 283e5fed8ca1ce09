"""Findings on a published tender's addenda (docs/publishing.md; red flags of the Open
Contracting Partnership, *Red Flags in Public Procurement*, 2024).

``check_addenda(project, record, today)`` reads the publication record
(``publishing.record.Record``) beside the project, and ``today`` (YYYY-MM-DD: the
checks stay pure, the caller says what day it is):

* ``PR-ADDENDUM-UNANSWERED`` (warning, red flag R039, *unanswered bidder questions*):
  a question of the draft addendum has no answer in a tender language while the last
  day for an addendum has come (the closing minus ``contract_data.last_addendum_days``):
  answering it now needs the closing extended.
* ``PR-ADDENDUM-LATE`` (warning): an issued addendum changed a text of the tender (a
  requirement, a criterion …) later than the Town's minimum before the closing then in
  force; bidders had less time than the Town promised to adapt their bids.
* ``PR-ADDENDUM-SHORTENED`` (red flag R003, *short submission period*): an issued
  addendum moved the closing earlier (warning), leaving bids open for fewer days than
  the Town's minimum (``info.min_submission_days``, 15 while 0: error).

* ``PR-ADDENDUM-PRICE-FORM`` (warning): the project now lays out another price form
  than the one bidders fill (the published workbook's version, or the last addendum's):
  the cost study changed its lines since. An addendum replaces the workbook (issuing
  says so and names the new version); until then bidders price the old one.

* ``PR-ADDENDUM-LANGUAGE`` (warning): a text of the draft addendum (a question, its
  answer, a changed text) reads as the other language than the version it fills
  (``publishing.addenda.language_slips``): the English answer in the French binding
  addendum. Issuing would send it to every bidder as written; ``addendum issue``
  refuses without ``--force`` and the app asks first.
* ``PR-ADDENDUM-MAKES-LATE`` (warning): the draft addendum moves the closing earlier
  than a bid already received on time (``publishing.addenda.made_late``): once issued,
  that bid is late, kept on record and never opened. Said before the issue, which
  ``addendum issue`` refuses without ``--force`` and the app asks about first.
* ``BD-UNACKNOWLEDGED`` (warning): a bid received on time does not acknowledge an issued
  addendum, judged once its form of offer is read (``bids.record.acknowledgement_read``:
  under two envelopes, Form 1 is in envelope 2, so only once that envelope is opened). Each bidder acknowledges every addendum in its form of offer, and the
  tender's instructions say that "a bid that does not acknowledge an addendum may be
  declared non-compliant" (``documents/tender_instructions.py``): the committee decides;
  the finding names the bid, the addendum and that rule, on ``bids:{id}.acknowledged_addenda``.

Each finding points at the field to look at (``info.closing_date``,
``info.questions_deadline``, ``cost_lines``), or at the draft addendum
(``addenda:{id}``, no step's field: shown with the review's findings).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from wizard.core.bids.record import acknowledgement_read
from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import submission_periods as periods
from wizard.core.domain.days import parse_day
from wizard.core.i18n import N_, Plural
from wizard.core.i18n.languages import tender_languages
from wizard.core.model import Project
from wizard.core.model.bounds import clamp
from wizard.core.publishing.record import Addendum, Record, workbook_in_force, workbook_version

if TYPE_CHECKING:
    from wizard.core.bids.record import Bid, BidsRecord


def _day(value: str) -> dt.date | None:
    return parse_day(value)


def _minimum(project: Project) -> int:
    return clamp("contract_data.last_addendum_days", project.contract_data.last_addendum_days)


def _closing_when_issued(project: Project, addendum: Addendum) -> str:
    """The closing date in force when ``addendum`` was issued: the value its own change
    of the closing replaced, else the closing now (no later addendum moved it)."""
    moved = next((c for c in addendum.changes if c.field == "info.closing_date"), None)
    return moved.old_fr if moved is not None else project.info.closing_date


def _unanswered(project: Project, record: Record, today: dt.date) -> list[Finding]:
    draft = record.draft
    closing = _day(project.info.closing_date)
    if draft is None or closing is None or today < closing - dt.timedelta(days=_minimum(project)):
        return []
    langs = tender_languages(project)
    waiting = [q for q in draft.questions if any(not q.text("answer", lang) for lang in langs)]
    if not waiting:
        return []
    return [
        finding(
            "PR-ADDENDUM-UNANSWERED",
            Severity.WARNING,
            Plural(
                "{count} bidder's question awaits its answer while the last day for an addendum "
                "has come (closing {closing}): answer it to every bidder, and extend the closing "
                "(red flag R039, Open Contracting Partnership).",
                "{count} bidders' questions await their answers while the last day for an "
                "addendum has come (closing {closing}): answer them to every bidder, and extend "
                "the closing (red flag R039, Open Contracting Partnership).",
                len(waiting),
            ),
            "info.questions_deadline",
            principles.EQUAL_INFORMATION,
            closing=project.info.closing_date,
        )
    ]


def _late(project: Project, record: Record) -> list[Finding]:
    found: list[Finding] = []
    for addendum in record.issued:
        issued = _day(addendum.issued_on)
        closing = _day(_closing_when_issued(project, addendum))
        texts = [c for c in addendum.changes if c.kind in ("text", "clause")]
        if not texts or issued is None or closing is None:
            continue
        if (closing - issued).days < _minimum(project):
            found.append(
                finding(
                    "PR-ADDENDUM-LATE",
                    Severity.WARNING,
                    N_(
                        "Addendum {number} changed the requirements on {date}, closer to the "
                        "closing then in force ({closing}) than the Town's minimum for a last "
                        "addendum: bidders had less time than promised to adapt their bids."
                    ),
                    "info.closing_date",
                    principles.EQUAL_INFORMATION,
                    number=addendum.number,
                    date=addendum.issued_on,
                    closing=closing.isoformat(),
                )
            )
    return found


def _shortened(project: Project, record: Record) -> list[Finding]:
    found: list[Finding] = []
    published = record.baseline.published_on if record.baseline else ""
    minimum = clamp("info.min_submission_days", project.info.min_submission_days) or periods.TOWN_DEFAULT_DAYS
    for addendum in record.issued:
        for change in addendum.changes:
            if change.field != "info.closing_date" or not change.old_fr or change.new_fr >= change.old_fr:
                continue
            days = periods.period_days(published, change.new_fr)
            short = days is not None and days < minimum
            found.append(
                finding(
                    "PR-ADDENDUM-SHORTENED",
                    Severity.ERROR if short else Severity.WARNING,
                    N_(
                        "Addendum {number} moved the closing earlier, from {before} to {after}; "
                        "bids are then open for less time than the Town's minimum (red flag R003, "
                        "Open Contracting Partnership)."
                    )
                    if short
                    else N_(
                        "Addendum {number} moved the closing earlier, from {before} to {after}: "
                        "bidders lose time they counted on (red flag R003, Open Contracting Partnership)."
                    ),
                    "info.closing_date",
                    principles.COMPETITION,
                    number=addendum.number,
                    before=change.old_fr,
                    after=change.new_fr,
                )
            )
    return found


def _price_form(project: Project, record: Record) -> list[Finding]:
    in_force, now = workbook_in_force(record), workbook_version(project)
    if in_force == now:
        return []
    return [
        finding(
            "PR-ADDENDUM-PRICE-FORM",
            Severity.WARNING,
            N_(
                "The price form has changed since bidders received it (version {before}, now "
                "{after}): the cost study's lines changed the lines bidders price. Bidders fill only "
                "the workbook they received: issue an addendum, which replaces the workbook, or "
                "put the cost lines back."
            ),
            "cost_lines",
            principles.EQUAL_INFORMATION,
            before=in_force,
            after=now,
        )
    ]


def _language(project: Project, record: Record) -> list[Finding]:
    from wizard.core.publishing.addenda import language_slips

    if record.draft is None:
        return []
    return [
        finding(
            "PR-ADDENDUM-LANGUAGE",
            Severity.WARNING,
            text,
            f"addenda:{record.draft.id}",  # the draft, not a step's field: shown with the review's
            principles.EQUAL_INFORMATION,
            **params,
        )
        for text, params in language_slips(project, record.draft)
    ]


def _makes_late(project: Project, record: Record, bids: BidsRecord | None) -> list[Finding]:
    from wizard.core.publishing.addenda import made_late

    draft = record.draft
    moved = next((c.new_fr for c in draft.changes if c.field == "info.closing_date"), "") if draft else ""
    if draft is None or bids is None or _day(moved) is None:
        return []
    return [
        finding(
            "PR-ADDENDUM-MAKES-LATE",
            Severity.WARNING,
            text,
            f"addenda:{draft.id}",  # the draft, as PR-ADDENDUM-LANGUAGE
            principles.COMPETITION,
            **params,
        )
        for text, params in made_late(project, bids, moved)
    ]


def _unacknowledged(project: Project, record: Record, bids: BidsRecord | None) -> list[Finding]:
    """``BD-UNACKNOWLEDGED`` for each bid whose form of offer the Town has read
    (``record.acknowledgement_read``: under two envelopes, once envelope 2 is opened)."""
    if bids is None:
        return []
    two = project.evaluation.quebec_weighted
    found: list[Finding] = []
    for bid in bids.bids:
        if bid.rejected or not acknowledgement_read(bid, two):  # nothing read: nothing to decide
            continue
        for addendum in record.issued:
            if addendum.number is None or addendum.number in bid.acknowledged_addenda:
                continue
            received = bid.received_at[:10]
            issued = parse_day(addendum.issued_on)
            if issued is not None and parse_day(received) is not None and received < issued.isoformat():
                found.append(_received_before(bid, addendum.number, received, addendum.issued_on))
                continue
            found.append(
                finding(
                    "BD-UNACKNOWLEDGED",
                    Severity.WARNING,
                    N_(
                        "Bid {bid} ({bidder}) does not acknowledge addendum {number}. The tender's "
                        "instructions say that each bidder acknowledges every addendum in its form of "
                        "offer (Form 1) and that a bid that does not may be declared non-compliant: "
                        "check its form and record the acknowledgement if it is there, else the "
                        "committee decides whether to declare the bid non-compliant."
                    ),
                    f"bids:{bid.id}.acknowledged_addenda",
                    principles.EQUAL_INFORMATION,
                    bid=bid.id,
                    bidder=bid.bidder.legal_name,
                    number=addendum.number,
                )
            )
    return found


def _received_before(bid: Bid, number: int, received: str, issued: str) -> Finding:
    """``BD-UNACKNOWLEDGED`` for a bid received before the addendum was issued: it could
    not acknowledge it, so the advice to look for the acknowledgement in its form would
    be false (review 2026-12-07)."""
    return finding(
        "BD-UNACKNOWLEDGED",
        Severity.WARNING,
        N_(
            "Bid {bid} ({bidder}) was received on {received}, before addendum {number} was "
            "issued on {issued}: it could not acknowledge it. Record the bid that replaced it "
            "if the bidder sent one before the closing; else the committee decides, with "
            "counsel, how the addendum bears on this bid."
        ),
        f"bids:{bid.id}.acknowledged_addenda",
        principles.EQUAL_INFORMATION,
        bid=bid.id,
        bidder=bid.bidder.legal_name,
        number=number,
        received=received,
        issued=issued,
    )


def check_addenda(
    project: Project, record: Record, today: str, bids: BidsRecord | None = None
) -> list[Finding]:
    """The findings on the addenda (module docstring); none before publication.
    ``bids``: the bids received (``bids.record.BidsRecord``), for ``BD-UNACKNOWLEDGED``
    and ``PR-ADDENDUM-MAKES-LATE``."""
    day = _day(today)
    if not record.published or day is None:
        return []
    return (
        _unanswered(project, record, day)
        + _late(project, record)
        + _shortened(project, record)
        + _price_form(project, record)
        + _language(project, record)
        + _makes_late(project, record, bids)
        + _unacknowledged(project, record, bids)
    )
