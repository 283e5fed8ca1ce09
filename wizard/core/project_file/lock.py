"""One writer at a time: an OS lock on a sidecar file ``.NAME.lock`` beside the project.

The lock is held by the operating system (``fcntl.flock`` on Unix, ``msvcrt.locking``
on Windows), so it vanishes when the process dies: no stale lock after a crash.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path


class LockBusy(Exception):
    """Another process holds the lock."""


class FileLock:
    """A non-blocking exclusive lock for the project file ``path``."""

    def __init__(self, path: Path) -> None:
        self.lock_path = path.with_name(f".{path.name}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock. Raises :class:`LockBusy` when another process has it, and
        ``OSError`` when the lock file cannot be created (a read-only folder)."""
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows only
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise LockBusy(str(self.lock_path)) from exc
        if not self._still_linked(fd):  # the holder removed it between our open and lock
            os.close(fd)
            raise LockBusy(str(self.lock_path))
        self._fd = fd

    def _still_linked(self, fd: int) -> bool:
        """Whether ``fd`` is still the file at ``lock_path`` (a released lock is
        unlinked; locking the orphan would let a third opener in beside us)."""
        if sys.platform == "win32":  # pragma: no cover - Windows cannot unlink an open file
            return True
        try:
            return os.stat(self.lock_path).st_ino == os.fstat(fd).st_ino
        except OSError:
            return False

    def release(self) -> None:
        """Drop the lock and remove the sidecar file."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            self.lock_path.unlink(missing_ok=True)
        os.close(fd)
