"""The range of every numeric field a user types (docs/tco.md, "Bounds"; docs/cases.md K26).

One table, :data:`BOUNDS`, says for each numeric field of the model the smallest and
largest value that a real municipal project needs (with room), its unit and why. It is
the single source of truth for three things:

* the checks: a value outside its range is a finding that names the field and the
  range (``T-HORIZON``, ``T-RATE``, ``T-RANGE``, ``E-RANGE``, ``C-THRESHOLD``,
  ``M-SETTINGS``, ``PR-RANGE``);
* the computations: the TCO (:mod:`wizard.core.domain.tco`) reads a value through
  :func:`clamp` (the nearest limit) or skips it (:func:`in_range`), so no typed or
  received number can make an export raise (a −100 % rate once divided by zero, an
  escalation of 999 999 999 999 % overflowed, ``1E+999999`` could not be rounded);
* the app's numeric editors: their ranges (:func:`int_range`).

The store and the JSON codec keep whatever finite number they are given (nothing a
user typed is lost); NaN and infinities are refused there. A value in memory that is
not finite anyway (a project built in code) is read by :func:`clamp` as the nearest
limit (±infinity) or as 0 (NaN).

Fields are named by their model address without a row id: ``"tco.discount_rate_pct"``
for a section field, ``"cost_lines.amount"`` for an attribute of every row of a list.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

Number = TypeVar("Number", int, Decimal)


@dataclass(frozen=True)
class Bound:
    """The range ``low``–``high`` (inclusive) of one numeric field, in ``unit``, and
    ``why`` these limits (for the docs; not shown in the app)."""

    low: int | Decimal
    high: int | Decimal
    unit: str
    why: str


MAX_HORIZON = 15
"""The longest TCO horizon, in years (also the last year a cost line may start or end)."""

BOUNDS: dict[str, Bound] = {
    "tco.horizon_years": Bound(
        1,
        MAX_HORIZON,
        "years",
        "A municipal system is kept 5 to 10 years and a contract with its renewals rarely "
        "runs longer; 15 years leaves room and keeps the yearly tables and the chart readable.",
    ),
    "tco.discount_rate_pct": Bound(
        Decimal(-20),
        Decimal(50),
        "% a year",
        "The Treasury Board's guide recommends a 7% real rate (3% and 10% for sensitivity); "
        "a real rate can be a few points below zero when inflation outruns interest, and a "
        "nominal rate in a period of high inflation stays far below 50%. Outside 0–25% the "
        "check already calls the rate unusual. The net present value needs 1 + rate/100 > 0: "
        "−100% divides by zero.",
    ),
    "cost_lines.amount": Bound(
        Decimal(-1_000_000_000),
        Decimal(1_000_000_000),
        "CAD",
        "One cost line of a town's IT project is thousands to a few million dollars; the "
        "largest Canadian public IT contracts are in the hundreds of millions over many "
        "years. A billion dollars per line and per year is far beyond, and keeps every total "
        "(with 100% escalation over 15 years) well within the 28 digits of Decimal, so "
        "amounts round to the cent. Negative amounts (savings) are in range but warned "
        "about (T-NEGATIVE).",
    ),
    "cost_lines.escalation_pct": Bound(
        Decimal(-50),
        Decimal(100),
        "% a year",
        "Yearly price increases run from 0 to 10%, exceptionally 25% or more at a "
        "renewal; a falling cost (storage, a licence phased out) loses a few % a year. "
        "100% doubles the cost every year; −50% halves it. At −100% every later year is "
        "free and 0⁰ is undefined in Decimal.",
    ),
    "cost_lines.year": Bound(
        0,
        MAX_HORIZON,
        "year",
        "Year 0 is the acquisition and no horizon goes past year 15: a line starting "
        "outside 0–15 is never paid within the horizon and is not counted.",
    ),
    "cost_lines.end_year": Bound(
        0,
        MAX_HORIZON,
        "year",
        "0 means “to the horizon”; no horizon goes past year 15.",
    ),
    "tco.budget_cad": Bound(
        Decimal(0),
        Decimal(10_000_000_000),
        "CAD",
        "The budget a town makes available for one IT acquisition: thousands to a few million "
        "dollars; ten billion is beyond any Canadian municipal budget and keeps the comparison "
        "with the estimate exact. 0 means not stated; a negative budget means nothing.",
    ),
    "tco.estimate_cad": Bound(
        Decimal(0),
        Decimal(10_000_000_000),
        "CAD",
        "The estimated cost of the acquisition over its horizon, before taxes: within the same "
        "range as the budget it is compared with. 0 means the TCO's figure.",
    ),
    "evaluation.quality_weight": Bound(0, 100, "points", "Quality and price share 100 points."),
    "evaluation.price_weight": Bound(0, 100, "points", "Quality and price share 100 points."),
    "quality_grid.points": Bound(
        0,
        100,
        "points",
        "A quality criterion is worth part of the 100 quality points (at most 30 in Québec's "
        "weighted system, E-QC-MAX).",
    ),
    "info.min_submission_days": Bound(
        0,
        365,
        "days",
        "The Town's own minimum time from publication to closing; 0 means the app's default "
        "(15 days, resources/legal/submission_periods.json). Statutes and trade agreements ask "
        "for 15 to 40 days; a year is far beyond any call for tenders.",
    ),
    "contract_data.bid_validity_days": Bound(
        1,
        365,
        "days",
        "Bids stay irrevocable for 60 to 120 days in municipal practice (90 by default); a year "
        "is far beyond any evaluation and award.",
    ),
    "contract_data.bid_security_value": Bound(
        Decimal(0),
        Decimal(10_000_000),
        "CAD or %",
        "A fixed amount in CAD or a share of the bid price in % (usually 5 to 10%); 0 means not stated yet.",
    ),
    "contract_data.last_addendum_days": Bound(
        0,
        60,
        "days before closing",
        "The last addendum leaves bidders time to take it into account (7 days by default); "
        "two months exceeds the whole bid period of most calls for tenders.",
    ),
    "evaluation.pilot_weeks": Bound(
        0,
        52,
        "weeks",
        "A paid pilot runs for weeks (4 to 12 in practice); a year is beyond any bid validity. "
        "0 means not stated (the check of the pilot against the bid validity is then skipped).",
    ),
    "contract_data.scenario_sessions_days": Bound(
        1,
        180,
        "days after closing",
        "Scenario sessions follow the closing within weeks (20 days by default) and must end "
        "well within the bid validity period.",
    ),
    "statement_of_work.users": Bound(
        0,
        1000000,
        "users",
        "The people who will use the solution: a town has tens to a few thousand; a million leaves room for a regional service. 0 means not applicable.",
    ),
    "statement_of_work.sites": Bound(
        0,
        10000,
        "sites",
        "The Town's buildings or places where the solution runs: a handful to a few hundred. 0 means not applicable.",
    ),
    "statement_of_work.devices": Bound(
        0,
        1000000,
        "devices",
        "The devices the solution runs on or manages: tens to thousands. 0 means not applicable.",
    ),
    "statement_of_work.records": Bound(
        0,
        1000000000000,
        "records",
        "The records to migrate or hold (files, accounts, transactions): up to billions in a long-kept archive. 0 means not applicable.",
    ),
    "statement_of_work.term_years": Bound(
        1,
        15,
        "years",
        "An IT contract's initial term: 1 to 5 years in municipal practice; 15 years is the longest TCO horizon the app compares.",
    ),
    "statement_of_work.renewals": Bound(
        0, 10, "renewals", "Renewals at the Town's option: usually 0 to 3; ten keeps any renewal scheme."
    ),
    "statement_of_work.renewal_years": Bound(
        1, 5, "years", "Each renewal lasts 1 to 5 years; longer renewals are a new contract."
    ),
    "statement_of_work.go_live_weeks": Bound(
        0,
        260,
        "weeks",
        "Implementation takes weeks to months; five years is beyond any implementation. 0 means no date is set.",
    ),
    "statement_of_work.acceptance_days": Bound(
        0,
        365,
        "days",
        "The Town's acceptance tests take days to weeks (30 by default); 0 means no acceptance testing.",
    ),
    "statement_of_work.warranty_months": Bound(
        0,
        120,
        "months",
        "A warranty of 3 to 12 months after acceptance is usual; ten years is far beyond it. 0 means none.",
    ),
    "statement_of_work.availability_pct": Bound(
        Decimal(0),
        Decimal(100),
        "%",
        "Monthly availability is a share of the time: 0 (none stated) to 100%.",
    ),
    "statement_of_work.response_critical_hours": Bound(
        0,
        720,
        "hours",
        "A response within hours; a month (720 h) is beyond any service level. 0 means not stated.",
    ),
    "statement_of_work.resolution_critical_hours": Bound(
        0,
        720,
        "hours",
        "A resolution within hours or days; a month (720 h) is beyond any service level. 0 means not stated.",
    ),
    "statement_of_work.response_major_hours": Bound(
        0,
        720,
        "hours",
        "A response within hours; a month (720 h) is beyond any service level. 0 means not stated.",
    ),
    "statement_of_work.resolution_major_hours": Bound(
        0,
        2160,
        "hours",
        "A resolution within days; three months (2,160 h) is beyond any service level. 0 means not stated.",
    ),
    "statement_of_work.response_minor_hours": Bound(
        0,
        720,
        "hours",
        "A response within a day or two; a month (720 h) is beyond any service level. 0 means not stated.",
    ),
    "statement_of_work.resolution_minor_hours": Bound(
        0,
        8760,
        "hours",
        "A resolution within weeks; a year (8,760 h) is beyond any service level. 0 means not stated.",
    ),
    "statement_of_work.rto_hours": Bound(
        0,
        8760,
        "hours",
        "A recovery time objective of hours to days; a year is beyond any. 0 means not stated.",
    ),
    "statement_of_work.rpo_hours": Bound(
        0,
        8760,
        "hours",
        "A recovery point objective of minutes to a day; a year is beyond any. 0 means not stated.",
    ),
    "statement_of_work.service_credit_pct": Bound(
        Decimal(0),
        Decimal(100),
        "% of the monthly fee",
        "A credit is a share of the month's recurring fee: 0 to 100%.",
    ),
    "statement_of_work.service_credit_cap_pct": Bound(
        Decimal(0),
        Decimal(100),
        "% of the monthly fee",
        "The month's credits are at most its whole fee: 0 to 100%.",
    ),
    "statement_of_work.sla_termination_months": Bound(
        0, 12, "months in 12", "Missed months counted over twelve months: 0 (no termination trigger) to 12."
    ),
    "statement_of_work.log_retention_days": Bound(
        0,
        3650,
        "days",
        "Security logs are kept months to a few years; ten years is beyond any municipal retention. 0 means not stated.",
    ),
    "statement_of_work.insurance_general_cad": Bound(
        Decimal(0),
        Decimal(100_000_000),
        "CAD",
        "Commercial general liability of 1 to 5 million dollars is usual for a municipal IT contract; 100 million leaves room. 0 means not required.",
    ),
    "statement_of_work.insurance_professional_cad": Bound(
        Decimal(0),
        Decimal(100_000_000),
        "CAD",
        "Professional liability of 1 to 5 million dollars is usual; 100 million leaves room. 0 means not required.",
    ),
    "statement_of_work.insurance_cyber_cad": Bound(
        Decimal(0),
        Decimal(100_000_000),
        "CAD",
        "Cyber and privacy liability of 1 to 10 million dollars is usual; 100 million leaves room. 0 means not required.",
    ),
    "statement_of_work.liability_cap_multiple": Bound(
        Decimal(0),
        Decimal(100),
        "times the contract value",
        "A cap of 1 to 3 times the contract value is usual; 100 times is an unlimited cap in all but name.",
    ),
    "statement_of_work.holdback_pct": Bound(
        Decimal(0),
        Decimal(50),
        "%",
        "A holdback of 5 to 15% of one-off payments is usual; half of them would starve the vendor.",
    ),
    "statement_of_work.payment_days": Bound(
        0,
        180,
        "days",
        "Invoices are paid within 30 days in municipal practice; six months is beyond any. 0 means on receipt.",
    ),
    "statement_of_work.price_adjustment_cap_pct": Bound(
        Decimal(0),
        Decimal(25),
        "% per year",
        "A yearly adjustment is capped at a few per cent; 25% is beyond any index.",
    ),
    "statement_of_work.termination_notice_days": Bound(
        0, 365, "days", "Notice of 30 to 90 days for termination for convenience; a year is beyond any."
    ),
    "contract_data.award_documents_days": Bound(
        1,
        90,
        "days after the notice of award",
        "Municipal tenders give the successful bidder one to three weeks to sign and provide its "
        "insurance and other proofs (10 days by default); three months would leave the award open "
        "past most bid validity periods.",
    ),
    "contract_data.debriefing_days": Bound(
        1,
        365,
        "days after the notice of award",
        "Debriefings are asked for within weeks of the award (30 days by default, 60 in some "
        "provinces' practice); a year is far beyond any useful debriefing.",
    ),
    "criteria_settings.pass_threshold_pct": Bound(
        0, 100, "%", "A share of the optional criteria's points: 0 to 100% (the guide: at least 70%)."
    ),
    "market.common_threshold_pct": Bound(
        1, 100, "%", "A share of the scanned solutions: 1 to 100% (0% would make every feature common)."
    ),
    "market.underperforming_pct": Bound(1, 100, "%", "A share of the common features: 1 to 100%."),
}
"""Field address (``section.attribute`` or ``list.attribute``) → its :class:`Bound`."""


def bound(field: str) -> Bound:
    """The bound of ``field`` (``"cost_lines.amount"``; a row address such as
    ``"cost_lines:3.amount"`` is accepted too). Raises ``KeyError`` for a field without one."""
    head, _, attribute = field.partition(".")
    return BOUNDS[f"{head.split(':')[0]}.{attribute}"]


def in_range(field: str, value: int | Decimal) -> bool:
    """Whether ``value`` is a finite number within the range of ``field``."""
    if isinstance(value, Decimal) and not value.is_finite():
        return False
    limits = bound(field)
    return limits.low <= value <= limits.high


def clamp(field: str, value: Number) -> Number:
    """``value`` brought into the range of ``field`` (the nearest limit), of the same
    type; +/−infinity become the limits and NaN becomes 0 (then clamped). A value in
    range is returned as it is (``-0`` becomes ``0``, so no "-0,00 $" is shown)."""
    limits = bound(field)
    kind = type(value)
    if isinstance(value, Decimal):
        if value.is_nan():
            value = Decimal(0)
        elif value.is_infinite():
            value = Decimal(limits.high if value > 0 else limits.low)
        if value.is_zero():
            value = abs(value)
    if value < limits.low:
        return kind(limits.low)
    if value > limits.high:
        return kind(limits.high)
    return value


def int_range(field: str) -> tuple[int, int]:
    """``(low, high)`` of an integer field, for a spin box."""
    limits = bound(field)
    return int(limits.low), int(limits.high)


def show(value: int | Decimal) -> str:
    """A number for a message in either language: digits grouped by threes with no-break
    spaces (the Canadian style in French and in English), "-" for minus; a number of
    more than 15 digits before the point in scientific notation (``1E+999999``), so no
    message holds a million digits; NaN and infinities as "?" and "∞"."""
    if isinstance(value, Decimal):
        if value.is_nan():
            return "?"
        if value.is_infinite():
            return "-∞" if value < 0 else "∞"
        if value.is_zero():
            value = abs(value)
        if value.adjusted() >= 15:
            return f"{value:E}"
        text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    else:
        if abs(value) >= 10**15:
            return f"{Decimal(value):E}"
        text = str(value)
    sign = "-" if text.startswith("-") else ""
    whole, dot, fraction = text.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + "\u00a0".join(groups) + dot + fraction


def message_params(field: str, value: int | Decimal) -> dict[str, str]:
    """The parameters of a finding about ``value`` out of the range of ``field``:
    ``low``, ``high``, ``value`` (as entered) and ``used`` (what the computation
    counts: :func:`clamp`), each written by :func:`show`."""
    limits = bound(field)
    used = clamp(field, value) if isinstance(value, Decimal) else clamp(field, value)
    return {"low": show(limits.low), "high": show(limits.high), "value": show(value), "used": show(used)}
