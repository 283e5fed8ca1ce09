"""The publishing gate: what still stands between the project and a tender fit to
publish (docs/documents.md, "The publishing gate").

``publishing_gate(project, langs) -> list[GateItem]`` lists, for an export in
``langs`` ("fr", "en" or both):

* every open error of the checks (an error marked justified with a written reason no
  longer counts, as on the review page and in ``check``), with its code and field;
* every ``[TRADUCTION À FAIRE / TRANSLATION MISSING]`` they would print (a text with no
  version in the document's language, docs/bilingual.md), naming the text's address;
* every ``[À COMPLÉTER / TO BE COMPLETED]`` that the exported documents would print —
  the tender and the decision record in each language, built in memory as the export
  builds them — each with its document, the headings it is under, and the model field
  that fills it (``info.reference``, ``scenarios:4.steps``, ``criteria:7``), found by
  filling the fields of :data:`~wizard.core.documents.printed_fields.PRINTED` on a copy
  and rebuilding (:mod:`wizard.core.documents.placeholders`). A clause that fails to
  render (K-RENDER) points at the clause. A placeholder no field explains still counts:
  it names the step of its section;
* with the publication, bids and follow-up records, every placeholder and missing
  translation's marker of the export's other documents (the addenda, the evaluation
  report, the debriefing letters, the follow-up), named by file (:func:`other_document_items`):
  the documents the export writes (``exported.other_documents``), handed over when the
  caller builds them for the export too (``documents=``), else built here.

Every placeholder of the documents is one item, so an empty gate means a document with
no placeholder. The app asks before exporting while the gate has items; ``main.py
export`` prints them and ``export --strict`` writes nothing while any remains.

Guide principle: a tender is a legal text that bidders rely on; it is published
complete and true, or the town decides, knowingly, to publish it as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from wizard.core.checks import Finding, Severity, open_findings, run_checks
from wizard.core.clauses import library as clauses
from wizard.core.documents.blocks import ClauseHeading, Document, Heading, Paragraph
from wizard.core.documents.exported import other_documents, record_for_export
from wizard.core.documents.placeholders import (
    HEADER,
    Slot,
    block_texts,
    placeholder_slots,
    replacements,
    slot_text,
)
from wizard.core.documents.printed_fields import Candidate, candidates, filled_copy
from wizard.core.documents.tender import tender_document
from wizard.core.i18n import N_, Localized, Plural, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Project, Translation, translatable
from wizard.core.model.choices import LANGUAGES
from wizard.core.opendata.identity import prefix_state
from wizard.core.steps import STEPS, Step, step_of_field
from wizard.core.textclean import clean_project

PLACEHOLDER_CODE = "placeholder"
"""The code of a placeholder item (findings have upper-case codes)."""

DOCUMENTS: dict[tuple[str, str], str] = {
    ("tender", "fr"): N_("The tender in French"),
    ("tender", "en"): N_("The tender in English"),
    ("record", "fr"): N_("The decision record in French"),
    ("record", "en"): N_("The decision record in English"),
}
"""(document, language) → its name in messages."""

COVER = N_("Cover page")
PAGE_HEADER = N_("Page header")
IN_HEADER = ("\ue003",)
"""The ``section`` of a placeholder in the page header (no heading can be this)."""
FOUND = N_("{document}, section “{section}”: the document prints {placeholder} where this value goes.")
MISSING_TRANSLATION = N_(
    "{document}, section “{section}”: the document prints {marker}: this text has no version "
    "in the document's language yet."
)
UNEXPLAINED = N_(
    "{document}, section “{section}”: the document prints {placeholder}; complete the step “{step}”."
)
OTHER_FOUND = N_(
    "{document}, section “{section}”: the document prints {placeholder} where a value is missing; "
    "complete it before sending the document."
)
OTHER_MISSING_TRANSLATION = N_(
    "{document}, section “{section}”: the document prints {marker}: a text has no version in the "
    "document's language yet."
)
START = N_("Start of the document")
"""The section of a placeholder before any heading of a document other than the tender
and the record (a letter's address block)."""

SECTION_STEPS: dict[str, Step] = {
    # the tender
    N_("Key dates"): Step.PROJECT,
    N_("Submission of bids"): Step.PROJECT,
    N_("The need"): Step.PROBLEM,
    N_("Scope"): Step.SCOPE,
    N_("Evaluation criteria"): Step.CRITERIA,
    N_("Evaluation method"): Step.EVALUATION,
    N_("Test scenarios"): Step.SCENARIOS,
    N_("Publication and transparency"): Step.VENDORS,
    N_("Contract clauses"): Step.CLAUSES,
    N_("Appendix: excluded suppliers"): Step.VENDORS,
    # the decision record
    N_("Problem definition"): Step.PROBLEM,
    N_("Market scan"): Step.MARKET,
    N_("Criteria"): Step.CRITERIA,
    N_("Total cost of ownership"): Step.TCO,
    N_("Risks"): Step.SCOPE,
    N_("Vendor exchange register"): Step.VENDORS,
}
"""A document's level-1 heading (English msgid) → the step whose page holds its data:
where a placeholder that no field of ``PRINTED`` explains sends the user. A section
not listed sends to the review step; the cover page and the page header to the project step."""

Params = tuple[tuple[str, str | Plural | Localized], ...]


@dataclass(frozen=True)
class GateItem:
    """One thing the gate reports: an open error (``code`` is the finding's) or a
    placeholder (``code`` is :data:`PLACEHOLDER_CODE`).

    ``field`` is the model address to fix ('' when no field explains a placeholder);
    ``step`` the step whose page shows it. A placeholder also has its ``document``
    ("tender" or "record"), the document's ``lang`` and its ``section``: the headings it
    is under, outermost first, in the document's language (``()`` on the cover page;
    :data:`IN_HEADER` in the page header)."""

    code: str
    field: str
    step: Step
    text: str | Plural
    params: Params = ()
    document: str = ""
    lang: str = ""
    section: tuple[str, ...] = ()

    @property
    def is_placeholder(self) -> bool:
        return self.code == PLACEHOLDER_CODE

    @property
    def address(self) -> str:
        """``field``, or for an unexplained placeholder the first section of its step
        (an address whose page the app opens)."""
        return self.field or STEPS[self.step].owns[0]

    def section_text(self, lang: str) -> str:
        """The headings joined by " › ", or "Cover page" / "Page header" in ``lang``
        ("Start of the document" before any heading of a document other than the tender and the record)."""
        if self.section == IN_HEADER:
            return tr(PAGE_HEADER, lang)
        if not self.section and (self.document, self.lang) not in DOCUMENTS:
            return tr(START, lang)
        return " › ".join(self.section) or tr(COVER, lang)

    def message(self, lang: str) -> str:
        """The message in ``lang`` ("fr" or "en")."""
        if not self.is_placeholder or not self.document:
            return tr(self.text, lang, **dict(self.params))
        return tr(
            self.text,
            lang,
            document=tr(DOCUMENTS[(self.document, self.lang)], lang)
            if (self.document, self.lang) in DOCUMENTS
            else self.document,  # another document: its file name
            section=self.section_text(lang),
            placeholder=PLACEHOLDER,
            marker=translatable.MARKER,
            step=tr(STEPS[self.step].title, lang),
        )


def error_item(f: Finding) -> GateItem:
    """An open error as a gate item (same code, field, message and step)."""
    return GateItem(f.code, f.field, f.step, f.text, f.params)


def error_items(project: Project, findings: list[Finding] | None = None) -> list[GateItem]:
    """The errors of the checks not marked justified, in the checks' order: among
    ``findings`` when given (``main.py export`` passes what ``check`` reports: the bids,
    the addenda and the contract's follow-up too), else ``run_checks(project)``."""
    found = [
        f for f in (run_checks(project) if findings is None else findings) if f.severity == Severity.ERROR
    ]
    return [error_item(f) for f in open_findings(project, found)]


# -- placeholders ---------------------------------------------------------------------------

DocKey = tuple[str, str]  # ("tender" | "record", lang)
Builder = Callable[[Project], Document]


def _tender_builder(lang: str, langs: list[str]) -> Builder:
    return lambda project: tender_document(project, lang, langs)


def _record_builder(lang: str, record: Any, bids: Any, follow: Any) -> Builder:
    return lambda project: record_for_export(project, lang, b"", record, bids, follow)


def _builders(
    langs: list[str], record: Any = None, bids: Any = None, follow: Any = None
) -> dict[DocKey, Builder]:
    """The documents an export in ``langs`` writes, in its order (the record without
    its chart: a picture holds no text; with the publication ``record``, the ``bids``
    record and the contract of ``follow``, as the export writes it: its award section
    prints what they hold)."""
    builders: dict[DocKey, Builder] = {("tender", lang): _tender_builder(lang, langs) for lang in langs}
    builders.update({("record", lang): _record_builder(lang, record, bids, follow) for lang in langs})
    return builders


def _clause_address(project: Project, clause_id: str, lang: str) -> str:
    """Where K-RENDER points for a clause that fails in ``lang``: its edited text, or
    the clause list when the library's own text fails."""
    choice = clauses.choice_for(project, clause_id)
    if choice is not None and clauses.is_edited(project, clause_id, lang):
        return f"clause_choices:{choice.id}.custom_{lang}"
    return "clause_choices"


def _clause_failures(project: Project, langs: list[str], key: DocKey) -> dict[tuple[str, str], str]:
    """(clause title, paragraph text) → address, for each clause that fails to render
    in the tender ``key``: the tender prints its placeholder instead of the text."""
    kind, lang = key
    if kind != "tender":
        return {}
    found = {}
    for rendered in clauses.render_clauses(project, lang, [lang, *langs]):
        if rendered.error is not None:
            for _level, text in rendered.paragraphs:
                found[(rendered.title, text)] = _clause_address(project, rendered.id, lang)
    return found


_MARK = PLACEHOLDER + " \ue000{}\ue001"
"""A unique mark for a text field: private-use characters (never in a project's text)
after the placeholder itself, so that the filled field is as wide as the blank one
and tables are cut into pages the same way (the record's market matrix)."""


def _first_mark(text: str | None, marks: dict[str, str]) -> str | None:
    if not text:
        return None
    hits = [(text.find(mark), address) for mark, address in marks.items() if mark in text]
    return min(hits)[1] if hits else None


class _Attribution:
    """The placeholders of each document and the field found for each so far."""

    def __init__(
        self, project: Project, langs: list[str], record: Any = None, bids: Any = None, follow: Any = None
    ) -> None:
        self.project = project
        self.builders = _builders(langs, record, bids, follow)
        self.documents = {key: build(project) for key, build in self.builders.items()}
        self.slots = {key: placeholder_slots(doc) for key, doc in self.documents.items()}
        self.fields: dict[tuple[DocKey, Slot], str] = {}
        for key, doc in self.documents.items():
            failures = _clause_failures(project, langs, key)
            for slot in self.slots[key]:
                title = slot.section[-1] if slot.section else ""
                address = failures.get((title, slot_text(doc, slot)))
                if address:
                    self.fields[(key, slot)] = address

    def open_slots(self, key: DocKey) -> list[Slot]:
        return [s for s in self.slots[key] if (key, s) not in self.fields]

    def try_fill(self, chosen: list[Candidate], tokens: list[str]) -> None:
        """Rebuild each document with unexplained placeholders from a copy with
        ``chosen`` filled (``tokens``: each one's mark, '' for a fill of its own). A
        slot that now prints a mark is that mark's field; with one field filled, a slot
        that no longer prints the placeholder, or whose block is gone, is that field's."""
        filled = filled_copy(self.project, chosen, tokens)
        marks = {t: c.address for c, t in zip(chosen, tokens, strict=True) if t}
        filled.translations = [  # the mark prints in both languages' documents
            *filled.translations,
            *(
                Translation(0, address, lang, token)
                for token, address in marks.items()
                if translatable.is_translatable(address)
                for lang in LANGUAGES
            ),
        ]
        for key, build in self.builders.items():
            open_slots = self.open_slots(key)
            if not open_slots:
                continue
            for slot, text in replacements(self.documents[key], build(filled), open_slots).items():
                address = _first_mark(text, marks)
                if address is None and len(chosen) == 1 and text not in (None, PLACEHOLDER):
                    address = chosen[0].address
                if address is not None:
                    self.fields[(key, slot)] = address

    def has_open_slots(self) -> bool:
        return any(self.open_slots(key) for key in self.documents)

    def run(self) -> None:
        if not self.has_open_slots():
            return
        blank = candidates(self.project)
        marked = [c for c in blank if c.token]
        if marked:  # every text field at once, each with its own mark
            self.try_fill(marked, [_MARK.format(n) for n in range(len(marked))])
        named = set(self.fields.values())
        for candidate in [c for c in blank if not c.token] + [c for c in marked if c.address not in named]:
            if not self.has_open_slots():
                break
            self.try_fill([candidate], [_MARK.format("") if candidate.token else ""])


_ADDRESSED = re.compile(re.escape(translatable.MARKER) + "\ue004([^\ue005]*)\ue005")


def _addressed_marker(address: str) -> str:
    """The marker of a missing translation, followed by its address between private-use
    characters (never in a project's text), so that each one is named."""
    return f"{translatable.MARKER}\ue004{address}\ue005"


def missing_translation_items(
    project: Project, langs: list[str], record: Any = None, bids: Any = None, follow: Any = None
) -> list[GateItem]:
    """One item per :data:`translatable.MARKER` in the documents an export in ``langs``
    writes (a text without its version in the document's language), in document order,
    each naming the text's address; the app's and ``--strict``'s placeholder count
    includes them. ``project`` is cleaned as the export cleans it."""
    items = []
    for key, build in _builders(list(langs), record, bids, follow).items():
        document, lang = key
        if not translatable.missing(project, lang):
            continue
        doc = build(translatable.localized(project, lang, _addressed_marker))
        for slot in _marker_slots(doc):
            section, address = slot
            items.append(
                GateItem(
                    PLACEHOLDER_CODE,
                    address,
                    step_of_field(address),
                    MISSING_TRANSLATION,
                    (),
                    document,
                    lang,
                    section,
                )
            )
    return items


def _section_texts(doc: Document) -> Iterator[tuple[tuple[str, ...], str]]:
    """(section, text) of the page header (:data:`IN_HEADER`), then of each block's
    texts, its section being the headings above it (a clause heading at level 2)."""
    yield IN_HEADER, doc.header
    path: list[tuple[int, str]] = []
    for block in doc.blocks:
        if isinstance(block, (Heading, ClauseHeading)):
            level = block.level if isinstance(block, Heading) else 2
            path = [(lvl, text) for lvl, text in path if lvl < level] + [(level, block.text)]
        section = tuple(text for _lvl, text in path)
        for text in block_texts(block):
            yield section, text


def _marker_slots(doc: Document) -> list[tuple[tuple[str, ...], str]]:
    """(section, address) of each addressed marker of ``doc``, page header first."""
    return [(section, m) for section, text in _section_texts(doc) for m in _ADDRESSED.findall(text)]


def _section_step(slot: Slot, lang: str) -> Step:
    if slot.block == HEADER or not slot.section:
        return Step.PROJECT
    top = slot.section[0]
    return next((step for msgid, step in SECTION_STEPS.items() if tr(msgid, lang) == top), Step.REVIEW)


def placeholder_items(
    project: Project, langs: list[str], record: Any = None, bids: Any = None, follow: Any = None
) -> list[GateItem]:
    """One item per placeholder in the documents an export in ``langs`` writes, in
    document order (tenders, then records: with the publication ``record``, the
    ``bids`` record and the contract of ``follow``, as the export writes them), from a
    project cleaned as the export cleans it. Raises ``ValueError`` for a language
    other than "fr" and "en"."""
    found = _Attribution(clean_project(project), list(langs), record, bids, follow)
    found.run()
    items = []
    for key, slots in found.slots.items():
        document, lang = key
        for slot in slots:
            field = found.fields.get((key, slot), "")
            step = step_of_field(field) if field else _section_step(slot, lang)
            text = FOUND if field else UNEXPLAINED
            items.append(
                GateItem(
                    PLACEHOLDER_CODE,
                    field,
                    step,
                    text,
                    (),
                    document,
                    lang,
                    IN_HEADER if slot.block == HEADER else slot.section,
                )
            )
    return items


def other_document_items(
    project: Project,
    langs: list[str],
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
    documents: dict[str, Document] | None = None,
) -> list[GateItem]:
    """One item per placeholder and per missing translation's marker that the other
    documents of an export print (``documents``, as ``exported.other_documents`` built
    them for the export; built here from the other arguments when not given), in file
    order: a letter sent with ``[À COMPLÉTER]`` where the bidder's address goes is as
    unfit to send as a tender to publish. ``document`` is the file name; ``field`` what
    the document shows (:func:`_document_field`; the review step)."""
    if documents is None:
        documents = other_documents(project, list(langs), record, bids, follow)
    items = []
    for name, doc in documents.items():
        lang = name.rsplit("-", 1)[-1].split(".")[0]
        for text, marker in ((OTHER_FOUND, PLACEHOLDER), (OTHER_MISSING_TRANSLATION, translatable.MARKER)):
            items += [
                GateItem(PLACEHOLDER_CODE, field, step_of_field(field), text, (), name, lang, section)
                for section, field in _sourced_sections(doc, marker, _document_field(name))
            ]
    return items


def _sourced_sections(doc: Document, marker: str, field: str) -> list[tuple[tuple[str, ...], str]]:
    """(section, field) of each ``marker`` in ``doc``, page header first
    (:data:`IN_HEADER`), its section the headings above it: the field is the paragraph's ``source`` when it names one (a
    letter's resolution: ``bids.award``, its signatory: ``info.officer_name``), else
    ``field``, the document's (review 2026-12-07: every placeholder of the notice of
    award sent the user to the bidder); in the page header of the evaluation documents,
    the reference (``evaluation_common.evaluation_document``: "Call for tenders …")."""
    evaluation = field.startswith("bids")  # the evaluation report and the letters
    found: list[tuple[tuple[str, ...], str]] = [(IN_HEADER, "info.reference" if evaluation else field)]
    found *= doc.header.count(marker)
    path: list[tuple[int, str]] = []
    for block in doc.blocks:
        if isinstance(block, (Heading, ClauseHeading)):
            level = block.level if isinstance(block, Heading) else 2
            path = [(lvl, text) for lvl, text in path if lvl < level] + [(level, block.text)]
        section = tuple(text for _lvl, text in path)
        source = (block.source if isinstance(block, Paragraph) else "") or field
        found += [(section, source)] * sum(text.count(marker) for text in block_texts(block))
    return found


def _document_field(name: str) -> str:
    """What a document other than the tender and the record shows, by its file name:
    ``bids:3.bidder`` for ``debriefing-3-fr.docx`` and ``award-notice-3-fr.docx`` (the
    bidder it is sent to), ``bids`` for the evaluation report, ``addenda`` for an
    addendum, ``contract`` for the follow-up."""
    parts = name.split("-")
    if parts[0] == "debriefing" or parts[:2] == ["award", "notice"]:
        return f"bids:{parts[-2]}.bidder"
    return {"evaluation": "bids", "addendum": "addenda"}.get(parts[0], "contract")


def publishing_gate(
    project: Project,
    langs: list[str],
    findings: list[Finding] | None = None,
    record: Any = None,
    bids: Any = None,
    follow: Any = None,
    documents: dict[str, Document] | None = None,
) -> list[GateItem]:
    """The open errors (of ``findings`` when given, :func:`error_items`), then every
    placeholder of the documents in ``langs`` (see the module doc), then those of the
    other documents the export writes with ``record``, ``bids`` and ``follow``
    (:func:`other_document_items`; ``documents``: those documents when the caller built
    them for the export, ``export.other_documents``). Empty: the export is fit to
    publish. Raises ``ValueError`` for a language other than "fr" and "en"."""
    return (
        error_items(project, findings)
        + placeholder_items(project, langs, record, bids, follow)
        + missing_translation_items(clean_project(project), langs, record, bids, follow)
        + other_document_items(project, langs, record, bids, follow, documents)
        + open_data_items(project)
    )


OCID_PLACEHOLDER = N_(
    "The open data: every identifier would use the placeholder prefix ocds-xxxxxx instead of "
    "the Town's own OCDS prefix."
)


def open_data_items(project: Project) -> list[GateItem]:
    """The open data's one placeholder: the OCDS prefix, while it is missing, the
    placeholder or malformed (``opendata.identity.prefix_state``; V-OCID-PREFIX,
    V-OCID-FORMAT): the package would then publish ``ocds-xxxxxx`` identifiers."""
    if prefix_state(project.publication.ocid_prefix) in ("registered", "example"):
        return []
    field = "publication.ocid_prefix"
    return [GateItem(PLACEHOLDER_CODE, field, step_of_field(field), OCID_PLACEHOLDER)]


def gate_counts(items: list[GateItem]) -> tuple[int, int]:
    """(open errors, placeholders) among ``items``."""
    placeholders = sum(1 for i in items if i.is_placeholder)
    return len(items) - placeholders, placeholders
