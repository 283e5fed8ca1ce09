"""The municipal file (issue 23, docs/contract.md, "The municipal file"): one archive of
a procurement for the town's records retention.

:func:`archive_files` gathers, in memory, from the open project file:

* ``project/<name>.tender`` — a consistent copy of the project file itself (SQLite's
  backup API: the copy is what the file held at one moment, even while another window
  writes it), the bids' sealed workbooks and every record inside it;
* ``published/<name>`` — every document as published (the tender's final DOCX or PDF,
  the price workbooks), byte for byte as kept in the file;
* ``documents/<name>`` and ``open-data/<name>`` — everything ``export`` writes now from
  the file: the tender as amended, the decision record, each addendum, the evaluation
  outputs, the follow-up's documents (``documents/``), the OCDS package and the CSVs
  (``open-data/``);
* ``manifest.json`` and ``manifest.csv`` — each file above with its size and SHA-256
  (the manifests do not list themselves), the project's reference and title, and the
  moment the archive was made.

:func:`write_archive` writes them as a ZIP (a target ending in ``.zip``) or into a new
folder, atomically: a failure leaves nothing. The archive refuses to replace anything.
Principle: a public body keeps what it decided and why, in files anyone can check
(the hashes let a records officer prove years later that nothing changed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.csv_cells import to_csv

if TYPE_CHECKING:
    from wizard.core.project_file.store import ProjectFile

MANIFEST_JSON = "manifest.json"
MANIFEST_CSV = "manifest.csv"
MANIFEST_FORMAT = "open-procurement-wizard-archive/1"
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
"""The time stamp of every ZIP entry: the same files give the same archive bytes; the
moment the archive was made is in the manifest."""


class ArchiveExists(FileExistsError):
    """The target already exists: an archive never replaces anything."""


def project_copy(pf: ProjectFile) -> bytes:
    """The bytes of a consistent copy of the project file (SQLite's backup API)."""
    with tempfile.TemporaryDirectory(prefix="opw-archive-") as folder:
        path = Path(folder) / "copy.tender"
        dest = sqlite3.connect(str(path))
        try:
            with dest:
                pf.db.conn.backup(dest)
        finally:
            dest.close()
        return path.read_bytes()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(files: dict[str, bytes], *, reference: str, title: str, made_at: str) -> dict[str, object]:
    """The manifest of ``files`` (path → bytes): format, reference, title, moment, and
    each file's path, size and SHA-256, sorted by path."""
    return {
        "format": MANIFEST_FORMAT,
        "reference": reference,
        "title": title,
        "made_at": made_at,
        "files": [
            {"path": name, "size": len(data), "sha256": sha256(data)} for name, data in sorted(files.items())
        ],
    }


def archive_files(pf: ProjectFile, *, made_at: str = "") -> dict[str, bytes]:
    """Every file of the archive (module docstring), path → bytes, manifests last.
    ``made_at``: the moment recorded (default: now, UTC). Raises what ``export`` raises
    (``opendata.outputs.OpenDataError``) and ``sqlite3.Error``."""
    from wizard.core.bids.record import read as read_bids
    from wizard.core.contract.record import follow_up
    from wizard.core.export import output_files
    from wizard.core.publishing.record import document_bytes
    from wizard.core.publishing.record import read as read_publishing

    project = pf.project
    record = read_publishing(pf)
    files: dict[str, bytes] = {f"project/{pf.path.stem}.tender": project_copy(pf)}
    for document in record.documents:
        files[f"published/{document.name}"] = document_bytes(pf, document.id)
    outputs = output_files(
        project, changed=pf.last_change(), record=record, bids=read_bids(pf), follow=follow_up(pf)
    )
    for name, data in outputs.items():
        folder = "open-data" if name.endswith((".json", ".csv")) else "documents"
        files[f"{folder}/{name}"] = data
    when = made_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    found = manifest(files, reference=project.info.reference, title=project.info.title, made_at=when)
    rows = [["path", "size", "sha256"]] + [[n, str(len(d)), sha256(d)] for n, d in sorted(files.items())]
    files[MANIFEST_JSON] = (json.dumps(found, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    files[MANIFEST_CSV] = to_csv(rows)
    return files


def write_archive(files: dict[str, bytes], target: Path) -> Path:
    """Write ``files`` as a ZIP when ``target`` ends in ``.zip``, else into the new
    folder ``target``; returns ``target``. Raises :class:`ArchiveExists` when the target
    exists, ``OSError`` when it cannot be written (nothing left behind)."""
    target = Path(target)
    if target.exists():
        raise ArchiveExists(str(target))
    parent = target.parent
    if target.suffix.lower() == ".zip":
        handle, name = tempfile.mkstemp(prefix=".opw-archive-", suffix=".zip", dir=parent)
        os.close(handle)
        try:
            with zipfile.ZipFile(name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for path, data in files.items():
                    info = zipfile.ZipInfo(path, ZIP_TIME)
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.external_attr = 0o644 << 16
                    archive.writestr(info, data)
            os.replace(name, target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        return target
    staging = Path(tempfile.mkdtemp(prefix=".opw-archive-", dir=parent))
    try:
        for path, data in files.items():
            dest = staging / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
