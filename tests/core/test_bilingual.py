"""Both languages of every user text (issue 16, docs/bilingual.md): the model, the
operations, the store, and the project as one language reads it."""

from __future__ import annotations

import pytest

from wizard.core import ops
from wizard.core.model import CostLine, Criterion, Project, TcoOption, Translation, translatable
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile

NEED_FR = "Les pompiers doivent voir la position de chaque véhicule pendant une intervention."
NEED_EN = "Firefighters must see where each vehicle is during a call."


def _project() -> Project:
    project = Project()
    project.info.text_language = "fr"
    project.info.organization = "Ville de Saint-Aurèle"
    project.problem.statement = NEED_FR
    project.criteria = [
        Criterion(id=1, text="La solution affiche les véhicules sur une carte."),
        Criterion(id=2, text="La solution conserve l'historique des positions."),
    ]
    project.tco_options = [TcoOption(id=1, name="Sur place")]
    project.cost_lines = [CostLine(id=1, option_id=1, label="Licences annuelles", payer="Ville")]
    project.translations = [
        Translation(1, "problem.statement", "en", NEED_EN),
        Translation(2, "criteria:1.text", "en", "The solution shows the vehicles on a map."),
        Translation(3, "cost_lines:1.label", "en", "Yearly licences"),
        Translation(4, "tco_options:1.name", "en", "On premises"),
    ]
    return project


def test_translatable_addresses():
    assert translatable.is_translatable("problem.statement")
    assert translatable.is_translatable("criteria:3.text")
    assert translatable.is_translatable("scenarios:2.steps")
    assert not translatable.is_translatable("info.organization")  # the town's name: one text
    assert not translatable.is_translatable("solutions:1.name")  # a product's name
    assert not translatable.is_translatable("criteria.text")  # a row attribute needs its row
    assert not translatable.is_translatable("problem:1.statement")


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("", False),
        ("   ", False),
        ("https://achats.example.ca/appel-2027", False),
        ("2027-03-01, 14:00", False),
        ("info@ville.example.ca", False),
        ("Hôtel de ville, 12 rue Principale", True),
        ("Voir https://achats.example.ca", True),
    ],
)
def test_which_texts_need_a_translation(text, needs):
    assert translatable.needs_translation(text) is needs


def test_text_in_and_missing():
    project = _project()
    assert translatable.text_in(project, "problem.statement", "fr") == NEED_FR
    assert translatable.text_in(project, "problem.statement", "en") == NEED_EN
    assert translatable.text_in(project, "criteria:2.text", "en") == ""
    assert translatable.missing(project, "en") == ["criteria:2.text", "cost_lines:1.payer"]
    assert translatable.missing(project, "fr") == []


def test_localized_reads_each_field_in_one_language_and_marks_the_missing():
    project = _project()
    english = translatable.localized(project, "en")
    assert english.problem.statement == NEED_EN
    assert english.criteria[0].text == "The solution shows the vehicles on a map."
    assert english.criteria[1].text == translatable.MARKER
    assert english.cost_lines[0].payer == translatable.MARKER
    assert english.info.organization == "Ville de Saint-Aurèle"  # a proper name: one text
    assert english.info.text_language == "en"
    assert translatable.text_in(english, "problem.statement", "fr") == NEED_FR
    assert project.problem.statement == NEED_FR  # the project itself is unchanged
    assert translatable.localized(project, "fr") is project


def test_new_project_names_its_units_in_both_languages():
    for lang, other in (("fr", "en"), ("en", "fr")):
        project = new_project(lang)
        assert project.info.text_language == lang
        assert translatable.missing(project, other) == []
        names = {lang: project.business_units[1].name}
        names[other] = translatable.text_in(project, "business_units:2.name", other)
        assert names == {"fr": "Service de sécurité incendie", "en": "Fire"}


def test_set_translation_writes_the_field_or_its_translation(tmp_path):
    with ProjectFile.create(tmp_path / "t.tender", _project()) as pf:
        ops.set_translation(
            pf, address="criteria:2.text", lang="en", text="The solution keeps past positions."
        )
        ops.set_translation(pf, address="problem.statement", lang="fr", text=NEED_FR + " Sans délai.")
        ops.set_translation(pf, address="cost_lines:1.label", lang="en", text="")  # blank: removed
        with pytest.raises(ValueError):
            ops.set_translation(pf, address="info.organization", lang="en", text="Town of Saint-Aurèle")
        with pytest.raises(ValueError):
            ops.set_translation(pf, address="criteria:9.text", lang="en", text="Nothing")
        with pytest.raises(ValueError):
            ops.set_translation(pf, address="criteria:1.text", lang="de", text="Nichts")
        history = [h["field"] for h in pf.history()]
    with ProjectFile.open(tmp_path / "t.tender", read_only=True) as pf:
        project = pf.project
        assert translatable.text_in(project, "criteria:2.text", "en") == "The solution keeps past positions."
        assert project.problem.statement == NEED_FR + " Sans délai."
        assert translatable.translation(project, "cost_lines:1.label", "en") is None
    assert "translations:5" in history and "problem.statement" in history and "translations:3" in history


def test_deleting_a_row_deletes_its_translations_in_one_journalled_transaction(tmp_path):
    with ProjectFile.create(tmp_path / "t.tender", _project()) as pf:
        ops.delete(pf, pf.project.tco_options[0])  # its cost line and both their translations go
        assert [t.address for t in pf.project.translations] == ["problem.statement", "criteria:1.text"]
        gone = [h["field"] for h in pf.history(10)]
    assert set(gone[:4]) == {"cost_lines:1", "tco_options:1", "translations:3", "translations:4"}
    with ProjectFile.open(tmp_path / "t.tender", read_only=True) as pf:
        assert [t.id for t in pf.project.translations] == [1, 2]


def test_switch_text_language_swaps_fields_and_translations_and_back(tmp_path):
    with ProjectFile.create(tmp_path / "t.tender", _project()) as pf:
        ops.switch_text_language(pf, lang="en")
        project = pf.project
        assert project.info.text_language == "en"
        assert project.problem.statement == NEED_EN
        assert project.criteria[1].text == ""  # no English yet: the French is kept as its translation
        assert translatable.text_in(project, "criteria:2.text", "fr").startswith("La solution conserve")
        # the French texts with no English original are now missing in English
        assert "criteria:2.text" in translatable.missing(project, "en")
        assert translatable.missing(project, "fr") == []
    with ProjectFile.open(tmp_path / "t.tender") as pf:
        assert pf.project.problem.statement == NEED_EN
        ops.switch_text_language(pf, lang="fr")
        back = pf.project
    original = _project()
    assert back.problem.statement == NEED_FR and back.criteria == original.criteria
    assert back.cost_lines == original.cost_lines
    assert sorted((t.address, t.text) for t in back.translations) == sorted(
        (t.address, t.text) for t in original.translations
    )


def test_a_version_without_its_original_is_missing_in_the_text_language():
    """A French version of a text left blank in English (the text language): the English
    tender would leave out what the French one says. The text is missing in English:
    the check names it (fresh user, issue 16)."""
    from wizard.core.checks import run_checks
    from wizard.core.examples import load_example
    from wizard.core.model import Translation, translatable

    project = load_example("office-suite")  # typed in English
    project.info.tender_languages = "both"
    project.problem.context = ""
    project.translations = [t for t in project.translations if t.address != "problem.context"]
    project.translations.append(Translation(999, "problem.context", "fr", "Contexte sans original anglais."))
    assert translatable.missing(project, "en") == ["problem.context"]
    found = [f for f in run_checks(project) if f.code == "PR-TRANSLATION"]
    assert [f.field for f in found] == ["problem.context"]
