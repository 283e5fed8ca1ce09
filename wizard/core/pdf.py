"""PDF copies of the exported Word documents, made by LibreOffice when it is installed
(docs/documents.md, the `export.py` section).

LibreOffice runs as a subprocess, ``soffice --headless``, with its own profile in a
temporary folder (``-env:UserInstallation=file:///…``): a LibreOffice the user has open,
or a damaged profile, never blocks the conversion, and nothing is left in the user's
profile. The PDF is tagged (``UseTaggedPDF``: headings, tables and alternative texts
reach screen readers). DOCX bytes go in and PDF bytes come out, through a temporary
folder; the export then writes the PDFs with the other outputs through
``output_folder.write_files`` (all or nothing: a failed conversion writes nothing).

The table of contents gets its page numbers: a plain ``--convert-to pdf`` converts the
TOC field as the DOCX holds it (headings without numbers; LibreOffice honours neither
``w:updateFields`` nor ``w:dirty``), so the profile holds a Basic macro that updates
every index before the PDF is stored (:mod:`wizard.core.pdf_macro`, run as
``soffice macro:///…``). A LibreOffice that runs no macro still converts, as before,
and the export says the contents list has no page numbers (:data:`TOC_NOT_UPDATED`).
The DOCX is not changed: Word updates its own field when it opens the file (K5).
Principle: a PDF is a copy for reading, the DOCX stays the document the lawyers edit.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from wizard.core.i18n import N_
from wizard.core.i18n.os_errors import os_reason
from wizard.core.pdf_macro import MACRO_URL, write_profile

PDF_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
"""LibreOffice's export filter with its options (JSON filter options: LibreOffice 7.4+)."""
TIMEOUT_S = 300
"""Longest one conversion may take, in seconds, before it is abandoned (a hung soffice)."""

NOT_INSTALLED = N_(
    "PDF export needs LibreOffice, which is not installed (no soffice command found); "
    "install it, or export the Word documents only."
)
FAILED = N_("LibreOffice could not convert {name} to PDF ({detail}); nothing was written.")
TOC_NOT_UPDATED = N_(
    "LibreOffice ran no macro, so the tables of contents of the PDFs list the headings "
    "without page numbers; Word shows them in the Word documents."
)
MISSING_FONT = N_(
    "The Carlito font (free and with Calibri's metrics) is not installed: LibreOffice laid "
    "the PDFs out in another font, so their lines and page breaks differ from Word's. "
    "Install it (Debian, Ubuntu: fonts-crosextra-carlito) for PDFs laid out as in Word."
)


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


def to_pdf(documents: dict[str, bytes], notices: list[str] | None = None) -> dict[str, bytes]:
    """``{name.pdf: PDF bytes}`` for each ``{name.docx: DOCX bytes}`` of ``documents``,
    converted by one LibreOffice run in a temporary folder (removed after), their tables
    of contents updated with page numbers (:mod:`wizard.core.pdf_macro`).

    ``notices`` receives the message ids the user should read once with the PDFs
    (:data:`MISSING_FONT`; :data:`TOC_NOT_UPDATED` when LibreOffice ran no macro and the
    documents were converted as they are). Raises :class:`PdfError` when LibreOffice is
    missing, fails, times out (:data:`TIMEOUT_S`) or leaves a PDF missing or empty."""
    command = soffice()
    if command is None:
        raise PdfError(NOT_INSTALLED)
    if not documents:
        return {}
    said = notices if notices is not None else []
    first = next(iter(documents))
    with tempfile.TemporaryDirectory(prefix="opw-pdf-") as folder:
        work = Path(folder)
        (work / "pdf").mkdir()
        pairs = []
        for name, data in documents.items():
            (work / name).write_bytes(data)
            pairs.append((work / name, work / "pdf" / pdf_name(name)))
        status = work / "status.txt"
        write_profile(work / "profile", pairs, status)
        run = _soffice(command, work / "profile", [MACRO_URL], first)
        outcome = status.read_text("utf-8", "replace").strip() if status.is_file() else ""
        if outcome.startswith("error "):
            raise _macro_error(outcome, list(documents))
        if outcome != "ok":  # no macro ran (a LibreOffice without Basic): as they are
            sources = [str(source) for source, _ in pairs]
            args = ["--convert-to", PDF_FILTER, "--outdir", str(work / "pdf"), *sources]
            run = _soffice(command, work / "plain-profile", args, first)
            said.append(TOC_NOT_UPDATED)
        pdfs = _read_pdfs(work / "pdf", list(documents), run)
    if font_missing():
        said.append(MISSING_FONT)
    return pdfs


def _macro_error(outcome: str, names: list[str]) -> PdfError:
    """The :class:`PdfError` for the macro's ``error N: detail`` status, naming the N-th
    of ``names`` (the detail on one line, at most 300 characters)."""
    number, _, detail = outcome.removeprefix("error ").partition(": ")
    name = names[int(number)] if number.isdigit() and int(number) < len(names) else names[0]
    return PdfError(FAILED, name=name, detail=" ".join((detail or outcome).split())[:300])


def _read_pdfs(folder: Path, names: list[str], run: Any) -> dict[str, bytes]:
    """``{name.pdf: bytes}`` read from ``folder`` for each DOCX of ``names``; a missing or
    empty PDF is a :class:`PdfError` naming its document, with soffice's last word."""
    pdfs: dict[str, bytes] = {}
    for name in names:
        target = folder / pdf_name(name)
        data = target.read_bytes() if target.is_file() else b""
        if not data.startswith(b"%PDF"):
            detail = run.stderr.decode("utf-8", "replace").strip().splitlines()
            raise PdfError(FAILED, name=name, detail=detail[-1] if detail else f"exit {run.returncode}")
        pdfs[pdf_name(name)] = data
    return pdfs


def _soffice(command: str, profile: Path, args: list[str], first: str) -> Any:
    """Run ``soffice`` headless with the private ``profile`` and ``args``; the completed
    process. :class:`PdfError` (naming ``first``) when it hangs or cannot start."""
    import subprocess  # not at import: the app's start asks only for soffice()

    head = [command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    try:
        return subprocess.run([*head, *args], capture_output=True, timeout=TIMEOUT_S, check=False)  # noqa: S603
    except subprocess.TimeoutExpired:
        raise PdfError(FAILED, name=first, detail=f"> {TIMEOUT_S} s") from None
    except OSError as exc:
        raise PdfError(FAILED, name=first, detail=os_reason(exc)) from None


def font_missing() -> bool:
    """True when fontconfig's ``fc-list`` shows neither Calibri nor Carlito (its
    metric-compatible twin) and LibreOffice ships no Carlito of its own: LibreOffice
    then lays the documents out in another font. False when there is no ``fc-list``
    (Windows, macOS: LibreOffice's installers bring Carlito) or it fails."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    import subprocess

    try:
        run = subprocess.run(  # noqa: S603
            [fc_list, ":", "family"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    families = run.stdout.decode("utf-8", "replace").lower()
    if run.returncode != 0 or "carlito" in families or "calibri" in families:
        return False
    command = soffice()
    bundled = Path(command).resolve().parent.parent / "share" / "fonts" if command else None
    return not (bundled is not None and any(bundled.rglob("Carlito*")))
