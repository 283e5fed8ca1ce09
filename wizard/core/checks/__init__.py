"""The checks engine (SPEC §3): pure Python, one module per step.

``run_checks(project)`` returns every finding, sorted by step then severity. Each
module exposes ``check_<step>(project) -> list[Finding]``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from wizard.core.checks import (
    clauses,
    criteria,
    evaluation,
    market,
    problem,
    project,
    scenarios,
    scope,
    tco,
    text,
    vendors,
)
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import market as market_index
from wizard.core.model import Project
from wizard.core.steps import Step


def _checks(index: market_index.SupportIndex) -> list[Callable[[Project], list[Finding]]]:
    """Every step's check in wizard order; the two that read the market matrix share
    ``index``, so the matrix is indexed once per run."""
    return [
        project.check_project,
        problem.check_problem,
        scope.check_scope,
        partial(market.check_market, index=index),
        partial(criteria.check_criteria, index=index),
        scenarios.check_scenarios,
        evaluation.check_evaluation,
        tco.check_tco,
        clauses.check_clauses,
        vendors.check_vendors,
        text.check_text,
    ]


def run_checks(project: Project) -> list[Finding]:
    """Every finding of every step, by step, then severity, then code."""
    index = market_index.SupportIndex(project)
    found = [f for check in _checks(index) for f in check(project)]
    return sorted(found, key=lambda f: (f.step, f.severity.rank, f.code, f.field))


def findings_for(project: Project, step: Step) -> list[Finding]:
    """The findings shown on one step's page."""
    return [f for f in run_checks(project) if f.step == step]


def open_findings(project: Project, found: list[Finding]) -> list[Finding]:
    """The findings of ``found`` not marked justified (with a written reason): what
    still needs the user's attention, and what counts in the step list and totals."""
    return [f for f in found if not f.is_justified(project)]


def justified_findings(project: Project, found: list[Finding]) -> list[Finding]:
    """The findings of ``found`` the user marked justified (shown apart, never counted)."""
    return [f for f in found if f.is_justified(project)]


def severity_counts(found: list[Finding]) -> dict[Severity, int]:
    """How many findings of each severity: ``{ERROR: 1, WARNING: 0, INFO: 2}`` (every key)."""
    counts = dict.fromkeys(Severity, 0)
    for f in found:
        counts[f.severity] += 1
    return counts


__all__ = [
    "Finding",
    "Severity",
    "finding",
    "run_checks",
    "findings_for",
    "open_findings",
    "justified_findings",
    "severity_counts",
]
