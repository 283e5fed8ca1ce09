"""Checks of the test scenarios.

Guide principle: test scenarios instead of demos; the technical committee verifies
the bidders' claims and reports to the jury.

Codes: ``S-COVER`` (warning per mandatory criterion verified "by scenario" that no
scenario covers; criteria verified by a document or by access to the software are
covered), ``S-ORPHAN`` (warning: a scenario linked to no existing criterion),
``S-BRAND`` (warning per text field of a scenario naming a brand: a scenario may need
to mention the current system, e.g. to migrate its data), ``S-COMMITTEE`` (info:
scenarios but no technical committee member).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, brand_finding, finding
from wizard.core.domain import brands, product_names
from wizard.core.i18n import N_
from wizard.core.model import Project

TEXT_FIELDS = ("title", "context", "steps", "expected_result", "evidence")


def _cover(project: Project) -> list[Finding]:
    covered = {cid for s in project.scenarios for cid in s.criterion_ids}
    return [
        finding(
            "S-COVER",
            Severity.WARNING,
            N_(
                "Mandatory criterion {id} is to be verified by a scenario, but no scenario "
                "covers it: add one, or choose another verification."
            ),
            "scenarios",
            principles.SCENARIOS,
            id=c.id,
        )
        for c in project.criteria
        if c.kind == "mandatory" and c.verification == "scenario" and c.id not in covered
    ]


def check_scenarios(project: Project) -> list[Finding]:
    """Findings of the scenarios step; see the module docstring for the codes."""
    found = _cover(project)
    criteria_ids = {c.id for c in project.criteria}
    for s in project.scenarios:
        if not any(cid in criteria_ids for cid in s.criterion_ids):
            found.append(
                finding(
                    "S-ORPHAN",
                    Severity.WARNING,
                    N_("This scenario tests no criterion: link it to the criteria it verifies."),
                    f"scenarios:{s.id}.criterion_ids",
                    principles.SCENARIOS,
                )
            )
        for name in TEXT_FIELDS:
            names = brands.brand_list(getattr(s, name), project.extra_brands)
            if names:
                found.append(
                    brand_finding(
                        "S-BRAND",
                        Severity.WARNING,
                        N_(
                            "Brand or product name in a scenario: {brands}. Describe the "
                            "task, not a product (unless it is the current system to migrate from)."
                        ),
                        f"scenarios:{s.id}.{name}",
                        names,
                    )
                )
            possible = product_names.possible_list(getattr(s, name), project.extra_brands)
            if possible:
                found.append(
                    brand_finding(
                        "S-POSSIBLE-BRAND",
                        Severity.INFO,
                        N_(
                            "Possible product, vendor or model name in a scenario: {brands}. Describe "
                            "the task, not a product."
                        ),
                        f"scenarios:{s.id}.{name}",
                        possible,
                    )
                )
    if project.scenarios and not any(m.name.strip() for m in project.committee):
        found.append(
            finding(
                "S-COMMITTEE",
                Severity.INFO,
                N_("Name the technical committee members who will run the scenarios."),
                "committee",
                principles.SCENARIOS,
            )
        )
    return found
