"""The evaluation report and award recommendation for council (issue 22): one whole
document per tender language, ``evaluation-report-<lang>.docx``.

A pure function of the project and its bids (:class:`~wizard.core.bids.record.BidsRecord`),
through :func:`.evaluation_common.evaluation_view`. In order: the call for tenders and
its rules (the method, the threshold, the weights, the price formula); the bids
received (late ones recorded, never opened); the lock of the quality scores and the
opening of the price envelopes (who, when, each fingerprint); the evaluation of each
bid (mandatory criteria with their evidence, the technical committee's verification of
each scenario, the jury's consensus with each score's reason); the scores and the
ranking; the sensitivity (the ranking without each member's sheet, and with the other
price formula); the findings on the evaluation (``checks.bids``); the award
recommendation and the proposed resolution, its number and date once adopted, and who
signs under delegated authority.

Who is named: the report is council's, so it records who opened the envelopes and the
witnesses as entered; jury members are "Member 1", "Member 2" (their order in the
project's jury list), never by name, on every page, as in the sheets' divergences.

This package assembles the report (:func:`report_blocks`) and writes its cover; one
module writes each part, in the report's order: :mod:`.rules` (the call for tenders and
its rules), :mod:`.opening` (the bids received; the lock and the opening), :mod:`.bids`
(the evaluation of each bid, after what the members' sheets hold, :mod:`.sheets`),
:mod:`.scores` (the scores, the ranking and its sensitivity), :mod:`.findings` and
:mod:`.award` (the recommendation, the proposed resolution and who signs).
"""

from __future__ import annotations

from wizard.core.bids.record import BidsRecord
from wizard.core.documents.blocks import Block, Document, Paragraph, Table
from wizard.core.documents.evaluation_common import (
    EvaluationView,
    evaluation_document,
    evaluation_view,
    notes_language_note,
)
from wizard.core.documents.evaluation_report.award import recommendation_blocks
from wizard.core.documents.evaluation_report.bids import evaluation_blocks
from wizard.core.documents.evaluation_report.findings import finding_blocks
from wizard.core.documents.evaluation_report.opening import opening_blocks, received_blocks
from wizard.core.documents.evaluation_report.rules import rules_blocks
from wizard.core.documents.evaluation_report.scores import score_blocks, sensitivity_blocks
from wizard.core.documents.evaluation_report.sheets import SheetCover
from wizard.core.documents.tender import user_text
from wizard.core.documents.tender_submission import format_deadline
from wizard.core.i18n import N_, tr
from wizard.core.model import Project


def report_file(lang: str) -> str:
    """``evaluation-report-fr.docx``."""
    return f"evaluation-report-{lang}.docx"


def report_blocks(
    project: Project, record: BidsRecord, lang: str, notes_lang: str | None = None
) -> list[Block]:
    """Every block of the report in ``lang``, from a ``project`` whose texts are in
    ``lang`` (module docstring). ``notes_lang`` is the language the evaluators' notes
    were typed in (the project's text language): another one than ``lang`` adds the
    sentence saying they are quoted in that language."""
    view = evaluation_view(project, record)
    cover = SheetCover(view)  # what the sheets hold: the rules, the evaluations and the sensitivity say it
    blocks = _cover(view, lang, notes_lang)
    blocks += rules_blocks(view, cover, lang)
    blocks += received_blocks(view, lang)
    blocks += opening_blocks(view, lang)
    blocks += evaluation_blocks(view, cover, lang)
    if record.opened:
        blocks += score_blocks(view, lang)
        blocks += sensitivity_blocks(view, cover, lang)
    blocks += finding_blocks(view.project, record, lang)
    blocks += recommendation_blocks(view, lang, notes_lang)
    return blocks


def _cover(view: EvaluationView, lang: str, notes_lang: str | None) -> list[Block]:
    """The Town, the title, the tender's title, its reference, closing date and the
    number of bids received; then the sentence on the notes' language, if any."""
    info = view.project.info
    blocks: list[Block] = [
        Paragraph(user_text(info.organization), "Subtitle"),
        Paragraph(tr("Evaluation report and award recommendation", lang), "Title"),
        Paragraph(user_text(info.title), "Subtitle"),
        Table(
            [],
            [
                [tr("Reference number", lang), user_text(info.reference)],
                [tr("Closing date", lang), format_deadline(info, lang)],
                [tr("Bids received", lang), str(len(view.record.bids))],
            ],
            [6.0, 10.0],
        ),
    ]
    note = notes_language_note(notes_lang, lang)
    if note:
        blocks.append(Paragraph(note))
    return blocks


def report_document(project: Project, record: BidsRecord, lang: str) -> Document:
    """The evaluation report in ``lang`` ("fr" or "en"). Raises ``ValueError`` for another."""
    return evaluation_document(
        project,
        lang,
        N_("Evaluation report and award recommendation"),
        lambda shown, notes_lang: report_blocks(shown, record, lang, notes_lang),
        header_suffix=N_("Evaluation report"),
    )
