"""Checks of the contract data (the rules of the call for tenders, on the Project page).

Code: ``PR-CONTRACT-RANGE`` (error): a number of days or the bid security's amount is
outside its bounds (:data:`wizard.core.model.bounds.BOUNDS`); the documents then use the
nearest limit. Guide principle: a complete tender states every rule with a value a
bidder can rely on.
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.model.bounds import in_range, message_params

_RANGES = (
    (
        "bid_validity_days",
        N_("The bid validity must be between {low} and {high} days; the value entered is {value}."),
    ),
    (
        "bid_security_value",
        N_("The bid security must be between {low} and {high}; the value entered is {value}."),
    ),
    (
        "last_addendum_days",
        N_(
            "The last addendum must come between {low} and {high} days before closing; the value entered is {value}."
        ),
    ),
    (
        "scenario_sessions_days",
        N_(
            "The scenario sessions must end between {low} and {high} days after closing; the value entered is {value}."
        ),
    ),
    (
        "award_documents_days",
        N_(
            "The time to provide the award documents must be between {low} and {high} days after the notice of award; the value entered is {value}."
        ),
    ),
    (
        "debriefing_days",
        N_(
            "The time to ask for a debriefing must be between {low} and {high} days after the notice of award; the value entered is {value}."
        ),
    ),
)
"""Contract data field → the ``PR-CONTRACT-RANGE`` message when it is outside its bounds."""


def check_contract_data(project: Project) -> list[Finding]:
    """Findings of the contract data; see the module docstring for the code."""
    found: list[Finding] = []
    for name, text in _RANGES:
        value = getattr(project.contract_data, name)
        if not in_range(f"contract_data.{name}", value):
            found.append(
                finding(
                    "PR-CONTRACT-RANGE",
                    Severity.ERROR,
                    text,
                    f"contract_data.{name}",
                    principles.COMPLETE,
                    **message_params(f"contract_data.{name}", value),
                )
            )
    return found
