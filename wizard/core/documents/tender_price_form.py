"""The tender's appendix "Price form" (bordereau de prix; docs/documents.md, "The price form").

``price_form_blocks(project, lang) -> list[Block]`` ("fr" or "en"): how to fill it (CAD,
before taxes, per year, 0 for an item at no charge and a blank read as 0, the workbook that goes with it and its
version), the definition of the evaluated price (stated here once; the evaluation method
refers to it), then the four sections of :func:`wizard.core.domain.price_form.price_form`
as tables with a blank (:data:`~wizard.core.documents.tender_forms.BLANK`) where the
bidder writes an amount or a total (the workbook computes the totals), the evaluated price A + B + C and the taxes at the province's
rates, apart. The lines come from the TCO's categories and years; the XLSX workbook
(``price_workbook.py``) has the same lines, labels and version.
"""

from __future__ import annotations

from wizard.core.documents.blocks import Block, Heading, PageBreak, Paragraph, Table
from wizard.core.documents.record_tco import TAX_NAMES, percent
from wizard.core.documents.tender_forms import BLANK
from wizard.core.domain import price_form as pf
from wizard.core.domain import tco
from wizard.core.i18n import N_, tr
from wizard.core.model import Project

HEADING = N_("Appendix: price form")
"""The appendix's heading."""
TITLE = N_("Price form")
"""The appendix's name, as the evaluation method refers to it."""

RULES = (
    N_(
        "An amount is in Canadian dollars, before taxes, with its cents. It includes everything needed to deliver the item (labour, travel, expenses, third-party licences); a cost that has no line of its own is included in the line of the item it serves."
    ),
    N_(
        "A one-time cost (A) and an exit cost (C) are one amount each, paid once. A recurring cost (B) is the amount billed for one year of the Contract, any increase over the previous year included, written on the line of that year: year 1 is the first twelve months of the Contract, year 2 the next twelve, and so on."
    ),
    N_(
        "Write 0 on a line whose item is supplied at no charge or does not apply to the solution proposed. A blank cell is read as 0, that is, at no charge. A negative amount, a range or a condition is not accepted."
    ),
)
"""How to fill the form, the same in the tender and in the workbook, in the order printed."""

IN_THE_TENDER = (
    N_("The bidder writes each amount, and the totals, in the cells marked “{blank}”."),
    N_(
        "The price form is also supplied as a workbook (the file {workbook}), version {version}: the bidder may return the workbook filled in instead of the tables below, with the form of offer signed; the workbook computes the totals by the rules of this appendix. In case of discrepancy, the amounts written prevail over the totals, including the evaluated price written in the form of offer."
    ),
)
"""What only the tender says: where to write, and the workbook (``{blank}``,
``{workbook}`` and ``{version}`` filled)."""


def workbook_file(lang: str) -> str:
    """``price-form-fr.xlsx`` or ``price-form-en.xlsx``: the workbook beside the tender."""
    return f"price-form-{lang}.xlsx"


def _amount_table(lines: list[pf.PriceLine], lang: str, total: str) -> Table:
    rows = [[tr(line.label, lang), BLANK] for line in lines]
    rows.append([total, BLANK])
    return Table([[tr("Item", lang), tr("Amount ($, before taxes)", lang)]], rows, [11.0, 5.0], right=(1,))


def _recurring_table(form: pf.PriceForm, lang: str) -> Table:
    lines = form.section("recurring")
    header = [tr("Year", lang), *(tr(line.label, lang) for line in lines), tr("Total of the year", lang)]
    rows = [[str(year), *([BLANK] * (len(lines) + 1))] for year in range(1, form.horizon + 1)]
    rows.append([tr("Total B", lang), *([BLANK] * (len(lines) + 1))])
    width = (16.0 - 2.0) / (len(lines) + 1)
    return Table([header], rows, [2.0, *[width] * (len(lines) + 1)], right=tuple(range(1, len(lines) + 2)))


def _taxes(form: pf.PriceForm, lang: str) -> list[Block]:
    rates = tco.tax_rates(form.province)
    if not rates:
        return [
            Paragraph(
                tr(
                    "Taxes are added to the evaluated price at the rates in force; they are not part of it.",
                    lang,
                )
            )
        ]
    names = " + ".join(f"{tr(TAX_NAMES.get(name, name), lang)} {percent(rate, lang)}" for name, rate in rates)
    return [
        Paragraph(
            tr(
                "Taxes are not part of the evaluated price. For information, the taxes on it at the rates of the province ({rates}) are computed apart in the workbook; the Town pays the taxes in force when it is invoiced.",
                lang,
                rates=names,
            )
        )
    ]


def price_form_blocks(project: Project, lang: str) -> list[Block]:
    """The appendix "Price form" of the tender in ``lang``, on a page of its own."""
    form = pf.price_form(project)
    blocks: list[Block] = [PageBreak(), Heading(1, tr(HEADING, lang))]
    params = {"blank": BLANK, "version": form.version, "workbook": workbook_file(lang)}
    texts = [tr(text, lang, **params) for text in (IN_THE_TENDER[0], *RULES)]
    texts += [pf.renewal_text(form, lang), tr(IN_THE_TENDER[1], lang, **params)]
    blocks += [Paragraph(text) for text in texts if text]
    blocks += [
        Heading(2, tr("Evaluated price", lang)),
        Paragraph(tr(pf.EVALUATED_PRICE, lang, horizon=form.horizon)),
        Paragraph(tr(pf.ZERO_PRICE, lang)),
    ]
    one_off = form.section("one_off")
    if one_off:
        blocks += [
            Heading(2, tr(pf.SECTION_TITLES["one_off"], lang)),
            _amount_table(one_off, lang, tr("Total A", lang)),
        ]
    if form.section("recurring"):
        blocks += [Heading(2, tr(pf.SECTION_TITLES["recurring"], lang)), _recurring_table(form, lang)]
    exits = form.section("exit")
    if exits:
        blocks += [
            Heading(2, tr(pf.SECTION_TITLES["exit"], lang)),
            Paragraph(
                tr(
                    "The bidder commits to these amounts for the services of the clause on the end of the Contract, whatever the cause of the end; they may not be increased.",
                    lang,
                )
                + " "
                + tr(pf.EXIT_WHEN, lang, horizon=form.horizon)
            ),
            _amount_table(exits, lang, tr("Total C", lang)),
        ]
    blocks += [
        Table(
            [[tr("Evaluated price", lang), tr("Amount ($, before taxes)", lang)]],
            [[tr("A + B + C", lang), BLANK]],
            [11.0, 5.0],
            right=(1,),
        ),
        *_taxes(form, lang),
        Heading(2, tr(pf.SECTION_TITLES["unit"], lang)),
        Paragraph(
            tr(
                "These rates bind for the whole Contract and price the changes the Town orders in writing; they are not part of the evaluated price.",
                lang,
            )
        ),
        Table(
            [[tr("Item", lang), tr("Unit", lang), tr("Rate ($, before taxes)", lang)]],
            [[tr(line.label, lang), tr(line.unit, lang), BLANK] for line in form.section("unit")],
            [8.0, 4.0, 4.0],
            right=(2,),
        ),
    ]
    return blocks
