"""Criteria, evaluation method and scenarios in the exported tender DOCX.

Read back from the Word file: criteria tables with ids and a repeating header row
(``w:tblHeader``), column widths that fit the page's text width, the criteria-to-scenario
traceability matrix, and the evaluation text (every weight, pass/fail rule, threshold and
points needed, tie-break rule, Québec's formula) in French and in English.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn
from tender_sample import tender_project

from wizard.core.export import tender_bytes
from wizard.core.model import Criterion, QualityGridItem, Scenario

TWIPS_PER_CM = 1440 / 2.54


def project(scenarios: int = 3, lang: str = "fr"):
    """A tender written in ``lang`` (its binding version), so it numbers criteria in ``lang``."""
    p = tender_project(lang=lang)
    p.info.binding_language = lang
    p.criteria += [
        Criterion(7, "Les données sont hébergées au Canada.", kind="mandatory", verification="document")
    ]
    p.criteria += [
        Criterion(i, f"Critère optionnel numéro {i}", kind="optional") for i in range(8, 15)
    ]  # 10 optional
    p.scenarios = [
        Scenario(n, f"Scénario numéro {n}", criterion_ids=[1, 4] if n == 1 else [n])
        for n in range(1, scenarios + 1)
    ]
    p.evaluation.quality_weight, p.evaluation.price_weight = 65, 35
    p.criteria_settings.pass_threshold_pct = 75
    return p


def _document(p, lang):
    """The tender in ``lang``, the sample's texts read as typed in ``lang`` (these tests
    are about the tables and the evaluation text; the language versions of user texts:
    tests/core/test_bilingual*.py)."""
    p.info.text_language = lang
    return docx.Document(io.BytesIO(tender_bytes(p, lang)))


def _rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def _text_width_twips(document) -> int:
    section = document.sections[0]
    return section.page_width.twips - section.left_margin.twips - section.right_margin.twips


def _table(document, first_header: str, third: str | None = None):
    found = [
        t
        for t in document.tables
        if t.rows
        and t.rows[0].cells[0].text == first_header
        and (third is None or t.rows[0].cells[2].text == third)
    ]
    return found


@pytest.fixture(scope="module", params=["fr", "en"])
def exported(request):
    return request.param, _document(project(lang=request.param), request.param)


HEADERS = {"fr": ("N°", "Critère", "Catégorie"), "en": ("No.", "Criterion", "Category")}


def test_criteria_tables_have_ids_and_repeating_header_rows(exported):
    lang, document = exported
    number, criterion, category = HEADERS[lang]
    mandatory, optional = _table(document, number, category)
    prefix, optional_prefix = {"fr": ("OBL", "OPT"), "en": ("M", "O")}[lang]
    assert [r[0] for r in _rows(mandatory)] == [number, *[f"{prefix}-{i}" for i in range(1, 5)]]
    assert [r[0] for r in _rows(optional)] == [number, *[f"{optional_prefix}-{i}" for i in range(1, 11)]]
    assert _rows(mandatory)[4][1] == "Les données sont hébergées au Canada."
    for table in (mandatory, optional):
        rows = table._tbl.findall(qn("w:tr"))
        header = rows[0].find(qn("w:trPr")).find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val"), "true") in ("true", "1")
        assert all(
            r.find(qn("w:trPr")) is None or r.find(qn("w:trPr")).find(qn("w:tblHeader")) is None
            for r in rows[1:]
        )


def test_every_table_fits_the_text_width(exported):
    _lang, document = exported
    width = _text_width_twips(document)
    assert 9000 < width <= 9500  # Letter, 2.5 cm margins: 16.59 cm
    # cover, timetable, contact, mandatory, optional, traceability; the forms' addenda,
    # subcontractors, trade secrets and references; the price form's one-time, recurring,
    # exit, evaluated price and unit-rate tables; the response form; the service levels,
    # the severities and the form of agreement (no quantity in this project)
    assert len(document.tables) == 19
    for table in document.tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) <= width, _rows(table)[0]
        assert sum(grid) <= 16.0 * TWIPS_PER_CM + 1  # A4 too, if a lawyer changes the paper
        for row in table._tbl.findall(qn("w:tr")):
            cells = [
                int(tc.find(qn("w:tcPr")).find(qn("w:tcW")).get(qn("w:w"))) for tc in row.findall(qn("w:tc"))
            ]
            assert sum(cells) <= width


def test_traceability_matrix_marks_each_scenario(exported):
    lang, document = exported
    number, criterion, _category = HEADERS[lang]
    (matrix,) = _table(document, number, "S-1")
    rows = _rows(matrix)
    verification = {"fr": "Vérification", "en": "Verification"}[lang]
    assert rows[0] == [number, criterion, "S-1", "S-2", "S-3", verification]
    marks = {r[0]: r[2:5] for r in rows[1:]}
    m, o = {"fr": ("OBL", "OPT"), "en": ("M", "O")}[lang]
    assert (
        marks[f"{m}-1"] == ["X", "", ""]
        and marks[f"{m}-2"] == ["", "X", ""]
        and marks[f"{m}-3"] == ["", "", "X"]
    )
    assert (
        marks[f"{o}-1"] == ["X", "", ""]
        and marks[f"{m}-4"] == ["", "", ""]
        and marks[f"{o}-2"] == ["", "", ""]
    )
    verifications = {r[0]: r[-1] for r in rows[1:]}
    assert verifications[f"{m}-4"] == "Document"  # hosted in Canada: verified by a document
    assert verifications[f"{o}-2"] == "[À COMPLÉTER / TO BE COMPLETED]"  # a scenario is still to be written
    assert verifications[f"{m}-1"] == {"fr": "Scénario d’essai", "en": "Test scenario"}[lang]
    assert matrix._tbl.findall(qn("w:tr"))[0].find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    texts = [p.text for p in document.paragraphs]
    heading = {"fr": "Scénario S-1\u00a0: Scénario numéro 1", "en": "Scenario S-1: Scénario numéro 1"}[lang]
    assert heading in texts


def test_many_scenarios_are_listed_per_criterion():
    document = _document(project(scenarios=9, lang="en"), "en")
    (matrix,) = _table(document, "No.", "Scenarios")
    rows = {r[0]: r for r in _rows(matrix)}
    assert rows["M-1"][2] == "S-1" and rows["O-1"][2] == "S-1, S-4" and rows["O-5"][2] == "S-9"
    assert rows["M-4"][2] == "S-7" and rows["O-6"][2] == "\u2014"
    assert rows["No."] == ["No.", "Criterion", "Scenarios", "Verification"]


EVALUATION = {
    "en": [
        "Each bid is first checked against the mandatory criteria, on a pass/fail basis.",
        "Pass threshold: at least 8 of the 10 optional criteria (75%).",
        "Quality: 65 points, in proportion to the optional criteria met;",
        "Price: 35 points, by the formula 35 × lowest evaluated price ÷ evaluated price of the bid",
        "In this evaluation method, the price of a bid is its evaluated price as the appendix “Price form” defines it.",
        "Tie-break rule: Tirage au sort devant témoins.",
        "at least 75% of the optional criteria, that is 8 points out of 10.",
    ],
    "fr": [
        "selon la règle «\u00a0conforme ou non conforme\u00a0»",
        "Seuil de passage\u00a0: au moins 8 des 10 critères facultatifs (75\u00a0%).",
        "Qualité\u00a0: 65 points, en proportion des critères facultatifs satisfaits;",
        "Prix\u00a0: 35 points, selon la formule 35 × prix évalué le plus bas ÷ prix évalué de la soumission",
        "Règle de départage\u00a0: Tirage au sort devant témoins.",
        "au moins 75\u00a0% des critères facultatifs, soit 8 points sur 10.",
    ],
}


def test_evaluation_text_in_both_languages(exported):
    lang, document = exported
    text = "\n".join(p.text for p in document.paragraphs)
    for expected in EVALUATION[lang]:
        assert expected in text, expected
    assert ("Système de pondération" in text) is False and ("Weighted evaluation system" in text) is False


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "(interim score + 50) × 10,000 ÷ evaluated price;",
                "The price in this formula is the evaluated price that the appendix “Price form” defines, its exit costs and any renewal years priced included [to be confirmed by counsel].",
                "= 13.0",
                "evaluated with the weighted system described below",
            ],
        ),
        (
            "fr",
            [
                "(pointage intérimaire + 50) × 10\u00a0000 ÷ prix évalué;",
                "= 13,0",
                "évaluées selon le système de pondération",
            ],
        ),
    ],
)
def test_quebec_weighted_system_in_the_tender(lang, expected):
    p = project()
    p.evaluation.quebec_weighted = True
    p.quality_grid = [QualityGridItem(i, f"Q{i}", pts) for i, pts in enumerate([30, 30, 20, 20], 1)]
    document = _document(p, lang)
    text = "\n".join(par.text for par in document.paragraphs)
    assert all(e in text for e in expected), text[-2000:]
    assert ("Quality: 65 points" in text) is False and ("Qualité\u00a0: 65 points" in text) is False
    (grid,) = [t for t in document.tables if _rows(t)[-1][0] in ("Total",) and len(t.columns) == 2]
    assert _rows(grid)[1:] == [["Q1", "30"], ["Q2", "30"], ["Q3", "20"], ["Q4", "20"], ["Total", "100"]]
    grid_width = sum(int(c.get(qn("w:w"))) for c in grid._tbl.tblGrid.findall(qn("w:gridCol")))
    assert grid_width <= _text_width_twips(document)
