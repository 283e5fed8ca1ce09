"""Checks of the total cost of ownership (docs/tco.md); arithmetic in :mod:`wizard.core.domain.tco`.

Codes: ``T-NO-EXIT`` (warning per option without exit costs: data extraction,
migration out, dual running), ``T-LICENCE-ONLY`` (warning per option costed with
licences or subscriptions only), ``T-OPTIONS`` (info: fewer than 2 options),
``T-EMPTY`` (info per option without cost lines), ``T-HORIZON`` (error: horizon outside
1–15 years), ``T-RATE`` (warning: a negative or above-25 % discount rate; error: outside
its bounds, −20 to 50 %), ``T-RANGE`` (error per cost line value outside its bounds:
amount, yearly increase, first and last year), ``T-LINE-YEAR`` (info: a line starting
after the horizon), ``T-LINE-OPTION`` (warning: a line attached to no option),
``T-NEGATIVE`` (warning: a negative amount).

The bounds are :data:`wizard.core.model.bounds.BOUNDS`; outside them the computation
counts the nearest limit (or, for a first year, leaves the line out) and the finding
says so (docs/cases.md K26).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain import tco
from wizard.core.i18n import N_, Plural
from wizard.core.model import CostLine, Project
from wizard.core.model.bounds import in_range, message_params

_LINE_BOUNDS = (
    (
        "amount",
        N_(
            "The amount must be between {low} and {high} $: {value} $ is outside, so the computation uses {used} $."
        ),
    ),
    (
        "escalation_pct",
        N_(
            "The yearly increase must be between {low} and {high}%: {value}% is outside, "
            "so the computation uses {used}%."
        ),
    ),
    (
        "year",
        N_(
            "The first year must be between {low} and {high}: {value} is outside, so this line is not counted."
        ),
    ),
    (
        "end_year",
        N_(
            "The last year must be between {low} and {high} (0 = to the horizon): {value} is "
            "outside, so the computation uses {used}."
        ),
    ),
)
"""Cost line attribute → the ``T-RANGE`` message when its value is outside its bounds."""


def _settings(project: Project) -> list[Finding]:
    found: list[Finding] = []
    horizon = project.tco.horizon_years
    if not in_range("tco.horizon_years", horizon):
        found.append(
            finding(
                "T-HORIZON",
                Severity.ERROR,
                N_(
                    "The horizon must be between {low} and {high} years: {value} is outside, "
                    "so the computation uses {used}."
                ),
                "tco.horizon_years",
                principles.TCO,
                **message_params("tco.horizon_years", horizon),
            )
        )
    rate = project.tco.discount_rate_pct
    if not in_range("tco.discount_rate_pct", rate):
        found.append(
            finding(
                "T-RATE",
                Severity.ERROR,
                N_(
                    "The discount rate must be between {low} and {high}% a year: {value}% is "
                    "outside, so the computation uses {used}%."
                ),
                "tco.discount_rate_pct",
                principles.TCO,
                **message_params("tco.discount_rate_pct", rate),
            )
        )
    elif not Decimal(0) <= rate <= Decimal(25):
        found.append(
            finding(
                "T-RATE",
                Severity.WARNING,
                N_("A discount rate of {rate}% is unusual; check it and its source."),
                "tco.discount_rate_pct",
                principles.TCO,
                rate=rate,
            )
        )
    if len(project.tco_options) < 2:
        found.append(
            finding(
                "T-OPTIONS",
                Severity.INFO,
                N_("Compare at least two options (e.g. on premises and cloud)."),
                "tco_options",
                principles.TCO,
            )
        )
    return found


def _lines(project: Project) -> list[Finding]:
    found: list[Finding] = []
    options = {o.id for o in project.tco_options}
    horizon = tco.horizon_of(project)
    for line in project.cost_lines:
        if line.option_id not in options:
            found.append(
                finding(
                    "T-LINE-OPTION",
                    Severity.WARNING,
                    N_("This cost line belongs to no option."),
                    f"cost_lines:{line.id}.option_id",
                    principles.TCO,
                )
            )
        for attribute, text in _LINE_BOUNDS:
            value = getattr(line, attribute)
            if not in_range(f"cost_lines.{attribute}", value):
                found.append(
                    finding(
                        "T-RANGE",
                        Severity.ERROR,
                        text,
                        f"cost_lines:{line.id}.{attribute}",
                        principles.TCO,
                        **message_params(f"cost_lines.{attribute}", value),
                    )
                )
        if horizon < line.year <= tco.MAX_HORIZON:
            found.append(
                finding(
                    "T-LINE-YEAR",
                    Severity.INFO,
                    Plural(
                        "This cost starts after the horizon ({count} year) and is not counted.",
                        "This cost starts after the horizon ({count} years) and is not counted.",
                        horizon,
                    ),
                    f"cost_lines:{line.id}.year",
                    principles.TCO,
                )
            )
        if line.amount.is_finite() and line.amount < 0:
            found.append(
                finding(
                    "T-NEGATIVE",
                    Severity.WARNING,
                    N_("A negative amount: enter savings as a separate option instead."),
                    f"cost_lines:{line.id}.amount",
                    principles.TCO,
                )
            )
    return found


def check_tco(project: Project) -> list[Finding]:
    """Findings of the TCO step; see the module docstring for the codes."""
    found = _settings(project) + _lines(project)
    by_option: dict[int, list[CostLine]] = defaultdict(list)
    for line in project.cost_lines:
        by_option[line.option_id].append(line)
    for option in project.tco_options:
        field = f"tco_options:{option.id}.name"
        categories = {line.category for line in by_option[option.id]}
        if not categories:
            found.append(
                finding(
                    "T-EMPTY",
                    Severity.INFO,
                    N_("{name}: no cost line yet."),
                    field,
                    principles.TCO,
                    name=option.name,
                )
            )
            continue
        if not categories & tco.EXIT_CATEGORIES:
            found.append(
                finding(
                    "T-NO-EXIT",
                    Severity.WARNING,
                    N_("{name}: no exit costs. Add data extraction, migration out and dual running."),
                    field,
                    principles.EXIT,
                    name=option.name,
                )
            )
        if categories <= tco.LICENCE_CATEGORIES:
            found.append(
                finding(
                    "T-LICENCE-ONLY",
                    Severity.WARNING,
                    N_(
                        "{name}: only licence costs. Add implementation, training, "
                        "hosting, support, staff time and exit."
                    ),
                    field,
                    principles.TCO,
                    name=option.name,
                )
            )
    return found
