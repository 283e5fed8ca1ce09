"""CSV open data (docs/open-data.md, docs/data-dictionary.md): the vendor register and the
criteria, in the format Excel and LibreOffice open with accents intact (UTF-8 with BOM,
comma, CRLF, RFC 4180 quoting), with the same machine headers and codes in every language
and the formula guard only on cells a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opendata_sample import PEOPLE, rich_project

from wizard.core.csv_cells import safe_cell, to_csv, unguard_cell
from wizard.core.examples import example_names, load_example
from wizard.core.export import output_files
from wizard.core.model import Project
from wizard.core.opendata.csv_export import (
    CRITERIA_COLUMNS,
    REGISTER_COLUMNS,
    criteria_csv,
    criteria_rows,
    vendor_register_csv,
    vendor_register_rows,
)
from wizard.core.opendata.dictionary import markdown

ROOT = Path(__file__).resolve().parents[2]


def parse(data: bytes) -> list[list[str]]:
    """Read back as a spreadsheet would: BOM-aware UTF-8, RFC 4180."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_bom_crlf_and_exact_round_trip():
    rows = [
        ["Fournisseur", "Critère"],
        ["Johnson & Johnson", 'Temps de réponse < 2 s, "rapide"'],
        ["شركة المثال", "ligne 1\nligne 2"],
    ]
    data = to_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 3 and data.endswith(b"\r\n")
    assert b'"Temps de r\xc3\xa9ponse < 2 s, ""rapide"""' in data
    assert parse(data) == rows


def test_line_breaks_inside_a_cell_become_lf():
    assert parse(to_csv([["a\r\nb\rc"]])) == [["a\nb\nc"]]


def test_formula_cells_are_neutralised():
    assert safe_cell('=HYPERLINK("http://x.invalid")') == '\'=HYPERLINK("http://x.invalid")'
    assert [safe_cell(v) for v in ("+A1", "-2+3", "@SUM(A1)", "\tx")] == [
        "'+A1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tx",
    ]
    assert safe_cell("Temps < 2 s") == "Temps < 2 s"


@pytest.mark.parametrize("value", ["-2", "+15", "-3,5", "12.5%", "-0.25", "Temps - 2 s", "a=b", "O'Brien"])
def test_values_that_are_not_formulas_are_written_as_typed(value):
    assert safe_cell(value) == value
    assert parse(to_csv([[value]])) == [[value]]


@pytest.mark.parametrize("value", ["=1+1", "'=1+1", "''@x", "-", "+1 902 555-0187", "'", "'-2", "\tx", "@"])
def test_unguard_gives_back_the_value_as_typed(value):
    assert unguard_cell(safe_cell(value)) == value
    assert unguard_cell(parse(to_csv([[value]]))[0][0]) == value


@settings(max_examples=300, database=None)
@given(st.text(alphabet=st.sampled_from("'=+-@\t0123456789.,%ab ")))
def test_guard_round_trip_property(value):
    assert unguard_cell(safe_cell(value)) == value
    assert safe_cell(value) == value or safe_cell(value) == "'" + value


REGISTER_HEADER = [
    "entry_id",
    "date",
    "vendor",
    "staff_name",
    "staff_role",
    "channel",
    "initiated_by_vendor",
    "subject",
    "documents",
    "routed_to_cio",
    "demo",
    "nda_signed",
    "drafting",
    "rfi",
]
CRITERIA_HEADER = [
    "criterion_id",
    "tender_ref",
    "kind",
    "category",
    "text",
    "verification",
    "features",
    "scenarios",
]


def test_vendor_register_publishable_rows_sorted_by_date():
    rows = parse(vendor_register_csv(rich_project()))
    assert rows[0] == REGISTER_HEADER
    assert [r[:6] for r in rows[1:]] == [
        ["2", "2025-01-10", "شركة المثال", "", "Technicien", "meeting"],
        ["1", "2025-01-20", "Johnson & Johnson", "", "Approvisionnement", "email"],
    ]  # entry 3 is not publishable; no staff name unless opted in
    assert rows[2][7:9] == ["Question, « délais » et prix", "Courriel, annexe"]
    assert rows[1][12] == "helped_draft" and rows[2][12] == "none"  # what it did towards the tender
    assert rows[1][6] == "true" and rows[1][9:12] == ["false", "false", "false"]


def test_register_has_no_personal_name_by_default():
    text = vendor_register_csv(rich_project()).decode("utf-8-sig").casefold()
    assert [name for name in PEOPLE if name.casefold() in text] == []
    assert "rencontre avec [nom retiré] et [nom retiré]" in text


def test_names_typed_without_accents_are_withheld_too():
    project = rich_project()
    project.vendor_exchanges[
        0
    ].subject = "Appel de HELENE  Berube-Gagnon, puis de Zoe Cote; Zoëlle Côtés reste."
    rows = vendor_register_rows(project)
    assert rows[2][7] == "Appel de [nom retiré], puis de [nom retiré]; Zoëlle Côtés reste."


def test_register_staff_names_when_opted_in():
    project = rich_project()
    project.export.include_personal_names = True
    rows = vendor_register_rows(project)
    assert rows[0] == REGISTER_HEADER  # the same columns with or without names
    assert [r[3] for r in rows[1:]] == ["Étienne Dubé", "Noémie Ouellet"]
    assert rows[1][7] == "Rencontre avec Hélène Bérubé-Gagnon et amélie pelletier"


def test_criteria_rows_hold_codes():
    rows = criteria_rows(rich_project())
    assert rows == [
        CRITERIA_HEADER,
        [
            "1",
            "OBL-1",  # the tender's reference, not the row id in the file
            "mandatory",
            "technical",
            "Temps de réponse < 2 s pour 95 % des requêtes",
            "scenario",
            "Dépôt en ligne",
            "Déposer une demande, « étape par étape »",
        ],
        [
            "2",
            "OPT-1",
            "optional",
            "accessibility",
            "Conforme aux WCAG 2.1, niveau AA",
            "document",
            "WCAG 2.1 AA",
            "",
        ],
        [
            "3",
            "OPT-2",
            "optional",
            "functional",
            '=HYPERLINK("http://x.invalid","Cliquez")',
            "scenario",
            "",
            "",
        ],
    ]
    assert parse(criteria_csv(rich_project()))[3][4] == '\'=HYPERLINK("http://x.invalid","Cliquez")'


@pytest.mark.parametrize("languages", [("fr", "fr"), ("en", "en"), ("both", "fr"), ("both", "en")])
def test_same_header_and_codes_whatever_the_language(languages):
    project = rich_project()
    project.info.tender_languages, project.info.binding_language = languages
    criteria = parse(criteria_csv(project))
    register = parse(vendor_register_csv(project))
    assert criteria[0] == CRITERIA_HEADER and register[0] == REGISTER_HEADER
    assert [r[2:4] + r[5:6] for r in criteria[1:]] == [
        ["mandatory", "technical", "scenario"],
        ["optional", "accessibility", "document"],
        ["optional", "functional", "scenario"],
    ]
    assert [r[5] for r in register[1:]] == ["meeting", "email"]
    refs = {"fr": ["OBL-1", "OPT-1", "OPT-2"], "en": ["M-1", "O-1", "O-2"]}[languages[1]]
    assert [r[1] for r in criteria[1:]] == refs  # as the binding version prints them


def test_every_bundled_example_has_the_same_headers():
    for name in example_names():
        files = output_files(load_example(name))
        assert parse(files["criteria.csv"])[0] == CRITERIA_HEADER, name
        assert parse(files["vendor-register.csv"])[0] == REGISTER_HEADER, name


def test_the_data_dictionary_is_up_to_date():
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert text == markdown(), "docs/data-dictionary.md is stale: run python tools/data_dictionary.py"
    for column in (*REGISTER_COLUMNS, *CRITERIA_COLUMNS):
        assert text.count(f"| `{column.name}` |") == 2, column.name  # in English and in French
    assert "| `meeting` | Meeting |" in text and "| `meeting` | Rencontre |" in text
    assert "| `optional` | Facultatif |" in text


def test_control_characters_removed():
    project = rich_project()
    project.criteria[0].text = "Réseau\x0bsans fil\x00 \ud800"
    data = output_files(project)["criteria.csv"]  # the export cleans the text once
    assert parse(data)[1][4] == "Réseausans fil "


def test_empty_project_gives_header_only_files():
    assert parse(vendor_register_csv(Project())) == [REGISTER_HEADER]
    assert parse(criteria_csv(Project())) == [CRITERIA_HEADER]
