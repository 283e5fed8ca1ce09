"""CSV open data (docs/documents.md, "Open data"): the vendor register and the criteria, in the format Excel and
LibreOffice open with accents intact (UTF-8 with BOM, comma, CRLF, RFC 4180 quoting)."""

from __future__ import annotations

import csv
import io

from opendata_sample import PEOPLE, rich_project

from wizard.core.csv_cells import safe_cell, to_csv
from wizard.core.export import output_files
from wizard.core.model import Project
from wizard.core.opendata.csv_export import (
    criteria_csv,
    criteria_rows,
    vendor_register_csv,
    vendor_register_rows,
)


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
    assert [safe_cell(v) for v in ("+1", "-2", "@SUM(A1)", "\tx")] == ["'+1", "'-2", "'@SUM(A1)", "'\tx"]
    assert safe_cell("Temps < 2 s") == "Temps < 2 s"


def test_vendor_register_publishable_rows_sorted_by_date():
    rows = parse(vendor_register_csv(rich_project()))
    assert rows[0] == [
        "Date",
        "Fournisseur",
        "Fonction de l’employé",
        "Moyen de communication",
        "À l’initiative du fournisseur",
        "Objet",
        "Documents",
        "Transmis au DPI",
        "Démonstration",
        "Entente de confidentialité signée",
        "Participation à la préparation de l’appel d’offres",
        "Demande d’information",
    ]
    assert [r[:4] for r in rows[1:]] == [
        ["2025-01-10", "شركة المثال", "Technicien", "Rencontre"],
        ["2025-01-20", "Johnson & Johnson", "Approvisionnement", "Courriel"],
    ]  # entry 3 is not publishable
    assert rows[2][5:7] == ["Question, « délais » et prix", "Courriel, annexe"]
    # what the vendor did towards the tender, by its label (not a yes/no any more)
    assert rows[1][10] == "A participé à la rédaction de l’appel d’offres"
    assert rows[2][10] == "Aucune participation à l’appel d’offres"


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
    assert rows[2][5] == "Appel de [nom retiré], puis de [nom retiré]; Zoëlle Côtés reste."


def test_register_staff_names_when_opted_in():
    project = rich_project()
    project.export.include_personal_names = True
    rows = vendor_register_rows(project)
    assert rows[0][2] == "Employé municipal"
    assert [r[2] for r in rows[1:]] == ["Étienne Dubé", "Noémie Ouellet"]
    assert rows[1][6] == "Rencontre avec Hélène Bérubé-Gagnon et amélie pelletier"


def test_criteria_rows_in_french():
    rows = criteria_rows(rich_project())
    assert rows == [
        [
            "N°",
            "Type",
            "Catégorie",
            "Critère",
            "Vérification",
            "Fonctionnalités et normes",
            "Scénarios d’essai",
        ],
        [
            "OBL-1",  # the tender's id, not the row id in the file
            "Obligatoire",
            "Technique",
            "Temps de réponse < 2 s pour 95 % des requêtes",
            "Scénario d’essai",
            "Dépôt en ligne",
            "Déposer une demande, « étape par étape »",
        ],
        [
            "OPT-1",
            "Facultatif",
            "Accessibilité",
            "Conforme aux WCAG 2.1, niveau AA",
            "Document",
            "WCAG 2.1 AA",
            "",
        ],
        [
            "OPT-2",
            "Facultatif",
            "Fonctionnel",
            '=HYPERLINK("http://x.invalid","Cliquez")',
            "Scénario d’essai",
            "",
            "",
        ],
    ]
    assert parse(criteria_csv(rich_project()))[3][3] == '\'=HYPERLINK("http://x.invalid","Cliquez")'


def test_criteria_in_english_for_an_english_tender():
    project = rich_project()
    project.info.tender_languages = "en"
    rows = criteria_rows(project)
    assert rows[0] == [
        "No.",
        "Kind",
        "Category",
        "Criterion",
        "Verification",
        "Features and standards",
        "Test scenarios",
    ]
    assert rows[1][1:3] == ["Mandatory", "Technical"]


def test_control_characters_removed():
    project = rich_project()
    project.criteria[0].text = "Réseau\x0bsans fil\x00 \ud800"
    data = output_files(project)["criteria.csv"]  # the export cleans the text once
    assert parse(data)[1][3] == "Réseausans fil "


def test_empty_project_gives_header_only_files():
    assert len(parse(vendor_register_csv(Project()))) == 1
    assert len(parse(criteria_csv(Project()))) == 1
