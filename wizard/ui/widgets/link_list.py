"""A checkable list of other entities (the ``list[int]`` links of the model, e.g. the
criteria a scenario verifies)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

ID_ROLE = Qt.ItemDataRole.UserRole


class LinkList(QListWidget):
    """``show_links(options, selected)``; ``links_changed(list[int])`` on each tick."""

    links_changed = Signal(list)

    def __init__(self, lines: int = 5) -> None:
        super().__init__()
        self._loading = False
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * (lines + 1))
        self.itemChanged.connect(self._changed)

    def show_links(self, options: list[tuple[int, str]], selected: list[int], editable: bool = True) -> None:
        self._loading = True
        try:
            self.clear()
            for row_id, text in options:
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, row_id)
                flags = Qt.ItemFlag.ItemIsEnabled
                if editable:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
                item.setCheckState(Qt.CheckState.Checked if row_id in selected else Qt.CheckState.Unchecked)
                self.addItem(item)
        finally:
            self._loading = False

    def checked_ids(self) -> list[int]:
        return [
            self.item(i).data(ID_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, row_id: int, on: bool) -> None:
        """Tick or untick one entity as the user would."""
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == row_id:
                self.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _changed(self, _item: QListWidgetItem) -> None:
        if not self._loading:
            self.links_changed.emit(self.checked_ids())
