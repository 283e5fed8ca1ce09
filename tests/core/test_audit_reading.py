"""Reading a tender as its author wrote it (issue 19 Deliver 4, faults found on real PDFs):
a word cut by a hyphen at a line end, a page's running header or footer."""

from __future__ import annotations

import pytest

from tests.core.test_audit import lint_file, make_pdf
from wizard.core.audit import audit_document, with_findings
from wizard.core.audit import reader as reader_module
from wizard.core.audit.reader import join_lines

needs_pdftotext = pytest.mark.skipif(
    reader_module.shutil.which("pdftotext") is None, reason="poppler-utils not installed"
)

# -- a word cut by a hyphen at a line end -------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        # a word cut where a typesetter cuts: one word again, whether the list knows it or not
        (
            ["La solution doit protéger l’infor-", "mation des citoyens."],
            "La solution doit protéger l’information des citoyens.",
        ),
        (
            ["The system must keep all infor-", "mation in Canada."],
            "The system must keep all information in Canada.",
        ),
        (["une interopé-", "rabilité complète"], "une interopérabilité complète"),
        (["soft\u00ad", "ware"], "software"),
        # a compound cut at its own hyphen keeps it
        (["Le porte-", "parole de la Ville"], "Le porte-parole de la Ville"),
        (["any third-", "party software"], "any third-party software"),
        (["c’est-à-", "dire"], "c’est-à-dire"),
        # no lower-case letter on both sides: nothing joined
        (["pages 3-", "4 of the form"], "pages 3- 4 of the form"),
        (["Micro-", "Soft"], "Micro- Soft"),
        (["a plain", "line"], "a plain line"),
    ],
)
def test_a_word_cut_at_a_line_end_is_joined_again(lines, text):
    assert join_lines(lines) == text


def test_a_hyphenated_word_in_a_text_file_is_no_vendor_and_keeps_its_place(tmp_path, capsys):
    path = tmp_path / "devis.txt"
    path.write_text(
        "Exigences techniques\n\n"
        "La solution doit protéger l’infor-\nmation des citoyens.\n\n"
        "La solution doit fonctionner sur Infor\nCloudSuite.\n",
        encoding="utf-8",
    )
    code, lines, err = lint_file(capsys, path, "--lang", "fr")
    assert (code, err) == (1, "")
    assert lines == ["paragraphe 3, ligne 6 (Exigences techniques)  C-BRAND  Infor CloudSuite"]
    audited = audit_document(path, "fr")
    assert [(a.location.as_dict(), a.text) for a in audited][1] == (
        {"paragraph": 2, "line": 3},
        "La solution doit protéger l’information des citoyens.",
    )


@needs_pdftotext
def test_a_hyphenated_word_in_a_pdf_is_no_vendor_and_keeps_its_page(tmp_path, capsys):
    path = tmp_path / "rfp.pdf"
    path.write_bytes(
        make_pdf(
            [
                ["Technical requirements", "", "The system must keep all infor-", "mation in Canada."],
                ["Technical requirements", "", "The system must keep all data in Infor", "CloudSuite."],
            ]
        )
    )
    code, lines, err = lint_file(capsys, path, "--lang", "en")
    assert (code, err) == (1, "")
    assert lines == ["page 2, paragraph 2 (Technical requirements)  C-BRAND  Infor CloudSuite"]
    first = audit_document(path, "en")[1]
    assert (first.location.as_dict(), first.text) == (
        {"page": 1, "paragraph": 2},
        "The system must keep all information in Canada.",
    )
    assert with_findings([first]) == []
