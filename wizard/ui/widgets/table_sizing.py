"""Column widths and table heights of an :class:`~wizard.ui.widgets.table_editor.EntityTable`,
so that no header is clipped, no description column is left 50 pixels wide and no table
shows only three rows inside a scrolling page.

* Every header is shown whole.
* A non-stretching column is as wide as its content, up to ``Column.width`` average
  characters (:data:`DEFAULT_CAP` when 0); with no row yet, its longest choice.
* When the table is too narrow, those columns give width back, in proportion to what
  they hold above their header's width or their longest word (a word is never cut:
  "Documentati… publique" in French at 1366×768), so that each stretching column (a description)
  keeps ``Column.min_chars`` characters. Texts wrap; cell tooltips show them whole.
  When even that does not fit (a large scale factor), the table scrolls sideways.
* With ``rows``, the table is tall enough to show that many rows as wrapped (at most
  30 lines), so the page scrolls instead of the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView

if TYPE_CHECKING:
    from wizard.ui.widgets.table_editor import Column, EntityTable

DEFAULT_CAP = 30
"""Widest a non-stretching column starts, in average characters."""
MAX_LINES = 30
"""Tallest a table grows to show its rows, in text lines."""
WORD_ROWS = 200
"""Rows read for a column's longest word: enough for any table a person reads on a page,
and the fitting stays cheap on a large project's tables (issue 25)."""


def longest_word(editor: EntityTable, i: int) -> int:
    """The width in pixels of the longest word of column ``i``'s first :data:`WORD_ROWS`
    cells, with the cell's padding (0 for a column of check boxes or an empty table)."""
    table = editor.table
    metrics = table.fontMetrics()
    widest = 0
    for row in range(min(table.rowCount(), WORD_ROWS)):
        item = table.item(row, i)
        if item is None:
            continue
        for word in item.text().split():
            widest = max(widest, metrics.horizontalAdvance(word))
    return widest + 2 * metrics.averageCharWidth() if widest else 0


def content_width(editor: EntityTable, i: int, column: Column) -> int:
    """The width column ``i`` would like, in pixels: its widest cell or, with no row, its
    longest choice (a check box or a number: 0, so its header decides)."""
    table = editor.table
    if table.rowCount():
        return table.sizeHintForColumn(i)
    metrics = table.fontMetrics()
    choices = editor.choices(column)
    if choices:
        return max(metrics.horizontalAdvance(text) for _v, text in choices) + 2 * metrics.averageCharWidth()
    return column.width * metrics.averageCharWidth() if editor.kind_of(column) is str else 0


def fit_columns(editor: EntityTable) -> None:
    """Resize the non-stretching columns of ``editor`` to the table's present width."""
    table = editor.table
    header = table.horizontalHeader()
    available = table.viewport().width()
    if available <= 0:
        return
    char = table.fontMetrics().averageCharWidth()
    keeps = {
        i: max(header.sectionSizeHint(i), c.min_chars * char)
        for i, c in enumerate(editor.columns)
        if c.stretch
    }
    # Whole words first; when they do not all fit beside the stretching columns' minimum,
    # only the headers are kept whole (a long word then wraps inside its cell).
    for whole_words in (True, False):
        heads: dict[int, int] = {}
        wants: dict[int, int] = {}
        for i, column in enumerate(editor.columns):
            if column.stretch:
                continue
            heads[i] = header.sectionSizeHint(i)
            if whole_words:
                heads[i] = max(heads[i], longest_word(editor, i))
            cap = (column.width or DEFAULT_CAP) * char
            wants[i] = max(heads[i], min(content_width(editor, i, column), cap))
        excess = sum(wants.values()) + sum(keeps.values()) - available
        slack = sum(wants[i] - heads[i] for i in wants)
        if excess <= slack:
            break
    # Too narrow even with every column at its header (a large scale factor): nothing
    # is squeezed, the stretching columns keep their minimum and the table scrolls sideways.
    overflow = excess > slack
    for i in wants:
        if 0 < excess <= slack:
            wants[i] -= -(-(wants[i] - heads[i]) * excess // slack)  # rounded up: the stretching keep theirs
        header.resizeSection(i, wants[i])
    for i in keeps:
        header.setSectionResizeMode(
            i, QHeaderView.ResizeMode.Interactive if overflow else QHeaderView.ResizeMode.Stretch
        )
        if overflow:
            header.resizeSection(i, keeps[i])


def fit_height(editor: EntityTable) -> None:
    """Make ``editor`` tall enough for its first ``rows_shown`` rows (never less than
    the ``lines`` it asked; nothing when ``rows_shown`` is 0)."""
    if not editor.rows_shown:
        return
    table = editor.table
    count = table.rowCount()
    line = table.fontMetrics().lineSpacing()
    shown = sum(table.rowHeight(r) for r in range(min(count, editor.rows_shown)))
    shown += max(0, editor.rows_shown - count) * (line + 8)
    bar = table.horizontalScrollBar()
    extra = table.horizontalHeader().height() + 2 * table.frameWidth()
    extra += bar.sizeHint().height() if bar.isVisible() else 0
    table.setMinimumHeight(max(editor.base_height, min(shown + extra, line * MAX_LINES)))
