"""Values of a market-matrix CSV file read the way people type them.

A cell may hold the stored code (``open_source``, ``partial``), or the label the app
shows in English or French ("Open source", "Logiciel libre", "Partiel"), in any case,
with or without accents. :func:`parse_value` turns it into the model's value.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from wizard.core.i18n import tr
from wizard.core.i18n.labels import labels_of
from wizard.core.model import Solution, Support

SOLUTION_COLUMNS = ("solution", "vendor", "licence", "delivery", "hosting_in_canada", "source")
"""The solution columns of the file, in export order (the first is the name)."""

LABELS = labels_of(Support.LEVELS + Solution.LICENCES + Solution.DELIVERIES + Solution.SOURCES)
"""Model code → the label msgid the app shows (French in ``ui.po``)."""

ALIASES = {
    "y": "yes",
    "oui": "yes",
    "o": "yes",
    "x": "yes",
    "true": "yes",
    "1": "yes",
    "p": "partial",
    "partielle": "partial",
    "partiellement": "partial",
    "n": "no",
    "non": "no",
    "false": "no",
    "0": "no",
    "inconnu": "unknown",
    "inconnue": "unknown",
    "?": "unknown",
    "na": "unknown",
    "n_a": "unknown",
    "proprietaire": "proprietary",
    "libre": "open_source",
    "open_source": "open_source",
    "code_source_ouvert": "open_source",
    "logiciel_libre": "open_source",
    "on_premise": "on_premises",
    "sur_place": "on_premises",
    "cloud": "cloud",
    "saas": "cloud",
    "infonuagique": "cloud",
    "nuage": "cloud",
    "hybride": "hybrid",
    "vendor_demo": "demo",
    "demonstration": "demo",
}

CHOICES: dict[str, tuple[str, ...]] = {
    "level": Support.LEVELS,
    "licence": Solution.LICENCES,
    "delivery": Solution.DELIVERIES,
    "source": Solution.SOURCES,
}

_NOT_WORD = re.compile(r"[^a-z0-9?]+")


def key_of(text: str) -> str:
    """``text`` folded for matching: "Cloud / SaaS" → "cloud_saas", "Propriétaire" →
    "proprietaire", "  Alpha  Inc. " → "alpha_inc"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub("_", plain.lower()).strip("_")


@cache
def _accepted() -> dict[str, str]:
    accepted = dict(ALIASES)
    for code, msgid in LABELS.items():
        accepted[key_of(code)] = code
        accepted[key_of(msgid)] = code
        accepted[key_of(tr(msgid, "fr"))] = code
    return accepted


def parse_value(attribute: str, text: str) -> Any:
    """The model value of a cell of column ``attribute`` (``"level"`` for a matrix
    cell, ``"hosting_in_canada"`` for yes/no, a solution attribute otherwise);
    ``None`` when ``text`` is not an accepted value. ``vendor`` is kept as typed."""
    if attribute == "vendor":
        return text
    code = _accepted().get(key_of(text))
    if attribute == "hosting_in_canada":
        return {"yes": True, "no": False}.get(code or "")
    return code if code in CHOICES.get(attribute, ()) else None
