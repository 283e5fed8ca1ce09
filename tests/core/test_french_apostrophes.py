"""French documents write the typographic apostrophe in the user's text too (walk of
2026-12-07, item 12): the examples' French data holds ' while the app's texts hold ’, and
award-notice-1-fr read « appel d’offres SA-TI-2027-004, Gestion des périmètres d'urgence »
and « Directrice des technologies de l'information ». The DOCX writer turns a straight
apostrophe between letters into ’ in a French document only; the project and the machine
outputs (CSV, JSON, OCDS) keep the text as typed."""

from __future__ import annotations

import io
import json

import docx
import pytest

from wizard.core.documents.blocks import Document, Paragraph, Table
from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.documents.typography import french_apostrophes
from wizard.core.examples import load_example
from wizard.core.export import export_all, tender_bytes


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Directrice des technologies de l'information", "Directrice des technologies de l’information"),
        ("Gestion des périmètres d'urgence", "Gestion des périmètres d’urgence"),
        ("aujourd'hui, l'Adjudicataire", "aujourd’hui, l’Adjudicataire"),
        # twins: a web or e-mail address, a prime after a digit, a quote by a space, ’ already
        ("Voir https://ville.qc.ca/l'avis", "Voir https://ville.qc.ca/l'avis"),
        ("Écrire à d'arcy@ville.qc.ca.", "Écrire à d'arcy@ville.qc.ca."),
        ("un mât de 12' de haut, 'cité'", "un mât de 12' de haut, 'cité'"),
        ("l’information", "l’information"),
    ],
)
def test_a_straight_apostrophe_between_letters_is_written_typographic(typed, printed):
    assert french_apostrophes(typed) == printed


def test_the_quebec_tender_in_french_has_one_apostrophe():
    project = load_example("emergency-perimeter")
    text = _text(tender_bytes(project, "fr", ["fr"]))
    assert "Gestion des périmètres d’urgence" in text
    assert "Directrice des technologies de l’information" in text
    assert "d'urgence" not in text and "l'information" not in text
    # the project keeps the text as typed
    assert project.info.title.startswith("Gestion des périmètres d'urgence")
    assert project.info.officer_title == "Directrice des technologies de l'information"


def test_an_english_document_keeps_the_straight_apostrophe():  # the twin
    blocks = [Paragraph("The Town's data"), Table([["Town's"]], [["l'information"]])]
    args = {"title": "T's", "organization": "O", "reference": "R", "header": "H", "footer_page": "{page}"}
    en = _text(docx_bytes(Document("en", blocks=blocks, **args)))
    assert "The Town's data" in en and "l'information" in en
    fr = _text(docx_bytes(Document("fr", blocks=blocks, **args)))
    assert "The Town’s data" in fr and "l’information" in fr and "'" not in fr


def test_the_machine_outputs_keep_the_text_as_typed(tmp_path):
    project = load_example("emergency-perimeter")
    export_all(project, tmp_path, lang="fr")
    package = json.loads((tmp_path / "ocds-release-package.json").read_text(encoding="utf-8"))
    assert package["releases"][0]["tender"]["title"].startswith("Gestion des périmètres d'urgence")
    register = (tmp_path / "vendor-register.csv").read_text(encoding="utf-8-sig")
    assert "'" in register and "’" not in register
