"""Every output of SPEC §4 into one folder (§2.10, §5 ``main.py export``).

``export_all(project, out_dir, lang=None) -> list[Path]`` writes the tender(s) —
``tender-fr.docx`` and/or ``tender-en.docx`` — then the decision record(s) and the open
data. ``lang`` is "fr", "en", "both", or ``None`` for the project's
``info.tender_languages``. Each file is written atomically (``atomic.py``).

Exporters are functions ``(project, out_dir, langs) -> list[Path]`` listed in
:data:`EXPORTERS`: the tender(s), the decision record(s) (``record_export``) and the
open data — OCDS package and CSVs (``opendata``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from wizard.core.documents.docx.writer import write_tender
from wizard.core.model import Project
from wizard.core.textclean import clean_project

Exporter = Callable[[Project, Path, list[str]], list[Path]]


def tender_languages(project: Project, lang: str | None = None) -> list[str]:
    """The tender languages to write: ``lang`` if given, else the project's setting.

    "both" → ``["fr", "en"]``. Raises ``ValueError`` for anything else than fr/en/both.
    """
    if lang is not None:
        choice = lang.strip().lower()
        if choice not in ("fr", "en", "both"):
            raise ValueError(f"unsupported tender language: {choice!r} (fr, en or both)")
    else:
        # A received file may hold anything here: fall back to the binding version,
        # then French (check PR-LANGUAGES reports the bad value).
        choice = project.info.tender_languages.strip().lower()
        if choice not in ("fr", "en", "both"):
            binding = project.info.binding_language.strip().lower()
            choice = binding if binding in ("fr", "en") else "fr"
    return ["fr", "en"] if choice == "both" else [choice]


def export_tenders(project: Project, out_dir: Path, langs: list[str]) -> list[Path]:
    """Write ``tender-<lang>.docx`` for each language; returns the paths."""
    return [write_tender(project, lang, Path(out_dir) / f"tender-{lang}.docx", langs) for lang in langs]


def export_records(project: Project, out_dir: Path, langs: list[str]) -> list[Path]:
    """Write ``decision-record-<lang>.docx`` for each language (``record_export``)."""
    from wizard.core.documents import record_export  # matplotlib is imported only when exporting

    return record_export.export(project, out_dir, langs)


def export_open_data(project: Project, out_dir: Path, _langs: list[str]) -> list[Path]:
    """Write the OCDS release package and the CSVs (``opendata``)."""
    from wizard.core.opendata.outputs import write_open_data

    return write_open_data(project, out_dir)


def planned_outputs(project: Project, out_dir: Path, lang: str | None = None) -> list[Path]:
    """The paths :func:`export_all` would write, in the same order, writing nothing:
    tender(s), decision record(s), OCDS package, vendor register and criteria CSVs.

    For the "files already exist; replace them?" question before an export. Raises
    ``ValueError`` for an unsupported ``lang``.
    """
    from wizard.core.opendata.outputs import CRITERIA_FILE, OCDS_FILE, REGISTER_FILE

    out_dir = Path(out_dir)
    langs = tender_languages(project, lang)
    names = [f"tender-{x}.docx" for x in langs] + [f"decision-record-{x}.docx" for x in langs]
    return [out_dir / name for name in [*names, OCDS_FILE, REGISTER_FILE, CRITERIA_FILE]]


def existing_outputs(project: Project, out_dir: Path, lang: str | None = None) -> list[Path]:
    """The files an export into ``out_dir`` would replace (those of :func:`planned_outputs`
    that already exist): never overwrite a document the lawyers may have edited unasked."""
    return [path for path in planned_outputs(project, out_dir, lang) if path.exists()]


EXPORTERS: list[Exporter] = [export_tenders, export_records, export_open_data]
"""Every exporter, in order: ``(project, out_dir, langs) -> written paths``."""


def export_all(project: Project, out_dir: Path, lang: str | None = None) -> list[Path]:
    """Write every output into ``out_dir`` (created if missing); returns the paths written.

    Raises ``ValueError`` for an unsupported ``lang`` and ``OSError`` when the folder
    cannot be written. Already-written files stay valid if a later exporter fails.
    Text fields are cleaned of XML-illegal characters once, here (CASES K1).
    """
    project = clean_project(project)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    langs = tender_languages(project, lang)
    written: list[Path] = []
    for exporter in EXPORTERS:
        written.extend(exporter(project, out_dir, langs))
    return written
