"""Evaluation arithmetic: pass threshold, Québec's weighted score, and when Québec's
statutory weighted system binds (:func:`quebec_statute`).

Everything is exact: integers and ``Decimal``, never a float sum (docs/cases.md K12: 42 of 60
optional criteria at 70 % pass; adding 100/60 per point in floats gives 69.999… and
wrongly fails).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from wizard.core.domain import quebec
from wizard.core.model import Project

QUEBEC_MIN_INTERIM = Decimal(quebec.number("evaluation", "min_interim"))
"""Interim quality score (out of 100) needed to open a bidder's price envelope."""

QUEBEC_MIN_CRITERIA = quebec.number("evaluation", "min_criteria")
"""Quality criteria the statutory system needs besides price."""
QUEBEC_MAX_POINTS = quebec.number("evaluation", "max_points")
"""Most points (out of 100) one quality criterion may weigh."""
QUEBEC_MIN_COMMITTEE = quebec.number("evaluation", "min_committee")
"""Fewest members of the selection committee (none a member of council)."""
QUEBEC_INVITATION_MINIMUM = Decimal(quebec.number("evaluation", "invitation_minimum_cad"))
"""Expenditure (CAD) from which a Québec town must call for tenders (s. 573.1 LCV)."""

StatuteCase = Literal["outside", "below", "required", "if_weighted"]


@dataclass(frozen=True)
class QuebecStatute:
    """Whether Québec's statutory weighted system binds a project, and why.

    ``case``: ``"outside"`` (not a Québec project), ``"below"`` (an estimate under
    :data:`QUEBEC_INVITATION_MINIMUM`: no call for tenders is required, the statute does
    not bind the evaluation), ``"required"`` (professional services: the two-step system
    is mandatory), ``"if_weighted"`` (other contracts: price alone, or, when quality is
    weighed against price, the statutory system). ``estimate``: the estimate it compared
    (CAD before taxes), ``None`` when the project has none yet (then the statute is taken
    to bind: the safe reading). ``confirmed``: False while counsel must confirm the
    provision (resources/legal/quebec.json).
    """

    case: StatuteCase
    estimate: Decimal | None
    confirmed: bool

    @property
    def binds(self) -> bool:
        """The statute decides the evaluation of this project."""
        return self.case in ("required", "if_weighted")


def quebec_statute(province: str, professional_services: bool, estimate: Decimal | None) -> QuebecStatute:
    """Which Québec rule governs the evaluation, from the province code, the contract's
    nature and the estimate in CAD (``None``: unknown).

    >>> quebec_statute("QC", True, Decimal(80000)).case
    'required'
    >>> quebec_statute("QC", False, Decimal(24999)).case
    'below'
    """
    if province.strip().upper() != "QC":
        return QuebecStatute("outside", estimate, True)
    if estimate is not None and estimate < QUEBEC_INVITATION_MINIMUM:
        return QuebecStatute("below", estimate, quebec.fact("evaluation", "invitation_minimum_cad").confirmed)
    key = "professional_services" if professional_services else "other_contracts"
    case: StatuteCase = "required" if professional_services else "if_weighted"
    return QuebecStatute(case, estimate, quebec.fact("evaluation", key).confirmed)


def points_needed(threshold_pct: int, optional_count: int) -> int:
    """Points a bidder needs on the optional criteria: ceil(threshold % × count).

    Each optional criterion is worth exactly 1 point. Computed in integers.
    Raises ``ValueError`` for a negative count or a threshold outside 0–100 %.
    """
    if optional_count < 0 or not 0 <= threshold_pct <= 100:
        raise ValueError("threshold must be 0–100 % and the count not negative")
    return -(-threshold_pct * optional_count // 100)


def passes_threshold(points: int, optional_count: int, threshold_pct: int) -> bool:
    """Whether ``points`` out of ``optional_count`` reach ``threshold_pct`` % (integers)."""
    return points * 100 >= threshold_pct * optional_count


def quebec_score(interim: Decimal | int | str, price: Decimal | int | str) -> Decimal | None:
    """Québec's weighted-system final score for one bidder.

    ``interim`` is the quality score out of 100; ``price`` the bid in CAD (> 0).
    Below an interim score of 70 the price envelope is not opened: ``None``.
    Otherwise the final score is ``(interim + 50) × 10 000 / price``
    (e.g. 80 at 100,000 $ → 13; 70 at 120,000 $ → 10). Exact ``Decimal``; round only
    for display. Raises ``ValueError`` for a price ≤ 0 or an interim outside 0–100.
    """
    interim_d, price_d = Decimal(str(interim)), Decimal(str(price))
    if not Decimal(0) <= interim_d <= Decimal(100):
        raise ValueError("the interim score must be between 0 and 100")
    if price_d <= 0:
        raise ValueError("the price must be greater than zero")
    if interim_d < QUEBEC_MIN_INTERIM:
        return None
    return (interim_d + 50) * 10000 / price_d


def points_needed_clamped(threshold_pct: int, optional_count: int) -> int:
    """:func:`points_needed` for a document or a screen: never raises, an out-of-range
    threshold is clamped to 0–100 % (C-THRESHOLD reports it), so a bad project file still
    renders. ``points_needed_clamped(70, 60) == 42``; ``points_needed_clamped(170, 3) == 3``.
    """
    return points_needed(min(max(threshold_pct, 0), 100), max(optional_count, 0))


def project_statute(project: Project) -> QuebecStatute:
    """:func:`quebec_statute` for ``project``: its province, ``evaluation.professional_services``
    and its estimate (the Town's, else the TCO's: ``domain.funding.estimate``)."""
    from wizard.core.domain import funding  # funding reads the TCO: import at call time

    return quebec_statute(
        project.info.province, project.evaluation.professional_services, funding.estimate(project)
    )
