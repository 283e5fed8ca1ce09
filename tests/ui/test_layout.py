"""Nothing clipped at 1366×768, in French (longer) and English (docs/cases.md K15):
whole headers, a description column with real width, tables tall enough to
show their rows, the review findings wrapped instead of cut."""

from __future__ import annotations

import pytest

from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step

TABLES = [
    (Step.MARKET, "solutions"),
    (Step.MARKET, "features"),
    (Step.CRITERIA, "criteria"),
    (Step.TCO, "cost_lines"),
    (Step.TCO, "tco_options"),
]


@pytest.fixture
def example_window(window, tmp_path):
    window.set_project(ProjectFile.create(tmp_path / "ex.tender", load_example("emergency-perimeter")))
    return window


def _show(window, qtbot, step, lang):
    window.actions_by_name[f"lang_{lang}"].trigger()
    window.wizard.go_to(step)
    page = window.wizard.currentPage()
    qtbot.wait(150)  # the debounced column and row fitting
    return page


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_headers_are_whole_and_descriptions_wide(example_window, qtbot, lang):
    for step, kind in TABLES:
        editor = _show(example_window, qtbot, step, lang).tables[kind]
        header = editor.table.horizontalHeader()
        char = editor.table.fontMetrics().averageCharWidth()
        for i, column in enumerate(editor.columns):
            assert header.sectionSize(i) >= header.sectionSizeHint(i), (kind, column.name, lang)
            if column.stretch:
                assert header.sectionSize(i) >= min(column.min_chars, 22) * char, (kind, column.name)
        total = sum(header.sectionSize(i) for i in range(len(editor.columns)))
        assert total <= editor.table.viewport().width() + 1, (kind, lang)  # no sideways scrolling


def test_cost_line_description_is_readable(example_window, qtbot):
    editor = _show(example_window, qtbot, Step.TCO, "fr").tables["cost_lines"]
    c = [col.name for col in editor.columns].index("label")
    width = editor.table.horizontalHeader().sectionSize(c)
    assert width >= 24 * editor.table.fontMetrics().averageCharWidth()
    assert editor.table.horizontalHeaderItem(c).text() == "Description"
    short = [col.name for col in editor.columns].index("escalation_pct")
    assert editor.table.horizontalHeaderItem(short).toolTip() == "Hausse annuelle, en %"


def test_market_solutions_table_shows_its_five_rows(example_window, qtbot):
    editor = _show(example_window, qtbot, Step.MARKET, "fr").tables["solutions"]
    table = editor.table
    assert table.rowCount() == 5

    def fitted() -> bool:  # the fitting is debounced: on a loaded machine it can come late
        rows = sum(table.rowHeight(r) for r in range(5))
        return table.viewport().height() >= rows and not table.verticalScrollBar().isVisible()

    qtbot.waitUntil(fitted, timeout=5000)


def test_review_findings_wrap_instead_of_being_cut(example_window, qtbot):
    page = _show(example_window, qtbot, Step.REVIEW, "fr")
    tree = page.tree
    metrics = tree.fontMetrics()
    longest = None
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            if longest is None or len(child.text(0)) > len(longest.text(0)):
                longest = child
    assert longest is not None
    rect = tree.visualItemRect(longest)
    assert metrics.horizontalAdvance(longest.text(0)) > rect.width()  # it does not fit on one line …
    assert rect.height() >= 2 * metrics.lineSpacing()  # … so its row holds two lines or more
