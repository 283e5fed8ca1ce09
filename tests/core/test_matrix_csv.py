"""CSV export and import of the market matrix (towns share their scans)."""

from __future__ import annotations

import pytest

from tests.core.test_market import MATRIX, scan
from wizard.core.domain import matrix_csv
from wizard.core.model import Solution
from wizard.core.project_file.store import ProjectFile, ReadOnlyFile


def _levels(project):
    names = {s.id: s.name for s in project.solutions}
    features = {f.id: f.name for f in project.features}
    return {
        (names[c.solution_id], features[c.feature_id]): c.level
        for c in project.support
        if c.level != "unknown"
    }


def shared_scan():
    p = scan(MATRIX)
    p.features[2].kind = "standard"
    p.features[2].name = "WCAG 2.1 AA"
    p.solutions[0] = Solution(
        id=1,
        name="Alpha",
        vendor="Johnson & Johnson",
        licence="open_source",
        delivery="cloud",
        hosting_in_canada=True,
        source="source_repository",
    )
    p.solutions[1].name = "=Bêta, «libre»"  # formula start, comma and accents
    return p


def test_export_is_utf8_with_bom_crlf_and_guards_formulas():
    data = matrix_csv.export_matrix(shared_scan())
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert (
        lines[0]
        == "solution,vendor,licence,delivery,hosting_in_canada,source,feature:F1,feature:F2,standard:WCAG 2.1 AA,feature:F4"
    )
    assert lines[1] == "Alpha,Johnson & Johnson,open_source,cloud,yes,source_repository,yes,yes,yes,no"
    assert lines[2].startswith(
        '"\'=Bêta, «libre»",,proprietary,on_premises,no,public_documentation,yes,yes,partial,no'
    )
    assert lines[4].endswith("yes,no,unknown,unknown")  # Delta: no cell for feature 4 → unknown


def test_round_trip_into_an_empty_project(tmp_path):
    original = shared_scan()
    with ProjectFile.create(tmp_path / "b.tender") as pf:
        summary = matrix_csv.import_matrix(pf, matrix_csv.export_matrix(original))
        assert summary == matrix_csv.ImportSummary(
            new_solutions=4, new_features=4, updated_solutions=0, changed_cells=14
        )
    with ProjectFile.open(tmp_path / "b.tender") as pf:
        p = pf.project
        assert [s.name for s in p.solutions] == ["Alpha", "=Bêta, «libre»", "Gamma", "Delta"]
        assert (p.solutions[0].vendor, p.solutions[0].licence, p.solutions[0].delivery) == (
            "Johnson & Johnson",
            "open_source",
            "cloud",
        )
        assert p.solutions[0].hosting_in_canada and p.solutions[0].source == "source_repository"
        assert [(f.name, f.kind) for f in p.features] == [
            ("F1", "feature"),
            ("F2", "feature"),
            ("WCAG 2.1 AA", "standard"),
            ("F4", "feature"),
        ]
        assert _levels(p) == _levels(original)


def test_import_merges_by_name_and_keeps_what_the_file_leaves_empty(tmp_path):
    with ProjectFile.create(tmp_path / "m.tender", shared_scan()) as pf:
        data = (
            "Solution;Vendor;feature:f1;norme:Wcag 2.1 aa;fonction:Signature électronique\n"
            "ALPHA;;Non;;oui\n"
            "Epsilon;Epsilon Coop;Partiel;Inconnu;\n"
        ).encode("cp1252")  # a French Excel: semicolons, Windows-1252
        summary = matrix_csv.import_matrix(pf, data)
        assert summary == matrix_csv.ImportSummary(
            new_solutions=1, new_features=1, updated_solutions=0, changed_cells=3
        )
        p = pf.project
        assert [f.name for f in p.features][-1] == "Signature électronique"
        assert p.support_level(1, 1) == "no" and p.support_level(1, 3) == "yes"  # empty cell: unchanged
        assert p.support_level(1, 5) == "yes"
        epsilon = p.solutions[-1]
        assert (epsilon.name, epsilon.vendor, epsilon.licence) == ("Epsilon", "Epsilon Coop", "proprietary")
        assert p.support_level(epsilon.id, 1) == "partial"
        assert p.solutions[0].vendor == "Johnson & Johnson"


BAD_FILES = [
    (b"", "This file is empty."),
    (b"name,F1\nA,yes\n", "The first column of a market matrix must be “solution”."),
    (b"solution,F1,f1\nA,yes,no\n", "The feature “f1” appears twice in the header."),
    (b"solution,F1\nA,yes\na,no\n", "The solution “a” appears twice."),
    (b"solution,F1\nA,maybe\n", "Line 2, column “F1”: “maybe” is not an accepted value."),
    (
        b"solution,licence,F1\nA,shareware,yes\n",
        "Line 2, column “licence”: “shareware” is not an accepted value.",
    ),
    (b"solution,F1\nA,yes,no\n", "Line 2 has more cells than the header."),
    (b"solution,F1\n,yes\n", "Line 2 has no solution name."),
    (b"solution,feature:\nA,yes\n", "Column 2 has no feature name."),
    (b"PK\x03\x04\x00\x00binary", "This file is not a CSV text file."),
    (b'solution,F1\nA,"yes\n', "This CSV file is malformed near line 2 (check the quotes)."),
]


@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_bad_files_are_refused_with_a_clear_message(data, message):
    with pytest.raises(matrix_csv.MatrixCsvError) as caught:
        matrix_csv.parse_matrix(data)
    assert caught.value.message("en") == message
    assert caught.value.message("fr") != message


def test_a_bad_line_imports_nothing(tmp_path):
    path = tmp_path / "n.tender"
    with ProjectFile.create(path, shared_scan()) as pf:
        before = (list(pf.project.solutions), list(pf.project.support), len(pf.history()))
        with pytest.raises(matrix_csv.MatrixCsvError):
            matrix_csv.import_matrix(pf, b"solution,F1,New feature\nNew one,yes,yes\nAlpha,no,perhaps\n")
        assert (pf.project.solutions, pf.project.support, len(pf.history())) == before
    with ProjectFile.open(path) as pf:
        assert [s.name for s in pf.project.solutions] == [s.name for s in before[0]]


def test_a_failed_write_rolls_back_the_whole_import(tmp_path, monkeypatch):
    path = tmp_path / "w.tender"
    with ProjectFile.create(path, shared_scan()) as pf:
        before = (list(pf.project.solutions), list(pf.project.features), list(pf.project.support))
        real = pf.save_row
        calls = []

        def failing(kind, row):
            calls.append(kind)
            if len(calls) == 4:
                raise OSError("disk full")
            real(kind, row)

        monkeypatch.setattr(pf, "save_row", failing)
        with pytest.raises(OSError):
            matrix_csv.import_matrix(pf, b"solution,F1,G1,G2\nZeta,yes,yes,yes\nAlpha,no,no,no\n")
        assert (pf.project.solutions, pf.project.features, pf.project.support) == before
    with ProjectFile.open(path) as pf:
        assert len(pf.project.solutions) == 4 and len(pf.project.features) == 4
        assert pf.project.support_level(1, 1) == "yes"


def test_read_only_file_is_left_untouched(tmp_path):
    path = tmp_path / "r.tender"
    ProjectFile.create(path, shared_scan()).close()
    with ProjectFile.open(path, read_only=True) as pf:
        with pytest.raises(ReadOnlyFile):
            matrix_csv.import_matrix(pf, b"solution,F1\nNew,yes\n")
        assert len(pf.project.solutions) == 4
