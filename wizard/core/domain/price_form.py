"""The price form (bordereau de prix) and the evaluated price: one source of truth for the
tender's price form section, the XLSX price workbook and the evaluation wording
(docs/documents.md, "The price form").

Principle: bids can only be compared when every bidder prices the same lines, in the
same unit, before taxes, and when the Town says once which number it compares. So:

* ``price_form(project) -> PriceForm``: the lines the bidder prices, from the TCO's cost
  categories and years (the union over every option, so that any kind of solution can
  be priced): one-time costs (one amount each), recurring costs (one amount per year of
  of the Contract, years 1 to the horizon ``N``), the exit costs the bidder commits to (one
  amount each), and unit rates (not evaluated; they price changes the Town orders).
  The Town's own costs (internal staff time, its own security and privacy assessments)
  are not priced by bidders. A project without cost lines gets a default form.
* The **evaluated price** of a bid = Σ one-time costs + Σ recurring costs of years 1…N
  + Σ exit costs, in CAD before taxes, undiscounted; unit rates are not part of it.
  One meaning of zero: the bidder writes 0 for an item at no charge or that does not
  apply, and a blank cell is read as 0 (at no charge). A bid whose evaluated price is 0
  is non-compliant (:data:`ZERO_PRICE`): both score formulas divide by the price, and a
  price of 0 would leave every other bid without price points.
  :func:`price_totals` computes it exactly (``Decimal``).
* The **price score** (points out of the price weight, outside Québec's statutory
  system) = weight × lowest evaluated price ÷ the bid's evaluated price, among the bids
  that pass (:func:`price_score`). In Québec's weighted system the final score is
  (interim + 50) × 10 000 ÷ evaluated price (:func:`wizard.core.domain.evaluation.quebec_score`).
* The form's **version** (:func:`form_version`) is derived from its content: ``PF1-``
  and the first 10 hex digits of the SHA-256 of its canonical layout (format, horizon,
  line keys, sections, years, evaluated or not). The same project gives the same
  version; any change of what a bidder fills gives another, so that an import can refuse
  a workbook of an outdated form.

Taxes are never part of the evaluated price; they are shown apart, at the province's
rates (:func:`wizard.core.domain.tco.taxes`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from wizard.core.clauses import library
from wizard.core.domain import tco
from wizard.core.i18n import N_, ntr, tr
from wizard.core.model import Project
from wizard.core.model.bounds import clamp

FORMAT = 1
"""The layout's format number, part of the version: raise it when the meaning of a cell
changes while the lines stay the same."""

Section = Literal["one_off", "recurring", "exit", "unit"]
SECTIONS: tuple[Section, ...] = ("one_off", "recurring", "exit", "unit")

SECTION_TITLES: dict[Section, str] = {
    "one_off": N_("A. One-time costs"),
    "recurring": N_("B. Recurring costs, per year of the Contract"),
    "exit": N_("C. Committed exit costs"),
    "unit": N_("D. Unit rates (not part of the evaluated price)"),
}

ONE_OFF: dict[str, str] = {
    "licences": N_("Licences acquired once (perpetual)"),
    "implementation": N_("Implementation: installation, configuration and integration"),
    "migration_in": N_("Migration of the existing data into the solution"),
    "training": N_("Training"),
    "hosting": N_("Equipment and set-up of the hosting"),
}
"""One-time lines by TCO category, in the order printed."""

RECURRING: dict[str, str] = {
    "licences": N_("Licence fees"),
    "subscriptions": N_("Subscriptions"),
    "support": N_("Support and maintenance"),
    "hosting": N_("Hosting and operation"),
}
"""Recurring lines by TCO category: one amount per year of operation."""

EXIT: dict[str, str] = {
    "exit_extraction": N_("Extraction and delivery of the Town's data at the end of the Contract"),
    "exit_migration": N_("Assistance with the migration to the next solution"),
    "exit_dual_running": N_("Service in parallel during the transition"),
}
"""Exit lines by TCO category: a firm amount the bidder commits to."""

EXIT_DOCUMENTATION = N_(
    "Documentation of the data structures, configurations and interfaces, delivered at the end of the "
    "Contract (the copy of the Town's data itself is at no additional cost)"
)
"""The exit line that replaces the extraction of the data when the project makes the
export of its data free (:func:`free_data_export`): what the exit clause asks beyond
the copy of the data."""

FREE = re.compile(
    r"no additional cost|at no charge|free of charge|without charge|sans frais|gratuit", re.IGNORECASE
)
EXPORT = re.compile(
    r"export|copy of (?:its|the Town's) data|copie complète|copie de ses données", re.IGNORECASE
)


def free_data_export(project: Project) -> bool:
    """Whether the project makes the export of the Town's data free: a paragraph of an
    included clause (the data-ownership clause: "at no additional cost, a complete copy
    of its data"), in either language, or a criterion, in either version, that speaks
    of exporting or copying the data and says it costs nothing. Then section C does not
    price the extraction of the data (the tender would contradict itself)."""
    texts = [
        line
        for item in library.included_clauses(project)
        for lang in ("fr", "en")
        for line in library.clause_source(project, item, lang).splitlines()
    ]
    for criterion in project.criteria:
        texts.append(criterion.text)
        address = f"criteria:{criterion.id}.text"
        texts += [row.text for row in project.translations if row.address == address]
    return any(FREE.search(text) and EXPORT.search(text) for text in texts)


PILOT = N_("Paid pilot project")
PILOT_LINE = "one_off.pilot"
"""The key of the pilot's own price line (section A), which the evaluated price counts."""


def pilot_price(amounts: Mapping[str, Decimal] | None) -> Decimal | None:
    """The price a bid gives its pilot's line, ``None`` when the bid holds no such line
    (sealed, or opened on a price form without a pilot)."""
    return None if amounts is None else amounts.get(PILOT_LINE)


HOURLY = N_("Additional services ordered by the Town")
PER_HOUR = N_("per hour")
PER_USER = N_("One additional user")
PER_USER_YEAR = N_("per user per year")

DEFAULT_CATEGORIES: dict[Section, tuple[str, ...]] = {
    "one_off": ("implementation", "migration_in", "training"),
    "recurring": ("subscriptions", "support"),
    "exit": ("exit_extraction", "exit_migration"),
}
"""The form of a project whose TCO has no cost line yet."""

NOT_PRICED = frozenset({"staff_time", "security_privacy"})
"""TCO categories that are the Town's own costs: no bidder prices them."""


@dataclass(frozen=True)
class PriceLine:
    """One line of the form. ``key``: stable identifier (``"one_off.training"``,
    ``"recurring.support"``, ``"exit.exit_migration"``, ``"unit.hour"``), also the
    workbook's defined name of its cells; ``label``: an English message id; ``unit``: a
    message id for unit rates, else ''; ``cells``: how many amounts the bidder writes (1,
    or the horizon for a recurring line, years 1…N); ``evaluated``: counts in the
    evaluated price."""

    key: str
    section: Section
    label: str
    cells: int
    evaluated: bool = True
    unit: str = ""


@dataclass(frozen=True)
class PriceForm:
    """The form of one project: ``horizon`` (years of the Contract priced, 1–15), its
    ``lines`` in printed order, ``province`` (for the taxes), ``version``, and
    ``renewal_years``: the first and last years priced that fall in the renewals at the
    Town's option (statement of work: after ``term_years``, within the renewals),
    ``None`` when every year priced is in the initial term; ``term``: the initial term
    of the Contract in years (``statement_of_work.term_years``, within its bounds)."""

    horizon: int
    lines: tuple[PriceLine, ...]
    province: str
    version: str
    renewal_years: tuple[int, int] | None = None
    term: int = 1

    def section(self, section: Section) -> list[PriceLine]:
        """The lines of one section, in order."""
        return [line for line in self.lines if line.section == section]


def _categories(project: Project) -> dict[Section, set[str]]:
    found: dict[Section, set[str]] = {"one_off": set(), "recurring": set(), "exit": set()}
    for line in project.cost_lines:
        if line.category in NOT_PRICED:
            continue
        if line.category in tco.EXIT_CATEGORIES:
            found["exit"].add(line.category)
        elif line.recurring:
            found["recurring"].add(line.category)
        else:
            found["one_off"].add(line.category)
    return found


def form_version(horizon: int, lines: Sequence[PriceLine]) -> str:
    """``PF1-`` and 10 hex digits of the SHA-256 of the layout (format, horizon, and each
    line's key, section, cell count and whether it is evaluated). Labels are left out: a
    reworded line is the same cell."""
    layout = [FORMAT, horizon, [[x.key, x.section, x.cells, x.evaluated] for x in lines]]
    digest = hashlib.sha256(json.dumps(layout, separators=(",", ":")).encode("ascii")).hexdigest()
    return f"PF{FORMAT}-{digest[:10]}"


def price_form(project: Project) -> PriceForm:
    """The price form of ``project``. Never raises: the horizon is read within its
    bounds (``tco.horizon_of``), unknown categories are ignored."""
    horizon = tco.horizon_of(project)
    found = _categories(project)
    if not any(found.values()):
        found = {section: set(cats) for section, cats in DEFAULT_CATEGORIES.items()}
    lines: list[PriceLine] = [
        PriceLine(f"one_off.{cat}", "one_off", label, 1)
        for cat, label in ONE_OFF.items()
        if cat in found["one_off"]
    ]
    if project.evaluation.pilot_enabled:
        lines.append(PriceLine(PILOT_LINE, "one_off", PILOT, 1))
    lines += [
        PriceLine(f"recurring.{cat}", "recurring", label, horizon)
        for cat, label in RECURRING.items()
        if cat in found["recurring"]
    ]
    free = free_data_export(project)
    for cat, label in EXIT.items():
        if cat not in found["exit"]:
            continue
        if cat == "exit_extraction" and free:  # only what the free copy does not cover
            lines.append(PriceLine("exit.exit_documentation", "exit", EXIT_DOCUMENTATION, 1))
        else:
            lines.append(PriceLine(f"exit.{cat}", "exit", label, 1))
    lines.append(PriceLine("unit.hour", "unit", HOURLY, 1, evaluated=False, unit=PER_HOUR))
    per_user = found["recurring"] & {"licences", "subscriptions"} or found["one_off"] & {"licences"}
    if per_user or project.statement_of_work.users > 0:
        lines.append(PriceLine("unit.user", "unit", PER_USER, 1, evaluated=False, unit=PER_USER_YEAR))
    province = project.info.province.strip().upper()
    return PriceForm(
        horizon,
        tuple(lines),
        province,
        form_version(horizon, lines),
        _renewals(project, horizon),
        clamp("statement_of_work.term_years", project.statement_of_work.term_years),
    )


def _renewals(project: Project, horizon: int) -> tuple[int, int] | None:
    """The years priced that fall in the renewals (each count read within its bounds)."""
    work = project.statement_of_work
    term = clamp("statement_of_work.term_years", work.term_years)
    renewals = clamp("statement_of_work.renewals", work.renewals)
    length = clamp("statement_of_work.renewal_years", work.renewal_years)
    last = min(horizon, term + renewals * length)
    return (term + 1, last) if last > term else None


Amounts = Mapping[str, Sequence[Decimal | None]]
"""A bid's figures: line key → its amounts (one, or one per year 1…N); ``None`` or a
missing key or cell is a blank cell, which counts as zero."""


@dataclass(frozen=True)
class PriceTotals:
    """A bid's totals, CAD before taxes, exact. ``recurring_years[i]`` is year i + 1;
    ``taxes``: (tax name, rate %, amount rounded to the cent, :func:`cents`) on the
    evaluated price, for information; the workbook rounds each tax the same way."""

    one_off: Decimal
    recurring_years: tuple[Decimal, ...]
    recurring: Decimal
    exit: Decimal
    evaluated: Decimal
    taxes: tuple[tuple[str, Decimal, Decimal], ...]

    @property
    def with_taxes(self) -> Decimal:
        """The evaluated price plus its taxes (for information only)."""
        return self.evaluated + sum((amount for _n, _r, amount in self.taxes), Decimal(0))


CENT = Decimal("0.01")


def cents(amount: Decimal) -> Decimal:
    """``amount`` rounded to the cent, half away from zero (as the spreadsheet's ROUND
    does for the amounts ≥ 0 of a price form): a tax is billed in cents."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _cells(amounts: Amounts, line: PriceLine) -> list[Decimal]:
    given = list(amounts.get(line.key, ()))[: line.cells]
    given += [None] * (line.cells - len(given))
    return [Decimal(0) if x is None else Decimal(x) for x in given]


def price_totals(form: PriceForm, amounts: Amounts) -> PriceTotals:
    """The totals of a bid filled in ``form`` (module docstring: the evaluated price).
    Keys of ``amounts`` that are not lines of the form are ignored; extra cells too."""
    one_off = exit_ = Decimal(0)
    years = [Decimal(0)] * form.horizon
    for line in form.lines:
        cells = _cells(amounts, line)
        if line.section == "one_off":
            one_off += cells[0]
        elif line.section == "exit":
            exit_ += cells[0]
        elif line.section == "recurring":
            years = [a + b for a, b in zip(years, cells, strict=True)]
    recurring = sum(years, Decimal(0))
    evaluated = one_off + recurring + exit_
    return PriceTotals(
        one_off=one_off,
        recurring_years=tuple(years),
        recurring=recurring,
        exit=exit_,
        evaluated=evaluated,
        taxes=tuple((name, rate, cents(tax)) for name, rate, tax in tco.taxes(evaluated, form.province)),
    )


def price_score(weight: Decimal | int, lowest: Decimal, price: Decimal) -> Decimal:
    """Price points of a bid: ``weight × lowest ÷ price``, where ``lowest`` is the lowest
    evaluated price among the bids that pass and ``price`` the bid's evaluated price (CAD
    before taxes). The lowest bid gets every point. Exact; round only for display.
    Raises ``ValueError`` when ``lowest`` ≤ 0 or ``price`` < ``lowest``: a bid priced 0
    is non-compliant (:data:`ZERO_PRICE`) and never reaches the formula.

    >>> price_score(30, Decimal(100000), Decimal(125000))
    Decimal('24')
    """
    if lowest <= 0 or price < lowest:
        raise ValueError("the lowest price must be positive and no higher than the bid's")
    return Decimal(weight) * lowest / price


EVALUATED_PRICE = N_(
    "The evaluated price of a bid is the sum, in Canadian dollars before taxes, of its one-time costs (A), "
    "its recurring costs for years 1 to {horizon} (B) and its committed exit costs (C), as written in the "
    "price form: A + B + C, without discounting. Unit rates (D) and taxes are not part of it. Wherever "
    "this call for tenders speaks of the price of a bid for its evaluation, its ranking or a tie-break, "
    "it means its evaluated price."
)
"""The one definition of the evaluated price, printed once, in the price form section."""

ZERO_PRICE = N_(
    "A bid whose evaluated price is 0 is non-compliant and rejected: the price score divides by the "
    "evaluated price, which must be greater than 0."
)
"""The rule for an evaluated price of 0 (every amount blank or 0), the same words in the
appendix, the workbook's instructions and after the price score formula."""

YEAR_ONE = N_("year {first}")
YEARS_TWO = N_("years {first} and {last}")
YEARS_RANGE = N_("years {first} to {last}")


def years_text(first: int, last: int, lang: str) -> str:
    """Years ``first`` to ``last`` of the Contract in ``lang``: "year 4", "years 4 and 5"
    (two years are named, never a range), "years 4 to 6"."""
    if first == last:
        return tr(YEAR_ONE, lang, first=first)
    return tr(YEARS_TWO if last == first + 1 else YEARS_RANGE, lang, first=first, last=last)


TERM = N_("The initial term of the Contract covers {years} of the price form.")
"""The base term, said before the renewal years (``{years}``: :func:`years_text`)."""
RENEWAL_YEARS = N_(
    "{years} fall in the renewals at the Town's option: their prices bind if the Town renews the "
    "Contract, and count in the evaluated price."
)
"""Said after the rules when some years priced are renewal years (``PriceForm.renewal_years``)."""
RENEWAL_YEAR = N_(
    "Year {first} falls in a renewal at the Town's option: its prices bind if the Town renews the "
    "Contract, and count in the evaluated price."
)
EXIT_WHEN = N_(
    "For the evaluated price, the exit is assumed at the end of year {horizon}, the last year priced; "
    "the amounts of section C bind whatever the date and the cause of the end of the Contract."
)
"""When the exit is assumed, said in section C of the appendix and in the instructions."""
RENEWAL_ROW = N_("Year {year} (renewal at the Town's option)")
"""A year row of the workbook's section B that falls in a renewal."""


def renewal_text(form: PriceForm, lang: str) -> str:
    """The base term and the renewal years in ``lang`` ("The initial term … covers years 1
    to 3 … Years 4 and 5 fall in the renewals …"), or the base term alone when every
    year priced is in it."""
    if form.renewal_years is None:
        return ntr(
            "The initial term of the Contract is {count} year; every year priced falls in it.",
            "The initial term of the Contract is {count} years; every year priced falls in it.",
            form.term,
            lang,
        )
    first, last = form.renewal_years
    term = tr(TERM, lang, years=years_text(1, first - 1, lang))
    if first == last:
        return f"{term} {tr(RENEWAL_YEAR, lang, first=first)}"
    years = years_text(first, last, lang)
    return f"{term} {tr(RENEWAL_YEARS, lang, years=years[:1].upper() + years[1:])}"


def is_renewal_year(form: PriceForm, year: int) -> bool:
    """Whether ``year`` of the Contract falls in a renewal at the Town's option."""
    return form.renewal_years is not None and form.renewal_years[0] <= year <= form.renewal_years[1]


PRICE_WORD = re.compile(r"\b(?:price|prix|cost|coût)s?\b", re.IGNORECASE)


def tie_break_uses_price(text: str) -> bool:
    """Whether a tie-break rule (in either language) speaks of a price or a cost, so that
    the evaluation method says "price" there means the evaluated price too."""
    return bool(PRICE_WORD.search(text))


def price_points_text(weight: int, lang: str) -> str:
    """The price-score formula as the evaluation method states it, in ``lang``, for a
    price weight of ``weight`` points (the formula of :func:`price_score`); the rule for
    a price of 0 (:data:`ZERO_PRICE`) follows it in a paragraph of its own."""
    return ntr(
        "Price: {count} point, by the formula {count} × lowest evaluated price ÷ evaluated price of the bid, "
        "among the bids that pass; the lowest evaluated price receives every point.",
        "Price: {count} points, by the formula {count} × lowest evaluated price ÷ evaluated price of the bid, "
        "among the bids that pass; the lowest evaluated price receives every point.",
        weight,
        lang,
    )
