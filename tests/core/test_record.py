"""The decision record for council (docs/documents.md): what it holds, in French and English, as
a valid DOCX with the TCO chart, for every bundled example; converted by LibreOffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal as D  # noqa: N817
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from wizard.core.documents.blocks import Heading, Image, Paragraph, Table
from wizard.core.documents.record import record_document
from wizard.core.documents.record_tco import money
from wizard.core.documents.table_layout import min_widths
from wizard.core.domain import tco
from wizard.core.examples import example_names, load_example
from wizard.core.export import export_all, record_bytes, record_files, tender_bytes, write_files
from wizard.core.i18n import tr
from wizard.core.model import CostLine, Justification, Project, TcoOption, VendorExchange
from wizard.core.textclean import clean_project

LANG_OF = {"emergency-perimeter": "fr", "office-suite": "en", "training": "fr"}


def export(project: Project, folder: Path, langs: list[str]) -> list[Path]:
    """The decision records written as ``export_all`` writes them (text cleaned once)."""
    return write_files(record_files(clean_project(project), langs), folder)


def _texts(blocks) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            parts.append(getattr(block, "label", "") + " " + block.text)
        elif isinstance(block, Table):
            parts += [" | ".join(row) for row in block.header + block.rows]
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


def _empty_pages(pdf: Path) -> list[int]:
    """Pages whose only text is the running header and the "page X of Y" footer."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    empty = []
    for page in range(1, pages + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        body = [
            line
            for line in out.splitlines()
            if line.strip()
            and not re.fullmatch(
                r"\s*(Page \d+ (of|de) \d+|(Decision record|Dossier de décision) .*)\s*", line
            )
        ]
        if not body:
            empty.append(page)
    return empty


def _cut_words(docx_path: Path, pdf: Path) -> list[str]:
    """Words of the record's tables (up to 20 characters) that the PDF shows cut in two;
    a lower-case word may wrap after its hyphen ("by-|law"), a code ("M-UNDERPERFORMING",
    "OBL-1") may not."""
    lines = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
    words = set(re.findall(r"\S+", lines))
    # "by-|law": a line may end at a hyphen, which pdftotext then drops ("bylaw")
    joined = set(re.findall(r"\S+", lines.replace("-", "")))
    document = docx.Document(str(docx_path))
    cells = {c.text for t in document.tables for row in t.rows for c in row.cells}
    wanted = {w.strip(".,;:()") for text in cells for w in text.split()}
    return sorted(
        w
        for w in wanted
        if 3 < len(w) <= 20
        and not (
            any(w in x for x in words)
            or (re.search(r"[a-zà-ÿ]-", w) and any(w.replace("-", "") in x for x in joined))
        )
    )


def _page_break_paragraphs(document) -> list[int]:
    """Indexes of body paragraphs that hold only a page break (the old way, which left an
    empty page after a table filling a page) and of empty paragraphs followed by one."""
    paragraphs = document.paragraphs
    found = []
    for index, paragraph in enumerate(paragraphs):
        breaks = paragraph._p.findall(".//" + qn("w:br"))
        if breaks and not paragraph.text.strip():
            found.append(index)
            if (
                index
                and not paragraphs[index - 1].text.strip()
                and not paragraphs[index - 1]._p.findall(".//" + qn("w:br"))
            ):
                found.append(index - 1)
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", example_names())
def test_new_pages_start_with_their_heading_not_with_a_break_paragraph(name, tmp_path):
    """The record's sections start a new page through
    the heading's own "page break before", never a paragraph holding only a break."""
    p = load_example(name)
    for lang in ("fr", "en"):
        record = docx.Document(io.BytesIO(record_bytes(p, lang)))
        assert _page_break_paragraphs(record) == []
        starts = [par.text for par in record.paragraphs if par.paragraph_format.page_break_before]
        assert tr("Market scan", lang) in starts and tr("Findings", lang) in starts
        assert tr("Vendor exchange register", lang) in starts
        tender = docx.Document(io.BytesIO(tender_bytes(p, lang)))
        assert _page_break_paragraphs(tender) == []


def test_tables_give_every_word_room_in_the_record():
    """Columns hold their longest word: codes and the matrix's solution names are whole."""
    p = load_example("emergency-perimeter")
    document = docx.Document(io.BytesIO(record_bytes(p, "fr")))
    for table in document.tables:
        for column, cells in enumerate(
            zip(*[[c.text for c in row.cells] for row in table.rows], strict=True)
        ):
            width = table.columns[column].width.cm
            needed = max(min_widths([cells[0]], 9.5, bold=True), min_widths(list(cells[1:]), 9.5))
            assert width + 0.01 >= needed, (cells[0], width, needed)
    matrices = [t for t in document.tables if t.rows[0].cells[0].text == "Fonctionnalité ou norme"]
    assert len(matrices) == 2 and [len(t.columns) for t in matrices] == [4, 3]  # 5 solutions: 3 + 2
    findings = [t for t in document.tables if t.rows[0].cells[-1].text == "Constat"]
    assert any("offre moins de" in c.text for t in findings for c in t.columns[-1].cells)
    assert not any("M-UNDERPERFORMING" in c.text for t in document.tables for c in t._cells)


def test_sections_in_english():
    p = load_example("office-suite")
    doc = record_document(p, "en", b"png")
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "Executive summary",
        "Recommendation",
        "Problem definition",
        "Scope",
        "Market scan",
        "Criteria",
        "Evaluation method and selection committee",
        "Total cost of ownership",
        "Funding",
        "The contract",
        "Legal framework",
        "Risks",
        "Findings",
        "The guide's practices",
        "Vendor exchange register",
        "Annex: matrix of features and standards",
    ]
    text = _texts(doc.blocks)
    assert p.problem.request_as_received.split("\n")[0].strip()[:60] in text
    assert p.problem.statement.split("\n")[0].strip()[:60] in text
    assert "Findings marked justified" in text
    reason = p.justifications[0].reason
    assert " ".join(reason.split())[:50] in text
    assert "Maritime IT Solutions Ltd." in text  # the register and the excluded vendor
    assert doc.header == f"Decision record {p.info.reference}"
    (image,) = [b for b in doc.blocks if isinstance(b, Image)]
    assert image.png == b"png" and image.caption.startswith(
        "Each point adds up an option's costs from year 0"
    )


def test_tco_figures_and_taxes_apart_in_french():
    p = load_example("emergency-perimeter")
    text = _texts(record_document(p, "fr").blocks)
    for result in tco.compute_tco(p):
        assert money(result.nominal, "fr") in text and money(result.npv, "fr") in text
    assert "Taxes de vente (TPS 5\u00a0% + TVQ 9,975\u00a0%)" in text
    assert "Coût total de possession" in text and "Secrétariat du Conseil du Trésor" in text
    assert "Personal" not in text and "Findings" not in text  # no English left in the French record


def test_record_docx_holds_chart_and_tables():
    p = load_example("training")
    data = record_bytes(p, "fr")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/") and n.endswith(".png")]
    assert len(media) == 1
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title.startswith("Dossier de décision\u00a0: ")
    assert document.core_properties.language == "fr-CA"
    text = _docx_text(data)
    (first, second) = tco.compute_tco(p)
    assert money(first.nominal, "fr") in text and money(second.npv, "fr") in text
    assert "Dossier de décision" in document.sections[0].header.paragraphs[0].text


@pytest.mark.slow
def test_export_all_writes_one_record_per_language(tmp_path):
    p = load_example("office-suite")
    written = export_all(p, tmp_path, "both")
    names = {path.name for path in written}
    assert {"decision-record-fr.docx", "decision-record-en.docx"} <= names
    assert "Dossier de décision pour le conseil" in _docx_text(
        (tmp_path / "decision-record-fr.docx").read_bytes()
    )


def test_without_options_no_chart(tmp_path):
    p = load_example("office-suite")
    p.tco_options, p.cost_lines = [], []
    (path,) = export(p, tmp_path / "new", ["en"])
    with zipfile.ZipFile(path) as package:
        assert not [n for n in package.namelist() if n.startswith("word/media/")]
    assert "[À COMPLÉTER / TO BE COMPLETED]" in _docx_text(path.read_bytes())


@pytest.mark.slow
def test_odd_text_gives_a_valid_record():
    p = load_example("office-suite")
    odd = "ACME\x00 \ud800 \u202eevil\u202c 👩\u200d👩\u200d👧 <b>R&D</b> {{ x }} " + "x" * 300
    p.info.title = odd
    p.info.reference = odd
    p.tco_options.append(TcoOption(id=9, name=odd))
    p.cost_lines.append(CostLine(id=99, option_id=9, category="licences", amount=D("10"), payer=odd))
    p.vendor_exchanges.append(VendorExchange(id=99, vendor=odd, subject=odd, staff_name=odd))
    p.justifications.append(Justification(id=99, code="T-NO-EXIT", field="tco_options:9.name", reason=odd))
    for lang in ("fr", "en"):
        text = _docx_text(record_bytes(clean_project(p), lang))
        assert "ACME \u202eevil" in text and "<b>R&D</b>" in text


@pytest.mark.slow
@pytest.mark.parametrize("name", example_names())
@pytest.mark.libreoffice
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are needed",
)
def test_every_example_record_converts_in_libreoffice(name, tmp_path):
    p = load_example(name)
    lang = LANG_OF.get(name, "fr")
    (path,) = export(p, tmp_path, [lang])
    with zipfile.ZipFile(path) as package:
        assert any(n.startswith("word/media/") and n.endswith(".png") for n in package.namelist())
    profile = (tmp_path / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (path.stem + ".pdf")
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, timeout=60)
    text = " ".join(out.stdout.decode("utf-8").replace("\u00a0", " ").split())
    for result in tco.compute_tco(p):
        assert money(result.nominal, lang).replace("\u00a0", " ") in text
        assert money(result.npv, lang).replace("\u00a0", " ") in text
    caption = "Chaque point cumule les coûts" if lang == "fr" else "Each point adds up"
    assert caption in text
    assert _empty_pages(pdf) == []  # a table filling a page is not followed by a blank page
    assert _cut_words(path, pdf) == []  # no table word split across two lines
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, timeout=60)
    if images.returncode == 0:
        assert len(images.stdout.strip().splitlines()) >= 3  # header, rule, at least the chart
    assert Path(pdf).stat().st_size > 20_000
