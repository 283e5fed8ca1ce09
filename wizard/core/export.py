"""Every output file, and the one place that writes them.

``export_all(project, out_dir, lang=None) -> list[Path]`` writes, into ``out_dir``, the
tender(s) ``tender-<lang>.docx``, the price workbook(s) ``price-form-<lang>.xlsx`` (the
tender's price form for bidders to fill, ``documents/price_workbook.py``), the decision record(s) ``decision-record-<lang>.docx``
and the open data (OCDS release package, vendor register and criteria CSVs), and with
``pdf=True`` a PDF of each Word document (``pdf.py``, LibreOffice). ``lang`` is
"fr", "en", "both", or ``None`` for the project's own setting (``i18n.languages.tender_languages``).

The project's text is cleaned of XML-illegal characters once, here
(``textclean.clean_project``); the builders in ``documents/`` and ``opendata/`` take it
clean. The documents besides the tenders, price workbooks and records (addenda,
evaluation report and letters, the contract's follow-up) are built by
``documents/exported.other_documents``, once per export: the caller that runs the
publishing gate first hands the same documents to :func:`export_all` (``documents=``).
Every file is built in memory first, so a failing builder writes nothing. The set
is then written all or nothing through a staging folder beside the outputs
(``output_folder.py``): an export killed mid-way is recognised and cleaned by the next
one, and the files it had moved in do not count as existing outputs (no ``--force``). The
market matrix as CSV (:func:`export_matrix_csv`) and the project as JSON
(:func:`export_json`) are written here too, each atomically.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wizard.core.i18n import languages
from wizard.core.memo import one_pass
from wizard.core.model import Project
from wizard.core.model.choices import LANGUAGES
from wizard.core.model.translatable import localized
from wizard.core.output_folder import (
    LEFTOVERS_REMOVED as LEFTOVERS_REMOVED,
)
from wizard.core.output_folder import (
    ExportWriteError as ExportWriteError,
)
from wizard.core.output_folder import (
    failure_message as failure_message,
)
from wizard.core.output_folder import (
    leftovers as leftovers,
)
from wizard.core.output_folder import (
    remove_leftovers as remove_leftovers,
)
from wizard.core.output_folder import (
    write_files as write_files,
)
from wizard.core.output_folder import (
    written_by_a_killed_export,
)
from wizard.core.pdf import pdf_name, to_pdf
from wizard.core.project_file.atomic import write_bytes_atomic
from wizard.core.textclean import clean_project

if TYPE_CHECKING:
    from wizard.core.documents.blocks import Document

Builder = Callable[[Project, list[str]], dict[str, bytes]]
"""``(clean project, languages) -> {file name: content}`` for one kind of output."""


def tender_languages(project: Project, lang: str | None = None) -> list[str]:
    """The tender languages to write: ``lang`` if given, else the project's setting
    (``i18n.languages.tender_languages``, with its one fallback for a bad stored value,
    which check PR-LANGUAGES reports).

    "both" → ``["fr", "en"]``. Raises ``ValueError`` for a ``lang`` other than fr/en/both.
    """
    if lang is None:
        return list(languages.tender_languages(project))
    choice = lang.strip().lower()
    if choice == "both":
        return list(LANGUAGES)
    if choice in LANGUAGES:
        return [choice]
    raise ValueError(f"unsupported tender language: {choice!r} (fr, en or both)")


def tender_file(lang: str) -> str:
    """``tender-fr.docx`` or ``tender-en.docx``."""
    return f"tender-{lang}.docx"


def price_workbook_file(lang: str) -> str:
    """``price-form-fr.xlsx`` or ``price-form-en.xlsx``."""
    from wizard.core.documents.tender_price_form import workbook_file

    return workbook_file(lang)


def record_file(lang: str) -> str:
    """``decision-record-fr.docx`` or ``decision-record-en.docx``."""
    return f"decision-record-{lang}.docx"


def tender_bytes(project: Project, lang: str, languages: list[str] | None = None) -> bytes:
    """The tender in ``lang`` as DOCX bytes, from a clean project. Raises ``ValueError``
    for a ``lang`` other than "fr"/"en". ``languages``: every language exported together
    (the language clause follows them)."""
    from wizard.core.documents.docx.writer import docx_bytes  # the DOCX stack only when writing one
    from wizard.core.documents.tender import tender_document

    with one_pass():
        return docx_bytes(tender_document(project, lang, languages))


def record_bytes(
    project: Project, lang: str, record: Any = None, bids: Any = None, follow: Any = None
) -> bytes:
    """The decision record in ``lang`` as DOCX bytes (with the TCO chart when there are
    options), from a clean project; ``record``: the publication record once published
    (its addenda's findings join the others); ``bids``: the bids record (the bids and
    the award, and their findings); ``follow``: the contract's follow-up once signed
    (the contract's terms, as the contract summary reads them). Raises ``ValueError``
    for another ``lang``."""
    from wizard.core.documents.chart import cumulative_chart_png  # matplotlib only when exporting
    from wizard.core.documents.docx.writer import docx_bytes
    from wizard.core.documents.exported import record_for_export

    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    with one_pass():
        chart = cumulative_chart_png(localized(project, lang), lang) if project.tco_options else b""
        return docx_bytes(record_for_export(project, lang, chart, record, bids, follow))


def tender_files(project: Project, langs: list[str]) -> dict[str, bytes]:
    """``tender-<lang>.docx`` for each language."""
    with one_pass():
        return {tender_file(lang): tender_bytes(project, lang, langs) for lang in langs}


def record_files(
    project: Project, langs: list[str], record: Any = None, bids: Any = None, follow: Any = None
) -> dict[str, bytes]:
    """``decision-record-<lang>.docx`` for each language (with the findings on the
    addenda of ``record``, the publication record, once published; with the bids and
    the award of ``bids``, the bids record; with the signed contract's terms of
    ``follow``, the follow-up)."""
    with one_pass():
        return {record_file(lang): record_bytes(project, lang, record, bids, follow) for lang in langs}


def price_workbook_files(project: Project, langs: list[str]) -> dict[str, bytes]:
    """``price-form-<lang>.xlsx`` for each language: the price form as a workbook
    (``documents/price_workbook.py``), beside the tender it belongs to."""
    from wizard.core.documents.price_workbook import price_workbook_bytes  # openpyxl only when exporting

    return {price_workbook_file(lang): price_workbook_bytes(project, lang) for lang in langs}


def open_data_files(
    project: Project,
    _langs: list[str],
    changed: str | None = None,
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
) -> dict[str, bytes]:
    """The OCDS release package and the CSVs, the release dated by ``changed``; once
    published (``record``), the published releases and ``addenda.csv``; with bids
    (``bids``), ``bids.csv`` and, once awarded, the ``award`` and ``contract`` releases;
    once a contract is signed (``follow``), its implementation release and the
    follow-up's CSVs. Raises ``opendata.outputs.OpenDataError``."""
    from wizard.core.opendata.outputs import open_data_files as build

    return build(project, changed, record, bids, follow)


def _docx(documents: dict[str, Document]) -> dict[str, bytes]:
    from wizard.core.documents.docx.writer import docx_bytes  # the DOCX stack only when writing one

    return {name: docx_bytes(doc) for name, doc in documents.items()}


def evaluation_names(project: Project, langs: list[str], bids: Any = None) -> list[str]:
    """The evaluation documents' file names (``exported.evaluation_documents``) in ``langs``, in order."""
    from wizard.core.documents.award_notice import notice_names
    from wizard.core.documents.debriefing import debriefing_file, unsuccessful
    from wizard.core.documents.evaluation_report import report_file

    if bids is None or not bids.bids:
        return []
    names = [report_file(lang) for lang in langs] + notice_names(bids, langs, project)
    return names + [debriefing_file(b.id, lang) for b in unsuccessful(bids) for lang in langs]


def other_files(
    project: Project,
    langs: list[str],
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
    documents: dict[str, Document] | None = None,
) -> dict[str, bytes]:
    """The DOCX of each of :func:`other_documents` (the addenda of ``record``, the
    evaluation report, notice of award and debriefing letters of ``bids``, the follow-up
    of ``follow``):
    ``documents`` when given, the same documents already built for the publishing gate,
    else built here."""
    return _docx(other_documents(project, langs, record, bids, follow) if documents is None else documents)


def other_documents(
    project: Project, langs: list[str], record: Any = None, bids: Any = None, follow: Any = None
) -> dict[str, Document]:
    """``{file name: Document}`` of the documents an export in ``langs`` writes besides
    the tenders, price workbooks and records (``documents/exported.other_documents``:
    ``project`` cleaned there). ``main.py export`` and the app build them once, hand them
    to the publishing gate and then to :func:`export_all` (``documents=``)."""
    from wizard.core.documents.exported import other_documents as build  # the builders only when exporting

    return build(project, langs, record, bids, follow)


BUILDERS: list[Builder] = [
    tender_files,
    price_workbook_files,
    record_files,
    open_data_files,
    other_files,
]
"""Every kind of output, in the order the files are listed and written."""


def output_files(
    project: Project,
    lang: str | None = None,
    changed: str | None = None,
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
    documents: dict[str, Document] | None = None,
) -> dict[str, bytes]:
    """``{file name: content}`` of every output, built in memory from ``project`` (its
    text cleaned once here). ``changed``: the moment of the project's latest change
    (``ProjectFile.last_change``; ``None`` when unknown), the date of the OCDS release.
    ``record``: the publication record (``publishing.record.read``) once published: the
    addenda and the published releases. The published documents themselves stay in the
    project file, never written over. ``bids``: the bids record (``bids.record.read``):
    the evaluation outputs (the evaluation report and letters, ``bids.csv``, the award releases).
    ``follow``: the contract's follow-up (``contract.record.follow_up``) once signed: its
    documents, CSVs and implementation release. ``documents``: the other documents
    (:func:`other_documents`) when already built with the same arguments, for the
    publishing gate: written as they are, not built again. Raises ``ValueError`` for an
    unsupported ``lang``."""
    langs = tender_languages(project, lang)
    project = clean_project(project)
    files: dict[str, bytes] = {}
    with one_pass():  # the clean project does not change while it is written (core/memo.py)
        for build in BUILDERS:
            if build is open_data_files:  # the one builder that the latest change dates
                build = partial(open_data_files, changed=changed, record=record, bids=bids, follow=follow)
            elif build is record_files:
                build = partial(build, record=record, bids=bids, follow=follow)
            elif build is other_files:
                build = partial(other_files, record=record, bids=bids, follow=follow, documents=documents)
            files.update(build(project, langs))
    return files


def planned_outputs(
    project: Project,
    out_dir: Path,
    lang: str | None = None,
    pdf: bool = False,
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
) -> list[Path]:
    """The paths :func:`export_all` would write, in the same order, writing nothing:
    tender(s), price workbook(s), decision record(s), OCDS package, vendor register and criteria CSVs.

    For the "files already exist; replace them?" question before an export. Raises
    ``ValueError`` for an unsupported ``lang``.
    """
    from wizard.core.opendata.outputs import CRITERIA_FILE, OCDS_FILE, REGISTER_FILE

    out_dir = Path(out_dir)
    langs = tender_languages(project, lang)
    names = [tender_file(x) for x in langs] + [price_workbook_file(x) for x in langs]
    names += [record_file(x) for x in langs]
    data = [OCDS_FILE, REGISTER_FILE, CRITERIA_FILE]
    addenda: list[str] = []
    if record is not None and record.published:
        from wizard.core.documents.addendum import addendum_file
        from wizard.core.opendata.amendments import ADDENDA_FILE

        data.append(ADDENDA_FILE)
        addenda = [addendum_file(a.number, x) for a in record.issued for x in langs]
    if bids is not None and bids.bids:
        from wizard.core.opendata.bids_csv import BIDS_FILE

        data.append(BIDS_FILE)
    addenda += evaluation_names(project, langs, bids)
    if follow is not None and record is not None and record.published:
        from wizard.core.documents.follow_up import KINDS, follow_up_file
        from wizard.core.opendata.follow_up import FILES

        data += [name for name, _columns in FILES]
        addenda += [follow_up_file(k, x) for x in langs for k in KINDS]
    pdfs = [pdf_name(name) for name in [*names, *addenda] if name.endswith(".docx")] if pdf else []
    return [out_dir / name for name in [*names, *data, *addenda, *pdfs]]


def existing_outputs(
    project: Project,
    out_dir: Path,
    lang: str | None = None,
    pdf: bool = False,
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
) -> list[Path]:
    """The files an export into ``out_dir`` would replace (those of :func:`planned_outputs`
    that already exist): never overwrite a document the lawyers may have edited unasked.

    Leftovers of a killed export do not count: its staging folder is not an output, and
    an output that it had already moved in (the same bytes as its MANIFEST records) is
    not a document anyone edited, so redoing the export needs no ``--force``."""
    return [
        path
        for path in planned_outputs(project, out_dir, lang, pdf, record, bids, follow)
        if path.exists() and not written_by_a_killed_export(path)
    ]


def export_all(
    project: Project,
    out_dir: Path,
    lang: str | None = None,
    changed: str | None = None,
    pdf: bool = False,
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
    notices: list[str] | None = None,
    documents: dict[str, Document] | None = None,
) -> list[Path]:
    """Write every output into ``out_dir`` (created if missing); returns the paths written.
    ``changed``: the moment of the project's latest change (``ProjectFile.last_change``),
    which dates the OCDS release; reading it leaves the project file untouched.
    ``record`` / ``bids``: the publication and bids records (:func:`output_files`);
    ``documents``: the other documents already built for the gate (:func:`output_files`).

    Raises ``ValueError`` for an unsupported ``lang`` (nothing written),
    ``opendata.outputs.OpenDataError`` when the OCDS package is invalid (nothing written)
    and ``OSError`` when the folder cannot be written.

    With ``pdf``, a PDF of each Word document is written too (``pdf.to_pdf``, by
    LibreOffice), after the others; ``pdf.PdfError`` when LibreOffice is missing or
    fails, before anything is written. ``notices`` receives what the user should read
    once about those PDFs (message ids: ``pdf.MISSING_FONT``, ``pdf.TOC_NOT_UPDATED``).
    """
    files = output_files(project, lang, changed, record, bids, follow, documents)
    if pdf:
        docx = {name: data for name, data in files.items() if name.endswith(".docx")}
        files.update(to_pdf(docx, notices))
    return write_files(files, out_dir)


def export_matrix_csv(project: Project, path: Path) -> Path:
    """Write the market scan's support matrix as CSV to ``path`` atomically (the format
    the matrix import reads back: ``domain/matrix_csv.py``); returns ``path``. Raises
    ``OSError`` when it cannot be written (a previous file stays as it was)."""
    from wizard.core.domain.matrix_csv import export_matrix

    return write_bytes_atomic(Path(path), export_matrix(project))


def export_json(
    project: Project,
    path: Path,
    publishing: dict[str, Any] | None = None,
    bids: dict[str, Any] | None = None,
    contract: dict[str, Any] | None = None,
) -> Path:
    """Write the whole project as JSON to ``path`` atomically (``project_file/jsonio.py``),
    with its publication record when published (``publishing.jsonform.to_json``) and its
    bids when it has some (``bids.jsonform.to_json``) and its contract's follow-up
    (``contract.jsonform.to_json``); returns ``path``. Raises
    ``OSError`` when it cannot be written."""
    from wizard.core.project_file.jsonio import dumps

    return write_bytes_atomic(Path(path), dumps(project, publishing, bids, contract).encode("utf-8"))
