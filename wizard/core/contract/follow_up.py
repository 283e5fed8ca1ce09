"""The contract's follow-up, computed (pure: no file access; exact ``Decimal``).

* :func:`as_of` — the day the follow-up is judged at, for the findings and the
  documents alike: today in the views, the latest entry in the exports.
* :func:`given_day` — the day a user typed (``--as-of``, the app's *As of*), refused
  outside the contract's life as the follow-up knows it.
* :func:`standing` — the contract as it stood on that day: the entries dated later
  left out, so every total and list stands at the same day.
* :func:`schedule` — the monthly performance reports the contract expects up to a day,
  each with the day it is due (the tender's clause *performance-reporting*: a report
  each month; due ``Contract.report_days`` after the month ends).
* :func:`expected_credit` — the service credit a month's availability earns under the
  schedule's service levels (``statement_of_work``: ``service_credit_pct`` of the
  month's recurring fee per full point of availability missed, at most
  ``service_credit_cap_pct`` of it).
* :func:`contract_year` — the contract year of a day (1 = the twelve months from the
  start).
* :func:`spending_by_year` — what was paid each contract year beside the TCO forecast
  (the option with the lowest net present value, the one the funding section names)
  and the winning bid's prices.

Principle: the guide asks towns to follow the contract against what was promised —
service levels, prices, the value council approved — and to publish it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from wizard.core.contract import ContractError
from wizard.core.contract.record import LAST_DAY, Contract, add_months, day
from wizard.core.domain import funding, tco
from wizard.core.domain.price_form import cents
from wizard.core.i18n import N_
from wizard.core.i18n.formats import no_day
from wizard.core.model import Project
from wizard.core.model.bounds import clamp
from wizard.core.opendata.milestones import parse_moment


@dataclass(frozen=True)
class Due:
    """A monthly report expected: its ``period`` (YYYY-MM) and the day it is ``due``."""

    period: str
    due: dt.date


def latest_entry(contract: Contract) -> dt.date:
    """The follow-up's latest entry: a report received, a payment, an amendment, an incident's start, else
    the start or the signature (1970-01-01 when none is a day)."""
    days = [contract.start_on, contract.signed_on]
    days += [r.received_on for r in contract.reports] + [p.paid_on for p in contract.payments]
    days += [a.amended_on for a in contract.amendments]
    found = [d for d in map(day, days) if d is not None]
    # an incident is an entry too: the day it started, as its own offset says
    found += [m.date() for m in (parse_moment(i.started_at) for i in contract.incidents) if m is not None]
    return max(found) if found else dt.date(1970, 1, 1)


def given_day(contract: Contract, text: str) -> str:
    """The day a user asks the follow-up to be judged at (``--as-of``, the app's *As
    of*), as ``YYYY-MM-DD``; '' when blank (:func:`as_of` then decides). Raises
    :class:`ContractError` for a text that is not a date, a day before the contract's
    signature or after ``record.LAST_DAY``.

    Principle: a follow-up judged before the contract existed ("signed on 25 May 2027,
    as of 1 May 2027") states nothing true; every caller (``check``, ``contract show``,
    ``export``, the app's dialog) goes through this one parser, so they refuse alike."""
    value = str(text or "").strip()
    if not value:
        return ""
    found = day(value)
    if found is None:
        text, params = no_day(value)
        raise ContractError(text, **params)
    signed = day(contract.signed_on)
    if (signed is not None and found < signed) or found > LAST_DAY:
        raise ContractError(
            N_(
                "The follow-up can be judged from the contract's signature ({first}) to {last}, not on {value}."
            ),
            value=found.isoformat(),
            first=contract.signed_on,
            last=LAST_DAY.isoformat(),
        )
    return found.isoformat()


def as_of(contract: Contract, today: dt.date | None = None) -> dt.date:
    """The day the follow-up is judged at, in this order:

    1. ``contract.as_of`` when it is a day (the user's ``--as-of``, the app's *As of*);
    2. ``today`` when the caller gives the clock (the views: the app's findings panel
       and contract dialog, ``check``, ``contract show``), or the latest entry when
       that comes later (a clock set wrong, an entry typed ahead: a follow-up is never
       judged before what it records);
    3. else the follow-up's latest entry (:func:`latest_entry`): ``export`` and
       ``archive``, which never read the clock.

    Principle: an auditor reading the file wants it judged as of today (a report past
    due since the last entry is missing *now*), while a document published from it
    must be reproducible: the same file exports the same bytes any day, and a closed
    contract, whose last entry is its last payment, keeps its documents. The findings
    (``checks/contract.py``), the documents and the open data
    (``documents/follow_up.py``, ``opendata/follow_up.py``) all call this one function,
    so on one day they agree: a report the documents list as not received past its due
    day is the report the findings call missing."""
    given = day(contract.as_of)
    if given is not None:
        return given
    latest = latest_entry(contract)
    return latest if today is None else max(today, latest)


def standing(contract: Contract, when: dt.date | None = None) -> Contract:
    """``contract`` as it stood at the end of ``when`` (default: the day :func:`as_of`
    decides): the amendments, reports received and payments dated later left out, the
    incidents started later left out, and an incident's notice, response or resolution
    dated later not yet recorded. The value as amended, what was paid, the credits, the
    spending and the lists then all stand at that day.

    Principle: a document that says "as of 20 September 2027" states nothing that
    happened after it (walk defect 5: the value as amended and the payments of October
    and November were counted); the cut-off applies whatever day :func:`as_of`
    returns, so the findings and the documents agree. Idempotent."""
    cut = as_of(contract) if when is None else when

    def by(value: str) -> bool:
        found = day(value)
        return found is None or found <= cut

    def moment_by(value: str) -> bool:
        moment = parse_moment(value)
        return moment is None or moment.date() <= cut

    incidents = tuple(
        dataclasses.replace(
            i,
            notified_at=i.notified_at if moment_by(i.notified_at) else "",
            responded_at=i.responded_at if moment_by(i.responded_at) else "",
            resolved_at=i.resolved_at if moment_by(i.resolved_at) else "",
        )
        for i in contract.incidents
        if moment_by(i.started_at)
    )
    return dataclasses.replace(
        contract,
        amendments=tuple(a for a in contract.amendments if by(a.amended_on)),
        reports=tuple(r for r in contract.reports if by(r.received_on)),
        payments=tuple(p for p in contract.payments if by(p.paid_on)),
        incidents=incidents,
    )


def schedule(contract: Contract, today: dt.date) -> list[Due]:
    """The reports expected from the start to ``today``: one per month of the term that
    has ended by ``today`` (the month of the start counts), each due
    ``contract.report_days`` after its month's last day. Empty without a start."""
    start = day(contract.start_on)
    end = day(contract.end_on)
    if start is None or end is None:
        return []
    found: list[Due] = []
    month = start.replace(day=1)
    while month <= end:
        following = add_months(month, 1)
        if following > today:
            break
        last = following - dt.timedelta(days=1)
        found.append(Due(f"{month:%Y-%m}", last + dt.timedelta(days=contract.report_days)))
        month = following
    return found


def credit_pct(project: Project, availability: Decimal) -> Decimal:
    """The share (in %) of the month's recurring fee credited for ``availability``
    measured: ``service_credit_pct`` per full point below ``availability_pct``, at most
    ``service_credit_cap_pct``; 0 when the target is met or none is stated."""
    sow = project.statement_of_work
    target = Decimal(sow.availability_pct)
    if target <= 0 or availability >= target:
        return Decimal(0)
    points = (target - availability).to_integral_value(rounding=ROUND_FLOOR)
    return min(points * Decimal(sow.service_credit_pct), Decimal(sow.service_credit_cap_pct))


def expected_credit(project: Project, contract: Contract, availability: Decimal | None) -> Decimal | None:
    """The credit (CAD, to the cent) a month with ``availability`` earns on the
    contract's ``monthly_fee``; ``None`` when either is unknown."""
    if availability is None or contract.monthly_fee is None:
        return None
    return cents(contract.monthly_fee * credit_pct(project, availability) / 100)


def contract_year(contract: Contract, paid_on: str) -> int:
    """The contract year ``paid_on`` falls in: 1 for the twelve months from the start
    (and anything paid before it), 2 for the next twelve … ; 1 when a date is unknown."""
    start, when = day(contract.start_on), day(paid_on)
    if start is None or when is None or when < start:
        return 1
    months = (when.year - start.year) * 12 + when.month - start.month - (when.day < start.day)
    return months // 12 + 1


@dataclass(frozen=True)
class SpendingYear:
    """One contract year: the TCO forecast (CAD before taxes, ``None`` without a TCO
    option), the winning bid's prices for that year (``None`` without an opened bid),
    what was ``paid`` and the service ``credits`` taken."""

    year: int
    forecast: Decimal | None
    bid: Decimal | None
    paid: Decimal
    credits: Decimal


def bid_years(yearly: Mapping[str, tuple[Decimal | None, ...]] | None) -> list[Decimal] | None:
    """The winning bid's price per contract year (index 0 = year 1): the one-time lines
    in year 1, each recurring line's year; the exit lines, paid only at the end of the
    contract, and the unit rates, paid as ordered, are left out. ``None`` while sealed."""
    if yearly is None:
        return None
    years: list[Decimal] = []
    for key, cells in yearly.items():
        section = key.split(".", 1)[0]
        if section == "one_off":
            values = [sum((c or Decimal(0) for c in cells), Decimal(0))]
        elif section == "recurring":
            values = [c or Decimal(0) for c in cells]
        else:
            continue
        years += [Decimal(0)] * (len(values) - len(years))
        years = [a + (values[i] if i < len(values) else Decimal(0)) for i, a in enumerate(years)]
    return years


def spending_by_year(
    project: Project, contract: Contract, yearly: Mapping[str, tuple[Decimal | None, ...]] | None = None
) -> list[SpendingYear]:
    """Contract years 1… the longer of the TCO's horizon, the bid's years and the last
    payment's year. The TCO forecast of year 1 is the option's years 0 and 1 (what is
    spent before and during the first year); year ``y`` > 1 is its year ``y``."""
    choice = funding.tco_choice(project, tco.compute_tco(project))
    forecast = None
    if choice is not None:
        forecast = [choice.years[0] + (choice.years[1] if len(choice.years) > 1 else Decimal(0))]
        forecast += choice.years[2:]
    bid = bid_years(yearly)
    paid: dict[int, Decimal] = {}
    credits: dict[int, Decimal] = {}
    for p in contract.payments:
        paid[p.year] = paid.get(p.year, Decimal(0)) + p.amount
        credits[p.year] = credits.get(p.year, Decimal(0)) + p.credit
    last = max([clamp("tco.horizon_years", project.tco.horizon_years) if choice else 0, *paid, 1])
    last = max(last, len(bid or []))

    def at(values: list[Decimal] | None, year: int) -> Decimal | None:
        if values is None:
            return None
        return values[year - 1] if year <= len(values) else Decimal(0)

    return [
        SpendingYear(y, at(forecast, y), at(bid, y), paid.get(y, Decimal(0)), credits.get(y, Decimal(0)))
        for y in range(1, last + 1)
    ]
