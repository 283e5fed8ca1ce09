"""A quick self-test of an installed or bundled app: ``opw-app --self-test`` (the
PyInstaller bundle's entry points, ``packaging/``; docs/packaging.md).

It proves what a broken bundle loses first: the data found through
:mod:`wizard.core.paths` (examples, legal data, clause templates, the French catalogue,
the icon), and the Qt libraries and plugins that draw the window. It builds the main
window, opens a bundled example in a temporary folder, shows every step in both
languages and the project history, then closes without waiting for a user. The user's
settings are never touched (they go to the temporary folder). Nothing is exported: the
command line's ``export`` covers the documents.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

CHECKED_MESSAGE = "Project history"
"""A UI message whose French proves that the compiled catalogue was found."""


def _fail(message: str) -> int:
    if sys.stderr is not None:  # a windowed Windows app has no stderr
        print(f"self-test failed: {message}", file=sys.stderr)
    return 1


def _data_problems() -> list[str]:
    from wizard.core.clauses.library import catalogue
    from wizard.core.examples import example_names
    from wizard.core.i18n import tr
    from wizard.core.paths import resource_path

    problems = []
    if not example_names():
        problems.append(f"no bundled example in {resource_path('examples')}")
    if not resource_path("legal", "framework.json").is_file():
        problems.append(f"no legal data in {resource_path('legal')}")
    if not catalogue():
        problems.append("no clause template")
    if tr(CHECKED_MESSAGE, "fr") == CHECKED_MESSAGE:
        problems.append(f"no French catalogue in {resource_path('locale')}")
    return problems


def run(report: Callable[[str], None] = print) -> int:
    """Run the self-test in this process; ``report`` receives one line per stage.
    Returns 0 when everything worked, else 1 (the reason on stderr). Uses the running
    ``QApplication`` or makes one (``QT_QPA_PLATFORM=offscreen`` for no display)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    problems = _data_problems()
    if problems:
        return _fail("; ".join(problems))
    report("data: examples, legal data, clauses and the French catalogue found")
    with tempfile.TemporaryDirectory(prefix="opw-self-test-") as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(Path(tmp) / "settings"))
        app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "opw"])
        from wizard.core.examples import example_names, load_example
        from wizard.core.project_file.store import ProjectFile
        from wizard.core.steps import Step
        from wizard.ui import app as ui_app
        from wizard.ui import field_labels
        from wizard.ui.main_window import MainWindow
        from wizard.ui.views import history_dialog

        ui_app.configure()
        if ui_app.app_icon().isNull():
            return _fail("no icon in resources/desktop/icons")
        window = MainWindow()
        window.resize(1366, 768)
        window.show()
        name = example_names()[0]
        window.set_project(ProjectFile.create(Path(tmp) / f"{name}.tender", load_example(name)))
        assert window.wizard is not None and window.ctx is not None
        for lang in ("fr", "en"):
            window.set_language(lang)
            for step in Step:
                window.wizard.go_to(step)
                app.processEvents()
            labels = field_labels.page_labels(window.wizard.step_pages)
            dialog = history_dialog(window, window.ctx.pf.history(), window.ctx.project, labels)
            dialog.show()
            app.processEvents()
            dialog.close()
            report(f"window ({lang}): {name}, {len(Step)} steps and the history shown")
        window.close()
        app.processEvents()
    report("self-test passed")
    return 0


def main() -> int:
    """The ``--self-test`` entry: :func:`run`, never a traceback."""
    try:
        return run()
    except Exception as exc:  # noqa: BLE001 - a user never sees a traceback
        return _fail(f"{type(exc).__name__}: {exc}")
