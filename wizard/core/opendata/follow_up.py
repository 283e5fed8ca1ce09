"""The open data of the contract's follow-up (issue 23, docs/contract.md, "Outputs").

* :func:`follow_up_csvs` — ``contract.csv`` (one row: the contract as signed and as
  amended), ``contract-amendments.csv``, ``performance.csv`` (one row per monthly
  report), ``payments.csv`` (one row per invoice paid) and ``unit-prices.csv`` (the
  bid's unit rates and what was billed at them), in the CSV format of ``csv_export``;
  their columns are in docs/data-dictionary.md.
* :func:`implementation_release` — the OCDS release of the contract's implementation,
  tag ``implementation`` (and ``contractAmendment`` once amended): the last published
  release's values, the award and the contract (those of the award's ``contract`` release
  when it precedes, with their ids; else ``1`` and ``1``, the supplier ``bidder-<bid>``)
  with its value as amended, its period,
  its amendments, ``implementation.transactions`` (each payment: payer the Town, payee
  the supplier) and ``implementation.milestones`` (each monthly report: type
  ``reporting``, due, met on the day it was received or not met). Dated by the latest
  entry of the follow-up (its day's end in the town's zone), at least a second after the
  release it follows; its id by the same rule as every release (``identity.with_id``).

What is published respects the people and the supplier: personal names are withheld
(``common.Scrubber``: the project's people unless the Town opted in; the supplier's
contact never), and a supplier that designated trade secrets in its bid gets its unit
rates withheld from ``unit-prices.csv`` with that designation named, when the
designation names its prices (:func:`withheld_rates`; what was billed and paid is
public money and stays).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from wizard.core.contract.follow_up import as_of, schedule, standing
from wizard.core.contract.record import Contract, FollowUp, Payment, day
from wizard.core.csv_cells import to_csv
from wizard.core.documents.record_tco import money
from wizard.core.i18n import N_, ntr, tr
from wizard.core.model import Project
from wizard.core.opendata.common import Scrubber
from wizard.core.opendata.csv_export import Column, header
from wizard.core.opendata.identity import with_id
from wizard.core.opendata.milestones import end_of, parse_moment, start_of

CONTRACT_FILE = "contract.csv"
AMENDMENTS_FILE = "contract-amendments.csv"
PERFORMANCE_FILE = "performance.csv"
PAYMENTS_FILE = "payments.csv"
UNIT_PRICES_FILE = "unit-prices.csv"

CONTRACT_COLUMNS: tuple[Column, ...] = (
    Column("supplier", N_("The supplier's legal name, as in its bid.")),
    Column("signed_on", N_("Date the contract was signed (YYYY-MM-DD).")),
    Column("value", N_("The contract's value when signed, in CAD before taxes.")),
    Column("amended_value", N_("The contract's value with every amendment, in CAD before taxes.")),
    Column("start_on", N_("First day of the contract (YYYY-MM-DD).")),
    Column(
        "end_on",
        N_(
            "Last day of the contract's term so far (YYYY-MM-DD): the initial term, the renewals exercised and the amendments."
        ),
    ),
    Column("renewals_exercised", N_("How many renewals the Town has exercised.")),
    Column("paid", N_("Everything paid so far, in CAD before taxes.")),
    Column("credits_due", N_("Service credits due by the performance reports, in CAD.")),
    Column("credits_taken", N_("Service credits deducted from the payments, in CAD.")),
    Column(
        "as_of",
        N_(
            "The day these files stand at (YYYY-MM-DD): the follow-up's latest entry, unless the export named "
            "another day; reports due after it are not listed as missing."
        ),
    ),
)
AMENDMENT_COLUMNS: tuple[Column, ...] = (
    Column("amendment", N_("Number of the amendment (1, 2 … in order of date).")),
    Column("amended_on", N_("Date of the amendment (YYYY-MM-DD).")),
    Column(
        "reason", N_("Why the contract was amended, as recorded (people's names withheld unless published).")
    ),
    Column(
        "value_change",
        N_("The amendment's effect on the value, in CAD before taxes (negative for a reduction)."),
    ),
    Column("term_change_months", N_("The amendment's effect on the term, in months.")),
)
PERFORMANCE_COLUMNS: tuple[Column, ...] = (
    Column("period", N_("The month the report covers (YYYY-MM).")),
    Column("due_on", N_("The day the report was due (YYYY-MM-DD).")),
    Column("received_on", N_("The day the Town received it (YYYY-MM-DD); empty while missing.")),
    Column("availability_pct", N_("Availability of the service measured that month, in %.")),
    Column("availability_target_pct", N_("Availability the contract requires each month, in %.")),
    Column("incidents", N_("Incidents the report accounts for.")),
    Column("credits_due", N_("Service credits due for the month, in CAD.")),
)
PAYMENT_COLUMNS: tuple[Column, ...] = (
    Column("invoice", N_("The supplier's invoice number, as recorded.")),
    Column("invoiced_on", N_("Date of the invoice (YYYY-MM-DD); may be empty.")),
    Column("paid_on", N_("Date of the payment (YYYY-MM-DD).")),
    Column("year", N_("Contract year of the payment (1 = the twelve months from the start).")),
    Column(
        "line", N_("The price form's line the invoice bills (one_off.training, unit.hour …); may be empty.")
    ),
    Column("quantity", N_("Quantity billed at a unit price; may be empty.")),
    Column("unit_price", N_("Unit price billed, in CAD before taxes; may be empty.")),
    Column("amount", N_("Amount paid, in CAD before taxes.")),
    Column("credit", N_("Service credit deducted from the invoice, in CAD.")),
)
UNIT_PRICE_COLUMNS: tuple[Column, ...] = (
    Column("line", N_("The price form's unit-rate line (unit.hour, unit.user …).")),
    Column("bid_rate", N_("The rate in the winning bid, in CAD before taxes; empty when withheld.")),
    Column(
        "withheld",
        N_("Why the rate is withheld: the supplier's trade-secret designation; empty when published."),
    ),
    Column("quantity_billed", N_("Quantity billed at this line so far.")),
    Column(
        "amount_billed",
        N_(
            "Amount billed at this line so far: each invoice's quantity × unit price (its total before any "
            "service credit), in CAD before taxes."
        ),
    ),
    Column("credit_deducted", N_("Service credits deducted from those invoices, in CAD.")),
    Column(
        "amount_paid",
        N_(
            "Amount paid for this line so far: the amount billed less the credits deducted, in CAD before taxes."
        ),
    ),
)

FILES: tuple[tuple[str, tuple[Column, ...]], ...] = (
    (CONTRACT_FILE, CONTRACT_COLUMNS),
    (AMENDMENTS_FILE, AMENDMENT_COLUMNS),
    (PERFORMANCE_FILE, PERFORMANCE_COLUMNS),
    (PAYMENTS_FILE, PAYMENT_COLUMNS),
    (UNIT_PRICES_FILE, UNIT_PRICE_COLUMNS),
)
"""Every CSV of the follow-up with its columns (the data dictionary's source)."""

MONEY = Decimal("0.01")

PRICE_WORDS = re.compile(
    r"\b(prix|price|prices|pricing|tarif\w*|taux|rates?|bordereau|unit\w*)\b", re.IGNORECASE
)
"""Words of a trade-secret designation that name the prices (French or English): the
unit rates are withheld only when the supplier designated them, not for a designation
of, say, its technical architecture."""


def withheld_rates(follow: FollowUp) -> str:
    """The supplier's trade-secret designation when it names its prices (its unit rates
    are then withheld), else ''."""
    text = follow.trade_secret.strip()
    return text if text and PRICE_WORDS.search(text) else ""


def _money(value: Decimal | None) -> str:
    return "" if value is None else str(value.quantize(MONEY))


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value.normalize(), "f")


def amendment_text(value_change: Decimal, months: int, lang: str) -> str:
    """An amendment's effect in words, amounts as ``lang`` writes them: "Value increased
    by $1,800.00.", « Valeur augmentée de 1 800,00 $. Durée prolongée de 6 mois. »; only
    what changes."""
    parts = []
    if value_change > 0:
        parts.append(tr(N_("Value increased by {amount}."), lang, amount=money(value_change, lang)))
    elif value_change < 0:
        parts.append(tr(N_("Value reduced by {amount}."), lang, amount=money(-value_change, lang)))
    if months > 0:
        parts.append(ntr("Term extended by {count} month.", "Term extended by {count} months.", months, lang))
    elif months < 0:
        parts.append(
            ntr("Term shortened by {count} month.", "Term shortened by {count} months.", -months, lang)
        )
    return " ".join(parts)


def billed(payments: Iterable[Payment]) -> tuple[Decimal, Decimal, Decimal]:
    """What ``payments`` billed, the credits deducted and what was paid (CAD): an
    invoice's billed total is its quantity × unit price, which the operations make equal
    to the amount paid plus the credit deducted (that sum when either is missing).

    Principle: "billed" is what the supplier invoiced at the bid's rate (10 hours at
    95 $ = 950 $), the credit a separate deduction; calling the 900 $ paid "billed"
    hid the credit (walk defect 6)."""
    total = credits = paid = Decimal(0)
    for p in payments:
        each = p.quantity * p.unit_price if p.quantity is not None and p.unit_price is not None else None
        total += each if each is not None else p.amount + p.credit
        credits += p.credit
        paid += p.amount
    return total, credits, paid


def today_of(contract: Contract) -> dt.date:
    """The day the follow-up stands at: :func:`wizard.core.contract.follow_up.as_of`
    (the one function the findings call too)."""
    return as_of(contract)


def follow_up_csvs(project: Project, follow: FollowUp, lang: str) -> dict[str, bytes]:
    """File name → content of each CSV of the follow-up (module docstring), free texts
    in ``lang`` with personal names withheld, as the follow-up stood on its day
    (``follow_up.standing``)."""
    c = standing(follow.contract)
    scrub = Scrubber(project, lang)
    target = Decimal(project.statement_of_work.availability_pct)
    contract = [
        header(CONTRACT_COLUMNS),
        [
            c.supplier,
            c.signed_on,
            _money(c.value),
            _money(c.current_value),
            c.start_on,
            c.end_on,
            str(c.renewals_exercised),
            _money(c.paid),
            _money(c.credits_due),
            _money(c.credits_taken),
            today_of(c).isoformat(),
        ],
    ]
    amendments = [header(AMENDMENT_COLUMNS)] + [
        [str(n), a.amended_on, scrub.text(a.reason), _money(a.value_change), str(a.term_change_months)]
        for n, a in enumerate(c.amendments, 1)
    ]
    incidents: dict[int, int] = {}
    for incident in c.incidents:
        if incident.report_id is not None:
            incidents[incident.report_id] = incidents.get(incident.report_id, 0) + 1
    due = {d.period: d.due.isoformat() for d in schedule(c, today_of(c))}
    periods = sorted(set(due) | {r.period for r in c.reports})
    performance = [header(PERFORMANCE_COLUMNS)]
    for period in periods:
        report = c.report(period)
        performance.append(
            [
                period,
                due.get(period, ""),
                report.received_on if report else "",
                _plain(report.availability_pct) if report else "",
                _plain(target),
                str(incidents.get(report.id, 0)) if report else "",
                _money(report.credits_due) if report else "",
            ]
        )
    payments = [header(PAYMENT_COLUMNS)] + [
        [
            p.invoice_number,
            p.invoiced_on,
            p.paid_on,
            str(p.year),
            p.line_key,
            _plain(p.quantity),
            _money(p.unit_price),
            _money(p.amount),
            _money(p.credit),
        ]
        for p in c.payments
    ]
    withheld = (
        tr(
            N_("Trade secret designated by the supplier: {designation}"),
            lang,
            designation=withheld_rates(follow),
        )
        if withheld_rates(follow)
        else ""
    )
    units = [header(UNIT_PRICE_COLUMNS)]
    for key in sorted(set(follow.rates) | {p.line_key for p in c.payments if p.line_key.startswith("unit.")}):
        lines = [p for p in c.payments if p.line_key == key]
        rate = follow.rates.get(key)
        amount, credits, paid = billed(lines)
        units.append(
            [
                key,
                "" if withheld else _money(rate),
                withheld,
                _plain(sum((p.quantity or Decimal(0) for p in lines), Decimal(0))),
                _money(amount),
                _money(credits),
                _money(paid),
            ]
        )
    return {
        CONTRACT_FILE: to_csv(contract),
        AMENDMENTS_FILE: to_csv(amendments),
        PERFORMANCE_FILE: to_csv(performance),
        PAYMENTS_FILE: to_csv(payments),
        UNIT_PRICES_FILE: to_csv(units),
    }


def _amount(value: Decimal) -> dict[str, Any]:
    cents = value.quantize(MONEY)
    return {"amount": int(cents) if cents == cents.to_integral_value() else float(cents), "currency": "CAD"}


def _later(moment: str | None, previous: str) -> str:
    """``moment``, or a second after ``previous`` when it is not later."""
    before = parse_moment(previous)
    when = parse_moment(moment)
    if before is None:
        return moment or previous
    if when is None or when <= before:
        stamp = (before + dt.timedelta(seconds=1)).isoformat(timespec="seconds")
        return stamp[:-6] + "Z" if stamp.endswith("+00:00") else stamp
    return str(moment)


def implementation_release(
    project: Project, follow: FollowUp, previous: dict[str, Any], lang: str
) -> dict[str, Any]:
    """The implementation release (module docstring) following ``previous`` (the last
    release published: the tender's or an addendum's), as the follow-up stood on its day
    (``follow_up.standing``)."""
    c = standing(follow.contract)
    info = project.info
    scrub = Scrubber(project, lang)
    release = copy.deepcopy(previous)
    release.pop("id", None)
    release["tag"] = ["implementation", "contractAmendment"] if c.amendments else ["implementation"]
    release["date"] = _later(end_of(info, today_of(c).isoformat()), previous.get("date", ""))
    if isinstance(release.get("tender"), dict):
        release["tender"]["status"] = "complete"  # awarded and signed (opendata/awards.py)
    buyer = release.get("buyer") or {"id": "buyer", "name": info.organization}
    awards = release.get("awards") or []
    found = (release.get("contracts") or [None])[0]
    if found is not None and any(a.get("id") == found.get("awardID") for a in awards):
        # the contract release of the award (opendata/awards.py): the same ids, amended below
        contract: dict[str, Any] = copy.deepcopy(found)
        award = next(a for a in awards if a.get("id") == found.get("awardID"))
        supplier = (award.get("suppliers") or [{"id": f"bidder-{c.bid_id}", "name": c.supplier}])[0]
    else:
        supplier = {"id": f"bidder-{c.bid_id}", "name": c.supplier}
        award = {"id": "1", "status": "active", "suppliers": [supplier]}
        if c.value is not None:
            award["value"] = _amount(c.value)
        release["awards"] = [award]
        contract = {"id": "1", "awardID": "1"}
    parties = release.get("parties", [])
    if not any(p.get("id") == supplier.get("id") for p in parties):
        parties.append({**supplier, "roles": ["supplier"]})
    for party in parties:
        wanted = (
            "payer"
            if party.get("id") == buyer.get("id")
            else "payee"
            if party.get("id") == supplier.get("id")
            else ""
        )
        if wanted and wanted not in party.get("roles", []):
            party["roles"] = [*party.get("roles", []), wanted]
    release["parties"] = parties
    contract["status"] = "active"
    contract["dateSigned"] = end_of(info, c.signed_on) or c.signed_on
    if c.current_value is not None:
        contract["value"] = _amount(c.current_value)
    period = {"startDate": start_of(info, c.start_on), "endDate": end_of(info, c.end_on)}
    if all(period.values()):
        contract["period"] = period
    if c.amendments:
        contract["amendments"] = [
            {
                "id": str(n),
                "date": end_of(info, a.amended_on),
                "rationale": scrub.text(a.reason),
                "description": amendment_text(a.value_change, a.term_change_months, lang),
            }
            for n, a in enumerate(c.amendments, 1)
        ]
    transactions = [
        {
            "id": f"payment-{p.id}",
            "date": end_of(info, p.paid_on),
            "value": _amount(p.amount),
            "payer": {"id": buyer.get("id"), "name": buyer.get("name")},
            "payee": {"id": supplier.get("id"), "name": supplier.get("name")},
        }
        for p in c.payments
    ]
    stands_at = today_of(c)
    milestones = []
    for due in schedule(c, stands_at):
        report = c.report(due.period)
        item: dict[str, Any] = {
            "id": f"report-{due.period}",
            "title": tr(N_("Performance report for {period}"), lang, period=due.period),
            "type": "reporting",
            "dueDate": end_of(info, due.due.isoformat()),
        }
        received = day(report.received_on) if report else None
        if received is not None:
            item["status"] = "met" if received <= due.due else "partiallyMet"
            item["dateMet"] = end_of(info, received.isoformat())
        else:
            item["status"] = "notMet" if due.due < stands_at else "scheduled"
        milestones.append(item)
    implementation: dict[str, Any] = {}
    if transactions:
        implementation["transactions"] = transactions
    if milestones:
        implementation["milestones"] = milestones
    if implementation:
        contract["implementation"] = implementation
    release["contracts"] = [contract]
    return with_id(release)
