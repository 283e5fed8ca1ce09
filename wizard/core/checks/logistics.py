"""Checks of the bid logistics on the project step: closing time and time
zone, how bids are submitted, and the single point of contact.

Guide principle: a complete tender (every date and rule stated). A bidder must know to
the minute when and where a bid is due and whom to write to; the tender shows
``[À COMPLÉTER / TO BE COMPLETED]`` where one of them is missing (docs/cases.md K10).

Codes: ``PR-CLOSING-TIME``, ``PR-SUBMISSION``, ``PR-CONTACT-EMAIL`` (warnings: missing),
``PR-TIME`` (error: the closing time is not ``HH:MM`` on a 24-hour clock, e.g.
``"25:00"``), ``PR-TIME-ZONE`` (error: not a known IANA zone such as
``"America/Toronto"``), ``PR-EMAIL`` (error: the contact e-mail is not one address),
``PR-PILOT-VALIDITY`` (warning: the bids lapse before the paid pilot can end, see
:func:`pilot_end`), ``PR-PILOT-CONTRACT-START`` (warning: the full Contract starts
before the paid pilot that decides it can end).
"""

from __future__ import annotations

import datetime as dt

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, blank_info_findings, finding
from wizard.core.domain.days import parse_day
from wizard.core.domain.timezones import parse_time, tzinfo
from wizard.core.i18n import N_, Localized, Plural
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.model.bounds import clamp
from wizard.core.opendata.contact import is_valid_email

_REQUIRED = (
    (
        "PR-CLOSING-TIME",
        "closing_time",
        N_(
            "The closing time is not set: bidders must know the hour their bid is due. The tender will show a placeholder."
        ),
    ),
    (
        "PR-SUBMISSION",
        "submission_method",
        N_(
            "Say how and where bids are submitted (for example, on the provincial platform only). The tender will show a placeholder."
        ),
    ),
    (
        "PR-CONTACT-EMAIL",
        "contact_email",
        N_(
            "Enter the e-mail address of the single point of contact: bidders send every question there. The tender will show a placeholder."
        ),
    ),
)
"""(code, ``info`` attribute, message): a warning when the attribute is blank."""

REPORTED_WHEN_BLANK = frozenset(f"info.{name}" for _code, name, _text in _REQUIRED)
"""The ``info`` fields reported here when blank."""


def _day(iso: str) -> dt.date | None:
    return parse_day(iso)


def pilot_end(project: Project) -> tuple[dt.date, dt.date] | None:
    """``(start, end)`` of the paid pilot as the tender promises it, or None when there
    is no pilot, no stated duration (``evaluation.pilot_weeks`` = 0) or no closing date.

    The tender's timetable puts the pilot after its award and before the award of the
    full Contract: it starts on the planned award (``info.award_date``), else when the
    scenario sessions end (closing + ``contract_data.scenario_sessions_days``, with
    scenarios), else on the closing date; it ends ``pilot_weeks`` weeks later. Since the
    full Contract is awarded on the bids received, they must still bind on that day.
    """
    ev = project.evaluation
    weeks = clamp("evaluation.pilot_weeks", ev.pilot_weeks)
    closing = _day(project.info.closing_date)
    if not ev.pilot_enabled or weeks <= 0 or closing is None:
        return None
    start = _day(project.info.award_date)
    if start is None:
        days = clamp("contract_data.scenario_sessions_days", project.contract_data.scenario_sessions_days)
        start = closing + dt.timedelta(days=days if project.scenarios else 0)
    return start, start + dt.timedelta(weeks=weeks)


def _localized(day: dt.date) -> Localized:
    return Localized(fr=format_date(day.isoformat(), "fr"), en=format_date(day.isoformat(), "en"))


def _pilot_validity(project: Project) -> list[Finding]:
    span = pilot_end(project)
    closing = _day(project.info.closing_date)
    if span is None or closing is None:
        return []
    start, end = span
    validity = closing + dt.timedelta(
        days=clamp("contract_data.bid_validity_days", project.contract_data.bid_validity_days)
    )
    if validity >= end:
        return []
    needed = (end - closing).days
    return [
        finding(
            "PR-PILOT-VALIDITY",
            Severity.WARNING,
            Plural(
                "The bids bind their bidders only until {validity}, but the paid pilot, from {start}, cannot end before {end}: the full Contract would be awarded on bids that have lapsed. Raise the bid validity to at least {count} day after closing.",
                "The bids bind their bidders only until {validity}, but the paid pilot, from {start}, cannot end before {end}: the full Contract would be awarded on bids that have lapsed. Raise the bid validity to at least {count} days after closing.",
                needed,
            ),
            "contract_data.bid_validity_days",
            principles.COMPLETE,
            validity=_localized(validity),
            start=_localized(start),
            end=_localized(end),
        )
    ]


def _pilot_contract_start(project: Project) -> list[Finding]:
    """The full Contract is awarded after the paid pilot (:func:`pilot_end`): it cannot
    start before the pilot ends, or the Town would be bound before the pilot has told
    it whether the solution works."""
    span = pilot_end(project)
    start = _day(project.info.contract_start)
    if span is None or start is None or start >= span[1]:
        return []
    return [
        finding(
            "PR-PILOT-CONTRACT-START",
            Severity.WARNING,
            N_(
                "The Contract starts on {contract}, but the paid pilot, from {start}, ends only on {end}: "
                "the full Contract is awarded after the pilot shows whether the solution works, so it "
                "cannot start before then. Move the contract start to {end} or later, or shorten the pilot."
            ),
            "info.contract_start",
            principles.COMPLETE,
            contract=_localized(start),
            start=_localized(span[0]),
            end=_localized(span[1]),
        )
    ]


def check_logistics(project: Project) -> list[Finding]:
    """Findings on the closing time, time zone, submission method and contact e-mail."""
    info = project.info
    found = blank_info_findings(project, _REQUIRED)
    if info.closing_time.strip() and parse_time(info.closing_time) is None:
        found.append(
            finding(
                "PR-TIME",
                Severity.ERROR,
                N_("\u201c{value}\u201d is not a time (expected HH:MM, 24-hour clock, e.g. 14:00)."),
                "info.closing_time",
                principles.COMPLETE,
                value=info.closing_time.strip(),
            )
        )
    zone = info.time_zone.strip()
    if zone and tzinfo(zone) is None:
        found.append(
            finding(
                "PR-TIME-ZONE",
                Severity.ERROR,
                N_("\u201c{value}\u201d is not a known time zone (expected a name such as America/Toronto)."),
                "info.time_zone",
                principles.COMPLETE,
                value=zone,
            )
        )
    email = info.contact_email.strip()
    if email and not is_valid_email(email):
        found.append(
            finding(
                "PR-EMAIL",
                Severity.ERROR,
                N_("\u201c{value}\u201d is not an e-mail address (expected name@domain.ca)."),
                "info.contact_email",
                principles.COMPLETE,
                value=email,
            )
        )
    found.extend(_pilot_validity(project))
    found.extend(_pilot_contract_start(project))
    return found
