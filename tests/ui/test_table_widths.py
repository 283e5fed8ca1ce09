"""Tables sized to their content at 1366×768 in both languages (issue 24): every header
of the market matrix and of the market and TCO tables shows its whole text, solution
names are whole, the TCO page never scrolls sideways and a cost line's option name
takes at most two lines."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle

from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.language import apply_language

WRAP = int(Qt.TextFlag.TextWordWrap)
CASES = [("fr", "training"), ("fr", "emergency-perimeter"), ("en", "office-suite"), ("en", "training")]


@pytest.fixture
def example_window(qtbot, tmp_path, request):
    """A 1366×768 main window in ``lang`` with a copy of ``example`` open."""
    from wizard.ui.main_window import MainWindow

    lang, example = request.param
    apply_language(lang)
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.set_project(ProjectFile.create(tmp_path / "p.tender", load_example(example)))
    yield win
    win.close_project()


def _page(win, step):
    win.wizard.go_to(step)
    for _ in range(5):  # the layout, then the tables fitted to their width
        QApplication.processEvents()
    page = win.wizard.currentPage()
    assert page.STEP is step
    return page


def _text_size(metrics: QFontMetrics, width: int, text: str) -> QRect:
    """Where ``text`` goes when wrapped between words in ``width`` pixels."""
    return metrics.boundingRect(QRect(0, 0, width, 10_000), WRAP, text)


def _header_metrics(model, orientation, section, header) -> QFontMetrics:
    font = model.headerData(section, orientation, Qt.ItemDataRole.FontRole)
    return QFontMetrics(font if isinstance(font, QFont) else header.font())


@pytest.mark.parametrize("example_window", CASES, indirect=True)
def test_matrix_headers_show_every_name_whole(example_window):
    matrix = _page(example_window, Step.MARKET).matrix
    model = matrix.model()
    assert model.columnCount() >= 10 and model.rowCount() >= 4
    header, rows = matrix.horizontalHeader(), matrix.verticalHeader()
    inset = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for column in range(model.columnCount()):
        name = model.headerData(column, Qt.Orientation.Horizontal)
        metrics = _header_metrics(model, Qt.Orientation.Horizontal, column, header)
        room = header.sectionSize(column) - inset
        drawn = _text_size(metrics, room, name)
        assert drawn.width() <= room, name  # no word cut
        assert drawn.height() <= header.height() - inset, name  # every line shown
        assert drawn.height() <= 2 * metrics.lineSpacing(), name  # at most two lines
    for row in range(model.rowCount()):
        name = model.headerData(row, Qt.Orientation.Vertical)
        metrics = _header_metrics(model, Qt.Orientation.Vertical, row, rows)
        room = rows.width() - inset
        drawn = _text_size(metrics, room, name)
        assert drawn.width() <= room and drawn.height() <= rows.sectionSize(row), name
        assert model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)


def _assert_headers_whole(editor):
    table = editor.table
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    for i in range(table.columnCount()):
        text = table.horizontalHeaderItem(i).text()
        assert text
        assert header.sectionSize(i) >= metrics.horizontalAdvance(text), (editor.kind, text)


@pytest.mark.parametrize("example_window", CASES, indirect=True)
def test_market_and_tco_tables_show_their_headers_whole(example_window):
    market = _page(example_window, Step.MARKET)
    for kind in ("solutions", "features"):
        _assert_headers_whole(market.tables[kind])
    tco = _page(example_window, Step.TCO)
    for kind in ("tco_options", "cost_lines"):
        _assert_headers_whole(tco.tables[kind])


@pytest.mark.parametrize("example_window", CASES, indirect=True)
def test_tco_page_fits_its_width_and_option_names_take_two_lines(example_window):
    page = _page(example_window, Step.TCO)
    assert page.scroll_area.widget().width() <= page.scroll_area.viewport().width()
    assert not page.scroll_area.horizontalScrollBar().isVisible()
    if example_window.ctx.project.info.tender_languages != "both":  # no translation column
        funding = page.binder.widgets["tco.funding_source"]
        assert funding.width() == funding.parentWidget().width()
    table = page.tables["cost_lines"].table
    assert table.rowCount() >= 5
    metrics = table.fontMetrics()
    room = table.horizontalHeader().sectionSize(0) - 8  # the cell's own margins
    for row in range(table.rowCount()):
        name = table.item(row, 0).text()
        assert name and table.item(row, 0).toolTip() == name
        assert _text_size(metrics, room, name).height() <= 2 * metrics.lineSpacing(), name
