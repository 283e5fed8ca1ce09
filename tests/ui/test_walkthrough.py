"""A project created from scratch through the real wizard, then read back from disk."""

from __future__ import annotations

import importlib.util
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui import dialogs
from wizard.ui.widgets.gate_dialog import GateAnswer


def type_text(qtbot, widget, text):
    """Type ``text`` (QTest can only type ASCII keys; other text is inserted like a paste)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def _next(wizard):
    wizard.button(QWizard.WizardButton.NextButton).click()


def _back(wizard):
    wizard.button(QWizard.WizardButton.BackButton).click()


def _fill_project_page(qtbot, page):
    w = page.binder.widgets
    type_text(qtbot, w["info.organization"], "Ville de Sainte-Hélène")
    w["info.province"].setCurrentIndex(w["info.province"].findData("QC"))
    type_text(qtbot, w["info.title"], "Périmètre d'urgence")
    type_text(qtbot, w["info.closing_date"], "2026-03-31")
    authors = page.tables["authors"]
    qtbot.mouseClick(authors.add_button, Qt.MouseButton.LeftButton)
    authors.set_value(authors.row_ids()[0], "name", "Marie Tremblay")


@pytest.mark.slow
def test_new_project_from_scratch_keeps_every_value(window, qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "Hélène" / "Documents"
    folder.mkdir(parents=True)
    monkeypatch.setattr(
        dialogs, "ask_save_path", lambda *a, **k: dialogs.with_suffix_added(folder / "périmètre", ".tender")
    )
    window.actions_by_name["new"].trigger()
    path = folder / "périmètre.tender"
    assert window.ctx is not None and window.ctx.pf.path == path
    wizard = window.wizard
    assert wizard.currentId() == Step.PROJECT
    _fill_project_page(qtbot, wizard.currentPage())
    _next(wizard)

    assert wizard.currentId() == Step.PROBLEM
    w = wizard.currentPage().binder.widgets
    type_text(qtbot, w["problem.request_as_received"], "Acheter le système X")
    type_text(qtbot, w["problem.statement"], "Nous devons pouvoir établir un périmètre.")
    w["problem.urgent"].click()
    _next(wizard)

    scope = wizard.currentPage()
    assert wizard.currentId() == Step.SCOPE
    police = scope.tables["business_units"].row_ids()[0]
    scope.tables["business_units"].set_value(police, "role", "affected")
    _back(wizard)
    assert (
        wizard.currentPage().binder.widgets["problem.statement"].toPlainText()
        == "Nous devons pouvoir établir un périmètre."
    )
    _next(wizard)
    _next(wizard)

    market = wizard.currentPage()
    assert wizard.currentId() == Step.MARKET
    solution = market.tables["solutions"].add_row()
    market.tables["solutions"].set_value(solution.id, "name", "Solution libre A")
    market.tables["solutions"].set_value(solution.id, "licence", "open_source")
    feature = market.tables["features"].add_row()
    market.tables["features"].set_value(feature.id, "name", "OGC API – Features")
    market.matrix.set_level(solution.id, feature.id, "partial")
    _next(wizard)

    criteria = wizard.currentPage()
    criterion = criteria.tables["criteria"].add_row()
    criteria.tables["criteria"].set_value(criterion.id, "text", "Conforme à WCAG 2.1 niveau AA")
    criteria.tables["criteria"].set_value(criterion.id, "kind", "optional")
    for _ in range(3):
        _next(wizard)
    tco = wizard.currentPage()
    assert wizard.currentId() == Step.TCO
    tco.binder.widgets["tco.discount_rate_pct"].setText("4,5")
    option = tco.tables["tco_options"].add_row()
    tco.tables["tco_options"].set_value(option.id, "name", "Sur place")
    line = tco.tables["cost_lines"].add_row()
    tco.tables["cost_lines"].set_value(line.id, "amount", "120000")
    tco.tables["cost_lines"].set_value(line.id, "year", 1)
    _next(wizard)
    assert wizard.currentId() == Step.STATEMENT_OF_WORK
    work = wizard.currentPage().binder.widgets
    type_text(qtbot, work["statement_of_work.object"], "Un système hébergé de gestion du périmètre")
    work["statement_of_work.renewals"].setValue(1)
    _next(wizard)
    assert wizard.currentId() == Step.CLAUSES
    _next(wizard)
    assert wizard.currentId() == Step.VENDORS
    _next(wizard)
    assert wizard.currentId() == Step.REVIEW

    if importlib.util.find_spec("wizard.core.export") is not None:
        out = tmp_path / "export"
        out.mkdir()
        monkeypatch.setattr(dialogs, "ask_folder", lambda *a: out)
        asked = []  # a project filled in part: the publishing gate asks first
        monkeypatch.setattr(
            dialogs,
            "ask_export_anyway",
            lambda parent, items, describe: asked.append(items) or GateAnswer(True),
        )
        shown = []
        monkeypatch.setattr(dialogs, "show_info", lambda parent, message: shown.append(message))
        window.actions_by_name["export"].trigger()
        assert any(p.suffix == ".docx" for p in out.iterdir()), list(out.iterdir())
        assert shown
        assert any(item.field == "info.reference" for item in asked[0])
    window.close_project()

    with ProjectFile.open(path) as pf:
        p = pf.project
        assert (p.info.organization, p.info.province, p.info.title) == (
            "Ville de Sainte-Hélène",
            "QC",
            "Périmètre d'urgence",
        )
        assert p.info.closing_date == "2026-03-31"
        assert [a.name for a in p.authors] == ["Marie Tremblay"]
        assert p.problem.request_as_received == "Acheter le système X"
        assert p.problem.statement == "Nous devons pouvoir établir un périmètre."
        assert p.problem.urgent is True
        assert p.find("business_units", police).role == "affected"
        assert [(s.name, s.licence) for s in p.solutions] == [("Solution libre A", "open_source")]
        assert [f.name for f in p.features] == ["OGC API – Features"]
        assert p.support_level(solution.id, feature.id) == "partial"
        assert [(c.text, c.kind) for c in p.criteria] == [("Conforme à WCAG 2.1 niveau AA", "optional")]
        assert p.tco.discount_rate_pct == Decimal("4.5")
        assert [o.name for o in p.tco_options] == ["Sur place"]
        assert [(c.option_id, c.amount, c.year) for c in p.cost_lines] == [(option.id, Decimal("120000"), 1)]
        work = p.statement_of_work
        assert (work.object, work.renewals) == ("Un système hébergé de gestion du périmètre", 1)


def test_back_then_next_loses_nothing_k2(open_window, qtbot):
    wizard = open_window.wizard
    _next(wizard)
    page = wizard.currentPage()
    w = page.binder.widgets
    type_text(qtbot, w["problem.statement"], "We must be able to locate responders.")
    type_text(qtbot, w["problem.requesting_unit"], "Fire")
    _back(wizard)
    _next(wizard)
    assert wizard.currentId() == Step.PROBLEM
    assert w["problem.statement"].toPlainText() == "We must be able to locate responders."
    assert w["problem.requesting_unit"].text() == "Fire"
    path = open_window.ctx.pf.path
    open_window.close_project()
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project.problem.statement == "We must be able to locate responders."
        assert pf.project.problem.requesting_unit == "Fire"


def test_isComplete_never_blocks_next(open_window):
    wizard = open_window.wizard
    for step in list(Step)[:-1]:
        assert wizard.currentId() == step
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        _next(wizard)
    assert wizard.currentId() == Step.REVIEW


def test_wizard_buttons_visible_in_a_1366x768_window_k15(open_window):
    open_window.resize(1366, 768)
    wizard = open_window.wizard
    for step in Step:
        wizard.go_to(step)
        button = wizard.button(
            QWizard.WizardButton.NextButton if step != Step.REVIEW else QWizard.WizardButton.BackButton
        )
        assert button.isVisible()
        corner = button.mapTo(open_window, button.rect().bottomRight())
        assert corner.x() <= open_window.width() and corner.y() <= open_window.height(), step
