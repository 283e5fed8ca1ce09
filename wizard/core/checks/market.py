"""Checks of the market scan; computations in :mod:`wizard.core.domain.market`.

Codes: ``M-FEW`` (warning: fewer than 3 solutions scanned), ``M-NO-OPEN-SOURCE``
(warning: none is open source), ``M-SOURCE`` (warning per solution known only from a
demo or a vendor meeting), ``M-NO-FEATURES`` (info: solutions but no feature),
``M-UNDERPERFORMING`` (info per solution below the configured share of common features),
``M-SETTINGS`` (error: a threshold outside 1–100 %, its bounds in
:data:`wizard.core.model.bounds.BOUNDS`).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import market
from wizard.core.i18n import N_, Plural
from wizard.core.model import Project, Solution
from wizard.core.model.bounds import in_range


def _settings(project: Project) -> list[Finding]:
    found = []
    for name in ("common_threshold_pct", "underperforming_pct"):
        if not in_range(f"market.{name}", getattr(project.market, name)):
            found.append(
                finding(
                    "M-SETTINGS",
                    Severity.ERROR,
                    N_("A threshold must be between 1 and 100%."),
                    f"market.{name}",
                    principles.NEUTRAL_SCAN,
                )
            )
    return found


def check_market(project: Project, index: market.SupportIndex | None = None) -> list[Finding]:
    """Findings of the market step; see the module docstring for the codes."""
    solutions = project.solutions
    found = _settings(project)
    if len(solutions) < 3:
        found.append(
            finding(
                "M-FEW",
                Severity.WARNING,
                Plural(
                    "Only {count} solution scanned: scan at least 3 to know the market.",
                    "Only {count} solutions scanned: scan at least 3 to know the market.",
                    len(solutions),
                ),
                "solutions",
                principles.NEUTRAL_SCAN,
            )
        )
    if solutions and not any(s.licence == "open_source" for s in solutions):
        found.append(
            finding(
                "M-NO-OPEN-SOURCE",
                Severity.WARNING,
                N_("No open source solution in the scan: look for some."),
                "solutions",
                principles.OPEN_SOURCE,
            )
        )
    for s in solutions:
        if s.source in ("demo", "vendor_meeting"):
            found.append(
                finding(
                    "M-SOURCE",
                    Severity.WARNING,
                    N_(
                        "{name}: known from a demo or a vendor meeting. Check it against "
                        "public documentation or the source code."
                    ),
                    f"solutions:{s.id}.source",
                    principles.NEUTRAL_SCAN,
                    name=s.name,
                )
            )
    if solutions and not project.features:
        found.append(
            finding(
                "M-NO-FEATURES",
                Severity.INFO,
                N_("List the features and standards to compare the solutions."),
                "features",
                principles.NEUTRAL_SCAN,
            )
        )
    if solutions and project.features:
        summary = market.summarize(project, index)
        for sid in summary.underperforming:
            row = project.find_row(Solution, sid)
            found.append(
                finding(
                    "M-UNDERPERFORMING",
                    Severity.INFO,
                    N_("{name} supports fewer than {pct}% of the common features."),
                    f"solutions:{sid}.name",
                    principles.NEUTRAL_SCAN,
                    name=row.name if row else sid,
                    pct=project.market.underperforming_pct,
                )
            )
    return found
