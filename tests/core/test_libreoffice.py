"""The French tender opens in LibreOffice and converts to PDF with its content (SPEC §4).

Skipped when ``soffice`` or ``pdftotext`` is not installed. A private user profile
(``-env:UserInstallation``) lets parallel runs convert at the same time.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from tender_sample import MANDATORY, STATEMENT, tender_project

from wizard.core.examples import example_names, load_example
from wizard.core.export import export_all

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice) and pdftotext are needed",
    ),
]


def _pdf_text(docx_path: Path, work: Path) -> str:
    profile = (work / "lo-profile").resolve().as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(work), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = work / (docx_path.stem + ".pdf")
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, timeout=60)
    return " ".join(text.stdout.decode("utf-8").split())


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_french_tender_converts_with_its_content(tmp_path):
    project = tender_project(lang="fr", province="QC")
    tender = export_all(project, tmp_path, "fr")[0]
    text = _pdf_text(tender, tmp_path)
    assert _flat(STATEMENT) in text
    for criterion in MANDATORY:
        assert _flat(criterion) in text
    assert "Le Contrat est régi et interprété selon les lois du Québec" in text
    assert "Cour supérieure du Québec" in text
    assert "1.1 Le Contrat est régi" in text  # real clause numbering
    assert "Page 1 de" in text


@pytest.mark.skipif("emergency-perimeter" not in example_names(), reason="bundled example missing")
def test_bundled_emergency_perimeter_example_converts(tmp_path):
    project = load_example("emergency-perimeter")
    tender = export_all(project, tmp_path, "fr")[0]
    text = _pdf_text(tender, tmp_path)
    assert _flat(project.problem.statement) in text
    for criterion in project.criteria:
        if criterion.kind == "mandatory":
            assert _flat(criterion.text) in text
    assert "selon les lois du Québec" in text
