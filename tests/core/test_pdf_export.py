"""PDF copies through LibreOffice (docs/documents.md): all or nothing, a clear bilingual message
when LibreOffice is missing, and (slow) a real conversion of an example."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from wizard import cli
from wizard.core import pdf
from wizard.core.examples import load_example
from wizard.core.export import export_all, planned_outputs


def test_pdfs_are_planned_beside_each_word_document(tmp_path):
    project = load_example("office-suite")
    names = [p.name for p in planned_outputs(project, tmp_path, "both", pdf=True)]
    assert names[-4:] == [
        "tender-fr.pdf",
        "tender-en.pdf",
        "decision-record-fr.pdf",
        "decision-record-en.pdf",
    ]
    assert not any(n.endswith(".pdf") for n in (p.name for p in planned_outputs(project, tmp_path, "both")))


def test_without_libreoffice_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    with pytest.raises(pdf.PdfError) as caught:
        export_all(load_example("training"), tmp_path / "out", pdf=True)
    assert caught.value.text == pdf.NOT_INSTALLED
    assert not (tmp_path / "out").exists()


def test_cli_says_libreoffice_is_missing_in_both_languages(tmp_path, monkeypatch, capsys):
    project = tmp_path / "t.tender"
    assert cli.main(["new", "--example", "training", str(project)]) == 0
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    capsys.readouterr()
    out = tmp_path / "out"
    assert cli.main(["export", str(project), "--out", str(out), "--pdf"]) == 2
    err = capsys.readouterr().err
    assert "PDF export needs LibreOffice" in err and "L’exportation en PDF nécessite LibreOffice" in err
    assert not out.exists()


def test_a_failed_conversion_writes_nothing(tmp_path, monkeypatch):
    def failing(*args, **kwargs):
        return subprocess.CompletedProcess(args, 1, b"", b"Error: source file could not be loaded\n")

    monkeypatch.setattr(pdf, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(subprocess, "run", failing)  # pdf imports it when converting
    with pytest.raises(pdf.PdfError) as caught:
        export_all(load_example("training"), tmp_path / "out", pdf=True)
    assert caught.value.text == pdf.FAILED
    assert caught.value.params == {
        "name": "tender-fr.docx",
        "detail": "Error: source file could not be loaded",
    }
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_an_example_to_tagged_pdf(tmp_path):
    written = export_all(load_example("training"), tmp_path, "fr", pdf=True)
    names = [p.name for p in written]
    assert names[-2:] == ["tender-fr.pdf", "decision-record-fr.pdf"]
    data = (tmp_path / "tender-fr.pdf").read_bytes()
    assert data.startswith(b"%PDF") and b"/StructTreeRoot" in data  # tagged
    assert not list(tmp_path.glob(".opw-export-*"))
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "tender-fr.pdf"), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert "Plateforme de formation en ligne" in text and "Table des matières" in text
