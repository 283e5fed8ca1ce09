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
  moment the archive was made; ``manifest.json`` also carries the
  :func:`archive_warnings` (a published tender whose project file keeps no document as
  published: the binding document is then missing), which ``main.py archive`` says too.

Each of the four folders (:data:`FOLDERS`) is always there, with a ``README.txt`` in
French and in English (:func:`readme`) saying what belongs in it and what is missing
and why (no document kept at publication, no bid, no contract signed …): a records
clerk finds the same layout in every municipal file, and an empty ``published/`` says
why it is empty. The READMEs are files of the archive like the others, listed and
hashed in the manifests.

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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wizard.core.csv_cells import to_csv
from wizard.core.fixed_zip import FixedDateZip
from wizard.core.i18n import N_, tr

if TYPE_CHECKING:
    from wizard.core.project_file.store import ProjectFile

MANIFEST_JSON = "manifest.json"
MANIFEST_CSV = "manifest.csv"
MANIFEST_FORMAT = "open-procurement-wizard-archive/1"
ZIP_TIME = dt.datetime(2000, 1, 1)
"""The time stamp of every ZIP entry (:class:`~wizard.core.fixed_zip.FixedDateZip`): the
same files give the same archive bytes; the moment the archive was made is in the manifest."""


FOLDERS: dict[str, str] = {
    "project": N_(
        "The project file (.tender) as it was when the archive was made: a consistent copy holding every "
        "record (the tender, the addenda, the bids and their sealed price workbooks, the evaluation, the "
        "contract's follow-up). Open Procurement Wizard opens it; any SQLite tool can read it."
    ),
    "published": N_(
        "Each document exactly as published (the tender in each language, the price workbooks), byte for "
        "byte as the project file kept it when the tender was published."
    ),
    "documents": N_(
        "What the project file gives today, as the export writes it: the tender as amended, its price "
        "workbooks, the decision record, each addendum, the evaluation report, the notice of award and the "
        "debriefing letters, and the contract's follow-up (summary, performance, spending)."
    ),
    "open-data": N_(
        "The open data: the OCDS release package (ocds-release-package.json) and the CSV files, personal "
        "names and trade secrets withheld as published."
    ),
}
"""Each folder of the archive and what belongs there (its ``README.txt``)."""
README = "README.txt"
MISSING: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("addendum-", N_("No addendum: none was issued.")),
        ("evaluation-report-", N_("No evaluation report: no bid is recorded.")),
        (
            "award-notice-",
            N_(
                "No notice of award: no award names a bid, or the date of the award decision is not recorded or falls before the closing."
            ),
        ),
        ("debriefing-", N_("No debriefing letter: no award names a bid, or no other bid was evaluated.")),
        (
            "contract-summary-",
            N_("No follow-up documents: no contract is signed (the award with the date of its signature)."),
        ),
    ),
    "open-data": (
        ("bids.csv", N_("No bids.csv: no bid is recorded.")),
        ("contract.csv", N_("No contract CSV files: no contract is signed.")),
    ),
}
"""Per folder, a file name's start and what its absence means."""


def readme(folder: str, names: list[str], *, published: bool) -> bytes:
    """The ``README.txt`` of ``folder`` (a key of :data:`FOLDERS`) holding ``names``
    (its files, without the folder): in French, then in English, what belongs there
    and what is missing, and why. ``published``: whether the tender is published."""
    missing: list[str] = []
    if folder == "published" and not names:
        missing.append(
            N_(
                "No document was kept as published: the tender was published without attaching its documents. "
                "documents/ holds the tender as the project file gives it today."
            )
            if published
            else N_("No document was kept as published: the tender is not published.")
        )
    for start, text in MISSING.get(folder, ()):
        if not any(name.startswith(start) for name in names):
            missing.append(text)
    parts = []
    for lang in ("fr", "en"):
        lines = [f"{folder}/", "", tr(FOLDERS[folder], lang)]
        if missing:
            lines += ["", tr(N_("Missing:"), lang)] + [f"- {tr(text, lang)}" for text in missing]
        parts.append("\n".join(lines))
    return ("\n\n----\n\n".join(parts) + "\n").encode("utf-8")


NO_PUBLISHED_TENDER = N_(
    "The tender is published but its project file keeps no tender as published: this archive does not "
    "hold the document bidders received, only the tender as the file gives it today (documents/). "
    "File the published tender with this archive."
)
"""The warning of an archive whose ``published/`` lacks the binding document."""


def archive_warnings(pf: ProjectFile) -> list[str]:
    """What the archive of ``pf`` lacks that a records officer must know, as English
    message ids (French in ``core.po``): :data:`NO_PUBLISHED_TENDER` when the tender is
    published and no document of kind ``tender`` was kept (published before issue 21's
    documents were kept, or a bundled example without them). Empty otherwise."""
    from wizard.core.publishing.record import read as read_publishing

    if not pf.published:
        return []
    if any(d.kind == "tender" for d in read_publishing(pf).documents):
        return []
    return [NO_PUBLISHED_TENDER]


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


def manifest(
    files: dict[str, bytes], *, reference: str, title: str, made_at: str, notes: Sequence[str] = ()
) -> dict[str, object]:
    """The manifest of ``files`` (path → bytes): format, reference, title, moment, and
    each file's path, size and SHA-256, sorted by path; with ``notes`` (message ids,
    :func:`archive_warnings`), ``"warnings": [{"fr": …, "en": …}]`` after the moment."""
    found: dict[str, object] = {"format": MANIFEST_FORMAT, "reference": reference, "title": title}
    found["made_at"] = made_at
    if notes:
        found["warnings"] = [{"fr": tr(text, "fr"), "en": tr(text, "en")} for text in notes]
    found["files"] = [
        {"path": name, "size": len(data), "sha256": sha256(data)} for name, data in sorted(files.items())
    ]
    return found


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
    for folder in FOLDERS:
        prefix = f"{folder}/"
        names = [name[len(prefix) :] for name in files if name.startswith(prefix)]
        files[f"{prefix}{README}"] = readme(folder, names, published=pf.published)
    when = made_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    found = manifest(
        files,
        reference=project.info.reference,
        title=project.info.title,
        made_at=when,
        notes=archive_warnings(pf),
    )
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
            with FixedDateZip(name, ZIP_TIME) as archive:
                for path, data in files.items():
                    archive.writestr(path, data)
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
