"""The price form as an XLSX workbook, one per tender language (docs/documents.md, "The
price workbook").

``price_workbook_bytes(project, lang) -> bytes`` ("fr" or "en", else ``ValueError``):
the same lines, labels and version as the tender's appendix (``tender_price_form.py``,
both from :func:`wizard.core.domain.price_form.price_form`), for bidders to fill and
return; the import of filled workbooks (after publication) will read it.

* Sheet 1, the instructions (in ``lang``): the Town, the reference, the title, the
  form's version, the horizon, how to fill it, the definition of the evaluated price.
* Sheet 2, the form: the bidder's name and every amount in **unlocked yellow cells**;
  everything else locked, the sheet protected **without a password** (protection
  guards against slips, not against a determined bidder: the Town recomputes every
  total from the amounts, :func:`read_totals`, and the instructions say so). Every
  total, per year, per section, the evaluated price (A + B + C) and the taxes on it
  (each rounded to the cent) are **formulas**; amounts use the CAD currency format of
  the language and a data validation (a decimal ≥ 0, :func:`amount_validation`); the
  year rows that fall in renewals are marked; section D is Item | Unit | Rate, as in
  the tender.
* Defined names, for the import and for a reader: each bidder cell ``P_<key>`` (and
  ``P_<key>_Y<n>`` for year n of a recurring line, the key's dots as underscores),
  ``TotalA``, ``TotalB``, ``TotalC``, ``TotalYear<n>``, ``EvaluatedPrice``,
  ``PriceFormVersion`` (the cell holding the version on the instructions sheet).
* Document properties: title, subject (the reference), language, ``identifier`` and
  ``version`` = the form's version, and a custom property ``PriceFormVersion``.

``read_amounts(data, form)`` reads a filled workbook back (the bidder's amounts by the
cells' names) and refuses one of another version (:class:`PriceWorkbookError`);
``read_totals(data, form)`` recomputes the bid's totals from those amounts only.

Deterministic: the same project gives the same bytes (fixed creation date), so a
re-export does not look like a new form.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from wizard.core.documents.record_tco import TAX_NAMES, percent
from wizard.core.documents.tender_price_form import RULES
from wizard.core.domain import price_form as pf
from wizard.core.domain import tco
from wizard.core.fixed_zip import FixedDateZip
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Project
from wizard.core.model.translatable import localized
from wizard.core.textclean import one_line

MONEY_FORMAT = {"fr": '#,##0.00\\ "$"', "en": '"$"#,##0.00'}
"""CAD with cents, as each language writes it (the thousands and decimal separators
follow the reader's locale in the spreadsheet program)."""

INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
"""The bidder's cells: light yellow, named in the legend."""
TOTAL_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)

SHEET_NAMES = {
    "instructions": N_("Instructions"),
    "form": N_("Price form"),
}
FIXED_DATE = dt.datetime(2026, 1, 1)
"""The workbook's creation date: fixed, so the same form gives the same bytes."""


def cell_name(key: str, year: int = 0) -> str:
    """The defined name of a bidder cell: ``P_one_off_training``, ``P_recurring_support_Y3``."""
    base = "P_" + key.replace(".", "_")
    return f"{base}_Y{year}" if year else base


def _name(wb: Workbook, name: str, sheet: Worksheet, ref: str) -> None:
    col, row = ref.rstrip("0123456789"), ref[len(ref.rstrip("0123456789")) :]
    wb.defined_names[name] = DefinedName(name, attr_text=f"{quote_sheetname(sheet.title)}!${col}${row}")


AMOUNT_TITLE = N_("Amount")
AMOUNT_PROMPT = N_("An amount in dollars before taxes, 0 or more (write 0 for an item at no charge).")
AMOUNT_ERROR = N_(
    "Write a number of dollars, 0 or more, without text or a currency sign: for example 12345.67. "
    "Write 0 for an item at no charge."
)
"""The data validation of every amount cell: its input message and its error alert."""


def amount_validation(lang: str) -> DataValidation:
    """The validation of the bidder's amount cells in ``lang``: a decimal ≥ 0 (blank
    allowed), an input message, and an error alert of the *stop* kind, so that a
    spreadsheet program refuses text ("included", "12 345,67 $") and negative amounts
    as they are typed (:func:`read_amounts` still refuses them, for a program that does
    not enforce validations)."""
    return DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorStyle="stop",
        errorTitle=tr(AMOUNT_TITLE, lang),
        error=tr(AMOUNT_ERROR, lang),
        promptTitle=tr(AMOUNT_TITLE, lang),
        prompt=tr(AMOUNT_PROMPT, lang),
    )


def _input(ws: Worksheet, ref: str, money: str) -> None:
    cell = ws[ref]
    cell.protection = Protection(locked=False)
    cell.fill = INPUT_FILL
    cell.border = BOX
    cell.number_format = money


def _formula(ws: Worksheet, ref: str, formula: str, money: str, bold: bool = False) -> None:
    cell = ws[ref]
    cell.value = formula
    cell.fill = TOTAL_FILL
    cell.border = BOX
    cell.number_format = money
    cell.font = Font(bold=bold)


def _header(ws: Worksheet, row: int, values: list[str]) -> None:
    ws.row_dimensions[row].height = 30
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _instructions(wb: Workbook, project: Project, form: pf.PriceForm, lang: str) -> None:
    ws = wb.active
    ws.title = tr(SHEET_NAMES["instructions"], lang)
    info = project.info
    ws["A1"] = tr("Price form", lang)
    ws["A1"].font = Font(bold=True, size=14)
    rows = [
        (tr("Town", lang), one_line(info.organization) or PLACEHOLDER),
        (tr("Call for tenders", lang), one_line(info.title) or PLACEHOLDER),
        (tr("Reference number", lang), one_line(info.reference) or PLACEHOLDER),
        (tr("Version of the form", lang), form.version),
        (tr("Years of the Contract priced", lang), form.horizon),
    ]
    for offset, (label, value) in enumerate(rows, start=3):
        ws.cell(offset, 1, label).font = Font(bold=True)
        ws.cell(offset, 2, value)
    _name(wb, "PriceFormVersion", ws, "B6")
    texts = [
        tr(
            "Fill in only the yellow cells of the sheet “{sheet}”; every other cell is protected (without a password) and every total is computed.",
            lang,
            sheet=tr(SHEET_NAMES["form"], lang),
        ),
        *(tr(t, lang) for t in RULES),
        tr(
            "Each yellow amount cell accepts only a number, 0 or more: the spreadsheet program refuses text (such as “included” or a currency sign) and negative amounts.",
            lang,
        ),
        pf.renewal_text(form, lang),
        tr(pf.EVALUATED_PRICE, lang, horizon=form.horizon),
        tr(pf.ZERO_PRICE, lang),
        *([tr(pf.EXIT_WHEN, lang, horizon=form.horizon)] if form.section("exit") else []),
        tr(RECOMPUTED, lang),
        tr("Return this workbook, filled in, with the form of offer signed.", lang),
        tr(
            "Do not add, remove or move rows or columns: the Town reads the cells by their place and their names, and refuses a workbook whose version is not that of the call for tenders and its addenda.",
            lang,
        ),
    ]
    for offset, text in enumerate(texts, start=9):
        cell = ws.cell(offset, 1, text)
        ws.merge_cells(start_row=offset, start_column=1, end_row=offset, end_column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[offset].height = 15 * (1 + len(text) // 95)
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 70
    _printable(ws, landscape=False)


def _amount_section(
    wb: Workbook,
    ws: Worksheet,
    row: int,
    lines: list[pf.PriceLine],
    lang: str,
    total: tuple[str, str],
    money: str,
) -> tuple[int, str]:
    """One amount per line (A or C); returns the next free row and the total's cell."""
    _header(ws, row, [tr("Item", lang), tr("Amount ($, before taxes)", lang)])
    first = row + 1
    for line in lines:
        row += 1
        ws.cell(row, 1, tr(line.label, lang)).alignment = Alignment(wrap_text=True)
        _input(ws, f"B{row}", money)
        _name(wb, cell_name(line.key), ws, f"B{row}")
    row += 1
    ws.cell(row, 1, tr(total[0], lang)).font = Font(bold=True)
    _formula(ws, f"B{row}", f"=SUM(B{first}:B{row - 1})" if lines else "=0", money, bold=True)
    _name(wb, total[1], ws, f"B{row}")
    return row + 2, f"B{row}"


def _recurring_section(
    wb: Workbook, ws: Worksheet, row: int, form: pf.PriceForm, lang: str, money: str
) -> tuple[int, str]:
    lines = form.section("recurring")
    if not lines:
        ws.cell(row, 1, tr("Total B", lang)).font = Font(bold=True)
        _formula(ws, f"B{row}", "=0", money, bold=True)
        _name(wb, "TotalB", ws, f"B{row}")
        return row + 2, f"B{row}"
    last = get_column_letter(len(lines) + 2)
    _header(ws, row, [tr("Year", lang), *(tr(x.label, lang) for x in lines), tr("Total of the year", lang)])
    ws.row_dimensions[row].height = 45
    first = row + 1
    for year in range(1, form.horizon + 1):
        row += 1
        if pf.is_renewal_year(form, year):  # marked, as the appendix says
            ws.cell(row, 1, tr(pf.RENEWAL_ROW, lang, year=year))
        else:
            ws.cell(row, 1, tr("Year {year}", lang, year=year))
        for col, line in enumerate(lines, start=2):
            ref = f"{get_column_letter(col)}{row}"
            _input(ws, ref, money)
            _name(wb, cell_name(line.key, year), ws, ref)
        _formula(ws, f"{last}{row}", f"=SUM(B{row}:{get_column_letter(len(lines) + 1)}{row})", money)
        _name(wb, f"TotalYear{year}", ws, f"{last}{row}")
    row += 1
    ws.cell(row, 1, tr("Total B", lang)).font = Font(bold=True)
    for col in range(2, len(lines) + 3):
        letter = get_column_letter(col)
        _formula(
            ws,
            f"{letter}{row}",
            f"=SUM({letter}{first}:{letter}{row - 1})",
            money,
            bold=col == len(lines) + 2,
        )
    _name(wb, "TotalB", ws, f"{last}{row}")
    return row + 2, f"{last}{row}"


def _printable(ws: Worksheet, landscape: bool) -> None:
    """Protect the sheet (no password) and print it one page wide."""
    ws.protection.sheet = True
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _section_title(ws: Worksheet, row: int, text: str) -> int:
    ws.cell(row, 1, text).font = Font(bold=True, size=12)
    return row + 1


def _form(wb: Workbook, project: Project, form: pf.PriceForm, lang: str) -> None:
    ws = wb.create_sheet(tr(SHEET_NAMES["form"], lang))
    money = MONEY_FORMAT[lang]
    ws["A1"] = tr(
        "Price form — call for tenders {reference}",
        lang,
        reference=one_line(project.info.reference) or PLACEHOLDER,
    )
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = tr("Bidder (legal name)", lang)
    ws["A2"].font = Font(bold=True)
    _input(ws, "B2", "@")
    _name(wb, "P_bidder", ws, "B2")
    ws["A3"] = tr("Version of the form", lang)
    ws["B3"] = "=PriceFormVersion"
    ws["A4"] = tr("Yellow cells: to be filled in by the bidder, in dollars before taxes.", lang)
    ws["A4"].fill = INPUT_FILL
    row = _section_title(ws, 6, tr(pf.SECTION_TITLES["one_off"], lang))
    row, total_a = _amount_section(
        wb, ws, row, form.section("one_off"), lang, (N_("Total A"), "TotalA"), money
    )
    row = _section_title(ws, row, tr(pf.SECTION_TITLES["recurring"], lang))
    row, total_b = _recurring_section(wb, ws, row, form, lang, money)
    row = _section_title(ws, row, tr(pf.SECTION_TITLES["exit"], lang))
    row, total_c = _amount_section(wb, ws, row, form.section("exit"), lang, (N_("Total C"), "TotalC"), money)
    totals = [total_a, total_b, total_c]
    ws.cell(row, 1, tr("Evaluated price (A + B + C), before taxes", lang)).font = Font(bold=True)
    _formula(ws, f"B{row}", "=" + "+".join(totals), money, bold=True)
    _name(wb, "EvaluatedPrice", ws, f"B{row}")
    evaluated = f"B{row}"
    rates = tco.tax_rates(form.province)
    if rates:
        row += 2
        ws.cell(row, 1, tr("Taxes, for information (not part of the evaluated price)", lang)).font = Font(
            bold=True
        )
        first = row + 1
        for name, rate in rates:
            row += 1
            ws.cell(row, 1, f"{tr(TAX_NAMES.get(name, name), lang)} {percent(rate, lang)}")
            _formula(ws, f"B{row}", f"=ROUND({evaluated}*{Decimal(rate).normalize()}/100,2)", money)
        row += 1
        ws.cell(row, 1, tr("Evaluated price with taxes, for information", lang))
        _formula(ws, f"B{row}", f"={evaluated}+SUM(B{first}:B{row - 1})", money)
    row = _section_title(ws, row + 2, tr(pf.SECTION_TITLES["unit"], lang))
    _header(ws, row, [tr("Item", lang), tr("Unit", lang), tr("Rate ($, before taxes)", lang)])
    for line in form.section("unit"):  # the columns in the order of the tender's table
        row += 1
        ws.cell(row, 1, tr(line.label, lang))
        ws.cell(row, 2, tr(line.unit, lang))
        _input(ws, f"C{row}", money)
        _name(wb, cell_name(line.key), ws, f"C{row}")
    check = amount_validation(lang)
    ws.add_data_validation(check)
    for name, defined in wb.defined_names.items():
        if name.startswith("P_") and name != "P_bidder":
            ((_sheet, ref),) = list(defined.destinations)
            check.add(ref.replace("$", ""))
    ws.column_dimensions["A"].width = 58
    for col in range(2, max(len(form.section("recurring")) + 3, 4)):
        ws.column_dimensions[get_column_letter(col)].width = 18
    _printable(ws, landscape=len(form.section("recurring")) > 2)


def price_workbook_bytes(project: Project, lang: str) -> bytes:
    """The price workbook in ``lang`` as XLSX bytes, from a clean project (its text in
    ``lang``). Raises ``ValueError`` for a ``lang`` other than "fr"/"en"."""
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    project = localized(project, lang)
    form = pf.price_form(project)
    wb = Workbook()
    _instructions(wb, project, form, lang)
    _form(wb, project, form, lang)
    wb.active = 1
    props = wb.properties
    props.title = tr("Price form", lang) + " — " + (one_line(project.info.reference) or PLACEHOLDER)
    props.subject = one_line(project.info.reference)[:255]
    props.creator = one_line(project.info.organization)[:255] or "Open Procurement Wizard"
    props.language = {"fr": "fr-CA", "en": "en-CA"}[lang]
    props.identifier = form.version
    props.version = form.version
    props.keywords = f"price-form {form.version}"
    props.created = props.modified = FIXED_DATE
    props.lastModifiedBy = "Open Procurement Wizard"
    wb.custom_doc_props.append(StringProperty(name="PriceFormVersion", value=form.version))
    # Not ``wb.save``: it stamps the save's clock time on the properties, and the zip
    # stamps it on every entry; the same project must give the same bytes any day (the
    # project file keeps the published workbook and compares it with a new export).
    out = io.BytesIO()
    with FixedDateZip(out, FIXED_DATE) as archive:
        ExcelWriter(wb, archive).write_data()
    return out.getvalue()


RECOMPUTED = N_(
    "The totals of this workbook help the bidder check its figures: the Town recomputes every total, and "
    "the evaluated price, from the amounts written, and does not read the total cells."
)
"""Said on the instructions sheet: why a changed formula changes nothing (the sheet's
protection has no password on purpose: it guards against slips, and a password would
only stop the bidder from adding a row of comments it may need, not a determined one)."""

NOT_A_FORM = N_("This file is not a price form of this call for tenders: {detail}.")
OUTDATED = N_(
    "This workbook is version {found} of the price form, but the call for tenders is at version {expected}: "
    "the bidder must use the current form."
)
NOT_AN_AMOUNT = N_("Cell {cell} of the price form holds “{value}”, which is not an amount in dollars.")
STRUCTURE_ALTERED = N_(
    "The structure of the price form was changed by the bidder: the named cell {detail} is missing."
)
NEGATIVE = N_(
    "Cell {cell} of the price form holds a negative amount ({value}); negative amounts are not accepted."
)


class PriceWorkbookError(Exception):
    """A filled workbook cannot be read. ``text`` is an English message id
    (:data:`NOT_A_FORM`, :data:`STRUCTURE_ALTERED`, :data:`OUTDATED`, :data:`NOT_AN_AMOUNT`, :data:`NEGATIVE`; French
    in ``document.po``), ``params`` fill its placeholders."""

    def __init__(self, text: str, **params: object) -> None:
        super().__init__(text.format(**params))
        self.text = text
        self.params = params


def _amount(cell: object, ref: str) -> Decimal | None:
    value = getattr(cell, "value", None)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise PriceWorkbookError(NOT_AN_AMOUNT, cell=ref, value=str(value))
    try:
        amount = Decimal(str(value).strip())
    except ArithmeticError:
        raise PriceWorkbookError(NOT_AN_AMOUNT, cell=ref, value=str(value)) from None
    if not amount.is_finite():
        raise PriceWorkbookError(NOT_AN_AMOUNT, cell=ref, value=str(value))
    if amount < 0:
        raise PriceWorkbookError(NEGATIVE, cell=ref, value=str(value))
    return amount


def read_amounts(data: bytes, form: pf.PriceForm) -> dict[str, list[Decimal | None]]:
    """The amounts a bidder wrote in a filled workbook of ``form``: line key → its cells
    (``None`` for a blank), ready for :func:`~wizard.core.domain.price_form.price_totals`.
    Cells are found by their defined names (:func:`cell_name`), so a moved cell is still
    read; the totals the workbook computed are ignored (the Town recomputes them).

    Raises :class:`PriceWorkbookError`: not a workbook or not a price form
    (:data:`NOT_A_FORM`), a named cell of the form missing (:data:`STRUCTURE_ALTERED`), a version other than ``form.version`` (:data:`OUTDATED`), a
    cell that holds text or a negative amount (:data:`NOT_AN_AMOUNT`, :data:`NEGATIVE`).
    """
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise PriceWorkbookError(NOT_A_FORM, detail=type(exc).__name__) from None

    def cell(name: str) -> tuple[object, str]:
        if name not in book.defined_names:
            raise PriceWorkbookError(STRUCTURE_ALTERED, detail=name)
        ((sheet, ref),) = list(book.defined_names[name].destinations)
        ref = ref.replace("$", "")
        return book[sheet][ref], f"{sheet}!{ref}"

    version = str(getattr(cell("PriceFormVersion")[0], "value", "") or "")
    if version != form.version:
        raise PriceWorkbookError(OUTDATED, found=version or "?", expected=form.version)
    amounts: dict[str, list[Decimal | None]] = {}
    for line in form.lines:
        years = range(1, line.cells + 1) if line.section == "recurring" else [0]
        amounts[line.key] = [_amount(*cell(cell_name(line.key, year))) for year in years]
    return amounts


def read_totals(data: bytes, form: pf.PriceForm) -> pf.PriceTotals:
    """The totals of a filled workbook, recomputed from its amounts
    (:func:`read_amounts`, then :func:`~wizard.core.domain.price_form.price_totals`):
    the workbook's own total cells, formulas or values a bidder may have changed, are
    never read. Raises :class:`PriceWorkbookError` as :func:`read_amounts` does."""
    return pf.price_totals(form, read_amounts(data, form))
