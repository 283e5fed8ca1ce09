"""The XLSX price workbook (wizard/core/documents/price_workbook.py; docs/documents.md, "The
price workbook"): instructions first, bidder cells unlocked and marked, everything else
locked, every total a formula, the version recorded, and, recalculated by LibreOffice,
the same totals as the core's exact figures for the bid computed by hand in
tests/core/test_price_form.py.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import ROUND_HALF_UP
from decimal import Decimal as D  # noqa: N817
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_price_form import BID, hand_project

from wizard.core.documents.price_workbook import (
    INPUT_FILL,
    NEGATIVE,
    NOT_A_FORM,
    NOT_AN_AMOUNT,
    OUTDATED,
    PriceWorkbookError,
    cell_name,
    price_workbook_bytes,
    read_amounts,
    read_totals,
)
from wizard.core.domain import price_form as pf
from wizard.core.examples import example_names, load_example
from wizard.core.export import BUILDERS, price_workbook_files


def _book(lang: str = "en", project=None, data_only: bool = False):
    data = price_workbook_bytes(project or hand_project(), lang)
    return load_workbook(io.BytesIO(data), data_only=data_only)


def _cell(book, name: str):
    ((sheet, ref),) = list(book.defined_names[name].destinations)
    return book[sheet][ref.replace("$", "")]


def _bidder_cells(form: pf.PriceForm) -> list[str]:
    names = ["P_bidder"]
    for line in form.lines:
        if line.section == "recurring":
            names += [cell_name(line.key, y) for y in range(1, form.horizon + 1)]
        else:
            names.append(cell_name(line.key))
    return names


@pytest.mark.parametrize(
    ("lang", "sheets", "title"),
    [
        ("en", ["Instructions", "Price form"], "Price form"),
        ("fr", ["Directives", "Bordereau de prix"], "Bordereau de prix"),
    ],
)
def test_instructions_first_in_the_language(lang, sheets, title):
    book = _book(lang)
    assert book.sheetnames == sheets
    first = book.worksheets[0]
    assert first["A1"].value == title
    assert first["B5"].value == "AO-2027-01"
    version = pf.price_form(hand_project()).version
    assert _cell(book, "PriceFormVersion").value == version
    texts = [c.value for c in first["A"] if isinstance(c.value, str)]
    assert any(
        t.startswith("The evaluated price of a bid" if lang == "en" else "Le prix évalué d’une")
        for t in texts
    )


def test_the_version_is_in_the_properties_and_the_form():
    book = _book()
    version = pf.price_form(hand_project()).version
    assert book.properties.identifier == version and book.properties.version == version
    assert book.custom_doc_props["PriceFormVersion"].value == version
    assert book.worksheets[1]["B3"].value == "=PriceFormVersion"


def test_only_the_bidder_cells_are_unlocked_and_marked():
    book = _book()
    form = pf.price_form(hand_project())
    inputs = {(_cell(book, n).parent.title, _cell(book, n).coordinate) for n in _bidder_cells(form)}
    assert len(inputs) == 1 + 2 + 3 * 2 + 2 + 2  # bidder, A, B (3 years × 2), C, D
    for sheet in book.worksheets:
        assert sheet.protection.sheet is True and not sheet.protection.password
        for row in sheet.iter_rows():
            for cell in row:
                unlocked = (sheet.title, cell.coordinate) in inputs
                assert cell.protection.locked is not unlocked, cell.coordinate
                if unlocked:
                    assert cell.fill.fgColor.rgb.endswith(INPUT_FILL.fgColor.rgb[-6:])


def test_every_total_is_a_formula():
    book = _book()
    for name in ["TotalA", "TotalB", "TotalC", "TotalYear1", "TotalYear2", "TotalYear3", "EvaluatedPrice"]:
        value = _cell(book, name).value
        assert isinstance(value, str) and value.startswith("="), name
        assert _cell(book, name).protection.locked
    assert _cell(book, "EvaluatedPrice").value == "=B10+D17+B23"
    sheet = book.worksheets[1]
    taxes = [r for r in sheet.iter_rows(min_col=1, max_col=2) if str(r[0].value).startswith(("GST", "QST"))]
    assert [(r[0].value, r[1].value) for r in taxes] == [
        ("GST 5%", "=ROUND(B25*5/100,2)"),
        ("QST 9.975%", "=ROUND(B25*9.975/100,2)"),
    ]


def test_same_project_same_bytes():
    assert price_workbook_bytes(hand_project(), "fr") == price_workbook_bytes(hand_project(), "fr")
    with pytest.raises(ValueError):
        price_workbook_bytes(hand_project(), "de")


def test_no_clock_time_in_the_workbook():
    """Two exports a second apart once differed (CI, stop 32): openpyxl's save stamps
    the clock on the properties and the zip on every entry. Neither may reach the bytes."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(price_workbook_bytes(hand_project(), "fr"))) as package:
        assert {part.date_time for part in package.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert 'W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>' in core
    assert 'W3CDTF">2026-01-01T00:00:00Z</dcterms:created>' in core


def test_export_writes_one_workbook_per_language():
    assert price_workbook_files in BUILDERS
    files = price_workbook_files(hand_project(), ["fr", "en"])
    assert sorted(files) == ["price-form-en.xlsx", "price-form-fr.xlsx"]
    assert load_workbook(io.BytesIO(files["price-form-fr.xlsx"])).sheetnames == [
        "Directives",
        "Bordereau de prix",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", example_names())
def test_every_example_has_a_complete_workbook_in_each_language(name):
    project = load_example(name)
    form = pf.price_form(project)
    for lang in ("fr", "en"):
        book = _book(lang, project)
        for cell in _bidder_cells(form):
            assert not _cell(book, cell).protection.locked
        texts = [
            c.value for s in book.worksheets for r in s.iter_rows() for c in r if isinstance(c.value, str)
        ]
        assert not any("[" in t and "]" in t and "COMPL" in t for t in texts)  # no placeholder


def _fill(book, form: pf.PriceForm) -> None:
    _cell(book, "P_bidder").value = "Example Ltd."
    for line in form.lines:
        for i, amount in enumerate(BID.get(line.key, []), start=1):
            if amount is None:
                continue
            name = cell_name(line.key, i) if line.section == "recurring" else cell_name(line.key)
            _cell(book, name).value = float(amount)


def _cents(value: D | float) -> D:
    return D(str(value)).quantize(D("0.01"), ROUND_HALF_UP)


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is needed to recalculate")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_libreoffice_totals_are_the_cores(lang, tmp_path: Path):
    """Fill the bidder cells as a vendor would, let LibreOffice recalculate on load, and
    read the values: the same totals as :func:`price_form.price_totals`, to the cent."""
    project = hand_project()
    form = pf.price_form(project)
    book = _book(lang)
    _fill(book, form)
    filled = tmp_path / "filled" / f"price-form-{lang}.xlsx"
    filled.parent.mkdir()
    book.save(filled)
    out = tmp_path / "out"
    profile = (tmp_path / "profile").as_uri()
    run = subprocess.run(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(filled),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    values = load_workbook(out / filled.name, data_only=True)
    totals = pf.price_totals(form, BID)
    expected = {
        "TotalA": totals.one_off,
        "TotalB": totals.recurring,
        "TotalC": totals.exit,
        "TotalYear1": totals.recurring_years[0],
        "TotalYear2": totals.recurring_years[1],
        "TotalYear3": totals.recurring_years[2],
        "EvaluatedPrice": totals.evaluated,
    }
    assert expected["EvaluatedPrice"] == D("52300.84")  # by hand: tests/core/test_price_form.py
    for name, value in expected.items():
        assert _cents(_cell(values, name).value) == _cents(value), name
    sheet = values.worksheets[1]
    evaluated_row = _cell(values, "EvaluatedPrice").row
    taxes = [sheet.cell(evaluated_row + 3 + i, 2).value for i in range(3)]  # GST, QST, with taxes
    assert [_cents(x) for x in taxes] == [
        D("2615.04"),
        D("5217.01"),
        _cents(totals.with_taxes),
    ]
    assert _cents(totals.with_taxes) == D("60132.89")


def _filled(project=None, **changes) -> bytes:
    project = project or hand_project()
    book = _book("fr", project)
    _fill(book, pf.price_form(project))
    for name, value in changes.items():
        _cell(book, name).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_filled_workbook_reads_back_to_the_hand_computed_totals():
    form = pf.price_form(hand_project())
    amounts = read_amounts(_filled(), form)
    assert amounts["recurring.support"] == [D("1000.01"), None, D("1000.01")]
    assert amounts["exit.exit_migration"] == [None]
    assert amounts["unit.user"] == [D("99.99")]
    assert pf.price_totals(form, amounts).evaluated == D("52300.84")


def test_an_outdated_workbook_is_refused():
    old = _filled()
    newer = hand_project()
    newer.tco.horizon_years = 4
    with pytest.raises(PriceWorkbookError) as caught:
        read_amounts(old, pf.price_form(newer))
    assert caught.value.text == OUTDATED
    assert caught.value.params == {
        "found": pf.price_form(hand_project()).version,
        "expected": pf.price_form(newer).version,
    }


@pytest.mark.parametrize(
    ("change", "message", "params"),
    [
        (
            {"P_one_off_licences": "about 12k"},
            NOT_AN_AMOUNT,
            {"cell": "Bordereau de prix!B8", "value": "about 12k"},
        ),
        ({"P_exit_exit_migration": -5}, NEGATIVE, {"cell": "Bordereau de prix!B22", "value": "-5"}),
    ],
)
def test_a_cell_that_is_not_an_amount_is_named(change, message, params):
    name, value = next(iter(change.items()))
    form = pf.price_form(hand_project())
    with pytest.raises(PriceWorkbookError) as caught:
        read_amounts(_filled(**{name: value}), form)
    assert (caught.value.text, caught.value.params) == (message, params)


def test_a_file_that_is_no_workbook_is_refused():
    with pytest.raises(PriceWorkbookError) as caught:
        read_amounts(b"not a workbook", pf.price_form(hand_project()))
    assert caught.value.text == NOT_A_FORM


@pytest.mark.parametrize(
    ("lang", "prompt"),
    [
        ("en", "An amount in dollars before taxes, 0 or more (write 0 for an item at no charge)."),
        (
            "fr",
            "Un montant en dollars avant taxes, égal ou supérieur à 0 (inscrire 0 pour un élément sans frais).",
        ),
    ],
)
def test_every_amount_cell_accepts_only_a_decimal_of_zero_or_more(lang, prompt):
    """The bid manager typed “included”, “12 345,67 $” and -5000: every amount cell now
    carries a stop-kind validation, decimal ≥ 0, with its message in the language."""
    book = _book(lang)
    form = pf.price_form(hand_project())
    sheet = book.worksheets[1]
    checks = sheet.data_validations.dataValidation
    assert len(checks) == 1
    check = checks[0]
    assert (check.type, check.operator, check.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert (check.errorStyle, check.showErrorMessage, check.showInputMessage) == ("stop", True, True)
    assert check.prompt == prompt
    covered = {str(r) for r in check.sqref.ranges}
    amount_cells = [name for name in _bidder_cells(form) if name != "P_bidder"]
    assert len(amount_cells) == 2 + 2 * 3 + 2 + 2  # A, B over 3 years, C, D
    for name in amount_cells:
        assert _cell(book, name).coordinate in covered, name
    assert _cell(book, "P_bidder").coordinate not in covered


def test_a_tampered_total_does_not_change_what_the_town_reads():
    """The sheet is protected without a password, so a bidder can change a formula or
    overwrite a total: the Town's figures come from the amounts alone."""
    form = pf.price_form(hand_project())
    honest = read_totals(_filled(), form)
    assert honest.evaluated == D("52300.84")
    tampered = _filled(TotalA="=1", TotalYear1=0, EvaluatedPrice=1)
    book = load_workbook(io.BytesIO(tampered), data_only=True)
    assert _cell(book, "EvaluatedPrice").value == 1  # the workbook now "says" 1 $
    assert read_amounts(tampered, form) == read_amounts(_filled(), form)
    assert read_totals(tampered, form) == honest
    instructions = [c.value for c in load_workbook(io.BytesIO(tampered)).worksheets[0]["A"]]
    assert (
        "Les totaux de ce classeur aident le soumissionnaire à vérifier ses chiffres\u00a0: la Ville recalcule "
        "chaque total, et le prix évalué, à partir des montants inscrits, et ne lit pas les cellules de total."
    ) in instructions


def test_the_workbook_is_zipped_once(monkeypatch):
    """openpyxl's writer adds its parts through the fixed-date ZIP itself: no second
    archive to copy them into with their dates fixed (it was written, read and written
    again)."""
    import zipfile

    opened = []
    real = zipfile.ZipFile.__init__

    def counted(self, file, mode="r", *args, **kwargs):
        opened.append(mode)
        real(self, file, mode, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counted)
    data = price_workbook_bytes(hand_project(), "fr")
    assert opened == ["w"]
    monkeypatch.undo()
    assert load_workbook(io.BytesIO(data)).sheetnames == ["Directives", "Bordereau de prix"]
