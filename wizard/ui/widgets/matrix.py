"""The market-scan matrix: solutions (rows) × features and standards (columns), each
cell yes / partial / no / unknown. A cell is saved as a ``support`` row.

A :class:`QAbstractTableModel` over a dictionary built once per reload, so 50 solutions
× 200 features (10,000 cells) show at once instead of 10,000 item objects.
A click cycles a cell (unknown → yes → partial → no → unknown); the keyboard sets it
directly (Y/O yes, P partial, N no, U/I/? unknown; Space cycles). Each feature's column
is as wide as its name (up to :data:`NAME_CHARS` characters), so headers are read whole
at 1366×768 in both languages; header tooltips show the whole name and each feature's
support in the scan; common features are in bold, under-performing
solutions in italics.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from wizard.core import ops
from wizard.core.domain import market
from wizard.core.i18n import _, n_
from wizard.core.model import Support
from wizard.ui.context import ProjectContext
from wizard.ui.labels import label

LEVEL_ROLE = Qt.ItemDataRole.UserRole
COLORS = {"yes": "#c8e6c9", "partial": "#fff3c4", "no": "#ffcdd2", "unknown": "#eeeeee"}
CYCLE = {"unknown": "yes", "yes": "partial", "partial": "no", "no": "unknown"}
KEYS = {"y": "yes", "o": "yes", "p": "partial", "n": "no", "u": "unknown", "i": "unknown", "?": "unknown"}
Index = QModelIndex | QPersistentModelIndex
WRAP_CHARS = 16
"""A feature's name wider than this (average characters) is set on two lines."""
NAME_CHARS = 40
"""Widest a feature's column grows, in average characters (a longer name is cut and its
header's tooltip gives it whole); also the widest the solutions' names grow before they
wrap (on up to three lines)."""


class SupportModel(QAbstractTableModel):
    """The matrix of the open project; :meth:`setData` saves a cell through the context."""

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.solutions: list[Any] = []
        self.features: list[Any] = []
        self.cells: dict[tuple[int, int], Support] = {}
        self.summary: market.MarketSummary | None = None
        self._labels: dict[str, str] = {}
        self._brushes = {level: QBrush(QColor(color)) for level, color in COLORS.items()}
        self._black = QBrush(QColor("#000000"))
        self._bold = QFont()
        self._bold.setBold(True)
        self._italic = QFont()
        self._italic.setItalic(True)

    def reload(self) -> None:
        """Read the project again (solutions, features, cells, labels)."""
        self.beginResetModel()
        project = self.ctx.project
        self.solutions, self.features = list(project.solutions), list(project.features)
        self.cells = {(c.solution_id, c.feature_id): c for c in project.support}
        self._labels = {level: label(level) for level in Support.LEVELS}
        self.summary = market.summarize(project)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.solutions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.features)

    def level(self, row: int, column: int) -> str:
        cell = self.cells.get((self.solutions[row].id, self.features[column].id))
        return cell.level if cell is not None else "unknown"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        level = self.level(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._labels.get(level, level)
        if role == LEVEL_ROLE:
            return level
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brushes.get(level)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._black
        if role == Qt.ItemDataRole.ToolTipRole:
            solution, feature = self.solutions[index.row()], self.features[index.column()]
            return f"{solution.name or '…'} — {feature.name or '…'}: {self._labels.get(level, level)}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        rows = self.features if horizontal else self.solutions
        if not 0 <= section < len(rows):
            return None
        row = rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name or "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(row, horizontal)
        if role == Qt.ItemDataRole.FontRole and self.summary is not None:
            if horizontal and row.id in self.summary.common:
                return self._bold
            if not horizontal and row.id in self.summary.underperforming:
                return self._italic
        return None

    def _header_tip(self, row: Any, horizontal: bool) -> str:
        summary = self.summary
        if summary is None:
            return str(row.name)
        if horizontal:
            count = summary.supported.get(row.id, 0)
            text = n_(
                "{name}: supported by {count} solution out of {total}.",
                "{name}: supported by {count} solutions out of {total}.",
                count,
                name=row.name or "…",
                total=summary.solutions,
            )
            return text + (" " + _("Common feature.") if row.id in summary.common else "")
        if row.id in summary.underperforming:
            return _("{name}: under-performing solution.", name=row.name or "…")
        return str(row.name)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags if self.ctx.read_only else flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save ``value`` (a level) in the cell at ``index``; ``False`` if not saved."""
        if not index.isValid() or value not in Support.LEVELS or self.ctx.read_only:
            return False
        solution_id, feature_id = self.solutions[index.row()].id, self.features[index.column()].id
        cell = self.cells.get((solution_id, feature_id))
        if cell is not None and cell.level == value:
            return False
        saved = self.ctx.do(ops.set_support, solution_id=solution_id, feature_id=feature_id, level=value)
        if saved is None:
            return False  # the context has shown why
        self.cells[(solution_id, feature_id)] = saved
        self.summary = market.summarize(self.ctx.project)
        self.dataChanged.emit(index, index)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.features) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, max(0, len(self.solutions) - 1))
        return True


class SupportMatrix(QTableView):
    """The matrix view; ``cell_saved`` after each saved change."""

    cell_saved = Signal()

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model_ = SupportModel(ctx)
        self.setModel(self.model_)
        self.setObjectName("matrix")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        wrap = Qt.AlignmentFlag(int(Qt.TextFlag.TextWordWrap))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | wrap)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | wrap
        )
        self.clicked.connect(self.cycle)

    def reload(self) -> None:
        """Show the project's matrix again (fast: no per-cell measuring, one measure per
        name) with every name whole: see :meth:`fit_headers`."""
        self.model_.reload()
        self.fit_headers()

    def fit_headers(self) -> None:
        """Size the headers to their names. A feature's column is as wide as its name,
        or, past :data:`WRAP_CHARS` average characters, as its name set on two lines
        (at most :data:`NAME_CHARS`; the header row grows to the tallest name). The
        solutions' names take up to :data:`NAME_CHARS` and wrap on more lines beyond."""
        metrics = self.fontMetrics()
        char = metrics.averageCharWidth()
        widest = max(metrics.horizontalAdvance(text) for text in self.model_._labels.values())
        cell = max(widest + 16, char * 12)
        header = self.horizontalHeader()
        header.setDefaultSectionSize(cell)
        margin = self.header_margin()
        tallest = metrics.lineSpacing()
        for column in range(self.model_.columnCount()):
            name, name_metrics = self._name(Qt.Orientation.Horizontal, column)
            width = max(
                cell, min(_two_line_width(name, name_metrics, char * WRAP_CHARS), char * NAME_CHARS) + margin
            )
            header.resizeSection(column, width)
            tallest = max(tallest, _wrapped_height(name, name_metrics, width - margin + 8))
        header.setFixedHeight(min(tallest, 3 * metrics.lineSpacing()) + margin)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(metrics.lineSpacing() + 8)
        names = [self._name(Qt.Orientation.Vertical, row) for row in range(self.model_.rowCount())]
        longest = max((m.horizontalAdvance(name) for name, m in names), default=char * 8)
        width = min(char * NAME_CHARS, longest) + margin
        rows.setFixedWidth(width)
        for row, (name, name_metrics) in enumerate(names):
            height = _wrapped_height(name, name_metrics, width - margin + 8)
            rows.resizeSection(row, min(height, 3 * metrics.lineSpacing()) + 8)

    def header_margin(self) -> int:
        """Pixels of a header section around its name: the style's margins (Qt draws
        the name between them) and 8 more to spare."""
        return 2 * self.horizontalHeader().style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8

    def _name(self, orientation: Qt.Orientation, section: int) -> tuple[str, QFontMetrics]:
        """A header's name and the metrics of its font (bold, italic, or the header's)."""
        font = self.model_.headerData(section, orientation, Qt.ItemDataRole.FontRole)
        header = (
            self.horizontalHeader() if orientation == Qt.Orientation.Horizontal else self.verticalHeader()
        )
        metrics = QFontMetrics(font if isinstance(font, QFont) else header.font())
        return str(self.model_.headerData(section, orientation) or ""), metrics

    def cycle(self, index: QModelIndex) -> None:
        """Move a cell to the next level (a click)."""
        self.set_cell(index, CYCLE.get(self.model_.data(index, LEVEL_ROLE), "yes"))

    def set_cell(self, index: QModelIndex, level: str) -> None:
        if self.model_.setData(index, level):
            self.cell_saved.emit()

    def set_level(self, solution_id: int, feature_id: int, level: str) -> None:
        """Change one cell as the user would."""
        r = [s.id for s in self.model_.solutions].index(solution_id)
        c = [f.id for f in self.model_.features].index(feature_id)
        self.set_cell(self.model_.index(r, c), level)

    def cell_rect(self, solution_id: int, feature_id: int) -> Any:
        """Where a cell is on screen (viewport coordinates), for clicks in tests."""
        r = [s.id for s in self.model_.solutions].index(solution_id)
        c = [f.id for f in self.model_.features].index(feature_id)
        index = self.model_.index(r, c)
        self.scrollTo(index)
        return self.visualRect(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        text = event.text().lower()
        if index.isValid() and event.key() == Qt.Key.Key_Space:
            self.cycle(index)
        elif index.isValid() and text in KEYS:
            self.set_cell(index, KEYS[text])
        else:
            super().keyPressEvent(event)


def _two_line_width(name: str, metrics: QFontMetrics, wrap_at: int) -> int:
    """The width ``name`` needs: its own up to ``wrap_at`` pixels, beyond it the widest
    line of its best cut into two lines between words."""
    whole = metrics.horizontalAdvance(name)
    words = name.split(" ")
    if whole <= wrap_at or len(words) < 2:
        return whole
    return min(
        max(metrics.horizontalAdvance(" ".join(words[:i])), metrics.horizontalAdvance(" ".join(words[i:])))
        for i in range(1, len(words))
    )


def _wrapped_height(name: str, metrics: QFontMetrics, width: int) -> int:
    """The height of ``name`` wrapped between words in ``width`` pixels, as Qt draws it."""
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(QRect(0, 0, max(1, width), 10_000), flags, name).height()
