"""The market-scan matrix: solutions (rows) × features and standards (columns), each
cell yes / partial / no / unknown (SPEC §2.3). A cell is saved as a ``support`` row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableWidget, QTableWidgetItem, QWidget

from wizard.core.model import Support
from wizard.ui.context import ProjectContext
from wizard.ui.labels import label

LEVEL_ROLE = Qt.ItemDataRole.UserRole
COLORS = {"yes": "#c8e6c9", "partial": "#fff3c4", "no": "#ffcdd2", "unknown": "#eeeeee"}


class _LevelDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        box = QComboBox(parent)
        for level in Support.LEVELS:
            box.addItem(label(level), level)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(LEVEL_ROLE))))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), LEVEL_ROLE)


class SupportMatrix(QTableWidget):
    """Edit with a double click (or F2); ``cell_saved`` after each change."""

    cell_saved = Signal()

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._loading = False
        self.setObjectName("matrix")
        self.setItemDelegate(_LevelDelegate(self))
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        self.itemChanged.connect(self._changed)

    def reload(self) -> None:
        project = self.ctx.project
        self._loading = True
        try:
            self.clear()
            self.setRowCount(len(project.solutions))
            self.setColumnCount(len(project.features))
            self.setVerticalHeaderLabels([s.name or "…" for s in project.solutions])
            self.setHorizontalHeaderLabels([f.name or "…" for f in project.features])
            for r, solution in enumerate(project.solutions):
                for c, feature in enumerate(project.features):
                    item = QTableWidgetItem()
                    item.setData(Qt.ItemDataRole.UserRole + 1, (solution.id, feature.id))
                    self._show(item, project.support_level(solution.id, feature.id))
                    if self.ctx.read_only:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.setItem(r, c, item)
        finally:
            self._loading = False
        self.resizeColumnsToContents()

    def _show(self, item: QTableWidgetItem, level: str) -> None:
        item.setData(LEVEL_ROLE, level)
        item.setText(label(level))
        item.setBackground(QBrush(QColor(COLORS.get(level, "#ffffff"))))
        item.setForeground(QBrush(QColor("#000000")))

    def set_level(self, solution_id: int, feature_id: int, level: str) -> None:
        """Change one cell as the user would."""
        project = self.ctx.project
        r = [s.id for s in project.solutions].index(solution_id)
        c = [f.id for f in project.features].index(feature_id)
        self.item(r, c).setData(LEVEL_ROLE, level)

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        solution_id, feature_id = item.data(Qt.ItemDataRole.UserRole + 1)
        level = item.data(LEVEL_ROLE)
        cell = next(
            (s for s in self.ctx.project.support if s.solution_id == solution_id and s.feature_id == feature_id),
            None,
        )
        if cell is None:
            self.ctx.add_row("support", solution_id=solution_id, feature_id=feature_id, level=level)
        elif cell.level != level:
            self.ctx.update_row("support", cell.id, level=level)
        self._loading = True
        try:
            self._show(item, level)
        finally:
            self._loading = False
        self.cell_saved.emit()
