"""Total cost of ownership (docs/tco.md): pure ``Decimal`` arithmetic.

Guide principle: count what it costs to acquire, deploy, maintain *and leave* a
solution over several years, not only the licences (ECPAR's definition of TCO).

Formula
-------
* Years run from 0 (acquisition) to the horizon ``N`` (``project.tco.horizon_years``).
* A one-off line costs ``amount`` in its ``year`` (ignored past the horizon).
* A recurring line costs ``amount × (1 + escalation/100)^(y − year)`` every year ``y``
  from ``year`` to ``end_year`` (0 = the horizon).
* Nominal total = Σ years. NPV = Σ cost(y) / (1 + rate/100)^y, end-of-year
  discounting: year 0 is not discounted (``rate`` = ``project.tco.discount_rate_pct``).
* Amounts are CAD before taxes; taxes (rates from :mod:`wizard.core.domain.provinces`) are
  shown apart (:func:`taxes`). Round to the
  cent only for display.

Bounds (:mod:`wizard.core.model.bounds`, docs/cases.md K26): every number is read within
its range, so the computation never raises. The horizon, the discount rate, an amount,
an escalation and an end year outside their ranges count as the nearest limit; a line
whose first year is outside 0–15 is not counted. The checks say so (``T-HORIZON``,
``T-RATE``, ``T-RANGE``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from wizard.core.domain import provinces
from wizard.core.model import CostLine, Project, TcoOption, bounds
from wizard.core.model.bounds import clamp, in_range

EXIT_CATEGORIES = frozenset({"exit_extraction", "exit_migration", "exit_dual_running"})
LICENCE_CATEGORIES = frozenset({"licences", "subscriptions"})
MAX_HORIZON = bounds.MAX_HORIZON


@dataclass(frozen=True)
class OptionTco:
    """One option's TCO. ``years[y]`` and ``cumulative[y]`` for y = 0…horizon, CAD."""

    option_id: int
    name: str
    years: list[Decimal]
    cumulative: list[Decimal]
    nominal: Decimal
    npv: Decimal
    by_category: dict[str, Decimal]
    by_payer: dict[str, Decimal]


def line_costs(line: CostLine, horizon: int) -> list[Decimal]:
    """What ``line`` costs in each year 0…``horizon`` (CAD, before taxes). Its amount,
    escalation and end year count within their bounds (the nearest limit); a line whose
    first year is outside them (or past ``horizon``) costs nothing."""
    costs = [Decimal(0)] * (horizon + 1)
    if not in_range("cost_lines.year", line.year) or line.year > horizon:
        return costs
    amount = clamp("cost_lines.amount", Decimal(line.amount))
    if not line.recurring:
        costs[line.year] = amount
        return costs
    end_year = clamp("cost_lines.end_year", line.end_year)
    last = horizon if end_year <= 0 else min(end_year, horizon)
    growth = 1 + clamp("cost_lines.escalation_pct", Decimal(line.escalation_pct)) / 100
    for y in range(line.year, last + 1):
        costs[y] = amount * growth ** (y - line.year)
    return costs


def npv(years: list[Decimal], rate_pct: Decimal) -> Decimal:
    """Net present value of yearly costs; year 0 undiscounted, end-of-year discounting.
    The rate counts within its bounds (the nearest limit), so the factor is never 0."""
    factor = 1 + clamp("tco.discount_rate_pct", Decimal(rate_pct)) / 100
    return sum((cost / factor**y for y, cost in enumerate(years)), Decimal(0))


def horizon_of(project: Project) -> int:
    """The horizon in years, clamped to 1–15."""
    return clamp("tco.horizon_years", project.tco.horizon_years)


def rate_of(project: Project) -> Decimal:
    """The discount rate in % a year that the computation uses: the project's, clamped
    to its bounds (−20 to 50 %)."""
    return clamp("tco.discount_rate_pct", Decimal(project.tco.discount_rate_pct))


def option_tco(project: Project, option_id: int) -> OptionTco:
    """The TCO of one option (lines with another ``option_id`` are ignored)."""
    horizon = horizon_of(project)
    years = [Decimal(0)] * (horizon + 1)
    by_category: dict[str, Decimal] = defaultdict(Decimal)
    by_payer: dict[str, Decimal] = defaultdict(Decimal)
    for line in project.cost_lines:
        if line.option_id != option_id:
            continue
        costs = line_costs(line, horizon)
        total = sum(costs, Decimal(0))
        years = [a + b for a, b in zip(years, costs, strict=True)]
        by_category[line.category] += total
        by_payer[line.payer.strip()] += total
    cumulative, running = [], Decimal(0)
    for cost in years:
        running += cost
        cumulative.append(running)
    option = project.find_row(TcoOption, option_id)
    return OptionTco(
        option_id=option_id,
        name=option.name if option else "",
        years=years,
        cumulative=cumulative,
        nominal=running,
        npv=npv(years, rate_of(project)),
        by_category=dict(by_category),
        by_payer=dict(by_payer),
    )


def compute_tco(project: Project) -> list[OptionTco]:
    """The TCO of every option, in the order of ``project.tco_options``."""
    return [option_tco(project, option.id) for option in project.tco_options]


def tax_rates(province: str) -> tuple[tuple[str, Decimal], ...]:
    """(tax name, rate in %) pairs for a province or territory code, from
    :mod:`wizard.core.domain.provinces` (GST, HST, PST, QST); an unknown or empty code → none."""
    try:
        return tuple(provinces.sales_taxes(province).items())
    except KeyError:
        return ()


def taxes(amount: Decimal, province: str) -> list[tuple[str, Decimal, Decimal]]:
    """(tax name, rate %, tax amount in CAD) on a pre-tax ``amount``, shown apart."""
    return [(name, rate, amount * rate / 100) for name, rate in tax_rates(province)]
