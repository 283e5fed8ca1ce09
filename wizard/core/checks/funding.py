"""Checks of the funding the decision record states (TCO step; docs/documents.md).

Codes: ``T-FUNDING`` (info: the source of funds is not stated; the record and its
proposed resolution show a placeholder), ``T-BUDGET`` (info: the budget available is not
stated, so the record cannot say whether it covers the estimate; warning: the budget is
below the estimate), ``T-RANGE`` (error: the budget or the estimate outside its bounds,
:data:`wizard.core.model.bounds.BOUNDS`). The arithmetic is :mod:`wizard.core.domain.funding`.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import funding
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.model.bounds import in_range, message_params, show

_AMOUNT_RANGE = N_(
    "The amount must be between {low} and {high} $: {value} $ is outside, so the computation uses {used} $."
)


def check_funding(project: Project) -> list[Finding]:
    """Findings on the source of funds, the budget available and the estimate."""
    settings = project.tco
    found: list[Finding] = []
    for name in ("budget_cad", "estimate_cad"):
        value = Decimal(getattr(settings, name))
        if not in_range(f"tco.{name}", value):
            found.append(
                finding(
                    "T-RANGE",
                    Severity.ERROR,
                    _AMOUNT_RANGE,
                    f"tco.{name}",
                    principles.TCO,
                    **message_params(f"tco.{name}", value),
                )
            )
    if not settings.funding_source.strip():
        found.append(
            finding(
                "T-FUNDING",
                Severity.INFO,
                N_(
                    "Name the source of funds (for example, the capital budget or a reserve): "
                    "the decision record and its proposed resolution show a placeholder."
                ),
                "tco.funding_source",
                principles.TCO,
            )
        )
    budget, cost = funding.budget(project), funding.estimate(project)
    if budget is None:
        found.append(
            finding(
                "T-BUDGET",
                Severity.INFO,
                N_(
                    "Enter the budget available: the decision record cannot say whether it "
                    "covers the estimate."
                ),
                "tco.budget_cad",
                principles.TCO,
            )
        )
    elif cost is not None and budget < cost:
        found.append(
            finding(
                "T-BUDGET",
                Severity.WARNING,
                N_("The budget available ({budget} $) is below the estimate ({estimate} $) by {gap} $."),
                "tco.budget_cad",
                principles.TCO,
                budget=show(budget),
                estimate=show(cost.quantize(Decimal("0.01"))),
                gap=show((cost - budget).quantize(Decimal("0.01"))),
            )
        )
    return found
