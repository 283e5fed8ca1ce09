"""``lint`` on the walk of 2026-12-07: a criterion per line of a text file or a PDF is
checked and located on its own line (item 10: the three criteria on lines 3-5 were one
paragraph, every name reported at line 3, and a false C-SEVERAL-REQUIREMENTS), wrapped
prose stays one paragraph; "in Teams" mid-sentence is the product (item 11)."""

from __future__ import annotations

import shutil

import pytest

from tests.core.test_audit import lint_file, make_pdf
from wizard.core.audit import audit_document
from wizard.core.audit.reader import pdf_paragraphs

BRAND_EN = (
    "Mandatory criteria\n\n"
    "The solution must be Microsoft 365 or equivalent.\n"
    "Staff collaborate in Microsoft Teams channels and store files in SharePoint Online.\n"
    "The Town's email must run on Google Workspace.\n\n"
    "Test scenarios\n\n"
    "The bidder demonstrates how a user opens a spreadsheet in Excel and shares it in Teams.\n"
)
BRAND_FR = (
    "Critères obligatoires\n\n"
    "La solution doit être Microsoft 365 ou l’équivalent.\n"
    "Les employés collaborent dans Microsoft Teams et conservent leurs fichiers dans SharePoint Online.\n"
    "Le courriel de la Ville doit fonctionner sur Google Workspace.\n\n"
    "Scénarios de test\n\n"
    "Le soumissionnaire montre comment un employé ouvre un classeur dans Excel et le partage dans Teams.\n"
)


def test_a_criterion_per_line_is_located_on_its_line(tmp_path, capsys):
    path = tmp_path / "brand-en.txt"
    path.write_text(BRAND_EN, encoding="utf-8")
    code, lines, err = lint_file(capsys, path, "--lang", "en")
    assert (code, err) == (1, "")
    assert lines == [
        "paragraph 2, line 3 (Mandatory criteria)  C-BRAND  Microsoft 365",
        "paragraph 3, line 4 (Mandatory criteria)  C-BRAND  Microsoft Teams, SharePoint Online",
        "paragraph 4, line 5 (Mandatory criteria)  C-BRAND  Google Workspace",
        "paragraph 6, line 9 (Test scenarios)  S-BRAND  Excel, Teams",
    ]


def test_a_criterion_per_line_in_french(tmp_path, capsys):
    path = tmp_path / "brand-fr.txt"
    path.write_text(BRAND_FR, encoding="utf-8")
    code, lines, err = lint_file(capsys, path, "--lang", "fr")
    assert (code, err) == (1, "")
    assert lines == [
        "paragraphe 2, ligne 3 (Critères obligatoires)  C-BRAND  Microsoft 365",
        "paragraphe 3, ligne 4 (Critères obligatoires)  C-BRAND  Microsoft Teams, SharePoint Online",
        "paragraphe 4, ligne 5 (Critères obligatoires)  C-BRAND  Google Workspace",
        "paragraphe 6, ligne 9 (Scénarios de test)  S-BRAND  Excel, Teams",
    ]


def test_clean_criteria_per_line_raise_no_several_requirements(tmp_path, capsys):  # the twin
    path = tmp_path / "clean-en.txt"
    path.write_text(
        "Mandatory criteria\n\n"
        "Several users can edit the same document at the same time.\n"
        "The Town's office team stores files in a shared workspace.\n",
        encoding="utf-8",
    )
    assert lint_file(capsys, path, "--lang", "en") == (
        0,
        ["No finding in clean-en.txt: 3 paragraphs, 0 table cells checked."],
        "",
    )


def test_wrapped_prose_stays_one_paragraph(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text(
        "Context\n\n"
        "The Town's clerks keep the minutes of every council meeting and must publish\n"
        "them within ten days. The current process relies on paper forms that are\n"
        "scanned, renamed and filed by hand.\n",
        encoding="utf-8",
    )
    audited = audit_document(path, "en")
    assert [(a.location.as_dict(), a.text[:30]) for a in audited] == [
        ({"paragraph": 1, "line": 1}, "Context"),
        ({"paragraph": 2, "line": 3}, "The Town's clerks keep the min"),
    ]


PDF_PAGE = [  # pdftotext -layout of the walk's brand-en.pdf
    "Mandatory criteria",
    "",
    "The solution must be Microsoft 365 or equivalent.",
    "Staff collaborate in Microsoft Teams channels and store files in SharePoint",
    "Online.",
    "The Town's email must run on Google Workspace.",
    "",
    "Test scenarios",
    "",
    "The bidder demonstrates how a user opens a spreadsheet in Excel and shares it in",
    "Teams.",
]


def test_a_criterion_per_line_in_a_pdf_wraps_and_still_stands_alone():
    texts = [p.text for p in pdf_paragraphs(["\n".join(PDF_PAGE)])]
    assert texts == [
        "Mandatory criteria",
        "The solution must be Microsoft 365 or equivalent.",
        "Staff collaborate in Microsoft Teams channels and store files in SharePoint Online.",
        "The Town's email must run on Google Workspace.",
        "Test scenarios",
        "The bidder demonstrates how a user opens a spreadsheet in Excel and shares it in Teams.",
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_a_criterion_per_line_in_a_pdf_file(tmp_path, capsys):
    path = tmp_path / "brand-en.pdf"
    path.write_bytes(make_pdf([PDF_PAGE]))
    code, lines, _err = lint_file(capsys, path, "--lang", "en")
    assert code == 1
    assert "C-SEVERAL-REQUIREMENTS" not in "\n".join(lines)
    assert lines[:3] == [
        "page 1, paragraph 2 (Mandatory criteria)  C-BRAND  Microsoft 365",
        "page 1, paragraph 3 (Mandatory criteria)  C-BRAND  Microsoft Teams, SharePoint Online",
        "page 1, paragraph 4 (Mandatory criteria)  C-BRAND  Google Workspace",
    ]


def test_teams_shared_into_is_the_product(capsys):
    from wizard import cli

    assert (
        cli.main(
            ["lint", "--field", "scenario", "The clerk shares the spreadsheet in Teams with the council."]
        )
        == 0
    )
    assert capsys.readouterr().out == "S-BRAND  Teams\n"
    # the twin: the ordinary word
    assert (
        cli.main(
            ["lint", "--field", "scenario", "The clerk shares the spreadsheet with the council's teams."]
        )
        == 0
    )
    assert capsys.readouterr().out == ""
