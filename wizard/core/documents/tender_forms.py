"""The tender's appendix "Forms to sign" (docs/documents.md).

``forms_blocks(project, lang) -> list[Block]`` ("fr" or "en"): the five forms every bid
contains, under the titles of ``tender_instructions.FORMS``: the form of offer (identity,
total price, validity, addenda acknowledged, signature), the declarations (integrity,
non-collusion, conflicts of interest, lobbying, no part in the drafting; in Québec, RENA
and AMP authorization), subcontractors and data locations, trade secrets, references.

What the bidder fills is a neutral blank line, :data:`BLANK` ("________"), never the
app's placeholder: it is the bidder's to fill, not the town's, so the publishing gate
does not count it. The project's values (reference, validity days and end date) are
printed. Guide principles: a complete tender and equal treatment (every bidder signs
the same declarations).
"""

from __future__ import annotations

from wizard.core.documents.blocks import Block, Heading, PageBreak, Paragraph, Table
from wizard.core.documents.tender_instructions import (
    FORMS,
    computed_date,
    end_of_validity,
    public_opening,
    two_envelopes,
)
from wizard.core.i18n import N_, Plural, tr
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import Project
from wizard.core.model.bounds import clamp, show
from wizard.core.textclean import one_line

BLANK = "________"
"""A line the bidder fills in a form (not a placeholder: the gate ignores it)."""

LINE = "_" * 32
"""A long blank line after a label of the form of offer or a signature block."""

_BLANK_ROWS = 3
"""Blank rows of a table the bidder fills (it adds rows as needed)."""

DECLARATIONS = (
    N_(
        "Integrity: neither the bidder nor any of its directors has, in the last five years, been convicted of or admitted an offence of fraud, corruption, collusion, bid-rigging or the like, and none of them is the subject of a measure that bars it from contracting with a public body."
    ),
    N_(
        "Non-collusion: the bidder prepared its bid on its own, without any agreement, arrangement or communication with another bidder or potential bidder about prices, the method of pricing, or the decision to submit a bid or not."
    ),
    N_(
        "Conflicts of interest: no member of the Town's council or staff, and no member of the selection or technical committee, has an interest in the bid; the bidder discloses below any relation that could appear to be a conflict."
    ),
    N_(
        "Lobbying: the bidder has communicated about this call for tenders only with the single point of contact, and any communication of its representatives with the Town's officers complies with the lobbying legislation that applies."
    ),
    N_(
        "No part in the drafting: neither the bidder nor a person acting for it helped draft this call for tenders or supplied a template or specification that it uses."
    ),
)
"""The declarations every bidder signs (Form 2), in order."""

QUEBEC_DECLARATIONS = (
    N_(
        "Register of ineligible enterprises: neither the bidder nor any of its subcontractors is listed in the register of enterprises ineligible for public contracts (RENA)."
    ),
    N_(
        "Authorization: the bidder holds an authorization of the Autorité des marchés publics (AMP) where the Contract requires one, and attaches a copy of it."
    ),
)
"""Added to Form 2 for a Québec town (``tender_instructions.public_opening`` decides)."""


def _lines(labels: tuple[str, ...], lang: str) -> list[Block]:
    """One labelled blank line per label (English ids ending in a colon: "Name:"), room
    to write by hand."""
    return [Paragraph(LINE, label=tr(label, lang)) for label in labels]


def _signature(lang: str) -> list[Block]:
    return _lines((N_("Name:"), N_("Position:"), N_("Signature:"), N_("Date:")), lang)


def _blank_table(header: list[str], widths: list[float]) -> Table:
    return Table([header], [[BLANK] * len(header) for _ in range(_BLANK_ROWS)], widths)


def _offer(project: Project, lang: str) -> list[Block]:
    reference = one_line(project.info.reference) or PLACEHOLDER
    end = end_of_validity(project)
    award_days = clamp("contract_data.award_documents_days", project.contract_data.award_documents_days)
    identity = (
        N_("Legal name of the bidder:"),
        N_("Address:"),
        N_("Québec enterprise number (NEQ):") if public_opening(project) else N_("Business number:"),
        N_("Authorized representative:"),
        N_("E-mail and telephone:"),
    )
    envelope = (
        [Paragraph(tr("This form goes in envelope 2 (price), never in envelope 1.", lang))]
        if two_envelopes(project)
        else []
    )
    return [
        Heading(2, tr(FORMS[0], lang)),
        *envelope,
        *_lines(identity, lang),
        Paragraph(
            tr(
                "The bidder has read call for tenders {reference} and its addenda, and offers to carry out the Contract on its terms, at the prices of its price form: evaluated price of the bid (A + B + C of the price form), before taxes: ${blank}.",
                lang,
                reference=reference,
                blank=BLANK,
            )
        ),
        Paragraph(
            tr(
                "This bid is irrevocable for {days} days after the closing date, that is until {date} inclusive.",
                lang,
                days=show(clamp("contract_data.bid_validity_days", project.contract_data.bid_validity_days)),
                date=computed_date(project, end, lang),
            )
        ),
        Paragraph(
            tr(
                Plural(
                    "If awarded the Contract, the bidder undertakes to sign it and to provide the documents listed under “Award and signature of the Contract” within {count} day of the notice of award.",
                    "If awarded the Contract, the bidder undertakes to sign it and to provide the documents listed under “Award and signature of the Contract” within {count} days of the notice of award.",
                    award_days,
                ),
                lang,
                count=show(award_days),
            )
        ),
        Paragraph(tr("The bidder acknowledges having received the following addenda:", lang)),
        _blank_table([tr("Addendum no.", lang), tr("Date", lang), tr("Initials", lang)], [4.0, 6.0, 6.0]),
        *_signature(lang),
    ]


def _declarations(project: Project, lang: str) -> list[Block]:
    texts = [*DECLARATIONS, *(QUEBEC_DECLARATIONS if public_opening(project) else ())]
    return [
        Heading(2, tr(FORMS[1], lang)),
        Paragraph(tr("The bidder declares that each statement below is true on the closing date:", lang)),
        *[Paragraph(f"{n}. {tr(text, lang)}") for n, text in enumerate(texts, start=1)],
        Paragraph(BLANK, label=tr("Relations to disclose (or “none”):", lang)),
        Paragraph(
            tr(
                "A false declaration allows the Town to reject the bid or to terminate the Contract.",
                lang,
            )
        ),
        *_signature(lang),
    ]


def _subcontractors(lang: str) -> list[Block]:
    return [
        Heading(2, tr(FORMS[2], lang)),
        Paragraph(
            tr(
                "The bidder lists every subcontractor that will take part in the Contract and every place (country, province or state) where the Town's data will be stored or accessed, its own included.",
                lang,
            )
        ),
        _blank_table(
            [
                tr("Business (bidder or subcontractor)", lang),
                tr("Part of the Contract", lang),
                tr("Data stored or accessed", lang),
                tr("Location of the data", lang),
            ],
            [4.5, 4.0, 4.0, 3.5],
        ),
    ]


def _trade_secrets(lang: str) -> list[Block]:
    return [
        Heading(2, tr(FORMS[3], lang)),
        Paragraph(
            tr(
                "The bidder names the parts of its bid it asks the Town to keep from publication, with the reason. Its prices and the information the Town undertakes to publish cannot be designated. The access-to-information law that applies to the Town decides what may be withheld.",
                lang,
            )
        ),
        _blank_table(
            [tr("Section and page of the bid", lang), tr("Information", lang), tr("Reason", lang)],
            [4.0, 6.0, 6.0],
        ),
    ]


def _references(lang: str) -> list[Block]:
    return [
        Heading(2, tr(FORMS[4], lang)),
        Paragraph(
            tr(
                "The bidder gives at least three references for comparable work done in the last five years, preferably for public bodies. The Town may contact them.",
                lang,
            )
        ),
        _blank_table(
            [
                tr("Organization", lang),
                tr("Contact (name, e-mail, telephone)", lang),
                tr("Work done and dates", lang),
            ],
            [5.0, 5.5, 5.5],
        ),
    ]


def forms_blocks(project: Project, lang: str) -> list[Block]:
    """The appendix "Forms to sign" of the tender in ``lang``, on a page of its own."""
    return [
        PageBreak(),
        Heading(1, tr("Appendix: forms to sign", lang)),
        Paragraph(
            tr(
                "The bidder fills in and signs each form below and returns them with its bid, in the order of the instructions to bidders.",
                lang,
            )
        ),
        *_offer(project, lang),
        *_declarations(project, lang),
        *_subcontractors(lang),
        *_trade_secrets(lang),
        *_references(lang),
    ]
