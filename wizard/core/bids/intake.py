"""Bids received (issue 22, docs/bids.md, "Intake").

* :func:`add_bid` records a bid: its bidder, the moment it was received, the addenda it
  acknowledges, the trade-secret designation and the opt-in to publish personal names.
  Whether it is **late** is derived against the closing in force whenever the record
  is read (``record.late_against``: the date an addendum moved it to, at the stated
  closing time in the town's zone, ``timezones.closing_datetime``; the column written
  here is the status at intake), never against the computer's clock: the Town may
  record on Monday a bid received on Friday morning. A late bid is kept on record and
  never opened.
* :func:`set_bid` corrects what was recorded; :func:`acknowledge` the addenda
  acknowledged (only issued addenda exist for a bidder).
* :func:`attach_workbook` keeps the filled price workbook **sealed**: its bytes and
  their SHA-256, nothing read from it until the opening (``opening.py``).

Every function raises :class:`~wizard.core.bids.BidsError` (nothing saved) for what a
user can get wrong, and the store's ``ReadOnlyFile`` / ``WriteFailed``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from wizard.core.bids import BidsError
from wizard.core.bids.common import (
    BIDS_MARKER,
    bid_of,
    example_moment,
    free_text,
    moment,
    now,
    published_record,
    writing,
)
from wizard.core.bids.record import Bidder, late_against
from wizard.core.domain.days import parse_day
from wizard.core.domain.timezones import closing_datetime, tzinfo, zone_of
from wizard.core.i18n import N_
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.record import read as read_publishing

MAX_WORKBOOK = 20 * 1024 * 1024
"""The largest price workbook kept (20 MB): a filled form is some 30 kB."""

ZIP_MAGIC = b"PK\x03\x04"
"""How every XLSX file begins (a ZIP archive): checked at intake without reading the
workbook, so that a PDF sent by mistake is caught while the bidder can still be told."""

BIDDER_FIELDS = tuple(f.name for f in dataclasses.fields(Bidder))
BID_FLAGS = ("withdrawn", "publish_names", "response_form")
BID_TEXTS = ("rejected", "trade_secret", "notes")
FIXED_AT_OPENING = ("received_at", "withdrawn", "rejected")
"""What the opening relied on: it cannot change once the envelopes are opened."""


def closing(pf: ProjectFile) -> dt.datetime:
    """The closing in force (after the addenda), as an aware moment. Raises
    :class:`BidsError` when the closing date or the town's time zone is unknown."""
    found = closing_datetime(pf.project.info)
    if found is None:
        raise BidsError(
            N_(
                "The closing date and time of the tender are not known (the closing date, and the province or the time zone): a bid cannot be recorded as on time or late."
            )
        )
    return found


def is_late(pf: ProjectFile, received_at: str) -> bool:
    """Whether a bid received at ``received_at`` (ISO 8601 with offset) came after the
    closing in force: the rule the record reads with (``record.late_against``), here
    with its refusals. Raises :class:`BidsError` as :func:`closing` and for a moment
    without its offset."""
    moment(received_at, example=town_example(pf, received_at))
    return late_against(received_at, False, closing(pf))


def town_example(pf: ProjectFile, about: str = "", fallback: str = "") -> str:
    """The example of a moment for this project's refusals (:func:`.common.example_moment`):
    its zone's offset when the project knows its zone, on the day the moment is about,
    the day ``about`` begins with when it names one (``2027-03-08T13:30`` typed without
    its offset: ``2027-03-08T10:12:00-05:00`` in Québec), else the day ``fallback``
    begins with (an incident's answer: the day it started), else the closing's day (a
    bid is received near it), else :data:`.common.EXAMPLE_DAY`."""
    info = pf.project.info
    day = (
        parse_day(str(about or "").strip()[:10])
        or parse_day(str(fallback or "").strip()[:10])
        or parse_day(info.closing_date)
    )
    return example_moment(tzinfo(zone_of(info)), day)


def closing_as_typed(pf: ProjectFile, received_at: str) -> dict[str, str]:
    """The closing in force as the town states it (``closing``: ISO 8601 in its zone)
    and at the offset ``received_at`` was typed with (``typed``), for the message of a
    late bid: a clerk who typed −05:00 for a town at −04:00 sees the closing at 13:00 in
    their own offset and the bid at 13:30. Raises :class:`BidsError` as :func:`closing`."""
    end = closing(pf)
    received = moment(received_at, example=town_example(pf, received_at))
    return {"closing": end.isoformat(), "typed": end.astimezone(received.tzinfo).isoformat()}


def _issued_numbers(pf: ProjectFile) -> set[int]:
    return {a.number for a in read_publishing(pf).issued if a.number is not None}


def _check_acknowledged(pf: ProjectFile, numbers: Iterable[int]) -> list[int]:
    wanted = sorted(set(numbers))
    issued = _issued_numbers(pf)
    for number in wanted:
        if number not in issued:
            raise BidsError(
                N_("Addendum {number} was not issued: a bidder cannot acknowledge it."), number=number
            )
    return wanted


def _check_received(pf: ProjectFile, received_at: str) -> str:
    """``received_at`` stripped, checked: a moment with its offset, not before the
    publication."""
    when = moment(received_at.strip(), example=town_example(pf, received_at))
    published = read_publishing(pf).baseline
    if published is not None and when.date() < dt.date.fromisoformat(published.published_on):
        raise BidsError(
            N_("A bid cannot be received before the tender was published ({date})."),
            date=published.published_on,
        )
    return received_at.strip()


def _check_bidder(bidder: Bidder) -> Bidder:
    cleaned = Bidder(**{name: free_text(getattr(bidder, name), name).strip() for name in BIDDER_FIELDS})
    if not cleaned.legal_name:
        raise BidsError(N_("A bid needs the bidder's legal name."))
    return cleaned


def removed_numbers(pf: ProjectFile) -> set[int]:
    """The numbers of the bids removed from this project (:func:`remove_bid`), as the
    journal keeps them (the marker ``bids``, ``{"op": "remove_bid", "bid": N, …}``):
    a removed number was public (an acknowledgement, the opening's minutes, a letter)
    and is never given again. Reads only."""
    found: set[int] = set()
    for (new,) in pf.db.execute(
        "SELECT new FROM journal WHERE field = ? AND new LIKE ?", (BIDS_MARKER, '%"remove_bid"%')
    ):
        try:
            entry = json.loads(new)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("op") == "remove_bid" and isinstance(entry.get("bid"), int):
            found.add(entry["bid"])
    return found


def next_number(pf: ProjectFile) -> int:
    """The number the next bid recorded gets: one more than every bid recorded, the
    removed ones included (:func:`removed_numbers`), so that bid 2 removed and a bid
    added is bid 3, never a second bid 2. Reads only."""
    (highest,) = pf.db.execute("SELECT coalesce(max(id), 0) FROM bids").fetchone()
    return max({int(highest), *removed_numbers(pf)}) + 1


def add_bid(
    pf: ProjectFile,
    /,
    *,
    bidder: Bidder,
    received_at: str,
    acknowledged: Iterable[int] = (),
    trade_secret: str = "",
    publish_names: bool = False,
    response_form: bool = False,
    notes: str = "",
) -> int:
    """Record a bid received at ``received_at`` (ISO 8601 with its offset); returns its
    id, its public number (:func:`next_number`: a removed bid's number is never given
    again). ``late`` is written as it stands at intake, and derived on reading
    (module docstring). Raises :class:`BidsError`: the
    tender not published, the envelopes already opened, no legal name, a moment without
    its offset or before the publication, an acknowledged addendum that was not issued,
    the closing unknown."""
    record = published_record(pf)
    if record.opened:
        raise BidsError(N_("The price envelopes are open: no bid can be added any more."))
    bidder = _check_bidder(bidder)
    received_at = _check_received(pf, received_at)
    late = is_late(pf, received_at)
    numbers = _check_acknowledged(pf, acknowledged)
    trade_secret = free_text(trade_secret, "trade_secret")
    notes = free_text(notes, "notes")
    with writing(pf, "add_bid", bidder=bidder.legal_name, late=late):
        bidder_id = pf.db.table("bidders").insert(dataclasses.asdict(bidder)).last_rowid
        bid_id = int(
            pf.db.table("bids")
            .insert(
                {
                    "id": next_number(pf),
                    "bidder_id": bidder_id,
                    "received_at": received_at,
                    "late": int(late),
                    "withdrawn": 0,
                    "rejected": "",
                    "trade_secret": trade_secret.strip(),
                    "publish_names": int(publish_names),
                    "response_form": int(response_form),
                    "notes": notes,
                }
            )
            .last_rowid
            or 0
        )
        for number in numbers:
            pf.db.table("bid_acknowledgements").insert({"bid_id": bid_id, "addendum_number": number})
    return bid_id


def set_bid(pf: ProjectFile, /, bid_id: int, **changes: Any) -> None:
    """Change what was recorded of a bid: the bidder's fields (``legal_name`` …),
    ``received_at`` (late derived from it), ``withdrawn``, ``rejected`` (the reason it is
    set aside before the opening, '' = not), ``trade_secret``, ``publish_names``,
    ``response_form``, ``notes``, ``acknowledged`` (addendum numbers). Raises
    :class:`BidsError` (as :func:`add_bid`; once the envelopes are open,
    :data:`FIXED_AT_OPENING` cannot change), ``TypeError`` for another name."""
    record = published_record(pf)
    bid = bid_of(record, bid_id)
    allowed = {*BIDDER_FIELDS, *BID_FLAGS, *BID_TEXTS, "received_at", "acknowledged"}
    if not set(changes) <= allowed:
        raise TypeError(f"unknown bid fields: {sorted(set(changes) - allowed)}")
    if record.opened and set(changes) & set(FIXED_AT_OPENING):
        raise BidsError(
            N_(
                "The price envelopes are open: when a bid was received, and whether it was withdrawn or rejected, can no longer change."
            )
        )
    bidder_changes = {k: v for k, v in changes.items() if k in BIDDER_FIELDS}
    bidder = _check_bidder(dataclasses.replace(bid.bidder, **bidder_changes))
    row: dict[str, Any] = {k: int(bool(v)) for k, v in changes.items() if k in BID_FLAGS}
    row.update({k: free_text(v, k).strip() for k, v in changes.items() if k in BID_TEXTS})
    if "received_at" in changes:
        row["received_at"] = _check_received(pf, str(changes["received_at"]))
        row["late"] = int(is_late(pf, row["received_at"]))
    numbers = _check_acknowledged(pf, changes["acknowledged"]) if "acknowledged" in changes else None
    with writing(pf, "set_bid", bid=bid_id, fields=sorted(changes)):
        if bidder_changes:
            pf.db.table("bidders").update(bid.bidder_id, dataclasses.asdict(bidder))
        if row:
            pf.db.table("bids").update(bid_id, row)
        if numbers is not None:
            _write_acknowledgements(pf, bid_id, numbers)


def _write_acknowledgements(pf: ProjectFile, bid_id: int, numbers: list[int]) -> None:
    pf.db.execute("DELETE FROM bid_acknowledgements WHERE bid_id = ?", (bid_id,))
    for number in numbers:
        pf.db.table("bid_acknowledgements").insert({"bid_id": bid_id, "addendum_number": number})


def acknowledge(pf: ProjectFile, /, bid_id: int, numbers: Iterable[int]) -> None:
    """The addenda the bid acknowledges (their numbers, replacing those recorded).
    Raises :class:`BidsError` for an addendum that was not issued."""
    bid_of(published_record(pf), bid_id)
    wanted = _check_acknowledged(pf, numbers)
    with writing(pf, "acknowledge", bid=bid_id, addenda=wanted):
        _write_acknowledgements(pf, bid_id, wanted)


ALREADY_ATTACHED = N_(
    "This bid already has its price workbook (fingerprint {sha256}). Replace it only if the "
    "bidder replaced its bid before the closing."
)
"""Refusing a second workbook without ``replace`` (the command line names its option:
``cli.commands.ALREADY_ATTACHED_CLI``)."""


def attach_workbook(
    pf: ProjectFile, /, bid_id: int, data: bytes, *, name: str = "", replace: bool = False, at: str = ""
) -> str:
    """Keep the bid's filled price workbook sealed (module docstring); returns its
    SHA-256 (hex). ``replace``: the bidder replaced its bid before the closing.
    ``at``: when it was attached (default: now).

    Raises :class:`BidsError`: a late bid (never opened, so nothing to keep sealed),
    the envelopes already opened, an empty file, one larger than :data:`MAX_WORKBOOK`,
    not an XLSX file, a workbook already attached (without ``replace``)."""
    record = published_record(pf)
    bid = bid_of(record, bid_id)
    if bid.late:
        raise BidsError(
            N_("This bid was received late: it is kept on record and its price workbook is never opened.")
        )
    if record.opened:
        raise BidsError(N_("The price envelopes are open: no price workbook can be added or replaced."))
    if not data:
        raise BidsError(N_("This price workbook is empty."))
    if len(data) > MAX_WORKBOOK:
        raise BidsError(N_("This price workbook is larger than 20 MB."))
    if not data.startswith(ZIP_MAGIC):
        raise BidsError(N_("This file is not a spreadsheet workbook (XLSX): {name}."), name=name or "?")
    name = free_text(name, "workbook_name")
    if bid.workbook_sha256 and not replace:
        raise BidsError(ALREADY_ATTACHED, sha256=bid.workbook_sha256[:12])
    digest = hashlib.sha256(data).hexdigest()
    with writing(pf, "attach_workbook", bid=bid_id, sha256=digest):
        pf.db.execute("DELETE FROM sealed_workbooks WHERE bid_id = ?", (bid_id,))
        pf.db.table("sealed_workbooks").insert(
            {"bid_id": bid_id, "name": name, "content": data, "sha256": digest, "attached_at": at or now()}
        )
    return digest


def remove_bid(pf: ProjectFile, /, bid_id: int) -> None:
    """Remove a bid recorded by mistake (entered twice, or on the wrong project) with
    its bidder, acknowledgements, sealed workbook and evaluation entries; the journal
    keeps that it was recorded and removed, and its number is never given again
    (:func:`next_number`). A bid the bidder withdrew stays on record
    (:func:`set_bid` ``withdrawn=True``). Raises :class:`BidsError` once the envelopes
    are open or the quality scores locked: from then on the record is what the
    evaluation relied on."""
    record = published_record(pf)
    bid = bid_of(record, bid_id)
    if record.opened:
        raise BidsError(N_("The price envelopes are open: a bid can no longer be removed."))
    if record.locked:
        raise BidsError(N_("The quality scores are locked: a bid can no longer be removed."))
    with writing(pf, "remove_bid", bid=bid_id, bidder=bid.bidder.legal_name):
        for table in (
            "bid_acknowledgements",
            "sealed_workbooks",
            "mandatory_results",
            "scenario_verifications",
            "sheet_scores",
            "consensus_scores",
            "grid_sheet_scores",
            "grid_consensus_scores",
            "opened_amounts",
            "opened_workbooks",
        ):
            pf.db.execute(f'DELETE FROM "{table}" WHERE bid_id = ?', (bid_id,))
        pf.db.execute("DELETE FROM bids WHERE id = ?", (bid_id,))
        pf.db.execute("DELETE FROM bidders WHERE id = ?", (bid.bidder_id,))
