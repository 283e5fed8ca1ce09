"""OCDS dates and milestones from the project's key dates (docs/open-data.md, "Dates").

Most dates in the project are calendar days (``YYYY-MM-DD``) without an hour. OCDS wants
RFC 3339 date-times, and its guidance for a day without a time is the end of that day;
the app follows one convention, always in the town's local time with that day's real
UTC offset (``timezones.zone_of``: the project's zone, else its province's):

* a day that **starts** something is that day at 00:00:00 local
  (``tenderPeriod.startDate``, ``contractPeriod.startDate``, a document's
  ``datePublished``): "from any time on that day";
* a day that **ends** something, and every milestone's ``dueDate``, is that day at
  23:59:59 local (``enquiryPeriod.endDate``, ``awardPeriod.endDate``): "up to the end
  of that day", so the questions deadline of 5 February in Nova Scotia is
  ``2027-02-05T23:59:59-04:00``, never the evening before;
* the bid deadline is the stated closing time on the closing day (``closing_time``,
  ``timezones.closing_datetime``), or the end of that day without a time.
* a day on which something **happened**, given without a time (the award decision, the
  contract's signature ``dateSigned``, an amendment, a payment, a report received), is
  that day at 23:59:59 local, as OCDS reads a day without a time, in every release that
  states it (the award's, the contract's, the implementation's), and a release dated by
  such a day carries the same moment: one value, never 00:00:00 in one release and
  23:59:59 in the next.

Without any zone (no province and no ``time_zone``) the same clock times are given in
UTC (``T23:59:59Z``); check ``PR-PROVINCE`` asks for the province. A value that is not a
real calendar day is left out rather than guessed.

The *release date* (:func:`release_datetime`) is the moment of the project's latest
change (the project file's journal, read by the caller), in local time; without one,
it is the start of the publication day, or of the newest valid day held by the project
(key dates, vendor register, publication plan), or of :data:`FALLBACK_DAY`. It never
depends on the clock, so exporting an unchanged project gives the same file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from wizard.core.domain.days import parse_day
from wizard.core.domain.timezones import closing_datetime, tzinfo, zone_of
from wizard.core.domain.timezones import parse_moment as parse_moment  # its readers import it from here
from wizard.core.i18n import N_, tr
from wizard.core.model import Project, ProjectInfo

FALLBACK_DAY = "2000-01-01"
START = dt.time(0, 0, 0)
END = dt.time(23, 59, 59)

# (ProjectInfo attribute, milestone code, OCDS milestoneType, title msgid)
KEY_DATES: tuple[tuple[str, str, str, str], ...] = (
    ("publication_date", "publication", "engagement", N_("Publication of the tender")),
    ("questions_deadline", "questions", "engagement", N_("Deadline for bidders' questions")),
    ("closing_date", "closing", "assessment", N_("Closing date for bids")),
    ("award_date", "award", "approval", N_("Planned award of the contract")),
    ("contract_start", "contractStart", "delivery", N_("Planned start of the contract")),
)


def valid_day(value: str) -> str | None:
    """``value`` stripped when it is a real ``YYYY-MM-DD`` calendar day, else ``None``."""
    return value.strip() if parse_day(value) is not None else None


def local_zone(info: ProjectInfo) -> dt.tzinfo:
    """The town's time zone (``timezones.zone_of``), UTC when none is known."""
    return tzinfo(zone_of(info)) or dt.timezone.utc


def _stamp(moment: dt.datetime) -> str:
    """RFC 3339 to the second: ``Z`` for UTC, else the offset (``-05:00``)."""
    text = moment.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") and moment.tzinfo is dt.timezone.utc else text


def at_local(info: ProjectInfo, value: str, time: dt.time) -> str | None:
    """The day ``value`` at ``time`` in the town's zone (module doc); ``None`` for an
    invalid day. ``at_local(info, "2027-02-05", END)`` → ``"2027-02-05T23:59:59-05:00"``."""
    day = valid_day(value)
    if day is None:
        return None
    return _stamp(dt.datetime.combine(dt.date.fromisoformat(day), time, tzinfo=local_zone(info)))


def start_of(info: ProjectInfo, value: str) -> str | None:
    """The start of a day (00:00:00 local), for a date that starts something."""
    return at_local(info, value, START)


def end_of(info: ProjectInfo, value: str) -> str | None:
    """The end of a day (23:59:59 local), for a date that ends something or is due."""
    return at_local(info, value, END)


def closing_due(info: ProjectInfo) -> str | None:
    """The bid deadline (module doc); ``None`` for an invalid closing day."""
    moment = closing_datetime(info)
    return _stamp(moment) if moment else end_of(info, info.closing_date)


def _project_days(project: Project) -> list[str]:
    values = [getattr(project.info, attr) for attr, *_ in KEY_DATES]
    values += [row.date for row in project.vendor_exchanges]
    from wizard.core.domain.publication_plan import planned_date  # the date the tender prints

    values += [planned_date(project, row) for row in project.publication_items]
    return [day for day in map(valid_day, values) if day]


def release_datetime(project: Project, changed: str | None = None) -> str:
    """The release date (module doc): ``changed`` (the latest change, ISO 8601 with an
    offset) in the town's local time, to the second; without it, the start of the
    publication day or of the newest day the project holds."""
    moment = parse_moment(changed)
    if moment is not None:
        return _stamp(moment.astimezone(local_zone(project.info)).replace(microsecond=0))
    day = valid_day(project.info.publication_date) or max(_project_days(project), default=FALLBACK_DAY)
    return at_local(project.info, day, START) or f"{FALLBACK_DAY}T00:00:00Z"


def milestones(project: Project, lang: str) -> list[dict[str, Any]]:
    """One ``scheduled`` OCDS milestone per key date that is set, in wizard order, due
    at the end of its day (the bid deadline at its closing time)."""
    found = []
    for attr, code, kind, title in KEY_DATES:
        info = project.info
        due = closing_due(info) if attr == "closing_date" else end_of(info, getattr(info, attr))
        if due:
            found.append(
                {
                    "id": code,
                    "code": code,
                    "title": tr(title, lang),
                    "type": kind,
                    "dueDate": due,
                    "status": "scheduled",
                }
            )
    return found
