"""Writing a set of output files into a folder, all or nothing as far as a file system
allows: the whole set is staged in ``.opw-export-<random>/`` beside the outputs, with a
``MANIFEST`` naming the target and each file's SHA-256, flushed, then moved in one
atomic rename per file. A full disk while staging changes nothing in the folder; a
failure while moving in names exactly what was written (:class:`ExportWriteError`); an
export killed mid-way leaves a staging folder that the next one recognises and removes,
and the files it had moved in (the bytes its MANIFEST records) are not outputs anyone
edited. ``export.py`` builds the files and calls :func:`write_files`.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

from wizard.core.i18n import N_, Plural
from wizard.core.i18n.os_errors import os_reason

log = logging.getLogger(__name__)

STAGING_PREFIX = ".opw-export-"
"""The staging folder of an export in progress: ``.opw-export-<16 hex digits>/``."""
MANIFEST = "MANIFEST"
"""In the staging folder, written (and flushed) before any output: what it is for."""
MANIFEST_FORMAT = "open-procurement-wizard export staging 1"
_STAGING_NAME = re.compile(re.escape(STAGING_PREFIX) + r"[0-9a-f]{16}")


class ExportWriteError(OSError):
    """Writing the outputs failed (full disk, folder not writable, ...).

    ``written``: the outputs already replaced or created, in order (empty when the
    failure came while staging, which is the usual case: then nothing in the folder
    changed); ``not_written``: the others, each keeping its previous content (or still
    absent). ``errno``/``strerror`` are those of the cause (``__cause__``).
    """

    def __init__(self, cause: OSError, written: list[Path], not_written: list[Path]) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause))
        self.written = written
        self.not_written = not_written


def failure_message(exc: ExportWriteError) -> tuple[str | Plural, dict[str, object]]:
    """What to tell the user about a failed write: a message id (or a :class:`Plural`)
    and its parameters, for ``tr``/``bilingual``. It names exactly the outputs written."""
    detail = os_reason(exc)  # in each message's language, never the system's English
    if not exc.written:
        text: str | Plural = N_(
            "The export could not be written ({detail}); nothing in this folder was changed."
        )
        return text, {"detail": detail}
    text = Plural(
        "The export stopped ({detail}) after writing {count} file, {names}; "
        "the other files keep their previous content.",
        "The export stopped ({detail}) after writing {count} files, {names}; "
        "the other files keep their previous content.",
        len(exc.written),
    )
    return text, {"detail": detail, "names": ", ".join(path.name for path in exc.written)}


LEFTOVERS_REMOVED = N_("Removed what an interrupted export had left in this folder: {names}.")
"""The note shown when :func:`remove_leftovers` removed something (``names``)."""


@dataclass
class Leftover:
    """The staging folder of an export that did not finish (killed, power cut)."""

    folder: Path
    target: str = ""  # the output folder its MANIFEST names
    files: dict[str, str] = field(default_factory=dict)  # output name -> sha256 (hex)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path) -> Leftover:
    """The staging folder ``folder`` as a :class:`Leftover`; a MANIFEST that is missing
    or cut short (killed while writing it, before any output was staged) names no file."""
    leftover = Leftover(folder)
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return leftover
    if not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return leftover
    files = data.get("files")
    if isinstance(files, dict):
        leftover.files = {
            str(name): str(digest) for name, digest in files.items() if _is_plain_name(str(name))
        }
    leftover.target = str(data.get("target", ""))
    return leftover


def _is_plain_name(name: str) -> bool:
    return bool(name) and name not in (".", "..", MANIFEST) and "/" not in name and "\\" not in name


def leftovers(out_dir: Path) -> list[Leftover]:
    """The staging folders that exports into ``out_dir`` left behind (sorted by name):
    ``.opw-export-<16 hex digits>/`` directly in ``out_dir``. A missing folder has none."""
    try:
        entries = sorted(Path(out_dir).iterdir())
    except OSError:
        return []
    return [
        _read_manifest(entry)
        for entry in entries
        if _STAGING_NAME.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink()
    ]


def remove_leftovers(out_dir: Path) -> list[Path]:
    """Remove what killed exports left in ``out_dir``; returns the staging folders
    removed. Only the MANIFEST and the files it names are deleted: a staging folder that
    holds anything else is left in place (and logged). Never raises."""
    removed: list[Path] = []
    for leftover in leftovers(out_dir):
        for name in [*leftover.files, MANIFEST]:
            with contextlib.suppress(OSError):
                (leftover.folder / name).unlink()
        try:
            leftover.folder.rmdir()
        except OSError:
            log.warning("export leftover not removed (it holds other files): %s", leftover.folder)
            continue
        removed.append(leftover.folder)
    return removed


def written_by_a_killed_export(path: Path) -> bool:
    """``path`` is byte for byte the file that a killed export (whose staging folder is
    still beside it) was moving in: it is ours, not a document someone edited."""
    digests = {leftover.files.get(path.name) for leftover in leftovers(path.parent)} - {None}
    if not digests:
        return False
    try:
        return _sha256(path.read_bytes()) in digests
    except OSError:
        return False


def _stage_file(path: Path, data: bytes, mode: int | None) -> None:
    """Write ``data`` to the new file ``path`` and flush it to disk (``mode``: the mode
    of the output it will replace, else the usual 0o666 less the umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if mode is not None:
            os.chmod(path, mode | stat.S_IWUSR)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (where the system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _new_staging(out_dir: Path) -> Path:
    for _attempt in range(100):
        folder = out_dir / f"{STAGING_PREFIX}{secrets.token_hex(8)}"
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        return folder
    raise FileExistsError(errno.EEXIST, "no free staging folder name", str(out_dir))


def _mode_of(path: Path) -> int | None:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return None


def write_files(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write the set ``files`` into ``out_dir`` (created if missing); returns the paths,
    in order.

    First removes what killed exports left there (:func:`remove_leftovers`). Then every
    file goes to a staging folder ``.opw-export-<random>/`` in ``out_dir`` (same file
    system), after a ``MANIFEST`` naming the target folder and each file with its SHA-256;
    each is flushed to disk. Only then are they moved in, each by one atomic rename, and
    the staging folder removed.

    Raises ``OSError`` when the folder cannot be created, and :class:`ExportWriteError`
    when writing fails: while staging (a full disk), nothing in ``out_dir`` changed;
    while moving in (rare: renames need no space), ``written`` says exactly which
    outputs are new. Either way the staging folder is removed.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = [out_dir / name for name in files]
    remove_leftovers(out_dir)
    staging: Path | None = None
    moved: list[Path] = []
    try:
        staging = _new_staging(out_dir)
        manifest = {
            "format": MANIFEST_FORMAT,
            "target": str(out_dir.resolve()),
            "files": {name: _sha256(data) for name, data in files.items()},
        }
        _stage_file(staging / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"), None)
        _fsync_folder(staging)
        for target, data in zip(targets, files.values(), strict=True):
            _stage_file(staging / target.name, data, _mode_of(target))
        _fsync_folder(staging)
        for target in targets:
            os.replace(staging / target.name, target)
            moved.append(target)
        _fsync_folder(out_dir)
    except OSError as exc:
        raise ExportWriteError(exc, moved, targets[len(moved) :]) from exc
    finally:
        if staging is not None:
            _remove_staging(staging)
    return targets


def _remove_staging(staging: Path) -> None:
    """Remove a staging folder, its MANIFEST last: an export killed while cleaning up
    still leaves a MANIFEST that shows the outputs moved in are its own (a rerun then
    needs no ``--force``)."""
    for entry in staging.iterdir() if staging.is_dir() else []:
        if entry.name == MANIFEST:
            continue
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()
    (staging / MANIFEST).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        staging.rmdir()
