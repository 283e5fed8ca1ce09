"""Checks of the scope step.

Codes: ``SC-MISSION-CRITICAL`` (warning: a high-risk system — stronger clauses, a
pilot, a security analysis), ``SC-PERSONAL-INFO`` (info: privacy clauses are added;
keep the data in-house where possible), ``SC-GOVERNANCE`` (warning per checklist item
answered "no"), ``SC-UNITS`` (info: no unit marked affected or beneficiary).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.model.defaults import GOVERNANCE_ITEMS


def check_scope(project: Project) -> list[Finding]:
    """Findings of the scope step; see the module docstring for the codes."""
    scope = project.scope
    found: list[Finding] = []
    if scope.mission_critical:
        found.append(
            finding(
                "SC-MISSION-CRITICAL",
                Severity.WARNING,
                N_(
                    "Mission-critical system: a high-risk acquisition. Plan a security analysis, a "
                    "paid pilot, redundancy and the stronger contract clauses."
                ),
                "scope.mission_critical",
                principles.HIGH_RISK,
            )
        )
    if scope.personal_information:
        found.append(
            finding(
                "SC-PERSONAL-INFO",
                Severity.INFO,
                N_(
                    "Personal information is processed: the privacy clauses of the province apply. "
                    "Keep this data in-house where you can."
                ),
                "scope.personal_information",
                principles.PRIVACY,
            )
        )
    for answer in project.governance:
        if answer.answer == "no":
            known = answer.key in GOVERNANCE_ITEMS
            found.append(
                finding(
                    "SC-GOVERNANCE",
                    Severity.WARNING,
                    N_(
                        "Governance gap: an item of the checklist is answered no. Settle it before "
                        "the tender."
                    )
                    if known
                    else N_("Governance gap: \u201c{item}\u201d is answered no."),
                    f"governance:{answer.id}.answer",
                    principles.GOVERNANCE,
                    item=answer.key,
                )
            )
    if project.business_units and not any(
        u.role in ("affected", "beneficiary") for u in project.business_units
    ):
        found.append(
            finding(
                "SC-UNITS",
                Severity.INFO,
                N_("Mark the units affected by or benefiting from this need."),
                "business_units",
                principles.SCOPE,
            )
        )
    return found
