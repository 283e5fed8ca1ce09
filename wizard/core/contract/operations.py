"""Recording the contract's follow-up (issue 23, docs/contract.md).

Each function is one transaction journalled with the marker ``contract``
(``project_file/undo.py``: undo passes over it; a record is corrected by a new entry
or :func:`remove`, as a register is). Each needs a signed contract (the award with its
signature date, ``bids.evaluation_entry.set_award``) and raises
:class:`~wizard.core.contract.ContractError` (nothing saved) for what a user can get
wrong, and the store's ``ReadOnlyFile`` / ``WriteFailed``.

* :func:`set_terms` — the start, the initial term, the renewals exercised, the Town's
  share for amendments, the days a report is due after its month, the monthly fee;
* :func:`add_amendment` — an amendment with its reason and its effect on the value and
  the term;
* :func:`add_report` — a monthly performance report (its credit computed from the
  availability when not given);
* :func:`add_incident` — an incident and its notice;
* :func:`add_payment` — an invoice paid (its contract year computed when not given);
* :func:`remove` — a wrong entry taken out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from wizard.core.contract import ContractError
from wizard.core.contract.entries import BY_NAME, Kind
from wizard.core.contract.follow_up import contract_year, expected_credit
from wizard.core.contract.record import (
    FIRST_DAY,
    LAST_DAY,
    MAX_AMOUNT,
    MAX_CONTRACT_YEAR,
    MAX_RENEWALS,
    MAX_REPORT_DAYS,
    MAX_TERM_MONTHS,
    MAX_TERM_YEARS,
    SEVERITIES,
    Contract,
    add_months,
    day,
    in_range,
    read,
)
from wizard.core.domain.price_form import cents, price_form
from wizard.core.i18n import N_, Localized
from wizard.core.i18n.formats import no_day
from wizard.core.opendata.milestones import parse_moment
from wizard.core.project_file.codec import MAX_TEXT
from wizard.core.project_file.store import ProjectFile

CONTRACT_MARKER = "contract"
"""The journal marker of every contract operation (``new``: ``{"op": …, …}``)."""

PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def signed(pf: ProjectFile) -> Contract:
    """The contract; raises :class:`ContractError` while none is signed."""
    found = read(pf)
    if found is None:
        raise ContractError(
            N_("Record the award with the date the contract was signed before following the contract.")
        )
    return found


@contextlib.contextmanager
def writing(pf: ProjectFile, op: str, **details: Any) -> Iterator[None]:
    """One transaction, journalled as the marker :data:`CONTRACT_MARKER`."""
    with pf.transaction():
        yield
        pf.mark(CONTRACT_MARKER, {"op": op, **details})


def _date(value: str, required: bool = True) -> str:
    text = str(value or "").strip()
    if not text and not required:
        return ""
    when = day(text)
    if when is None:
        text, params = no_day(text)
        raise ContractError(text, **params)
    _within(when)
    return text


def _within(when: dt.date) -> None:
    """Refuses a day outside the follow-up's range (``record.FIRST_DAY`` … ``LAST_DAY``)."""
    if not in_range(when):
        raise ContractError(
            N_("The date {value} is outside the follow-up's range ({first} to {last})."),
            value=when.isoformat(),
            first=FIRST_DAY.isoformat(),
            last=LAST_DAY.isoformat(),
        )


def _moment(value: str, required: bool = True, example: str = "") -> str:
    """``value`` stripped, a moment with its offset ('' when not ``required``); the
    refusal shows ``example``, the town's offset (``bids.common.example_moment``)."""
    from wizard.core.bids.common import EXAMPLE_MOMENT

    text = str(value or "").strip()
    if not text and not required:
        return ""
    moment = parse_moment(text)
    if moment is None:
        raise ContractError(
            N_("“{value}” is not a date and time with its offset from UTC (for example {example})."),
            value=text,
            example=example or EXAMPLE_MOMENT,
        )
    _within(moment.date())
    return text


_TOO_LONG: dict[str, str] = {
    "reason": N_("The amendment's reason is too long: {count} characters, at most {limit}."),
    "report_notes": N_("The report's notes are too long: {count} characters, at most {limit}."),
    "description": N_("The incident's description is too long: {count} characters, at most {limit}."),
    "invoice_number": N_("The invoice number is too long: {count} characters, at most {limit}."),
    "payment_notes": N_("The payment's notes are too long: {count} characters, at most {limit}."),
    "terms_notes": N_("The contract's notes are too long: {count} characters, at most {limit}."),
}
"""The refusal of each free text of the follow-up over :data:`codec.MAX_TEXT`, named as
the user typed it."""


def _free_text(value: object, which: str) -> str:
    """``value`` as text (``None`` is ''); refuses one over :data:`codec.MAX_TEXT`
    characters, the limit of every other free text of the project (docs/file-format.md,
    "Limits"), before anything is saved: an entry a file could not hold whole has no
    place in a register."""
    text = "" if value is None else str(value)
    if len(text) > MAX_TEXT:
        raise ContractError(_TOO_LONG[which], count=_count_text(len(text)), limit=_count_text(MAX_TEXT))
    return text


def _count_text(n: int) -> Localized:
    """``n`` as each language groups its digits ("100,000", « 100 000 »)."""
    from babel.numbers import format_decimal

    return Localized(fr=format_decimal(n, locale="fr_CA"), en=format_decimal(n, locale="en_CA"))


def typed_amount(
    value: object, *, negative: bool = False, blank: bool = False, money: bool = True
) -> Decimal | None:
    """An amount typed by a user (« 150 000,00 », "150000.00"; the one reader of typed
    amounts, the award's value included: ``bids.common.amount``), ``None`` for a blank
    one when ``blank``; a sum of
    ``money`` (dollars) has at most two decimals: a fraction of a cent would make the
    follow-up's totals and its CSVs, which round to the cent, disagree (second walk)."""
    text = str(value if value is not None else "").strip().replace(" ", "").replace("\u00a0", "")
    if not text and blank:
        return None
    try:
        amount = Decimal(text.replace(",", "."))
    except InvalidOperation:
        amount = Decimal("NaN")
    if negative:
        if not amount.is_finite() or abs(amount) > MAX_AMOUNT:
            raise ContractError(
                N_("“{value}” is not an amount in dollars between −{limit} and {limit}."),
                value=value,
                limit=_LIMIT,
            )
        return _cents(amount, value, money)
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise ContractError(
            N_("“{value}” is not an amount in dollars from 0 to {limit}."), value=value, limit=_LIMIT
        )
    return _cents(amount, value, money)


def _cents(amount: Decimal, value: object, money: bool) -> Decimal:
    """``amount``, refused with more than two decimals when it is a sum of ``money``."""
    if money and amount != amount.quantize(Decimal("0.01")):
        raise ContractError(
            N_("“{value}” has more than two decimals: an amount is in dollars and cents."), value=value
        )
    return amount


def _pct(value: object, *, blank: bool = False, low: Decimal = Decimal(0)) -> Decimal | None:
    """A percentage from ``low`` (excluded when above 0) to 100; ``None`` for a blank one when ``blank``."""
    text = str(value if value is not None else "").strip().replace("%", "").replace("\u00a0", "").strip()
    if not text and blank:
        return None
    try:
        found = Decimal(text.replace(",", "."))
    except InvalidOperation:
        found = Decimal("NaN")
    if not found.is_finite() or found < low or found > 100 or (low > 0 and found == low):
        raise ContractError(N_("“{value}” is not a percentage from {low} to 100."), value=value, low=low)
    return found


_LIMIT = Localized(fr=f"{MAX_AMOUNT:,}".replace(",", "\u00a0"), en=f"{MAX_AMOUNT:,}")
"""The largest amount, as each language writes it: « 1 000 000 000 », "1,000,000,000"."""


def _count(value: object, low: int = 0, high: int = MAX_TERM_MONTHS) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ContractError(
            N_("“{value}” is not a whole number from {low} to {high}."), value=value, low=low, high=high
        )
    return value


def _term_months(contract: Contract, **changes: int) -> None:
    """Refuses terms or amendments that bring the whole term (initial term, renewals
    and amendments, in months) below a month or beyond ``record.MAX_TERM_MONTHS``."""
    years = changes.get("term_years", contract.term_years)
    renewals = changes.get("renewals_exercised", contract.renewals_exercised)
    months = 12 * (years + renewals * contract.renewal_years) + changes.get("moved", 0)
    months += sum(a.term_change_months for a in contract.amendments)
    if not 1 <= months <= MAX_TERM_MONTHS:
        raise ContractError(
            N_("The term would last {months} months: it lasts from 1 to {limit} months, renewals included."),
            months=months,
            limit=MAX_TERM_MONTHS,
        )


def _start_fits(contract: Contract, start: str) -> None:
    """Refuses a start (YYYY-MM-DD) before the signature, or after the first month
    reported or the first payment recorded: the follow-up counts its months and contract
    years from the start, so a start moved past what is recorded would turn valid
    entries into invalid ones (second walk, defect 1)."""
    if start < contract.signed_on:
        raise ContractError(
            N_("The contract cannot start ({start}) before its signature ({date})."),
            start=start,
            date=contract.signed_on,
        )
    recorded = [f"{r.period}-01" for r in contract.reports if PERIOD.fullmatch(r.period)]
    recorded += [p.paid_on for p in contract.payments if day(p.paid_on) is not None]
    if recorded and start > min(recorded):
        raise ContractError(
            N_(
                "The contract cannot start ({start}) after what is already recorded (the first entry is "
                "dated {date}): remove those entries first."
            ),
            start=start,
            date=min(recorded),
        )


def set_terms(pf: ProjectFile, /, **changes: Any) -> list[str]:
    """Change the contract's terms: ``start_on`` (YYYY-MM-DD), ``term_years`` (≥ 1),
    ``renewals_exercised`` (≥ 0), ``amendment_share_pct`` (%, > 0), ``report_days``
    (≥ 0), ``monthly_fee`` (CAD, '' = not stated), ``notes``; returns the names set,
    sorted. Raises :class:`ContractError`, ``TypeError`` for another name."""
    contract = signed(pf)
    allowed = {"start_on", "term_years", "renewals_exercised", "amendment_share_pct", "report_days"}
    allowed |= {"monthly_fee", "notes"}
    if not set(changes) <= allowed:
        raise TypeError(f"unknown contract terms: {sorted(set(changes) - allowed)}")
    row: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "start_on":
            row[name] = _date(value)
        elif name == "term_years":
            row[name] = _count(value, 1, MAX_TERM_YEARS)
        elif name == "renewals_exercised":
            row[name] = _count(value, 0, MAX_RENEWALS)
        elif name == "report_days":
            row[name] = _count(value, 0, MAX_REPORT_DAYS)
        elif name == "amendment_share_pct":
            share = _pct(value)
            if share is None or share <= 0:
                raise ContractError(N_("The share for amendments is a percentage above 0 and at most 100."))
            row[name] = str(share)
        elif name == "monthly_fee":
            fee = typed_amount(value, blank=True)
            row[name] = "" if fee is None else str(fee)
        else:
            row[name] = _free_text(value, "terms_notes")
    if "start_on" in row:
        _start_fits(contract, row["start_on"])
    _term_months(contract, **{k: v for k, v in row.items() if k in ("term_years", "renewals_exercised")})
    with writing(pf, "set_terms", fields=sorted(row)):
        found = pf.db.execute("SELECT id FROM contract ORDER BY id LIMIT 1").fetchone()
        if found is None:
            pf.db.table("contract").insert({"id": 1, **row})
        elif row:
            pf.db.table("contract").update(found[0], row)
    return sorted(row)


def add_amendment(
    pf: ProjectFile, /, *, amended_on: str, reason: str, value_change: object = 0, term_change_months: int = 0
) -> int:
    """Record an amendment; returns its id. ``value_change`` in CAD (negative for a
    reduction), ``term_change_months`` (negative for a shorter term). Raises
    :class:`ContractError`: no contract, no reason or one over ``codec.MAX_TEXT``
    characters, a date that is not one or before the signature, an amount that is not one, an amendment that changes nothing, that
    brings the value to zero or below, or that ends the term before its own date."""
    contract = signed(pf)
    when = _date(amended_on)
    if when < contract.signed_on:
        raise ContractError(
            N_("An amendment cannot precede the contract's signature ({date})."), date=contract.signed_on
        )
    reason = _free_text(reason, "reason")
    if not reason.strip():
        raise ContractError(N_("An amendment needs its reason."))
    change = typed_amount(value_change, negative=True) or Decimal(0)
    if isinstance(term_change_months, bool) or not isinstance(term_change_months, int):
        raise ContractError(N_("“{value}” is not a whole number of months."), value=term_change_months)
    if change == 0 and term_change_months == 0:
        raise ContractError(N_("This amendment changes neither the value nor the term of the contract."))
    _term_months(contract, moved=term_change_months)
    start = day(contract.start_on)
    if term_change_months < 0 and start is not None:
        # an amendment cannot end the contract before the day it is signed (second walk)
        end = add_months(start, contract.term_months + term_change_months) - dt.timedelta(days=1)
        if end.isoformat() < when:
            raise ContractError(
                N_(
                    "This amendment would end the contract on {end}, before the amendment's own date ({date})."
                ),
                end=end.isoformat(),
                date=when,
            )
    value = contract.current_value
    if change < 0 and value is not None and value + change <= 0:
        raise ContractError(N_("This amendment would bring the contract's value to zero or below."))
    with writing(pf, "add_amendment", value_change=str(change)):
        return int(
            pf.db.table("contract_amendments")
            .insert(
                {
                    "amended_on": when,
                    "reason": reason.strip(),
                    "value_change": str(change),
                    "term_change_months": term_change_months,
                }
            )
            .last_rowid
            or 0
        )


def add_report(
    pf: ProjectFile,
    /,
    *,
    period: str,
    received_on: str,
    availability_pct: object = "",
    credits_due: object = None,
    notes: str = "",
) -> int:
    """Record the supplier's report for ``period`` (YYYY-MM); returns its id.
    ``availability_pct`` measured ('' = not stated); ``credits_due`` in CAD, else the
    credit the availability earns (:func:`follow_up.expected_credit`, 0 when unknown).
    Raises :class:`ContractError`: no contract, a period that is not a month, before the
    contract's start or already reported, a date that is not one or before the month has ended (a report accounts for
    a whole month), an availability outside 0–100, notes over ``codec.MAX_TEXT`` characters."""
    contract = signed(pf)
    notes = _free_text(notes, "report_notes")
    text = str(period).strip()
    if not PERIOD.fullmatch(text):
        raise ContractError(N_("“{value}” is not a month (YYYY-MM)."), value=text)
    _within(dt.date.fromisoformat(f"{text}-01"))
    start = day(contract.start_on)
    if start is not None and text < f"{start:%Y-%m}":
        raise ContractError(
            N_(
                "The report for {period} precedes the contract's start ({date}): the first month reported is {first}."
            ),
            period=text,
            date=contract.start_on,
            first=f"{start:%Y-%m}",
        )
    if contract.report(text) is not None:
        raise ContractError(N_("The report for {period} is already recorded."), period=text)
    received = _date(received_on)
    month_end = add_months(dt.date.fromisoformat(f"{text}-01"), 1)
    if received < month_end.isoformat():
        raise ContractError(
            N_("The report for {period} cannot be received before its month ends ({date} at the earliest)."),
            period=text,
            date=month_end.isoformat(),
        )
    availability = _pct(availability_pct, blank=True)
    due = typed_amount(credits_due, blank=True)
    if due is None:
        due = expected_credit(pf.project, contract, availability) or Decimal(0)
    with writing(pf, "add_report", period=text):
        return int(
            pf.db.table("performance_reports")
            .insert(
                {
                    "period": text,
                    "received_on": received,
                    "availability_pct": "" if availability is None else str(availability),
                    "credits_due": str(due),
                    "notes": notes,
                }
            )
            .last_rowid
            or 0
        )


def add_incident(
    pf: ProjectFile,
    /,
    *,
    started_at: str,
    severity: str = "major",
    security: bool = False,
    notified_at: str = "",
    responded_at: str = "",
    resolved_at: str = "",
    description: str = "",
    report_id: int | None = None,
) -> int:
    """Record an incident (moments ISO 8601 with offset; '' = not yet); returns its id.
    Raises :class:`ContractError`: no contract, an unknown severity or report, a moment
    without its offset or before the start of the incident, a description over
    ``codec.MAX_TEXT`` characters."""
    contract = signed(pf)
    description = _free_text(description, "description")
    if severity not in SEVERITIES:
        raise ContractError(N_("The severity is critical, major or minor: {value}."), value=severity)
    if report_id is not None and not any(r.id == report_id for r in contract.reports):
        raise ContractError(N_("There is no performance report {report}."), report=report_id)
    from wizard.core.bids.intake import town_example

    example = town_example(pf, started_at)  # the town's offset on the incident's day
    start = _moment(started_at, example=example)
    row: dict[str, Any] = {"started_at": start}
    for name, value in (
        ("notified_at", notified_at),
        ("responded_at", responded_at),
        ("resolved_at", resolved_at),
    ):
        row[name] = _moment(value, required=False, example=town_example(pf, value, fallback=started_at))
        moment = parse_moment(row[name])
        begin = parse_moment(start)
        if moment is not None and begin is not None and moment < begin:
            raise ContractError(N_("An incident cannot be answered before it starts ({start})."), start=start)
    row.update(severity=severity, security=int(bool(security)), description=description, report_id=report_id)
    with writing(pf, "add_incident", severity=severity):
        return int(pf.db.table("incidents").insert(row).last_rowid or 0)


NO_LINE = N_("The price form has no line “{value}”; its lines: {lines}.")
"""A payment's line unknown, with the keys it takes (walk 2026-12-07: ``contract pay
--line nonexistent`` did not say which lines there are)."""


def add_payment(
    pf: ProjectFile,
    /,
    *,
    paid_on: str,
    amount: object,
    invoice_number: str = "",
    invoiced_on: str = "",
    credit: object = 0,
    line_key: str = "",
    quantity: object = "",
    unit_price: object = "",
    year: int | None = None,
    notes: str = "",
) -> int:
    """Record an invoice paid (amounts CAD before taxes); returns its id. ``year``: the
    contract year, else computed from ``paid_on`` (:func:`follow_up.contract_year`).
    ``amount`` is what was paid, the ``credit`` deducted beside it: the invoice's total
    is their sum (so a credit may exceed the amount paid: 60 $ credited on a 100 $
    invoice leaves 40 $ paid).

    Raises :class:`ContractError`: no contract, a date or amount that is not one, a day
    paid before the contract's signature, a line the
    price form does not have, a unit-price line without its quantity and unit price, a
    quantity × unit price that is not the invoice's total (amount + credit, to the
    cent: an auditor expects an invoice that adds up, so it is refused rather than
    reported later), no invoice number or one already recorded, an amount with more
    than two decimals, nothing paid: an amount of 0 is taken only with a credit above 0
    (an invoice settled wholly by the credits due), since a payment of 0 $ with no
    credit records nothing an auditor could trace, a year below 1, an invoice number or
    notes over ``codec.MAX_TEXT`` characters."""
    contract = signed(pf)
    invoice_number = _free_text(invoice_number, "invoice_number")
    notes = _free_text(notes, "payment_notes")
    paid = _date(paid_on)
    if paid < contract.signed_on:
        raise ContractError(
            N_("A payment cannot precede the contract's signature ({date})."), date=contract.signed_on
        )
    invoiced = _date(invoiced_on, required=False)
    total = typed_amount(amount) or Decimal(0)
    taken = typed_amount(credit, blank=True) or Decimal(0)
    count = typed_amount(quantity, blank=True, money=False)
    price = typed_amount(unit_price, blank=True)
    key = line_key.strip()
    keys = [line.key for line in price_form(pf.project).lines]
    if key and key not in keys:
        raise ContractError(NO_LINE, value=key, lines=", ".join(keys))
    if key.startswith("unit.") and (count is None or price is None):
        raise ContractError(N_("A unit-price line needs its quantity and its unit price."))
    if count is not None and price is not None and cents(count * price) != cents(total + taken):
        raise ContractError(
            N_(
                "The quantity × the unit price is not the invoice's total (the amount paid plus the credit deducted)."
            )
        )
    if total == 0 and taken == 0:
        raise ContractError(
            N_("A payment is an amount above 0, or a credit above 0 that settles the invoice.")
        )
    number = invoice_number.strip()
    if not number:
        raise ContractError(N_("A payment needs the number of the invoice it pays."))
    if any(p.invoice_number == number for p in contract.payments):
        raise ContractError(N_("Invoice {number} is already recorded."), number=number)
    found_year = contract_year(contract, paid) if year is None else _count(year, 1, MAX_CONTRACT_YEAR)
    with writing(pf, "add_payment", amount=str(total)):
        return int(
            pf.db.table("payments")
            .insert(
                {
                    "invoice_number": number,
                    "invoiced_on": invoiced,
                    "paid_on": paid,
                    "amount": str(total),
                    "credit": str(taken),
                    "line_key": key,
                    "quantity": "" if count is None else str(count),
                    "unit_price": "" if price is None else str(price),
                    "year": found_year,
                    "notes": notes,
                }
            )
            .last_rowid
            or 0
        )


_NO_ENTRY: dict[str, str] = {
    "amendment": N_("There is no amendment A{number}."),
    "report": N_("There is no performance report R{number}."),
    "incident": N_("There is no incident I{number}."),
    "payment": N_("There is no payment P{number}."),
}
"""The refusal of :func:`remove` for an unknown entry, naming its kind and its number as
``contract show`` lists it (second walk)."""


def remove(pf: ProjectFile, /, kind: Kind, row_id: int) -> None:
    """Take out a wrong entry (an amendment, report, incident or payment); a report's
    incidents stay, no longer attached to it. Raises :class:`ContractError` for an
    unknown one."""
    signed(pf)
    table = BY_NAME[kind].table
    if pf.db.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', (row_id,)).fetchone() is None:
        raise ContractError(_NO_ENTRY[kind], number=row_id)
    with writing(pf, "remove", kind=kind, id=row_id):
        if kind == "report":
            pf.db.execute("UPDATE incidents SET report_id = NULL WHERE report_id = ?", (row_id,))
        pf.db.execute(f'DELETE FROM "{table}" WHERE id = ?', (row_id,))
