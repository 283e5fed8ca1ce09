"""The calendar days a project holds, read one way everywhere (docs/checks.md, PR-DATE).

A project date is typed ``YYYY-MM-DD``. :func:`parse_day` reads it strictly: the shape
first (``datetime.date.fromisoformat`` also takes ``20270308`` or ``2027-W10-1`` from
Python 3.11 on, but not on 3.10, so relying on it would make a file's documents depend
on the Python that exports it: docs/cases.md K27), then a real day of the calendar
(``2027-02-30`` has the shape but no such day). :func:`day_problem` says which of the two
fails, for the message that tells the user what is wrong.

Every document that states a date, or a date worked out from one (the end of the bid
validity, the last addendum), reads it through here: a date that is not a real day is
shown as the placeholder of a missing fact, never as typed text nor as a date computed
from text (docs/cases.md K10).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

_SHAPE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # ASCII digits: \d takes others

Problem = Literal["shape", "month", "day"]


def parse_day(value: str) -> dt.date | None:
    """``value`` (surrounding spaces ignored) as a day when it is ``YYYY-MM-DD`` and that
    day exists; ``None`` otherwise (blank included)."""
    text = value.strip()
    if not _SHAPE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def day_problem(value: str) -> Problem | None:
    """Why a non-blank ``value`` is no day: ``"shape"`` (not ``YYYY-MM-DD``: "8 mars 2027",
    "2027/03/08", year 0000), ``"month"`` (no such month: ``2027-13-01``) or ``"day"`` (no
    such day in that month: ``2027-02-30``, ``2027-04-00``); ``None`` for a real day or a
    blank."""
    text = value.strip()
    if not text or parse_day(text) is not None:
        return None
    shape = _SHAPE.fullmatch(text)
    if shape is None or int(shape[1]) < dt.MINYEAR:
        return "shape"
    if not 1 <= int(shape[2]) <= 12:
        return "month"
    return "day"


def days_in_month(value: str) -> tuple[int, int, int] | None:
    """``(year, month, number of days)`` of a ``YYYY-MM-…`` text whose year and month
    exist, for the message of a day that does not (``2027-02-30`` → ``(2027, 2, 28)``)."""
    shape = _SHAPE.fullmatch(value.strip())
    if shape is None:
        return None
    year, month = int(shape[1]), int(shape[2])
    if year < dt.MINYEAR or not 1 <= month <= 12:
        return None
    return year, month, calendar.monthrange(year, month)[1]
