"""What every bids operation shares: the tender must be published, the bid must exist,
and each operation is one transaction journalled with the marker ``bids``
(``project_file/undo.py``: undo never takes a bid record back; it is corrected by a new
entry, as a register of bids is)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from wizard.core.bids import BidsError
from wizard.core.bids.record import Bid, BidsRecord, read
from wizard.core.domain.days import day_problem
from wizard.core.i18n import N_
from wizard.core.i18n.formats import no_day
from wizard.core.opendata.milestones import parse_moment
from wizard.core.project_file.codec import MAX_TEXT, count_text
from wizard.core.project_file.store import ProjectFile

BIDS_MARKER = "bids"
"""The journal marker of every bids operation (``new``: ``{"op": …, "bid": …}``)."""


def published_record(pf: ProjectFile) -> BidsRecord:
    """The bids record; raises :class:`BidsError` before the tender is published."""
    if not pf.published:
        raise BidsError(N_("Mark the tender as published before recording bids."))
    return read(pf)


def bid_of(record: BidsRecord, bid_id: int) -> Bid:
    """The bid ``bid_id``; raises :class:`BidsError` for an unknown one."""
    bid = record.bid(bid_id)
    if bid is None:
        raise BidsError(N_("There is no bid {bid}."), bid=bid_id)
    return bid


EXAMPLE_MOMENT = "2027-04-16T10:12:00-03:00"
"""The example of a moment in its refusal when the project's zone is unknown."""
EXAMPLE_DAY = dt.date(2027, 4, 16)
"""The day of :data:`EXAMPLE_MOMENT`, the example's day when no other is known."""


def example_moment(zone: dt.tzinfo | None, day: dt.date | None = None) -> str:
    """The example of a moment in its refusal: 10:12 on ``day`` (:data:`EXAMPLE_DAY`
    when ``None``) at ``zone``'s offset **on that day**, so that the example is never a
    wrong offset for the town: ``2027-03-08T10:12:00-05:00`` in Québec before daylight
    time begins, ``2027-04-16T10:12:00-04:00`` after; :data:`EXAMPLE_MOMENT` itself when
    ``zone`` is ``None``."""
    if zone is None:
        return EXAMPLE_MOMENT
    on = day or EXAMPLE_DAY
    return dt.datetime(on.year, on.month, on.day, 10, 12, tzinfo=zone).isoformat()


def moment(value: str, what: str = "", example: str = EXAMPLE_MOMENT) -> dt.datetime:
    """An aware ``datetime`` from ISO 8601 with its offset (``2027-04-16T10:12:00-03:00``);
    raises :class:`BidsError` for anything else: a moment without its offset is
    ambiguous (which zone?), and the closing is a moment. A moment whose day does not
    exist (``2027-02-30T10:00:00-04:00``) is told so, as a day is (``no_day``: "the
    days of February 2027 go from 1 to 28"), never that its shape is wrong. ``example``:
    the moment the refusal shows (:func:`example_moment`: the town's offset when known)."""
    found = parse_moment(value)
    head, rest = value.strip()[:10], value.strip()[10:]
    if found is None and rest[:1] in ("T", " ") and day_problem(head) in ("day", "month"):
        text, params = no_day(head)
        raise BidsError(text, **params)
    if found is None:
        raise BidsError(
            N_("“{value}” is not a date and time with its offset from UTC (for example {example})."),
            value=value,
            example=example,
        )
    return found


def now() -> str:
    """The current UTC moment, ISO 8601 to the second (a default only: callers that
    record a past event pass its moment)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@contextlib.contextmanager
def writing(pf: ProjectFile, op: str, **details: Any) -> Iterator[None]:
    """One transaction of the bids tables, journalled as the marker :data:`BIDS_MARKER`
    with ``{"op": op, **details}``. Raises the store's ``ReadOnlyFile`` / ``WriteFailed``."""
    with pf.transaction():
        yield
        pf.mark(BIDS_MARKER, {"op": op, **details})


TOO_LONG: dict[str, str] = {
    "legal_name": N_("The bidder's legal name is too long: {count} characters, at most {limit}."),
    "business_number": N_("The bidder's business number is too long: {count} characters, at most {limit}."),
    "address": N_("The bidder's address is too long: {count} characters, at most {limit}."),
    "contact_name": N_("The contact's name is too long: {count} characters, at most {limit}."),
    "contact_email": N_("The contact's email is too long: {count} characters, at most {limit}."),
    "contact_phone": N_("The contact's telephone is too long: {count} characters, at most {limit}."),
    "rejected": N_("The reason for rejecting the bid is too long: {count} characters, at most {limit}."),
    "trade_secret": N_("The trade-secret designation is too long: {count} characters, at most {limit}."),
    "notes": N_("The bid's notes are too long: {count} characters, at most {limit}."),
    "workbook_name": N_("The workbook's file name is too long: {count} characters, at most {limit}."),
    "evidence": N_("The evidence is too long: {count} characters, at most {limit}."),
    "verification_notes": N_("The verification's notes are too long: {count} characters, at most {limit}."),
    "reason": N_("The reason for the points is too long: {count} characters, at most {limit}."),
    "locked_by": N_("Who locks the quality scores is too long: {count} characters, at most {limit}."),
    "opened_by": N_("Who opens the price envelopes is too long: {count} characters, at most {limit}."),
    "witnesses": N_("The witnesses are too long: {count} characters, at most {limit}."),
    "reason_if_not_top": N_("The reason for the award is too long: {count} characters, at most {limit}."),
    "resolution_number": N_("The resolution number is too long: {count} characters, at most {limit}."),
    "signatory": N_("The signatory is too long: {count} characters, at most {limit}."),
    "delegated_authority": N_("The delegated authority is too long: {count} characters, at most {limit}."),
}
"""The refusal of each free text of the bids over :data:`codec.MAX_TEXT`, named as the
user typed it (as ``contract.operations`` names the follow-up's)."""


def free_text(value: object, which: str) -> str:
    """``value`` as text (``None`` is ''); raises :class:`BidsError` (:data:`TOO_LONG`
    ``[which]``) for one over :data:`codec.MAX_TEXT` characters, the limit of every
    other text of the project (docs/file-format.md, "Limits") that ``load`` applies too,
    before anything is saved."""
    text = "" if value is None else str(value)
    if len(text) > MAX_TEXT:
        raise BidsError(TOO_LONG[which], count=count_text(len(text)), limit=count_text(MAX_TEXT))
    return text


AMOUNT_FORMS = "150000, 150000.00, 150 000,00"
"""How an amount may be typed, as the refusal shows it (the contract's reader:
spaces group the digits, a comma or a point starts the cents)."""


def amount(value: object, refusal: str) -> Decimal | None:
    """An amount in dollars typed on the command line or in a field, read as the
    contract's follow-up reads one (``contract.operations.typed_amount``: « 150 000,00 »,
    "150000.00"; 0 or more, at most two decimals); ``None`` for a blank one. Raises
    :class:`BidsError` ``refusal`` (with ``{value}`` and the accepted ``{forms}``)
    for anything else."""
    from wizard.core.contract import ContractError
    from wizard.core.contract.operations import typed_amount  # one reader for every amount typed

    try:
        return typed_amount(value, blank=True)
    except ContractError:
        raise BidsError(refusal, value=value, forms=AMOUNT_FORMS) from None
