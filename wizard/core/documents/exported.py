"""The documents an export writes, as blocks: what ``export.py`` turns into files and the
publishing gate (``gate.py``) reads, so that what the gate checks is what the export
prints (docs/documents.md, "The publishing gate").

* :func:`record_for_export` — the decision record in one language, with the
  publication, bids and follow-up records (the gate rebuilds it with fields filled);
* :func:`other_documents` — every document besides the tenders, the price workbooks and
  the decision records: the addenda (:func:`addendum_documents`), the evaluation report,
  the notice of award and the debriefing letters (:func:`evaluation_documents`), the contract's follow-up
  with its spending chart (:func:`follow_up_documents`), ``{file name: Document}``.

Built once per export: ``main.py export`` and the app's Export build
:func:`other_documents`, hand them to the gate (``publishing_gate(..., documents=)``)
and then to the export (``export_all(..., documents=)``), which writes them as they are.
Both import this module; it imports neither.
"""

from __future__ import annotations

from typing import Any

from wizard.core.contract.follow_up import spending_by_year, standing
from wizard.core.documents.addendum import addendum_document, addendum_file
from wizard.core.documents.award_notice import notice_documents
from wizard.core.documents.blocks import Document
from wizard.core.documents.debriefing import debriefing_file, letter_document, unsuccessful
from wizard.core.documents.evaluation_report import report_document, report_file
from wizard.core.documents.follow_up import KINDS, follow_up_document, follow_up_file
from wizard.core.documents.record import record_document
from wizard.core.model import Project
from wizard.core.textclean import clean_project


def record_for_export(
    project: Project, lang: str, chart: bytes = b"", record: Any = None, bids: Any = None, follow: Any = None
) -> Document:
    """The decision record in ``lang`` as the export writes it, from a clean project:
    with the publication ``record``, the ``bids`` record and the contract of ``follow``
    (the award section, the launch's wording) and the TCO ``chart`` (PNG bytes, ``b""``
    for none: the gate reads it without, a picture holds no text)."""
    contract = follow.contract if follow is not None else None
    return record_document(project, lang, chart, record, bids, contract)


def addendum_documents(project: Project, langs: list[str], record: Any = None) -> dict[str, Document]:
    """``{addendum-<n>-<lang>.docx: Document}`` for each issued addendum of ``record``
    (``publishing.record.Record``) in each language of ``langs`` (the export's: ``--lang``
    or else the tender's languages; each document whole in its language), from a clean
    project; none before publication."""
    if record is None or not record.published:
        return {}
    return {
        addendum_file(a.number, lang): addendum_document(project, record, a, lang)
        for a in record.issued
        for lang in langs
    }


def evaluation_documents(project: Project, langs: list[str], bids: Any = None) -> dict[str, Document]:
    """Once bids are recorded (``bids``: ``bids.record.BidsRecord``), the evaluation
    report ``evaluation-report-<lang>.docx`` and, once awarded, the notice of award
    ``award-notice-<bid>-<lang>.docx`` to the successful bidder and a debriefing letter
    ``debriefing-<bid>-<lang>.docx`` per unsuccessful bid, in each language of ``langs``,
    from a clean project: ``{file name: Document}``."""
    if bids is None or not bids.bids:
        return {}
    docs: dict[str, Document] = {report_file(lang): report_document(project, bids, lang) for lang in langs}
    docs.update(notice_documents(project, bids, langs))
    for bid in unsuccessful(bids):
        for lang in langs:
            docs[debriefing_file(bid.id, lang)] = letter_document(project, bids, bid, lang)
    return docs


def follow_up_documents(project: Project, langs: list[str], follow: Any = None) -> dict[str, Document]:
    """Once a contract is signed (``follow``: ``contract.record.FollowUp``), the
    follow-up's documents (``documents/follow_up.py``: ``contract-summary-<lang>.docx``,
    ``performance-<lang>.docx``, ``spending-<lang>.docx`` with its chart) in each
    language of ``langs``, from a clean project: ``{file name: Document}``."""
    if follow is None:
        return {}
    from wizard.core.documents.spending_chart import spending_chart_png  # matplotlib only when drawn

    years = spending_by_year(project, standing(follow.contract), follow.yearly)
    docs: dict[str, Document] = {}
    for lang in langs:
        png = spending_chart_png(years, lang)
        for kind in KINDS:
            docs[follow_up_file(kind, lang)] = follow_up_document(project, follow, kind, lang, png)
    return docs


def other_documents(
    project: Project, langs: list[str], record: Any = None, bids: Any = None, follow: Any = None
) -> dict[str, Document]:
    """``{file name: Document}`` of every document an export in ``langs`` writes besides
    the tenders, the price workbooks and the decision records, in the order it writes
    them: the addenda of the publication ``record``, the evaluation documents of the
    ``bids`` record, the contract's follow-up of ``follow`` (module doc). ``project``
    as given: its text is cleaned here as the export cleans it
    (``textclean.clean_project``, which gives a clean project back unchanged)."""
    project = clean_project(project)
    return {
        **addendum_documents(project, langs, record),
        **evaluation_documents(project, langs, bids),
        **follow_up_documents(project, langs, follow),
    }
