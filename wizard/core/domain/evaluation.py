"""Evaluation arithmetic: pass threshold and Québec's weighted score.

Everything is exact: integers and ``Decimal``, never a float sum (docs/cases.md K12: 42 of 60
optional criteria at 70 % pass; adding 100/60 per point in floats gives 69.999… and
wrongly fails).
"""

from __future__ import annotations

from decimal import Decimal

QUEBEC_MIN_INTERIM = Decimal("70")
"""Interim quality score (out of 100) needed to open a bidder's price envelope."""

QUEBEC_MIN_CRITERIA = 4
QUEBEC_MAX_POINTS = 30
QUEBEC_MIN_COMMITTEE = 3


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
