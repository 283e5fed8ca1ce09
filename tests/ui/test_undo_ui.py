"""Edit ▸ Undo / Redo driven as a user would: the menu's actions and Ctrl+Z restore
the file's values; a text box keeps its own Ctrl+Z first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from wizard.core.model import Criterion, Feature, Solution, Support
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step


def scanned_project():
    """Three solutions all supporting F1, Alpha also F2; a criterion requires F1."""
    p = new_project("en")
    p.solutions = [Solution(id=i, name=n) for i, n in enumerate(["Alpha", "Beta", "Gamma"], 1)]
    p.features = [Feature(id=1, name="Online permits"), Feature(id=2, name="Map of permits")]
    p.support = [Support(id=i, solution_id=i, feature_id=1, level="yes") for i in (1, 2, 3)]
    p.support.append(Support(id=4, solution_id=1, feature_id=2, level="yes"))
    p.criteria = [Criterion(id=1, text="Citizens can apply for a permit online.", feature_ids=[1])]
    return p


def _menu_action(window, name):
    """The action as the Edit menu holds it (the real menu, not a copy)."""
    [edit] = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit"]
    [action] = [a for a in edit.actions() if a is window.actions_by_name[name]]
    edit.aboutToShow.emit()  # what opening the menu does: name the action
    return action


def _activate(window, qtbot):
    """Keyboard shortcuts reach only the active window."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _stored(window):
    with ProjectFile.open(window.ctx.pf.path, read_only=True) as pf:
        return pf.project


@pytest.fixture
def scan_window(window, tmp_path):
    window.set_project(ProjectFile.create(tmp_path / "scan.tender", scanned_project()))
    return window


def test_undo_and_redo_a_text_edit_from_the_edit_menu(open_window):
    wizard = open_window.wizard
    wizard.go_to(Step.PROBLEM)
    statement = wizard.currentPage().binder.widgets["problem.statement"]
    before = _stored(open_window).problem.statement
    undo = _menu_action(open_window, "undo")
    assert not undo.isEnabled()
    statement.setPlainText("Field crews cannot see the maps offline.")
    open_window.ctx.flush()
    undo = _menu_action(open_window, "undo")
    assert undo.isEnabled() and "Problem" in undo.text() and undo.text().startswith("&Undo: ")
    undo.trigger()
    assert _stored(open_window).problem.statement == before
    assert statement.toPlainText() == before  # the page shows the file's value again
    redo = _menu_action(open_window, "redo")
    assert redo.isEnabled()
    redo.trigger()
    assert _stored(open_window).problem.statement == "Field crews cannot see the maps offline."
    assert statement.toPlainText() == "Field crews cannot see the maps offline."


def test_undo_a_table_edit(scan_window):
    wizard = scan_window.wizard
    wizard.go_to(Step.CRITERIA)
    table = wizard.currentPage().tables["criteria"]
    table.set_value(1, "text", "Citizens pay their permit online.")
    assert _stored(scan_window).criteria[0].text == "Citizens pay their permit online."
    _menu_action(scan_window, "undo").trigger()
    assert _stored(scan_window).criteria[0].text == "Citizens can apply for a permit online."
    column = [c.name for c in table.columns].index("text")
    assert table.cell(0, column).text() == "Citizens can apply for a permit online."


def test_ctrl_z_undoes_a_matrix_click(scan_window, qtbot):
    wizard = scan_window.wizard
    wizard.go_to(Step.MARKET)
    matrix = wizard.currentPage().matrix
    rect = matrix.cell_rect(3, 1)
    qtbot.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _stored(scan_window).support_level(3, 1) == "partial"
    _activate(scan_window, qtbot)
    matrix.setFocus()
    qtbot.keyClick(matrix, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(scan_window).support_level(3, 1) == "yes"
    assert matrix.model().data(matrix.model().index(2, 0)) == "Yes"
    qtbot.keyClick(
        matrix, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _stored(scan_window).support_level(3, 1) == "partial"


def test_a_text_box_keeps_its_own_ctrl_z_first(scan_window, qtbot):
    wizard = scan_window.wizard
    wizard.go_to(Step.MARKET)
    matrix = wizard.currentPage().matrix
    qtbot.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=matrix.cell_rect(3, 1).center())
    wizard.go_to(Step.PROBLEM)
    statement = wizard.currentPage().binder.widgets["problem.statement"]
    _activate(scan_window, qtbot)
    statement.setFocus()
    qtbot.keyClicks(statement, "Typed")
    qtbot.keyClick(statement, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert statement.toPlainText() == ""  # the box's own undo took the typing back
    assert all(h["field"] != "undo" for h in scan_window.ctx.pf.history())
    assert _stored(scan_window).support_level(3, 1) == "partial"  # the project's undo did not run
    statement.document().clearUndoRedoStacks()
    scan_window.ctx.flush()
    qtbot.keyClick(statement, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(scan_window).support_level(3, 1) == "yes"  # nothing left in the box: the project's


def test_undo_a_deleted_row_brings_back_its_dependants(scan_window, monkeypatch):
    from wizard.ui import dialogs

    monkeypatch.setattr(dialogs, "ask_yes_no", lambda *args: True)
    wizard = scan_window.wizard
    wizard.go_to(Step.MARKET)
    page = wizard.currentPage()
    table = page.tables["solutions"]
    table.focus_row(1, None)
    table.delete_selected()
    assert [s.id for s in _stored(scan_window).solutions] == [2, 3]
    _menu_action(scan_window, "undo").trigger()
    stored = _stored(scan_window)
    assert [s.name for s in stored.solutions] == ["Alpha", "Beta", "Gamma"]
    assert stored.support_level(1, 1) == "yes" and stored.support_level(1, 2) == "yes"
    assert table.row_ids() == [1, 2, 3]


def _history(window, monkeypatch):
    from PySide6.QtWidgets import QTableWidget

    from wizard.ui import dialogs

    shown = []
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: shown.append(dialog) or 0)
    window.actions_by_name["history"].trigger()
    (dialog,) = shown
    return dialog, dialog.findChild(QTableWidget, "history")


def test_history_restores_a_version_as_one_undoable_change(scan_window, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from wizard.ui import dialogs

    wizard = scan_window.wizard
    wizard.go_to(Step.PROBLEM)
    statement = wizard.currentPage().binder.widgets["problem.statement"]
    statement.setPlainText("First version")
    scan_window.ctx.flush()
    statement.setPlainText("Second version")
    scan_window.ctx.flush()
    wizard.go_to(Step.CRITERIA)
    wizard.currentPage().tables["criteria"].set_value(1, "text", "Changed later")
    latest = _stored(scan_window)
    dialog, table = _history(scan_window, monkeypatch)
    whats = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert whats[:3] == [
        "Criteria › Criteria “Changed later” › Criterion",
        "Problem definition › Problem statement",
        "Problem definition › Problem statement",
    ]
    assert table.wordWrap() and table.item(2, 3).text() == "First version"
    button = dialog.findChild(QPushButton, "restore")
    assert not button.isEnabled()
    table.selectRow(2)  # just after "First version" was saved
    assert button.isEnabled()
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: asked.append(message) or True)
    button.click()
    assert len(asked) == 1 and dialog.result() == dialog.DialogCode.Accepted
    stored = _stored(scan_window)
    assert stored.problem.statement == "First version"
    assert stored.criteria[0].text == "Citizens can apply for a permit online."
    undo = _menu_action(scan_window, "undo")
    assert undo.text() == "&Undo: Restore a version"
    undo.trigger()
    assert _stored(scan_window) == latest


def test_history_shows_one_step_and_names_undo(scan_window, monkeypatch):
    from PySide6.QtWidgets import QComboBox

    wizard = scan_window.wizard
    wizard.go_to(Step.PROBLEM)
    wizard.currentPage().binder.widgets["problem.statement"].setPlainText("A need")
    scan_window.ctx.flush()
    wizard.go_to(Step.CRITERIA)
    wizard.currentPage().tables["criteria"].set_value(1, "text", "Changed")
    _menu_action(scan_window, "undo").trigger()
    dialog, table = _history(scan_window, monkeypatch)
    names = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert names[:2] == ["Criteria › Criteria “Citizens can apply for a permit online.” › Criterion", "Undo"]
    steps = dialog.findChild(QComboBox, "history-step")
    steps.setCurrentIndex(steps.findData(int(Step.PROBLEM)))
    visible = [names[r] for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert visible == ["Problem definition › Problem statement"]
    steps.setCurrentIndex(0)
    assert not any(table.isRowHidden(r) for r in range(table.rowCount()))


def test_ctrl_f_finds_a_criterion_and_focuses_it(scan_window, qtbot):
    from PySide6.QtWidgets import QLineEdit, QListWidget

    wizard = scan_window.wizard
    assert wizard.currentId() == Step.PROJECT
    _activate(scan_window, qtbot)
    qtbot.keyClick(scan_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = scan_window.edit.search
    assert dialog is not None and dialog.isVisible()
    box = dialog.findChild(QLineEdit, "search-text")
    qtbot.keyClicks(box, "APPLY permit")
    results = dialog.findChild(QListWidget, "search-results")
    assert [results.item(r).data(Qt.ItemDataRole.UserRole) for r in range(results.count())] == [
        "criteria:1.text"
    ]
    assert results.item(0).text() == (
        "Criteria › Criteria “Citizens can apply for a permit online.” › Criterion\n"
        "Citizens can apply for a permit online."
    )
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert wizard.currentId() == Step.CRITERIA
    table = wizard.currentPage().tables["criteria"]
    assert table.current_id() == 1
    assert [c.name for c in table.columns][table.table.currentColumn()] == "text"
    assert table.table.hasFocus() or QApplication.focusWidget() is table.table
    dialog.close()


def test_one_operation_run_by_the_app_undoes_as_one(scan_window):
    before = _stored(scan_window).problem

    def two_writes(pf):  # not one transaction, yet one user action
        pf.set_field("problem", "statement", "A need")
        pf.set_field("problem", "context", "Its context")

    scan_window.ctx.do(two_writes)
    assert (_stored(scan_window).problem.statement, _stored(scan_window).problem.context) == (
        "A need",
        "Its context",
    )
    _menu_action(scan_window, "undo").trigger()
    assert _stored(scan_window).problem == before
