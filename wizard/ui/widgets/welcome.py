"""The first screen when no project is open: new, new from an example, open, recent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wizard.core.i18n import N_
from wizard.ui.recent import recent_files
from wizard.ui.widgets.texts import Texts

PATH_ROLE = Qt.ItemDataRole.UserRole


class Welcome(QWidget):
    new_clicked = Signal()
    example_clicked = Signal()
    open_clicked = Signal()
    recent_chosen = Signal(object)  # Path

    def __init__(self, texts: Texts) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        title = QLabel()
        font = title.font()  # a font, not a style sheet: a style sheet slows the first paint
        font.setPointSize(16)
        font.setBold(True)
        title.setFont(font)
        texts.add(title.setText, N_("Open Procurement Wizard"))
        intro = QLabel()
        intro.setWordWrap(True)
        texts.add(
            intro.setText,
            N_(
                "From a well-defined problem to an ethical tender: this wizard walks you through "
                "each step, explains why it matters, and writes the tender your lawyers will edit. "
                "Everything is saved as you type, in one project file."
            ),
        )
        buttons = QHBoxLayout()
        for signal, text in (
            (self.new_clicked, N_("New project…")),
            (self.example_clicked, N_("New from an example…")),
            (self.open_clicked, N_("Open a project…")),
        ):
            button = QPushButton()
            texts.add(button.setText, text)
            button.clicked.connect(signal)
            buttons.addWidget(button)
        buttons.addStretch(1)
        recent_title = QLabel()
        texts.add(recent_title.setText, N_("Recent projects"))
        self.recent = QListWidget()
        self.recent.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(PATH_ROLE)))
        for widget in (title, intro):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent, 1)
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in recent_files():
            item = QListWidgetItem(f"{Path(path).name} — {Path(path).parent}")
            item.setData(PATH_ROLE, Path(path))
            self.recent.addItem(item)
