"""Languages of the documents, the town's name in the definitions and content-based
table widths."""

from __future__ import annotations

import pytest

from wizard.core.documents.blocks import Table
from wizard.core.documents.table_layout import column_widths, min_widths, text_width
from wizard.core.documents.tender import tender_document
from wizard.core.examples import load_example
from wizard.core.i18n.formats import town_name
from wizard.core.i18n.languages import (
    tender_languages,
    translation_languages,
    typed_language,
    untranslated_languages,
)
from wizard.core.model.defaults import new_project


@pytest.mark.parametrize(
    ("name", "typed"), [("emergency-perimeter", "fr"), ("office-suite", "en"), ("training", "fr")]
)
def test_typed_language_of_the_examples(name, typed):
    project = load_example(name)
    assert typed_language(project) == typed == project.info.text_language
    project.translations = []  # the texts in one language only
    assert untranslated_languages(project, ["fr", "en"]) == [{"fr": "en", "en": "fr"}[typed]]
    assert untranslated_languages(project, [typed]) == []


def test_typed_language_follows_the_texts_not_the_setting():
    project = load_example("emergency-perimeter")  # French texts
    project.info.tender_languages = "en"
    project.translations = []
    assert typed_language(project) == "fr"
    assert untranslated_languages(project, ["en"]) == ["en"]


def test_nothing_typed_nothing_untranslated():
    project = new_project("fr")
    assert untranslated_languages(project, ["fr", "en"]) == []
    assert typed_language(project) == "fr"


def _texts(document) -> list[str]:
    return [document.header] + [
        f"{b.label} {b.text}" if getattr(b, "label", "") else getattr(b, "text", "") for b in document.blocks
    ]


FR_ONLY_WITH_TRANSLATION = {
    "fr": "Le présent appel d’offres est publié en une seule langue; seule la version française fait foi. "
    "La Ville fournit la traduction anglaise à titre indicatif seulement\u00a0: elle ne lie pas la Ville et, "
    "en cas de divergence, la version française prévaut.",
    "en": "This call for tenders is published in one language only; the French version alone is binding. "
    "The Town provides the English translation for information only: it does not bind the Town and, in case "
    "of discrepancy, the French version prevails.",
}


def test_a_french_tender_exported_in_both_languages_has_an_english_translation_for_information():
    """Issue 15 point 9: exporting never changes what is published. The French version
    stays the only published one; the English copy says, on its cover, in its header and
    in its language clause, that it is a translation and that the French version alone
    binds; both versions state the same."""
    project = load_example("emergency-perimeter")
    assert tender_languages(project) == ["fr"] and translation_languages(project, ["fr", "en"]) == ["en"]
    fr = tender_document(project, "fr", ["fr", "en"])
    en = tender_document(project, "en", ["fr", "en"])
    assert fr.header == "Appel d’offres SA-TI-2027-004"
    assert en.header == "Call for tenders SA-TI-2027-004 (translation for information only)"
    assert "Translation for information only: The French version alone is binding." in _texts(en)[:6]
    assert not any("titre indicatif seulement\u00a0:" in t for t in _texts(fr)[:6])  # not on the cover
    assert FR_ONLY_WITH_TRANSLATION["fr"] in _texts(fr)
    assert FR_ONLY_WITH_TRANSLATION["en"] in _texts(en)
    for text in _texts(fr) + _texts(en):
        assert (
            "publié en français et en anglais" not in text
            and "published in French and in English" not in text
        )
    alone = _texts(tender_document(project, "fr"))
    assert (
        "Le présent appel d’offres est publié en une seule langue; seule la version française fait foi. "
        "Toute traduction n’est fournie qu’à titre indicatif." in alone
    )
    assert not any("traduction anglaise" in t for t in alone)


def test_an_english_tender_exported_in_french_is_a_french_translation_for_information():
    project = load_example("office-suite")
    assert tender_languages(project) == ["en"]
    fr = _texts(tender_document(project, "fr", ["fr", "en"]))
    en = _texts(tender_document(project, "en", ["fr", "en"]))
    assert fr[0] == "Appel d’offres CH-IT-2027-01 (traduction fournie à titre indicatif seulement)"
    assert "Traduction fournie à titre indicatif seulement\u00a0: Seule la version anglaise fait foi." in fr
    assert (
        "Le présent appel d’offres est publié en une seule langue; seule la version anglaise fait foi. La Ville "
        "fournit la traduction française à titre indicatif seulement\u00a0: elle ne lie pas la Ville et, en cas de "
        "divergence, la version anglaise prévaut." in fr
    )
    assert (
        "This call for tenders is published in one language only; the English version alone is binding. The "
        "Town provides the French translation for information only: it does not bind the Town and, in case of "
        "discrepancy, the English version prevails." in en
    )
    assert not any(t.startswith("Translation for information only") for t in en)


def test_a_bilingual_tender_has_no_translation():
    project = load_example("emergency-perimeter")
    project.info.tender_languages = "both"
    assert translation_languages(project, ["fr", "en"]) == []
    for lang, sentence in (
        (
            "fr",
            "Le présent appel d’offres est publié en français et en anglais. En cas de divergence entre les "
            "deux versions, la version française fait foi.",
        ),
        (
            "en",
            "This call for tenders is published in French and in English. In case of discrepancy between the "
            "two versions, the French version prevails.",
        ),
    ):
        texts = _texts(tender_document(project, lang, ["fr", "en"]))
        assert sentence in texts
        assert not any("translation for information" in t.lower() or "titre indicatif" in t for t in texts)


def test_a_translation_numbers_criteria_as_the_binding_version():
    project = load_example("emergency-perimeter")
    tables = [b for b in tender_document(project, "en", ["fr", "en"]).blocks if isinstance(b, Table)]
    numbers = {row[0] for table in tables for row in table.rows}
    assert {"OBL-1", "OPT-8"} <= numbers and "M-1" not in numbers


def test_the_command_line_exports_a_translation_for_information(tmp_path):
    """``main.py export F --out D --lang both`` on a French-only project."""
    from test_cli import run_main
    from test_document_texts import docx_text

    from wizard.core.project_file.store import ProjectFile

    ProjectFile.create(tmp_path / "fr.tender", load_example("emergency-perimeter")).close()
    done = run_main("export", str(tmp_path / "fr.tender"), "--out", str(tmp_path / "out"), "--lang", "both")
    assert done.returncode == 0, done.stderr
    fr = docx_text(tmp_path / "out" / "tender-fr.docx")
    en = docx_text(tmp_path / "out" / "tender-en.docx")
    assert FR_ONLY_WITH_TRANSLATION["fr"] in fr and FR_ONLY_WITH_TRANSLATION["en"] in en
    assert "Translation for information only: The French version alone is binding." in en
    assert "(translation for information only)" in en.split("=== word/header")[1]
    assert "titre indicatif seulement\u00a0: Seule" not in fr


@pytest.mark.parametrize(
    ("organization", "fr", "en"),
    [
        ("Ville de Saint-Aurèle", "la Ville de Saint-Aurèle", "Ville de Saint-Aurèle"),
        ("Saint-Aurèle", "la Ville de Saint-Aurèle", "the Town of Saint-Aurèle"),
        ("Municipalité de Sainte-Anne", "la Municipalité de Sainte-Anne", "Municipalité de Sainte-Anne"),
        ("Town of Cobequid Harbour", "Town of Cobequid Harbour", "the Town of Cobequid Harbour"),
        ("Amqui", "la Ville d’Amqui", "the Town of Amqui"),
        ("La Ville de Québec", "la Ville de Québec", "La Ville de Québec"),
        ("MRC de Memphrémagog", "MRC de Memphrémagog", "MRC de Memphrémagog"),
        (
            "Halifax Regional Municipality",
            "Halifax Regional Municipality",
            "the Halifax Regional Municipality",
        ),
    ],
)
def test_town_name_in_the_definitions(organization, fr, en):
    assert town_name(organization, "fr") == fr
    assert town_name(organization, "en") == en


def test_town_definition_has_its_article():
    project = load_example("emergency-perimeter")
    texts = [getattr(b, "text", "") for b in tender_document(project, "fr").blocks]
    assert any("«\u00a0Ville\u00a0» désigne la Ville de Saint-Aurèle;" in t for t in texts)


def test_columns_hold_their_longest_word():
    header = [["Code", "Constat"]]
    rows = [["M-UNDERPERFORMING", "Module de localisation " * 20]]
    widths = column_widths(header, rows, 16.0, 9.5)
    assert sum(widths) <= 16.0
    assert widths[0] >= text_width("M-UNDERPERFORMING", 9.5) and widths[1] > widths[0]
    assert min_widths(["Propriétaire"], 9.5) > text_width("Propriétaire", 9.5)  # padding included
    short = column_widths([["A", "B"]], [["x", "y"]], 16.0)
    assert (
        sum(short) == pytest.approx(16.0, abs=0.02) and abs(short[0] - short[1]) < 0.1
    )  # short content: even


def test_scenario_steps_each_on_its_own_numbered_line():
    project = load_example("emergency-perimeter")
    project.scenarios[
        0
    ].steps = "1) Le commandant ouvre l’intervention.\n- Seize terminaux se déplacent.\nTrois terminaux perdent le réseau."
    blocks = tender_document(project, "fr").blocks
    texts = [(getattr(b, "label", ""), getattr(b, "text", "")) for b in blocks]
    start = texts.index(("Étapes\u00a0:", ""))
    # the typed numbers and bullets go; Word numbers the list (tests/core/test_word_conventions.py)
    assert [t for _l, t in texts[start + 1 : start + 4]] == [
        "Le commandant ouvre l’intervention.",
        "Seize terminaux se déplacent.",
        "Trois terminaux perdent le réseau.",
    ]
    assert [getattr(b, "number", 0) for b in blocks[start + 1 : start + 5]] == [1, 2, 3, 0]


# -- the one reading of the tender languages (issue #13) -------------------------------


@pytest.mark.parametrize(
    ("setting", "binding", "languages", "bound"),
    [
        ("fr", "fr", ["fr"], "fr"),
        ("en", "en", ["en"], "en"),
        ("both", "fr", ["fr", "en"], "fr"),
        ("both", "en", ["fr", "en"], "en"),
        # a one-language tender is binding in its own language (PR-BINDING-LANGUAGE)
        ("fr", "en", ["fr"], "fr"),
        ("en", "junk", ["en"], "en"),
        # values outside the sets, kept from a received file (PR-LANGUAGES)
        ("both", "junk", ["fr", "en"], "fr"),
        ("klingon", "en", ["en"], "en"),
        ("klingon", "junk", ["fr"], "fr"),
        (" FR", "", ["fr"], "fr"),
        ("EN", "EN", ["fr"], "fr"),
    ],
)
def test_one_rule_for_the_tender_languages(setting, binding, languages, bound):
    from wizard.core.clauses.render import clause_context
    from wizard.core.domain.drafting import criteria_language
    from wizard.core.export import tender_languages as export_languages
    from wizard.core.i18n.languages import binding_language, is_bilingual, tender_languages
    from wizard.core.opendata.common import export_language

    project = new_project("fr")
    project.info.tender_languages, project.info.binding_language = setting, binding
    assert tender_languages(project) == languages
    assert binding_language(project) == bound
    assert is_bilingual(project) == (len(languages) == 2)
    # every reader follows it
    assert export_languages(project) == languages
    assert criteria_language(project) == "fr"  # the text language, whatever the binding one
    assert bound == export_language(project)
    context = clause_context(project, "en", [])
    assert context["bilingual"] == (len(languages) == 2)
    assert context["binding_version"] == {"fr": "the French version", "en": "the English version"}[bound]


def test_only_the_language_module_reads_the_language_settings():
    """Every other module reads ``info.tender_languages`` and ``info.binding_language``
    through ``i18n.languages`` (the checks of the stored values and the UI fields that
    edit them excepted), so a bad value has one fallback everywhere."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "wizard"
    allowed = {
        "core/i18n/languages.py",  # the one reading
        "core/checks/project.py",  # PR-LANGUAGES, PR-BINDING-LANGUAGE check the stored values
        "core/model/defaults.py",  # a new project sets them
        "core/model/sections.py",  # the fields
        "ui/pages/project.py",  # the fields that edit them
        "ui/project_actions.py",  # the label of a bundled example's stored setting
        "core/project_file/migrations.py",  # migration 3 derives the text language from the stored values
        "core/checks/stored.py",  # names the two fields only to leave them to PR-LANGUAGES
    }
    readers = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if path.relative_to(root).as_posix() not in allowed
        and (
            "info.tender_languages" in (text := path.read_text(encoding="utf-8"))
            or "info.binding_language" in text
        )
    )
    assert readers == []
