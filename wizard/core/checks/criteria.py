"""Checks of the criteria step; text rules in :mod:`.criteria_text`.

Codes:

* ``C-BRAND`` (error): a brand, product or vendor name; "or equivalent" does not excuse
  it. Once justified, ``C-EQUIVALENT`` (error) until the text carries "or equivalent".
* ``C-SUBMISSION-FORMAT`` (info): a product named only as the file format bidders send
  their bid in ("submitted in Microsoft Word format"): not what the Town buys, so no
  C-BRAND; accept an open format too (:mod:`.submission_format`).
* ``C-TARGET``: a mandatory criterion met by fewer than 2 scanned solutions → error,
  by exactly 2 → warning; the message names them (red flag R007, tailored
  specifications). A criterion's solutions are those supporting ALL its linked features
  (``yes`` cells; see :mod:`wizard.core.domain.market`).
* ``C-UNLINKED`` (info): a mandatory criterion linked to no feature, so not checkable.
* ``C-COMPLIANT``: solutions meeting every mandatory criterion: < 2 → error, < 3 → warning.
* ``C-TOO-MANY-MANDATORY`` (warning): more than 10 mandatory, or more than 40 % of all
  (red flag R006, heavy mandatory requirements).
* ``C-THRESHOLD``: pass threshold below 70 % → warning; outside 0–100 % (its bounds,
  :data:`wizard.core.model.bounds.BOUNDS`) → error.
* ``C-NOT-BINARY`` (warning), ``C-DUPLICATE`` (info).
* ``C-ALL-POINTS`` (warning; docs/cases.md K31): the pass threshold needs every optional
  point (3 optional criteria at 70 %: ceil(2.1) = 3 of 3), so every qualified bid has
  every point and the optional criteria no longer separate the bids (outside Québec's
  weighted system, price alone decides).
* ``C-FEW-OPTIONAL`` (warning): fewer than 4 optional criteria (and not all points
  needed): the quality score barely separates the qualified bids. Not under Québec's
  weighted system, whose quality grid scores quality.
* ``C-UNVERIFIABLE`` (warning; red flag R021, weight on subjective criteria): more than
  half of the optional criteria, hence of the quality points, cannot be verified by the
  committee (:func:`unverifiable`). Not under Québec's weighted system.

Criteria are named by their numbers in the tender (M-2, OBL-2), never by row ids.
"""

from __future__ import annotations

from wizard.core.checks import principles, requirements
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.criteria_text import (
    Labels,
    binary_findings,
    brand_findings,
    duplicate_findings,
    is_subjective,
    number_of,
)
from wizard.core.domain import evaluation as rules
from wizard.core.domain import market
from wizard.core.domain.numbering import criterion_labels
from wizard.core.i18n import N_, Plural
from wizard.core.model import Criterion, Project
from wizard.core.model.bounds import in_range

MAX_MANDATORY = 10
MAX_MANDATORY_PCT = 40
MIN_THRESHOLD_PCT = 70
MIN_OPTIONAL = rules.QUEBEC_MIN_CRITERIA
"""Fewer optional criteria than this is ``C-FEW-OPTIONAL``: the least number of quality
criteria besides price that Québec's weighted system asks for (E-QC-CRITERIA), the one
minimum a statute sets for scoring quality."""


def _target(project: Project, index: market.SupportIndex, labels: Labels) -> list[Finding]:
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
                        "Link mandatory criterion {criterion} to the features it requires, so "
                        "the scan can show which solutions meet it."
                    ),
                    field,
                    principles.TARGETING,
                    criterion=number_of(labels, c),
                )
            )
            continue
        meeting = market.criterion_solutions(c, index)
        if len(meeting) > 2:
            continue
        text: str | Plural
        if meeting:
            text = Plural(
                "Only {count} scanned solution meets mandatory criterion {criterion}: {names}. "
                "It may target it indirectly (red flag R007, Open Contracting Partnership).",
                "Only {count} scanned solutions meet mandatory criterion {criterion}: {names}. "
                "It may target them indirectly (red flag R007, Open Contracting Partnership).",
                len(meeting),
            )
        else:
            text = N_(
                "No scanned solution meets mandatory criterion {criterion}: it could exclude "
                "the whole market or target a product left out of the scan (red flag R007, Open "
                "Contracting Partnership)."
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
                criterion=number_of(labels, c),
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
                    "and at most 40% of all criteria. Each one can exclude a bidder "
                    "(red flag R006, Open Contracting Partnership).",
                    "{count} mandatory criteria out of {total}: keep at most 10, "
                    "and at most 40% of all criteria. Each one can exclude a bidder "
                    "(red flag R006, Open Contracting Partnership).",
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
                N_("The pass threshold must be between 0 and 100%."),
                field,
                principles.THRESHOLD,
            )
        )
    elif pct < MIN_THRESHOLD_PCT:
        found.append(
            finding(
                "C-THRESHOLD",
                Severity.WARNING,
                N_("A pass threshold of {pct}% is below the 70% the guide recommends."),
                field,
                principles.THRESHOLD,
                pct=pct,
            )
        )
    return found


def _separation(project: Project) -> list[Finding]:
    """K31: whether the pass threshold leaves the optional criteria able to separate the
    qualified bids (integers only: ceil(threshold × count / 100))."""
    pct = project.criteria_settings.pass_threshold_pct
    if not project.criteria or not in_range("criteria_settings.pass_threshold_pct", pct):
        return []  # C-NO-CRITERIA or C-THRESHOLD says it
    count = sum(1 for c in project.criteria if c.kind == "optional")
    needed = rules.points_needed(pct, count)
    quebec = project.evaluation.quebec_weighted
    if count and needed == count:
        if quebec:
            text = Plural(
                "{needed} of {count} optional point is needed to pass ({pct}%): every qualified "
                "bid meets every optional criterion, so the optional criteria act as mandatory "
                "ones. Lower the threshold or add optional criteria.",
                "{needed} of {count} optional points are needed to pass ({pct}%): every qualified "
                "bid meets every optional criterion, so the optional criteria act as mandatory "
                "ones. Lower the threshold or add optional criteria.",
                count,
            )
        else:
            text = Plural(
                "{needed} of {count} optional point is needed to pass ({pct}%): every qualified "
                "bid has every point, so quality no longer separates the bids and price alone "
                "decides. Lower the threshold or add optional criteria.",
                "{needed} of {count} optional points are needed to pass ({pct}%): every qualified "
                "bid has every point, so quality no longer separates the bids and price alone "
                "decides. Lower the threshold or add optional criteria.",
                count,
            )
        return [
            finding(
                "C-ALL-POINTS",
                Severity.WARNING,
                text,
                "criteria_settings.pass_threshold_pct",
                principles.QUALITY,
                needed=needed,
                pct=pct,
            )
        ]
    if quebec or count >= MIN_OPTIONAL:
        return []
    if not count:
        return [
            finding(
                "C-FEW-OPTIONAL",
                Severity.WARNING,
                N_(
                    "No optional criterion: the quality score cannot separate the qualified bids, "
                    "so price alone decides. Write at least 4 optional criteria."
                ),
                "criteria",
                principles.QUALITY,
            )
        ]
    return [
        finding(
            "C-FEW-OPTIONAL",
            Severity.WARNING,
            Plural(
                "Only {count} optional criterion: with fewer than 4, "
                "the quality score barely separates the qualified bids. Québec's weighted system "
                "asks for at least 4 quality criteria besides price; write more optional criteria.",
                "Only {count} optional criteria: with fewer than 4, "
                "the quality score barely separates the qualified bids. Québec's weighted system "
                "asks for at least 4 quality criteria besides price; write more optional criteria.",
                count,
            ),
            "criteria",
            principles.QUALITY,
        )
    ]


def unverifiable(criterion: Criterion) -> bool:
    """Whether the committee cannot verify ``criterion`` itself (docs/checks.md, "Red
    flags"): it is checked only on the bidder's own document (verification "document":
    a statement the committee cannot test on the software), or its wording is subjective
    (:func:`~wizard.core.checks.criteria_text.is_subjective`: "user-friendly", "as fast
    as possible", a qualitative word with no number)."""
    return criterion.verification == "document" or is_subjective(criterion) is not None


def _unverifiable(project: Project) -> list[Finding]:
    """R021: more than half of the optional criteria (each worth one quality point)
    cannot be verified. Integers: 2 × unverifiable > optional."""
    if project.evaluation.quebec_weighted or project.evaluation.quality_weight <= 0:
        return []
    optional = [c for c in project.criteria if c.kind == "optional"]
    weak = sum(1 for c in optional if unverifiable(c))
    if not optional or 2 * weak <= len(optional):
        return []
    return [
        finding(
            "C-UNVERIFIABLE",
            Severity.WARNING,
            Plural(
                "{count} of the {total} optional criteria cannot be verified by the technical "
                "committee (only the bidder's own document, or subjective wording): more than half "
                "of the quality points rest on them (red flag R021, Open Contracting Partnership). "
                "Verify them by a scenario or by access to the software, and make them measurable.",
                "{count} of the {total} optional criteria cannot be verified by the technical "
                "committee (only the bidder's own documents, or subjective wording): more than half "
                "of the quality points rest on them (red flag R021, Open Contracting Partnership). "
                "Verify them by a scenario or by access to the software, and make them measurable.",
                weak,
            ),
            "criteria",
            principles.QUALITY,
            total=len(optional),
        )
    ]


def check_criteria(project: Project, index: market.SupportIndex | None = None) -> list[Finding]:
    """Findings of the criteria step; see the module docstring for the codes."""
    index = index or market.SupportIndex(project)
    labels = criterion_labels(project)  # once: every finding names its criterion (M-2)
    found: list[Finding] = []
    for c in project.criteria:
        found.extend(brand_findings(c, project, labels))
        found.extend(binary_findings(c, labels))
    found.extend(requirements.check_requirements(project, labels))
    found.extend(duplicate_findings(project, labels))
    found.extend(_target(project, index, labels))
    found.extend(_compliant(project, index))
    found.extend(_balance(project))
    found.extend(_separation(project))
    found.extend(_unverifiable(project))
    return found
