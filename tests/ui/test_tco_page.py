"""The TCO page (docs/tco.md): editing a cost line changes the totals and the chart; the
review page shows the scorecard of the guide's practices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wizard.core.documents import chart
from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.language import apply_language


def _open_example(window, tmp_path, name="office-suite"):
    window.set_project(ProjectFile.create(tmp_path / f"{name}.tender", load_example(name)))
    return window


def _tco_page(qtbot, window):
    window.wizard.go_to(Step.TCO)
    page = window.wizard.currentPage()
    assert page.STEP == Step.TCO
    qtbot.waitUntil(
        lambda: page.chart.pixmap() is not None and not page.chart.pixmap().isNull(), timeout=5000
    )
    return page


@pytest.mark.slow
def test_editing_a_cost_line_changes_totals_and_chart(window, qtbot, tmp_path):
    page = _tco_page(qtbot, _open_example(window, tmp_path))
    before_text, before_png = page.totals.text(), page.chart_png
    assert "$354,226.71" in before_text and "$384,153.25" in before_text  # nominal totals, office-suite
    assert "HST 14%" in before_text  # Nova Scotia's tax, shown apart
    assert before_png == chart.cumulative_chart_png(window.ctx.project, "en", width_cm=15.0, dpi=96)
    line = next(c for c in window.ctx.project.cost_lines if c.option_id == 1 and not c.recurring)
    page.tables["cost_lines"].set_value(line.id, "amount", str(line.amount + 100000))
    expected = "$454,226.71"
    qtbot.waitUntil(lambda: expected in page.totals.text(), timeout=3000)
    qtbot.waitUntil(lambda: page.chart_png != before_png, timeout=5000)
    assert window.ctx.project.find("cost_lines", line.id).amount == line.amount + 100000
    with ProjectFile.open(tmp_path / "office-suite.tender", read_only=True) as pf:
        assert pf.project.find("cost_lines", line.id).amount == line.amount + Decimal(100000)


@pytest.mark.slow
def test_tco_page_in_french(window, qtbot, tmp_path):
    page = _tco_page(qtbot, _open_example(window, tmp_path, "training"))
    apply_language("fr")
    page.retranslate()
    text = page.totals.text()
    assert "Valeur actualisée nette" in text and "TVH" in text
    assert "224\u00a0239,27\u00a0$" in text
    assert "Treasury Board" not in page.help_label.text() and "Conseil du Trésor" in page.help_label.text()


def test_review_page_shows_the_scorecard(window, qtbot, tmp_path):
    _open_example(window, tmp_path, "emergency-perimeter")
    window.wizard.go_to(Step.REVIEW)
    page = window.wizard.currentPage()
    tree = page.scorecard
    families = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert families == [
        "Recommended practices",
        "Forbidden or unethical practices",
        "High-risk practices",
        "Transparency practices",
    ]
    forbidden = tree.topLevelItem(1)
    rows = {forbidden.child(i).text(0): forbidden.child(i).text(1) for i in range(forbidden.childCount())}
    assert rows["Non-disclosure agreements"].endswith("Avoided")
    # the example's vendor template was received, not used: no exclusion to watch (K30)
    assert rows["Vendor help in drafting the tender"].endswith("Avoided")
    item = next(
        forbidden.child(i)
        for i in range(forbidden.childCount())
        if forbidden.child(i).text(0) == "Non-disclosure agreements"
    )
    focused = []
    page.focus_requested.connect(focused.append)
    page._clicked(item)
    assert focused == ["vendor_exchanges"]


@pytest.mark.slow
def test_screenshot_of_the_tco_page(window, qtbot, tmp_path):
    """Not a check of pixels: saves the page for a human look when OPW_SHOTS is set."""
    import os

    page = _tco_page(qtbot, _open_example(window, tmp_path, "emergency-perimeter"))
    page.scroll_area.ensureWidgetVisible(page.chart)
    qtbot.wait(50)
    assert page.chart.pixmap().width() > 400
    if os.environ.get("OPW_SHOTS"):
        window.grab().save(os.path.join(os.environ["OPW_SHOTS"], "tco.png"))
