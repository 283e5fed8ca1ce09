"""Languages of the documents, the town's name in the definitions and content-based
table widths."""

from __future__ import annotations

import pytest

from wizard.core.documents.table_layout import column_widths, min_widths, text_width
from wizard.core.documents.tender import tender_document
from wizard.core.examples import load_example
from wizard.core.i18n.formats import town_name
from wizard.core.i18n.languages import published_project, typed_language, untranslated_languages
from wizard.core.model.defaults import new_project


@pytest.mark.parametrize(
    ("name", "typed"), [("emergency-perimeter", "fr"), ("office-suite", "en"), ("training", "fr")]
)
def test_typed_language_of_the_examples(name, typed):
    project = load_example(name)
    assert typed_language(project) == typed
    assert untranslated_languages(project, ["fr", "en"]) == [{"fr": "en", "en": "fr"}[typed]]
    assert untranslated_languages(project, [typed]) == []


def test_typed_language_follows_the_texts_not_the_setting():
    project = load_example("emergency-perimeter")  # French texts
    project.info.tender_languages = "en"
    assert typed_language(project) == "fr"
    assert untranslated_languages(project, ["en"]) == ["en"]


def test_nothing_typed_nothing_untranslated():
    project = new_project("fr")
    assert untranslated_languages(project, ["fr", "en"]) == []
    assert typed_language(project) == "fr"


def test_both_exported_makes_a_bilingual_tender_binding_in_the_projects_language():
    project = load_example("emergency-perimeter")
    assert project.info.tender_languages == "fr"
    both = published_project(project, ["fr", "en"])
    assert (both.info.tender_languages, both.info.binding_language) == ("both", "fr")
    assert published_project(project, ["fr"]) is project
    texts = [getattr(b, "text", "") for b in tender_document(project, "en", ["fr", "en"]).blocks]
    assert not any("one language only" in t for t in texts)
    alone = [getattr(b, "text", "") for b in tender_document(project, "fr").blocks]
    assert sum("publié en une seule langue" in t for t in alone) == 1


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
    assert [t for _l, t in texts[start + 1 : start + 4]] == [
        "1. Le commandant ouvre l’intervention.",
        "2. Seize terminaux se déplacent.",
        "3. Trois terminaux perdent le réseau.",
    ]


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
    assert criteria_language(project) == bound == export_language(project)
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
