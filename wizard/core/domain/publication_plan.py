"""The dates of the publication plan, one source for the tender, the decision record and
the open data (issue 21 item 5).

Principle: one event, one date. The bids received and the bidders are made public at
the public opening of the bids when the tender announces one (a Québec town), and the
bids are opened right after the closing: that day is the closing date. So the plan's
"Bids received and the bidders" row is dated by the opening (:func:`planned_date`),
whatever date was typed in it; a typed date that differs is not used, and the finding
``V-BIDS-DATE`` (``checks/opendata.py``) says so instead of replacing it silently.

Without a public opening the row keeps the date typed, but what it publishes still
comes after the closing, as do the winner, the contract and what follows it
(:data:`AFTER_CLOSING`): before the closing the bids are sealed, and there is no winner
nor contract. A closing moved by an addendum moves that row with it
(:func:`moved_with_closing`), and ``V-PLAN-BEFORE-CLOSING`` says a planned date of
these rows that falls before the closing in force (:func:`before_closing`).
"""

from __future__ import annotations

import datetime as dt

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


AFTER_CLOSING = ("bids_and_bidders", "winner", "contract", "unit_prices", "contract_performance", "spending")
"""The keys of the plan's rows whose content exists only after the closing: the bids
and their bidders (sealed until then), the winning bidder, the contract, its unit
prices, its performance and its spending (module docstring)."""


def moved_with_closing(project: Project, item: PublicationItem, before: str, after: str) -> str | None:
    """The date the row ``item`` takes when an addendum moves the closing from ``before``
    to ``after`` (ISO days), or ``None`` when it stays as typed.

    Only the row "Bids received and the bidders" follows the closing (the others follow
    the award and the contract start, which an addendum moves on their own). With a
    public opening it is dated by the opening, so a row typed with the old closing takes
    the new one and a row typed with another day stays (``V-BIDS-DATE`` says it).
    Without one, a row dated on or after the old closing keeps its distance from it
    (three days after the closing stays three days after); a row dated before the old
    closing stays, and ``V-PLAN-BEFORE-CLOSING`` says it."""
    old, new, typed = parse_day(before), parse_day(after), parse_day(item.planned_date.strip())
    if item.key != OPENING_ITEM or old is None or new is None or typed is None:
        return None
    if public_opening(project):
        return new.isoformat() if typed == old else None
    return (typed + (new - old)).isoformat() if typed >= old else None


def before_closing(project: Project) -> list[tuple[PublicationItem, str]]:
    """``(row, day)`` for each planned row of :data:`AFTER_CLOSING` whose date, as the
    tender prints it (:func:`planned_date`), is a day before the closing date in force;
    none when the closing is no day."""
    closing = parse_day(project.info.closing_date.strip())
    if closing is None:
        return []
    found: list[tuple[PublicationItem, str]] = []
    for item in project.publication_items:
        day = planned_date(project, item)
        parsed: dt.date | None = parse_day(day)
        if item.planned and item.key in AFTER_CLOSING and parsed is not None and parsed < closing:
            found.append((item, day))
    return found
