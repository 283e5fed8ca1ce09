"""The desktop interface: the only package that imports PySide6.

PySide6 6.12 returns ``None`` from its methods without taking a reference, as if
``None`` were immortal, which it is only from Python 3.12. On Python 3.11 every such
call lowers ``None``'s reference count until the interpreter aborts ("deallocating
None"): a few language switches were enough. On Python < 3.12, :func:`pin_none` gives
``None`` the same immortality by adding 2**40 references, once, before any Qt call.
"""

from __future__ import annotations

import sys

_PINNED = 1 << 40


def pin_none() -> None:
    """Make ``None`` practically immortal on CPython < 3.12 (no effect from 3.12 on,
    nor twice)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field
    if count.value < _PINNED:
        count.value += _PINNED


pin_none()
