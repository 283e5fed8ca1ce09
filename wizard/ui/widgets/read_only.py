"""How a field that cannot be edited looks: as a disabled one does, on the window's
colour rather than the white of a field one types in.

A published tender's pages are read-only (docs/publishing.md): their choices are
disabled and greyed by Qt, but a read-only text or table keeps the editable white, and
a clerk tries to type in it. :func:`show_read_only` gives such a widget the window's
colour as its base, and takes it back when the widget is editable again.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def show_read_only(widget: QWidget, read_only: bool) -> None:
    """``widget`` (a text field, a table) drawn on the window's colour when
    ``read_only``, on the palette's base (white) otherwise."""
    if not read_only:
        widget.setPalette(QPalette())  # nothing of its own: the parent's palette again
        return
    palette = QPalette(widget.palette())
    for group in _GROUPS:
        palette.setColor(group, QPalette.ColorRole.Base, palette.color(group, QPalette.ColorRole.Window))
    widget.setPalette(palette)
