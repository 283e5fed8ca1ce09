"""The statement of work step: reached with the real Next button, its editors save to
the model, its term summary follows the values, and it fits 1366×768 in both
interface languages (docs/ui-pages.md)."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QWizard

from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import STEPS, Step
from wizard.ui.pages.statement_of_work import StatementOfWorkPage

SHOTS = os.environ.get("OPW_SCREENSHOTS", "")
"""A folder to keep the page's screenshots in (to look at them); a temporary one if unset."""


def _next(window) -> None:
    window.wizard.button(QWizard.WizardButton.NextButton).click()


def test_next_from_the_tco_reaches_the_page_and_an_edit_is_saved(open_window, qtbot):
    window = open_window
    window.wizard.go_to(Step.TCO)
    assert window.wizard.currentPage().STEP == Step.TCO
    _next(window)
    page = window.wizard.currentPage()
    assert isinstance(page, StatementOfWorkPage) and page.STEP == Step.STATEMENT_OF_WORK
    assert not STEPS[Step.STATEMENT_OF_WORK].done(window.ctx.project)
    page.binder.widgets["statement_of_work.object"].setPlainText("A hosted training management system")
    page.binder.widgets["statement_of_work.users"].setValue(120)
    page.binder.widgets["statement_of_work.key_personnel"].click()  # a check box saves at once
    assert window.ctx.project.statement_of_work.key_personnel is True
    window.ctx.flush()
    work = window.ctx.project.statement_of_work
    assert (work.object, work.users) == ("A hosted training management system", 120)
    assert STEPS[Step.STATEMENT_OF_WORK].done(window.ctx.project)
    _next(window)
    assert window.wizard.currentPage().STEP == Step.CLAUSES
    path = window.ctx.pf.path
    window.close_project()
    reopened = ProjectFile.open(path)  # in the file, not only in memory
    try:
        work = reopened.project.statement_of_work
        assert (work.object, work.users, work.key_personnel) == (
            "A hosted training management system",
            120,
            True,
        )
    finally:
        reopened.close()


def test_term_summary_follows_the_renewals(open_window, qtbot):
    window = open_window
    window.wizard.go_to(Step.STATEMENT_OF_WORK)
    page = window.wizard.currentPage()
    assert "At most 5 years with every renewal" in page.term_summary.text()  # 3 + 2 × 1
    page.binder.widgets["statement_of_work.renewals"].setValue(4)
    window.ctx.flush()
    assert window.ctx.project.statement_of_work.renewals == 4
    assert "At most 7 years with every renewal" in page.term_summary.text()
    assert "covers 5 years" in page.term_summary.text()
    assert "from the contract start (not set on the Project page)" in page.term_summary.text()


def test_every_default_note_quotes_the_defaults(open_window):
    window = open_window
    window.wizard.go_to(Step.STATEMENT_OF_WORK)
    page = window.wizard.currentPage()
    notes = [label.text() for label in page.findChildren(QLabel) if label.text().startswith("Defaults")]
    assert len(notes) == 6
    joined = " ".join(notes).replace("\u00a0", " ")
    for expected in ("99.5% availability", "$2 000 000", "2 times the contract value", "logs kept 365 days"):
        assert expected in joined, expected
    window.set_language("fr")
    notes = [
        label.text() for label in page.findChildren(QLabel) if label.text().startswith("Valeurs par défaut")
    ]
    assert len(notes) == 6 and "Heures ouvrables" in " ".join(notes)
    labels = [label for label in page.findChildren(QLabel) if label.buddy() is not None]
    assert len(labels) >= 40 and not any(label.wordWrap() for label in labels)  # none loses a line


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_page_fits_1366_by_768(window, tmp_path, qtbot, lang):
    """A bilingual example at 1366×768: no sideways scrolling, every check box's text
    whole, the object's translation beside it."""
    window.set_language(lang)
    project = load_example("training")
    project.info = replace(project.info, tender_languages="both")
    window.set_project(ProjectFile.create(tmp_path / "ex.tender", project))
    window.wizard.go_to(Step.STATEMENT_OF_WORK)
    page = window.wizard.currentPage()
    qtbot.wait(10)
    folder = Path(SHOTS) if SHOTS else tmp_path
    area: QScrollArea = page.scroll_area
    for i, fraction in enumerate((0, 0.5, 1)):
        bar = area.verticalScrollBar()
        bar.setValue(int(bar.maximum() * fraction))
        qtbot.wait(10)
        assert window.grab().save(str(folder / f"statement-of-work-{lang}-{i}.png"))
    assert not area.horizontalScrollBar().isVisible()
    assert page.binder.bilingual["statement_of_work.object"].other.isVisible()
    for button in page.findChildren(QAbstractButton):
        if button.text() and button.isVisible():
            assert (
                button.width() >= button.sizeHint().width()
                or button.geometry().right() <= area.viewport().width()
            )


def test_term_summary_reads_an_absurd_term_within_its_bounds(window, tmp_path):
    """A term received out of its bounds (docs/cases.md K26) is summarised as the core
    counts it (``checks.statement_of_work.term_years``: 15 years at most, then the
    renewals), never as the raw number typed in another app."""
    from wizard.core.model.defaults import new_project

    project = new_project("en")
    project.statement_of_work = replace(project.statement_of_work, term_years=999)
    window.set_project(ProjectFile.create(tmp_path / "absurd.tender", project))
    window.wizard.go_to(Step.STATEMENT_OF_WORK)
    text = window.wizard.currentPage().term_summary.text()
    assert "At most 17 years with every renewal" in text  # 15 + 2 × 1
    assert "1001" not in text
