"""Edit ▸ Find (Ctrl+F): the project's texts that hold the words typed, each named as
the History names its field; choosing one goes to its step and focuses its editor, as
a click on a finding does (``TenderWizard.focus_field``). The search itself is
``wizard.core.search``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from wizard.core.i18n import _, n_
from wizard.core.search import MAX_HITS, search
from wizard.ui import field_labels

if TYPE_CHECKING:
    from wizard.ui.main_window import MainWindow

ADDRESS_ROLE = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    """A non-modal window beside the wizard: a search box and its hits."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_("Find in the project"))
        self.query = QLineEdit()
        self.query.setObjectName("search-text")
        self.query.setPlaceholderText(_("Words to find in every text of the project"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("search-results")
        self.results.setWordWrap(True)
        self.count = QLabel()
        label = QLabel(_("&Find:"))
        label.setBuddy(self.query)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.query)
        layout.addWidget(self.count)
        layout.addWidget(self.results, 1)
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self.open_first)
        self.results.itemActivated.connect(self.open_item)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().lineSpacing() * 24)

    def start(self) -> None:
        """Show the window with its words selected, ready for new ones."""
        self.setWindowTitle(_("Find in the project"))
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()

    def refresh(self) -> None:
        """List the hits of the words typed, in the project as it is now."""
        self.results.clear()
        ctx, wizard = self.window_.ctx, self.window_.wizard
        if ctx is None or wizard is None:
            self.count.setText("")
            return
        ctx.flush()
        hits = search(ctx.project, self.query.text())
        labels = field_labels.page_labels(wizard.step_pages)
        for hit in hits:
            where = field_labels.describe(hit.address, ctx.project, labels)
            if hit.lang:
                where += f" ({hit.lang.upper()})"
            item = QListWidgetItem(f"{where}\n{hit.snippet}")
            item.setData(ADDRESS_ROLE, hit.address)
            item.setToolTip(hit.address)
            self.results.addItem(item)
        if not self.query.text().strip():
            self.count.setText("")
        elif len(hits) >= MAX_HITS:
            self.count.setText(_("The first {limit} texts found; type more words.", limit=MAX_HITS))
        else:
            self.count.setText(n_("{count} text found.", "{count} texts found.", len(hits)))

    def open_first(self) -> None:
        item = self.results.item(0)
        if item is not None:
            self.open_item(item)

    def open_item(self, item: QListWidgetItem) -> None:
        """Go to the step of the hit and focus its field."""
        wizard = self.window_.wizard
        address = item.data(ADDRESS_ROLE)
        if wizard is not None and address:
            self.window_.activateWindow()
            wizard.focus_field(str(address))
