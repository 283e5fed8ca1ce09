"""Column widths from a table's content, so that no word is cut across two lines.

Word and LibreOffice break a word that is wider than its column mid-word
("Propriétair|e", "M-|UNDERPERFORMING"). :func:`column_widths` gives every column at
least the width of its longest word (headers in bold) and shares the rest of the page
as a browser's automatic table layout does: in proportion to how much more room each
column's longest line would take.

Text is measured with the advance widths of DejaVu Sans, the sans-serif font that
LibreOffice uses when Calibri is missing; Calibri (Word) is narrower, so a table laid
out here also fits in Word. Widths are in cm; the font size in points.

* ``text_width(text, font_pt, bold=False) -> float`` (cm, one line)
* ``column_widths(header, rows, total=16.0, font_pt=9.5) -> list[float]`` (cm, sum ≤ ``total``)
* ``min_widths(cells, font_pt, bold=False) -> float`` (cm, the longest word plus padding)
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

TEXT_WIDTH_CM = 16.0
"""Widest table a document allows: the text width of an A4 or Letter page with 2.5 cm
margins (Letter gives 16.59 cm, A4 16.0 cm), so no table runs off the page."""

TABLE_FONT_PT = 9.5
"""The font size of table text in the DOCX (``docx_export.TABLE_FONT``)."""

CM_PER_PT = 2.54 / 72
CELL_PADDING_CM = 0.5
"""Left and right cell margins of Word's "Table Grid" style (108 twips each), borders
and a little slack for rounding."""

_ASCII = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 "
    "636 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 "
    "603 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 "
    "634 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 337 636 838"
)
_LATIN1 = (
    "318 401 636 636 636 636 337 500 500 1000 471 612 838 361 1000 500 500 838 401 401 500 636 636 318 "
    "500 401 471 612 969 969 969 531 684 684 684 684 684 684 974 698 632 632 632 632 295 295 295 295 "
    "775 748 787 787 787 787 787 838 787 732 732 732 732 611 605 630 613 613 613 613 613 613 982 550 "
    "615 615 615 615 278 278 278 278 612 634 612 612 612 612 612 838 612 634 634 634 634 592 635 592"
)
_BOLD_ASCII = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 "
    "696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 "
    "837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716 "
    "678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 645 652 582 712 "
    "365 712 838 "
)
_BOLD_LATIN1 = (
    "348 456 696 696 636 696 365 500 500 1000 564 646 838 415 1000 500 500 838 438 438 500 736 636 "
    "380 500 438 564 646 1035 1035 1035 580 774 774 774 774 774 774 1085 734 683 683 683 683 372 372 "
    "372 372 838 837 850 850 850 850 850 838 850 812 812 812 812 724 738 719 675 675 675 675 675 675 "
    "1048 593 678 678 678 678 343 343 343 343 687 712 687 687 687 687 687 838 687 712 712 712 712 "
    "652 716 652 "
)


def _table(ascii_: str, latin1: str, extra: dict[str, int]) -> dict[str, int]:
    advance = {chr(32 + i): int(w) for i, w in enumerate(ascii_.split())}
    advance.update({chr(160 + i): int(w) for i, w in enumerate(latin1.split())})
    advance.update(extra)
    return advance


_ADVANCE = _table(
    _ASCII,
    _LATIN1,
    {
        "’": 318,
        "‘": 318,
        "“": 518,
        "”": 518,
        "—": 1000,
        "–": 500,
        "…": 1000,
        "✓": 838,
        "✗": 838,
        "Œ": 1070,
        "œ": 1023,
        "\u202f": 200,
        "\u2011": 361,
    },
)
_BOLD = _table(
    _BOLD_ASCII,
    _BOLD_LATIN1,
    {
        "’": 380,
        "‘": 380,
        "“": 657,
        "”": 657,
        "—": 1000,
        "–": 500,
        "…": 1000,
        "✓": 838,
        "✗": 838,
        "Œ": 1167,
        "œ": 1094,
        "\u202f": 220,
        "\u2011": 415,
    },
)
_OTHER = 700  # any other character (CJK and emoji are wider, but rare in a tender)


_WORD_CACHE: tuple[dict[str, int], dict[str, int]] = ({}, {})

_BREAKABLE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""Where a line may break: white space, except the no-break spaces ("123\u00a0456,78\u00a0$"
is one word: Word and LibreOffice never break it there)."""


def _word(word: str, bold: bool) -> int:
    """Width of one word in thousandths of an em (cached: tables repeat their words)."""
    cache = _WORD_CACHE[bold]
    width = cache.get(word)
    if width is None:
        advance = _BOLD if bold else _ADVANCE
        width = cache[word] = sum(advance.get(c, _OTHER) for c in word)
        if len(cache) > 50_000:
            cache.clear()
    return width


@lru_cache(maxsize=16384)
def _em(text: str, bold: bool = False) -> tuple[int, int]:
    """(whole text on one line, longest word) in thousandths of an em (cached per cell:
    the second language of an export repeats the user's texts)."""
    words = [w for w in _BREAKABLE.split(text) if w]
    if not words:
        return 0, 0
    widths = [_word(w, bold) for w in words]
    space = _BOLD[" "] if bold else _ADVANCE[" "]
    return sum(widths) + space * (len(widths) - 1), max(widths)


def text_width(text: str, font_pt: float, bold: bool = False) -> float:
    """Width in cm of ``text`` on one line at ``font_pt`` points (no padding)."""
    return _em(text, bold)[0] / 1000 * font_pt * CM_PER_PT


def min_widths(cells: list[str], font_pt: float, bold: bool = False) -> float:
    """Narrowest column (cm, padding included) that holds the longest word of ``cells``."""
    widest = max((_em(c, bold)[1] for c in cells), default=0)
    return widest / 1000 * font_pt * CM_PER_PT + CELL_PADDING_CM


def _column(header: list[list[str]], rows: list[list[str]], index: int) -> tuple[list[str], list[str]]:
    heads = [r[index] for r in header if index < len(r)]
    cells = [r[index] for r in rows if index < len(r)]
    return heads, cells


def column_widths(
    header: list[list[str]],
    rows: list[list[str]],
    total: float = TEXT_WIDTH_CM,
    font_pt: float = TABLE_FONT_PT,
) -> list[float]:
    """Widths in cm, one per column, summing to ``total`` (at most; rounded down).

    Each column gets at least its longest word (headers in bold); the remaining width
    goes to the columns whose text would still wrap, in proportion to what they lack.
    When even the longest words do not fit, the minimums are scaled down (words will be
    cut: the caller should split the table, as the decision record does for its matrix).
    """
    count = max((len(r) for r in header + rows), default=1)
    lows: list[float] = []
    highs: list[float] = []
    scale = font_pt * CM_PER_PT / 1000
    for index in range(count):
        heads, cells = _column(header, rows, index)
        low = max(min_widths(heads, font_pt, bold=True), min_widths(cells, font_pt))
        high = max([_em(h, True)[0] for h in heads] + [_em(c)[0] for c in cells] + [0]) * scale
        lows.append(low)
        highs.append(max(low, high + CELL_PADDING_CM))
    if sum(lows) >= total:
        return _floor([w * total / sum(lows) for w in lows])
    if sum(highs) <= total:
        spare = total - sum(highs)
        return _floor([h + spare * h / sum(highs) for h in highs])
    spare = total - sum(lows)
    wants = [h - lo for lo, h in zip(lows, highs, strict=True)]
    return _floor([lo + spare * w / sum(wants) for lo, w in zip(lows, wants, strict=True)])


def _floor(widths: list[float]) -> list[float]:
    """Widths rounded down to 0.01 cm, so that their sum never exceeds the page."""
    return [math.floor(w * 100) / 100 for w in widths]
