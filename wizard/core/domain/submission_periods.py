"""Minimum submission periods: how long a call for tenders stays open, from its
publication to its closing date (red flag R003 of the Open Contracting Partnership: a
short period favours the bidder who was told in advance).

The facts live in ``resources/legal/submission_periods.json`` (format:
``resources/legal/README.md``, "Submission periods"): each rule's minimum number of days,
the statute or agreement it comes from, the date it was checked and whether it is
confirmed. This module reads and validates the file once, at import; a missing or
malformed file raises :class:`~wizard.core.domain.provinces.LegalDataError` naming
every problem.

* ``RULES``: rule id → :class:`PeriodRule` (``kind`` "law": a statute of the province
  binds every public call for tenders; "agreement": a trade agreement binds a contract
  above its thresholds).
* ``rules_for(province)``: the rules that apply in a province, law first.
* ``TOWN_DEFAULT_DAYS``: the app's default for the Town's own minimum (15 days, OCP's
  R003 default threshold), used while ``info.min_submission_days`` is 0.
* ``period_days(publication, closing)``: whole days between two ISO dates, or ``None``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from wizard.core.domain.days import parse_day
from wizard.core.domain.provinces import (
    EXPECTED_CODES,
    LegalDataError,
    Source,
    _Problems,
    _text_fact,
    _value_fact,
)
from wizard.core.paths import resource_path

FORMAT = 1
"""The version of ``submission_periods.json`` this module reads."""

KINDS = ("law", "agreement")
_TOP_KEYS = frozenset({"format", "about", "town_default", "rules"})
_RULE_KEYS = frozenset({"kind", "provinces", "days", "name"})


@dataclass(frozen=True)
class PeriodRule:
    """One minimum submission period.

    ``days`` is the minimum in whole days, ``None`` when no number could be confirmed
    (the check then compares nothing); ``name_fr`` / ``name_en`` name the statute or
    agreement, ready to print after "the … days that"; ``confirmed`` is False when
    counsel must confirm the minimum (the finding then says so); ``sources`` maps
    ``"days"`` and ``"name"`` to their :class:`~wizard.core.domain.provinces.Source`.
    """

    id: str
    kind: str
    provinces: tuple[str, ...]
    days: int | None
    name_fr: str
    name_en: str
    confirmed: bool
    sources: dict[str, Source]

    def name(self, lang: str) -> str:
        """The statute or agreement in ``lang`` ("fr" or "en")."""
        return self.name_fr if lang == "fr" else self.name_en


def _days(raw: object, path: str, problems: _Problems, allow_blank: bool) -> tuple[Source, int | None] | None:
    found = _value_fact(raw, path, problems)
    if found is None:
        return None
    source, value = found
    if allow_blank and value == "":
        if source.confirmed:
            problems.add(path, "a minimum that is not known ('value': \"\") must be 'confirmed': false")
        return source, None
    if not isinstance(value, str) or not value.isdigit() or not 0 < int(value) <= 365:
        problems.add(path, f"'value' must be a number of days as a string, 1 to 365 (got {value!r})")
        return None
    return source, int(value)


def _rule(rule_id: str, raw: object, problems: _Problems) -> PeriodRule | None:
    where = f"rules.{rule_id}"
    start = len(problems.lines)
    if not isinstance(raw, dict):
        problems.add(where, "must be an object with 'kind', 'provinces', 'days' and 'name'")
        return None
    for key in sorted(set(raw) - _RULE_KEYS) + sorted(_RULE_KEYS - set(raw)):
        problems.add(where, f"unknown or missing key {key!r} (a rule has {', '.join(sorted(_RULE_KEYS))})")
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.add(f"{where}.kind", f"must be one of {', '.join(KINDS)} (got {kind!r})")
    provinces = raw.get("provinces")
    if (
        not isinstance(provinces, list)
        or not provinces
        or any(p not in EXPECTED_CODES for p in provinces)
        or len(set(provinces)) != len(provinces)
    ):
        problems.add(f"{where}.provinces", "must list province codes (QC, NS …), each once")
        provinces = []
    days = _days(raw.get("days"), f"{where}.days", problems, allow_blank=True)
    name = _text_fact(raw.get("name"), f"{where}.name", problems)
    if len(problems.lines) > start or days is None or name is None:
        return None
    return PeriodRule(
        rule_id,
        str(kind),
        tuple(provinces),
        days[1],
        name.fr,
        name.en,
        days[0].confirmed and name.confirmed,
        {"days": days[0], "name": name},
    )


def parse(data: object, where: str = "submission_periods.json") -> tuple[int, dict[str, PeriodRule]]:
    """``(town default days, rules)`` of an already decoded ``submission_periods.json``.
    Raises :class:`LegalDataError` listing every problem."""
    problems = _Problems()
    rules: dict[str, PeriodRule] = {}
    default: int | None = None
    if not isinstance(data, dict):
        problems.add("(top)", "must be an object with 'format', 'town_default' and 'rules'")
    else:
        for key in sorted(set(data) - _TOP_KEYS):
            problems.add("(top)", f"unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
        if data.get("format") != FORMAT or isinstance(data.get("format"), bool):
            problems.add("format", f"must be {FORMAT} (got {data.get('format')!r})")
        found = _days(data.get("town_default"), "town_default", problems, allow_blank=False)
        default = found[1] if found is not None else None
        raw_rules = data.get("rules")
        if not isinstance(raw_rules, dict):
            problems.add("rules", "must be an object: rule id → rule")
        else:
            for rule_id, raw in raw_rules.items():
                rule = _rule(rule_id, raw, problems)
                if rule is not None:
                    rules[rule_id] = rule
    if problems.lines or default is None:
        raise LegalDataError(f"{where} is not valid:\n" + "\n".join(problems.lines))
    return default, rules


def load(path: Path | None = None) -> tuple[int, dict[str, PeriodRule]]:
    """Read and validate the file (the bundled one by default). Raises
    :class:`LegalDataError` when it is missing, not JSON or not valid."""
    path = path or resource_path("legal", "submission_periods.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LegalDataError(f"{path.name} cannot be read: {exc}") from None
    return parse(data, path.name)


TOWN_DEFAULT_DAYS, RULES = load()


def rules_for(province: str) -> list[PeriodRule]:
    """The rules that apply in ``province`` (a code; any case, spaces ignored), statutes
    first, then trade agreements, each in file order; [] for an unknown code."""
    code = province.strip().upper()
    found = [r for r in RULES.values() if code in r.provinces]
    return sorted(found, key=lambda r: KINDS.index(r.kind))


def period_days(publication: str, closing: str) -> int | None:
    """Whole days from the ``publication`` date to the ``closing`` date (ISO
    ``YYYY-MM-DD``): 2027-03-01 → 2027-03-16 is 15. ``None`` when either is blank or not
    a date (PR-DATE reports it)."""
    start, end = parse_day(publication), parse_day(closing)
    if start is None or end is None:
        return None
    return (end - start).days
