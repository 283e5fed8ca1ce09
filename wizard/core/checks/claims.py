"""Findings that explain a claim of the documents left out or replaced, where no other
check explains it (docs/claims.md).

A claim (``wizard.core.claims``) whose sentence the documents cannot print names the
finding that tells the user why. Most are findings of the steps' own checks (C-BRAND,
E-JURY-AUTHOR, V-NDA …); the ones here exist only because a document would otherwise
have said something the project does not support. Each fires exactly when its claim
does not hold and the sentence would be printed.

Codes: ``V-PUBLISH-UNPLANNED`` (warning: the transparency clause is kept but the
publication plan does not plan every item it names, so the tender says only that the
Town *may* publish them; claim ``tender.publishes-bids-and-contract``).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.clauses import library as clauses
from wizard.core.i18n import N_
from wizard.core.model import Project


def check_claims(project: Project) -> list[Finding]:
    """The findings above, for ``project``."""
    from wizard.core.claims import verdict  # the claims import the checks: import at call time

    found: list[Finding] = []
    transparency = any(c.family == "transparency" for c in clauses.included_clauses(project))
    if transparency and not verdict(project, "tender.publishes-bids-and-contract"):
        found.append(
            finding(
                "V-PUBLISH-UNPLANNED",
                Severity.WARNING,
                N_(
                    "The publication plan does not plan every item the transparency clause names (the tender, "
                    "the bids and the bidders, the contract, the unit prices, the spending and the contract's "
                    "performance): the tender says only that the Town may publish them. Plan them all to make "
                    "it a commitment."
                ),
                "publication_items",
                principles.PUBLISH,
            )
        )
    return found
