"""Severity and status icons that never depend on a font having a glyph (an emoji such
as "⛔" shows as an empty box where the font lacks it).

Errors, warnings and information use the style's own message-box icons
(``QStyle.StandardPixmap``); a finished step the style's "apply" check mark; a step
still to do a drawn grey ring. Every icon is made once per run.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

_STANDARD = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "done": QStyle.StandardPixmap.SP_DialogApplyButton,
}
KINDS = ("error", "warning", "info", "done", "todo", "none")
"""Every icon name :func:`icon` knows."""


def _ring() -> QIcon:
    """A grey ring: a step whose main inputs are not filled yet."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(128, 128, 128), 3))
    painter.drawEllipse(QRectF(6, 6, 20, 20))
    painter.end()
    return QIcon(pixmap)


_made: dict[str, QIcon] = {}


def icon(kind: str) -> QIcon:
    """The icon of ``kind`` (one of :data:`KINDS`); an empty icon for "none" or an
    unknown kind, or before the ``QApplication`` exists."""
    if kind in _made:
        return _made[kind]
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return QIcon()
    standard = _STANDARD.get(kind)
    made = _ring() if kind == "todo" else app.style().standardIcon(standard) if standard else QIcon()
    _made[kind] = made
    return made


STATUS_ICONS = {"ok": "done", "attention": "warning", "problem": "error", "not_applicable": "none"}
"""Scorecard status (core ``scorecard``) → icon kind."""
