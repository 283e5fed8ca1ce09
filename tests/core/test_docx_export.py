"""The tender DOCX (docs/documents.md; docs/cases.md K1, K4–K8): styles, numbering, fields, tables, links, text."""

from __future__ import annotations

import io
import zipfile

import docx
import docx.table
import pytest
from docx.oxml.ns import qn
from tender_sample import MANDATORY, STATEMENT, URL, tender_project

from wizard.core.documents.blocks import Document, Table
from wizard.core.documents.docx.writer import build_docx
from wizard.core.documents.typography import french_apostrophes
from wizard.core.export import export_all, tender_bytes
from wizard.core.model import VendorExchange


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def _all_text(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


@pytest.fixture(scope="module")
def fr_docx():
    data = tender_bytes(tender_project(), "fr")
    return data, docx.Document(io.BytesIO(data)), _parts(data)


def test_k5_toc_field_and_update_fields(fr_docx):
    _data, document, parts = fr_docx
    assert 'TOC \\o "1-2" \\h \\z \\u' in parts["word/document.xml"]
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    names = [child.tag.split("}")[1] for child in settings]
    assert names.index("updateFields") < names.index("compat")  # schema order, Word is strict
    assert any("Cette table des matières est un champ" in t and "F9" in t for t in _all_text(document))


def test_header_reference_and_footer_page_x_of_y(fr_docx):
    _data, document, parts = fr_docx
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Appel d’offres SE-TI-2027-004"
    footer_xml = next(v for k, v in parts.items() if k.startswith("word/footer"))
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml
    assert section.footer.paragraphs[0].text == "Page 1 sur 1"  # field placeholders until updated


def test_built_in_styles_and_clause_numbering(fr_docx):
    _data, document, parts = fr_docx
    styles = {p.style.name for p in document.paragraphs}
    assert {
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "List Number",
        "List Number 2",
        "List Bullet",
    } <= styles
    numbering = parts["word/numbering.xml"]
    assert 'w:abstractNumId="90"' in numbering and "%1.%2.%3" in numbering and '"%1.%2"' in numbering
    clause = next(p for p in document.paragraphs if p.text == "Droit applicable et tribunaux compétents")
    assert clause.style.name == "Heading 2"
    numpr = clause._p.pPr.find(qn("w:numPr"))
    assert (
        numpr.find(qn("w:numId")).get(qn("w:val")) == "90"
        and numpr.find(qn("w:ilvl")).get(qn("w:val")) == "0"
    )
    item = next(
        p
        for p in document.paragraphs
        if p.text.startswith("l’intégralité des données de la Ville") and p.style.name == "List Number 2"
    )  # an item of the exit clause: 1.1.1
    assert item._p.pPr.find(qn("w:numPr")).find(qn("w:ilvl")).get(qn("w:val")) == "2"


def test_criteria_tables_repeat_their_header_row(fr_docx):
    _data, document, _parts_ = fr_docx
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Critère")
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [r.cells[1].text for r in table.rows[1:]] == [french_apostrophes(m) for m in MANDATORY]


def test_k6_clickable_link_with_ampersand(fr_docx):
    data, document, parts = fr_docx
    rels = parts["word/_rels/document.xml.rels"]
    assert 'Target="https://donnees.example.ca/dataset?id=12&amp;format=csv"' in rels
    assert 'TargetMode="External"' in rels
    assert any(URL in t for t in _all_text(document))
    link = document.element.body.find(".//" + qn("w:hyperlink"))
    assert document.part.rels[link.get(qn("r:id"))].target_ref == URL


def test_properties_and_language(fr_docx):
    _data, document, parts = fr_docx
    props = document.core_properties
    assert (
        props.title == "Gestion des périmètres d’urgence"
    )  # typed d'urgence: a French document's apostrophe
    assert props.author == "Ville de Saint-Exemple" and props.language == "fr-CA"
    assert '<w:lang w:val="fr-CA"' in parts["word/styles.xml"]
    en = _parts(tender_bytes(tender_project(lang="en"), "en"))
    assert '<w:lang w:val="en-CA"' in en["word/styles.xml"]
    assert "docProps/thumbnail.jpeg" not in parts


def test_k7_k8_text_round_trips_exactly():
    p = tender_project()
    p.criteria[0].text = "Temps de réponse < 2 s"
    p.vendor_exchanges.append(VendorExchange(3, vendor="شركة المثال", drafting="helped_draft"))
    p.problem.statement = "Besoin de R&D <urgent> & « autre »"
    document = docx.Document(io.BytesIO(tender_bytes(p, "fr")))
    texts = _all_text(document)
    for expected in (
        "Temps de réponse < 2 s",
        "شركة المثال",
        "Johnson & Johnson",
        "Besoin de R&D <urgent> & « autre »",
    ):
        assert expected in texts


def test_k1_export_completes_with_control_characters(tmp_path):
    p = tender_project()
    p.criteria[0].text = "Réseau\x0bsans fil"
    p.vendor_exchanges[0].vendor = "ACME\x00"
    p.problem.statement = "Besoin\uffff\ufffe \ud800urgent"
    written = export_all(p, tmp_path, "fr")  # the export cleans the project's text once
    texts = _all_text(docx.Document(str(tmp_path / "tender-fr.docx")))
    assert "Réseausans fil" in texts and "ACME" in texts and "Besoin urgent" in texts
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted(p.name for p in written)  # no temp file


def test_problem_statement_is_in_the_document(fr_docx):
    assert french_apostrophes(STATEMENT) in _all_text(fr_docx[1])


def test_k4_large_table_is_built_row_by_row(monkeypatch):
    rows = [[str(i), f"Fournisseur {i} & fils", "courriel", "2026-01-01"] for i in range(400)]
    doc = Document(
        "fr",
        "T",
        "O",
        "R",
        "H",
        "Page {page} de {pages}",
        [Table([["N", "F", "C", "D"]], rows, [2, 8, 3, 3])],
    )

    def quadratic(*args, **kwargs):
        raise AssertionError("table.cell(i, j) scans the whole table on each call (docs/cases.md K4)")

    monkeypatch.setattr(docx.table.Table, "cell", quadratic)
    document = build_docx(doc)
    monkeypatch.undo()
    table = document.tables[0]
    assert len(table.rows) == 401 and table.rows[400].cells[1].text == "Fournisseur 399 & fils"
