"""Problem and scope pages: live brand finding as the user types, the
suggested restatement, and every scope field stored, reloaded and used downstream."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from wizard.core.clauses import library as clauses
from wizard.core.documents.tender import tender_document
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.widgets.findings_panel import FINDING_ROLE, ICON_ROLE


def _shown(panel):
    """(code, text) of every finding listed in a findings panel."""
    items = [panel.list.item(i) for i in range(panel.list.count())]
    return [(i.data(FINDING_ROLE).code, i.text()) for i in items if i.data(FINDING_ROLE) is not None]


def _icons(panel):
    """code → icon kind of every finding listed, each icon a real (non-empty) one."""
    items = [panel.list.item(i) for i in range(panel.list.count())]
    shown = [i for i in items if i.data(FINDING_ROLE) is not None]
    assert all(not i.icon().isNull() for i in shown)
    return {i.data(FINDING_ROLE).code: i.data(ICON_ROLE) for i in shown}


def _problem_page(window, qtbot):
    window.wizard.button(QWizard.WizardButton.NextButton).click()
    page = window.wizard.currentPage()
    assert page.STEP == Step.PROBLEM
    return page, page.binder.widgets["problem.statement"]


@pytest.mark.slow
def test_typing_a_brand_shows_the_finding_and_restating_removes_it(open_window, qtbot):
    page, statement = _problem_page(open_window, qtbot)
    statement.setFocus()
    qtbot.keyClicks(statement, "Buy Microsoft 365 for every town employee.")
    # the edit is saved after a short pause, then the panel follows (no explicit flush)
    qtbot.waitUntil(lambda: "P-SOLUTION" in dict(_shown(page.findings)), timeout=3000)
    shown = dict(_shown(page.findings))
    assert "Microsoft 365" in shown["P-SOLUTION"] and shown["P-SOLUTION"].startswith("Error:")
    assert _icons(page.findings)["P-SOLUTION"] == "error"  # a style icon, not a font glyph
    assert open_window.ctx.project.problem.statement == "Buy Microsoft 365 for every town employee."
    # clicking the finding focuses the statement
    row = [code for code, _text in _shown(page.findings)].index("P-SOLUTION")
    page.findings.list.itemClicked.emit(page.findings.list.item(row))
    assert open_window.focusWidget() is statement
    # the user restates the need in their own words
    statement.selectAll()
    qtbot.keyClicks(statement, "We need to evaluate the benefits and feasibility of a cloud office suite.")
    qtbot.waitUntil(lambda: "P-SOLUTION" not in dict(_shown(page.findings)), timeout=3000)
    assert _shown(page.findings) == []
    assert not any(
        "Microsoft" in page.findings.list.item(i).text() for i in range(page.findings.list.count())
    )
    assert page.suggestion_row.isHidden()


def test_french_brand_with_elision_is_found_live(open_window, qtbot):
    open_window.actions_by_name["lang_fr"].trigger()
    page, statement = _problem_page(open_window, qtbot)
    statement.setPlainText("Nous voulons migrer vers l'ArcGIS Online d'Esri.")
    open_window.ctx.flush()
    shown = dict(_shown(page.findings))
    assert shown["P-SOLUTION"].startswith(("Erreur\u00a0:", "Erreur :"))
    assert "ArcGIS Online" in shown["P-SOLUTION"]


def test_suggested_restatement_is_offered_and_used(open_window, qtbot):
    page, statement = _problem_page(open_window, qtbot)
    assert page.suggestion_row.isHidden()  # nothing to suggest for an empty statement
    original = "Buy an e-learning software for the fire department to reduce overtime costs."
    statement.setPlainText(original)
    open_window.ctx.flush()
    assert page.suggestion_row.isVisible() and page.use_suggestion.isEnabled()
    expected = "I need to evaluate the benefits and feasibility of ways to reduce overtime costs."
    assert page.suggestion.text() == expected
    page.use_suggestion.click()
    problem = open_window.ctx.project.problem
    assert problem.statement == expected
    assert problem.request_as_received == original  # the old wording is kept, not lost
    assert page.binder.widgets["problem.request_as_received"].toPlainText() == original
    assert {code for code, _t in _shown(page.findings)} <= {"P-SCOPE"}
    assert page.suggestion_row.isHidden()
    statement.undo()  # Ctrl+Z brings the user's text back
    open_window.ctx.flush()
    assert open_window.ctx.project.problem.statement == original


def test_suggestion_follows_the_statement_language_and_leaves_a_blank(open_window, qtbot):
    page, statement = _problem_page(open_window, qtbot)
    statement.setPlainText("Nous voulons migrer vers ArcGIS Online.")
    open_window.ctx.flush()
    assert page.suggestion.text() == "J’ai besoin d’évaluer les avantages et la faisabilité de \u2026"
    page.binder.widgets["problem.request_as_received"].setPlainText("Migrer vers ArcGIS")
    open_window.ctx.flush()
    page.use_suggestion.click()
    assert statement.textCursor().selectedText() == "\u2026"  # typing replaces the blank
    qtbot.keyClicks(statement, "partager les couches entre les services")
    open_window.ctx.flush()
    problem = open_window.ctx.project.problem
    assert (
        problem.statement
        == "J’ai besoin d’évaluer les avantages et la faisabilité de partager les couches entre les services"
    )
    assert problem.request_as_received == "Migrer vers ArcGIS"  # an existing request is not overwritten


def _fill_scope(window):
    window.wizard.go_to(Step.SCOPE)
    page = window.wizard.currentPage()
    units = page.tables["business_units"]
    first, second = window.ctx.project.business_units[:2]
    units.set_value(first.id, "role", "affected")
    units.set_value(first.id, "notes", "Initial request; outer perimeter")
    units.set_value(second.id, "role", "beneficiary")
    partner = page.tables["partners"].add_row()
    page.tables["partners"].set_value(partner.id, "name", "Regional 911 centre")
    page.tables["partners"].set_value(partner.id, "notes", "Dispatch integration")
    answer = window.ctx.project.governance[1]
    page.tables["governance"].set_value(answer.id, "answer", "no")
    page.tables["governance"].set_value(answer.id, "notes", "The police still meets vendors")
    b = page.binder.widgets
    b["scope.mission_critical"].setChecked(True)
    b["scope.mission_critical_notes"].setPlainText("Used during 911 calls")
    b["scope.personal_information"].setChecked(True)
    b["scope.personal_information_notes"].setPlainText("Names and positions of responders")
    b["scope.vendor_hosting"].setChecked(True)
    b["scope.custom_code"].setChecked(True)
    window.ctx.flush()
    return page, first, second, partner, answer


def test_scope_is_stored_reloaded_and_used_downstream(open_window, tmp_path):
    page, first, second, partner, answer = _fill_scope(open_window)
    codes = {f.code for f in page.findings.findings()}
    assert {"SC-MISSION-CRITICAL", "SC-PERSONAL-INFO", "SC-GOVERNANCE"} <= codes
    assert "SC-UNITS" not in codes
    path = open_window.ctx.pf.path
    open_window.close_project()
    # stored: read the file again without the UI
    reopened = ProjectFile.open(path)
    try:
        p = reopened.project
        unit = p.find("business_units", first.id)
        assert (unit.role, unit.notes) == ("affected", "Initial request; outer perimeter")
        assert p.find("business_units", second.id).role == "beneficiary"
        saved_partner = p.find("partners", partner.id)
        assert (saved_partner.name, saved_partner.notes) == ("Regional 911 centre", "Dispatch integration")
        saved_answer = p.find("governance", answer.id)
        assert (saved_answer.answer, saved_answer.notes) == ("no", "The police still meets vendors")
        s = p.scope
        assert (s.mission_critical, s.mission_critical_notes) == (True, "Used during 911 calls")
        assert (s.personal_information, s.personal_information_notes) == (
            True,
            "Names and positions of responders",
        )
        assert s.vendor_hosting and s.custom_code
        # later steps and clauses use the flags
        conditions = clauses.conditions(p)
        assert conditions["mission_critical"] and conditions["personal_information"]
        assert conditions["vendor_hosting"] and conditions["custom_code"]
        texts = [getattr(b, "text", "") for b in tender_document(p, "en").blocks]
        assert any("mission-critical" in t for t in texts) and any("personal information" in t for t in texts)
    finally:
        reopened.close()
    # reloaded: the page shows the stored values
    open_window.set_project(ProjectFile.open(path))
    open_window.wizard.go_to(Step.SCOPE)
    page = open_window.wizard.currentPage()
    assert page.binder.widgets["scope.mission_critical"].isChecked()
    assert (
        page.binder.widgets["scope.personal_information_notes"].toPlainText()
        == "Names and positions of responders"
    )
    table = page.tables["business_units"].table
    assert (
        table.item(0, 1).text() == "Affected"
        and table.item(0, 2).text() == "Initial request; outer perimeter"
    )
    assert page.tables["partners"].table.item(0, 0).text() == "Regional 911 centre"
    governance = page.tables["governance"].table
    assert (
        governance.item(1, 1).text() == "No"
        and governance.item(1, 2).text() == "The police still meets vendors"
    )
    assert governance.item(1, 0).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags


def test_scope_widening_clears_the_one_unit_finding(open_window):
    page, statement = _problem_page(open_window, None)
    statement.setPlainText("The fire department must be able to train firefighters online.")
    open_window.ctx.flush()
    assert "P-SCOPE" in dict(_shown(page.findings))
    _fill_scope(open_window)  # two units affected / beneficiary
    open_window.wizard.go_to(Step.PROBLEM)
    assert "P-SCOPE" not in dict(_shown(open_window.wizard.currentPage().findings))


def _roles_shown(page):
    """unit name → role as the scope page's table shows them."""
    table = page.tables["business_units"].table
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_scope_marks_the_requesting_unit_and_keeps_the_users_choice(open_window, qtbot):
    page, _statement = _problem_page(open_window, qtbot)
    requesting = page.binder.widgets["problem.requesting_unit"]
    requesting.setFocus()
    qtbot.keyClicks(requesting, "public works")
    open_window.wizard.go_to(Step.SCOPE)
    scope = open_window.wizard.currentPage()
    shown = _roles_shown(scope)
    assert shown["Public works"] == "Affected"
    assert {role for name, role in shown.items() if name != "Public works"} == {"Not concerned"}
    works = next(u for u in open_window.ctx.project.business_units if u.name == "Public works")
    assert works.role == "affected"
    # the user says otherwise: coming back to the page never marks it again
    scope.tables["business_units"].set_value(works.id, "role", "consulted")
    open_window.wizard.go_to(Step.PROBLEM)
    open_window.wizard.go_to(Step.SCOPE)
    assert _roles_shown(open_window.wizard.currentPage())["Public works"] == "Consulted"
    assert open_window.ctx.project.find("business_units", works.id).role == "consulted"


def test_scope_leaves_the_units_alone_without_a_match(open_window, qtbot):
    page, _statement = _problem_page(open_window, qtbot)
    page.binder.widgets["problem.requesting_unit"].setText("Library")
    open_window.ctx.flush()
    open_window.wizard.go_to(Step.SCOPE)
    assert set(_roles_shown(open_window.wizard.currentPage()).values()) == {"Not concerned"}
