"""The "large" project generator (``tests/largegen.py``): counts, seeds, a
full export, and the fast table-row copy of the DOCX writer it motivated. No timings:
``python tests/benchmark.py`` prints those."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import pytest
from largegen import COUNTS, HORIZON_YEARS, large_project
from lxml import etree

from wizard.core.checks import run_checks
from wizard.core.clauses.library import catalogue, included_clauses
from wizard.core.documents.blocks import Table
from wizard.core.documents.docx import writer as docx_export
from wizard.core.export import export_all
from wizard.core.model import Project
from wizard.core.project_file.store import ProjectFile


@pytest.fixture(scope="module")
def project() -> Project:
    return large_project()


def test_counts_match_spec(project: Project) -> None:
    assert len(project.criteria) == 300
    assert len(project.scenarios) == 60
    assert len(project.solutions) == 50
    assert len(project.features) == 200
    assert len(project.support) == 50 * 200
    assert {(c.solution_id, c.feature_id) for c in project.support} == {
        (s.id, f.id) for s in project.solutions for f in project.features
    }
    assert len(project.vendor_exchanges) == 200
    assert len(project.tco_options) == 3
    assert project.tco.horizon_years == HORIZON_YEARS == 10
    assert Counter(line.option_id for line in project.cost_lines) == {1: 12, 2: 12, 3: 12}
    assert COUNTS["criteria"] == 300 and COUNTS["support"] == 10_000


def test_forty_clause_texts_all_in_the_tender(project: Project) -> None:
    edited = [c for c in project.clause_choices if c.custom_fr.strip() and c.custom_en.strip()]
    assert len(edited) * 2 == COUNTS["clause_texts"] == 40
    assert {c.clause_id for c in edited} == set(list(catalogue())[:20])
    assert [c.id for c in included_clauses(project)] == list(catalogue())
    assert project.info.tender_languages == "both"


def test_links_point_at_existing_rows(project: Project) -> None:
    feature_ids = {f.id for f in project.features}
    criterion_ids = {c.id for c in project.criteria}
    assert all(c.feature_ids and set(c.feature_ids) <= feature_ids for c in project.criteria)
    assert all(len(s.criterion_ids) == 5 and set(s.criterion_ids) <= criterion_ids for s in project.scenarios)
    assert sorted(i for s in project.scenarios for i in s.criterion_ids) == sorted(criterion_ids)
    assert project.justifications == []


def test_same_seed_same_project_other_seed_differs(project: Project) -> None:
    assert large_project(8) == project
    other = large_project(9)
    assert other != project
    assert len(other.criteria) == len(project.criteria)


def test_checks_find_the_planted_problems(project: Project) -> None:
    codes = Counter(f.code for f in run_checks(project))
    assert codes["C-BRAND"] == sum(1 for c in project.criteria if "Compatible with" in c.text) == 8
    assert codes["V-DRAFTING"] == 1
    assert codes["C-DUPLICATE"] < 10  # varied texts, like a real draft


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return "\n".join([p.text for p in document.paragraphs] + list(cells))


@pytest.mark.slow
def test_saves_and_exports_everything(project: Project, tmp_path: Path) -> None:
    with ProjectFile.create(tmp_path / "large.tender", project) as pf:
        saved = pf.project
    assert saved == project
    written = export_all(saved, tmp_path / "out")
    names = {p.name for p in written}
    assert {"tender-fr.docx", "tender-en.docx", "ocds-release-package.json"} <= names
    english = _text(tmp_path / "out" / "tender-en.docx")
    assert project.criteria[0].text in english
    assert project.criteria[-1].text in english
    assert english.count("written proof that it complies with this clause") == 20
    french = _text(tmp_path / "out" / "tender-fr.docx")
    assert french.count("preuve écrite du respect de cette clause") == 20
    # the generated texts are English only: the French tender marks each one, never
    # prints English (docs/bilingual.md)
    assert project.scenarios[59].title in english and project.scenarios[59].title not in french
    assert "[TRADUCTION À FAIRE / TRANSLATION MISSING]" in french


def _table_xml(block: Table) -> bytes:
    document = docx.Document()
    docx_export._table(document, block)
    return etree.tostring(document.element.body)


def test_copied_rows_are_the_xml_python_docx_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    values = ["plain", " leading", "trailing ", "tab\there", "line\nbreak", "", "a\r\nb", "  ", "é & <b>"]
    rows = [["model", "", " spaced"]] + [
        [values[(3 * i + j) % len(values)] for j in range(3)] for i in range(12)
    ]
    rows.append(["short row"])
    block = Table([["One", "Two", "Three"]], rows, [3.0, 3.0, 3.0])
    fast = _table_xml(block)
    monkeypatch.setattr(docx_export, "_set_run_text", lambda run, value: setattr(run, "text", value))
    assert fast == _table_xml(block)
    document = docx.Document()
    docx_export._table(document, block)
    table = document.tables[0]
    assert [c.text for c in table.rows[5].cells] == rows[4]
    assert table.rows[-1].cells[0].text == "short row"
    assert len(table.rows) == len(rows) + 1
