"""The tender DOCX as the town's lawyers receive it (docs/cases.md K5, K6), read from
its XML: the three-level clause numbering and its restarts, ``updateFields``, a header
and a footer on every section (the cover being a deliberate different first page),
PAGE and NUMPAGES fields, repeating header rows and fitted tables, the text language
(fr-CA / en-CA), built-in styles found by their names, core and app properties, French
and English as two files, and an HTML preview numbered like the DOCX."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from tender_sample import tender_project

from wizard.core.clauses import library as clauses
from wizard.core.documents.blocks import Document, Paragraph
from wizard.core.documents.docx.writer import build_docx
from wizard.core.documents.html import preview_html
from wizard.core.examples import example_names, load_example
from wizard.core.export import export_all, tender_bytes
from wizard.core.model import ClauseChoice

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Word's own names of its built-in styles (styles.xml w:name), never style ids.
BUILT_IN = {
    "Normal",
    "Title",
    "Subtitle",
    "heading 1",
    "heading 2",
    "heading 3",
    "List Number",
    "List Number 2",
    "List Bullet",
    "Quote",
    "Caption",
    "TOC Heading",
    "toc 1",
    "toc 2",
    "toc 3",
}


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


@pytest.fixture(scope="module")
def fr():
    data = tender_bytes(tender_project(), "fr")
    return docx.Document(io.BytesIO(data)), _parts(data)


@pytest.fixture(scope="module")
def en():
    data = tender_bytes(tender_project(lang="both"), "en")
    return docx.Document(io.BytesIO(data)), _parts(data)


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def test_three_level_numbering_definition_and_restarts(fr):
    document, _parts_ = fr
    numbering = document.part.numbering_part.element
    abstract = next(a for a in numbering.iter(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == "90")
    assert _val(abstract, "w:multiLevelType") == "multilevel"
    levels = {lvl.get(qn("w:ilvl")): lvl for lvl in abstract.iter(qn("w:lvl"))}
    assert sorted(levels) == ["0", "1", "2"]
    assert [_val(levels[i], "w:lvlText") for i in "012"] == ["%1", "%1.%2", "%1.%2.%3"]
    assert [_val(levels[i], "w:numFmt") for i in "012"] == ["decimal"] * 3
    assert [_val(levels[i], "w:start") for i in "012"] == ["1"] * 3
    # 1.1 restarts after each clause (level 1), 1.1.1 after each paragraph (level 2)
    assert [_val(levels[i], "w:lvlRestart") for i in "12"] == ["1", "2"]
    num = next(n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == "90")
    assert _val(num, "w:abstractNumId") == "90"
    override = num.find(qn("w:lvlOverride"))
    assert override.get(qn("w:ilvl")) == "0" and _val(override, "w:startOverride") == "1"


def _numbers(document) -> list[tuple[str, str]]:
    """(number, text) of each paragraph of list 90, computed as Word numbers it."""
    counters, found = [0, 0, 0], []
    for paragraph in document.paragraphs:
        ppr = paragraph._p.pPr
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if numpr is None or _val(numpr, "w:numId") != "90":
            continue
        level = int(_val(numpr, "w:ilvl"))
        counters[level] += 1
        counters[level + 1 :] = [0] * (2 - level)
        found.append((".".join(str(c) for c in counters[: level + 1]), paragraph.text))
    return found


def test_clause_paragraphs_carry_the_numbering_in_order(fr):
    document, _parts_ = fr
    numbers = _numbers(document)
    project = tender_project()
    rendered = clauses.render_clauses(project, "fr")
    headings = [(n, t) for n, t in numbers if "." not in n]
    assert headings == [(str(i), r.title) for i, r in enumerate(rendered, start=1)]
    assert numbers[:3] == [
        ("1", "Droit applicable et tribunaux compétents"),
        ("1.1", rendered[0].paragraphs[0][1]),
        ("1.2", rendered[0].paragraphs[1][1]),
    ]
    second = [n for n, _t in numbers if n.startswith("2.")]
    assert second[0] == "2.1"  # restarted after clause 2
    assert ("12.1.2", "Neutral Vendor Inc.") not in numbers  # only one excluded vendor here
    assert any(n.count(".") == 2 for n, _t in numbers)


def test_clause_headings_use_heading_2_found_by_name(fr):
    document, _parts_ = fr
    styles = document.styles.element
    by_id = {s.get(qn("w:styleId")): _val(s, "w:name") for s in styles.iter(qn("w:style"))}
    used = set()
    for p in document.element.body.iter(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        used.add(by_id[style.get(qn("w:val"))] if style is not None else "Normal")
    assert used <= BUILT_IN
    assert {"Title", "heading 1", "heading 2", "List Number", "toc 1", "toc 2"} <= used


def test_no_hard_coded_style_id_in_the_writer():
    for module in (
        "documents/docx/writer.py",
        "documents/docx/xml.py",
        "documents/tender.py",
        "documents/blocks.py",
    ):
        source = (ROOT / "wizard" / "core" / module).read_text(encoding="utf-8")
        found = re.findall(
            r"[\"'](Heading\d|ListNumber\d?|ListBullet|TOC\d|TOCHeading|Subtitle\d)[\"']", source
        )
        assert found == [], module


def test_update_fields_and_toc_field(fr):
    document, parts = fr
    update = document.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    assert 'TOC \\o "1-2" \\h \\z \\u' in parts["word/document.xml"]


def test_a_header_and_footer_on_every_section_and_a_bare_cover(fr):
    document, parts = fr
    body = document.element.body
    sections = list(body.iter(qn("w:sectPr")))
    assert sections
    for sect in sections:
        kinds = {
            (ref.tag.split("}")[1], ref.get(qn("w:type"))) for ref in sect if ref.tag.endswith("Reference")
        }
        assert {("headerReference", "default"), ("footerReference", "default")} <= kinds
    for section in document.sections:
        assert section.header.paragraphs[0].text == "Appel d’offres SE-TI-2027-004"
        footer = section.footer._element.xml
        assert " PAGE " in footer and " NUMPAGES " in footer
        assert section.footer.paragraphs[0].text == "Page 1 sur 1"  # cached until Word updates
    first = document.sections[0]
    assert first.different_first_page_header_footer  # the cover: w:titlePg
    assert (
        first.first_page_header.paragraphs[0].text == "" and first.first_page_footer.paragraphs[0].text == ""
    )
    assert not first.first_page_header.is_linked_to_previous


def test_a_document_without_cover_keeps_its_header_on_page_one():
    doc = Document("en", "T", "O", "R", "Header R", "Page {page} of {pages}", [Paragraph("Body")])
    section = build_docx(doc).sections[0]
    assert not section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "Header R"


def test_tables_repeat_header_rows_and_fit_the_text_width(fr):
    document, _parts_ = fr
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    with_header = 0
    for table in document.tables:
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        assert sum(int(col.get(qn("w:w"))) for col in grid) * 635 <= text_width  # twips → EMU
        first = table.rows[0]._tr
        cells = first.findall(qn("w:tc"))
        shaded = cells[0].tcPr is not None and cells[0].tcPr.find(qn("w:shd")) is not None
        header = first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        assert header == shaded  # every table with a header row repeats it; key/value tables have none
        with_header += header
    assert with_header >= 4


def test_language_of_the_text(fr, en):
    for (document, parts), tag, other in ((fr, "fr-CA", "en-CA"), (en, "en-CA", "fr-CA")):
        styles = parts["word/styles.xml"]
        defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
        assert defaults.get(qn("w:val")) == tag
        normal = document.styles["Normal"].element.rPr.find(qn("w:lang"))
        assert normal.get(qn("w:val")) == tag
        values = set(
            re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles + parts["word/stylesWithEffects.xml"])
        )
        assert values == {tag}, values
        assert other not in parts["word/document.xml"] and "en-US" not in styles
        assert document.core_properties.language == tag
        assert f'<w:themeFontLang w:val="{tag}"' in parts["word/settings.xml"]


def test_core_and_app_properties(fr):
    document, parts = fr
    props = document.core_properties
    assert props.title == "Gestion des périmètres d’urgence"
    assert props.author == "Ville de Saint-Exemple" and props.keywords == "SE-TI-2027-004"
    assert props.subject == "Appel d’offres SE-TI-2027-004"
    assert "<Company>Ville de Saint-Exemple</Company>" in parts["docProps/app.xml"]
    assert "<Application>Open Procurement Wizard</Application>" in parts["docProps/app.xml"]


@pytest.mark.slow
@pytest.mark.parametrize("name", example_names())
def test_both_languages_are_two_lawyer_ready_files(tmp_path, name):
    project = load_example(name)
    project.info.tender_languages = "both"
    written = {p.name for p in export_all(project, tmp_path)}
    assert {"tender-fr.docx", "tender-en.docx"} <= written
    statements = {}
    for lang, tag in (("fr", "fr-CA"), ("en", "en-CA")):
        path = tmp_path / f"tender-{lang}.docx"
        document = docx.Document(str(path))
        assert document.core_properties.language == tag
        numbers = _numbers(document)
        assert numbers[0][0] == "1" and numbers[1][0] == "1.1"
        count = len(clauses.render_clauses(project, lang))
        assert [n for n, _t in numbers if "." not in n] == [str(i) for i in range(1, count + 1)]
        statements[lang] = next(
            p.text
            for p in document.paragraphs  # the language clause, said once
            if p.style.name == "List Number" and ("two versions" in p.text or "deux versions" in p.text)
        )
        assert "in one language only" not in statements[lang] and "une seule langue" not in statements[lang]
    binding = project.info.binding_language
    assert ("French version" if binding == "fr" else "English version") in statements["en"]
    assert ("version française" if binding == "fr" else "version anglaise") in statements["fr"]


def test_preview_follows_an_edit_and_numbers_like_the_docx():
    project = tender_project(lang="en")
    before = preview_html(project, "en")
    assert "<h3>1 Governing law and jurisdiction</h3>" in before
    assert '<p class="l2" style="margin-left:1.5em">1.1 The Contract is governed' in before
    project.clause_choices = [
        ClauseChoice(1, "precedence", True, custom_en="Our own precedence text.\n- first item")
    ]
    after = preview_html(project, "en")
    assert '<p class="l2" style="margin-left:1.5em">2.1 Our own precedence text.</p>' in after
    assert '<p class="l3" style="margin-left:3.0em">2.1.1 first item</p>' in after
    document = docx.Document(io.BytesIO(tender_bytes(project, "en")))
    assert ("2.1", "Our own precedence text.") in _numbers(document)
    assert ("2.1.1", "first item") in _numbers(document)


def test_k8_a_clause_mentioning_r_and_d_round_trips():
    project = tender_project(lang="en")
    text = 'R&D costs < 5 % & "quoted" <b>not markup</b> for {{ organization }}.'
    project.clause_choices = [ClauseChoice(1, "precedence", True, custom_en=text)]
    data = tender_bytes(project, "en")
    document = docx.Document(io.BytesIO(data))
    expected = 'R&D costs < 5 % & "quoted" <b>not markup</b> for Ville de Saint-Exemple.'
    assert ("2.1", expected) in _numbers(document)
    assert "R&amp;D costs &lt; 5 %" in _parts(data)["word/document.xml"]
    assert (
        "2.1 R&amp;D costs &lt; 5 % &amp; &quot;quoted&quot; &lt;b&gt;not markup&lt;/b&gt;"
        in preview_html(project, "en")
    )


def test_k10_export_without_closing_date_shows_the_bilingual_placeholder():
    project = tender_project()
    project.info.closing_date = ""
    document = docx.Document(io.BytesIO(tender_bytes(project, "fr")))
    cover = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cover["Date de clôture"] == "[À COMPLÉTER / TO BE COMPLETED]"
    texts = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells
    ]
    assert not any(t.rstrip().endswith(": .") or t.rstrip().endswith(" : .") for t in texts)
