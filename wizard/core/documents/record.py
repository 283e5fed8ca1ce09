"""The decision record for council, as document blocks (docs/documents.md).

``record_document(project, lang, chart_png=b"") -> Document`` ("fr" or "en"): a council
report. The first page holds the title block, the executive summary and the
recommendation (before bids, the resolution that launches the call for tenders; once
the call is out, the same resolution as the recommendation at launch, and with bids, on
a page before it, the bids received and the award decision, :mod:`.record_award`); then the
table of contents, the problem as received and as defined, scope and governance, the
market scan (counts, never the names of compliant products before award), the criteria,
the evaluation method and the selection committee, the total cost of ownership with its
conclusion in words (tables and the chart ``chart_png``), the funding, the contract
(term, estimated value, liability and insurance), the legal
framework, risks, the findings in words (those marked justified with their reasons,
then those still open), the scorecard of the guide's practices, the vendor exchange
register and, in the annex, the matrix of features and standards. The same blocks feed
the DOCX (``export.record_bytes``). Raises ``ValueError`` for another ``lang``.

Every sentence that states a fact about the project is a claim
(:mod:`wizard.core.claims.record`, docs/claims.md); findings are stated as facts, never
by code or as instructions (:mod:`wizard.core.documents.record_findings`).

Guide principle: decisions rest on a correct problem definition, a neutral market scan,
a TCO and a risk analysis, and they are documented so they can be published.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wizard.core.checks import run_checks
from wizard.core.documents.blocks import Block, Document, PageBreak, Paragraph, Table
from wizard.core.documents.record_award import award_blocks, awarded_value, launched
from wizard.core.documents.record_context import label, problem_blocks, scope_blocks
from wizard.core.documents.record_contract import contract_blocks
from wizard.core.documents.record_framework import framework_blocks
from wizard.core.documents.record_funding import funding_blocks
from wizard.core.documents.record_legal import evaluation_blocks, legal_blocks
from wizard.core.documents.record_market import annex_blocks, criteria_blocks, market_blocks
from wizard.core.documents.record_sections import (
    findings_blocks,
    register_blocks,
    risks_blocks,
    scorecard_blocks,
    tco_blocks,
)
from wizard.core.documents.record_summary import recommendation_blocks, summary_blocks
from wizard.core.documents.tender import contents_blocks, user_text
from wizard.core.domain.provinces import PROVINCES
from wizard.core.i18n import tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.i18n.languages import text_language
from wizard.core.model import Project
from wizard.core.model.translatable import localized
from wizard.core.textclean import clean_project, one_line

PROPERTY_LIMIT = 200  # Word's document properties hold at most 255 characters

if TYPE_CHECKING:
    from wizard.core.bids.record import BidsRecord
    from wizard.core.contract.record import Contract
    from wizard.core.publishing.record import Record

__all__ = ["label", "record_blocks", "record_document"]


def _cover(project: Project, lang: str) -> list[Block]:
    info = project.info
    prov = PROVINCES.get(info.province.strip().upper())
    officer = ", ".join(x for x in (one_line(info.officer_name), one_line(info.officer_title)) if x)
    rows = [
        [tr("Reference number", lang), user_text(info.reference)],
        [tr("Province or territory", lang), prov.name(lang) if prov else PLACEHOLDER],
        [tr("Responsible officer", lang), officer or PLACEHOLDER],
        [
            tr("Authors", lang),
            "; ".join(
                x
                for x in (
                    ", ".join(y for y in (one_line(a.name), one_line(a.role)) if y) for a in project.authors
                )
                if x
            )
            or PLACEHOLDER,
        ],
    ]
    return [
        Paragraph(user_text(info.organization), "Subtitle"),
        Paragraph(user_text(info.title), "Title"),
        Paragraph(tr("Decision record for council", lang), "Subtitle"),
        Table([], rows, [6.0, 10.0]),
    ]


def launch_project(publication: Record | None, project: Project) -> Project:
    """The project as the call for tenders was launched: the model stored when it was
    marked as published (the cost study stays editable afterwards, docs/publishing.md),
    its texts cleaned as the export cleans them; ``project`` itself when there is no
    such model (bids recorded without a publication) or it cannot be read."""
    if publication is None or publication.baseline is None:
        return project
    from wizard.core.project_file import jsonio

    try:
        return clean_project(jsonio.loads(publication.baseline.model, strict=False))
    except jsonio.ProjectJsonError:
        return project


def record_blocks(
    project: Project,
    lang: str,
    chart_png: bytes = b"",
    publication: Record | None = None,
    bids: BidsRecord | None = None,
    contract: Contract | None = None,
) -> list[Block]:
    """Every block of the decision record in ``lang``, in document order: the findings
    are those of ``project`` (the same in both languages; with ``publication``, the
    publication record of a published tender, those on its addenda too; with ``bids``,
    the bids record, those on the bids), every user text is read in ``lang``
    (``model.translatable.localized``: a missing version prints ``translatable.MARKER``).
    Once the call is out (published, or bids recorded) the launch's recommendation is
    said as the launch's, from the project as published (:func:`launch_project`); with
    bids, the bids and the award follow the summary (:mod:`.record_award`); with
    ``contract`` (the follow-up's, once signed), the contract's start and term are its
    terms (:mod:`.record_contract`)."""
    found = run_checks(project, bids, publication=publication)
    out = launched(publication, bids)
    notes_lang = text_language(project)
    at_launch = localized(launch_project(publication, project), lang) if out else None
    project = localized(project, lang)
    blocks: list[Block] = [
        *_cover(project, lang),
        *summary_blocks(project, lang, found, launched=out),
        *award_blocks(project, bids, lang, notes_lang),
        *recommendation_blocks(at_launch or project, lang, found, launched=out),
        PageBreak(),
        *contents_blocks(lang),
        *problem_blocks(project, lang),
        *scope_blocks(project, lang),
        PageBreak(),
        *market_blocks(project, lang),
        *criteria_blocks(project, lang),
        *evaluation_blocks(project, lang),
        PageBreak(),
        *tco_blocks(project, lang, chart_png),
        *funding_blocks(project, lang),
        *contract_blocks(project, lang, awarded_value(bids), contract),
        *legal_blocks(project, lang),
        *framework_blocks(project, lang),
        *risks_blocks(project, lang, found),
    ]
    blocks += [PageBreak(), *findings_blocks(project, lang, found)]
    blocks += [PageBreak(), *scorecard_blocks(project, lang, found)]
    blocks += [PageBreak(), *register_blocks(project, lang)]
    blocks += [PageBreak(), *annex_blocks(project, lang)]
    return blocks


def record_document(
    project: Project,
    lang: str,
    chart_png: bytes = b"",
    publication: Record | None = None,
    bids: BidsRecord | None = None,
    contract: Contract | None = None,
) -> Document:
    """The whole decision record in ``lang``; ``chart_png`` is the TCO chart (none if empty);
    ``publication``: the publication record once published; ``bids``: the bids record;
    ``contract``: the follow-up's contract once signed (:func:`record_blocks`).

    Raises ``ValueError`` for a ``lang`` other than "fr" or "en".
    """
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    reference = user_text(project.info.reference)[:PROPERTY_LIMIT]
    title = user_text(localized(project, lang).info.title)
    return Document(
        lang=lang,
        title=tr("Decision record: {title}", lang, title=title)[:PROPERTY_LIMIT],
        organization=user_text(project.info.organization)[:PROPERTY_LIMIT],
        reference=reference,
        header=tr("Decision record {reference}", lang, reference=reference),
        footer_page=tr("Page {page} of {pages}", lang),
        blocks=record_blocks(project, lang, chart_png, publication, bids, contract),
    )
