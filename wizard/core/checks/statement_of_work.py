"""Checks of the statement of work and contract terms (docs/statement-of-work.md).

Code: ``SW-RANGE`` (error): a quantity, a period, a service level, an amount of
insurance or a payment term is outside its bounds (:data:`wizard.core.model.bounds.BOUNDS`);
the documents then use the nearest limit. Guide principle: a complete tender states
every term with a value a bidder can price.
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.i18n import N_, Localized, tr
from wizard.core.model import Project
from wizard.core.model.bounds import in_range, message_params

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
