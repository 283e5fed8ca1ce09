"""A cache of merged translation catalogues, so a French start skips Babel (start-up time).

Reading the French ``.po`` files with Babel costs about 40 ms at every start (importing
Babel, then parsing). :func:`wizard.core.i18n.catalogue` keeps the merged
``msgid → translation`` dict as JSON in the user's cache folder, with a *stamp* of the
``.po`` files it was built from (name and content hash of each): any edit of a ``.po``
file or an added domain rebuilds it, so the ``.po`` files stay the only source. Any
failure (no home folder, read-only disk, damaged or foreign file) means no cache: the
catalogue is read from the ``.po`` files.

Cache folder: ``$XDG_CACHE_HOME`` or ``~/.cache`` (Linux), ``~/Library/Caches`` (macOS),
``%LOCALAPPDATA%`` (Windows), then ``open-procurement-wizard/messages-<lang>.json``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

FORMAT = 1
APP_FOLDER = "open-procurement-wizard"


def cache_folder() -> Path | None:
    """The user's cache folder for the app, or ``None`` when there is no home folder."""
    try:
        if os.name == "nt":
            base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":
            base = str(Path.home() / "Library" / "Caches")
        else:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except (RuntimeError, KeyError):  # Path.home() without HOME or a passwd entry
        return None
    return Path(base) / APP_FOLDER


def stamp(po_files: list[Path]) -> list[Any]:
    """What the catalogue is built from: the format, then ``[file name, BLAKE2 digest of
    its bytes]`` per file (hashing ~150 kB takes well under a millisecond).

    Raises ``OSError`` when a file cannot be read (the caller would meet it anyway).
    """
    entries: list[Any] = [FORMAT]
    for path in po_files:
        entries.append([path.name, hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()])
    return entries


def load(lang: str, expected: list[Any]) -> dict[str, str] | None:
    """The cached catalogue of ``lang`` if it was built from ``expected``, else ``None``."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        data = json.loads((folder / f"messages-{lang}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("stamp") != expected:
        return None
    messages = data.get("messages")
    if not isinstance(messages, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in messages.items()):
        return None
    return messages


def save(lang: str, built_from: list[Any], messages: dict[str, str]) -> bool:
    """Keep ``messages`` for the next start (atomic write); ``False`` when it cannot."""
    folder = cache_folder()
    if folder is None:
        return False
    from wizard.core.project_file.atomic import write_bytes_atomic  # only when the cache is (re)built

    text = json.dumps({"stamp": built_from, "messages": messages}, ensure_ascii=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(folder / f"messages-{lang}.json", text.encode("utf-8"))
    except OSError:
        return False
    return True
