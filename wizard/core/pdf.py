"""PDF copies of the exported Word documents, made by LibreOffice when it is installed
(docs/documents.md, the `export.py` section).

LibreOffice runs as a subprocess, ``soffice --headless --convert-to pdf``, with its own
profile in a temporary folder (``-env:UserInstallation=file:///…``): a LibreOffice the
user has open, or a damaged profile, never blocks the conversion, and nothing is left in
the user's profile. The PDF is tagged (``UseTaggedPDF``: headings, tables and alternative
texts reach screen readers). DOCX bytes go in and PDF bytes come out, through a
temporary folder; the export then writes the PDFs with the other outputs through
``output_folder.write_files`` (all or nothing: a failed conversion writes nothing).

The table of contents is converted as the DOCX holds it: LibreOffice does not update
fields on a command-line conversion (that needs its UNO API), so the PDF's contents list
shows what the DOCX shows until Word updates it. Principle: a PDF is a copy for reading,
the DOCX stays the document the lawyers edit.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from wizard.core.i18n import N_
from wizard.core.i18n.os_errors import os_reason

PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
"""LibreOffice's export filter with its options (JSON filter options: LibreOffice 7.4+)."""
TIMEOUT_S = 300
"""Longest one conversion may take, in seconds, before it is abandoned (a hung soffice)."""

NOT_INSTALLED = N_(
    "PDF export needs LibreOffice, which is not installed (no soffice command found); "
    "install it, or export the Word documents only."
)
FAILED = N_("LibreOffice could not convert {name} to PDF ({detail}); nothing was written.")


class PdfError(Exception):
    """No PDF could be made. ``text`` is an English message id (:data:`NOT_INSTALLED` or
    :data:`FAILED`, French in ``core.po``), ``params`` fill its placeholders."""

    def __init__(self, text: str, **params: object) -> None:
        super().__init__(text.format(**params))
        self.text = text
        self.params = params


def soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` (or ``libreoffice``) command; ``None``
    when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_name(docx_name: str) -> str:
    """``tender-fr.docx`` → ``tender-fr.pdf``."""
    return str(Path(docx_name).with_suffix(".pdf"))


def to_pdf(documents: dict[str, bytes]) -> dict[str, bytes]:
    """``{name.pdf: PDF bytes}`` for each ``{name.docx: DOCX bytes}`` of ``documents``,
    converted by one LibreOffice run in a temporary folder (removed after).

    Raises :class:`PdfError` when LibreOffice is missing, fails, times out
    (:data:`TIMEOUT_S`) or leaves a PDF missing or empty."""
    command = soffice()
    if command is None:
        raise PdfError(NOT_INSTALLED)
    if not documents:
        return {}
    import subprocess  # not at import: the app's start asks only for soffice()

    with tempfile.TemporaryDirectory(prefix="opw-pdf-") as folder:
        work = Path(folder)
        sources = []
        for name, data in documents.items():
            (work / name).write_bytes(data)
            sources.append(str(work / name))
        profile = (work / "profile").as_uri()
        args = [command, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        args += ["--convert-to", PDF_FILTER, "--outdir", str(work / "pdf"), *sources]
        first = next(iter(documents))
        try:
            run = subprocess.run(args, capture_output=True, timeout=TIMEOUT_S, check=False)  # noqa: S603
        except subprocess.TimeoutExpired:
            raise PdfError(FAILED, name=first, detail=f"> {TIMEOUT_S} s") from None
        except OSError as exc:
            raise PdfError(FAILED, name=first, detail=os_reason(exc)) from None
        pdfs: dict[str, bytes] = {}
        for name in documents:
            target = work / "pdf" / pdf_name(name)
            data = target.read_bytes() if target.is_file() else b""
            if not data.startswith(b"%PDF"):
                detail = run.stderr.decode("utf-8", "replace").strip().splitlines()
                raise PdfError(FAILED, name=name, detail=detail[-1] if detail else f"exit {run.returncode}")
            pdfs[pdf_name(name)] = data
        return pdfs
