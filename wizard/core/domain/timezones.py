"""The tender's deadline as a local time: time zones of the provinces.

A tender closes at a time of day in the town's local time ("8 March 2027, 2:00 p.m.
Eastern Time"). The project holds the closing day (``ProjectInfo.closing_date``,
``YYYY-MM-DD``), the hour (``closing_time``, ``HH:MM`` 24 h) and an IANA time zone
(``time_zone``, e.g. ``"America/Toronto"``). When the zone is empty, the province's
default zone applies (:data:`DEFAULT_ZONES`): some provinces span several zones
(Ontario west of 90° W, Labrador, parts of Québec and Nunavut), so a town outside its
province's main zone sets ``time_zone`` itself.

Offsets come from Python's ``zoneinfo`` (the IANA database, daylight saving time
included). Where that database is missing (Windows without the ``tzdata`` package),
:data:`STANDARD_OFFSETS` gives each default zone's *standard-time* offset instead:
daylight saving time is then ignored, so a summer deadline would be one hour off in
the open data (the tender text, which states the local time, stays right).

Functions: :func:`zone_of`, :func:`parse_time`, :func:`tzinfo`,
:func:`closing_datetime`, :func:`zone_label`. None of them raises for bad input: they
return ``None`` or ``''``; the project checks report bad values (``PR-TIME``,
``PR-TIME-ZONE``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zoneinfo
from functools import cache

from babel.dates import get_timezone_name

from wizard.core.domain.days import parse_day
from wizard.core.model import ProjectInfo

DEFAULT_ZONES: dict[str, str] = {
    "QC": "America/Toronto",  # Montréal and Québec City keep Eastern Time
    "ON": "America/Toronto",
    "NS": "America/Halifax",
    "NB": "America/Moncton",
    "NL": "America/St_Johns",
    "PE": "America/Halifax",
    "MB": "America/Winnipeg",
    "SK": "America/Regina",
    "AB": "America/Edmonton",
    "BC": "America/Vancouver",
    "YT": "America/Whitehorse",
    "NT": "America/Yellowknife",
    "NU": "America/Iqaluit",
}
"""Province or territory code → the IANA zone of its capital or main city."""

ZONES: tuple[str, ...] = tuple(dict.fromkeys(DEFAULT_ZONES.values()))
"""The distinct default zones (11), east to west as listed above."""

STANDARD_OFFSETS: dict[str, dt.timedelta] = {
    "America/St_Johns": dt.timedelta(hours=-3, minutes=-30),
    "America/Halifax": dt.timedelta(hours=-4),
    "America/Moncton": dt.timedelta(hours=-4),
    "America/Toronto": dt.timedelta(hours=-5),
    "America/Iqaluit": dt.timedelta(hours=-5),
    "America/Winnipeg": dt.timedelta(hours=-6),
    "America/Regina": dt.timedelta(hours=-6),  # no daylight saving time
    "America/Edmonton": dt.timedelta(hours=-7),
    "America/Yellowknife": dt.timedelta(hours=-7),
    "America/Whitehorse": dt.timedelta(hours=-7),  # permanent since 2020
    "America/Vancouver": dt.timedelta(hours=-8),
}
"""Standard-time UTC offsets, used only when ``zoneinfo`` cannot find a zone."""

_LABELS: dict[str, tuple[str, str]] = {
    # CLDR has no generic name for these two: Yukon keeps UTC-7 all year since 2020,
    # Saskatchewan stays on Central Standard Time.
    "America/Whitehorse": ("heure du Yukon", "Yukon Time"),
    "America/Regina": ("heure normale du Centre", "Central Standard Time"),
    "UTC": ("temps universel coordonné (UTC)", "Coordinated Universal Time (UTC)"),
}

_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def province_zone(province: str) -> str:
    """The default IANA zone of a province or territory code ('' when unknown)."""
    return DEFAULT_ZONES.get(province.strip().upper(), "")


def zone_of(info: ProjectInfo) -> str:
    """The project's IANA zone: ``time_zone`` when set, else the province's default,
    else ``''`` (no province)."""
    return info.time_zone.strip() or province_zone(info.province)


def parse_time(text: str) -> dt.time | None:
    """``"14:00"`` or ``"9:30"`` (24 h) → a ``time``; ``None`` for anything else
    (``"25:00"``, ``"2 pm"``, ``''``)."""
    match = _TIME.fullmatch(text.strip())
    return dt.time(int(match[1]), int(match[2])) if match else None


@cache
def tzinfo(zone: str) -> dt.tzinfo | None:
    """The ``tzinfo`` of an IANA ``zone``; the fixed standard offset of
    :data:`STANDARD_OFFSETS` when the IANA database lacks it; ``None`` when unknown."""
    try:
        return zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        offset = STANDARD_OFFSETS.get(zone)
        return dt.timezone(offset, zone) if offset is not None else None


def closing_datetime(info: ProjectInfo) -> dt.datetime | None:
    """The bid deadline as an aware ``datetime`` in the project's zone.

    Without a valid ``closing_time``, the end of the closing day (23:59:59 local): a
    consumer of the open data is never told that bids close earlier than the tender
    says. ``None`` when the closing date is not a real day or no zone is known.
    """
    day = parse_day(info.closing_date)
    if day is None:
        return None
    zone = tzinfo(zone_of(info))
    if zone is None:
        return None
    time = parse_time(info.closing_time) or dt.time(23, 59, 59)
    return dt.datetime.combine(day, time, tzinfo=zone)


def zone_label(zone: str, lang: str) -> str:
    """A reader's name for ``zone`` in ``lang``: "heure de l’Est", "Eastern Time"
    (CLDR generic names through Babel); the zone id itself when Babel has no name;
    ``''`` for an empty zone."""
    zone = zone.strip()
    if not zone:
        return ""
    if zone in _LABELS:
        return _LABELS[zone][0 if lang == "fr" else 1]
    tz = tzinfo(zone)
    if tz is None:
        return zone
    try:
        return str(get_timezone_name(tz, width="long", locale="fr_CA" if lang == "fr" else "en_CA"))
    except (LookupError, ValueError):
        return zone


def offset_text(offset: dt.timedelta | None) -> str:
    """A UTC offset as ISO 8601 writes it: ``-05:00``, ``+00:00``, ``-03:30`` (''
    for ``None``)."""
    if offset is None:
        return ""
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def moment_text(when: dt.datetime) -> str:
    """An aware moment as the command line and the bids' CSV print it:
    ``2027-03-08 13:30 -05:00`` (seconds shown only when there are some)."""
    shape = "%Y-%m-%d %H:%M:%S" if when.second else "%Y-%m-%d %H:%M"
    return f"{when.strftime(shape)} {offset_text(when.utcoffset())}"


def town_moment(info: ProjectInfo, when: dt.datetime) -> dt.datetime | None:
    """The aware moment ``when`` in the project's zone (its offset the town's on that
    day, daylight saving time included); ``None`` when no zone is known."""
    zone = tzinfo(zone_of(info))
    return None if zone is None else when.astimezone(zone)


@dataclasses.dataclass(frozen=True)
class OffsetSlip:
    """A moment typed at another offset than the town's on that day (``offset_slip``):
    ``typed`` and ``town`` the two offsets (``-04:00``, ``-05:00``), ``local`` the moment
    recorded as the town's clock reads it, ``clock`` the moment it would be had the time
    typed been read on a clock of the town (the same hour at the town's offset)."""

    typed: str
    town: str
    local: dt.datetime
    clock: dt.datetime


def offset_slip(info: ProjectInfo, when: dt.datetime) -> OffsetSlip | None:
    """``when`` (aware) when its offset is not the town's at that moment (zoneinfo of
    :func:`zone_of`): ``2027-03-08T14:30-04:00`` for a town at ``-05:00`` that day is
    13:30 in the town, and judged on time against a 14:00 closing. ``None`` when the
    offsets agree, ``when`` is naive or in UTC (``Z``, ``+00:00``: a server's timestamp,
    never a town clock read at a neighbour's offset; it is printed in the town's time), or
    no zone is known."""
    if not when.utcoffset():  # None (naive) or zero (UTC)
        return None
    local = town_moment(info, when)
    if local is None or local.utcoffset() == when.utcoffset():
        return None
    zone = tzinfo(zone_of(info))
    clock = when.replace(tzinfo=None).replace(tzinfo=zone)
    return OffsetSlip(offset_text(when.utcoffset()), offset_text(local.utcoffset()), local, clock)


def as_recorded(info: ProjectInfo, iso: str) -> str:
    """``iso`` as stored when :func:`offset_slip` reads it as a slip (a moment typed at
    a neighbour's offset): the evidence the file keeps, which ``bid show BID`` prints
    ("Received, as recorded") and the bids window shows beside the town's time; '' when
    the offsets agree, for no moment, when no zone is known, and for a UTC moment (``Z``,
    ``+00:00``): a platform's or the app's own stamp (``bids.common.now``) is the same
    instant as the town's time printed beside it, never a clock read at another offset,
    so saying it "typed at another offset" would invite a wrong correction. One rule for
    the command line and the app (review 2026-12-07: ``bid show`` noted a UTC moment the
    window did not)."""
    found = parse_moment(iso) if iso else None
    return iso.strip() if found is not None and offset_slip(info, found) is not None else ""


def parse_moment(value: str | None) -> dt.datetime | None:
    """An aware ``datetime`` from an ISO 8601 moment with an offset (the project file's
    journal writes ``2027-01-10T14:03:22+00:00``; "Z" read as UTC on every Python);
    ``None`` for anything else (blank, unreadable, no offset)."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def in_town_time(info: ProjectInfo, text: str, *, iso: bool = False) -> str:
    """A moment stored as typed (``2027-03-08T14:30-04:00``, ``…T19:30:00Z``) as the town's
    clock reads it, with its offset that day: ``2027-03-08 13:30 -05:00``
    (:func:`moment_text`, for a reader) or, ``iso``, ``2027-03-08T13:30:00-05:00`` (open
    data). ``text`` stripped as it is when it is no moment with its offset or no zone is
    known: nothing is invented."""
    found = parse_moment(text)
    local = town_moment(info, found) if found is not None else None
    if local is None:
        return text.strip()
    return local.isoformat(timespec="seconds") if iso else moment_text(local)
