"""Checks of the test scenarios.

Guide principle: test scenarios instead of demos; the technical committee verifies
the bidders' claims and reports to the jury.

Codes: ``S-COVER`` (warning per criterion, mandatory or optional, verified "by scenario"
that no scenario covers: the tender would print a placeholder for its verification;
criteria verified by a document or by access to the software are covered; docs/cases.md
K36), ``S-ORPHAN`` (warning: a scenario linked to no existing criterion),
``S-BRAND`` (warning per text field of a scenario naming a brand: a scenario may need
to mention the current system, e.g. to migrate its data), ``S-COMMITTEE`` (info:
scenarios but no technical committee member). Criteria and scenarios are named by
their numbers in the tender (O-2, S-1), never by row ids.
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, brand_finding, finding
from wizard.core.checks.criteria_text import number_of
from wizard.core.checks.known_names import known_names
from wizard.core.domain import brands, product_names
from wizard.core.domain.numbering import criterion_labels, scenario_numbers
from wizard.core.i18n import N_
from wizard.core.model import Project

TEXT_FIELDS = ("title", "context", "steps", "expected_result", "evidence")


def _cover(project: Project) -> list[Finding]:
    covered = {cid for s in project.scenarios for cid in s.criterion_ids}
    labels = criterion_labels(project)
    return [
        finding(
            "S-COVER",
            Severity.WARNING,
            N_(
                "Criterion {criterion} is to be verified by a scenario, but no scenario covers it, "
                "so the tender shows a placeholder: add a scenario, or choose another verification."
            ),
            "scenarios",
            principles.SCENARIOS,
            criterion=number_of(labels, c),
        )
        for c in project.criteria
        if c.verification == "scenario" and c.id not in covered
    ]


def check_scenarios(project: Project) -> list[Finding]:
    """Findings of the scenarios step; see the module docstring for the codes."""
    found = _cover(project)
    criteria_ids = {c.id for c in project.criteria}
    numbers = scenario_numbers(project)
    known = known_names(project)
    for s in project.scenarios:
        number = numbers.get(s.id, "")
        if not any(cid in criteria_ids for cid in s.criterion_ids):
            found.append(
                finding(
                    "S-ORPHAN",
                    Severity.WARNING,
                    N_("Scenario {scenario} tests no criterion: link it to the criteria it verifies."),
                    f"scenarios:{s.id}.criterion_ids",
                    principles.SCENARIOS,
                    scenario=number,
                )
            )
        for name in TEXT_FIELDS:
            names = brands.brand_list(getattr(s, name), known)
            if names:
                found.append(
                    brand_finding(
                        "S-BRAND",
                        Severity.WARNING,
                        N_(
                            "Brand or product name in scenario {scenario}: {brands}. Describe the "
                            "task, not a product (unless it is the current system to migrate from)."
                        ),
                        f"scenarios:{s.id}.{name}",
                        names,
                        scenario=number,
                    )
                )
            possible = product_names.possible_list(getattr(s, name), known)
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
