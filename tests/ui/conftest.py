"""UI fixtures: settings in a temporary folder, English at start, no real dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from wizard.ui import dialogs
from wizard.ui.language import apply_language


@pytest.fixture(autouse=True)
def ui_sandbox(tmp_path, qapp, monkeypatch):
    """Settings go to tmp; the UI starts in English; a dialog that would open fails the test."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    apply_language("en")

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected dialog: {args[1:] if len(args) > 1 else args}")

    for name in (
        "ask_open_path",
        "ask_document_path",
        "ask_save_path",
        "ask_folder",
        "show_error",
        "show_info",
        "show_about",
        "ask_yes_no",
        "ask_read_only",
        "ask_text",
        "ask_choice",
        "run_dialog",
        "ask_export_anyway",
        "ask_date",
        "ask_document_paths",
    ):
        monkeypatch.setattr(dialogs, name, unexpected)
    yield
    apply_language("en")


@pytest.fixture
def errors(monkeypatch):
    """Messages shown through ``dialogs.show_error``."""
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message: shown.append(message))
    return shown


@pytest.fixture
def window(qtbot):
    from wizard.ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    yield win
    win.close_project()


@pytest.fixture
def open_window(window, tmp_path):
    """The main window with a new, empty project (defaults in English) open."""
    from wizard.core.model.defaults import new_project
    from wizard.core.project_file.store import ProjectFile

    window.set_project(ProjectFile.create(tmp_path / "p.tender", new_project("en")))
    return window
