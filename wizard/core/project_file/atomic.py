"""Atomic file writes: write a temporary file beside the target, flush it to
disk, then rename it over the target. A failed or interrupted write leaves the previous
file as it was and no half-written file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    Raises whatever the body raises (the temporary file is removed) or ``OSError``; an
    ``OSError`` on the temporary file names ``target`` (its ``filename``), the file the
    user asked for: the temporary name means nothing to them.
    """
    target = Path(target)
    try:
        tmp = _new_temporary(target)
    except OSError as exc:
        raise _naming(exc, target) from exc
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.filename in (str(tmp), tmp):
            raise _naming(exc, target) from exc
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _naming(exc: OSError, target: Path) -> OSError:
    """``exc`` again (its class, ``errno`` and ``strerror``), about ``target``."""
    if exc.errno is None:
        return type(exc)(f"{exc} ({target})")
    return OSError(exc.errno, exc.strerror, str(target))


def _new_temporary(target: Path) -> Path:
    """An empty file beside ``target`` with the permissions the result should have:
    the target's own mode if it exists, else the usual mode for a new file (0o666 less
    the umask; ``mkstemp``'s 0o600 would hide an export from colleagues)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None
    for _attempt in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        if mode is not None:
            with contextlib.suppress(OSError):
                os.chmod(tmp, mode | stat.S_IWUSR)
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target))


def write_bytes_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` atomically; returns ``target``."""
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def write_text_atomic(target: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``target`` atomically; returns ``target``."""
    return write_bytes_atomic(target, text.encode(encoding))
