"""Start the desktop app (``python main.py [FILE.tender]``)."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from wizard.core.i18n import _
from wizard.core.paths import resource_path
from wizard.ui import settings
from wizard.ui.language import apply_language, initial_language

log = logging.getLogger(__name__)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected error and show a short message instead of a traceback."""
    log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    from wizard.ui import dialogs

    dialogs.show_error(
        QApplication.activeWindow(),
        _("Something went wrong; your work is saved.") + f"\n{kind.__name__}: {exc}",
    )


DESKTOP_NAME = "open-procurement-wizard"
"""The ``.desktop`` file's name without its suffix (``resources/desktop/``): Wayland
compositors and taskbars match the window to its menu entry and icon by it."""


def app_icon() -> QIcon:
    """The app's icon: the SVG and every PNG size of ``resources/desktop/icons`` (an
    empty icon when they are missing, never an error)."""
    icon = QIcon()
    folder = resource_path("desktop", "icons")
    for png in sorted(folder.glob(f"{DESKTOP_NAME}-*.png")):
        icon.addFile(str(png))
    svg = folder / f"{DESKTOP_NAME}.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    return icon


def configure() -> None:
    """Names, icon and desktop file of the running application (every window inherits
    the icon)."""
    QApplication.setOrganizationName(settings.ORGANIZATION)
    QApplication.setApplicationName(settings.APPLICATION)
    QApplication.setDesktopFileName(DESKTOP_NAME)
    QApplication.setWindowIcon(app_icon())


def run_app(argv: list[str]) -> int:
    """Show the main window; open ``argv[0]`` when given. Returns the exit code."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "wizard"])
    configure()
    apply_language(initial_language())
    sys.excepthook = _excepthook
    from wizard.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if argv:
        window.open_path(Path(argv[0]))
    return int(app.exec())
