"""An issued addendum as a document (issue 21): one whole document per tender language.

Built from the addendum's record (``publishing.record.Addendum``) and the project as
that addendum left it (``addenda.as_issued``: an issued addendum is a document sent to
bidders, so a later addendum never changes what it states): the cover (the Town, the
tender, the addendum's number and date, the closing as amended by it and the addenda
before it), the questions and answers in the language of the document, the asker
never named, and each change as "before → now" (a new price workbook named with its
version, ``publishing/addenda.py``). A closing moved may also move the publication
plan's "Bids received and the bidders" (issuing moves it:
``publication_plan.moved_with_closing``, and stores the move as a ``plan`` change), so
that row is listed as a change too, as stored: nothing is worked out here. A text
missing in the document's language prints ``translatable.MARKER`` (the bilingual rule,
docs/bilingual.md); issuing refuses a question or a change without every tender
language, so an issued addendum has none.
"""

from __future__ import annotations

from wizard.core.documents.blocks import Block, Document, Heading, Paragraph, Table
from wizard.core.documents.tender import user_paragraphs, user_text
from wizard.core.documents.tender_price_form import workbook_file
from wizard.core.documents.tender_submission import format_deadline
from wizard.core.domain.numbering import clause_label, label_of
from wizard.core.domain.publication_plan import OPENING_ITEM
from wizard.core.i18n import tr
from wizard.core.i18n.formats import format_date
from wizard.core.model import Project
from wizard.core.model.defaults import PUBLICATION_ITEMS
from wizard.core.model.translatable import MARKER, label, localized
from wizard.core.publishing.addenda import CLAUSE_NAME, as_issued
from wizard.core.publishing.record import (
    CLAUSE_PREFIX,
    DATE_FIELDS,
    PRICE_FORM_LABEL,
    Addendum,
    Change,
    Record,
    plan_item,
)


def addendum_file(number: int, lang: str) -> str:
    """``addendum-1-fr.docx``."""
    return f"addendum-{number}-{lang}.docx"


def _or_marker(text: str) -> str:
    return text.strip() or MARKER


def change_name(project: Project, change: Change, lang: str) -> str:
    """What the change is about, as the tender names it: "Closing date", "M-3 (text of
    the criterion)", "Statement of need"."""
    if change.kind == "date":
        return tr(DATE_FIELDS[change.field], lang)
    if change.kind == "price_form":
        return tr(PRICE_FORM_LABEL, lang)
    if change.kind == "clause":
        clause_id = change.field.removeprefix(CLAUSE_PREFIX)
        return tr(CLAUSE_NAME, lang, clause=clause_label(project, clause_id, lang))
    if change.kind == "plan":
        item = project.find("publication_items", plan_item(change.field) or 0)
        key = item.key if item is not None and item.key in PUBLICATION_ITEMS else OPENING_ITEM
        return tr("Publication plan: {item}", lang, item=tr(PUBLICATION_ITEMS[key], lang))
    field = tr(label(change.field), lang) if label(change.field) else change.field
    number = label_of(project, change.field, lang)
    return f"{number} ({field})" if number else field


def _clause_text(project: Project, clause_id: str, body: str, lang: str) -> str:
    """A clause body as the tender prints it (its variables filled), else as written."""
    from wizard.core.clauses.library import excluded_vendor_names
    from wizard.core.clauses.render import ClauseRenderError, clause_context, render_source

    try:
        return render_source(body, clause_context(project, lang, excluded_vendor_names(project)), clause_id)
    except ClauseRenderError:
        return body


def _value(project: Project, change: Change, lang: str, old: bool) -> str:
    value = change.old(lang) if old else change.new(lang)
    if change.kind in ("date", "plan"):
        return format_date(value, lang)
    if change.kind == "price_form":
        return value
    if change.kind == "clause":
        return _clause_text(project, change.field.removeprefix(CLAUSE_PREFIX), value, lang)
    return user_text(value) or (tr("(none)", lang) if old else MARKER)


def addendum_blocks(project: Project, addendum: Addendum, lang: str) -> list[Block]:
    """Every block of ``addendum`` in ``lang``, from ``project`` as the addendum left it
    (texts in ``lang``); its changes as stored."""
    info = project.info
    number = addendum.number or 0
    blocks: list[Block] = [
        Paragraph(user_text(info.organization), "Subtitle"),
        Paragraph(tr("Addendum {number}", lang, number=number), "Title"),
        Paragraph(user_text(info.title), "Subtitle"),
        Table(
            [],
            [
                [tr("Reference number", lang), user_text(info.reference)],
                [tr("Date of issue", lang), format_date(addendum.issued_on, lang)],
                [tr("Closing date", lang), format_deadline(info, lang)],
            ],
            [6.0, 10.0],
        ),
        Paragraph(
            tr(
                "This addendum forms part of the call for tenders and is sent to every bidder. "
                "Each bidder acknowledges it in its form of offer (Form 1).",
                lang,
            )
        ),
    ]
    if addendum.questions:
        blocks += [
            Heading(1, tr("Questions and answers", lang)),
            Paragraph(tr("The identity of those who asked questions is not disclosed.", lang)),
        ]
        for n, question in enumerate(addendum.questions, 1):
            blocks.append(Heading(2, tr("Question {number}", lang, number=n)))
            blocks += user_paragraphs(_or_marker(question.text("question", lang)))
            blocks.append(
                Paragraph(_or_marker(user_text(question.text("answer", lang))), label=tr("Answer:", lang))
            )
    if addendum.changes:
        blocks.append(Heading(1, tr("Changes to the call for tenders", lang)))
        rows = [
            [
                change_name(project, c, lang),
                _value(project, c, lang, old=True),
                _value(project, c, lang, old=False),
            ]
            for c in addendum.changes
        ]
        blocks.append(
            Table([[tr("What changes", lang), tr("Before", lang), tr("Now", lang)]], rows, [5.0, 5.5, 5.5])
        )
        blocks += [
            Paragraph(
                tr(
                    "The price workbook is replaced: version {before} no longer applies. Bidders fill in "
                    "the new workbook, the file {workbook}, version {after}, supplied with this addendum, "
                    "and the price form of the call for tenders is amended to match.",
                    lang,
                    before=c.old(lang),
                    after=c.new(lang),
                    workbook=workbook_file(lang),
                )
            )
            for c in addendum.changes
            if c.kind == "price_form"
        ]
    return blocks


def addendum_document(project: Project, record: Record, addendum: Addendum, lang: str) -> Document:
    """The addendum in ``lang`` ("fr" or "en"), from ``project`` as amended by every
    issued addendum of ``record``: an issued one states the project as it left it
    (``addenda.as_issued``), a draft the project now. Raises ``ValueError`` for
    another language."""
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    if addendum.issued and addendum.number is not None:
        project = as_issued(project, record, addendum.number)
    project = localized(project, lang)
    reference = user_text(project.info.reference)
    return Document(
        lang=lang,
        title=tr("Addendum {number}", lang, number=addendum.number or 0),
        organization=user_text(project.info.organization),
        reference=reference,
        header=tr("Call for tenders {reference}", lang, reference=reference)
        + " \u2013 "
        + tr("Addendum {number}", lang, number=addendum.number or 0),
        footer_page=tr("Page {page} of {pages}", lang),
        blocks=addendum_blocks(project, addendum, lang),
    )
