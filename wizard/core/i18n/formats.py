"""How the documents write project values in each language.

* :data:`PLACEHOLDER`: the visible mark left where project data is missing.
* :data:`NBSP`: the no-break space French writes inside a date, a time and between a
  number and its unit.
* :func:`format_date`: an ISO date as a long date (« 1er\u00a0mars\u00a02026 »,
  "March\u00a01, 2026"), the one formatter of every date the documents and messages write;
  :func:`typed_date`, the same in a message, which quotes a bad date.
* :func:`format_clock`: a time of day (« 14\u00a0h\u00a000 », "2:00\u00a0p.m."), the one
  formatter of every time the documents write.
* :func:`town_name`: the organization as it reads in the definitions ("la Ville de …",
  "the Town of …").
* :func:`percent`: a percentage as each language writes it ("99.5%", « 99,5 % »), the
  one formatter of every percentage the documents and messages compute.
* :data:`COLON`: the colon after a label in each language.
* :func:`with_minus`: a formatted negative number with French's minus sign (U+2212),
  for :func:`percent` and ``documents.record_tco.money``.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from babel.dates import format_date as babel_format_date
from babel.dates import format_time
from babel.numbers import format_decimal

from wizard.core.domain.days import day_problem, days_in_month, parse_day
from wizard.core.i18n import N_, Localized
from wizard.core.textclean import clean_text

PLACEHOLDER = "[À COMPLÉTER / TO BE COMPLETED]"
"""Shown in the tender where project data is missing (docs/cases.md K10)."""

NBSP = "\u00a0"
"""The no-break space (U+00A0) of French typography inside a date (« 12\u00a0mai\u00a02027 »),
a time (« 11\u00a0h\u00a007 ») and between a number and its unit (« 30\u00a0jours »,
« 1\u00a0000\u00a0$ », « 99,5\u00a0% »), so that a line never ends between them: the OQLF's
table « Espacement avant et après les signes de ponctuation et les symboles » asks for
it between a number and its unit or symbol, and in a date that a word processor must not
split. U+00A0, not the narrow U+202F, as for amounts (:data:`MINUS`). English joins with
it only a long date's month and day ("May\u00a012, 2027": :func:`format_date`)."""


DateUse = Literal["text", "data"]
"""Where :func:`format_date` writes: ``"text"``, what a person reads (the documents, and
the messages that a record quotes); ``"data"``, the text inside a machine output (an
OCDS release's description), which keeps what it has always written."""


def format_date(iso: str, lang: str, *, into: DateUse = "text") -> str:
    """An ISO date as a long date in ``lang`` (« 15\u00a0mars\u00a02026 »,
    « 1er\u00a0mars\u00a02026 », "March\u00a015, 2026"): French writes the first day of a
    month as an ordinal, and its words joined by :data:`NBSP`, so the date never splits
    across lines. English joins the month and the day by :data:`NBSP` and lets the year
    follow the comma onto the next line ("December" alone at a line's end, "7, 2026" on the
    next, was the break). The Translation Bureau's The Canadian Style, 2.17 "Word
    division" (TERMIUM Plus, archived into Writing Tips Plus, "hyphens: word division";
    checked 2026-12-07), takes "text comprehension and readability" as the guides of a
    line's end and keeps numbers, and the symbols used with them, whole; the parts of it
    found state no rule for a date itself. The month-day join and the break allowed
    before the year follow the UCAR style guide, "Line Breaks" (checked 2026-12-07): no
    break between day and month, one between month and year acceptable.

    Every date a document or message writes goes through here. ``into="data"``: the text
    of a machine output (the OCDS award's description): English keeps its plain spaces
    there, as it always has, so that the release of an unchanged project, and its id
    (``opendata.identity``), stay the same on a new export; French is the same in both.
    Machine outputs' own dates (CSV, JSON, OCDS dates) stay ISO and never come here.

    A date that is blank or no real day (``2027-02-30``, "8 mars 2027": PR-DATE says so)
    gives :data:`PLACEHOLDER`: a document never states a date it cannot read, nor one
    worked out from it (``domain.days``).
    """
    day = parse_day(clean_text(iso))
    if day is None:
        return PLACEHOLDER
    text = babel_format_date(day, format="long", locale="fr_CA" if lang == "fr" else "en_CA")
    if lang != "fr":
        return text if into == "data" else text.replace(" ", NBSP, 1)  # "March\u00a015, 2026"
    if day.day == 1 and text.startswith("1 "):
        text = "1er " + text[2:]
    return text.replace(" ", NBSP)


def format_clock(time: dt.time, lang: str) -> str:
    """A time of day as ``lang`` writes it: « 9\u00a0h\u00a005 », « 14\u00a0h\u00a000 » in
    French (the hour without CLDR's leading zero, every space :data:`NBSP`); "9:05\u00a0a.m.",
    "2:00\u00a0p.m." in English (CLDR's short time, its narrow space U+202F made U+00A0:
    some fonts lack U+202F). Seconds are never written."""
    if lang == "fr":
        return f"{time.hour}{NBSP}h{NBSP}{time.minute:02d}"
    return str(format_time(time, format="short", locale="en_CA")).replace("\u202f", NBSP)


def typed_date(value: str, lang: str) -> str:
    """A date in a message: as :func:`format_date` writes a real day, else as typed (on
    one line), so that the message quotes what is wrong; :data:`PLACEHOLDER` when blank."""
    if parse_day(clean_text(value)) is not None:
        return format_date(value, lang)
    return " ".join(clean_text(value).split()) or PLACEHOLDER


def month_name(iso: str, lang: str) -> str:
    """The month and year of a real day in ``lang`` (« février\u00a02027 », "February 2027"),
    :data:`PLACEHOLDER` for anything else."""
    day = parse_day(clean_text(iso))
    if day is None:
        return PLACEHOLDER
    if lang == "fr":
        return str(babel_format_date(day, format="MMMM y", locale="fr_CA")).replace(" ", NBSP)
    return babel_format_date(day, format="MMMM y", locale="en_CA")


NOT_A_DATE = N_("\u201c{value}\u201d is not a date (YYYY-MM-DD).")
"""The message of a text that is no ``YYYY-MM-DD`` at all (in ``core.po``)."""


def no_day(value: str, not_a_date: str = NOT_A_DATE) -> tuple[str, dict[str, object]]:
    """Why ``value`` is no day, as ``(message id, params)`` for a finding or a refusal:
    the shape right but no such day ("“2027-02-30” does not exist: the days of February
    2027 go from 1 to 28"), no such month, else ``not_a_date`` (the format). A clerk who
    typed the format asked for is never told that the format is wrong."""
    problem = day_problem(value)
    month = days_in_month(value) if problem == "day" else None
    if month is not None:
        year, number, days = month
        first = f"{year:04d}-{number:02d}-01"
        name = Localized(fr=month_name(first, "fr"), en=month_name(first, "en"))
        return N_("\u201c{value}\u201d does not exist: the days of {month} go from 1 to {days}."), {
            "value": value,
            "month": name,
            "days": days,
        }
    if problem == "month":
        return N_("\u201c{value}\u201d does not exist: the months go from 01 to 12 (YYYY-MM-DD)."), {
            "value": value
        }
    return not_a_date, {"value": value}


COLON = {"fr": "\u00a0: ", "en": ": "}
"""The colon after a label, as each language writes it (French: a no-break space before)."""

MINUS = "\u2212"
"""The minus sign French amounts and percentages are written with ("\u22121\u00a0234,56\u00a0$"):
the hyphen (U+002D) forms compound words and, between numbers, stands for « à » (« 16-25
août »: Clés de la rédaction, « trait d’union »; OQLF, Grand dictionnaire terminologique,
« trait d’union »), so it is not a number's sign. Checked 2026-12-06. The digits stay
grouped by a no-break space (U+00A0), not the thin one (U+202F): the OQLF's table of
spacing (« Espacement avant et après les signes de ponctuation et les symboles ») is
written for word processors without the thin space, where every other space is a plain
one, Clefs du français pratique groups digits with the no-break space, and CLDR's fr_CA
(Babel) writes U+00A0 too. Machine values (CSV, OCDS) never go through the formatters:
they keep the ASCII "-"."""


def with_minus(text: str, lang: str) -> str:
    """``text``, a number formatted by Babel for ``lang``, with French's minus sign
    (:data:`MINUS`) instead of the hyphen-minus Babel writes; English keeps "-"
    ("-$1,234.56", Canadian English usage). Only the sign changes: Babel's formatted
    numbers hold no other hyphen."""
    return text.replace("-", MINUS) if lang == "fr" else text


def percent(value: Decimal | int, lang: str, decimals: int | None = None) -> str:
    """``value`` (a number of per cent: 99.5) as ``lang`` writes a percentage: "99.5%"
    in English, with no space; « 99,5 % » in French, a decimal comma and a non-breaking
    space before the sign. Trailing zeros dropped (98.40 is 98.4), at most three decimals
    (the language's number pattern: 9.975 stays 9.975); a caller that rounds otherwise
    rounds first. Grouping by the language's rule ("1,200%", « 1 200 % »). ``decimals``:
    exactly that many, rounded half up and kept ("10.0%")."""
    number = Decimal(value).normalize()
    if number.is_zero():
        number = abs(number)  # never "-0%"
    locale = "fr_CA" if lang == "fr" else "en_CA"
    if decimals is None:
        text = format_decimal(number, locale=locale)
    else:
        exact = number.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        exact = abs(exact) if exact.is_zero() else exact
        text = format_decimal(exact, format="#,##0." + "0" * decimals if decimals else "#,##0", locale=locale)
    return f"{with_minus(text, lang)}\u00a0%" if lang == "fr" else f"{text}%"


_FR_TYPES = {
    "ville": "la",
    "municipalité": "la",
    "cité": "la",
    "paroisse": "la",
    "régie": "la",
    "village": "le",
    "canton": "le",
    "gouvernement": "le",
}
_EN_TYPES = (
    "town",
    "city",
    "municipality",
    "village",
    "district",
    "county",
    "township",
    "region",
    "regional municipality",
    "resort municipality",
    "municipal district",
    "hamlet",
    "corporation",
)


def town_name(organization: str, lang: str) -> str:
    """The organization as it reads after "means" in the definitions: "la Ville de
    Saint-Aurèle" for "Ville de Saint-Aurèle" or "Saint-Aurèle"; "the Town of Truro" for
    "Town of Truro" or "Truro". A name that already starts with an article gets it in
    lower case ("La Tuque" stays a name: only "La Ville de …" is lowered). Any other
    name (a regional body, an official name in the other language) is left as typed.
    """
    name = " ".join(organization.split())
    if not name or name == PLACEHOLDER:
        return name or PLACEHOLDER
    words = name.split()
    first = words[0].casefold()
    if lang == "fr":
        if first in _FR_TYPES and len(words) > 1:
            return f"{_FR_TYPES[first]} {name}"
        if first in ("la", "le") and len(words) > 2 and words[1].casefold() in _FR_TYPES:
            return f"{first} {' '.join(words[1:])}"
        if _bare_place(name):
            return f"la Ville {'d’' if name[0] in 'AEIOUYÂÉÈÎÔaeiouy' else 'de '}{name}"
        return name
    lowered = name.casefold()
    if any(lowered.startswith(f"{kind} of ") for kind in _EN_TYPES) or lowered.endswith(
        (" municipality", " county", " district", " township")
    ):
        return f"the {name}"
    if first == "the" and len(words) > 1:
        return f"the {' '.join(words[1:])}"
    return f"the Town of {name}" if _bare_place(name) else name


def _bare_place(name: str) -> bool:
    """A place name alone ("Saint-Aurèle", "Truro", "Val-des-Sources"): one or two
    capitalized words, no institution word."""
    words = name.split()
    return (
        len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and not any(
            w.casefold() in _FR_TYPES or w.casefold() in _EN_TYPES or w.casefold() in ("mrc", "of", "de")
            for w in words
        )
    )


_CONTRACTIONS = {"à les": "aux", "à le": "au", "de les": "des", "de le": "du"}
_CONTRACTION = re.compile(r"\b(à|de) (les|le)(?= )")


def contracted(text: str, lang: str) -> str:
    """French articles contracted after a preposition, where a sentence ends in "à" or
    "de" and a filled-in legal name starts with "le" or "les" ("assujetties à les règles"
    → "assujetties aux règles"); other languages unchanged."""
    if lang != "fr":
        return text
    return _CONTRACTION.sub(lambda m: _CONTRACTIONS[f"{m.group(1)} {m.group(2)}"], text)
