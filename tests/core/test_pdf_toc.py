"""The PDF's table of contents has the page numbers (docs/documents.md, the `export.py`
section; docs/cases.md K5): LibreOffice updates the TOC through a Basic macro of a private
profile (``core/pdf_macro.py``), falls back to a plain conversion when no macro runs, and
the export says once when the Carlito font is missing.

The slow tests export every bundled example in French and in English through the command
line with ``--pdf``, then read each PDF with ``pdftotext -layout``: every entry of the
contents list (the headings the DOCX's TOC field holds, in order) ends with a page number,
and that page shows the heading as a line of its own.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest

from wizard import cli
from wizard.core import export as core_export
from wizard.core import pdf, pdf_macro
from wizard.core.examples import example_names

# -- the macro and its profile ---------------------------------------------------------


def test_the_macro_names_each_document_by_its_url(tmp_path):
    folder = tmp_path / 'Zoé "Dépôt" & <co>'  # a quote, an ampersand, accents
    pairs = [(folder / "tender-fr.docx", folder / "pdf" / "tender-fr.pdf")]
    code = pdf_macro.basic_source(pairs, folder / "status.txt")
    source = (folder / "tender-fr.docx").as_uri()
    assert source.endswith("/Zo%C3%A9%20%22D%C3%A9p%C3%B4t%22%20%26%20%3Cco%3E/tender-fr.docx")
    assert f'sources = Array("{source}")' in code
    assert f'targets = Array("{(folder / "pdf" / "tender-fr.pdf").as_uri()}")' in code
    assert f'Open "{(folder / "status.txt").as_uri()}" For Output' in code


def test_the_profile_holds_the_macro_as_libreoffice_reads_it(tmp_path):
    pairs = [(tmp_path / f"{n}.docx", tmp_path / f"{n}.pdf") for n in ("a & b", "c")]
    pdf_macro.write_profile(tmp_path / "profile", pairs, tmp_path / "status.txt")
    basic = tmp_path / "profile" / "user" / "basic"
    module = ET.parse(basic / "Standard" / "OpwPdf.xba").getroot()  # well-formed XML
    assert module.text == pdf_macro.basic_source(pairs, tmp_path / "status.txt")
    assert "a%20%26%20b.docx" in module.text and "indexes.getByIndex(k).update()" in module.text
    assert 'library:name="OpwPdf"' in (basic / "Standard" / "script.xlb").read_text("utf-8")
    registry = (tmp_path / "profile" / "user" / "registrymodifications.xcu").read_text("utf-8")
    assert 'oor:name="ooSetupInstCompleted"' in registry  # else the first start overwrites basic/
    assert pdf_macro.MACRO_URL == "macro:///Standard.OpwPdf.Main"


# -- to_pdf's outcomes, LibreOffice simulated ------------------------------------------


def _fake_soffice(monkeypatch, status: str | None, convert: bool = True) -> list[list[str]]:
    """soffice as a function: the macro run writes ``status`` (None: no macro ran) and,
    with ``convert``, the PDFs; a ``--convert-to`` run writes the PDFs. The calls' args."""
    calls: list[list[str]] = []

    def run(args, **kwargs):
        calls.append(args)
        work = Path(args[1].removeprefix("-env:UserInstallation=file://")).parent
        if args[-1] == pdf_macro.MACRO_URL:
            if status is not None:
                (work / "status.txt").write_text(status + "\n", encoding="utf-8")
            written = convert and status == "ok"
        else:
            written = True
        if written:
            for docx_file in work.glob("*.docx"):
                (work / "pdf" / pdf.pdf_name(docx_file.name)).write_bytes(b"%PDF-1.7")
        return subprocess.CompletedProcess(args, 0, b"", b"")

    monkeypatch.setattr(pdf, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "font_missing", lambda: False)
    monkeypatch.setattr(subprocess, "run", run)
    return calls


DOCUMENTS = {"tender-fr.docx": b"PK fr", "tender-en.docx": b"PK en"}


def test_one_macro_run_converts_every_document(monkeypatch):
    calls = _fake_soffice(monkeypatch, "ok")
    notices: list[str] = []
    assert pdf.to_pdf(DOCUMENTS, notices) == {"tender-fr.pdf": b"%PDF-1.7", "tender-en.pdf": b"%PDF-1.7"}
    assert len(calls) == 1 and calls[0][2:] == ["--headless", "--norestore", pdf_macro.MACRO_URL]
    assert notices == []


def test_a_macro_error_names_its_document(monkeypatch):
    _fake_soffice(monkeypatch, "error 1: Type: com.sun.star.io.IOException (1)")
    with pytest.raises(pdf.PdfError) as caught:
        pdf.to_pdf(DOCUMENTS)
    assert caught.value.text == pdf.FAILED
    assert caught.value.params == {
        "name": "tender-en.docx",
        "detail": "Type: com.sun.star.io.IOException (1)",
    }


def test_without_macros_the_documents_are_converted_as_they_are(monkeypatch):
    calls = _fake_soffice(monkeypatch, None)
    notices: list[str] = []
    assert sorted(pdf.to_pdf(DOCUMENTS, notices)) == ["tender-en.pdf", "tender-fr.pdf"]
    assert len(calls) == 2 and calls[1][4:6] == ["--convert-to", pdf.PDF_FILTER]  # as before
    assert notices == [pdf.TOC_NOT_UPDATED]


def test_a_macro_that_reports_success_without_pdfs_fails(monkeypatch):
    _fake_soffice(monkeypatch, "ok", convert=False)
    with pytest.raises(pdf.PdfError) as caught:
        pdf.to_pdf(DOCUMENTS)
    assert caught.value.params["name"] == "tender-fr.docx"


# -- the Carlito notice ------------------------------------------------------------------


def _fonts(monkeypatch, families: str | None, soffice: str | None = None) -> None:
    """fc-list answers ``families`` (None: no fc-list); ``soffice``: its path."""
    real_which = shutil.which
    fc_list = None if families is None else "/usr/bin/fc-list"
    monkeypatch.setattr(shutil, "which", lambda name: fc_list if name == "fc-list" else real_which(name))
    monkeypatch.setattr(pdf, "soffice", lambda: soffice)
    answer = (families or "").encode()
    monkeypatch.setattr(
        subprocess, "run", lambda args, **kw: subprocess.CompletedProcess(args, 0, answer, b"")
    )


@pytest.mark.parametrize(
    ("families", "missing"),
    [
        ("DejaVu Sans\nDejaVu Serif\nDejaVu Sans,DejaVu Sans Condensed\n", True),
        ("DejaVu Sans\nCarlito\n", False),  # the twin
        ("Calibri\nCalibri Light\n", False),  # the font itself
        ("Caladea\nDejaVu Sans\n", True),  # Cambria's twin is not Calibri's
        (None, False),  # no fontconfig: Windows, macOS (LibreOffice brings Carlito there)
    ],
)
def test_font_missing_reads_fc_list(monkeypatch, families, missing):
    _fonts(monkeypatch, families)
    assert pdf.font_missing() is missing


def test_a_carlito_shipped_with_libreoffice_counts(monkeypatch, tmp_path):
    program = tmp_path / "libreoffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice").write_bytes(b"")
    fonts = tmp_path / "libreoffice" / "share" / "fonts" / "truetype"
    _fonts(monkeypatch, "DejaVu Sans\n", soffice=str(program / "soffice"))
    assert pdf.font_missing() is True
    fonts.mkdir(parents=True)
    (fonts / "Carlito-Regular.ttf").write_bytes(b"")
    assert pdf.font_missing() is False


def test_cli_says_once_in_both_languages_that_carlito_is_missing(tmp_path, monkeypatch, capsys):
    project = tmp_path / "t.tender"
    assert cli.main(["new", "--example", "training", str(project)]) == 0

    def fake_pdf(documents, notices=None):
        notices.append(pdf.MISSING_FONT)
        return {pdf.pdf_name(name): b"%PDF-1.7" for name in documents}

    monkeypatch.setattr(pdf, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(core_export, "to_pdf", fake_pdf)
    capsys.readouterr()
    assert cli.main(["export", str(project), "--out", str(tmp_path / "out"), "--pdf", "--lang", "both"]) == 0
    err = capsys.readouterr().err
    assert err.count("The Carlito font (free and with Calibri's metrics) is not installed") == 1
    assert err.count("La police Carlito (libre, aux mêmes dimensions que Calibri) n’est pas installée") == 1


def test_cli_says_nothing_of_fonts_when_carlito_is_there(tmp_path, monkeypatch, capsys):
    project = tmp_path / "t.tender"
    assert cli.main(["new", "--example", "training", str(project)]) == 0
    monkeypatch.setattr(pdf, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(core_export, "to_pdf", lambda documents, notices=None: {})
    capsys.readouterr()
    assert cli.main(["export", str(project), "--out", str(tmp_path / "out"), "--pdf"]) == 0
    assert "Carlito" not in capsys.readouterr().err


# -- the real conversion -----------------------------------------------------------------

CASES = [
    (name, kind, lang)
    for name in example_names()
    for kind in ("tender", "decision-record")
    for lang in ("fr", "en")
]
CONTENTS = {"fr": "Table des matières", "en": "Table of contents"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """Every bundled example exported with --pdf in both languages, as a user would."""
    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) and pdftotext are needed")
    root = tmp_path_factory.mktemp("pdf-toc")
    for name in example_names():
        project = root / f"{name}.tender"
        assert cli.main(["new", "--example", name, str(project)]) == 0
        assert cli.main(["export", str(project), "--out", str(root / name), "--pdf", "--lang", "both"]) == 0
    return root


def _pages(pdf_file: Path) -> list[str]:
    """Each page's text (``pdftotext -layout``), its lines' spaces collapsed."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf_file), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode("utf-8")
    pages = text.split("\f")[:-1]  # a form feed ends each page
    return ["\n".join(" ".join(line.split()) for line in page.splitlines()) for page in pages]


def _words(text: str) -> str:
    """A pattern of ``text``'s words, any spacing (a line break included) between them."""
    return r"\s+".join(map(re.escape, text.split()))


def toc_numbers(pages: list[str], entries: list[str], title: str) -> list[tuple[str, int, int]]:
    """``(entry, page number printed, page it is printed on)`` for each of ``entries`` in
    order, read after the heading ``title``: the entry's words (it may wrap), then dot
    leaders or a space, then the number that ends the line."""
    flat = "".join(page + "\f" for page in pages)
    position = re.search(rf"(^|\n|\f){re.escape(title)}(?=\n)", flat)
    assert position is not None, f"no {title!r}"
    found, at = [], position.end()
    for entry in entries:
        line = re.compile(rf"(^|\n|\f){_words(entry)}(?:[ .]*\.\.|[ ])[ ]?(\d+)(?=\n|\f)")
        match = line.search(flat, at)
        assert match is not None, f"{entry!r}: no page number after it in the contents"
        found.append((entry, int(match.group(2)), flat.count("\f", 0, match.start()) + 1))
        at = match.end()
    return found


def test_toc_numbers_reads_dot_leaders_and_wrapped_entries():
    pages = [
        "Cover",
        "Table of contents\nDefinitions..........3\nA long entry that\nwraps on two lines.....4\nScope 4",
        "Definitions\ntext",
        "A long entry that wraps on two lines\nScope",
    ]
    entries = ["Definitions", "A long entry that wraps on two lines", "Scope"]
    assert toc_numbers(pages, entries, "Table of contents") == [
        ("Definitions", 3, 2),
        ("A long entry that wraps on two lines", 4, 2),
        ("Scope", 4, 2),
    ]
    with pytest.raises(AssertionError, match="'Definitions': no page number"):
        toc_numbers(["Table of contents\nDefinitions\nScope", "Definitions"], entries, "Table of contents")


def _heading_on(page: str, heading: str) -> bool:
    return re.search(rf"(^|\n){_words(heading)}(\n|$)", page) is not None


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.parametrize(("name", "kind", "lang"), CASES)
def test_every_toc_entry_shows_the_page_of_its_heading(exported, name, kind, lang):
    folder = exported / name
    word = docx.Document(io.BytesIO((folder / f"{kind}-{lang}.docx").read_bytes()))
    entries = [p.text for p in word.paragraphs if re.fullmatch(r"toc \d", p.style.name.lower())]
    assert len(entries) >= (60 if kind == "tender" else 20)
    pages = _pages(folder / f"{kind}-{lang}.pdf")
    numbers = toc_numbers(pages, entries, CONTENTS[lang])
    previous = 1
    for entry, number, _printed_on in numbers:  # the record's summary comes before its contents
        assert 1 <= number <= len(pages), (entry, number)
        assert number >= previous, f"{entry!r} on page {number}, before the entry above it"
        assert _heading_on(pages[number - 1], entry), f"{entry!r} is not on page {number}"
        previous = number
