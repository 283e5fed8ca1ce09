"""Canada's 13 provinces and territories: names, courts, privacy and procurement statutes, sales taxes.

Used by the governing-law, courts and privacy clauses (docs/clauses.md; guide: "primauté du
droit local" — disputes heard by the courts of the town's province, not the vendor's
country) and by the TCO's tax lines (docs/tco.md).

The facts live in ``resources/legal/provinces.json`` (format: ``resources/legal/README.md``):
each fact has its value (French and English when it is text), the provision or official
page it comes from, the date it was checked and whether it is confirmed. This module
reads and validates the file once, at import; a missing or malformed file raises
:class:`LegalDataError` naming every problem.

* ``PROVINCES``: code (``"QC"`` …) → :class:`Province`.
* ``province(code)``: the :class:`Province`; raises ``KeyError`` for an unknown code.
* ``sales_taxes(code)``: tax name → rate in % (``Decimal``), e.g. ``{"GST": 5, "QST": 9.975}``.
* ``total_tax_pct(code)``: the combined rate in %.
* ``Province.procurement_law(lang)``: the statutes and by-laws that govern the town's
  calls for tenders (the decision record's legal framework); an unconfirmed one says
  "to be confirmed by counsel" in its text.
* ``Province.sources``: fact key (``"court"``, ``"taxes.QST"`` …) → :class:`Source`.

Statute names are the public-sector privacy laws that bind a *municipality*; where the
statute differs by body, was recently replaced or may not reach the town, the text stays
general on purpose and the fact is marked unconfirmed: the town's lawyers confirm it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from wizard.core.paths import resource_path

FORMAT = 1
"""The version of ``provinces.json`` this module reads."""

EXPECTED_CODES = ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")
"""The 13 two-letter codes the file must hold, no more, no fewer."""

TEXT_FACTS = ("name", "name_of", "name_in", "court", "privacy_law", "procurement_law")
"""Facts every province has, in French and English."""

OPTIONAL_TEXT_FACTS = ("privacy_note",)
"""Facts a province may have, in French and English (absent: '')."""

TAX_NAMES = ("GST", "HST", "PST", "QST")
"""The sales taxes a province's ``taxes`` may list."""

_FACT_KEYS = frozenset({"fr", "en", "value", "source", "checked", "confirmed", "note"})
_PROVINCE_KEYS = frozenset({*TEXT_FACTS, *OPTIONAL_TEXT_FACTS, "territory", "taxes"})
_TOP_KEYS = frozenset({"format", "about", "provinces"})


class LegalDataError(ValueError):
    """``provinces.json`` is missing, is not JSON or breaks the format; the message lists
    every problem, one a line, each with the path of the fact at fault."""


@dataclass(frozen=True)
class Source:
    """One fact as the data file gives it, with where it comes from.

    ``fr`` / ``en`` hold a textual fact; ``value`` any other fact, as written ("13", "true").
    ``source`` names the provision or official page; ``checked`` is the day someone
    checked it; ``confirmed`` is False when counsel must still confirm it.
    """

    key: str
    source: str
    checked: dt.date
    confirmed: bool = True
    fr: str = ""
    en: str = ""
    value: str = ""
    note: str = ""

    def text(self, lang: str) -> str:
        """The textual value in ``lang`` ("fr" or "en")."""
        return self.fr if lang == "fr" else self.en


@dataclass(frozen=True)
class Province:
    """One province or territory. ``*_fr`` / ``*_en`` are ready to print in a clause.

    ``of_fr`` / ``in_fr`` are the French name with its preposition ("du Québec", "au Québec");
    ``of_en`` / ``in_en`` the English ("of the Northwest Territories").
    ``privacy_note_*`` is a province-specific rule on personal information ('' if none).
    ``taxes`` maps a tax name (GST, HST, PST, QST) to its rate in %.
    ``procurement_*`` names the statutes and by-laws that govern the town's calls for tenders.
    ``sources`` maps each fact's key to its :class:`Source`.
    """

    code: str
    name_fr: str
    name_en: str
    of_fr: str
    in_fr: str
    territory: bool
    court_fr: str
    court_en: str
    privacy_fr: str
    privacy_en: str
    privacy_note_fr: str = ""
    privacy_note_en: str = ""
    taxes: dict[str, Decimal] = field(default_factory=dict)
    of_en: str = ""
    in_en: str = ""
    procurement_fr: str = ""
    procurement_en: str = ""
    sources: dict[str, Source] = field(default_factory=dict, compare=False, repr=False)

    def name(self, lang: str) -> str:
        """The name in ``lang`` ("fr" or "en")."""
        return self.name_fr if lang == "fr" else self.name_en

    def name_in(self, lang: str) -> str:
        """ "in <name>" in ``lang``: "au Québec", "in the Northwest Territories"."""
        return self.in_fr if lang == "fr" else self.in_en

    def name_of(self, lang: str) -> str:
        """ "of <name>" in ``lang``: "du Québec", "of the Northwest Territories"."""
        return self.of_fr if lang == "fr" else self.of_en

    @property
    def name_with_article_en(self) -> str:
        """The English name as used in a sentence ("the Northwest Territories")."""
        return self.in_en.removeprefix("in ")

    def court(self, lang: str) -> str:
        """The superior court of first instance, in ``lang``."""
        return self.court_fr if lang == "fr" else self.court_en

    def privacy_law(self, lang: str) -> str:
        """The public-sector privacy statute that applies to the town, in ``lang``."""
        return self.privacy_fr if lang == "fr" else self.privacy_en

    def procurement_law(self, lang: str) -> str:
        """The statutes and by-laws that govern the town's calls for tenders, in ``lang``
        (its :class:`Source` says whether counsel confirmed it: ``sources["procurement_law"]``)."""
        return self.procurement_fr if lang == "fr" else self.procurement_en

    def privacy_note(self, lang: str) -> str:
        """A province-specific rule on personal information, in ``lang`` ('' if none)."""
        return self.privacy_note_fr if lang == "fr" else self.privacy_note_en

    def unconfirmed(self) -> list[Source]:
        """The facts counsel must still confirm (texts first, then territory and taxes)."""
        return [s for s in self.sources.values() if not s.confirmed]


class _Problems:
    """Collects validation problems so that one error names them all."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, path: str, problem: str) -> None:
        self.lines.append(f"{path}: {problem}")


def _fact(raw: object, path: str, problems: _Problems) -> Source | None:
    """The common part of a fact: an object with a non-empty ``source``, an ISO
    ``checked`` date and, if present, a boolean ``confirmed`` and a string ``note``."""
    if not isinstance(raw, dict):
        problems.add(path, "must be an object with its value, 'source' and 'checked'")
        return None
    for key in sorted(set(raw) - _FACT_KEYS):
        problems.add(path, f"unknown key {key!r} (a fact has {', '.join(sorted(_FACT_KEYS))})")
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        problems.add(path, "'source' must name the provision or official page (a non-empty string)")
        source = ""
    checked_raw = raw.get("checked")
    checked: dt.date | None = None
    if isinstance(checked_raw, str) and len(checked_raw) == 10:
        try:
            checked = dt.date.fromisoformat(checked_raw)
        except ValueError:
            checked = None
    if checked is None:
        problems.add(path, f"'checked' must be the date it was checked, YYYY-MM-DD (got {checked_raw!r})")
    confirmed = raw.get("confirmed", True)
    if not isinstance(confirmed, bool):
        problems.add(path, f"'confirmed' must be true or false (got {confirmed!r})")
        confirmed = False
    note = raw.get("note", "")
    if not isinstance(note, str):
        problems.add(path, "'note' must be a string")
        note = ""
    if checked is None:
        return None
    return Source(path.split(".", 2)[-1], source, checked, confirmed, note=note)


def _text_fact(raw: object, path: str, problems: _Problems) -> Source | None:
    base = _fact(raw, path, problems)
    if not isinstance(raw, dict):
        return None
    texts: dict[str, str] = {}
    for lang in ("fr", "en"):
        value = raw.get(lang)
        if not isinstance(value, str) or not value.strip():
            problems.add(path, f"{lang!r} must be the text in {'French' if lang == 'fr' else 'English'}")
        else:
            texts[lang] = value
    if "value" in raw:
        problems.add(path, "a textual fact has 'fr' and 'en', not 'value'")
    if base is None or len(texts) != 2:
        return None
    return Source(
        base.key, base.source, base.checked, base.confirmed, texts["fr"], texts["en"], note=base.note
    )


def _value_fact(raw: object, path: str, problems: _Problems) -> tuple[Source, object] | None:
    base = _fact(raw, path, problems)
    if not isinstance(raw, dict):
        return None
    if "value" not in raw:
        problems.add(path, "must have a 'value'")
        return None
    value = raw["value"]
    if base is None:
        return None
    shown = json.dumps(value) if isinstance(value, bool) else str(value)
    return Source(base.key, base.source, base.checked, base.confirmed, value=shown, note=base.note), value


def _rate(raw: object, path: str, problems: _Problems) -> tuple[Source, Decimal] | None:
    found = _value_fact(raw, path, problems)
    if found is None:
        return None
    source, value = found
    if not isinstance(value, str):
        problems.add(path, f"'value' must be the rate in % as a string, e.g. \"9.975\" (got {value!r})")
        return None
    try:
        rate = Decimal(value)
    except InvalidOperation:
        rate = Decimal("NaN")
    if not rate.is_finite() or not Decimal(0) < rate < Decimal(100):
        problems.add(path, f"'value' must be a decimal rate in %, between 0 and 100 (got {value!r})")
        return None
    return source, rate


def _province(code: str, raw: object, problems: _Problems) -> Province | None:
    where = f"provinces.{code}"
    start = len(problems.lines)
    if not isinstance(raw, dict):
        problems.add(where, "must be an object of facts")
        return None
    for key in sorted(set(raw) - _PROVINCE_KEYS):
        problems.add(where, f"unknown fact {key!r} (known: {', '.join(sorted(_PROVINCE_KEYS))})")
    sources: dict[str, Source] = {}
    texts: dict[str, Source] = {}
    for key in (*TEXT_FACTS, *OPTIONAL_TEXT_FACTS):
        if key not in raw:
            if key in TEXT_FACTS:
                problems.add(where, f"the fact {key!r} is missing")
            continue
        text = _text_fact(raw[key], f"{where}.{key}", problems)
        if text is not None:
            texts[key] = text
    territory: bool | None = None
    if "territory" not in raw:
        problems.add(where, "the fact 'territory' is missing")
    else:
        found = _value_fact(raw["territory"], f"{where}.territory", problems)
        if found is not None:
            if isinstance(found[1], bool):
                territory = found[1]
                sources["territory"] = found[0]
            else:
                problems.add(f"{where}.territory", f"'value' must be true or false (got {found[1]!r})")
    taxes: dict[str, Decimal] = {}
    raw_taxes = raw.get("taxes")
    if not isinstance(raw_taxes, dict) or not raw_taxes:
        problems.add(where, "'taxes' must be an object of one or more sales taxes (GST, HST, PST, QST)")
    else:
        for name, fact in raw_taxes.items():
            if name not in TAX_NAMES:
                problems.add(f"{where}.taxes", f"unknown tax {name!r} (known: {', '.join(TAX_NAMES)})")
                continue
            rated = _rate(fact, f"{where}.taxes.{name}", problems)
            if rated is not None:
                sources[f"taxes.{name}"] = rated[0]
                taxes[name] = rated[1]
    name = texts.get("name")
    for key, word in (("name_of", "of"), ("name_in", "in")):
        phrase = texts.get(key)
        if name and phrase and phrase.en not in (f"{word} {name.en}", f"{word} the {name.en}"):
            problems.add(
                f"{where}.{key}",
                f"'en' must be {word!r} + the English name, with 'the' if needed (got {phrase.en!r})",
            )
    name_of, name_in = texts.get("name_of"), texts.get("name_in")
    if name_of and name_in and name_of.en.removeprefix("of ") != name_in.en.removeprefix("in "):
        problems.add(where, "'name_of' and 'name_in' must use the same English name")
    if len(problems.lines) > start or territory is None:
        return None
    sources = {**{k: texts[k] for k in (*TEXT_FACTS, *OPTIONAL_TEXT_FACTS) if k in texts}, **sources}
    note = texts.get("privacy_note")
    return Province(
        code,
        texts["name"].fr,
        texts["name"].en,
        texts["name_of"].fr,
        texts["name_in"].fr,
        territory,
        texts["court"].fr,
        texts["court"].en,
        texts["privacy_law"].fr,
        texts["privacy_law"].en,
        note.fr if note else "",
        note.en if note else "",
        taxes=taxes,
        of_en=texts["name_of"].en,
        in_en=texts["name_in"].en,
        procurement_fr=texts["procurement_law"].fr,
        procurement_en=texts["procurement_law"].en,
        sources=sources,
    )


def parse(data: object, where: str = "provinces.json") -> dict[str, Province]:
    """The provinces of an already decoded ``provinces.json``, in the order of
    :data:`EXPECTED_CODES`. Raises :class:`LegalDataError` listing every problem."""
    problems = _Problems()
    provinces: dict[str, Province] = {}
    if not isinstance(data, dict):
        problems.add("(top)", "must be an object with 'format' and 'provinces'")
    else:
        for key in sorted(set(data) - _TOP_KEYS):
            problems.add("(top)", f"unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
        if data.get("format") != FORMAT or isinstance(data.get("format"), bool):
            problems.add(
                "format", f"must be {FORMAT} (got {data.get('format')!r}); this app reads format {FORMAT}"
            )
        raw = data.get("provinces")
        if not isinstance(raw, dict):
            problems.add("provinces", "must be an object: two-letter code → facts")
        else:
            for code in EXPECTED_CODES:
                if code not in raw:
                    problems.add("provinces", f"the province or territory {code!r} is missing")
            for code in sorted(set(raw) - set(EXPECTED_CODES)):
                problems.add("provinces", f"{code!r} is not a Canadian province or territory code")
            for code in EXPECTED_CODES:
                if code in raw:
                    found = _province(code, raw[code], problems)
                    if found is not None:
                        provinces[code] = found
    if problems.lines:
        raise LegalDataError(f"{where} is not valid:\n" + "\n".join(f"  {line}" for line in problems.lines))
    return provinces


def data_path() -> Path:
    """Where the bundled ``provinces.json`` is (from a checkout or an install)."""
    return resource_path("legal", "provinces.json")


def load(path: Path | None = None) -> dict[str, Province]:
    """Read and validate ``provinces.json`` (the bundled one by default).

    Raises :class:`LegalDataError` when it is missing, not JSON or malformed."""
    path = path or data_path()
    try:
        data: object = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LegalDataError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except ValueError as exc:
        raise LegalDataError(f"{path}: is not valid JSON ({exc})") from exc
    return parse(data, str(path))


PROVINCES: dict[str, Province] = load()
"""Two-letter code → :class:`Province`, in alphabetical order of code."""

CODES: tuple[str, ...] = tuple(PROVINCES)


def province(code: str) -> Province:
    """The province or territory ``code`` (case-insensitive). Raises ``KeyError``."""
    return PROVINCES[code.strip().upper()]


def sales_taxes(code: str) -> dict[str, Decimal]:
    """Tax name → rate in % for ``code`` (a copy). Raises ``KeyError``."""
    return dict(province(code).taxes)


def total_tax_pct(code: str) -> Decimal:
    """The combined sales-tax rate in % for ``code`` (e.g. 14.975 for QC). Raises ``KeyError``."""
    return sum(province(code).taxes.values(), Decimal("0"))
