"""Live findings beside each page: they follow edits, point at fields, can be justified."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from wizard.core import ops
from wizard.core.steps import Step
from wizard.ui import dialogs
from wizard.ui.widgets.findings_panel import FINDING_ROLE
from wizard.ui.widgets.step_list import STATE_ROLE, step_state


def _codes(panel):
    items = [panel.list.item(i) for i in range(panel.list.count())]
    return [item.data(FINDING_ROLE).code for item in items if item.data(FINDING_ROLE) is not None]


def test_problem_findings_follow_the_statement_and_focus_it(open_window):
    wizard = open_window.wizard
    wizard.button(QWizard.WizardButton.NextButton).click()
    page = wizard.currentPage()
    statement = page.binder.widgets["problem.statement"]
    statement.setPlainText("Buy product X without a tender")
    open_window.ctx.flush()
    assert {"P-BYPASS", "P-SOLUTION"} <= set(_codes(page.findings))
    row = _codes(page.findings).index("P-BYPASS")
    item = page.findings.list.item(row)
    page.findings.list.setCurrentItem(item)
    page.findings.list.itemClicked.emit(item)
    assert open_window.focusWidget() is statement
    assert page.findings.principle.text() != "" or item.data(FINDING_ROLE).principle == ""
    statement.setPlainText("We must be able to set an emergency perimeter.")
    open_window.ctx.flush()
    assert "P-BYPASS" not in _codes(page.findings)


def test_mark_justified_keeps_the_reason(open_window, monkeypatch):
    wizard = open_window.wizard
    wizard.go_to(Step.PROBLEM)
    page = wizard.currentPage()
    page.binder.widgets["problem.statement"].setPlainText("Buy product X")
    open_window.ctx.flush()
    row = _codes(page.findings).index("P-SOLUTION")
    page.findings.list.setCurrentRow(row)
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "Compatibility with installed radios")
    page.findings.justify_button.click()
    [justification] = open_window.ctx.project.justifications
    assert (justification.code, justification.field) == ("P-SOLUTION", "problem.statement")
    assert justification.reason == "Compatibility with installed radios"
    # listed apart, after the open findings, and no longer counted
    last = page.findings.list.item(page.findings.list.count() - 1)
    assert last.data(FINDING_ROLE).code == "P-SOLUTION" and last.text().endswith("(justified)")
    state = step_state(open_window.ctx.project, open_window.ctx.findings(), Step.PROBLEM)
    assert state.justified == 1
    assert f"({state.open})" in open_window.steps.item(int(Step.PROBLEM)).text()
    counted = [f for f in open_window.ctx.findings() if f.step == Step.PROBLEM]
    assert state.open == len(counted) - 1


def test_step_list_shows_counts_and_jumps(open_window):
    steps = open_window.steps
    assert steps.count() == len(Step)
    item = steps.item(int(Step.CRITERIA))
    assert "Criteria" in item.text()
    steps.itemClicked.emit(item)
    assert open_window.wizard.currentId() == Step.CRITERIA
    assert steps.currentRow() == int(Step.CRITERIA)


def _kinds(window):
    return [window.steps.item(i).data(STATE_ROLE) for i in range(window.steps.count())]


def test_step_mark_means_complete_and_clean(open_window, monkeypatch):
    """A check mark only for a complete step without open error or warning (item 11)."""
    project = open_window.ctx.project
    steps = open_window.steps
    assert all(not steps.item(i).icon().isNull() for i in range(steps.count()))
    assert _kinds(open_window)[Step.PROJECT] == "warning"  # empty organization, title …
    assert _kinds(open_window)[Step.CLAUSES] == "todo"  # issue 24: no choice of the user yet
    assert _kinds(open_window)[Step.SCENARIOS] == "todo"  # no scenario yet, nothing open
    assert _kinds(open_window)[Step.CRITERIA] == "error"  # no criterion: a key document is missing
    wizard = open_window.wizard
    wizard.go_to(Step.PROBLEM)
    page = wizard.currentPage()
    page.binder.widgets["problem.request_as_received"].setPlainText("IT asks for a tool.")
    page.binder.widgets["problem.statement"].setPlainText("Buy Microsoft 365")
    open_window.ctx.flush()
    assert _kinds(open_window)[Step.PROBLEM] == "error"  # complete, but P-SOLUTION is open
    errors = [f for f in open_window.ctx.findings() if f.step == Step.PROBLEM and f.severity.value == "error"]
    for f in errors:
        open_window.ctx.do(ops.justify_finding, code=f.code, field=f.field, reason="Radios already installed")
    state = step_state(project, open_window.ctx.findings(), Step.PROBLEM)
    assert state.errors == 0 and state.justified == len(errors)
    assert _kinds(open_window)[Step.PROBLEM] == state.kind != "error"
    assert "Marked justified: " in steps.item(int(Step.PROBLEM)).toolTip()


def test_french_step_list_is_wide_enough(open_window, qtbot):
    """Item 10: "10. Relations avec les fournisseurs (2)" fits, no horizontal scroll bar."""
    open_window.actions_by_name["lang_fr"].trigger()
    steps = open_window.steps
    qtbot.wait(10)
    metrics = steps.fontMetrics()
    for i in range(steps.count()):
        text = re.sub(r" \(\d+\)$", "", steps.item(i).text()) + " (99)"  # its own count replaced
        assert metrics.horizontalAdvance(text) + steps.iconSize().width() < steps.viewport().width(), text
    assert "Relations avec les fournisseurs" in steps.item(int(Step.VENDORS)).text()
    assert steps.horizontalScrollBar().isHidden() or not steps.horizontalScrollBar().isVisible()


def test_scenario_details_and_links_are_saved(open_window):
    wizard = open_window.wizard
    wizard.go_to(Step.CRITERIA)
    criterion = wizard.currentPage().tables["criteria"].add_row()
    wizard.go_to(Step.SCENARIOS)
    page = wizard.currentPage()
    scenario = page.tables["scenarios"].add_row()
    page.tables["scenarios"].set_value(scenario.id, "title", "Set a perimeter")
    page.details["steps"].setPlainText("1. Draw a zone")
    page.links.set_checked(criterion.id, True)
    open_window.ctx.flush()
    saved = open_window.ctx.project.find("scenarios", scenario.id)
    assert (saved.title, saved.steps, saved.criterion_ids) == (
        "Set a perimeter",
        "1. Draw a zone",
        [criterion.id],
    )


def test_optional_clause_toggle_is_saved(open_window):
    wizard = open_window.wizard
    wizard.go_to(Step.CLAUSES)
    page = wizard.currentPage()
    items = page.clause_items()  # the clause tree, grouped by family
    assert items
    checkable = [i for i in items.values() if i.flags() & Qt.ItemFlag.ItemIsUserCheckable]
    assert checkable, "some clause can be toggled"
    item = checkable[0]
    clause_id = item.data(0, Qt.ItemDataRole.UserRole)
    was = item.checkState(0) == Qt.CheckState.Checked
    item.setCheckState(0, Qt.CheckState.Unchecked if was else Qt.CheckState.Checked)
    [choice] = [c for c in open_window.ctx.project.clause_choices if c.clause_id == clause_id]
    assert choice.included is (not was)
