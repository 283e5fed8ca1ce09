"""The total cost of ownership as tables (docs/tco.md), shared by the decision record and
the TCO page, so the app and the document show the same figures.

Guide principle: compare whole costs over the life of the system — acquisition,
operation and exit — not licence prices.

* ``money(amount, lang, cents=True) -> str``: CAD for display ("120 000,00 $",
  "$120,000.00"); the only place amounts are rounded (to the cent, half up). It never
  raises: an amount too large to write to the cent (beyond :data:`MONEY_LIMIT`, which the
  bounded inputs of ``tco`` cannot reach) or not a number is shown as "—". A negative
  amount in French has the minus sign ("\u22121 800,00 $", ``formats.MINUS``); English
  writes "-$1,800.00".
* ``percent(rate, lang) -> str``: "9,975 %" / "9.975%".
* ``totals_table``, ``years_table``, ``breakdown_table``, ``settings_rows``: ``Table``
  blocks built from ``tco.compute_tco`` (amounts in CAD, before taxes; taxes apart).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel.numbers import format_currency

from wizard.core.documents.blocks import Table
from wizard.core.domain import provinces, tco
from wizard.core.domain.tco import OptionTco
from wizard.core.i18n import N_, formats, ntr, tr
from wizard.core.i18n.labels import labels_of
from wizard.core.model import CostLine, Project
from wizard.core.textclean import one_line

LOCALES = {"fr": "fr_CA", "en": "en_CA"}
_WHOLE = {"fr": "#,##0\u00a0¤", "en": "¤#,##0"}

CATEGORY_LABELS: dict[str, str] = labels_of(CostLine.CATEGORIES)
"""Cost line category (``CostLine.CATEGORIES``) → its label msgid."""

TAX_NAMES: dict[str, str] = {"GST": N_("GST"), "HST": N_("HST"), "PST": N_("PST"), "QST": N_("QST")}
"""Sales tax code → its abbreviation msgid (TPS, TVH, TVP, TVQ in French)."""

DISCOUNT_RATE_SOURCE = N_(
    "The default discount rate, 7% a year, is the real rate recommended by the Treasury "
    "Board of Canada Secretariat's Canadian Cost-Benefit Analysis Guide; use your town's "
    "own rate if its finance department sets one."
)
"""Where the default discount rate (``TcoSettings.discount_rate_pct``) comes from."""


MONEY_LIMIT = Decimal("1E+24")
"""The largest amount :func:`money` writes out (CAD); beyond it, or for a value that is
not a finite number, it shows :data:`NO_AMOUNT`. Far above any total the bounded inputs
give (docs/tco.md, "Bounds")."""
NO_AMOUNT = "—"


def money(amount: Decimal | float, lang: str, cents: bool = True) -> str:
    """``amount`` (CAD) for display in ``lang``, rounded half up to the cent (or dollar);
    :data:`NO_AMOUNT` beyond :data:`MONEY_LIMIT` or for NaN and infinities. A zero
    shows without a minus sign."""
    value = Decimal(amount)
    if not value.is_finite() or abs(value) > MONEY_LIMIT:
        return NO_AMOUNT
    with localcontext() as context:
        context.prec = 60  # room for every digit up to MONEY_LIMIT and the cents
        value = value.quantize(Decimal("0.01") if cents else Decimal(1), ROUND_HALF_UP)
    if value.is_zero():
        value = abs(value)
    locale = LOCALES.get(lang, "en_CA")
    if cents:
        return formats.with_minus(str(format_currency(value, "CAD", locale=locale)), lang)
    return formats.with_minus(
        str(
            format_currency(
                value, "CAD", format=_WHOLE.get(lang, _WHOLE["en"]), locale=locale, currency_digits=False
            )
        ),
        lang,
    )


def percent(rate: Decimal, lang: str) -> str:
    """A rate in % for display: "9,975 %" (fr) or "9.975%" (en); callers pass rates
    within their bounds (``tco.rate_of``, a province's tax). ``formats.percent``, the
    one formatter of percentages."""
    return formats.percent(rate, lang)


def category_label(category: str, lang: str) -> str:
    """The label of a cost category in ``lang`` (the key itself when unknown)."""
    msgid = CATEGORY_LABELS.get(category)
    return tr(msgid, lang) if msgid else category


def tax_summary(project: Project, lang: str) -> str:
    """'GST 5 % + QST 9,975 %' for the project's province ('' when none is set)."""
    return " + ".join(
        f"{tr(TAX_NAMES.get(name, name), lang)} {percent(rate, lang)}"
        for name, rate in tco.tax_rates(project.info.province)
    )


def option_name(name: str, number: int, lang: str) -> str:
    """An option's name on one line, or "Option <number>" when it has none (tables, chart)."""
    return one_line(name) or tr("Option {number}", lang, number=number)


def _names(results: list[OptionTco], lang: str) -> list[str]:
    return [option_name(r.name, i, lang) for i, r in enumerate(results, 1)]


def totals_table(project: Project, results: list[OptionTco], lang: str) -> Table:
    """Per option: nominal total and NPV before taxes; then, when the project shows taxes
    and has a province, the taxes on the nominal total and the total with taxes."""
    header = [tr("Option", lang), tr("Nominal total before taxes", lang), tr("Net present value", lang)]
    with_taxes = project.tco.include_taxes and bool(tco.tax_rates(project.info.province))
    if with_taxes:
        header += [
            tr("Sales taxes ({taxes})", lang, taxes=tax_summary(project, lang)),
            tr("Total with taxes", lang),
        ]
    rows = []
    for name, result in zip(_names(results, lang), results, strict=True):
        row = [name, money(result.nominal, lang), money(result.npv, lang)]
        if with_taxes:
            tax = sum(
                (amount for _n, _r, amount in tco.taxes(result.nominal, project.info.province)), Decimal(0)
            )
            row += [money(tax, lang), money(result.nominal + tax, lang)]
        rows.append(row)
    widths = [4.0, 3.0, 3.0, 3.0, 3.0] if with_taxes else [7.0, 4.5, 4.5]
    return Table([header], rows, widths, right=tuple(range(1, len(header))))


def years_table(results: list[OptionTco], lang: str, cumulative: bool = False) -> Table:
    """One row per year 0…horizon, one column per option: the year's cost, or the
    cumulative cost when ``cumulative`` (CAD, before taxes)."""
    header = [tr("Year", lang), *_names(results, lang)]
    horizon = len(results[0].years) if results else 0
    rows = []
    for year in range(horizon):
        values = [(r.cumulative if cumulative else r.years)[year] for r in results]
        rows.append([str(year), *(money(v, lang) for v in values)])
    width = 14.0 / max(1, len(results))
    return Table([header], rows, [2.0] + [width] * len(results), right=tuple(range(1, len(header))))


def breakdown_table(results: list[OptionTco], lang: str, by: str) -> Table:
    """Totals over the horizon by cost category (``by="category"``) or by the budget that
    pays (``by="payer"``), one column per option; rows that are zero everywhere are left out."""
    parts = [r.by_category if by == "category" else r.by_payer for r in results]
    if by == "category":
        keys: list[str] = [c for c in CostLine.CATEGORIES if any(p.get(c) for p in parts)]
        keys += sorted({k for p in parts for k, v in p.items() if v and k not in keys})
        labels = [category_label(k, lang) for k in keys]
        first = tr("Category", lang)
    else:
        keys = sorted({k for p in parts for k, v in p.items() if v}, key=lambda k: (k == "", k.casefold()))
        labels = [one_line(k) or tr("(payer not stated)", lang) for k in keys]
        first = tr("Paid by", lang)
    rows = [
        [label, *(money(p.get(key, Decimal(0)), lang) for p in parts)]
        for key, label in zip(keys, labels, strict=True)
    ]
    width = 10.0 / max(1, len(results))
    return Table(
        [[first, *_names(results, lang)]],
        rows,
        [6.0] + [width] * len(results),
        right=tuple(range(1, len(results) + 1)),
    )


def settings_rows(project: Project, lang: str) -> list[list[str]]:
    """Key/value rows: horizon, discount rate, province and its sales taxes."""
    prov = provinces.PROVINCES.get(project.info.province.strip().upper())
    taxes = tax_summary(project, lang) or tr("none", lang)
    return [
        [
            tr("Horizon", lang),
            ntr(
                "{count} year (year 0 is the acquisition)",
                "{count} years (year 0 is the acquisition)",
                tco.horizon_of(project),
                lang,
            ),
        ],
        [
            tr("Discount rate", lang),
            tr(
                "{rate} a year; year 0 is not discounted, later years are discounted at year end",
                lang,
                rate=percent(tco.rate_of(project), lang),
            ),
        ],
        [
            tr("Sales taxes", lang),
            tr("{province}: {taxes}", lang, province=prov.name(lang), taxes=taxes)
            if prov
            else tr("province not set", lang),
        ],
    ]
