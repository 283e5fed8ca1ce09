"""Checks of the criteria step; text rules in :mod:`.criteria_text`.

Codes:

* ``C-BRAND`` (error): a brand, product or vendor name; "or equivalent" does not excuse
  it. Once justified, ``C-EQUIVALENT`` (error) until the text carries "or equivalent".
* ``C-TARGET``: a mandatory criterion met by fewer than 2 scanned solutions → error,
  by exactly 2 → warning; the message names them. A criterion's solutions are those
  supporting ALL its linked features (``yes`` cells; see :mod:`wizard.core.domain.market`).
* ``C-UNLINKED`` (info): a mandatory criterion linked to no feature, so not checkable.
* ``C-COMPLIANT``: solutions meeting every mandatory criterion: < 2 → error, < 3 → warning.
* ``C-TOO-MANY-MANDATORY`` (warning): more than 10 mandatory, or more than 40 % of all.
* ``C-THRESHOLD``: pass threshold below 70 % → warning; outside 0–100 % (its bounds,
  :data:`wizard.core.model.bounds.BOUNDS`) → error.
* ``C-NOT-BINARY`` (warning), ``C-DUPLICATE`` (info).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.criteria_text import binary_findings, brand_findings, duplicate_findings
from wizard.core.domain import market
from wizard.core.i18n import N_, Plural
from wizard.core.model import Project
from wizard.core.model.bounds import in_range

MAX_MANDATORY = 10
MAX_MANDATORY_PCT = 40
MIN_THRESHOLD_PCT = 70


def _target(project: Project, index: market.SupportIndex) -> list[Finding]:
    found: list[Finding] = []
    if not project.solutions:
        return found
    known = {f.id for f in project.features}
    for c in project.criteria:
        if c.kind != "mandatory":
            continue
        field = f"criteria:{c.id}.feature_ids"
        if not any(fid in known for fid in c.feature_ids):
            found.append(
                finding(
                    "C-UNLINKED",
                    Severity.INFO,
                    N_(
                        "Link this mandatory criterion to the features it requires, so "
                        "the scan can show which solutions meet it."
                    ),
                    field,
                    principles.TARGETING,
                )
            )
            continue
        meeting = market.criterion_solutions(c, index)
        if len(meeting) > 2:
            continue
        text: str | Plural
        if meeting:
            text = Plural(
                "Only {count} scanned solution meets this mandatory criterion: {names}. "
                "It may target it indirectly.",
                "Only {count} scanned solutions meet this mandatory criterion: {names}. "
                "It may target them indirectly.",
                len(meeting),
            )
        else:
            text = N_(
                "No scanned solution meets this mandatory criterion: it could exclude "
                "the whole market or target a product left out of the scan."
            )
        severity = Severity.WARNING if len(meeting) == 2 else Severity.ERROR
        found.append(
            finding(
                "C-TARGET",
                severity,
                text,
                field,
                principles.TARGETING,
                names=market.solution_names(project, meeting),
            )
        )
    return found


def _compliant(project: Project, index: market.SupportIndex) -> list[Finding]:
    if not project.solutions or not market.linked_mandatory(project):
        return []
    ids = market.compliant_solutions(project, index)
    if len(ids) >= 3:
        return []
    severity = Severity.ERROR if len(ids) < 2 else Severity.WARNING
    return [
        finding(
            "C-COMPLIANT",
            severity,
            Plural(
                "{count} scanned solution meets every mandatory criterion ({names}). "
                "Keep at least 3 in the race: relax or remove a mandatory criterion.",
                "{count} scanned solutions meet every mandatory criterion ({names}). "
                "Keep at least 3 in the race: relax or remove a mandatory criterion.",
                len(ids),
            ),
            "criteria",
            principles.TARGETING,
            names=market.solution_names(project, ids) or "\u2014",
        )
    ]


def _balance(project: Project) -> list[Finding]:
    found: list[Finding] = []
    total = len(project.criteria)
    mandatory = sum(1 for c in project.criteria if c.kind == "mandatory")
    if mandatory > MAX_MANDATORY or mandatory * 100 > MAX_MANDATORY_PCT * total:
        found.append(
            finding(
                "C-TOO-MANY-MANDATORY",
                Severity.WARNING,
                Plural(
                    "{count} mandatory criterion out of {total}: keep at most 10, "
                    "and at most 40 % of all criteria. Each one can exclude a bidder.",
                    "{count} mandatory criteria out of {total}: keep at most 10, "
                    "and at most 40 % of all criteria. Each one can exclude a bidder.",
                    mandatory,
                ),
                "criteria",
                principles.FEW_MANDATORY,
                total=total,
            )
        )
    pct = project.criteria_settings.pass_threshold_pct
    field = "criteria_settings.pass_threshold_pct"
    if not in_range(field, pct):
        found.append(
            finding(
                "C-THRESHOLD",
                Severity.ERROR,
                N_("The pass threshold must be between 0 and 100 %."),
                field,
                principles.THRESHOLD,
            )
        )
    elif pct < MIN_THRESHOLD_PCT:
        found.append(
            finding(
                "C-THRESHOLD",
                Severity.WARNING,
                N_("A pass threshold of {pct} % is below the 70 % the guide recommends."),
                field,
                principles.THRESHOLD,
                pct=pct,
            )
        )
    return found


def check_criteria(project: Project, index: market.SupportIndex | None = None) -> list[Finding]:
    """Findings of the criteria step; see the module docstring for the codes."""
    index = index or market.SupportIndex(project)
    found: list[Finding] = []
    for c in project.criteria:
        found.extend(brand_findings(c, project))
        found.extend(binary_findings(c))
    found.extend(duplicate_findings(project.criteria))
    found.extend(_target(project, index))
    found.extend(_compliant(project, index))
    found.extend(_balance(project))
    return found
