"""The decision record's background: the problem as received and as defined, the scope
and the governance checklist (docs/documents.md).

The governance checklist holds the Town's own answers; an answer the register
contradicts is printed with what the register shows (claim
``record.designated-staff-only``), never alone.
"""

from __future__ import annotations

from wizard.core.claims import record as claims
from wizard.core.claims import statement, verdict
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.tender import user_paragraphs, user_text
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.i18n.labels import value_label
from wizard.core.model import Project
from wizard.core.model.defaults import GOVERNANCE_ITEMS
from wizard.core.textclean import one_line

CONTRADICTED_BY = {"only_it_procurement_meet_vendors": claims.DESIGNATED_STAFF_ONLY}
"""Governance item → the claim whose failure contradicts a "yes" to it."""


def label(value: str, lang: str) -> str:
    """A stored choice value in words in ``lang`` (the value itself when unknown)."""
    return tr(N_("(not answered)"), lang) if value == "" else value_label(value, lang)


def problem_blocks(project: Project, lang: str) -> list[Block]:
    """The request as received beside the problem as defined, the context, the urgency."""
    problem = project.problem
    blocks: list[Block] = [
        Heading(1, tr("Problem definition", lang)),
        Paragraph(
            tr(
                "A tender starts from a need the Town must meet, not from a product to buy. The request as received is kept beside the problem as defined, so council sees how it was restated.",
                lang,
            )
        ),
        Heading(2, tr("The request as received", lang)),
        *user_paragraphs(problem.request_as_received, "Quote"),
        Paragraph(user_text(problem.requesting_unit), label=tr("Requesting unit:", lang)),
        Heading(2, tr("The problem as defined", lang)),
        *user_paragraphs(problem.statement, "Quote"),
    ]
    if problem.context.strip():
        blocks += [Heading(2, tr("Context", lang)), *user_paragraphs(problem.context)]
    if problem.urgent:
        blocks += [Heading(2, tr("Urgency", lang)), *user_paragraphs(problem.urgency_justification)]
    return blocks


def _answer(project: Project, key: str, answer: str, lang: str) -> str:
    contradicted = CONTRADICTED_BY.get(key)
    if answer == "yes" and contradicted is not None and not verdict(project, contradicted.id):
        names = ", ".join(claims.undesignated_staff(project))
        shown = statement(project, contradicted.id, lang, names=names)
        return f"{label(answer, lang)} — {shown}" if shown else label(answer, lang)
    return label(answer, lang)


def scope_blocks(project: Project, lang: str) -> list[Block]:
    """The units concerned, the external partners and the governance checklist."""
    units = [u for u in project.business_units if u.role in ("affected", "beneficiary", "consulted")]
    blocks: list[Block] = [Heading(1, tr("Scope", lang)), Heading(2, tr("Units of the Town", lang))]
    if units:
        rows = [[user_text(u.name), label(u.role, lang), one_line(u.notes)] for u in units]
        blocks.append(Table([[tr("Unit", lang), tr("Role", lang), tr("Notes", lang)]], rows, [5.0, 3.0, 8.0]))
    else:
        blocks.append(Paragraph(PLACEHOLDER))
    if project.partners:
        blocks.append(Heading(2, tr("External partners", lang)))
        blocks += [
            Paragraph(" — ".join(x for x in (user_text(p.name), one_line(p.notes)) if x), "List Bullet")
            for p in project.partners
        ]
    rows = [
        [
            tr(GOVERNANCE_ITEMS.get(g.key, g.key), lang),
            _answer(project, g.key, g.answer, lang),
            one_line(g.notes),
        ]
        for g in project.governance
    ]
    if rows:
        blocks += [
            Heading(2, tr("Governance", lang)),
            Paragraph(tr("The Town's answers to the guide's governance checklist.", lang)),
            Table([[tr("Statement", lang), tr("Answer", lang), tr("Notes", lang)]], rows, [7.0, 3.5, 5.5]),
        ]
    return blocks
