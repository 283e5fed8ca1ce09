"""The main window: menus and toolbar, the step list beside the wizard, or the welcome
screen when no project is open."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QStackedWidget, QToolBar

from wizard.core.i18n import N_, _, ui_language
from wizard.ui import edit_menu as edit_actions
from wizard.ui import recent, settings
from wizard.ui.language import apply_language
from wizard.ui.lazy_qt import TOOL_BUTTON_TEXT_ONLY, set_enum, standard_keys
from wizard.ui.widgets.texts import Texts
from wizard.ui.widgets.welcome import Welcome

if TYPE_CHECKING:
    from wizard.core.project_file.store import ProjectFile
    from wizard.ui.context import ProjectContext
    from wizard.ui.tender_wizard import TenderWizard
    from wizard.ui.views import PreviewWindow


class _Lazy:
    """A module imported on first use: the welcome screen shows without loading the
    project file, checks, pages and exporters (start-up time)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


act = _Lazy("wizard.ui.project_actions")
publishing = _Lazy("wizard.ui.publishing_dialog")
bids_window = _Lazy("wizard.ui.bids_window")
contract = _Lazy("wizard.ui.contract_dialog")
audit = _Lazy("wizard.ui.audit_dialog")
help_window = _Lazy("wizard.ui.help_window")


def preview_available() -> bool:
    """Whether the tender preview module is installed (found without importing it)."""
    return importlib.util.find_spec("wizard.core.documents.html") is not None


ACTIONS: list[tuple[str, str, QKeySequence.StandardKey | None]] = [
    ("new", N_("&New project…"), QKeySequence.StandardKey.New),
    ("example", N_("New from an &example…"), None),
    ("colleague", N_("New from a &colleague's project…"), None),
    ("open", N_("&Open…"), QKeySequence.StandardKey.Open),
    ("save_as", N_("Save &as…"), QKeySequence.StandardKey.SaveAs),
    ("import_json", N_("&Import a project (JSON)…"), None),
    ("export_json", N_("Export the project (&JSON)…"), None),
    ("export", N_("&Export…"), None),
    ("preview", N_("&Preview of the tender"), None),
    ("history", N_("&History of changes"), None),
    ("check_document", N_("Check a &tender document…"), None),
    ("close", N_("&Close the project"), QKeySequence.StandardKey.Close),
    ("quit", N_("&Quit"), QKeySequence.StandardKey.Quit),
]
PROJECT_ACTIONS = (
    "save_as",
    "export_json",
    "export",
    "preview",
    "history",
    "close",
    "publish",
    "addenda",
    "contract",
)
TENDER_ACTIONS: list[tuple[str, str]] = [
    ("publish", N_("Mark as &published…")),
    ("addenda", N_("&Addenda…")),
    ("bids", N_("&Bids and evaluation…")),
    ("contract", N_("&Contract follow-up…")),
]
"""The Tender menu: after publication (docs/publishing.md); *Bids and evaluation…*
once the tender is published (docs/bids.md); *Contract follow-up…* after the award
(docs/contract.md)."""
HELP_ACTIONS: list[tuple[str, str, QKeySequence.StandardKey | None]] = [
    ("guide", N_("&Guide"), QKeySequence.StandardKey.HelpContents),
    ("about", N_("&About"), None),
]


class MainWindow(QMainWindow):
    """The application window. ``open_path``/``set_project`` load a project."""

    def __init__(self) -> None:
        super().__init__()
        self.ctx: ProjectContext | None = None
        self.wizard: TenderWizard | None = None
        self.preview: PreviewWindow | None = None
        self.texts = Texts()
        self.stack = QStackedWidget()
        self.welcome = Welcome(self.texts)
        self.welcome.new_clicked.connect(lambda: act.new_project(self))
        self.welcome.example_clicked.connect(lambda: act.new_from_example(self))
        self.welcome.colleague_clicked.connect(lambda: act.import_project(self, ".tender"))
        self.welcome.open_clicked.connect(lambda: act.open_project(self))
        self.welcome.recent_chosen.connect(self.open_path)
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self._build_actions()
        self._update_title()
        geometry = settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 720)

    # -- menus -----------------------------------------------------------------------

    def _pdf_toggle(self) -> QAction:
        """File › "Also write PDF copies": checkable, off at start; disabled, with the
        reason as its tooltip, when LibreOffice is not installed (``core.pdf``)."""
        from wizard.core import pdf

        action = QAction(self)
        action.setCheckable(True)
        self.texts.add(action.setText, N_("Also write &PDF copies (LibreOffice)"))
        if pdf.soffice() is None:
            action.setEnabled(False)
            self.texts.add(action.setToolTip, pdf.NOT_INSTALLED)
        self.actions_by_name["pdf"] = action
        return action

    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], object]] = {
            "new": lambda: act.new_project(self),
            "example": lambda: act.new_from_example(self),
            "colleague": lambda: act.import_project(self, ".tender"),
            "open": lambda: act.open_project(self),
            "save_as": lambda: act.save_as(self),
            "import_json": lambda: act.import_project(self, ".json"),
            "export_json": lambda: act.export_json(self),
            "export": lambda: act.export(self),
            "preview": lambda: act.show_preview(self),
            "history": lambda: act.show_history(self),
            "check_document": lambda: audit.check_document(self),
            "close": self.close_project,
            "quit": self.close,
        }
        self.actions_by_name: dict[str, QAction] = {}
        file_menu = self.menuBar().addMenu("")
        self.texts.add(file_menu.setTitle, N_("&File"))
        self.recent_menu = QMenu(self)
        self.texts.add(self.recent_menu.setTitle, N_("Recent projects"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        for name, text, shortcut in ACTIONS:
            action = QAction(self)
            self.texts.add(action.setText, text)
            if shortcut is not None:
                action.setShortcuts(standard_keys(shortcut))
            action.triggered.connect(handlers[name])
            self.actions_by_name[name] = action
            if name in ("save_as", "import_json", "check_document", "close", "quit"):
                file_menu.addSeparator()
            file_menu.addAction(action)
            if name == "open":
                file_menu.addMenu(self.recent_menu)
            if name == "export":
                file_menu.addAction(self._pdf_toggle())
        edit_menu = self.menuBar().addMenu("")
        self.texts.add(edit_menu.setTitle, N_("&Edit"))
        self.edit = edit_actions.EditMenu(self, edit_menu)
        tender_menu = self.menuBar().addMenu("")
        self.texts.add(tender_menu.setTitle, N_("&Tender"))
        tender_handlers: dict[str, Callable[[], object]] = {
            "publish": lambda: publishing.mark_as_published(self),
            "addenda": lambda: publishing.show_addenda(self),
            "bids": lambda: bids_window.show_bids(self),
            "contract": lambda: contract.show_contract(self),
        }
        for name, text in TENDER_ACTIONS:
            action = QAction(self)
            self.texts.add(action.setText, text)
            action.triggered.connect(tender_handlers[name])
            self.actions_by_name[name] = action
            tender_menu.addAction(action)
        tender_menu.aboutToShow.connect(self._enable_actions)
        language_menu = self.menuBar().addMenu("")
        self.texts.add(language_menu.setTitle, N_("&Language"))
        group = QActionGroup(self)
        for lang, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(lang == ui_language())
            action.triggered.connect(lambda _c=False, lang=lang: self.set_language(lang))
            group.addAction(action)
            language_menu.addAction(action)
            self.actions_by_name[f"lang_{lang}"] = action
        help_menu = self.menuBar().addMenu("")
        self.texts.add(help_menu.setTitle, N_("&Help"))
        help_handlers: dict[str, Callable[[], object]] = {
            "guide": self.show_help,
            "about": lambda: help_window.show_about(self),
        }
        for name, text, shortcut in HELP_ACTIONS:
            action = QAction(self)
            self.texts.add(action.setText, text)
            if shortcut is not None:
                action.setShortcuts(standard_keys(shortcut))
            action.triggered.connect(help_handlers[name])
            self.actions_by_name[name] = action
            help_menu.addAction(action)
        toolbar = QToolBar()
        toolbar.setObjectName("main-toolbar")
        set_enum(toolbar, "toolButtonStyle", TOOL_BUTTON_TEXT_ONLY)
        for name in ("new", "open", "save_as", "preview", "export"):
            toolbar.addAction(self.actions_by_name[name])
        self.addToolBar(toolbar)
        self._enable_actions()

    def show_help(self) -> None:
        """Open the guide on the step shown (the first step when no project is open)."""
        if getattr(self, "help", None) is None:
            shortcuts = [
                (action.text().replace("&", ""), action.shortcut())
                for action in self.actions_by_name.values()
                if not action.shortcut().isEmpty()
            ]
            self.help = help_window.HelpWindow(self, shortcuts)
        step = self.wizard.currentId() if self.wizard is not None else 0
        self.help.show_topic(max(step, 0))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent.recent_files():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(_("(none)")).setEnabled(False)

    def _enable_actions(self) -> None:
        for name in PROJECT_ACTIONS:
            self.actions_by_name[name].setEnabled(self.ctx is not None)
        if not preview_available():
            self.actions_by_name["preview"].setEnabled(False)
        if self.ctx is not None and self.ctx.read_only:
            self.actions_by_name["save_as"].setEnabled(True)
        self.actions_by_name["bids"].setEnabled(self.ctx is not None and self.ctx.pf.published)

    # -- project ---------------------------------------------------------------------

    def open_path(self, path: Path) -> bool:
        """Open a project file; errors are shown, never raised. ``True`` when opened."""
        pf = act.open_file(self, Path(path))
        if pf is None:
            return False
        self.set_project(pf)
        return True

    def set_project(self, pf: ProjectFile) -> None:
        """Show ``pf`` in a new wizard (closing the current project first)."""
        from PySide6.QtCore import Qt

        from wizard.ui.context import ProjectContext
        from wizard.ui.tender_wizard import TenderWizard
        from wizard.ui.widgets.step_list import StepList

        self.close_project()
        self.ctx = ProjectContext(pf, self)
        self.ctx.window = self
        self.wizard = TenderWizard(self.ctx)
        self.wizard.export_requested.connect(lambda: act.export(self))
        self.steps = StepList()
        self.steps.step_clicked.connect(self._go_to)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.steps)
        splitter.addWidget(self.wizard)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.fontMetrics().averageCharWidth() * 38, self.width()])
        self.stack.addWidget(splitter)
        self.stack.setCurrentWidget(splitter)
        self.ctx.changed.connect(self._refresh_steps)
        self.ctx.changed.connect(self.edit.edited)
        self.ctx.changed.connect(self._enable_actions)
        self.wizard.currentIdChanged.connect(lambda _id: self._refresh_steps())
        if self.isVisible() and self.wizard.currentId() < 0:
            self.wizard.restart()
        self._refresh_steps()
        self.edit.refresh()
        recent.add_recent(pf.path)
        self._update_title()
        self._enable_actions()
        for warning in pf.warnings:
            self.status.setText(_(warning))

    def reload_pages(self) -> None:
        """Show the project's values again on every page (after an undo)."""
        if self.wizard is not None:
            for page in self.wizard.step_pages.values():
                page.load()

    def _go_to(self, step: int) -> None:
        if self.wizard is not None:
            from wizard.core.steps import Step

            self.wizard.go_to(Step(step))
            first = self.steps.first_untranslated(step)  # a bilingual tender's texts to translate
            if first is not None:
                self.wizard.focus_translation(first)

    def _refresh_steps(self) -> None:
        if self.ctx is not None and self.wizard is not None:
            self.steps.refresh(self.ctx, self.wizard.currentId())

    def close_project(self) -> None:
        """Save pending edits and close the current project (back to the welcome)."""
        if self.ctx is None:
            return
        if self.preview is not None:
            self.preview.close()
            self.preview = None
        self.ctx.close()
        container = self.stack.widget(1)
        self.stack.setCurrentWidget(self.welcome)
        if container is not None:
            self.stack.removeWidget(container)
            container.deleteLater()
        self.ctx, self.wizard = None, None
        self.welcome.refresh()
        self._update_title()
        self._enable_actions()
        self.edit.refresh()

    def _update_title(self) -> None:
        title = _("Open Procurement Wizard")
        if self.ctx is not None:
            title = f"{self.ctx.pf.path.name} — {title}"
            if self.ctx.read_only:
                title += " — " + _("read-only")
        self.setWindowTitle(title)
        if self.ctx is not None:
            state = (
                _("Read-only: changes are not saved.")
                if self.ctx.read_only
                else _("Every change is saved at once.")
            )
            self.status.setText(f"{self.ctx.pf.path} — {state}")
        else:
            self.status.setText("")

    # -- language ---------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole interface (our strings and Qt's) to ``lang``, live."""
        if self.ctx is not None:
            self.ctx.flush()
        apply_language(lang)
        settings.set_language(lang)
        self.actions_by_name[f"lang_{lang}"].setChecked(True)
        self.texts.apply()
        if self.wizard is not None:
            self.wizard.retranslate()
            self._refresh_steps()
        if self.preview is not None:
            self.preview.refresh()
        self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.set_geometry(self.saveGeometry())
        self.close_project()
        super().closeEvent(event)
