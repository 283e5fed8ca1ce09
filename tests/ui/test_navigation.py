"""Jumping between steps from the step list never crashes (QWizard history, see
``TenderWizard.go_to``) and Back keeps walking the visited pages."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from wizard.core.steps import Step

# Backward jumps to pages never visited: with a plain setCurrentId() the third one
# emptied QWizard's history and the next jump crashed the process (Qt 6.11/6.12).
JUMPS = [Step.TCO, Step.MARKET, Step.REVIEW, Step.SCOPE, Step.CLAUSES, Step.PROBLEM] * 3


def test_jumps_between_steps_keep_a_sane_history(open_window):
    wizard = open_window.wizard
    for step in JUMPS:
        wizard.go_to(step)
        assert wizard.currentId() == int(step)
        visited = wizard.visitedIds()
        assert visited[0] == int(Step.PROJECT)
        assert visited == sorted(visited) and visited[-1] == int(step)


def test_back_after_a_jump_goes_to_a_visited_step(open_window):
    wizard = open_window.wizard
    wizard.go_to(Step.REVIEW)
    wizard.go_to(Step.MARKET)
    wizard.button(QWizard.WizardButton.BackButton).click()
    assert wizard.currentId() == int(Step.PROJECT)
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == int(Step.PROBLEM)


def test_one_page_class_per_step_in_wizard_order():
    from wizard.core.steps import Step
    from wizard.ui.pages import PAGES

    assert list(PAGES) == list(Step)
    assert [page.STEP for page in PAGES.values()] == list(Step)
