"""Market scan, criteria and evaluation pages driven as a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from wizard.core import ops
from wizard.core.model import Criterion, Feature, Scenario, Solution, Support
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui import dialogs
from wizard.ui.widgets.findings_panel import FINDING_ROLE


def _findings(panel):
    items = [panel.list.item(i) for i in range(panel.list.count())]
    return [item.data(FINDING_ROLE) for item in items if item.data(FINDING_ROLE) is not None]


def _codes(panel):
    return [f.code for f in _findings(panel)]


def scanned_project():
    """Three solutions all supporting F1; a mandatory criterion requires F1."""
    p = new_project("en")
    p.solutions = [
        Solution(id=i, name=n, licence="open_source" if i == 1 else "proprietary")
        for i, n in enumerate(["Alpha", "Beta", "Gamma"], 1)
    ]
    p.features = [Feature(id=1, name="Online permits"), Feature(id=2, name="Map of permits")]
    p.support = [Support(id=i, solution_id=i, feature_id=1, level="yes") for i in (1, 2, 3)]
    p.support.append(Support(id=4, solution_id=1, feature_id=2, level="yes"))
    p.criteria = [Criterion(id=1, text="Citizens can apply for a permit online.", feature_ids=[1])]
    return p


@pytest.fixture
def scan_window(window, tmp_path):
    window.set_project(ProjectFile.create(tmp_path / "scan.tender", scanned_project()))
    return window


def _click(qtbot, matrix, solution_id, feature_id):
    rect = matrix.cell_rect(solution_id, feature_id)
    qtbot.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_one_matrix_click_makes_c_target_appear_and_a_key_makes_it_vanish(scan_window, qtbot):
    wizard = scan_window.wizard
    wizard.go_to(Step.MARKET)
    market = wizard.currentPage()
    assert market.matrix.model().rowCount() == 3 and market.matrix.model().columnCount() == 2
    assert "C-TARGET" not in [f.code for f in scan_window.ctx.findings()]
    _click(qtbot, market.matrix, 3, 1)  # Gamma: yes → partial
    assert scan_window.ctx.project.support_level(3, 1) == "partial"
    assert market.matrix.model().data(market.matrix.model().index(2, 0)) == "Partial"
    [target] = [f for f in scan_window.ctx.findings() if f.code == "C-TARGET"]
    assert target.severity.value == "warning" and "Alpha, Beta" in target.message("en")

    wizard.go_to(Step.CRITERIA)
    criteria = wizard.currentPage()
    assert "C-TARGET" in _codes(criteria.findings)
    table = criteria.tables["criteria"]
    column = [c.name for c in table.columns].index("feature_ids")
    assert table.table.item(0, column).text() == "2 / 3"
    assert table.table.item(0, column).toolTip() == "2 — Alpha, Beta"
    assert (
        criteria.compliant.text() == "2 of 3 scanned solutions meet every mandatory criterion: Alpha, Beta."
    )

    wizard.go_to(Step.MARKET)
    rect = market.matrix.cell_rect(3, 1)
    market.matrix.setCurrentIndex(market.matrix.indexAt(rect.center()))
    qtbot.keyClick(market.matrix, Qt.Key.Key_Y)  # back to yes
    assert scan_window.ctx.project.support_level(3, 1) == "yes"
    assert "C-TARGET" not in [f.code for f in scan_window.ctx.findings()]
    wizard.go_to(Step.CRITERIA)
    assert "C-TARGET" not in _codes(criteria.findings)
    assert table.table.item(0, column).text() == "3 / 3"
    assert table.table.item(0, column).toolTip() == "3 — Alpha, Beta, Gamma"
    with ProjectFile.open(scan_window.ctx.pf.path, read_only=True) as pf:
        assert pf.project.support_level(3, 1) == "yes"


def test_clicks_cycle_through_the_levels_and_save_each(scan_window, qtbot):
    wizard = scan_window.wizard
    wizard.go_to(Step.MARKET)
    matrix = wizard.currentPage().matrix
    seen = []
    for _ in range(4):
        _click(qtbot, matrix, 2, 2)  # Beta × Map: no cell yet = unknown
        seen.append(scan_window.ctx.project.support_level(2, 2))
    assert seen == ["yes", "partial", "no", "unknown"]
    assert sum(1 for c in scan_window.ctx.project.support if (c.solution_id, c.feature_id) == (2, 2)) == 1
    summary = wizard.currentPage().summary.text()
    assert summary.startswith("3 solutions scanned.") and "Online permits" in summary


def test_linking_a_feature_updates_the_solutions_meeting_the_criterion(scan_window):
    wizard = scan_window.wizard
    wizard.go_to(Step.CRITERIA)
    page = wizard.currentPage()
    page.tables["criteria"].focus_row(1, None)
    assert page.links.checked_ids() == [1]
    page.links.set_checked(2, True)  # now requires the map too: Alpha only
    assert scan_window.ctx.project.find("criteria", 1).feature_ids == [1, 2]
    assert page.meeting.text() == "Scanned solutions meeting it: 1 — Alpha"
    [target] = [f for f in _findings(page.findings) if f.code == "C-TARGET"]
    assert target.severity.value == "error" and target.field == "criteria:1.feature_ids"
    assert "C-COMPLIANT" in _codes(page.findings)
    page.links.set_checked(2, False)
    assert "C-TARGET" not in _codes(page.findings)


def test_draft_button_turns_the_scan_into_criteria(window, tmp_path):
    project = scanned_project()
    project.criteria = []
    window.set_project(ProjectFile.create(tmp_path / "d.tender", project))
    window.wizard.go_to(Step.CRITERIA)
    page = window.wizard.currentPage()
    page.draft_button.click()
    criteria = window.ctx.project.criteria
    assert [(c.kind, c.feature_ids) for c in criteria] == [("mandatory", [1]), ("optional", [2])]
    assert criteria[0].text == "The solution offers this capability: Online permits."
    assert page.tables["criteria"].table.rowCount() == 2
    assert page.draft_status.text().startswith(
        "Drafts added: 1 mandatory criterion and 1 optional criterion; reword them"
    )
    page.draft_button.click()
    assert len(window.ctx.project.criteria) == 2
    assert page.draft_status.text().startswith("Nothing to draft")


def test_csv_export_then_import_of_a_bad_and_a_good_file(scan_window, tmp_path, monkeypatch, errors):
    wizard = scan_window.wizard
    wizard.go_to(Step.MARKET)
    page = wizard.currentPage()
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: shown.append(message))
    target = tmp_path / "Hélène" / "scan.csv"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    page.export_button.click()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsolution,vendor,") and "Gamma" in data.decode("utf-8-sig")
    assert shown == [f"Matrix exported to {target}."]

    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"solution,Online permits,New thing\nDelta,yes,yes\nAlpha,no,perhaps\n")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: bad)
    page.import_button.click()
    assert errors == [
        "Nothing was imported.\nLine 3, column “New thing”: “perhaps” is not an accepted value."
    ]
    assert [s.name for s in scan_window.ctx.project.solutions] == ["Alpha", "Beta", "Gamma"]

    good = tmp_path / "good.csv"
    good.write_text(
        "solution;licence;Online permits;standard:WCAG 2.1\nDelta;Logiciel libre;Oui;Partiel\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: good)
    page.import_button.click()
    assert [s.name for s in scan_window.ctx.project.solutions] == ["Alpha", "Beta", "Gamma", "Delta"]
    assert page.matrix.model().rowCount() == 4 and page.matrix.model().columnCount() == 3
    assert shown[-1].startswith("Matrix imported: 1 new solution, 1 new feature or standard, ")
    assert page.tables["solutions"].table.rowCount() == 4


@pytest.mark.slow
def test_matrix_of_50_solutions_by_200_features_is_a_table_model(window, tmp_path, qtbot):
    """50 × 200 cells are served by one table model, not 10,000 widgets (timings:
    ``tests/benchmark.py``, never an assertion here)."""
    p = new_project("en")
    p.solutions = [Solution(id=i, name=f"Solution {i}") for i in range(1, 51)]
    p.features = [Feature(id=i, name=f"Feature number {i}") for i in range(1, 201)]
    levels = ("yes", "partial", "no", "unknown")
    p.support = [
        Support(id=(s - 1) * 200 + f, solution_id=s, feature_id=f, level=levels[(s + f) % 4])
        for s in range(1, 51)
        for f in range(1, 201)
    ]
    window.set_project(ProjectFile.create(tmp_path / "big.tender", p))
    window.wizard.go_to(Step.MARKET)
    matrix = window.wizard.currentPage().matrix
    QApplication.processEvents()
    matrix.reload()
    matrix.viewport().repaint()
    QApplication.processEvents()
    assert matrix.model().rowCount() == 50 and matrix.model().columnCount() == 200
    assert matrix.findChildren(QComboBox) == []  # no editor widget per cell
    _click(qtbot, matrix, 50, 200)
    assert window.ctx.project.support_level(50, 200) == "unknown"  # it was "no"


@pytest.mark.parametrize(
    ("interim", "price", "shown"),
    [
        ("80", "100000", "Final score: 13.0"),
        ("70", "120 000", "Final score: 10.0"),
        ("69,9", "100000", "Interim score below 70: the price envelope stays closed."),
        ("101", "100000", "The interim score must be between 0 and 100 and the price above 0."),
    ],
)
def test_quebec_calculator(open_window, interim, price, shown):
    open_window.wizard.go_to(Step.EVALUATION)
    page = open_window.wizard.currentPage()
    page.interim.setText(interim)
    page.price.setText(price)
    assert page.result.text() == shown


def test_quebec_grid_constraints_show_as_findings(open_window):
    wizard = open_window.wizard
    wizard.go_to(Step.EVALUATION)
    page = wizard.currentPage()
    page.binder.widgets["evaluation.quebec_weighted"].setChecked(True)
    grid = page.tables["quality_grid"]
    for points in (31, 23, 23):
        row = grid.add_row()
        grid.set_value(row.id, "points", points)
    assert page.grid_total.text() == "Total: 77 points out of 100, 3 quality criteria."
    codes = _codes(page.findings)
    assert {"E-QC-MAX", "E-QC-CRITERIA", "E-QC-TOTAL"} <= set(codes)
    grid.set_value(grid.row_ids()[0], "points", 30)
    row = grid.add_row()
    grid.set_value(row.id, "points", 24)
    assert page.grid_total.text() == "Total: 100 points out of 100, 4 quality criteria."
    assert not {"E-QC-MAX", "E-QC-CRITERIA", "E-QC-TOTAL"} & set(_codes(page.findings))


def test_quebec_section_only_for_a_quebec_project(open_window):
    """The statutory system shows for a Québec project and says when the statute applies."""
    from dataclasses import replace
    from decimal import Decimal

    from wizard.core import ops

    wizard = open_window.wizard
    wizard.go_to(Step.EVALUATION)
    page = wizard.currentPage()
    assert page.quebec_box.isHidden()
    ctx = open_window.ctx
    ctx.do(ops.edit_section, replace(ctx.project.info, province="QC"))
    page.model_changed()
    assert not page.quebec_box.isHidden()
    assert page.statute.text().startswith("Other contracts from $25,000: evaluate on price alone")
    assert page.statute.text().endswith(
        "The project has no estimate yet: the wizard assumes the statute applies."
    )
    page.binder.widgets["evaluation.professional_services"].setChecked(True)
    page.model_changed()
    assert page.statute.text().startswith("Professional services: the Cities and Towns Act (s. 573.1.0.1.1)")
    assert "E-QC-REQUIRED" in _codes(page.findings)
    ctx.do(ops.edit_section, replace(ctx.project.tco, estimate_cad=Decimal(20000)))
    page.model_changed()
    assert page.statute.text().startswith("The estimate is under $25,000")
    assert "E-QC-REQUIRED" not in _codes(page.findings)


def test_pages_in_french(scan_window):
    scan_window.actions_by_name["lang_fr"].trigger()
    wizard = scan_window.wizard
    wizard.go_to(Step.MARKET)
    market = wizard.currentPage()
    assert market.import_button.text() == "Importer la matrice (CSV)…"
    assert market.matrix.model().data(market.matrix.model().index(0, 0)) == "Oui"
    wizard.go_to(Step.CRITERIA)
    criteria = wizard.currentPage()
    assert (
        criteria.compliant.text()
        == "3 des 3 solutions recensées satisfont à tous les critères obligatoires\u00a0: Alpha, Beta, Gamma."
    )
    assert criteria.draft_button.text() == "Ébaucher des critères à partir de la veille"


def test_the_criteria_and_scenario_lists_show_the_tenders_numbers(scan_window):
    """docs/cases.md K32: the app's lists number rows as the tender does, never by row id."""
    project = scan_window.ctx.project
    scan_window.ctx.do(ops.add, Criterion(text="Works offline", kind="optional"))
    scan_window.ctx.do(ops.add, Criterion(text="Prints permits"))
    wizard = scan_window.wizard
    wizard.go_to(Step.CRITERIA)
    table = wizard.currentPage().tables["criteria"]
    column = [c.name for c in table.columns].index("id")

    def numbers():
        return [table.table.item(r, column).text() for r in range(table.table.rowCount())]

    assert numbers() == ["M-1", "O-1", "M-2"]
    table.set_value(project.criteria[2].id, "kind", "optional")
    assert numbers() == ["M-1", "O-1", "O-2"]
    table.set_value(project.criteria[0].id, "text", "")  # blank: left out, no number
    assert numbers() == ["—", "O-1", "O-2"]
    scan_window.ctx.do(ops.add, Scenario(title="Apply online", criterion_ids=[project.criteria[1].id]))
    scan_window.ctx.do(ops.add, Scenario())  # left empty: no number
    scan_window.ctx.do(ops.add, Scenario(title="Print a permit"))
    wizard.go_to(Step.SCENARIOS)
    page = wizard.currentPage()
    table = page.tables["scenarios"]
    column = [c.name for c in table.columns].index("id")
    assert [table.table.item(r, column).text() for r in range(table.table.rowCount())] == ["S-1", "—", "S-2"]
    table.focus_row(table.row_ids()[0], None, focus=False)
    page.load_detail()
    links = [page.links.item(i).text() for i in range(page.links.count())]
    assert links == ["— — …", "O-1 — Works offline", "O-2 — Prints permits"]  # row 1 was blanked above
