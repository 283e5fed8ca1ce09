"""The contract awarded and its follow-up, as the project file holds them (schema 7).

:func:`read` returns a :class:`Contract`, or ``None`` while there is none: a contract
exists once the award names a bid and the date the contract was signed
(``bids.record.Award.contract_signed_on``). Its signature date, its value and its
supplier are the award's, never copied (one fact, one place); the rest is the schema-7
tables: the terms (``contract``, one row, optional: each term has a default), the
amendments, the monthly performance reports with their incidents, and the payments.
Reads only.

Money is ``Decimal`` CAD before taxes, as the price form and the award; dates are
``YYYY-MM-DD``; moments (an incident's) ISO 8601 with their offset.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Literal

from wizard.core.bids import record as bids_record
from wizard.core.contract.entries import AMENDMENT, INCIDENT, PAYMENT, REPORT
from wizard.core.domain.days import parse_day
from wizard.core.i18n import N_, Localized
from wizard.core.model.bounds import clamp
from wizard.core.opendata.milestones import parse_moment

if TYPE_CHECKING:
    from wizard.core.project_file.store import ProjectFile

Severity = Literal["critical", "major", "minor"]
SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor")

DEFAULT_AMENDMENT_SHARE_PCT = Decimal("10")
"""The share of the contract's value (in %) beyond which amendments raise a finding
(CT-AMENDMENT-SHARE, red flag R064 of the Open Contracting Partnership), while the Town
sets none. 10 % is the threshold many Canadian public bodies' contract-management rules
use before an amendment needs a higher authority; no statute or regulation binding a
town was confirmed to set it (checked 2026-12-06): to be confirmed by counsel, and the
Town sets its own (``contract.amendment_share_pct``)."""

DEFAULT_REPORT_DAYS = 15
"""Days after the end of its month by which a monthly performance report is expected,
while the Town sets none: the tender's clause (performance-reporting) asks for a report
each month without a deadline; 15 days is the app's default, the Town's to change."""


FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)
"""The follow-up's range of days: every date it records (a start, an amendment, a
report, an incident, a payment) falls within it. A town's contract signed this century
and followed for its whole term, renewals included, stays far within; beyond it a date
is a typing error (``20277-01-01``, ``2207``) whose months and contract years the
follow-up could not count."""

MAX_AMOUNT = Decimal(1_000_000_000)
"""The largest amount (CAD) one entry of the follow-up may hold, either sign: an
amendment's change, a payment, a credit, a quantity or a unit price, the monthly fee.
A billion dollars is far beyond any town's IT contract, as for a cost line of the TCO
(``model.bounds``, ``cost_lines.amount``), and keeps every total exact to the cent."""

MAX_TERM_YEARS = 15
"""The longest initial term, in years (``model.bounds``, ``statement_of_work.term_years``)."""

MAX_RENEWALS = 10
"""The most renewals a contract may have exercised (``statement_of_work.renewals``)."""

MAX_TERM_MONTHS = 12 * (MAX_TERM_YEARS + MAX_RENEWALS * 5)
"""The longest term, in months, with its renewals (ten of five years at most) and its
amendments: 780 months; an amendment never brings the term beyond it, nor below a
month."""

MAX_CONTRACT_YEAR = LAST_DAY.year - FIRST_DAY.year + 1
"""The last contract year a payment may fall in (one paid on the range's last day for a
contract started on its first)."""

MAX_REPORT_DAYS = 365
"""The most days after its month a report may be due: a year."""


def in_range(when: dt.date | None) -> bool:
    """Whether ``when`` is a day of the follow-up's range (:data:`FIRST_DAY` to
    :data:`LAST_DAY`)."""
    return when is not None and FIRST_DAY <= when <= LAST_DAY


def amount_of(value: object) -> Decimal | None:
    """``value`` as an amount the follow-up can count: a finite ``Decimal`` of at most
    :data:`MAX_AMOUNT` either sign; ``None`` for anything else."""
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or abs(amount) > MAX_AMOUNT:
        return None
    return amount


FIELD_LABELS: dict[str, str] = {
    "start_on": N_("Contract start"),
    "term_years": N_("Initial term (years)"),
    "renewals_exercised": N_("Renewals exercised"),
    "amendment_share_pct": N_("Share for amendments (%)"),
    "report_days": N_("Days a report is due after its month"),
    "monthly_fee": N_("Monthly fee"),
    "contract_value": N_("Contract value"),
    "amended_on": N_("Date"),
    "value_change": N_("Value change"),
    "term_change_months": N_("Term change (months)"),
    "period": N_("Month"),
    "received_on": N_("Received on"),
    "availability_pct": N_("Availability"),
    "credits_due": N_("Credits due"),
    "severity": N_("Severity"),
    "started_at": N_("Started"),
    "notified_at": N_("Notified"),
    "responded_at": N_("Responded"),
    "resolved_at": N_("Resolved"),
    "paid_on": N_("Paid on"),
    "amount": N_("Amount"),
    "credit": N_("Credit"),
    "quantity": N_("Quantity"),
    "unit_price": N_("Unit price"),
    "year": N_("Contract year"),
}
"""The label of each stored field a :class:`SetAside` may name (an English message id),
so that a message never shows a machine key such as ``term_years`` (second walk)."""


def field_label(field: str) -> Localized:
    """The label of a stored ``field`` in each language (the key itself when unknown)."""
    text = FIELD_LABELS.get(field)
    if text is None:
        return Localized(fr=field, en=field)
    return Localized.of(text)


@dataclass(frozen=True)
class SetAside:
    """A stored value the follow-up cannot use (a file written before the operations
    refused it, or edited by hand): the ``entry`` as ``contract show`` numbers it
    (``A2``, ``P3``, ``R1``, ``I1``; ``terms`` for the contract's terms), the
    ``field`` and the ``value`` as stored. The entry is left out of the follow-up (a
    term falls back to its default) and ``CT-ENTRY-INVALID`` names it."""

    entry: str
    field: str
    value: str


@dataclass(frozen=True)
class Amendment:
    """One amendment of the contract: ``amended_on`` (YYYY-MM-DD), the ``reason``, its
    effect on the value (``value_change``, CAD before taxes, negative for a reduction)
    and on the term (``term_change_months``)."""

    id: int
    amended_on: str
    reason: str
    value_change: Decimal
    term_change_months: int


@dataclass(frozen=True)
class PerformanceReport:
    """The supplier's report for one month (``period`` YYYY-MM): ``received_on``
    (YYYY-MM-DD), the availability measured in % (``None`` = not stated), the service
    credits due that month in CAD, as the report or the Town counts them."""

    id: int
    period: str
    received_on: str
    availability_pct: Decimal | None
    credits_due: Decimal
    notes: str = ""


@dataclass(frozen=True)
class Incident:
    """An incident: its ``severity`` (the schedule's critical / major / minor),
    ``security`` (a security incident, whose written notice the contract requires),
    when it started, when the supplier notified the Town, responded and resolved it
    (ISO 8601 with offset, '' = not yet), and the report that accounts for it
    (``None``: none yet)."""

    id: int
    report_id: int | None
    severity: Severity
    security: bool
    started_at: str
    notified_at: str
    responded_at: str
    resolved_at: str
    description: str = ""

    def hours_to(self, which: Literal["notified_at", "responded_at", "resolved_at"]) -> Decimal | None:
        """Hours from the start to ``which`` (to the hundredth), ``None`` when either
        moment is missing."""
        start, end = parse_moment(self.started_at), parse_moment(getattr(self, which))
        if start is None or end is None:
            return None
        seconds = Decimal(int((end - start).total_seconds()))
        return (seconds / 3600).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class Payment:
    """An invoice paid: its number, ``invoiced_on`` and ``paid_on`` (YYYY-MM-DD), the
    ``amount`` paid and the service ``credit`` deducted (CAD before taxes), the price
    form's line it bills (``line_key``, ``unit.hour`` …, '' = none) with the
    ``quantity`` and ``unit_price`` of a unit-price line, and the contract ``year`` it
    falls in (1 = the first twelve months from the start)."""

    id: int
    invoice_number: str
    invoiced_on: str
    paid_on: str
    amount: Decimal
    credit: Decimal
    line_key: str
    quantity: Decimal | None
    unit_price: Decimal | None
    year: int
    notes: str = ""


@dataclass(frozen=True)
class Contract:
    """The contract and its follow-up (module docstring).

    From the award: ``bid_id``, ``supplier`` (the bidder's legal name), ``signed_on``,
    ``value`` (CAD before taxes, ``None`` when the award states none). The terms:
    ``start_on`` (the contract's, else the tender's contract start, else the signature),
    ``term_years`` (the initial term, else the statement of work's), the
    ``renewals_exercised`` and ``renewal_years`` each, the Town's
    ``amendment_share_pct``, the ``report_days`` after its month a report is due, the
    ``monthly_fee`` the credits are counted on (``None`` = not stated)."""

    bid_id: int
    supplier: str
    signed_on: str
    value: Decimal | None
    start_on: str
    term_years: int
    renewals_exercised: int
    renewal_years: int
    amendment_share_pct: Decimal
    report_days: int
    monthly_fee: Decimal | None
    notes: str = ""
    amendments: tuple[Amendment, ...] = ()
    reports: tuple[PerformanceReport, ...] = ()
    incidents: tuple[Incident, ...] = ()
    payments: tuple[Payment, ...] = ()
    as_of: str = ""
    """The day the follow-up is judged at (YYYY-MM-DD), '' = its latest entry: see
    :func:`wizard.core.contract.follow_up.as_of`, the one function that decides it."""
    set_aside: tuple[SetAside, ...] = ()
    """The stored values the follow-up cannot use, left out (:class:`SetAside`)."""
    share_set: bool = False
    """Whether the Town set its own ``amendment_share_pct`` (else the default,
    ``DEFAULT_AMENDMENT_SHARE_PCT``, is used: the findings say so)."""

    @property
    def amended_by(self) -> Decimal:
        """The amendments' effect on the value, in CAD (their sum)."""
        return sum((a.value_change for a in self.amendments), Decimal(0))

    @property
    def current_value(self) -> Decimal | None:
        """The value as amended (CAD), ``None`` when the award states none."""
        return None if self.value is None else self.value + self.amended_by

    @property
    def paid(self) -> Decimal:
        """Everything paid so far, in CAD before taxes."""
        return sum((p.amount for p in self.payments), Decimal(0))

    @property
    def credits_due(self) -> Decimal:
        return sum((r.credits_due for r in self.reports), Decimal(0))

    @property
    def credits_taken(self) -> Decimal:
        return sum((p.credit for p in self.payments), Decimal(0))

    @property
    def term_months(self) -> int:
        """The term so far in months: the initial term, the renewals exercised and the
        amendments' changes."""
        return 12 * (self.term_years + self.renewals_exercised * self.renewal_years) + sum(
            a.term_change_months for a in self.amendments
        )

    @property
    def end_on(self) -> str:
        """The last day of the term (YYYY-MM-DD), '' when the start is unknown."""
        start = day(self.start_on)
        if start is None:
            return ""
        return (add_months(start, self.term_months) - dt.timedelta(days=1)).isoformat()

    def report(self, period: str) -> PerformanceReport | None:
        return next((r for r in self.reports if r.period == period), None)


def day(value: str) -> dt.date | None:
    """``value`` (YYYY-MM-DD) as a date, ``None`` for anything else."""
    return parse_day(value)


def add_months(start: dt.date, months: int) -> dt.date:
    """``start`` moved by ``months`` (the day kept, or the month's last day)."""
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(start.day, last))
        except ValueError:
            continue
    raise ValueError(start)  # pragma: no cover - every month has 28 days


def local_moment(zone: dt.tzinfo, value: str) -> str:
    """``value`` as a moment with its offset: unchanged when it has one or is not a
    moment ('' stays ''), else a local date and time (``2027-07-19 07:40``) read in
    ``zone`` (the Town's, ``opendata.milestones.local_zone``) and written ISO 8601 with
    the offset of that day (``2027-07-19T07:40:00-03:00``). Lets a user type the time
    on the Town's clock; the operations still refuse a moment without its offset."""
    text = value.strip()
    if len(text) <= 10:  # a day without its time is not a moment: left to be refused
        return text
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if moment.tzinfo is not None:
        return text
    return moment.replace(tzinfo=zone).isoformat(timespec="seconds")


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None or str(text).strip() == "" else Decimal(str(text))


class _Reader:
    """Reads stored values, setting aside those the follow-up cannot use (:class:`SetAside`)."""

    def __init__(self) -> None:
        self.found: list[SetAside] = []

    def bad(self, entry: str, field: str, value: object) -> None:
        self.found.append(SetAside(entry, field, str(value)))

    def amount(
        self, entry: str, field: str, value: object, *, blank: bool = False, low: Decimal | None = None
    ) -> Decimal | None:
        """The amount, ``None`` for a blank one when ``blank``; raises ``_Bad`` (noted)."""
        if blank and (value is None or str(value).strip() == ""):
            return None
        found = amount_of(value if value is not None else "0")
        if found is None or (low is not None and found < low):
            self.bad(entry, field, value)
            raise _Bad
        return found

    def day(self, entry: str, field: str, value: object) -> str:
        text = str(value or "")
        if not in_range(day(text)):
            self.bad(entry, field, value)
            raise _Bad
        return text

    def count(self, entry: str, field: str, value: object, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.bad(entry, field, value)
            raise _Bad
        return value


_TERM_NAMES = (
    "start_on",
    "term_years",
    "renewals_exercised",
    "amendment_share_pct",
    "report_days",
    "monthly_fee",
)


class _Bad(Exception):
    """A stored value set aside (noted by :class:`_Reader`)."""


def read(pf: ProjectFile) -> Contract | None:
    """The :class:`Contract` of ``pf``, ``None`` while the award names no bid or no
    signature date (reads only)."""
    award = bids_record.read(pf).award
    if award is None or award.bid_id is None or not award.contract_signed_on:
        return None
    return read_with(pf, award)


def read_with(pf: ProjectFile, award: bids_record.Award) -> Contract:
    """The :class:`Contract` of ``pf`` for a signed ``award`` (:func:`read`). A stored
    value the follow-up cannot use (out of the operations' bounds: a date outside
    :data:`FIRST_DAY`–:data:`LAST_DAY`, an amount beyond :data:`MAX_AMOUNT`, a term
    beyond :data:`MAX_TERM_MONTHS` …) never raises: its entry is left out, a term takes
    its default, and :attr:`Contract.set_aside` names it."""
    db = pf.db
    project = pf.project
    supplier = db.execute(
        "SELECT legal_name FROM bidders JOIN bids ON bids.bidder_id = bidders.id WHERE bids.id = ?",
        (award.bid_id,),
    ).fetchone()
    terms = db.execute(
        "SELECT start_on, term_years, renewals_exercised, amendment_share_pct, report_days, monthly_fee,"
        " notes FROM contract ORDER BY id LIMIT 1"
    ).fetchone()
    sow = project.statement_of_work
    read = _Reader()

    stored = dict(zip(_TERM_NAMES, terms, strict=False)) if terms else {}

    def given(name: str) -> bool:
        # a term of 0 years is the statement of work's (the column's default)
        return stored.get(name) not in (None, "") and not (name == "term_years" and stored[name] == 0)

    def whole(name: str, low: int, high: int, default: int) -> int:
        try:
            return read.count("terms", name, stored[name], low, high) if given(name) else default
        except _Bad:
            return default

    def decimal(name: str, low: Decimal) -> Decimal | None:
        try:
            return read.amount("terms", name, stored[name], low=low) if given(name) else None
        except _Bad:
            return None

    start = ""
    if given("start_on"):
        with contextlib.suppress(_Bad):
            start = read.day("terms", "start_on", stored["start_on"])
    start = start or project.info.contract_start or award.contract_signed_on
    term_years = whole("term_years", 1, MAX_TERM_YEARS, clamp("statement_of_work.term_years", sow.term_years))
    renewals = whole("renewals_exercised", 0, MAX_RENEWALS, 0)
    share = decimal("amendment_share_pct", Decimal("0.01"))
    report_days = whole("report_days", 0, MAX_REPORT_DAYS, DEFAULT_REPORT_DAYS)
    fee = decimal("monthly_fee", Decimal(0))
    renewal_years = clamp("statement_of_work.renewal_years", sow.renewal_years)
    months = 12 * (term_years + renewals * renewal_years)
    value = award.contract_value
    if value is not None and amount_of(value) is None:  # the award's, beyond what the follow-up counts
        read.bad("award", "contract_value", value)
        value = None

    amendments: list[Amendment] = []
    for r in db.execute(
        "SELECT id, amended_on, reason, value_change, term_change_months FROM contract_amendments"
        " ORDER BY amended_on, id"
    ):
        entry = AMENDMENT.number(r[0])
        try:
            when = read.day(entry, "amended_on", r[1])
            change = read.amount(entry, "value_change", r[3]) or Decimal(0)
            moved = read.count(entry, "term_change_months", r[4], -MAX_TERM_MONTHS, MAX_TERM_MONTHS)
            if not 1 <= months + moved <= MAX_TERM_MONTHS:
                read.bad(entry, "term_change_months", r[4])
                continue
        except _Bad:
            continue
        months += moved
        amendments.append(Amendment(r[0], when, r[2], change, moved))
    reports: list[PerformanceReport] = []
    for r in db.execute(
        "SELECT id, period, received_on, availability_pct, credits_due, notes FROM performance_reports"
        " ORDER BY period, id"
    ):
        entry = REPORT.number(r[0])
        try:
            read.day(entry, "period", f"{r[1]}-01")
            if str(r[1]) < start[:7]:  # a month before the contract's start is no month of it
                read.bad(entry, "period", r[1])
                continue
            received = read.day(entry, "received_on", r[2])
            availability = read.amount(entry, "availability_pct", r[3], blank=True, low=Decimal(0))
            if availability is not None and availability > 100:
                read.bad(entry, "availability_pct", r[3])
                continue
            credits = read.amount(entry, "credits_due", r[4] or 0, low=Decimal(0)) or Decimal(0)
        except _Bad:
            continue
        reports.append(PerformanceReport(r[0], r[1], received, availability, credits, r[5]))
    incidents: list[Incident] = []
    for r in db.execute(
        "SELECT id, report_id, severity, security, started_at, notified_at, responded_at, resolved_at,"
        " description FROM incidents ORDER BY started_at, id"
    ):
        names = ("started_at", "notified_at", "responded_at", "resolved_at")
        moments = dict(zip(names, (parse_moment(m) for m in r[4:8]), strict=True))
        wrong = [
            (name, r[4 + i])
            for i, name in enumerate(names)
            if (name == "started_at" and moments[name] is None)
            or ((m := moments[name]) is not None and not in_range(m.date()))
        ]
        if r[2] not in SEVERITIES:
            wrong.insert(0, ("severity", r[2]))
        if wrong:
            read.bad(INCIDENT.number(r[0]), *wrong[0])
            continue
        incidents.append(Incident(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8]))
    payments: list[Payment] = []
    for r in db.execute(
        "SELECT id, invoice_number, invoiced_on, paid_on, amount, credit, line_key, quantity, unit_price,"
        " year, notes FROM payments ORDER BY paid_on, id"
    ):
        entry = PAYMENT.number(r[0])
        try:
            paid_on = read.day(entry, "paid_on", r[3])
            amount = read.amount(entry, "amount", r[4], low=Decimal(0)) or Decimal(0)
            credit = read.amount(entry, "credit", r[5] or 0, low=Decimal(0)) or Decimal(0)
            quantity = read.amount(entry, "quantity", r[7], blank=True, low=Decimal(0))
            unit_price = read.amount(entry, "unit_price", r[8], blank=True, low=Decimal(0))
            year = read.count(entry, "year", r[9], 1, MAX_CONTRACT_YEAR)
        except _Bad:
            continue
        payments.append(
            Payment(r[0], r[1], r[2], paid_on, amount, credit, r[6], quantity, unit_price, year, r[10])
        )
    return Contract(
        bid_id=int(award.bid_id or 0),
        supplier=supplier[0] if supplier else "",
        signed_on=award.contract_signed_on,
        value=value,
        start_on=start,
        term_years=term_years,
        renewals_exercised=renewals,
        renewal_years=renewal_years,
        amendment_share_pct=share if share is not None else DEFAULT_AMENDMENT_SHARE_PCT,
        report_days=report_days,
        monthly_fee=fee,
        notes=terms[6] if terms else "",
        amendments=tuple(amendments),
        reports=tuple(reports),
        incidents=tuple(incidents),
        payments=tuple(payments),
        set_aside=tuple(read.found),
        share_set=share is not None,
    )


@dataclass(frozen=True)
class FollowUp:
    """What the follow-up reads beside the contract: the winning bid's prices as opened
    (``yearly``: line key → each cell, ``None`` while sealed; ``rates``: its unit-rate
    lines, ``unit.hour`` → CAD), its ``trade_secret`` designation ('' = none) and whether
    its personal names may be published (``publish_names``), and its contact."""

    contract: Contract
    yearly: Mapping[str, tuple[Decimal | None, ...]] | None
    rates: Mapping[str, Decimal]
    trade_secret: str
    publish_names: bool
    contact_name: str


def follow_up(pf: ProjectFile) -> FollowUp | None:
    """The :class:`FollowUp` of ``pf``, ``None`` while no contract is signed."""
    bids = bids_record.read(pf)
    award = bids.award
    if award is None or award.bid_id is None or not award.contract_signed_on:
        return None
    contract = read_with(pf, award)
    bid = bids.bid(award.bid_id)
    yearly = bid.yearly if bid is not None else None
    rates = {
        key: cells[0]
        for key, cells in (yearly or {}).items()
        if key.startswith("unit.") and cells and cells[0] is not None
    }
    return FollowUp(
        contract=contract,
        yearly=yearly,
        rates=rates,
        trade_secret=bid.trade_secret if bid is not None else "",
        publish_names=bid.publish_names if bid is not None else False,
        contact_name=bid.bidder.contact_name if bid is not None else "",
    )
