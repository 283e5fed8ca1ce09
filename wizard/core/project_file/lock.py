"""One writer at a time: OS locks on sidecar files, taken on the real file.

The lock is held by the operating system (``fcntl.flock`` on Unix, ``msvcrt.locking``
on Windows), so it vanishes when the process dies: no stale lock after a crash.

The same project can be reached by several paths (docs/cases.md K23): a symbolic link
is resolved first, so the sidecar ``.NAME.lock`` lies beside the real file, where
another user or computer finds it too; a hard link is another name for the same file,
so a second lock, named after the file's device and inode, is taken in the machine's
temporary folder, which every name of the file shares.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path


class LockBusy(Exception):
    """Another process (or another window) holds the lock."""


def real_path(path: Path) -> Path:
    """``path`` with every symbolic link resolved (the file itself need not exist)."""
    return Path(os.path.realpath(path))


def _identity_lock(path: Path) -> Path | None:
    """The lock named after the file's device and inode, shared by all its hard links;
    ``None`` when the file does not exist yet."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return Path(tempfile.gettempdir()) / f"open-procurement-wizard-{info.st_dev}-{info.st_ino}.lock"


FILE_ATTRIBUTE_HIDDEN = 0x2
"""Windows' file attribute that hides a file from Explorer's default view."""


def hide_on_windows(path: Path, platform: str = sys.platform) -> bool:
    """Give ``path`` the Windows "hidden" attribute, as its leading dot hides it on Unix
    (a user browsing the project folder in Explorer sees no ``.NAME.lock`` to delete).
    Does nothing elsewhere. Returns whether the attribute was set; a failure is ignored:
    the lock works the same visible.
    """
    if platform != "win32":
        return False
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    try:
        return bool(windll.kernel32.SetFileAttributesW(str(path), FILE_ATTRIBUTE_HIDDEN))
    except (OSError, AttributeError):
        return False


class _OneLock:
    """A non-blocking exclusive OS lock on one sidecar file."""

    def __init__(self, lock_path: Path) -> None:
        self.lock_path = lock_path
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        except PermissionError:  # another user's lock file: a read-only handle locks too
            fd = os.open(self.lock_path, os.O_RDONLY)
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
        if self.lock_path.name.startswith("."):  # the sidecar, not the one in the temporary folder
            hide_on_windows(self.lock_path)

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
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            self.lock_path.unlink(missing_ok=True)
        os.close(fd)


class FileLock:
    """A non-blocking exclusive lock for the project file ``path``, whatever path
    (link, hard link) names it."""

    def __init__(self, path: Path) -> None:
        real = real_path(path)
        self.lock_path = real.with_name(f".{real.name}.lock")
        self._real = real
        self._locks: list[_OneLock] = []

    def acquire(self) -> None:
        """Take the lock. Raises :class:`LockBusy` when another process or window has
        it, and ``OSError`` when the lock file cannot be created (a read-only folder)."""
        try:
            self._take(self.lock_path)
            identity = _identity_lock(self._real)
            if identity is not None:
                with contextlib.suppress(OSError):  # no usable temporary folder: the sidecar still guards
                    self._take(identity)
        except BaseException:
            self.release()
            raise

    def _take(self, lock_path: Path) -> None:
        lock = _OneLock(lock_path)
        lock.acquire()
        self._locks.append(lock)

    def release(self) -> None:
        """Drop the locks and remove the sidecar files."""
        while self._locks:
            self._locks.pop().release()
