"""The tender's statement of work (docs/documents.md; docs/statement-of-work.md).

``statement_of_work_blocks(project, lang) -> list[Block]`` ("fr" or "en"): what the
Contract buys, in the third person ("The Town seeks …", « La Ville requiert … »), after
the need and the scope and before the requirements: the object, the quantities bidders
price, the term and renewals from the start date, the deliverables and the go-live
milestone, acceptance testing and the warranty. The need (problem statement) stays in
its own section as the context; it is never the object.

Values come from ``project.statement_of_work`` (``model.sections.StatementOfWork``)
through ``clauses.terms.contract_terms``, the same phrases the commercial clauses print,
so the statement of work and the clauses never disagree. A blank object prints
``[À COMPLÉTER / TO BE COMPLETED]`` (the publishing gate names the field,
``printed_fields.PRINTED``). A count of 0 is "not applicable" and is left out; the
sentences here echo the project's own values, so none is a claim (docs/claims.md).
Raises nothing.
"""

from __future__ import annotations

from decimal import Decimal

from wizard.core.clauses.terms import bounded, contract_terms, number
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.i18n import N_, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.model import Project
from wizard.core.textclean import one_line

_QUANTITIES = (
    ("users", N_("Users")),
    ("sites", N_("Sites")),
    ("devices", N_("Devices")),
    ("records", N_("Records")),
)
"""The quantities bidders price, each printed only when above 0."""

_DELIVERABLES = (
    (
        "deliver_implementation",
        N_(
            "Implementation: the solution installed or provisioned, configured for the Town and ready for production."
        ),
    ),
    (
        "deliver_migration",
        N_(
            "Data migration: the Town's existing data moved into the solution, complete and verified with the Town."
        ),
    ),
    (
        "deliver_integrations",
        N_(
            "Integrations: the exchanges with the Town's other systems that the criteria of this call for tenders require."
        ),
    ),
    ("deliver_training", N_("Training: the training of the Town's users and administrators.")),
    (
        "deliver_documentation",
        N_("Documentation: user and administrator documentation, in the languages of this call for tenders."),
    ),
)
"""The one-off deliverables the statement of work may ask for, by model flag."""


def object_phrase(text: str) -> str:
    """The object as the middle of "The Town seeks …": on one line, without its final
    period, its first letter in lower case when the word is an ordinary one ("Office
    productivity …" → "office productivity …", "A …" → "a …"; "IT …" and "SaaS …" stay), the
    placeholder when blank."""
    phrase = one_line(text).rstrip(". ")
    first = phrase.split(" ", 1)[0]
    if first[:1].isupper() and (len(first) == 1 or first[1:].islower()):
        phrase = phrase[0].lower() + phrase[1:]
    return phrase or PLACEHOLDER


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def statement_of_work_blocks(project: Project, lang: str) -> list[Block]:
    """The section "Statement of work" in ``lang`` (see the module doc)."""
    sow = bounded(project)
    terms = contract_terms(project, lang)
    blocks: list[Block] = [
        Heading(1, tr("Statement of work", lang)),
        Heading(2, tr("Object of the contract", lang)),
        Paragraph(tr("The Town seeks {object}.", lang, object=object_phrase(sow.object))),
        Paragraph(
            tr(
                "The need described above is the context of this call for tenders; the Contract covers the object, the quantities, the deliverables and the services described in this statement of work, its appendix on service levels and security and the price form.",
                lang,
            )
        ),
        Heading(2, tr("Quantities", lang)),
    ]
    rows = [
        [tr(label, lang), number(Decimal(getattr(sow, key)), lang)]
        for key, label in _QUANTITIES
        if getattr(sow, key) > 0
    ]
    if rows:
        blocks.append(Table([[tr("Quantity", lang), tr("Number", lang)]], rows, [10.0, 6.0], right=(1,)))
    blocks += [Paragraph(line) for line in _lines(sow.quantities_notes)]
    if not rows and not sow.quantities_notes.strip():
        blocks.append(
            Paragraph(
                tr(
                    "This call for tenders states no quantity; bidders price the solution that meets the criteria.",
                    lang,
                )
            )
        )
    start = format_date(project.info.contract_start, lang)
    term = tr(
        "The Contract begins on {start} for an initial term of {term}.", lang, start=start, term=terms["term"]
    )
    if sow.renewals > 0:
        renew = tr(
            "The Town may renew it, at its option, {times} at most, for {length} each time.",
            lang,
            times=terms["renewal_times"],
            length=terms["renewal"],
        )
    else:
        renew = tr("It cannot be renewed.", lang)
    blocks += [Heading(2, tr("Term", lang)), Paragraph(f"{term} {renew}")]
    blocks += _deliverables(project, lang, terms)
    return blocks


def _deliverables(project: Project, lang: str, terms: dict[str, object]) -> list[Block]:
    sow = bounded(project)
    items = [tr(text, lang) for key, text in _DELIVERABLES if getattr(sow, key)]
    items += _lines(sow.other_deliverables)
    blocks: list[Block] = [Heading(2, tr("Deliverables and milestones", lang))]
    if items:
        blocks.append(Paragraph(tr("The Contractor delivers:", lang)))
        blocks += [Paragraph(item, "List Bullet") for item in items]
    else:
        blocks.append(
            Paragraph(
                tr("The Contract has no one-off deliverable: it covers the recurring services only.", lang)
            )
        )
    if terms["go_live_stated"]:
        go_live = tr(
            "The solution is in production within {weeks} of the start of the Contract (go-live). The bid gives a schedule of milestones, at least one per deliverable, that fits within that period.",
            lang,
            weeks=terms["go_live"],
        )
    else:
        go_live = tr(
            "The bid gives a schedule of milestones, at least one per deliverable, up to the solution's production (go-live); the Contract makes it binding.",
            lang,
        )
    blocks.append(Paragraph(go_live))
    if sow.key_personnel:
        blocks.append(
            Paragraph(
                tr(
                    "The bid names the key personnel who will perform the Contract and the role of each; the Contract binds the Contractor to them.",
                    lang,
                )
            )
        )
    blocks.append(Heading(2, tr("Acceptance testing", lang)))
    if terms["acceptance"]:
        text = tr(
            "The Town tests each deliverable within {days} of the Contractor's written notice that it is ready, and accepts it in writing or lists its deficiencies; final acceptance is the written acceptance of the last deliverable, once the solution is in production.",
            lang,
            days=terms["acceptance_days"],
        )
    else:
        text = tr(
            "The Town sets no acceptance testing period: it accepts each deliverable by a written confirmation that it meets the requirements of the Contract.",
            lang,
        )
    blocks += [Paragraph(text), Heading(2, tr("Warranty", lang))]
    if terms["warranty"]:
        text = tr(
            "For {months} after final acceptance, the Contractor corrects every defect of a deliverable at its own expense, in addition to the support and maintenance of the price form.",
            lang,
            months=terms["warranty_months"],
        )
    else:
        text = tr(
            "The Contract sets no warranty period: defects are corrected under the support and maintenance of the price form.",
            lang,
        )
    return [*blocks, Paragraph(text)]
