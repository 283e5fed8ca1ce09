"""The first screen when no project is open: new, new from an example, open, recent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
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
from wizard.ui.lazy_qt import RICH_TEXT, USER_ROLE, set_enum
from wizard.ui.recent import recent_files
from wizard.ui.widgets.texts import Texts

PATH_ROLE = USER_ROLE  # no Qt namespace at start (wizard/ui/lazy_qt.py)


class Welcome(QWidget):
    new_clicked = Signal()
    example_clicked = Signal()
    colleague_clicked = Signal()
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
        ways = QLabel()
        ways.setWordWrap(True)
        set_enum(ways, "textFormat", RICH_TEXT)
        texts.add(
            ways.setText,
            N_(
                "<p>Three ways to start:</p><ul>"
                "<li><b>New project</b>: an empty project; the wizard asks for each answer in turn.</li>"
                "<li><b>New from an example</b>: a complete sample tender of a fictional town, "
                "to see what each step expects or to adapt it.</li>"
                "<li><b>New from a colleague's project</b>: a copy of another town's or a "
                "colleague's project (a .tender file, or its JSON export); their file is "
                "only read.</li></ul>"
                "<p>Press F1 at any time for the guide of the step you are on.</p>"
            ),
        )
        buttons = QHBoxLayout()
        for signal, text in (
            (self.new_clicked, N_("New project…")),
            (self.example_clicked, N_("New from an example…")),
            (self.colleague_clicked, N_("New from a colleague's project…")),
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
        self.no_recent = QLabel()
        self.no_recent.setWordWrap(True)
        texts.add(
            self.no_recent.setText,
            N_(
                "No recent project yet. The projects you create or open will be listed "
                "here; double-click one to open it again."
            ),
        )
        for widget in (title, intro, ways):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(recent_title)
        layout.addWidget(self.no_recent)
        layout.addWidget(self.recent, 1)
        layout.addStretch(0)  # takes the room of the list while there is none
        self._layout = layout
        self.refresh()

    def refresh(self) -> None:
        self.recent.clear()
        for path in recent_files():
            item = QListWidgetItem(f"{Path(path).name} — {Path(path).parent}")
            item.setData(PATH_ROLE, Path(path))
            self.recent.addItem(item)
        empty = self.recent.count() == 0
        self.no_recent.setVisible(empty)
        self.recent.setVisible(not empty)  # no large empty box at first start
        self._layout.setStretch(self._layout.count() - 1, 1 if empty else 0)
