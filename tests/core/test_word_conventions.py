"""Word conventions and accessibility of the exported DOCX (issue 24, deliver 5):
compatibility mode 15, the TOC's note hidden from print, scenario steps as Word numbered
lists restarting at 1, heading styles, alt text, header rows and the language."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.documents.tender import tender_document
from wizard.core.examples import load_example
from wizard.core.export import record_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}


def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in ("word/document.xml", "word/settings.xml", "word/numbering.xml", "word/styles.xml")
        }


@pytest.fixture(scope="module")
def tender_fr() -> bytes:
    return docx_bytes(tender_document(load_example("emergency-perimeter"), "fr"))


@pytest.fixture(scope="module")
def record_en() -> bytes:
    return record_bytes(load_example("office-suite"), "en")  # with the TCO chart


@pytest.mark.parametrize("which", ["tender_fr", "record_en"])
def test_every_document_is_in_word_current_mode(which, request):
    settings = _parts(request.getfixturevalue(which))["word/settings.xml"]
    modes = settings.xpath("w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val", namespaces=NS)
    assert modes == ["15"]


def test_toc_note_is_hidden_text(tender_fr):
    body = _parts(tender_fr)["word/document.xml"]
    end = body.xpath("//w:fldChar[@w:fldCharType='end']", namespaces=NS)
    toc_end = next(
        e
        for e in end
        if e.getparent().getparent().xpath("preceding::w:instrText[contains(., 'TOC')]", namespaces=NS)
    )
    note = toc_end.getparent().getparent().getnext()  # the paragraph after the field's last one
    runs = note.xpath("w:r", namespaces=NS)
    assert runs and "".join(note.xpath(".//w:t/text()", namespaces=NS)).strip()
    assert all(r.find(f"{{{W}}}rPr/{{{W}}}vanish") is not None for r in runs)
    assert note.find(f"{{{W}}}pPr/{{{W}}}rPr/{{{W}}}vanish") is not None  # its mark too: no blank line


def test_scenario_steps_are_word_lists_restarting_per_scenario(tender_fr):
    parts = _parts(tender_fr)
    project = load_example("emergency-perimeter")
    numbered = parts["word/document.xml"].xpath("//w:p[w:pPr/w:numPr]", namespaces=NS)
    steps: dict[str, list[str]] = {}
    for p in numbered:
        num_id = p.xpath("string(w:pPr/w:numPr/w:numId/@w:val)", namespaces=NS)
        if int(num_id) > 91:  # the clause list is 90
            steps.setdefault(num_id, []).append("".join(p.xpath(".//w:t/text()", namespaces=NS)))
    expected = [[line for line in s.steps.splitlines() if line.strip()] for s in project.scenarios]
    # one list per scenario, then the documents of the form of agreement (its own list)
    assert len(steps) == len(project.scenarios) + 1 == len(expected) + 1
    assert list(steps.values())[-1][0] == "la présente convention;"
    for texts, lines in zip(list(steps.values())[:-1], expected, strict=True):
        assert len(texts) == len(lines) and not any(t[:1].isdigit() for t in texts)  # no typed number
    numbering = parts["word/numbering.xml"]
    for num_id in steps:
        (num,) = numbering.xpath(f"w:num[@w:numId='{num_id}']", namespaces=NS)
        assert num.xpath("string(w:abstractNumId/@w:val)", namespaces=NS) == "91"
        assert num.xpath("string(w:lvlOverride[@w:ilvl='0']/w:startOverride/@w:val)", namespaces=NS) == "1"
    (abstract,) = numbering.xpath("w:abstractNum[@w:abstractNumId='91']", namespaces=NS)
    assert abstract.xpath("string(w:lvl[@w:ilvl='0']/w:numFmt/@w:val)", namespaces=NS) == "decimal"
    assert abstract.xpath("string(w:lvl[@w:ilvl='0']/w:lvlText/@w:val)", namespaces=NS) == "%1."


def test_accessible_structure(record_en):
    """Headings are Word's Heading styles, pictures have alt text, tables mark their
    header rows, and the text says its language (fr-CA / en-CA)."""
    document = docx.Document(io.BytesIO(record_en))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2"} <= styles
    parts = _parts(record_en)
    pictures = parts["word/document.xml"].xpath("//wp:docPr", namespaces=NS)
    assert pictures and all(p.get("descr", "").strip() for p in pictures)
    tables = document.tables
    with_header = [t for t in tables if t._tbl.xpath("w:tr[1]/w:trPr/w:tblHeader")]
    assert len(with_header) >= len(tables) // 2 > 0
    langs = parts["word/styles.xml"].xpath("//w:docDefaults//w:lang/@w:val", namespaces=NS)
    assert langs == ["en-CA"]
    assert document.core_properties.language == "en-CA"


def test_html_preview_numbers_the_steps():
    from wizard.core.documents.html import document_html

    project = load_example("emergency-perimeter")
    html = document_html(tender_document(project, "fr"))
    first = [line for line in project.scenarios[0].steps.splitlines() if line.strip()][0]
    assert f"1. {first.split('. ', 1)[-1][:20]}" in html
