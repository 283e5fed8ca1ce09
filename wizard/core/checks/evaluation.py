"""Checks of the evaluation and award step; arithmetic in
:mod:`wizard.core.domain.evaluation`.

Codes: ``E-QUALITY`` (warning: quality weighs less than price), ``E-WEIGHTS`` (error:
weights do not add up to 100), ``E-JURY-AUTHOR`` (error: an author of the tender sits on
the jury; names compared without case or accents), ``E-DECLARATION`` (warning: no signed
conflict-of-interest declaration), ``E-NO-JURY`` (info), ``E-TIE-BREAK`` (info),
``E-PILOT`` (warning: a pilot without named scenarios), and for Québec's weighted system
``E-QC-CRITERIA`` (< 4 quality criteria), ``E-QC-MAX`` (a criterion above 30/100),
``E-QC-TOTAL`` (points not adding up to 100), ``E-QC-COMMITTEE`` (< 3 jury members),
all errors; when the statute binds (:func:`wizard.core.domain.evaluation.project_statute`)
``E-QC-REQUIRED`` (error: a Québec professional-services contract not evaluated with the
statutory system) and ``E-QC-FORMULA`` (warning: a Québec project weighing quality
against price with the app's linear formula instead of the statutory system; the
provision is to be confirmed by counsel), and ``E-QC-SECRETARY`` (warning: the
statutory system without a committee secretary), ``E-QC-OUTSIDE`` (warning: the
statutory system chosen for a project outside Québec); ``E-RANGE`` (error: a weight or a quality criterion's points outside 0–100, the pilot's weeks outside 0–52,
:data:`wizard.core.model.bounds.BOUNDS`).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.wording import fold
from wizard.core.domain import evaluation as rules
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.model.bounds import in_range, message_params

_WEIGHT_BOUNDS = (
    (
        "quality_weight",
        N_("The quality weight must be between {low} and {high} points; the value entered is {value}."),
    ),
    (
        "price_weight",
        N_("The price weight must be between {low} and {high} points; the value entered is {value}."),
    ),
    (
        "pilot_weeks",
        N_("The pilot duration must be between {low} and {high} weeks; the value entered is {value}."),
    ),
)
"""Evaluation number (weights, pilot duration) → the ``E-RANGE`` message when it is
outside its bounds."""


def person_key(name: str) -> str:
    """A name folded for comparison: no case, accents, punctuation or extra spaces."""
    return " ".join("".join(c if c.isalnum() else " " for c in fold(name)).split())


def _ranges(project: Project) -> list[Finding]:
    found: list[Finding] = []
    for name, text in _WEIGHT_BOUNDS:
        value = getattr(project.evaluation, name)
        if not in_range(f"evaluation.{name}", value):
            found.append(
                finding(
                    "E-RANGE",
                    Severity.ERROR,
                    text,
                    f"evaluation.{name}",
                    principles.QUALITY,
                    **message_params(f"evaluation.{name}", value),
                )
            )
    for item in project.quality_grid:
        if not in_range("quality_grid.points", item.points):
            found.append(
                finding(
                    "E-RANGE",
                    Severity.ERROR,
                    N_(
                        "A quality criterion's points must be between {low} and {high}; "
                        "the value entered is {value}."
                    ),
                    f"quality_grid:{item.id}.points",
                    principles.QUALITY,
                    **message_params("quality_grid.points", item.points),
                )
            )
    return found


def _weights(project: Project) -> list[Finding]:
    ev = project.evaluation
    found: list[Finding] = []
    if ev.quality_weight + ev.price_weight != 100:
        found.append(
            finding(
                "E-WEIGHTS",
                Severity.ERROR,
                N_("Quality ({quality}) and price ({price}) must add up to 100."),
                "evaluation.quality_weight",
                principles.QUALITY,
                quality=ev.quality_weight,
                price=ev.price_weight,
            )
        )
    if ev.quality_weight < ev.price_weight:
        found.append(
            finding(
                "E-QUALITY",
                Severity.WARNING,
                N_("Price weighs more than quality: the guide favours quality."),
                "evaluation.quality_weight",
                principles.QUALITY,
            )
        )
    if not ev.tie_break.strip():
        found.append(
            finding(
                "E-TIE-BREAK",
                Severity.INFO,
                N_("State the tie-break rule: the tender must say it."),
                "evaluation.tie_break",
                principles.COMPLETE,
            )
        )
    if ev.pilot_enabled and not ev.pilot_scenario_ids:
        found.append(
            finding(
                "E-PILOT",
                Severity.WARNING,
                N_("Name the scenarios the pilot must meet before the full award."),
                "evaluation.pilot_scenario_ids",
                principles.HIGH_RISK,
            )
        )
    return found


def _jury(project: Project) -> list[Finding]:
    if not project.jury:
        return [
            finding(
                "E-NO-JURY",
                Severity.INFO,
                N_("Name the members of the selection committee."),
                "jury",
                principles.CONFLICT,
            )
        ]
    authors = {person_key(a.name) for a in project.authors if a.name.strip()}
    found: list[Finding] = []
    for member in project.jury:
        if member.name.strip() and person_key(member.name) in authors:
            found.append(
                finding(
                    "E-JURY-AUTHOR",
                    Severity.ERROR,
                    N_("{name} wrote the tender and may not sit on the selection committee."),
                    f"jury:{member.id}.name",
                    principles.CONFLICT,
                    name=member.name,
                )
            )
        if not member.declaration_signed:
            found.append(
                finding(
                    "E-DECLARATION",
                    Severity.WARNING,
                    N_("{name} has not signed a conflict-of-interest declaration."),
                    f"jury:{member.id}.declaration_signed",
                    principles.CONFLICT,
                    name=member.name,
                )
            )
    return found


def _statute(project: Project) -> list[Finding]:
    """The statutory system where Québec law makes it the rule (docs/checks.md)."""
    ev = project.evaluation
    statute = rules.project_statute(project)
    if ev.quebec_weighted and statute.case == "outside" and project.info.province.strip():
        return [
            finding(
                "E-QC-OUTSIDE",
                Severity.WARNING,
                N_(
                    "Québec's statutory weighted system is Québec law, and this project is not in "
                    "Québec: the tender would cite the Cities and Towns Act. Untick “Use the "
                    "weighted quality system” unless your counsel wants that system."
                ),
                "evaluation.quebec_weighted",
                principles.QUALITY,
            )
        ]
    if ev.quebec_weighted or not statute.binds:
        return []
    if statute.case == "required":
        return [
            finding(
                "E-QC-REQUIRED",
                Severity.ERROR,
                N_(
                    "A Québec town must award a professional-services contract with the statutory "
                    "two-step weighted system: tick “Use the weighted quality system”."
                ),
                "evaluation.quebec_weighted",
                principles.QUALITY,
            )
        ]
    if ev.quality_weight > 0:
        return [
            finding(
                "E-QC-FORMULA",
                Severity.WARNING,
                N_(
                    "In Québec, a call for tenders that weighs quality against price uses the "
                    "statutory weighted system, not this {quality}/{price} formula (to be "
                    "confirmed by counsel): use the weighted quality system, or evaluate on "
                    "price alone among the bids that pass."
                ),
                "evaluation.quebec_weighted",
                principles.QUALITY,
                quality=ev.quality_weight,
                price=ev.price_weight,
            )
        ]
    return []


def _quebec(project: Project) -> list[Finding]:
    if not project.evaluation.quebec_weighted:
        return []
    grid = project.quality_grid
    found: list[Finding] = []
    if len(grid) < rules.QUEBEC_MIN_CRITERIA:
        found.append(
            finding(
                "E-QC-CRITERIA",
                Severity.ERROR,
                N_("Québec's weighted system needs at least 4 quality criteria besides price."),
                "quality_grid",
                principles.QUALITY,
            )
        )
    for item in grid:
        if item.points > rules.QUEBEC_MAX_POINTS:
            found.append(
                finding(
                    "E-QC-MAX",
                    Severity.ERROR,
                    N_("No quality criterion may weigh more than 30 points out of 100."),
                    f"quality_grid:{item.id}.points",
                    principles.QUALITY,
                )
            )
    if grid and sum(i.points for i in grid) != 100:
        found.append(
            finding(
                "E-QC-TOTAL",
                Severity.ERROR,
                N_("The quality criteria's points must add up to 100."),
                "quality_grid",
                principles.QUALITY,
            )
        )
    if len(project.jury) < rules.QUEBEC_MIN_COMMITTEE:
        found.append(
            finding(
                "E-QC-COMMITTEE",
                Severity.ERROR,
                N_(
                    "Québec's weighted system needs a selection committee of at least 3 "
                    "members, who score without seeing the prices."
                ),
                "jury",
                principles.CONFLICT,
            )
        )
    if not project.evaluation.committee_secretary.strip():
        found.append(
            finding(
                "E-QC-SECRETARY",
                Severity.WARNING,
                N_(
                    "Name the secretary of the selection committee: the secretary runs the "
                    "committee's work and does not score the bids."
                ),
                "evaluation.committee_secretary",
                principles.CONFLICT,
            )
        )
    return found


def check_evaluation(project: Project) -> list[Finding]:
    """Findings of the evaluation step; see the module docstring for the codes."""
    return _ranges(project) + _weights(project) + _jury(project) + _quebec(project) + _statute(project)
