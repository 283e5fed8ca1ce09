"""The decision record for council as DOCX (SPEC §4): ``decision-record-<lang>.docx``.

Built from the record's document blocks (:mod:`wizard.core.documents.record`) by the tender's
DOCX writer (real Word styles, repeating table headers, header with the reference,
"page X of Y" footer, document properties), with the TCO chart
(:mod:`wizard.core.documents.chart`) as a PNG picture.

* ``record_bytes(project, lang) -> bytes`` — the DOCX; raises ``ValueError`` for a
  ``lang`` other than "fr"/"en".
* ``write_record(project, lang, path) -> Path`` — atomic (``atomic.py``); raises ``OSError``.
* ``export(project, out_dir, langs) -> list[Path]`` — one record per language, called
  by ``export.export_all``.
"""

from __future__ import annotations

import io
from pathlib import Path

from wizard.core.documents.chart import cumulative_chart_png
from wizard.core.documents.docx.writer import build_docx
from wizard.core.documents.record import record_document
from wizard.core.model import Project
from wizard.core.project_file.atomic import write_bytes_atomic


def file_name(lang: str) -> str:
    """``decision-record-fr.docx`` or ``decision-record-en.docx``."""
    return f"decision-record-{lang}.docx"


def record_bytes(project: Project, lang: str) -> bytes:
    """The decision record in ``lang`` as DOCX bytes (with the chart when there are options)."""
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    chart = cumulative_chart_png(project, lang) if project.tco_options else b""
    buffer = io.BytesIO()
    build_docx(record_document(project, lang, chart)).save(buffer)
    return buffer.getvalue()


def write_record(project: Project, lang: str, path: Path) -> Path:
    """Write the record in ``lang`` to ``path`` atomically; returns ``path``.

    Raises ``ValueError`` for an unsupported ``lang`` and ``OSError`` when the folder is
    not writable (a previous file, if any, stays as it was).
    """
    return write_bytes_atomic(Path(path), record_bytes(project, lang))


def export(project: Project, out_dir: Path, langs: list[str]) -> list[Path]:
    """Write ``decision-record-<lang>.docx`` into ``out_dir`` (created if missing) for
    each of ``langs``; returns the paths. Raises ``OSError`` when it cannot be written."""
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    return [write_record(project, lang, Path(out_dir) / file_name(lang)) for lang in langs]
