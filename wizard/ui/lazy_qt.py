"""The start path's ways around PySide's ``Qt`` namespace.

PySide 6.11 builds the ``Qt`` namespace class, with every one of its enums, the first
time anything names it: about 20 ms of CPU, a seventh of what a bare ``QWizard`` takes
to show. The welcome screen needs none of it, so the modules it loads (the main
window, its menus, the welcome screen) avoid it:

* a standard shortcut is set as the first of ``QKeySequence.keyBindings(key)``, which
  is what ``QKeySequence(key)`` holds (``QKeySequence(key)`` itself resolves its
  overloads through ``Qt.Key`` and so builds the namespace);
* an enum-typed property is set through ``QObject.setProperty`` with the enum's
  value, which Qt converts (:func:`set_enum`);
* an item data role is its number (:data:`USER_ROLE`).

``tests/ui/test_start_imports.py`` checks that the welcome screen shows without it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

USER_ROLE = 256
"""``Qt.ItemDataRole.UserRole``."""
TOOL_BUTTON_TEXT_ONLY = 1
"""``Qt.ToolButtonStyle.ToolButtonTextOnly``."""
RICH_TEXT = 1
"""``Qt.TextFormat.RichText``."""


def standard_keys(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """What ``QAction.setShortcut(QKeySequence(key))`` sets, as a list for
    ``QAction.setShortcuts``: the platform's first binding of ``key``, or the empty
    sequence when the platform has none."""
    return QKeySequence.keyBindings(key)[:1] or [QKeySequence()]


def set_enum(widget: QObject, prop: str, value: int) -> None:
    """Set the enum-typed Qt property ``prop`` (``"toolButtonStyle"``,
    ``"textFormat"``) of ``widget`` to the enum value ``value``. Raises ``ValueError``
    when Qt refuses it (no such property, or not convertible)."""
    if not widget.setProperty(prop, value):
        raise ValueError(f"{type(widget).__name__} has no property {prop!r} taking {value!r}")
