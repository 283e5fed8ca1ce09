"""The dates of the publication plan, one source for the tender, the decision record and
the open data (issue 21 item 5).

Principle: one event, one date. The bids received and the bidders are made public at
the public opening of the bids when the tender announces one (a Québec town), and the
bids are opened right after the closing: that day is the closing date. So the plan's
"Bids received and the bidders" row is dated by the opening (:func:`planned_date`),
whatever date was typed in it; a typed date that differs is not used, and the finding
``V-BIDS-DATE`` (``checks/opendata.py``) says so instead of replacing it silently.
"""

from __future__ import annotations

from wizard.core.domain.days import parse_day
from wizard.core.model import Project
from wizard.core.model.entities import PublicationItem
from wizard.core.textclean import one_line

OPENING_ITEM = "bids_and_bidders"
"""The key of the plan's row that the public opening dates."""


def public_opening(project: Project) -> bool:
    """Whether the tender announces a public opening: for now, a Québec town
    (``info.province``); ``resources/legal/`` will say where the law requires one."""
    return project.info.province.strip().upper() == "QC"


def opening_date(project: Project) -> str:
    """The day of the public opening of bids, ISO (``YYYY-MM-DD``): the closing date,
    since bids are opened immediately after the closing time; '' when the tender
    announces no public opening (:func:`public_opening`) or has no closing date (blank,
    or not a real day: PR-DATE says so, and no date is worked out from it).

    Every sentence that dates the opening (the timetable, the publication plan's
    "Bids received and the bidders") takes it from here, so the tender states one day.
    """
    closing = project.info.closing_date
    return closing.strip() if public_opening(project) and parse_day(closing) is not None else ""


def planned_date(project: Project, item: PublicationItem) -> str:
    """The day the plan promises to publish ``item``, as typed (``YYYY-MM-DD`` or the
    user's text, on one line), or '' when not set; the opening's day for the bids
    received and the bidders when the tender announces a public opening (module
    docstring). The tender, the decision record's scorecard and the OCDS package all
    read it here."""
    if item.key == OPENING_ITEM and opening_date(project):
        return opening_date(project)
    return one_line(item.planned_date)


def typed_opening_date(project: Project) -> tuple[PublicationItem, str, str] | None:
    """``(row, typed, opening)`` when the planned row "Bids received and the bidders"
    holds a typed date other than the opening's, which the documents do not use;
    ``None`` otherwise (no public opening, no typed date, or the same day)."""
    opening = opening_date(project)
    if not opening:
        return None
    for item in project.publication_items:
        typed = item.planned_date.strip()
        if item.key == OPENING_ITEM and item.planned and typed and typed != opening:
            return item, typed, opening
    return None
