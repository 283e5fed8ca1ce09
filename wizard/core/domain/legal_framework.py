"""The legal framework of a town's call for tenders beyond ``provinces.json``: the trade
agreements that cover municipalities, their thresholds and the period each is valid for,
and per province the lobbying and language rules, the platform a public call must use
and the public-call threshold a statute sets.

The facts live in ``resources/legal/framework.json`` (format: ``resources/legal/README.md``,
"The framework"); every fact has its value, the provision or official page it comes
from, the date it was checked and whether it is confirmed. This module reads and
validates the file once, at import; a missing or malformed file raises
:class:`~wizard.core.domain.provinces.LegalDataError` naming every problem.

* ``AGREEMENTS``: id (``"CFTA"`` …) → :class:`Agreement`.
* ``agreements_for(code)``: the agreements that cover the municipalities of a province.
* ``FRAMEWORKS``: province code → :class:`ProvinceFramework`.
* ``framework(code)``: the :class:`ProvinceFramework` (``KeyError`` for an unknown code).
* ``coverage(agreement, estimate)``: whether a call estimated at ``estimate`` reaches the
  agreement's confirmed threshold (``None`` when either is unknown).

Principle: a number the app compares an estimate with is a legal fact; where it could
not be read in its source for the period in force, the value is blank, the fact says
"to be confirmed by counsel", and nothing is compared (never a guessed number).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

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
"""The version of ``framework.json`` this module reads."""

CATEGORIES = ("goods", "services", "construction")
"""The kinds of contract a threshold is set for."""

_TOP_KEYS = frozenset({"format", "about", "agreements", "provinces"})
_AGREEMENT_KEYS = frozenset({"name", "provinces", "period", "thresholds"})
_OPTIONAL_AGREEMENT_KEYS = frozenset({"bid_dispute", "bid_dispute_authority"})
_PROVINCE_KEYS = frozenset({"lobbying_law", "language_law", "platform", "public_call_threshold"})
_REQUIRED_PROVINCE_KEYS = ("lobbying_law", "language_law")


@dataclass(frozen=True)
class Threshold:
    """One threshold in CAD before taxes; ``amount`` is ``None`` when it could not be
    confirmed (``source.confirmed`` is then False)."""

    amount: Decimal | None
    source: Source


@dataclass(frozen=True)
class Agreement:
    """A trade agreement that covers municipalities above its thresholds.

    ``valid_from`` / ``valid_to`` bound the period its thresholds are in force (``None``:
    unknown). ``thresholds`` maps ``"goods"``, ``"services"``, ``"construction"`` to a
    :class:`Threshold`. ``sources`` maps ``"name"``, ``"provinces"``, ``"period"`` (and
    ``"bid_dispute"``, ``"bid_dispute_authority"`` when the file has them) to their
    :class:`Source`. ``bid_dispute`` is the textual fact of the agreement's bid-dispute
    procedure (CFTA Article 518) and ``bid_dispute_authority`` the authority that
    receives a challenge, both printed by the tender's complaints section; ``None`` when
    the file has none.
    """

    id: str
    name_fr: str
    name_en: str
    provinces: tuple[str, ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
    thresholds: dict[str, Threshold]
    sources: dict[str, Source] = field(default_factory=dict, compare=False, repr=False)
    bid_dispute: Source | None = None
    bid_dispute_authority: Source | None = None

    def name(self, lang: str) -> str:
        """The agreement in ``lang``, ready to print as a noun phrase."""
        return self.name_fr if lang == "fr" else self.name_en

    def expired(self, on: dt.date) -> bool:
        """Whether the thresholds' period ended before ``on`` (False when unknown)."""
        return self.valid_to is not None and self.valid_to < on

    def lowest_it_threshold(self) -> Threshold | None:
        """The lower confirmed threshold of goods and services (an IT contract is
        one or the other, often both: licences and services), or ``None``."""
        known = [t for k in ("goods", "services") if (t := self.thresholds[k]).amount is not None]
        return min(known, key=lambda t: t.amount or 0) if known else None

    def facts(self) -> list[Source]:
        """Every fact of the agreement, the thresholds last."""
        return [*self.sources.values(), *(t.source for t in self.thresholds.values())]


@dataclass(frozen=True)
class ProvinceFramework:
    """The framework facts of one province or territory.

    ``lobbying`` and ``language`` are textual facts (an unconfirmed one says "to be
    confirmed by counsel" in its text). ``platform`` is the platform a public call must
    be published on (``None``: no statute read sets one) and ``platform_token`` the word
    the project's platform must name ("SEAO"). ``public_call_threshold`` is the amount
    from which a public call is required by statute (``None``: unknown or none).
    """

    code: str
    lobbying: Source
    language: Source
    platform: Source | None = None
    platform_token: str = ""
    public_call_threshold: Threshold | None = None

    def facts(self) -> list[Source]:
        """Every fact of the province, in file order."""
        found = [self.lobbying, self.language, self.platform]
        if self.public_call_threshold is not None:
            found.append(self.public_call_threshold.source)
        return [f for f in found if f is not None]


def _amount(raw: object, path: str, problems: _Problems) -> Threshold | None:
    found = _value_fact(raw, path, problems)
    if found is None:
        return None
    source, value = found
    if value == "":
        if source.confirmed:
            problems.add(path, "an amount that is not known ('value': \"\") must be 'confirmed': false")
        return Threshold(None, source)
    try:
        amount = Decimal(value) if isinstance(value, str) else Decimal("NaN")
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount <= 0:
        problems.add(path, f"'value' must be an amount in CAD as a string, e.g. \"133800\" (got {value!r})")
        return None
    return Threshold(amount, source)


def _period(
    raw: object, path: str, problems: _Problems
) -> tuple[Source, dt.date | None, dt.date | None] | None:
    found = _value_fact(raw, path, problems)
    if found is None:
        return None
    source, value = found
    if value == "":
        if source.confirmed:
            problems.add(path, "a period that is not known ('value': \"\") must be 'confirmed': false")
        return source, None, None
    try:
        start, end = (dt.date.fromisoformat(x) for x in str(value).split("/"))
    except ValueError:
        problems.add(path, f"'value' must be 'YYYY-MM-DD/YYYY-MM-DD' (got {value!r})")
        return None
    if end < start:
        problems.add(path, f"the period ends before it starts ({value!r})")
        return None
    return source, start, end


def _agreement(key: str, raw: object, problems: _Problems) -> Agreement | None:
    where = f"agreements.{key}"
    start = len(problems.lines)
    if not isinstance(raw, dict):
        problems.add(where, "must be an object with 'name', 'provinces', 'period' and 'thresholds'")
        return None
    for extra in sorted((set(raw) - _OPTIONAL_AGREEMENT_KEYS) ^ _AGREEMENT_KEYS):
        problems.add(
            where,
            f"unknown or missing key {extra!r} (an agreement has {', '.join(sorted(_AGREEMENT_KEYS))}"
            f" and may have {', '.join(sorted(_OPTIONAL_AGREEMENT_KEYS))})",
        )
    name = _text_fact(raw.get("name"), f"{where}.name", problems)
    covered = _value_fact(raw.get("provinces"), f"{where}.provinces", problems)
    codes: list[str] = []
    if covered is not None:
        value = covered[1]
        if not isinstance(value, list) or not value or any(c not in EXPECTED_CODES for c in value):
            problems.add(f"{where}.provinces", "'value' must list province codes (QC, NS …)")
        else:
            codes = [str(c) for c in value]
    period = _period(raw.get("period"), f"{where}.period", problems)
    thresholds: dict[str, Threshold] = {}
    raw_thresholds = raw.get("thresholds")
    if not isinstance(raw_thresholds, dict) or set(raw_thresholds) != set(CATEGORIES):
        problems.add(f"{where}.thresholds", f"must have exactly {', '.join(CATEGORIES)}")
    else:
        for category in CATEGORIES:
            found = _amount(raw_thresholds[category], f"{where}.thresholds.{category}", problems)
            if found is not None:
                thresholds[category] = found
    dispute, authority = (
        _text_fact(raw[key], f"{where}.{key}", problems) if key in raw else None
        for key in ("bid_dispute", "bid_dispute_authority")
    )
    if ("bid_dispute" in raw) != ("bid_dispute_authority" in raw):
        problems.add(where, "'bid_dispute' and 'bid_dispute_authority' go together")
    if len(problems.lines) > start or name is None or covered is None or period is None:
        return None
    sources = {"name": name, "provinces": covered[0], "period": period[0]}
    if dispute is not None and authority is not None:
        sources["bid_dispute"] = dispute
        sources["bid_dispute_authority"] = authority
    return Agreement(
        key,
        name.fr,
        name.en,
        tuple(codes),
        period[1],
        period[2],
        thresholds,
        sources,
        dispute,
        authority,
    )


def _platform(raw: object, path: str, problems: _Problems) -> tuple[Source, str] | None:
    """A platform: a textual fact with a ``value``, the word the project must name."""
    if not isinstance(raw, dict):
        problems.add(path, "must be an object with 'value', 'fr', 'en', 'source' and 'checked'")
        return None
    token = raw.get("value")
    if not isinstance(token, str) or not token.strip():
        problems.add(path, "'value' must be the word the platform's name contains (\"SEAO\")")
        return None
    text = _text_fact({k: v for k, v in raw.items() if k != "value"}, path, problems)
    return (text, token.strip()) if text is not None else None


def _province(code: str, raw: object, problems: _Problems) -> ProvinceFramework | None:
    where = f"provinces.{code}"
    start = len(problems.lines)
    if not isinstance(raw, dict):
        problems.add(where, "must be an object of facts")
        return None
    for key in sorted(set(raw) - _PROVINCE_KEYS):
        problems.add(where, f"unknown fact {key!r} (known: {', '.join(sorted(_PROVINCE_KEYS))})")
    texts: dict[str, Source] = {}
    for key in _REQUIRED_PROVINCE_KEYS:
        if key not in raw:
            problems.add(where, f"the fact {key!r} is missing")
            continue
        found = _text_fact(raw[key], f"{where}.{key}", problems)
        if found is not None:
            texts[key] = found
    platform = _platform(raw["platform"], f"{where}.platform", problems) if "platform" in raw else None
    threshold = (
        _amount(raw["public_call_threshold"], f"{where}.public_call_threshold", problems)
        if "public_call_threshold" in raw
        else None
    )
    if len(problems.lines) > start:
        return None
    return ProvinceFramework(
        code,
        texts["lobbying_law"],
        texts["language_law"],
        platform[0] if platform else None,
        platform[1] if platform else "",
        threshold,
    )


def parse(
    data: object, where: str = "framework.json"
) -> tuple[dict[str, Agreement], dict[str, ProvinceFramework]]:
    """``(agreements, provinces)`` of an already decoded ``framework.json``. Raises
    :class:`LegalDataError` listing every problem."""
    problems = _Problems()
    agreements: dict[str, Agreement] = {}
    provinces: dict[str, ProvinceFramework] = {}
    if not isinstance(data, dict):
        problems.add("(top)", "must be an object with 'format', 'agreements' and 'provinces'")
    else:
        for key in sorted(set(data) - _TOP_KEYS):
            problems.add("(top)", f"unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
        if data.get("format") != FORMAT or isinstance(data.get("format"), bool):
            problems.add("format", f"must be {FORMAT} (got {data.get('format')!r})")
        raw_agreements = data.get("agreements")
        if not isinstance(raw_agreements, dict):
            problems.add("agreements", "must be an object: agreement id → agreement")
        else:
            for key, raw in raw_agreements.items():
                found = _agreement(key, raw, problems)
                if found is not None:
                    agreements[key] = found
        raw_provinces = data.get("provinces")
        if not isinstance(raw_provinces, dict):
            problems.add("provinces", "must be an object: two-letter code → facts")
        else:
            for code in EXPECTED_CODES:
                if code not in raw_provinces:
                    problems.add("provinces", f"the province or territory {code!r} is missing")
                else:
                    found_p = _province(code, raw_provinces[code], problems)
                    if found_p is not None:
                        provinces[code] = found_p
            for code in sorted(set(raw_provinces) - set(EXPECTED_CODES)):
                problems.add("provinces", f"{code!r} is not a Canadian province or territory code")
    if problems.lines:
        raise LegalDataError(f"{where} is not valid:\n" + "\n".join(f"  {line}" for line in problems.lines))
    return agreements, provinces


def load(path: Path | None = None) -> tuple[dict[str, Agreement], dict[str, ProvinceFramework]]:
    """Read and validate the file (the bundled one by default). Raises
    :class:`LegalDataError` when it is missing, not JSON or not valid."""
    path = path or resource_path("legal", "framework.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LegalDataError(f"{path.name} cannot be read: {exc}") from None
    return parse(data, path.name)


AGREEMENTS, FRAMEWORKS = load()


def agreements_for(code: str, agreements: dict[str, Agreement] | None = None) -> list[Agreement]:
    """The agreements that cover the municipalities of ``code`` (any case), in file
    order; [] for an unknown code."""
    key = code.strip().upper()
    return [a for a in (agreements or AGREEMENTS).values() if key in a.provinces]


def framework(code: str) -> ProvinceFramework:
    """The framework facts of ``code`` (case-insensitive). Raises ``KeyError``."""
    return FRAMEWORKS[code.strip().upper()]


def coverage(agreement: Agreement, estimate: Decimal | None) -> bool | None:
    """Whether a call for tenders estimated at ``estimate`` (CAD before taxes) reaches
    ``agreement``'s lower goods/services threshold, so the agreement covers it: ``None``
    when the estimate is unknown or no IT threshold is confirmed (never a guess, module
    doc)."""
    threshold = agreement.lowest_it_threshold()
    if estimate is None or threshold is None or threshold.amount is None:
        return None
    return estimate >= threshold.amount


__all__ = [
    "AGREEMENTS",
    "CATEGORIES",
    "FRAMEWORKS",
    "Agreement",
    "ProvinceFramework",
    "Threshold",
    "agreements_for",
    "coverage",
    "framework",
    "load",
    "parse",
]
