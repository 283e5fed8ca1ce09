"""Findings on the contract's follow-up (issue 23, docs/contract.md), with the red flags
of the Open Contracting Partnership they match (*Red Flags in Public Procurement*; R064
and R068 as issue 23 numbers them, to be confirmed by counsel: :data:`RED_FLAGS`).

``check_contract(project, contract, as_of_day, rates, today=)`` reads the contract
(:class:`wizard.core.contract.record.Contract`, ``None`` before one is signed: no
finding) beside the project, as of the day :func:`wizard.core.contract.follow_up.as_of`
decides (the checks stay pure: the caller gives ``as_of_day``, YYYY-MM-DD, or the
clock's ``today``; neither: the latest entry, the day the exported documents stand
at); ``rates``: the winning bid's unit rates (line key → CAD, from the
opened price workbook; empty when unknown).

* ``CT-AMENDMENT-SHARE`` (warning, red flag R064): the amendments raise the contract's
  value by more than the Town's share (``Contract.amendment_share_pct``, 10 % by
  default, to be confirmed by counsel): a contract grown that much after the
  competition is a contract other bidders never priced.
* ``CT-PAYMENTS-EXCEED`` (error, red flag R068): the payments exceed the contract's
  value as amended.
* ``CT-REPORT-MISSING`` (warning): monthly performance reports due by today were never
  received (the tender's clause asks for one each month).
* ``CT-REPORT-LATE`` (info): reports received after their due day.
* ``CT-CREDITS-NOT-TAKEN`` (warning): service credits due by the reports received
  before the last payment were not deducted from the payments.
* ``CT-CREDITS-EXCESS`` (warning): the payments deducted more service credits than the
  reports received before the last payment give (``pay --amount 10 --credit 500``
  against 50 $ due): a credit the Town takes without a report that gives it is a
  typing error or a deduction the supplier may dispute; it is reported, not refused,
  since a report may be recorded after the payment that deducts its credit.
* ``CT-PAID-AFTER-END`` (warning): a payment dated after the last day of the term
  (renewals and amendments included): a payment for services after the term needs a
  renewal or an amendment recorded first, or its date is a typing error; without this
  finding the documents would silently stand at that later day.
* ``CT-PAID-BEFORE-START`` (warning): a payment dated before the contract's start
  (``Contract.start_on``): nothing is owed for services not yet begun, so it is an
  advance the contract must provide for, or its date is a typing error.
* ``CT-UNIT-PRICE`` (warning): an invoice bills a unit-price line above the winning
  bid's rate.
* ``CT-NOTICE-LATE`` (warning): a security incident notified to the Town later than the
  tender's clause requires (24 hours; 4 hours for a mission-critical system), or with no
  notice recorded (two messages: a notice recorded is never said to be missing).

* ``CT-ENTRY-INVALID`` (error): a stored value the follow-up cannot use (a date outside
  its range, an amount beyond a billion dollars, a term beyond its bounds: a file
  written before the operations refused them, or edited by hand;
  ``contract.record.SetAside``): its entry is left out, so the totals and documents
  would silently differ from the register without this finding.

Fields: ``contract.amendments``, ``contract.payments``, ``contract.reports``,
``contract.incidents``: none is a step's field, so the findings show with the review's
(:func:`wizard.core.steps.step_of_field`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.contract.entries import PAYMENT, kind_of
from wizard.core.contract.follow_up import as_of, schedule, standing
from wizard.core.contract.record import Contract, day, field_label
from wizard.core.documents.evaluation_common import moment
from wizard.core.domain.timezones import zone_of
from wizard.core.i18n import N_, Localized, Plural
from wizard.core.i18n.formats import percent
from wizard.core.model import Project

RED_FLAGS: dict[str, tuple[str, str, bool]] = {
    "R064": ("Contract amended to increase its value (as issue 23 names it)", "", False),
    "R068": ("Payments exceed the contract's value (as issue 23 names it)", "", False),
}
"""The Open Contracting Partnership's red flags these checks name: number → (title,
source, confirmed), as ``checks/bids.py`` keeps its own. R064 and R068 are the numbers
issue 23 gives; neither is among the indicators the Cardinal documentation lists
(https://cardinal.readthedocs.io/en/latest/cli/indicators/, checked 2026-12-06), and the
Partnership's full list could not be read to confirm them: the findings say so with the
house phrase, "to be confirmed by counsel", never a note to ourselves."""


def red_flag(number: str) -> Localized:
    """How a finding names red flag ``number`` (:data:`RED_FLAGS`): "red flag R064 of the
    Open Contracting Partnership", with ", to be confirmed by counsel" while the number
    is not confirmed."""
    confirmed = RED_FLAGS[number][2]
    return Localized(
        fr=f"signal d’alerte {number} de l’Open Contracting Partnership"
        + ("" if confirmed else ", à faire confirmer par les conseillers juridiques"),
        en=f"red flag {number} of the Open Contracting Partnership"
        + ("" if confirmed else ", to be confirmed by counsel"),
    )


NOTICE_HOURS = 24
NOTICE_HOURS_CRITICAL = 4
"""Hours within which the tender's clause *security-incident* has the Contractor notify
the Town of a security incident (four for a mission-critical system)."""


def cad(amount: Decimal) -> Localized:
    """An amount with its cents, as each language writes it: « 12 345,67 $ », "$12,345.67"."""
    text = f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
    return Localized(fr=text.replace(",", "\u00a0").replace(".", ",") + "\u00a0$", en=f"${text}")


def pct(value: Decimal) -> Localized:
    """A percentage to the tenth: « 12,6 % », "12.6%"."""
    return Localized(fr=percent(value, "fr", decimals=1), en=percent(value, "en", decimals=1))


def _hours(value: Decimal) -> Localized:
    """Hours as each language writes them, without trailing zeros: « 25,5 », "25.5"; "96"."""
    text = f"{value.normalize():f}"
    return Localized(fr=text.replace(".", ","), en=text)


def _amendments(contract: Contract) -> list[Finding]:
    if not contract.value:
        return []
    raised = sum((a.value_change for a in contract.amendments if a.value_change > 0), Decimal(0))
    share = raised * 100 / contract.value
    if share <= contract.amendment_share_pct:
        return []
    if contract.share_set:
        text = N_(
            "The amendments raise the contract's value by {amount} ({share} of {value}), beyond the "
            "Town's share of {limit}: a contract grown that much after the competition is one the other "
            "bidders never priced; have the amendments approved as the original contract was, or call "
            "for tenders ({flag})."
        )
    else:  # the default share: never said to be the Town's own (second walk)
        text = N_(
            "The amendments raise the contract's value by {amount} ({share} of {value}), beyond the "
            "default share ({limit}): the Town has not set its own. A contract grown that much after the "
            "competition is one the other bidders never priced; have the amendments approved as the "
            "original contract was, or call for tenders ({flag})."
        )
    return [
        finding(
            "CT-AMENDMENT-SHARE",
            Severity.WARNING,
            text,
            "contract.amendments",
            principles.FOLLOW_UP,
            amount=cad(raised),
            share=pct(share),
            value=cad(contract.value),
            limit=pct(contract.amendment_share_pct),
            flag=red_flag("R064"),
        )
    ]


def _payments(contract: Contract) -> list[Finding]:
    value = contract.current_value
    if value is None or contract.paid <= value:
        return []
    return [
        finding(
            "CT-PAYMENTS-EXCEED",
            Severity.ERROR,
            N_(
                "The payments ({paid}) exceed the contract's value as amended ({value}) by {over}: a payment "
                "beyond the contract needs an amendment approved first ({flag})."
            ),
            "contract.payments",
            principles.FOLLOW_UP,
            paid=cad(contract.paid),
            value=cad(value),
            over=cad(contract.paid - value),
            flag=red_flag("R068"),
        )
    ]


def _reports(contract: Contract, today: dt.date) -> list[Finding]:
    found: list[Finding] = []
    expected = schedule(contract, today)
    missing = [d.period for d in expected if d.due < today and contract.report(d.period) is None]
    if missing:
        found.append(
            finding(
                "CT-REPORT-MISSING",
                Severity.WARNING,
                Plural(
                    "The performance report for {periods} is past due and was not received: the contract "
                    "requires one each month; ask the supplier for it in writing.",
                    "The performance reports for {periods} are past due and were not received: "
                    "the contract requires one each month; ask the supplier for them in writing.",
                    len(missing),
                ),
                "contract.reports",
                principles.FOLLOW_UP,
                periods=", ".join(missing),
            )
        )
    due_of = {d.period: d.due for d in expected}
    late = [
        r.period
        for r in contract.reports
        if r.period in due_of and (received := day(r.received_on)) is not None and received > due_of[r.period]
    ]
    if late:
        found.append(
            finding(
                "CT-REPORT-LATE",
                Severity.INFO,
                Plural(
                    "The performance report for {periods} was received after its due day ({days} days after "
                    "the month).",
                    "The performance reports for {periods} were received after their due day ({days} days "
                    "after the month).",
                    len(late),
                ),
                "contract.reports",
                principles.FOLLOW_UP,
                periods=", ".join(late),
                days=contract.report_days,
            )
        )
    return found


def _credits(contract: Contract) -> list[Finding]:
    if not contract.payments:
        return []
    last = max(p.paid_on for p in contract.payments)
    due = sum(
        (r.credits_due for r in contract.reports if r.received_on and r.received_on <= last), Decimal(0)
    )
    missing = due - contract.credits_taken
    if missing < 0:
        return [
            finding(
                "CT-CREDITS-EXCESS",
                Severity.WARNING,
                N_(
                    "The payments deducted {taken} of service credits, but the performance reports received by "
                    "{date} give only {due}: {excess} was deducted beyond the credits due. Check the credit "
                    "recorded with each invoice, or record the report that gives it."
                ),
                "contract.payments",
                principles.FOLLOW_UP,
                date=last,
                due=cad(due),
                taken=cad(contract.credits_taken),
                excess=cad(-missing),
            )
        ]
    if missing == 0:
        return []
    return [
        finding(
            "CT-CREDITS-NOT-TAKEN",
            Severity.WARNING,
            N_(
                "The performance reports received by {date} give {due} of service credits, and the payments "
                "deducted {taken}: {missing} is still owed to the Town; deduct it from the next invoice."
            ),
            "contract.payments",
            principles.FOLLOW_UP,
            date=last,
            due=cad(due),
            taken=cad(contract.credits_taken),
            missing=cad(missing),
        )
    ]


def _after_end(contract: Contract) -> list[Finding]:
    end = day(contract.end_on)
    if end is None:
        return []
    return [
        finding(
            "CT-PAID-AFTER-END",
            Severity.WARNING,
            N_(
                "Invoice {invoice} was paid on {date}, after the end of the contract's term ({end}, renewals "
                "and amendments included): record the renewal or the amendment that extends the term, or "
                "correct the date; the follow-up and its documents stand at the latest entry, {date}."
            ),
            "contract.payments",
            principles.FOLLOW_UP,
            invoice=p.invoice_number or PAYMENT.number(p.id),
            date=p.paid_on,
            end=contract.end_on,
        )
        for p in contract.payments
        if (paid := day(p.paid_on)) is not None and paid > end
    ]


def _before_start(contract: Contract) -> list[Finding]:
    start = day(contract.start_on)
    if start is None:
        return []
    return [
        finding(
            "CT-PAID-BEFORE-START",
            Severity.WARNING,
            N_(
                "Invoice {invoice} was paid on {date}, before the contract's start ({start}): nothing "
                "is owed for services not yet begun. Correct the date, or record the advance the "
                "contract provides for in the contract's notes."
            ),
            "contract.payments",
            principles.FOLLOW_UP,
            invoice=p.invoice_number or PAYMENT.number(p.id),
            date=p.paid_on,
            start=contract.start_on,
        )
        for p in contract.payments
        if (paid := day(p.paid_on)) is not None and paid < start
    ]


def _unit_prices(project: Project, contract: Contract, rates: Mapping[str, Decimal]) -> list[Finding]:
    from wizard.core.documents.follow_up import line_label  # the price form's label, as the documents say it

    found: list[Finding] = []
    for p in contract.payments:
        rate = rates.get(p.line_key)
        if rate is None or p.unit_price is None or p.unit_price <= rate:
            continue
        found.append(
            finding(
                "CT-UNIT-PRICE",
                Severity.WARNING,
                N_(
                    "Invoice {invoice} of {date} bills {line} at {price} a unit, above the bid's rate of "
                    "{rate}: the contract's prices are those of the bid, adjusted only as its clause allows."
                ),
                "contract.payments",
                principles.FOLLOW_UP,
                invoice=p.invoice_number or f"#{p.id}",
                date=p.paid_on,
                line=Localized(
                    fr=line_label(project, p.line_key, "fr"), en=line_label(project, p.line_key, "en")
                ),
                price=cad(p.unit_price),
                rate=cad(rate),
            )
        )
    return found


def _notices(project: Project, contract: Contract) -> list[Finding]:
    limit = NOTICE_HOURS_CRITICAL if project.scope.mission_critical else NOTICE_HOURS
    found: list[Finding] = []
    for incident in contract.incidents:
        if not incident.security:
            continue
        hours = incident.hours_to("notified_at")
        if hours is not None and hours <= limit:
            continue
        # in the Town's zone, named as the contract documents name it (« heure de l’Atlantique »)
        zone = zone_of(project.info)
        start = Localized(
            fr=moment(incident.started_at, "fr", zone), en=moment(incident.started_at, "en", zone)
        )
        if hours is None:
            text = N_(
                "No notice to the Town is recorded for the security incident of {start}; the contract "
                "requires a written notice within {limit} hours."
            )
        else:
            text = N_(
                "The security incident of {start} was notified to the Town after {hours} hours; the "
                "contract requires a written notice within {limit} hours."
            )
        found.append(
            finding(
                "CT-NOTICE-LATE",
                Severity.WARNING,
                text,
                "contract.incidents",
                principles.FOLLOW_UP,
                start=start,
                hours=_hours(hours or Decimal(0)),
                limit=limit,
            )
        )
    return found


def _set_aside_field(entry: str) -> str:
    """Where CT-ENTRY-INVALID points for a value set aside in ``entry`` (``SetAside.entry``):
    the award, the kind of an entry (``P5`` → ``contract.payments``), else the terms."""
    if entry == "award":
        return "bids.award"
    kind = kind_of(entry)
    return kind.field if kind is not None else "contract.terms"


def _set_aside(contract: Contract) -> list[Finding]:
    found: list[Finding] = []
    for entry in contract.set_aside:
        if entry.entry == "award":
            text = N_(
                "The award's contract value (“{value}”) is beyond what the follow-up can count (a billion "
                "dollars at most): the follow-up shows no value until the award is corrected."
            )
        elif entry.entry == "terms":
            text = N_(
                "The contract's terms hold a value the follow-up cannot use ({name}: “{value}”): its default "
                "is used in the totals, the findings and the documents until it is corrected."
            )
        else:
            text = N_(
                "Entry {entry} of the contract's follow-up holds a value the follow-up cannot use ({name}: "
                "“{value}”): it is left out of the totals, the findings and the documents until it is removed."
            )
        found.append(
            finding(
                "CT-ENTRY-INVALID",
                Severity.ERROR,
                text,
                _set_aside_field(entry.entry),
                principles.FOLLOW_UP,
                entry=entry.entry,
                name=field_label(entry.field),
                value=entry.value[:40],
            )
        )
    return found


def check_contract(
    project: Project,
    contract: Contract | None,
    as_of_day: str = "",
    rates: Mapping[str, Decimal] | None = None,
    *,
    today: dt.date | None = None,
) -> list[Finding]:
    """The findings on the contract's follow-up (module docstring) as of the day
    :func:`~wizard.core.contract.follow_up.as_of` decides: ``as_of_day`` (YYYY-MM-DD)
    when given, else ``contract.as_of``, else ``today`` (the clock, given by the views)
    or the latest entry when later, else the latest entry. None without a contract or
    with an ``as_of_day`` that is not a day."""
    if contract is None or (as_of_day and day(as_of_day) is None):
        return []
    when = as_of(dataclasses.replace(contract, as_of=as_of_day) if as_of_day else contract, today)
    contract = standing(contract, when)  # what happened later is not judged (walk defect 5)
    return (
        _set_aside(contract)
        + _amendments(contract)
        + _payments(contract)
        + _reports(contract, when)
        + _credits(contract)
        + _before_start(contract)
        + _after_end(contract)
        + _unit_prices(project, contract, rates or {})
        + _notices(project, contract)
    )
