"""Québec municipal rules as data: the statutory weighted evaluation, publication on SEAO,
the 2021 privacy reform and the complaint procedure (AMP) (``resources/legal/quebec.json``,
format in ``resources/legal/README.md``).

* ``QUEBEC``: group (``"evaluation"``, ``"publication"``, ``"privacy"``, ``"complaints"``:
  the complaint to the Town and to the Autorité des marchés publics) → key →
  :class:`~wizard.core.domain.provinces.Source` (the fact, its provision, the day it was
  checked, whether counsel must confirm it).
* ``fact(group, key)``: one fact; raises ``KeyError`` for an unknown one.
* ``text(group, key, lang)``: a textual fact in ``"fr"`` or ``"en"``.
* ``number(group, key)``: a numeric fact as an ``int`` (``"25000"`` → 25000).

The file is read and validated once, at import; a missing or malformed file raises
:class:`~wizard.core.domain.provinces.LegalDataError` naming every problem. Principle:
a legal fact is data with its source, never a constant typed in the code
(``tests/core/test_quebec_rules.py`` checks that the code's constants are the file's).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from wizard.core.domain.provinces import LegalDataError, Source
from wizard.core.paths import resource_path

GROUPS = ("evaluation", "publication", "privacy", "complaints", "civil_code")
"""The groups of facts the file holds, each an object of facts."""

_FACT_KEYS = frozenset({"fr", "en", "value", "source", "checked", "confirmed", "note"})


def _fact(path: str, raw: object, problems: list[str]) -> Source | None:
    if not isinstance(raw, dict):
        problems.append(f"{path}: a fact must be an object")
        return None
    unknown = sorted(set(raw) - _FACT_KEYS)
    if unknown:
        problems.append(f"{path}: unknown keys {', '.join(unknown)}")
    source, checked = raw.get("source"), raw.get("checked")
    if not isinstance(source, str) or not source.strip():
        problems.append(f"{path}: no source")
    try:
        day = dt.date.fromisoformat(str(checked))
    except ValueError:
        problems.append(f"{path}: 'checked' must be a date YYYY-MM-DD")
        day = dt.date.min
    has_text = isinstance(raw.get("fr"), str) and isinstance(raw.get("en"), str)
    if not has_text and not isinstance(raw.get("value"), str):
        problems.append(f"{path}: needs 'fr' and 'en', or a 'value' string")
    if not isinstance(raw.get("confirmed", True), bool):
        problems.append(f"{path}: 'confirmed' must be true or false")
    if problems:
        return None
    return Source(
        key=path,
        source=str(source),
        checked=day,
        confirmed=bool(raw.get("confirmed", True)),
        fr=str(raw.get("fr", "")),
        en=str(raw.get("en", "")),
        value=str(raw.get("value", "")),
        note=str(raw.get("note", "")),
    )


def load(path: Path | None = None) -> dict[str, dict[str, Source]]:
    """Read and validate ``quebec.json``. Raises ``LegalDataError`` listing every problem."""
    path = path or resource_path("legal", "quebec.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LegalDataError(f"{path.name}: cannot read it ({exc})") from None
    problems: list[str] = []
    if not isinstance(data, dict) or data.get("format") != 1:
        raise LegalDataError(f"{path.name}: 'format' must be 1")
    unknown = sorted(set(data) - {"format", "about", *GROUPS})
    if unknown:
        problems.append(f"unknown keys {', '.join(unknown)}")
    facts: dict[str, dict[str, Source]] = {}
    for group in GROUPS:
        raw = data.get(group)
        if not isinstance(raw, dict):
            problems.append(f"{group}: missing")
            continue
        facts[group] = {}
        for key, value in raw.items():
            mine: list[str] = []
            fact = _fact(f"{group}.{key}", value, mine)
            problems += mine
            if fact is not None:
                facts[group][key] = fact
    if problems:
        raise LegalDataError("\n".join(f"{path.name}: {p}" for p in problems))
    return facts


QUEBEC = load()


def fact(group: str, key: str) -> Source:
    """The fact ``group.key``; ``KeyError`` for an unknown one."""
    return QUEBEC[group][key]


def text(group: str, key: str, lang: str) -> str:
    """A textual fact in ``lang`` ("fr" or "en"; English otherwise)."""
    found = fact(group, key)
    return found.fr if lang == "fr" else found.en


def number(group: str, key: str) -> int:
    """A numeric fact (its ``value``) as an ``int``."""
    return int(fact(group, key).value)
