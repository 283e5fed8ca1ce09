"""Checks of the statement of work and contract terms (docs/statement-of-work.md).

Codes:

* ``SW-RANGE`` (error): a quantity, a period, a service level, an amount of insurance or
  a payment term is outside its bounds (:data:`wizard.core.model.bounds.BOUNDS`); the
  documents then use the nearest limit. Guide principle: a complete tender states every
  term with a value a bidder can price.
* ``SW-OBJECT`` (warning): no object of the contract. Bidders price what the contract
  buys; the need alone does not say it (principle: a complete tender).
* ``SW-HOSTED-SLA`` (warning): the vendor hosts the solution (``scope.vendor_hosting``)
  but no availability or no response or resolution time is stated: the Town would
  depend on a service nobody promised to keep running (principle: mission-critical and
  hosted systems are high-risk and need stronger clauses).
* ``SW-RECOVERY`` (warning): a mission-critical system (``scope.mission_critical``)
  without a recovery time objective or a recovery point objective (0): after a disaster
  nothing says how fast the service returns or how much data may be lost (same principle).
* ``SW-LIABILITY`` (warning): no limitation of liability stated (the vendor's own terms
  then decide), an unlimited liability (vendors price in an unlimited risk or qualify
  their bids), or a cap at a multiple of 0 (no liability at all). Principle: a complete
  tender states every term with a value a bidder can price.
* ``SW-TERM-HORIZON`` (warning): the term with every renewal is longer than the horizon
  of the total cost of ownership: council would approve a cost that leaves the last
  years out (principle: total cost of ownership).
* ``SW-ACCEPTANCE`` (warning): deliverables are asked for (any ``deliver_*`` or other
  deliverables) without acceptance testing (``acceptance_days`` 0): the Town could not
  refuse a deliverable that does not work before paying for it (principle: a complete
  tender).
* ``SW-ENCRYPTION`` (warning): the system holds personal information or the vendor
  hosts the Town's data, and encryption in transit and at rest is not required. Both
  cases put the data where someone else can intercept or copy it; encryption is the
  baseline protection the contract must demand (principle: protect personal information
  by contract).
* ``SW-CYBER-INSURANCE`` (warning): the vendor hosts the Town's data and no cyber and
  privacy liability insurance is required. A breach then happens on the vendor's side,
  and only its insurance makes sure the cost of notice, recovery and claims is paid.
  When the Town keeps its data in-house, a vendor's cyber policy covers little of the
  Town's own risk, so no finding (same principle).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import tco
from wizard.core.i18n import N_, Localized, Plural, tr
from wizard.core.model import Project
from wizard.core.model.bounds import clamp, in_range, message_params

LABELS: dict[str, str] = {
    "users": N_("The number of users"),
    "sites": N_("The number of sites"),
    "devices": N_("The number of devices"),
    "records": N_("The number of records"),
    "term_years": N_("The initial term"),
    "renewals": N_("The number of renewals"),
    "renewal_years": N_("The length of a renewal"),
    "go_live_weeks": N_("The time to go live"),
    "acceptance_days": N_("The acceptance testing period"),
    "warranty_months": N_("The warranty period"),
    "availability_pct": N_("The availability target"),
    "response_critical_hours": N_("The response time for a critical incident"),
    "resolution_critical_hours": N_("The resolution time for a critical incident"),
    "response_major_hours": N_("The response time for a major incident"),
    "resolution_major_hours": N_("The resolution time for a major incident"),
    "response_minor_hours": N_("The response time for a minor incident"),
    "resolution_minor_hours": N_("The resolution time for a minor incident"),
    "rto_hours": N_("The recovery time objective"),
    "rpo_hours": N_("The recovery point objective"),
    "service_credit_pct": N_("The service credit"),
    "service_credit_cap_pct": N_("The cap on service credits"),
    "sla_termination_months": N_("The months of missed availability that allow termination"),
    "log_retention_days": N_("The log retention period"),
    "insurance_general_cad": N_("The general liability insurance"),
    "insurance_professional_cad": N_("The professional liability insurance"),
    "insurance_cyber_cad": N_("The cyber and privacy liability insurance"),
    "liability_cap_multiple": N_("The liability cap"),
    "holdback_pct": N_("The holdback"),
    "payment_days": N_("The payment period"),
    "price_adjustment_cap_pct": N_("The cap on price adjustments"),
    "termination_notice_days": N_("The notice of termination for convenience"),
}
"""Numeric field of the statement of work → what a finding calls it (a test proves every
bounded field of the section has one)."""

_RANGE = N_("{what} must be between {low} and {high}; the value entered is {value}.")


def check_statement_of_work(project: Project) -> list[Finding]:
    """Findings of the statement of work; see the module docstring for the codes."""
    return _ranges(project) + _terms(project)


DELIVERABLES = (
    "deliver_implementation",
    "deliver_migration",
    "deliver_integrations",
    "deliver_training",
    "deliver_documentation",
)


def term_years(project: Project) -> int:
    """The contract's longest duration in years: the initial term and every renewal."""
    work = project.statement_of_work
    initial = int(clamp("statement_of_work.term_years", work.term_years))
    renewals = int(clamp("statement_of_work.renewals", work.renewals))
    return initial + renewals * int(clamp("statement_of_work.renewal_years", work.renewal_years))


def _terms(project: Project) -> list[Finding]:
    """The findings on the contract's substance (every code but ``SW-RANGE``)."""
    found: list[Finding] = []
    work, scope = project.statement_of_work, project.scope
    if not work.object.strip():
        found.append(
            finding(
                "SW-OBJECT",
                Severity.WARNING,
                N_(
                    "State the object of the contract: what the Town acquires, in a sentence "
                    "bidders can price. The need alone does not say it."
                ),
                "statement_of_work.object",
                principles.COMPLETE,
            )
        )
    for name in (
        "availability_pct",
        "response_critical_hours",
        "resolution_critical_hours",
        "response_major_hours",
        "resolution_major_hours",
        "response_minor_hours",
        "resolution_minor_hours",
    ):  # a hosted solution states them all; the first at 0 is the finding's field
        if scope.vendor_hosting and getattr(work, name) <= 0:
            found.append(
                finding(
                    "SW-HOSTED-SLA",
                    Severity.WARNING,
                    N_(
                        "The vendor hosts the solution, but the service levels are incomplete "
                        "(an availability target and response and resolution times for every "
                        "severity): nothing would bind the vendor to keep the service running."
                    ),
                    f"statement_of_work.{name}",
                    principles.HIGH_RISK,
                )
            )
            break
    if scope.mission_critical and (work.rto_hours <= 0 or work.rpo_hours <= 0):
        found.append(
            finding(
                "SW-RECOVERY",
                Severity.WARNING,
                N_(
                    "The system is mission-critical, but the recovery time objective or the "
                    "recovery point objective is not stated: after a disaster, nothing says "
                    "how soon the service returns or how much data may be lost."
                ),
                "statement_of_work.rto_hours" if work.rto_hours <= 0 else "statement_of_work.rpo_hours",
                principles.HIGH_RISK,
            )
        )
    if work.liability_cap == "cap_unstated":
        found.append(
            finding(
                "SW-LIABILITY",
                Severity.WARNING,
                N_(
                    "The limitation of liability is not stated: the vendor's own terms would "
                    "decide it. Cap it at a multiple of the contract value, with data, "
                    "privacy, intellectual property and gross fault left uncapped."
                ),
                "statement_of_work.liability_cap",
                principles.COMPLETE,
            )
        )
    elif work.liability_cap == "cap_unlimited":
        found.append(
            finding(
                "SW-LIABILITY",
                Severity.WARNING,
                N_(
                    "The vendor's liability is unlimited: bidders will price in an unlimited "
                    "risk or qualify their bids. Cap it at a multiple of the contract value, "
                    "with data, privacy, intellectual property and gross fault left uncapped."
                ),
                "statement_of_work.liability_cap",
                principles.COMPLETE,
            )
        )
    elif work.liability_cap_multiple <= 0:
        found.append(
            finding(
                "SW-LIABILITY",
                Severity.WARNING,
                N_(
                    "The liability cap is 0 times the contract value: the vendor would owe "
                    "nothing for its faults. State a multiple (for example 1 or 2)."
                ),
                "statement_of_work.liability_cap_multiple",
                principles.COMPLETE,
            )
        )
    total, horizon = term_years(project), tco.horizon_of(project)
    if total > horizon:
        found.append(
            finding(
                "SW-TERM-HORIZON",
                Severity.WARNING,
                Plural(
                    "With every renewal the contract may run {count} year, longer than the "
                    "{horizon} years of the total cost of ownership: the cost council "
                    "approves would leave the last years out.",
                    "With every renewal the contract may run {count} years, longer than the "
                    "{horizon} years of the total cost of ownership: the cost council "
                    "approves would leave the last years out.",
                    total,
                ),
                "statement_of_work.term_years",
                principles.TCO,
                horizon=horizon,
            )
        )
    asked = any(getattr(work, name) for name in DELIVERABLES) or bool(work.other_deliverables.strip())
    if asked and work.acceptance_days <= 0:
        found.append(
            finding(
                "SW-ACCEPTANCE",
                Severity.WARNING,
                N_(
                    "Deliverables are asked for without acceptance testing: the Town could "
                    "not refuse a deliverable that does not work before paying for it."
                ),
                "statement_of_work.acceptance_days",
                principles.COMPLETE,
            )
        )
    sensitive = scope.personal_information or scope.vendor_hosting
    if sensitive and not work.encryption:
        found.append(
            finding(
                "SW-ENCRYPTION",
                Severity.WARNING,
                N_(
                    "The system holds personal information or the vendor hosts the Town's "
                    "data, but encryption in transit and at rest is not required."
                ),
                "statement_of_work.encryption",
                principles.PRIVACY,
            )
        )
    if scope.vendor_hosting and work.insurance_cyber_cad <= 0:
        found.append(
            finding(
                "SW-CYBER-INSURANCE",
                Severity.WARNING,
                N_(
                    "The vendor hosts the Town's data, but no cyber and privacy liability "
                    "insurance is required: the cost of a breach on the vendor's side might "
                    "not be paid."
                ),
                "statement_of_work.insurance_cyber_cad",
                principles.PRIVACY,
            )
        )
    return found


def _ranges(project: Project) -> list[Finding]:
    """``SW-RANGE``: every bounded number of the section within its bounds."""
    found: list[Finding] = []
    work = project.statement_of_work
    for name, label in LABELS.items():
        address = f"statement_of_work.{name}"
        value = getattr(work, name)
        if not in_range(address, value):
            found.append(
                finding(
                    "SW-RANGE",
                    Severity.ERROR,
                    _RANGE,
                    address,
                    principles.COMPLETE,
                    what=Localized(tr(label, "fr"), label),
                    **message_params(address, value),
                )
            )
    return found
