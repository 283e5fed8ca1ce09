"""The bilingual editors (issue 16, point 2; docs/ui-pages.md "Bilingual texts"):
clicking the real widgets of a French project published in French and English."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from wizard.core.model import Criterion
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.widgets.step_list import UNTRANSLATED_ROLE, untranslated_by_step


def _project(both: bool = True):
    project = new_project("fr")
    project.info = replace(project.info, tender_languages="both" if both else "fr", binding_language="fr")
    project.problem = replace(project.problem, statement="La Ville doit gérer ses permis en ligne.")
    project.criteria = [Criterion(1, "La solution exporte les permis en CSV.", kind="mandatory")]
    return project


def _open(window, tmp_path, both: bool = True):
    path = tmp_path / "bilingue.tender"
    window.set_project(ProjectFile.create(path, _project(both)))
    return path


def _file_translations(path):
    """(address, lang, text) of the translation rows stored in the file itself (but the
    default business units', which a new project holds in both languages)."""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT address, lang, text FROM translations").fetchall()
    return sorted(row for row in rows if not row[0].startswith("business_units:"))


def _page(window, step: Step):
    window.wizard.go_to(step)
    page = window.wizard.currentPage()
    assert step == page.STEP
    return page


def _step_item(window, step: Step):
    return window.steps.item(int(step))


def test_english_editor_writes_a_translation_row(window, tmp_path, qtbot):
    path = _open(window, tmp_path)
    page = _page(window, Step.PROBLEM)
    field = page.binder.bilingual["problem.statement"]
    assert field.other.isVisible() and field.primary_head.text() == "French version"
    assert field.other_head.text() == "English version"
    assert field.missing.isVisible()  # the French text says something, no English yet
    # the step list counts the problem's texts still to translate
    before = len(untranslated_by_step(window.ctx.project)[Step.PROBLEM])
    assert "1 text to translate" in _step_item(window, Step.PROBLEM).text()
    assert before == 1
    field.other.setFocus()
    qtbot.keyClicks(field.other, "The Town must manage its permits online.")
    qtbot.waitUntil(lambda: _file_translations(path) != [], timeout=3000)
    assert _file_translations(path) == [
        ("problem.statement", "en", "The Town must manage its permits online.")
    ]
    assert window.ctx.project.problem.statement == "La Ville doit gérer ses permis en ligne."
    assert not field.missing.isVisible()
    assert Step.PROBLEM not in untranslated_by_step(window.ctx.project)
    assert "to translate" not in _step_item(window, Step.PROBLEM).text()
    # blanking the English deletes the row again
    field.other.selectAll()
    qtbot.keyClick(field.other, Qt.Key.Key_Delete)
    window.ctx.flush()
    assert _file_translations(path) == []
    assert field.missing.isVisible()


def test_copy_from_french_starts_the_translation(window, tmp_path, qtbot):
    path = _open(window, tmp_path)
    page = _page(window, Step.PROBLEM)
    field = page.binder.bilingual["problem.statement"]
    qtbot.mouseClick(field.copy_button, Qt.MouseButton.LeftButton)
    assert field.other.toPlainText() == "La Ville doit gérer ses permis en ligne."
    window.ctx.flush()
    assert _file_translations(path) == [
        ("problem.statement", "en", "La Ville doit gérer ses permis en ligne.")
    ]


def test_one_language_project_shows_no_second_editor(window, tmp_path, qtbot):
    _open(window, tmp_path, both=False)
    page = _page(window, Step.PROBLEM)
    field = page.binder.bilingual["problem.statement"]
    assert field.primary.isVisible()
    assert not field.other.isVisible() and not field.primary_head.isVisible()
    assert not field.copy_button.isVisible()
    criteria = _page(window, Step.CRITERIA)
    assert not criteria.tables["criteria"]._translation_box.isVisible()
    assert untranslated_by_step(window.ctx.project) == {}
    assert all("to translate" not in window.steps.item(i).text() for i in range(window.steps.count()))


def test_criterion_row_in_both_languages(window, tmp_path, qtbot):
    path = _open(window, tmp_path)
    page = _page(window, Step.CRITERIA)
    table = page.tables["criteria"]
    table.focus_row(1, None)
    field = table.translations["text"]
    assert table._translation_box.isVisible()
    assert field.primary.toPlainText() == "La solution exporte les permis en CSV."
    assert field.missing.isVisible()
    count = len(_step_item(window, Step.CRITERIA).data(UNTRANSLATED_ROLE))
    assert count == 1
    field.other.setFocus()
    qtbot.keyClicks(field.other, "The solution exports permits as CSV.")
    window.ctx.flush()
    assert _file_translations(path) == [("criteria:1.text", "en", "The solution exports permits as CSV.")]
    assert _step_item(window, Step.CRITERIA).data(UNTRANSLATED_ROLE) == []
    # the French typed below the table is the criterion itself, and its cell follows
    field.primary.setFocus()
    field.primary.selectAll()
    qtbot.keyClicks(field.primary, "La solution exporte les permis.")
    window.ctx.flush()
    assert window.ctx.project.criteria[0].text == "La solution exporte les permis."
    assert table.cell(0, 1).text() == "La solution exporte les permis."


def test_clicking_the_step_goes_to_the_first_text_to_translate(window, tmp_path, qtbot):
    _open(window, tmp_path)
    item = _step_item(window, Step.CRITERIA)
    window.steps.itemClicked.emit(item)
    page = window.wizard.currentPage()
    assert page.STEP == Step.CRITERIA
    assert window.focusWidget() is page.tables["criteria"].translations["text"].other


@pytest.mark.parametrize("kind", ["scenarios"])
def test_scenario_details_in_both_languages(window, tmp_path, qtbot, kind):
    from wizard.core.model import Scenario

    path = tmp_path / "s.tender"
    project = _project()
    project.scenarios = [Scenario(1, title="Demande de permis", steps="1. Déposer la demande.")]
    window.set_project(ProjectFile.create(path, project))
    page = _page(window, Step.SCENARIOS)
    field = page.detail_translations["steps"]
    assert field.other.isVisible() and field.missing.isVisible()
    qtbot.mouseClick(field.copy_button, Qt.MouseButton.LeftButton)
    field.other.selectAll()
    qtbot.keyClicks(field.other, "1. File the request.")
    window.ctx.flush()
    assert ("scenarios:1.steps", "en", "1. File the request.") in _file_translations(path)


def test_next_button_reaches_the_problem_page_bilingual(window, tmp_path, qtbot):
    _open(window, tmp_path)
    window.wizard.button(QWizard.WizardButton.NextButton).click()
    page = window.wizard.currentPage()
    assert page.binder.bilingual["problem.statement"].other.isVisible()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_screens_at_1366_by_768_are_not_cramped(window, tmp_path, qtbot, lang):
    """The problem and criteria pages of a bilingual example, grabbed at 1366×768 in
    each interface language: both languages get half the width and no heading of a
    translation (name, missing mark, copy button) is cut."""
    from wizard.core.examples import load_example

    window.set_language(lang)
    project = load_example("office-suite")
    project.info = replace(project.info, tender_languages="both")
    project.translations = [  # the example holds every version: one missing text per page
        t
        for t in project.translations
        if t.address != "problem.statement" and not t.address.startswith("criteria:")
    ]
    window.set_project(ProjectFile.create(tmp_path / "ex.tender", project))
    for step in (Step.PROBLEM, Step.CRITERIA):
        page = _page(window, step)
        if step == Step.CRITERIA:
            table = page.tables["criteria"]
            table.focus_row(table.row_ids()[0], None)
            fields = list(table.translations.values())
        else:
            fields = list(page.binder.bilingual.values())
        qtbot.wait(10)
        assert window.grab().save(str(tmp_path / f"{step.name.lower()}-{lang}.png"))
        assert any(field.missing.isVisible() for field in fields)
        for field in fields:
            assert field.other.isVisible()
            assert field.missing.isVisible() == field.is_missing()
            assert abs(field.other.width() - field.primary.width()) <= field.primary.width() // 10 + 8
            heads = field.heads
            assert field.copy_button.geometry().right() <= heads.width()
            assert field.copy_button.width() >= field.copy_button.sizeHint().width()
            if field.missing.isVisible():
                assert field.missing.geometry().right() < field.copy_button.geometry().left()
            assert field.other_head.width() >= field.other_head.sizeHint().width()
