"""Text helpers shared by the checks: accent- and case-folding that keeps offsets.

``fold(text)`` returns a string of the *same length* as ``text``: lower case, accents
removed, typographic apostrophes turned into ``'`` and typographic hyphens into ``-``. Patterns are written in plain ASCII
against it, and a match's span is valid in the original text (so it can be compared
with :func:`wizard.core.domain.brands.detect_brands` spans).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_HYPHENS = "\u2010\u2011"  # "sole\u2011source" as typeset by word processors


@cache
def _fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    if char in _HYPHENS:
        return "-"
    base = [c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)]
    if len(base) == 1:
        lowered = base[0].lower()
        if len(lowered) == 1:
            return lowered
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


def fold(text: str) -> str:
    """``text`` lower-cased without accents, same length ("Système d’Esri" → "systeme d'esri")."""
    if text.isascii():
        return text.lower()
    table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii()}
    return text.translate(table).lower() if not _changes_length(table) else _slow_fold(text)


def _changes_length(table: dict[int, str]) -> bool:
    return any(len(v.lower()) != 1 for v in table.values())


def _slow_fold(text: str) -> str:
    return "".join(c.lower() if c.isascii() else _fold_char(c) for c in text)


def words(pattern: str) -> re.Pattern[str]:
    """A compiled pattern whose alternatives must be whole words (``\\b`` on both sides)."""
    return re.compile(rf"\b(?:{pattern})\b")


def any_match(patterns: tuple[re.Pattern[str], ...], folded: str) -> re.Match[str] | None:
    """The first match of any of ``patterns`` in ``folded`` text, or ``None``."""
    for pattern in patterns:
        found = pattern.search(folded)
        if found:
            return found
    return None


_SENTENCE_END = re.compile(r"[.;!?\n]+(?:\s|$)")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence of ``text`` holding ``pos``."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    end_match = _SENTENCE_END.search(text, pos)
    return start, end_match.start() if end_match else len(text)
