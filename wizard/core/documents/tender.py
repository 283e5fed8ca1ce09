"""The tender as document blocks, built from the model (docs/documents.md; docs/cases.md K1, K10).

``tender_document(project, lang, languages) -> Document`` ("fr" or "en"): cover page,
table of contents, definitions, the instructions to bidders (timetable, submission,
addenda, validity, security, opening, rights, eligibility, complaints:
``tender_instructions.py``), the need (problem statement and context), scope, the
statement of work (``tender_statement_of_work.py``), criteria
and pass threshold, evaluation method, test scenarios (instead of demonstrations) with
the criteria-to-scenario traceability matrix, the scenario sessions and pilot
(``tender_logistics.py``), the numbered contract clauses, the appendices of service
levels and security and of the form of agreement (``tender_schedules.py``), the
excluded-vendors addendum, the forms to sign (``tender_forms.py``), the price form
(``tender_price_form.py``), the response form (``tender_response_form.py``)
and the binding-language statement. A copy in a
language the tender is not published in is a translation for information, marked so
on its cover, in its header and in its language clause (docs/documents.md, "Languages").

Every sentence that states a fact about the project goes through a claim
(``wizard.core.claims``, docs/claims.md): printed when the project makes it true,
replaced by the true statement or left out otherwise, and a finding explains.
Fixed labels go through ``i18n.tr`` (French in ``document.po``); user text
comes cleaned (``textclean.clean_project``, once per export in ``export.py`` and once per
preview in ``html.py``) and is folded by :func:`user_text`; missing data shows ``[À COMPLÉTER / TO BE COMPLETED]``.
Raises nothing for bad data: a clause that fails to render shows a placeholder (K-RENDER).
"""

from __future__ import annotations

import re

from wizard.core.claims import statement
from wizard.core.clauses import library as clauses
from wizard.core.documents.blocks import (
    Block,
    ClauseHeading,
    ClauseParagraph,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Toc,
)
from wizard.core.documents.tender_criteria import (
    criteria_blocks,
    evaluation_blocks,
    traceability_blocks,
)
from wizard.core.documents.tender_forms import forms_blocks
from wizard.core.documents.tender_framework import framework_blocks
from wizard.core.documents.tender_instructions import instructions_blocks
from wizard.core.documents.tender_logistics import logistics_blocks
from wizard.core.documents.tender_price_form import price_form_blocks
from wizard.core.documents.tender_publication import publication_blocks
from wizard.core.documents.tender_response_form import response_form_blocks
from wizard.core.documents.tender_schedules import schedule_blocks
from wizard.core.documents.tender_statement_of_work import statement_of_work_blocks
from wizard.core.documents.tender_submission import format_deadline
from wizard.core.domain.numbering import criterion_numbers, scenario_label
from wizard.core.domain.provinces import PROVINCES
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER, town_name
from wizard.core.i18n.languages import binding_language, is_translation
from wizard.core.model import Project
from wizard.core.model.translatable import localized
from wizard.core.textclean import one_line

ROLE_LABELS = {
    "affected": N_("affected"),
    "beneficiary": N_("beneficiary"),
    "consulted": N_("consulted"),
}


def user_text(value: str) -> str:
    """User text on one line, clean, or the placeholder. Shared with the decision record."""
    return one_line(value) or PLACEHOLDER


def user_paragraphs(value: str, style: str = "Normal") -> list[Paragraph]:
    """Multi-line user text → one clean paragraph per non-blank line (the placeholder if
    empty). Shared with the decision record."""
    lines = [" ".join(line.split()) for line in value.splitlines()]
    return [Paragraph(line, style) for line in lines if line] or [Paragraph(PLACEHOLDER, style)]


def contents_blocks(lang: str) -> list[Block]:
    """The table-of-contents page: a Word field updated when the document opens (K5),
    with a note for other editors. Shared by the tender and the decision record."""
    note = tr(
        "This table of contents is a field. Word updates it when the document opens; in another editor, update the fields (for example, select all and press F9) after any change.",
        lang,
    )
    return [Paragraph(tr("Table of contents", lang), "TOC Heading"), Toc(note), PageBreak()]


def _cover(project: Project, lang: str) -> list[Block]:
    info = project.info
    prov = PROVINCES.get(info.province.strip().upper())
    officer = ", ".join(
        x
        for x in (user_text(info.officer_name), one_line(info.officer_title), one_line(info.contact_email))
        if x
    )
    rows = [
        [tr("Reference number", lang), user_text(info.reference)],
        [tr("Closing date", lang), format_deadline(info, lang)],
        [tr("Province or territory", lang), prov.name(lang) if prov else PLACEHOLDER],
        [tr("Sole contact for bidders", lang), officer],
    ]
    blocks: list[Block] = [
        Paragraph(user_text(info.organization), "Subtitle"),
        Paragraph(user_text(info.title), "Title"),
        Paragraph(tr("Call for tenders", lang), "Subtitle"),
    ]
    if is_translation(project, lang):
        blocks.append(
            Paragraph(
                tr(_ALONE_BINDING[binding_language(project)], lang),
                label=tr("Translation for information only:", lang),
            )
        )
    return [*blocks, Table([], rows, [6.0, 10.0]), PageBreak(), *contents_blocks(lang)]


_ALONE_BINDING = {
    "fr": N_("The French version alone is binding."),
    "en": N_("The English version alone is binding."),
}
"""The cover of a translation for information: the binding version, by its language."""


def _definitions(project: Project, lang: str) -> list[Block]:
    """The defined terms, once, before any of them is used; every later mention writes
    the term as defined (“Town”, « Ville »)."""
    organization = user_text(project.info.organization)
    return [
        Heading(1, tr("Definitions", lang)),
        Paragraph(
            tr(
                "In this call for tenders, “Town” means {organization}; “Contractor” means the successful bidder; “Contract” means the contract awarded following this call for tenders.",
                lang,
                organization=town_name(organization, lang),
            )
        ),
    ]


def _need(project: Project, lang: str) -> list[Block]:
    intro = [
        tr("This call for tenders seeks a solution to the need below.", lang),
        statement(project, "tender.need-not-a-product", lang),
        tr("Bidders are free to propose any solution that meets the criteria.", lang),
    ]
    blocks: list[Block] = [
        Heading(1, tr("The need", lang)),
        Paragraph(" ".join(x for x in intro if x)),
        Heading(2, tr("Problem statement", lang)),
        *user_paragraphs(project.problem.statement, "Quote"),
    ]
    if project.problem.context.strip():
        blocks += [Heading(2, tr("Context", lang)), *user_paragraphs(project.problem.context)]
    return blocks


def _scope(project: Project, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(1, tr("Scope", lang))]
    units = [u for u in project.business_units if u.role in ROLE_LABELS]
    if units:
        blocks.append(Paragraph(tr("The following units of the Town are concerned by this need:", lang)))
        for unit in units:
            role = tr(ROLE_LABELS[unit.role], lang)
            blocks.append(Paragraph(f"{user_text(unit.name)} — {role}", "List Bullet"))
    if project.partners:
        blocks.append(Paragraph(tr("External partners:", lang)))
        blocks += [Paragraph(user_text(p.name), "List Bullet") for p in project.partners]
    for flag, claim_id in (
        (project.scope.mission_critical, "tender.mission-critical"),
        (project.scope.personal_information, "tender.personal-information"),
    ):
        text = statement(project, claim_id, lang) if flag else ""
        if text:
            blocks.append(Paragraph(text))
    return blocks


def _scenarios(project: Project, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, tr("Test scenarios", lang)),
        Paragraph(
            " ".join(
                (
                    statement(project, "tender.no-demonstration", lang),
                    tr(
                        "The technical committee verifies bidders' claims through the scenarios below, using access to the software or a test environment supplied by the bidder.",
                        lang,
                    ),
                )
            )
        ),
    ]
    numbers = criterion_numbers(project, lang)
    for index, scenario in enumerate(project.scenarios, start=1):
        blocks.append(
            Heading(
                2,
                tr(
                    "Scenario {number}: {title}",
                    lang,
                    number=scenario_label(index),
                    title=user_text(scenario.title),
                ),
            )
        )
        for label, value in (
            (N_("Context:"), scenario.context),
            (N_("Steps:"), scenario.steps),
            (N_("Expected result:"), scenario.expected_result),
            (N_("Evidence requested:"), scenario.evidence),
        ):
            blocks.extend(_labelled(tr(label, lang), value, numbered=label == "Steps:"))
        linked = ", ".join(numbers[i] for i in scenario.criterion_ids if i in numbers)
        blocks.append(Paragraph(linked or PLACEHOLDER, label=tr("Criteria verified:", lang)))
    if not project.scenarios:
        blocks.append(Paragraph(PLACEHOLDER))
    return blocks + traceability_blocks(project, lang)


_STEP_NUMBER = re.compile(r"^\s*(?:\d+\s*[.)-]|[-•*–])\s*")


def _labelled(label: str, value: str, numbered: bool = False) -> list[Paragraph]:
    """A labelled field: one line on the label's line; several lines under the label,
    one paragraph each, a numbered list 1., 2., 3. when ``numbered`` (scenario steps:
    Word's numbering, restarted for each scenario; a number or bullet the user typed is
    removed, never doubled)."""
    lines = [line.text for line in user_paragraphs(value)]
    if len(lines) == 1:
        return [Paragraph(lines[0], label=label)]
    if numbered:
        steps = [_STEP_NUMBER.sub("", line, count=1) for line in lines]
        return [
            Paragraph("", label=label),
            *(Paragraph(step, style="List Number", number=n) for n, step in enumerate(steps, 1)),
        ]
    return [Paragraph("", label=label), *(Paragraph(line) for line in lines)]


def _clauses(project: Project, lang: str, languages: list[str]) -> list[Block]:
    blocks: list[Block] = [
        Heading(1, tr("Contract clauses", lang)),
        Paragraph(tr("The clauses below form part of the Contract.", lang)),
    ]
    for rendered in clauses.render_clauses(project, lang, languages):
        blocks.append(ClauseHeading(rendered.title))
        blocks += [ClauseParagraph(text, level) for level, text in rendered.paragraphs]
    return blocks


def _addendum(project: Project, lang: str) -> list[Block]:
    names = clauses.excluded_vendor_names(project)
    if not names:
        return []
    return [
        Heading(1, tr("Appendix: excluded suppliers", lang)),
        Paragraph(statement(project, "tender.excluded-under-the-clause", lang)),
        *[Paragraph(user_text(name), "List Bullet") for name in names],
    ]


def tender_blocks(project: Project, lang: str, languages: list[str] | None = None) -> list[Block]:
    """Every block of the tender in ``lang``, in document order. ``languages``: every
    language exported with it (default: ``lang`` alone; the language clause names the
    translation for information published with it)."""
    blocks: list[Block] = []
    for part in (
        _cover,
        _definitions,
        framework_blocks,
        instructions_blocks,
        _need,
        _scope,
        statement_of_work_blocks,
        criteria_blocks,
        evaluation_blocks,
        _scenarios,
        logistics_blocks,
        publication_blocks,
    ):
        blocks.extend(part(project, lang))
    blocks += _clauses(project, lang, [lang, *(languages or [])]) + schedule_blocks(project, lang)
    blocks += _addendum(project, lang)
    return (
        blocks
        + forms_blocks(project, lang)
        + price_form_blocks(project, lang)
        + response_form_blocks(project, lang)
    )


def tender_document(project: Project, lang: str, languages: list[str] | None = None) -> Document:
    """The whole tender in ``lang`` ("fr" or "en"). Raises ``ValueError`` for another ``lang``.

    The user's texts are read in ``lang`` (``model.translatable.localized``): a text
    without a version in ``lang`` prints ``translatable.MARKER``, never the other
    language's words. ``languages`` are all the languages exported together (default: ``[lang]``). The
    tender is published in the project's tender languages, whatever is exported: a
    copy in another language is a translation for information (its cover, header and
    language clause say that the binding version alone binds), and the language clause
    of the published version names the translation exported with it.
    """
    if lang not in ("fr", "en"):
        raise ValueError(f"unsupported tender language: {lang!r}")
    project = localized(project, lang)  # every user text in ``lang`` (docs/bilingual.md)
    reference = user_text(project.info.reference)
    header = tr("Call for tenders {reference}", lang, reference=reference)
    if is_translation(project, lang):
        header = tr(
            "Call for tenders {reference} (translation for information only)", lang, reference=reference
        )
    return Document(
        lang=lang,
        title=user_text(project.info.title),
        organization=user_text(project.info.organization),
        reference=reference,
        header=header,
        footer_page=tr("Page {page} of {pages}", lang),
        blocks=tender_blocks(project, lang, languages),
    )
