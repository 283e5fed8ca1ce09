"""Reading a tender as its author wrote it (issue 19 Deliver 4, faults found on real PDFs):
a word cut by a hyphen at a line end, a page's running header or footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_audit import lint_file, make_pdf
from wizard.core.audit import audit_document, with_findings
from wizard.core.audit import reader as reader_module
from wizard.core.audit.reader import join_lines
from wizard.core.examples import example_names, load_example
from wizard.core.export import tender_bytes
from wizard.core.pdf import soffice, to_pdf

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


# -- a running header or footer is no heading ----------------------------------------------

HEADER = "TOWN OF EXAMPLE - RFP 2027-01"


def _paged(bodies: list[list[str]]) -> list[list[str]]:
    """Each page's body under the running header and above "Page N of M"."""
    return [[HEADER, "", *body, "", f"Page {n} of {len(bodies)}"] for n, body in enumerate(bodies, 1)]


@needs_pdftotext
def test_a_running_header_and_footer_neither_open_a_section_nor_are_checked(tmp_path, capsys):
    path = tmp_path / "rfp.pdf"
    path.write_bytes(
        make_pdf(
            _paged(
                [
                    ["Instructions to bidders", "", "Bids must be submitted through SAP Ariba."],
                    ["Questions must be sent through Microsoft Forms."],
                    ["Technical requirements", "", "The system must run on ArcGIS Enterprise."],
                    ["Integration with Microsoft Teams.", "", "The system must run on ArcGIS Enterprise."],
                ]
            )
        )
    )
    code, lines, err = lint_file(capsys, path, "--lang", "en")
    assert (code, err) == (1, "")
    # the portal and the channel for questions stay in the instructions on page 2; the
    # requirement section holds on page 4; a sentence repeated mid-page is checked each time
    assert lines == [
        "page 3, paragraph 2 (Technical requirements)  C-BRAND  ArcGIS Enterprise",
        "page 4, paragraph 1 (Technical requirements)  C-BRAND  Microsoft Teams",
        "page 4, paragraph 2 (Technical requirements)  C-BRAND  ArcGIS Enterprise",
    ]
    texts = [a.text for a in audit_document(path, "en")]
    assert not any(HEADER in t or t.startswith("Page ") for t in texts)


def test_running_lines_need_most_pages_and_three_at_the_same_place():
    pages = [
        "Town of Example\n\nRequirements\n\nText one.\n\nPage 1 of 4\n",
        "Town of Example\n\nText two.\n\nPage 2 of 4\n",
        "Cover notes\n\nTown of Example\n\nText three.\n\nPage 3 of 4",
        "Town of Example\n\nText four.\n\nPage 4 of 4\n",
        "",
    ]
    kept = reader_module.without_running_lines(pages)
    assert [[line for line in page.split("\n") if line] for page in kept] == [
        ["Requirements", "Text one."],
        ["Text two."],
        ["Cover notes", "Town of Example", "Text three."],  # second from the top: another place
        ["Text four."],
        [],
    ]
    # the same line on top of two pages (of two, or of four) may be a heading: it stays
    two = pages[:2]
    assert reader_module.without_running_lines(two) == two
    half = [pages[0], pages[1], "Other\n\nText.\n", "Other\n\nText.\n"]
    assert [page.split("\n")[0] for page in reader_module.without_running_lines(half)] == [
        "Town of Example",
        "Town of Example",
        "Other",
        "Other",
    ]


# -- a heading run into its paragraph ------------------------------------------------------


def test_a_capitalised_heading_run_into_its_paragraph_gets_its_section(tmp_path):
    path = tmp_path / "rfp.txt"
    path.write_text(
        "Instructions to bidders\n"
        "Timetable\n"
        "Bids must be submitted through SAP Ariba before the closing date and time.\n\n"
        "Context\n"
        "Our old Cityworks system can no longer cope with the number of work orders.\n\n"
        # twins: two table rows, a line broken mid-sentence, a short line then a short one
        "Name          Daniel MacIsaac\n"
        "Position      Director of Information Technology\n\n"
        "The system must\n"
        "export every layer as GeoJSON for the open data portal of the Town.\n\n"
        "Mandatory criteria\n"
        "The solution must integrate with Microsoft Teams for every meeting of council.\n",
        encoding="utf-8",
    )
    audited = audit_document(path, "en")
    # a heading whose words say nothing continues the section before it: "Timetable"
    assert [(a.location.line, a.paragraph.heading, a.role, a.section) for a in audited] == [
        (1, True, "skipped", ""),
        (2, True, "skipped", "Instructions to bidders"),
        (3, False, "skipped", "Timetable"),
        (5, True, "text", "Timetable"),
        (6, False, "problem", "Context"),
        (8, False, "problem", "Context"),
        (11, False, "problem", "Context"),
        (14, True, "text", "Context"),
        (15, False, "criterion", "Mandatory criteria"),
    ]
    assert [(a.location.line, [f.code for f in a.findings]) for a in with_findings(audited)] == [
        (6, ["P-INCUMBENT"]),
        (15, ["C-BRAND"]),
    ]


@pytest.fixture(scope="module")
def example_pdfs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Each bundled example's tender in each language, as LibreOffice prints it."""
    documents = {
        f"{name}--{lang}.docx": tender_bytes(load_example(name), lang)
        for name in example_names()
        for lang in ("fr", "en")
    }
    folder = tmp_path_factory.mktemp("pdf")
    out = {}
    for file_name, data in to_pdf(documents).items():
        name, lang = Path(file_name).stem.split("--")
        out[name, lang] = folder / file_name
        out[name, lang].write_bytes(data)
    return out


@pytest.mark.slow
@needs_pdftotext
@pytest.mark.skipif(soffice() is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_town_s_own_tenders_as_pdf_get_no_finding_and_their_sections(name, lang, example_pdfs):
    """Printed to PDF, a tender has a running header and footer on every page and its
    headings run into their paragraphs: its need is still read as a problem, its criteria
    as criteria, and nothing is found."""
    audited = audit_document(example_pdfs[name, lang], lang)
    assert [
        (a.location.describe("en"), a.section, [f.code for f in a.findings]) for a in with_findings(audited)
    ] == []
    roles = {a.section: a.role for a in audited if not a.paragraph.heading}
    need = {"fr": "Énoncé du besoin", "en": "Problem statement"}[lang]
    mandatory = {"fr": "Critères obligatoires", "en": "Mandatory criteria"}[lang]
    assert (roles[need], roles[mandatory]) == ("problem", "criterion")
    assert not any(
        a.text.startswith(("Page ", "Appel d’offres", "Call for tenders "))
        for a in audited
        if a.paragraph.heading
    )


# -- a paragraph cut by a page break ----------------------------------------------------------


@needs_pdftotext
@pytest.mark.parametrize(
    ("end", "start", "lines"),
    [
        # one criterion over two pages: two requirements, reported on its first page
        (
            "The system must export every layer as GeoJSON and",
            "must keep every layer in Canada.",
            ["page 1, paragraph 2 (Technical requirements)  C-SEVERAL-REQUIREMENTS"],
        ),
        # its twin: two paragraphs, one requirement each (lint says the document is clean)
        (
            "The system must export every layer as GeoJSON.",
            "The system must keep every layer in Canada.",
            ["No finding in rfp.pdf: 4 paragraphs, 0 table cells checked."],
        ),
    ],
)
def test_a_paragraph_cut_by_a_page_break_is_one_paragraph(end, start, lines, tmp_path, capsys):
    path = tmp_path / "rfp.pdf"
    path.write_bytes(
        make_pdf([["Technical requirements", "", end], [start, "", "The system must publish a WMS service."]])
    )
    code, found, err = lint_file(capsys, path, "--lang", "en")
    assert (found, err) == (lines, "")
    audited = audit_document(path, "en")
    # the paragraph after the continued part keeps the number a reader counts on page 2
    assert audited[-1].location.as_dict() == {"page": 2, "paragraph": 2}
    assert len(audited) == (4 if lines[0].startswith("No finding") else 3)
