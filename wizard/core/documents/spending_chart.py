"""The spending chart of the contract's follow-up (issue 23, docs/contract.md), as PNG
bytes: what was paid each contract year (bars) beside the TCO forecast and the winning
bid's prices (lines), from :func:`wizard.core.contract.follow_up.spending_by_year`.

Drawn like the TCO chart (``documents/chart.py``): matplotlib's Agg canvas on a bare
``Figure``, imported inside the function only (the core is imported at app start), the
same colours, fonts and settings, so the same data gives the same bytes. Amounts are
CAD before taxes; they become floats only to be drawn.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from wizard.core.contract.follow_up import SpendingYear
from wizard.core.documents.record_tco import money
from wizard.core.i18n import tr

PAID, FORECAST, BID = "#0072B2", "#D55E00", "#009E73"
"""Okabe–Ito colours, as the TCO chart's: colour-blind safe; lines carry markers too."""


def _point(value: Decimal | None) -> float:
    if value is None:
        return math.nan
    number = float(value)
    return number if math.isfinite(number) else math.nan


def _draw(axes: Any, years: Sequence[SpendingYear], lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    xs = [y.year for y in years]
    axes.bar(xs, [_point(y.paid) for y in years], width=0.6, color=PAID, label=tr("Paid", lang))
    if any(y.forecast is not None for y in years):
        axes.plot(
            xs,
            [_point(y.forecast) for y in years],
            color=FORECAST,
            marker="s",
            linewidth=2,
            label=tr("TCO forecast", lang),
        )
    if any(y.bid is not None for y in years):
        axes.plot(
            xs,
            [_point(y.bid) for y in years],
            color=BID,
            marker="^",
            linewidth=2,
            linestyle="--",
            label=tr("Winning bid's prices", lang),
        )
    axes.set_title(tr("Spending by contract year (CAD, before taxes)", lang))
    axes.set_xlabel(tr("Contract year", lang))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: money(value, lang, cents=False)))
    values = [x for y in years for x in map(_point, (y.paid, y.forecast, y.bid)) if not math.isnan(x)]
    axes.set_ylim(bottom=0.0, top=max([1.0, *values]) * 1.1)
    axes.set_xlim(left=0.4, right=max([1, *xs]) + 0.6)
    axes.grid(True, axis="y", color="#dddddd")
    axes.spines[["top", "right"]].set_visible(False)
    axes.figure.legend(loc="outside lower center", ncol=3, frameon=False)


def spending_chart_png(
    years: Sequence[SpendingYear], lang: str, *, width_cm: float = 16.0, dpi: int = 150
) -> bytes:
    """The chart of ``years`` in ``lang`` ("fr"/"en": labels and money format) as PNG
    bytes; the height is 60 % of ``width_cm``. Raises nothing for odd data."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width_in = width_cm / 2.54
    with (
        warnings.catch_warnings(),
        rc_context(
            {
                "text.parse_math": False,
                "font.family": "DejaVu Sans",
                "font.size": 9,
                "svg.hashsalt": "spending",
                "axes.titleweight": "bold",
            }
        ),
    ):
        figure = Figure(figsize=(width_in, width_in * 0.6), dpi=dpi, layout="constrained")
        FigureCanvasAgg(figure)
        _draw(figure.add_subplot(), years, lang)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
