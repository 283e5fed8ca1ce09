"""Funding: the estimate council is asked to fund and whether the budget covers it.

The estimate is the user's (``project.tco.estimate_cad``) when set, else the TCO's: the
nominal total before taxes over the horizon of the option with the lowest net present
value (the first one on a tie), the option the TCO comparison favours. Amounts are CAD,
read within their bounds (:mod:`wizard.core.model.bounds`); 0 means "not stated".

* ``tco_choice(project) -> OptionTco | None``: the option with the lowest net present value.
* ``estimate(project) -> Decimal | None``: the estimate (None: no figure at all).
* ``estimate_from_tco(project) -> bool``: whether the estimate is the TCO's.
* ``budget(project) -> Decimal | None``: the budget available (None: not stated).
* ``covers(project) -> bool | None``: budget ≥ estimate (None: one of them is unknown).

Guide principle: council funds a whole cost over the life of the system, not a licence
price; the record says which figure it is and whether the money is there.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.domain import tco
from wizard.core.domain.tco import OptionTco
from wizard.core.model import Project
from wizard.core.model.bounds import clamp


def tco_choice(project: Project, results: list[OptionTco] | None = None) -> OptionTco | None:
    """The option with the lowest net present value (the first on a tie); None without options."""
    results = tco.compute_tco(project) if results is None else results
    return min(results, key=lambda r: r.npv) if results else None


def _amount(field: str, value: Decimal) -> Decimal | None:
    amount = clamp(field, Decimal(value))
    return amount if amount > 0 else None


def estimate_from_tco(project: Project) -> bool:
    """Whether the estimate is the TCO's (no estimate of the user's own)."""
    return _amount("tco.estimate_cad", project.tco.estimate_cad) is None


def estimate(project: Project, results: list[OptionTco] | None = None) -> Decimal | None:
    """The estimated cost in CAD before taxes: the user's, else the TCO's; None when
    neither exists (no estimate and no TCO option)."""
    own = _amount("tco.estimate_cad", project.tco.estimate_cad)
    if own is not None:
        return own
    choice = tco_choice(project, results)
    return choice.nominal if choice else None


def budget(project: Project) -> Decimal | None:
    """The budget available in CAD (None: not stated)."""
    return _amount("tco.budget_cad", project.tco.budget_cad)


def covers(project: Project, results: list[OptionTco] | None = None) -> bool | None:
    """Whether the budget available covers the estimate; None when either is unknown."""
    money, cost = budget(project), estimate(project, results)
    if money is None or cost is None:
        return None
    return money >= cost
