"""Tree views whose long texts wrap on several lines instead of being cut with "…"
(the findings on the review page).

``QTreeView`` measures a wrapped row with the whole column width, while it paints the
first column narrower (indentation, icon): the row gets one line and the rest of the
text is hidden. :class:`WrapDelegate` measures with the width really painted, and
:func:`wrap_lines` re-measures the rows whenever a column or the view changes width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget


class WrapDelegate(QStyledItemDelegate):
    """Row heights that fit the wrapped text in the width the tree paints it."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return base
        width = self.tree.header().sectionSize(index.column())
        if index.column() == 0:
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.tree.indentation() * (depth if self.tree.rootIsDecorated() else depth - 1)
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            width -= self.tree.iconSize().width() if self.tree.iconSize().isValid() else 16
            width -= 4
        margin = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        width = max(40, width - 2 * margin - 4)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(base.width(), max(base.height(), rect.height() + 6))


class _Relayout(QObject):
    """Re-measures the rows once after the columns or the view change width."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(50)
        self.timer.timeout.connect(tree.doItemsLayout)
        tree.header().sectionResized.connect(lambda *_a: self.timer.start())
        tree.header().geometriesChanged.connect(self.timer.start)


def wrap_lines(tree: QTreeWidget) -> None:
    """Long texts of ``tree`` wrap (never cut with "…"); the last column takes the width
    left and the others stay resizable by the user."""
    tree.setWordWrap(True)
    tree.setUniformRowHeights(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    tree.setItemDelegate(WrapDelegate(tree))
    tree.header().setStretchLastSection(True)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    _Relayout(tree)
