"""docs/cases.md K28: a bilingual tender whose texts were typed in one language must
not come out half translated (issue 16): a finding lists what is missing, the documents
print a visible marker that the publishing gate counts, and a translated project gives
two whole documents that share no user text."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard import cli
from wizard.core.checks import run_checks
from wizard.core.documents.blocks import Document
from wizard.core.documents.gate import MISSING_TRANSLATION, publishing_gate
from wizard.core.documents.placeholders import block_texts
from wizard.core.documents.tender import tender_document
from wizard.core.model import Criterion, Scenario, Translation, translatable
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile

ENGLISH = {
    "info.title": "Computer-aided dispatch for the fire department",
    "problem.statement": "Firefighters must see where each vehicle is during a call.",
    "criteria:1.text": "The solution shows every vehicle of the fleet on a map, refreshed every ten seconds.",
    "scenarios:1.title": "A structure fire at night",
    "scenarios:1.steps": "The dispatcher opens a call and assigns the two nearest pumpers.",
}
FRENCH = {
    "info.title": "Répartition assistée par ordinateur pour le service d’incendie",
    "problem.statement": "Les pompiers doivent voir où se trouve chaque véhicule pendant une intervention.",
    "criteria:1.text": "La solution affiche chaque véhicule du parc sur une carte, actualisée aux dix secondes.",
    "scenarios:1.title": "Un incendie de bâtiment la nuit",
    "scenarios:1.steps": "Le répartiteur ouvre un appel et affecte les deux autopompes les plus proches.",
}


def _english_project(translated: bool = False):
    project = new_project("en")  # an English-speaking user: texts typed in English
    project.info.tender_languages, project.info.binding_language = "both", "fr"
    project.info.organization = "Town of Riverbend"
    project.info.title = ENGLISH["info.title"]
    project.problem.statement = ENGLISH["problem.statement"]
    project.criteria = [Criterion(id=1, text=ENGLISH["criteria:1.text"], kind="mandatory")]
    project.scenarios = [
        Scenario(
            id=1, title=ENGLISH["scenarios:1.title"], steps=ENGLISH["scenarios:1.steps"], criterion_ids=[1]
        )
    ]
    if translated:
        start = project.next_id("translations")
        project.translations += [
            Translation(start + i, address, "fr", text) for i, (address, text) in enumerate(FRENCH.items())
        ]
    return project


def _texts(doc: Document) -> str:
    return "\n".join([doc.header, doc.title, *(t for b in doc.blocks for t in block_texts(b))])


def test_k28_check_names_every_missing_text_in_the_published_language():
    project = _english_project()
    (found,) = [f for f in run_checks(project) if f.code == "PR-TRANSLATION"]
    assert found.field == "info.title"  # the first missing text: a click opens it
    assert found.message("en") == (  # a bilingual tender numbers criteria alike in both versions (K32)
        "5 texts have no French version yet: Title of the call for tenders; Statement of the need; "
        "Criterion OBL-1; Scenario's title S-1; Scenario's steps S-1."
    )
    assert found.message("fr").startswith(
        "5 textes n’ont pas encore de version française\u00a0: Titre de l’appel"
    )
    assert "Critère OBL-1" in found.message("fr")
    project.info.tender_languages = "en"  # a one-language tender asks for no translation
    assert [f for f in run_checks(project) if f.code == "PR-TRANSLATION"] == []


def test_k28_app_written_texts_exist_in_both_languages():
    project = _english_project()
    assert not [a for a in translatable.missing(project, "fr") if a.startswith("business_units")]
    french = tender_document(project, "fr", ["fr", "en"])
    assert "Fire" not in _texts(french).split()


def test_k28_the_french_tender_prints_markers_never_english_text():
    project = _english_project()
    french = _texts(tender_document(project, "fr", ["fr", "en"]))
    for text in ENGLISH.values():
        assert text not in french
    assert french.count(translatable.MARKER) >= 4
    items = [i for i in publishing_gate(project, ["fr", "en"]) if i.text == MISSING_TRANSLATION]
    assert {(i.field, i.lang) for i in items if i.document == "tender"} >= {
        ("problem.statement", "fr"),
        ("criteria:1.text", "fr"),
        ("scenarios:1.steps", "fr"),
    }
    assert all(i.is_placeholder for i in items)


def test_k28_translated_tenders_share_no_user_text():
    project = _english_project(translated=True)
    assert translatable.missing(project, "fr") == []
    french = _texts(tender_document(project, "fr", ["fr", "en"]))
    english = _texts(tender_document(project, "en", ["fr", "en"]))
    assert translatable.MARKER not in french and translatable.MARKER not in english
    for address, text in ENGLISH.items():
        assert text in english and text not in french, address
    for address, text in FRENCH.items():
        assert text in french and text not in english, address


@pytest.fixture
def english_file(tmp_path: Path) -> Path:
    path = tmp_path / "riverbend.tender"
    ProjectFile.create(path, _english_project()).close()
    return path


@pytest.mark.slow
def test_k28_command_line_check_strict_export_and_plain_export(english_file, tmp_path, capsys):
    from tests.core.test_document_texts import docx_text

    capsys.readouterr()
    cli.main(["check", str(english_file)])
    out = capsys.readouterr().out
    assert "PR-TRANSLATION" in out and "Scenario's steps S-1" in out
    assert cli.main(["export", str(english_file), "--out", str(tmp_path / "strict"), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "placeholder criteria:1.text" in err and "[TRADUCTION À FAIRE / TRANSLATION MISSING]" in err
    assert not (tmp_path / "strict").exists() or not list((tmp_path / "strict").iterdir())
    assert cli.main(["export", str(english_file), "--out", str(tmp_path / "plain")]) == 0
    french = docx_text(tmp_path / "plain" / "tender-fr.docx")
    assert translatable.MARKER in french and ENGLISH["criteria:1.text"] not in french
    english = docx_text(tmp_path / "plain" / "tender-en.docx")
    assert ENGLISH["criteria:1.text"] in english and translatable.MARKER not in english
