"""OCDS dates and milestones from the project's key dates.

Most dates in the project are calendar days (``YYYY-MM-DD``) without an hour or a time
zone. OCDS wants RFC 3339 date-times, so each such day is exported as that day at
00:00 UTC (``2025-03-14T00:00:00Z``): the calendar day reads the same to any consumer
that takes the date part. A value that is not a real calendar day is left out rather
than guessed.

The bid deadline is the exception (:func:`closing_due`): it is a moment, stated in the
tender with its hour and zone, so ``tenderPeriod.endDate`` and the ``closing``
milestone carry that local time with the zone's real UTC offset on that day
(``2027-03-08T14:00:00-05:00``; ``timezones.closing_datetime``). Without an hour, the
end of the closing day in local time (``T23:59:59-05:00``), never earlier than the
tender says; without any zone (no province, no ``time_zone``), the calendar-day form.

The *release date* must not depend on the clock, so that exporting the same project
twice gives the same file: it is the publication date of the tender; failing that, the
newest valid day held by the project (key dates, vendor register, publication plan);
failing that, :data:`FALLBACK_DAY`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from wizard.core.domain.timezones import closing_datetime
from wizard.core.i18n import N_, tr
from wizard.core.model import Project, ProjectInfo

FALLBACK_DAY = "2000-01-01"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

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
    value = value.strip()
    if not _DAY.fullmatch(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def to_datetime(value: str) -> str | None:
    """``"2025-03-14"`` → ``"2025-03-14T00:00:00Z"``; ``None`` for an invalid day."""
    day = valid_day(value)
    return f"{day}T00:00:00Z" if day else None


def closing_due(info: ProjectInfo) -> str | None:
    """The bid deadline as RFC 3339 with its UTC offset (see module doc); ``None`` for an
    invalid closing day."""
    moment = closing_datetime(info)
    return moment.isoformat() if moment else to_datetime(info.closing_date)


def _project_days(project: Project) -> list[str]:
    values = [getattr(project.info, attr) for attr, *_ in KEY_DATES]
    values += [row.date for row in project.vendor_exchanges]
    values += [row.planned_date for row in project.publication_items]
    return [day for day in map(valid_day, values) if day]


def release_datetime(project: Project) -> str:
    """The deterministic release date (see module doc), as an RFC 3339 date-time."""
    day = valid_day(project.info.publication_date) or max(_project_days(project), default=FALLBACK_DAY)
    return f"{day}T00:00:00Z"


def milestones(project: Project, lang: str) -> list[dict[str, Any]]:
    """One ``scheduled`` OCDS milestone per key date that is set, in wizard order."""
    found = []
    for attr, code, kind, title in KEY_DATES:
        due = (
            closing_due(project.info) if attr == "closing_date" else to_datetime(getattr(project.info, attr))
        )
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
