"""The TCO chart: cumulative cost by option over the horizon (docs/tco.md), as PNG bytes.

Shown on the TCO page and in the decision record. Drawn with matplotlib's Agg canvas
on a bare ``Figure`` (no pyplot state, no Qt), imported lazily inside the function
because importing matplotlib is slow and the core is imported at app start.

``cumulative_chart_png(project, lang, *, width_cm=16.0, dpi=150) -> bytes``: the same
project gives the same bytes (and draws once: the pictures are kept by their inputs) (no timestamp or software version in the file). Amounts are
CAD before taxes (``tco.compute_tco``); they become floats only to be drawn. The
computation's inputs are bounded (docs/tco.md, "Bounds"), so every point is a finite
float; a point that still is not (a project built in code) is left out of the line
and of the axis limits rather than raising.
"""

from __future__ import annotations

import io
import math
import warnings
from decimal import Decimal
from typing import Any

from wizard.core.documents.record_tco import money, option_name
from wizard.core.domain import tco
from wizard.core.i18n import tr
from wizard.core.model import Project

# Colour-blind-safe colours (Okabe–Ito) and distinct markers, so options stay apart in grey.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
MAX_LABEL = 60
_MAX_POINT = 1e300  # the axis limits add 8 %: stay far from the largest float


def _label(name: str, number: int, lang: str) -> str:
    text = option_name(name, number, lang)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _point(value: Decimal) -> float:
    """``value`` as a float to draw; NaN (a gap in the line) when it is not a finite
    float well within range."""
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return math.nan
    return number if math.isfinite(number) and abs(number) < _MAX_POINT else math.nan


def _draw(axes: Any, results: list[tco.OptionTco], horizon: int, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    for index, result in enumerate(results):
        axes.plot(
            range(len(result.cumulative)),
            [_point(v) for v in result.cumulative],
            label=_label(result.name, index + 1, lang),
            color=COLOURS[index % len(COLOURS)],
            marker=MARKERS[index % len(MARKERS)],
            linewidth=2,
        )
    if not results:
        axes.text(
            0.5,
            0.5,
            tr("No option to compare yet.", lang),
            ha="center",
            va="center",
            transform=axes.transAxes,
        )
    axes.set_title(tr("Cumulative cost by option (CAD, before taxes)", lang))
    axes.set_xlabel(tr("Year", lang))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: money(value, lang, cents=False)))
    values = [x for r in results for x in map(_point, r.cumulative) if not math.isnan(x)]
    axes.set_ylim(bottom=min([0.0, *values]) * 1.08, top=max([1.0, *values]) * 1.08)
    axes.set_xlim(left=-0.3, right=max(1, horizon) + 0.3)
    axes.grid(True, color="#dddddd")
    axes.spines[["top", "right"]].set_visible(False)
    if results:
        labels = [line.get_label() for line in axes.get_lines()]
        columns = len(labels) if sum(len(x) + 6 for x in labels) <= 90 else 1
        axes.figure.legend(loc="outside lower center", ncol=columns, frameon=False)


def cumulative_chart_png(project: Project, lang: str, *, width_cm: float = 16.0, dpi: int = 150) -> bytes:
    """The chart of cumulative cost per option, year 0…horizon, as PNG bytes.

    ``lang`` ("fr"/"en") sets the labels and the money format; ``width_cm`` and ``dpi``
    set the picture size (the height is 60 % of the width). Option names are drawn as
    plain text (``$`` does not start mathematics). Raises nothing for odd data.

    Drawn once per language and inputs (issue 25): the last pictures are kept, keyed on
    everything drawn (the language, the size, the horizon, each option's name and
    cumulative costs), so an export of both languages, a second export or the TCO page
    after an export draw nothing again. matplotlib is imported only to draw.
    """
    results = tco.compute_tco(project)
    horizon = tco.horizon_of(project)
    key = (lang, width_cm, dpi, horizon, tuple((r.name, tuple(r.cumulative)) for r in results))
    png = _DRAWN.get(key)
    if png is None:
        png = _render(results, horizon, lang, width_cm, dpi)
        _DRAWN[key] = png
        while len(_DRAWN) > _KEPT:
            del _DRAWN[next(iter(_DRAWN))]  # the oldest
    return png


_DRAWN: dict[tuple[Any, ...], bytes] = {}
_KEPT = 8  # pictures kept: two languages × the page's size and the export's, and a few edits


def _render(results: list[tco.OptionTco], horizon: int, lang: str, width_cm: float, dpi: int) -> bytes:
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
                "svg.hashsalt": "tco",
                "axes.titleweight": "bold",
            }
        ),
    ):
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")  # emoji in a name: a box
        figure = Figure(figsize=(width_in, width_in * 0.6), dpi=dpi, layout="constrained")
        FigureCanvasAgg(figure)
        _draw(figure.add_subplot(), results, horizon, lang)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
