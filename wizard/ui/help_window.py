"""Help ▸ Guide: a short guide per step, from the same texts as the pages' "why"
panels (each page's ``HELP``), the guide's principles the findings cite, and the
keyboard shortcuts. It opens on the step the user is on; About shows the version and
the licence."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QTextBrowser, QWidget

from wizard import __version__
from wizard.core.checks import principles
from wizard.core.i18n import N_, _
from wizard.core.steps import Step, title
from wizard.ui import dialogs

PRINCIPLES_ROW = len(Step)
"""The list's row of the guide's principles (after one row per step)."""
SHORTCUTS_ROW = PRINCIPLES_ROW + 1

APP_NAME = N_("Open Procurement Wizard")
PRINCIPLES = N_("The guide’s principles")
SHORTCUTS = N_("Keyboard shortcuts")
SUMMARY = N_("From a well-defined problem to an ethical IT tender, offline.")
LICENCE = N_(
    "Free software under the GNU Affero General Public License, version 3 or any later version "
    "(AGPL-3.0-or-later): you may use, study, share and improve it; a changed version you let "
    "others use over a network must offer them its source code. It comes with no warranty."
)


def principle_texts() -> list[str]:
    """The guide's principles (English msgids), in the order of ``checks/principles.py``."""
    return [value for name, value in vars(principles).items() if name.isupper() and isinstance(value, str)]


def step_html(step: Step) -> str:
    """The guide of one step: its title and its page's "why" text."""
    from wizard.ui.pages import PAGES

    text = PAGES[step].HELP
    body = "".join(f"<p>{escape(part)}</p>" for part in _(text).split("\n") if part.strip()) if text else ""
    return f"<h2>{step.value + 1}. {escape(_(title(step)))}</h2>{body}"


def principles_html() -> str:
    items = "".join(f"<li>{escape(_(text))}</li>" for text in principle_texts())
    return f"<h2>{escape(_(PRINCIPLES))}</h2><ul>{items}</ul>"


def shortcuts_html(shortcuts: list[tuple[str, QKeySequence]]) -> str:
    """A table of the menu commands that have a shortcut, in this system's notation."""
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td><b>{escape(keys.toString(QKeySequence.SequenceFormat.NativeText))}"
        "</b></td></tr>"
        for name, keys in shortcuts
        if not keys.isEmpty()
    )
    return f"<h2>{escape(_(SHORTCUTS))}</h2><table cellpadding='4'>{rows}</table>"


class HelpWindow(QDialog):
    """The guide, non-modal: a list of the steps, the principles and the shortcuts
    beside the text of the chosen one."""

    def __init__(self, parent: QWidget | None, shortcuts: list[tuple[str, QKeySequence]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Guide"))
        self._shortcuts = shortcuts
        self.topics = QListWidget()
        for step in Step:
            self.topics.addItem(f"{step.value + 1}. {_(title(step))}")
        self.topics.addItem(_(PRINCIPLES))
        self.topics.addItem(_(SHORTCUTS))
        self.topics.setMaximumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.topics)
        layout.addWidget(self.text, 1)
        self.topics.currentRowChanged.connect(self._show)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 30)

    def _show(self, row: int) -> None:
        if row < 0:
            return
        if row < PRINCIPLES_ROW:
            self.text.setHtml(step_html(Step(row)))
        elif row == PRINCIPLES_ROW:
            self.text.setHtml(principles_html())
        else:
            self.text.setHtml(shortcuts_html(self._shortcuts))

    def show_topic(self, row: int) -> None:
        """Show the topic at ``row`` (a step's value, or :data:`PRINCIPLES_ROW` …)."""
        self.topics.setCurrentRow(row)
        self._show(row)
        self.show()
        self.raise_()
        self.activateWindow()


def about_text() -> str:
    return (
        f"<h3>{escape(_(APP_NAME))} {escape(__version__)}</h3>"
        f"<p>{escape(_(SUMMARY))}</p>"
        f"<p>{escape(_(LICENCE))}</p>"
    )


def show_about(parent: QWidget | None) -> None:
    dialogs.show_about(parent, _("About Open Procurement Wizard"), about_text())
