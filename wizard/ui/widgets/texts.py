"""Live retranslation: remember which setter shows which msgid, re-apply on switch."""

from __future__ import annotations

from collections.abc import Callable

from wizard.core.i18n import _


class Texts:
    """A list of (setter, msgid); :meth:`apply` re-runs every setter in the UI language."""

    def __init__(self) -> None:
        self._items: list[tuple[Callable[[str], object], str]] = []

    def add(self, setter: Callable[[str], object], msgid: str) -> None:
        """Show ``msgid`` through ``setter`` now and after every language switch."""
        self._items.append((setter, msgid))
        setter(_(msgid))

    def apply(self) -> None:
        for setter, msgid in self._items:
            setter(_(msgid))
