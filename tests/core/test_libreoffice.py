"""The tenders open in LibreOffice and convert to PDF with their content.

Every bundled example is exported in French AND in English (the English tender of a
French example is a translation for information: still a whole tender), plus the
handmade sample, and ONE ``soffice`` call converts them all. ``pdftotext -layout``
then shows the clause numbers 1, 1.1, 1.1.1 … in document order, restarting where they
should: what Word's multilevel numbering gives, not text typed into the paragraphs.

Skipped when ``soffice`` or ``pdftotext`` is not installed. A private user profile
(``-env:UserInstallation``) lets parallel runs convert at the same time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tender_sample import MANDATORY, STATEMENT, tender_project, write_tender

from wizard.core.clauses import library as clauses
from wizard.core.documents.typography import french_apostrophes
from wizard.core.examples import example_names, load_example
from wizard.core.i18n import tr
from wizard.core.textclean import clean_project

pytestmark = [
    pytest.mark.slow,
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice) and pdftotext are needed",
    ),
]

SAMPLE = "sample"
CASES = [(name, lang) for name in [*example_names(), SAMPLE] for lang in ("fr", "en")]


def _project(name: str):
    return tender_project(lang="fr", province="QC") if name == SAMPLE else load_example(name)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """(example, lang) → the converted PDF; one soffice process for every file."""
    work = tmp_path_factory.mktemp("lo")
    docs = [write_tender(_project(name), lang, work / f"{name}-{lang}.docx") for name, lang in CASES]
    profile = (work / "lo-profile").resolve().as_uri()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            *map(str, docs),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    found = {case: work / f"{case[0]}-{case[1]}.pdf" for case in CASES}
    missing = [p.name for p in found.values() if not p.is_file()]
    assert missing == []
    return found


def _pdf_text(pdf: Path, *options: str) -> str:
    result = subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], check=True, capture_output=True, timeout=60
    )
    return result.stdout.decode("utf-8")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _expected_numbers(project, lang: str) -> list[tuple[str, str]]:
    """(number, start of its text) of every clause heading and paragraph, in order."""
    expected = []
    for i, rendered in enumerate(clauses.render_clauses(clean_project(project), lang), start=1):
        expected.append((str(i), rendered.title))
        counters = [0, 0]
        for level, text in rendered.paragraphs:
            if level <= 2:
                counters = [counters[0] + 1, 0]
                expected.append((f"{i}.{counters[0]}", text))
            else:
                counters[1] += 1
                expected.append((f"{i}.{counters[0]}.{counters[1]}", text))
    return expected


_NUMBERED = re.compile(r"^\s{0,12}(\d+(?:\.\d+){0,2})\s+(\S.*)$")


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_clause_numbers_in_order(pdfs, name, lang):
    project = _project(name)
    layout = _pdf_text(pdfs[name, lang], "-layout")
    heading = tr("Contract clauses", lang)
    body = layout[layout.rindex(heading) :]  # after the table of contents
    lines = [(m.group(1), _flat(m.group(2))) for m in map(_NUMBERED.match, body.splitlines()) if m]
    expected = _expected_numbers(project, lang)
    assert len([n for n, _t in expected if "." not in n]) >= 15
    assert any(n.count(".") == 2 for n, _t in expected)  # 1.1.1 items (exit clause)
    position = 0
    for number, text in expected:
        words = " ".join(_flat(text).split()[:2])
        match = next((k for k in range(position, len(lines)) if lines[k][0] == number), None)
        assert match is not None, (
            f"{name}-{lang}: clause number {number} ({words} …) not found after line {position}"
        )
        assert lines[match][1].startswith(words), f"{name}-{lang}: {number} shows {lines[match][1]!r}"
        position = match + 1


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_cover_header_and_page_x_of_y(pdfs, name, lang):
    project = _project(name)
    cover = _flat(_pdf_text(pdfs[name, lang], "-f", "1", "-l", "1"))
    second = _flat(_pdf_text(pdfs[name, lang], "-f", "2", "-l", "2"))
    reference = _flat(project.info.reference)
    running_header = tr("Call for tenders {reference}", lang, reference=reference)
    # the cover: the reference in its table, no running header, no page number
    assert reference in cover and running_header not in cover and not re.search(r"\b1 (de|of) \d", cover)
    assert running_header in second
    footer = re.search(tr("Page {page} of {pages}", lang, page=2, pages=r"(\d+)"), second)
    assert footer is not None and int(footer.group(1)) >= 10


def test_french_tender_converts_with_its_content(pdfs):
    text = _flat(_pdf_text(pdfs[SAMPLE, "fr"], "-raw"))
    assert _flat(french_apostrophes(STATEMENT)) in text
    for criterion in MANDATORY:
        assert _flat(french_apostrophes(criterion)) in text
    assert "Le Contrat est régi et interprété selon les lois du Québec" in text
    assert "Cour supérieure du Québec" in text
    assert "1.1 Le Contrat est régi" in text  # real clause numbering
    assert "Page 2 sur" in text


@pytest.mark.parametrize("name", example_names())
def test_bundled_example_converts_with_its_need_and_criteria(pdfs, name):
    project = load_example(name)
    lang = project.info.binding_language if project.info.binding_language in ("fr", "en") else "fr"
    text = _flat(_pdf_text(pdfs[name, lang], "-raw"))

    def printed(typed: str) -> str:  # a French document writes l'offre as l’offre
        return _flat(french_apostrophes(typed) if lang == "fr" else typed)

    assert printed(project.problem.statement) in text
    for criterion in project.criteria:
        if criterion.kind == "mandatory":
            assert printed(criterion.text) in text
