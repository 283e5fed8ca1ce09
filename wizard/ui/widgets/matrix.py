"""The market-scan matrix: solutions (rows) × features and standards (columns), each
cell yes / partial / no / unknown. A cell is saved as a ``support`` row.

A :class:`QAbstractTableModel` over a dictionary built once per reload, so 50 solutions
× 200 features (10,000 cells) show at once instead of 10,000 item objects.
A click cycles a cell (unknown → yes → partial → no → unknown); the keyboard sets it
directly (Y/O yes, P partial, N no, U/I/? unknown; Space cycles). Header tooltips show
each feature's support in the scan; common features are in bold, under-performing
solutions in italics.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

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
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.clicked.connect(self.cycle)

    def reload(self) -> None:
        """Show the project's matrix again (fast: no per-cell measuring)."""
        self.model_.reload()
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in self.model_._labels.values())
        self.horizontalHeader().setDefaultSectionSize(max(widest + 16, metrics.averageCharWidth() * 12))
        self.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + 8)
        self.verticalHeader().setMaximumWidth(metrics.averageCharWidth() * 28)

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
