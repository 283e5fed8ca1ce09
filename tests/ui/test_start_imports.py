"""The app's start (issue 25): the welcome screen shows without loading what only a
project needs (the project file, the checks, the document builders, the pages, the DOCX
and XLSX stacks, matplotlib), without building PySide's ``Qt`` namespace
(``wizard/ui/lazy_qt.py``), and a French start of a checkout reads its compiled
catalogue from the cache instead of parsing the ``.po`` files with Babel again. Each
start runs in a fresh interpreter, offscreen, with its settings and cache in tmp."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

DEFERRED = (
    "matplotlib",
    "docx",
    "openpyxl",
    "jsonschema",
    "sqlite_utils",
    "numpy",
    "lxml",
    "babel",
    "sqlite3",
    "wizard.core.checks",
    "wizard.core.model",
    "wizard.core.project_file.store",
    "wizard.core.documents.tender",
    "wizard.core.documents.record",
    "wizard.core.export",
    "wizard.ui.context",
    "wizard.ui.tender_wizard",
    "wizard.ui.pages",
    "wizard.ui.project_actions",
    "wizard.ui.dialogs",
)
"""Modules the welcome screen does not need: a project, a dialog or an export loads them."""

_CHILD = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
from wizard.ui.widgets.welcome import Welcome

def first_paint(self, event):
    import PySide6.QtCore
    from PySide6.QtWidgets import QApplication
    window = self.window()
    print(json.dumps({
        "loaded": sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules),
        "qt_namespace": "Qt" in vars(PySide6.QtCore),
        "title": window.windowTitle(),
        "welcome_shown": window.stack.currentWidget() is self,
    }), flush=True)
    os._exit(0)

Welcome.paintEvent = first_paint
from wizard.ui.app import run_app
sys.exit(run_app([]))
"""


def _start(tmp_path: Path, lang: str) -> dict[str, object]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        LANG=f"{lang}_CA.UTF-8",
        LC_ALL="",
        LC_MESSAGES="",
        LANGUAGE="",
    )
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ROOT), json.dumps(DEFERRED)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_welcome_screen_loads_no_project_machinery(tmp_path: Path) -> None:
    shown = _start(tmp_path, "en")
    assert shown["welcome_shown"] is True and shown["title"] == "Open Procurement Wizard"
    assert shown["loaded"] == []
    assert shown["qt_namespace"] is False


@pytest.mark.slow
def test_a_french_start_compiles_the_catalogue_once(tmp_path: Path) -> None:
    first = _start(tmp_path, "fr")
    assert first["welcome_shown"] is True and first["title"] == "Assistant d’approvisionnement ouvert"
    assert first["loaded"] == ["babel"]  # a checkout: the .po files compiled, then cached
    assert list((tmp_path / "cache" / "open-procurement-wizard" / "locale").glob("fr-*.mo"))
    again = _start(tmp_path, "fr")
    assert again["title"] == first["title"]
    assert again["loaded"] == [] and again["qt_namespace"] is False


def test_the_start_path_sets_what_the_qt_namespace_would(window) -> None:
    """``lazy_qt``'s numbers and shortcuts are the enums and ``QKeySequence(key)``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QToolBar

    from wizard.ui import lazy_qt
    from wizard.ui.main_window import ACTIONS, HELP_ACTIONS

    assert Qt.ItemDataRole.UserRole.value == lazy_qt.USER_ROLE
    assert Qt.ToolButtonStyle.ToolButtonTextOnly.value == lazy_qt.TOOL_BUTTON_TEXT_ONLY
    assert Qt.TextFormat.RichText.value == lazy_qt.RICH_TEXT
    assert (
        window.findChild(QToolBar, "main-toolbar").toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly
    )
    for name, _text, key in ACTIONS + HELP_ACTIONS:
        expected = [] if key is None else [QKeySequence(key)]
        assert window.actions_by_name[name].shortcuts() == expected, name
    assert window.actions_by_name["undo"].shortcuts() == [QKeySequence(QKeySequence.StandardKey.Undo)]
    assert window.actions_by_name["find"].shortcuts() == [QKeySequence(QKeySequence.StandardKey.Find)]
    assert QKeySequence("Ctrl+Shift+Z") in window.actions_by_name["redo"].shortcuts()
    with pytest.raises(ValueError, match="no property"):
        lazy_qt.set_enum(QToolBar(), "noSuchProperty", 1)


def test_keys_are_watched_only_while_a_project_is_open(window, tmp_path: Path) -> None:
    """The Edit menu's application-wide event filter (a text box's own undo first) is
    installed with a project and removed with it: the welcome screen runs without it."""
    from wizard.core.model.defaults import new_project
    from wizard.core.project_file.store import ProjectFile

    assert window.edit._filtering is False
    window.set_project(ProjectFile.create(tmp_path / "p.tender", new_project("en")))
    assert window.edit._filtering is True
    window.close_project()
    assert window.edit._filtering is False
