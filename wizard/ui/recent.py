"""Recently opened project files (newest first, at most :data:`MAX_RECENT`)."""

from __future__ import annotations

from pathlib import Path

from wizard.ui import settings

MAX_RECENT = 8
_KEY = "recent_files"


def recent_files() -> list[Path]:
    """The recent project files that still exist, newest first."""
    value = settings.store().value(_KEY, [])
    values: list[object]
    if isinstance(value, str):  # QSettings reads a one-item list back as a lone string
        values = [value]
    elif isinstance(value, list | tuple):
        values = list(value)
    else:
        values = []
    paths = [Path(v) for v in values if isinstance(v, str) and v]
    return [p for p in paths if p.is_file()]


def add_recent(path: Path) -> None:
    """Put ``path`` first in the list."""
    text = str(Path(path).resolve())
    current = [str(p) for p in recent_files() if str(p) != text]
    settings.store().setValue(_KEY, [text, *current][:MAX_RECENT])


def clear_recent() -> None:
    settings.store().remove(_KEY)
