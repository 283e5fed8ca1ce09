"""docs/cases.md K26 in the app: a number outside its bounds, saved through a core
operation, never makes the TCO page raise in ``showEvent`` (it once did, and the next
page change crashed the app). The page shows the totals computed within the bounds and
the finding; the real Next button goes on to the next step."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QWizard

from wizard.core import ops
from wizard.core.examples import load_example
from wizard.core.model import CostLine
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step, next_step
from wizard.ui.widgets.findings_panel import FINDING_ROLE


def _codes(panel):
    items = [panel.list.item(i) for i in range(panel.list.count())]
    return {item.data(FINDING_ROLE).code for item in items if item.data(FINDING_ROLE) is not None}


def _rate(pf, value):
    ops.edit_section(pf, replace(pf.project.tco, discount_rate_pct=Decimal(value)))


def _horizon(pf, value):
    ops.edit_section(pf, replace(pf.project.tco, horizon_years=value))


def _line(pf, **changes):
    line = next(c for c in pf.project.cost_lines if c.recurring)
    ops.update(pf, CostLine, line.id, **changes)


ABSURD = [
    ("rate -100 %", lambda pf: _rate(pf, "-100"), "T-RATE"),
    ("rate 1E+999999 %", lambda pf: _rate(pf, "1E+999999"), "T-RATE"),
    ("horizon 999999999999", lambda pf: _horizon(pf, 999_999_999_999), "T-HORIZON"),
    ("escalation 999999999999 %", lambda pf: _line(pf, escalation_pct=Decimal("999999999999")), "T-RANGE"),
    ("escalation -100 %", lambda pf: _line(pf, escalation_pct=Decimal(-100)), "T-RANGE"),
    ("amount 1E+999999", lambda pf: _line(pf, amount=Decimal("1E+999999")), "T-RANGE"),
    ("end year -1000", lambda pf: _line(pf, end_year=-1000), "T-RANGE"),
]


@pytest.mark.parametrize(("what", "edit", "code"), ABSURD, ids=[a[0] for a in ABSURD])
def test_tco_page_shows_an_absurd_value_and_goes_on(window, qtbot, tmp_path, what, edit, code):
    window.set_project(ProjectFile.create(tmp_path / "k26.tender", load_example("office-suite")))
    edit(window.ctx.pf)  # the core operation, as the app or a received file would leave it
    window.ctx.changed.emit()
    window.wizard.go_to(Step.TCO)
    page = window.wizard.currentPage()
    assert page.STEP == Step.TCO
    qtbot.waitUntil(
        lambda: page.chart.pixmap() is not None and not page.chart.pixmap().isNull(), timeout=5000
    )
    text = page.totals.text() + page.breakdown.text()
    assert "$" in text and "cannot be computed" not in text, what
    assert not any(word in text for word in ("NaN", "Infinity", "Traceback")), what
    assert code in _codes(page.findings), what
    window.wizard.button(QWizard.WizardButton.NextButton).click()
    following = next_step(Step.TCO)
    assert following is not None and following == window.wizard.currentPage().STEP
    window.wizard.button(QWizard.WizardButton.BackButton).click()  # shown again: still fine
    assert window.wizard.currentPage().STEP == Step.TCO


def test_a_failing_computation_leaves_the_page_usable(window, qtbot, tmp_path, monkeypatch):
    """Should the core ever raise, the page says so instead of raising from showEvent."""
    from wizard.core.domain import tco

    window.set_project(ProjectFile.create(tmp_path / "k26.tender", load_example("training")))

    def broken(_project):
        raise ArithmeticError("simulated")

    monkeypatch.setattr(tco, "compute_tco", broken)
    window.wizard.go_to(Step.TCO)
    page = window.wizard.currentPage()
    assert "cannot be computed" in page.totals.text()
    window.wizard.button(QWizard.WizardButton.NextButton).click()
    assert next_step(Step.TCO) == window.wizard.currentPage().STEP


def test_the_horizon_editor_takes_its_range_from_the_core(window, tmp_path):
    from wizard.core.model import bounds

    window.set_project(ProjectFile.create(tmp_path / "k26.tender", load_example("training")))
    _horizon(window.ctx.pf, 999_999_999_999)
    window.wizard.go_to(Step.TCO)
    page = window.wizard.currentPage()
    box = page.binder.widgets["tco.horizon_years"]
    assert (box.minimum(), box.maximum()) == bounds.int_range("tco.horizon_years")
    assert box.value() == box.maximum()  # shown at the limit the computation uses
    assert window.ctx.project.tco.horizon_years == 999_999_999_999  # and not saved over
