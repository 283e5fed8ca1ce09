"""The tender's "Instructions to bidders" (docs/documents.md).

``instructions_blocks(project, lang) -> list[Block]`` ("fr" or "en"): the timetable
(publication, questions, last addendum, closing, public opening in Québec, scenario
sessions, pilot, award, start, end of bid validity), the single point of contact and the
submission of bids (``tender_submission.py``), questions and addenda, the format, order,
content and language of a bid (no incorporation by reference), withdrawal and amendment
of a bid before closing, bid validity, bid security, the public opening (Québec),
irregularities, the reservation of rights, eligibility, award and signature of the
Contract (conditions of award; certificates of insurance only when the tender requires
insurance, ``library.requires_insurance``), complaints and debriefing (the Town's procedure,
Québec's AMP route and a trade agreement's bid-dispute procedure from
``resources/legal/``).

The rules come from the contract data (``model.sections.ContractData``): defaults a small
town can keep (90 days of validity, no bid security, no addendum in the last 7 days,
award documents within 10 days and debriefing requests within 30 days of the notice of
award).
Computed dates (:func:`shifted`) are printed as dates; with no closing date they show
``[À COMPLÉTER / TO BE COMPLETED]``, which the publishing gate already names
(``info.closing_date``).

The public opening is printed for Québec only (``info.province == "QC"``): the
province's legal data (``resources/legal/``) will say where the law requires one. The
tender states the Town's own rules here; a statement of law (the AMP complaint
procedure, ``quebec.json`` group ``complaints``; the CFTA's Article 518,
``framework.json``) is printed from its fact and marked "[to be confirmed by counsel]"
while the fact is not confirmed. A trade agreement's bid-dispute procedure is printed
unless the agreement's confirmed threshold shows the call is not covered; while coverage
is unknown the sentence is conditional ("where this call for tenders is covered"), a
statement of law and not a claim about the project. The Contract is awarded as a whole
to one bidder: the project has no lots, so no "award in part" is reserved. Guide principles: a complete tender (every rule stated before bids are
written) and equal treatment (one contact, written addenda to all, the same rules for
every bidder).
"""

from __future__ import annotations

import datetime as dt

from wizard.core.claims import statement
from wizard.core.clauses.library import requires_insurance
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.record_tco import money
from wizard.core.documents.tender_framework import TO_CONFIRM
from wizard.core.documents.tender_submission import format_deadline, submission_blocks, submission_means
from wizard.core.domain import funding, quebec
from wizard.core.domain import legal_framework as legal
from wizard.core.domain.days import parse_day
from wizard.core.domain.provinces import Source
from wizard.core.domain.publication_plan import opening_date as opening_date
from wizard.core.domain.publication_plan import public_opening as public_opening
from wizard.core.i18n import N_, Plural, tr
from wizard.core.i18n.formats import PLACEHOLDER, format_date
from wizard.core.i18n.languages import tender_languages
from wizard.core.model import Project
from wizard.core.model.bounds import clamp, show
from wizard.core.textclean import one_line

FORMS = (
    N_("Form 1 – Form of offer"),
    N_("Form 2 – Declarations"),
    N_("Form 3 – Subcontractors and data locations"),
    N_("Form 4 – Trade secrets and confidential information"),
    N_("Form 5 – References"),
)
"""The forms of the appendix "Forms to sign", in order (``tender_forms.py`` prints them
under these titles; the content of a bid lists them)."""

_LANGUAGE_NAMES = {
    "fr": N_("French"),
    "en": N_("English"),
    "both": N_("French or English"),
}


def shifted(iso: str, days: int) -> str:
    """The ISO date ``days`` after ``iso`` (before it when negative); '' when ``iso`` is
    not a date."""
    day = parse_day(iso)
    return (day + dt.timedelta(days=days)).isoformat() if day is not None else ""


def _days(project: Project, name: str) -> int:
    return clamp(f"contract_data.{name}", getattr(project.contract_data, name))


def end_of_validity(project: Project) -> str:
    """The last day a bid is irrevocable, ISO: the closing date plus the validity days
    (clamped to their bounds); '' without a closing date."""
    return shifted(project.info.closing_date, _days(project, "bid_validity_days"))


def last_addendum(project: Project) -> str:
    """The last day an addendum may be issued, ISO: the closing date minus
    ``last_addendum_days``; '' without a closing date."""
    return shifted(project.info.closing_date, -_days(project, "last_addendum_days"))


def scenario_sessions_end(project: Project) -> str:
    """The last day of the scenario sessions, ISO; '' without a closing date."""
    return shifted(project.info.closing_date, _days(project, "scenario_sessions_days"))


def computed_date(project: Project, iso: str, lang: str) -> str:
    """A date computed from the closing date (``iso``), as the tender prints it; without
    a readable closing date, the closing date as printed (the placeholder when blank), so
    that the publishing gate names ``info.closing_date`` for it."""
    return format_date(iso or project.info.closing_date, lang)


def opening_place(project: Project) -> str:
    """Where the bids are opened in public: the contract data's place, else the single
    point of contact's postal address, else '' (where bids are submitted)."""
    return one_line(project.contract_data.opening_place) or one_line(project.info.contact_address, ", ")


def _timetable(project: Project, lang: str) -> list[Block]:
    info = project.info
    rows = [
        [tr("Publication of the call for tenders", lang), format_date(info.publication_date, lang)],
        [tr("Deadline for questions", lang), format_date(info.questions_deadline, lang)],
        [tr("Last addendum", lang), computed_date(project, last_addendum(project), lang)],
        [tr("Closing date for bids", lang), format_deadline(info, lang)],
    ]
    if public_opening(project):
        opening = tr(
            "{date}, immediately after the closing time",
            lang,
            date=computed_date(project, opening_date(project), lang),
        )
        rows.append([tr("Public opening of bids", lang), opening])
    if project.scenarios:
        rows.append(
            [
                tr("Scenario sessions", lang),
                tr(
                    "No later than {date}",
                    lang,
                    date=computed_date(project, scenario_sessions_end(project), lang),
                ),
            ]
        )
    if project.evaluation.pilot_enabled:
        rows.append(
            [
                tr("Paid pilot project", lang),
                tr("After the award of the pilot, before the award of the full Contract", lang),
            ]
        )
    rows += [
        [tr("Planned award", lang), format_date(info.award_date, lang)],
        [tr("Planned start of the Contract", lang), format_date(info.contract_start, lang)],
        [tr("End of the bid validity period", lang), computed_date(project, end_of_validity(project), lang)],
    ]
    return [
        Heading(2, tr("Timetable", lang)),
        Paragraph(
            tr(
                "The dates below are those of this call for tenders; only the closing date binds the bidders, and only an addendum changes it. The other dates are planned.",
                lang,
            )
        ),
        Table([[tr("Step", lang), tr("Date", lang)]], rows, [10.0, 6.0]),
    ]


def _addenda(project: Project, lang: str) -> list[Block]:
    days = _days(project, "last_addendum_days")
    return [
        Heading(2, tr("Questions and addenda", lang)),
        Paragraph(
            tr(
                "Only the written addenda the Town publishes where this call for tenders is published modify it; no oral answer or other information binds the Town.",
                lang,
            )
        ),
        Paragraph(
            tr(
                "No addendum is issued less than {days} days before the closing date, that is after {date}, unless it also postpones the closing date so that at least {days} days remain between the addendum and the new closing date.",
                lang,
                days=show(days),
                date=computed_date(project, last_addendum(project), lang),
            )
        ),
        Paragraph(
            tr(
                "Each bidder acknowledges every addendum in its form of offer (Form 1). A bid that does not acknowledge an addendum may be declared non-compliant.",
                lang,
            )
        ),
    ]


def _bid_languages(project: Project, lang: str) -> str:
    chosen = project.contract_data.bid_languages
    if chosen == "as_tender":
        published = tender_languages(project)
        chosen = "both" if len(published) > 1 else published[0]
    return tr(_LANGUAGE_NAMES.get(chosen, _LANGUAGE_NAMES["fr"]), lang)


def _format(project: Project, lang: str) -> str:
    means = submission_means(project)
    if means == "both":
        return tr("A bid is submitted electronically or on paper, as stated above.", lang)
    if means == "paper":
        return tr(
            "A bid is submitted on paper, in a sealed envelope bearing the reference of this call for tenders.",
            lang,
        )
    return tr("A bid is submitted electronically, as stated above; a bid on paper is refused.", lang)


def two_envelopes(project: Project) -> bool:
    """Whether bids come in two envelopes, quality and price (Québec's weighted system:
    ``evaluation.quebec_weighted``, whose section in the evaluation method says so)."""
    return project.evaluation.quebec_weighted


def _numbered(parts: list[str]) -> list[Block]:
    return [Paragraph(f"{n}. {part}") for n, part in enumerate(parts, start=1)]


def _content(project: Project, lang: str) -> list[Block]:
    security = [tr("the bid security", lang)] if project.contract_data.bid_security != "security_none" else []
    response = tr("the response form (compliance matrix), with the documents it refers to", lang)
    if two_envelopes(project):
        order = [
            Paragraph(tr("Envelope 1 (quality) contains, in this order:", lang)),
            *_numbered([*(tr(title, lang) for title in FORMS[1:]), response, *security]),
            Paragraph(tr("Envelope 2 (price) contains, in this order:", lang)),
            *_numbered([tr(FORMS[0], lang), tr("the price form, filled in", lang)]),
        ]
    else:
        parts = [tr(title, lang) for title in FORMS]
        parts += [response, tr("the price form, filled in", lang), *security]
        order = [Paragraph(tr("A bid contains, in this order:", lang)), *_numbered(parts)]
    return [
        Heading(2, tr("Format, order and content of a bid", lang)),
        Paragraph(_format(project, lang)),
        *order,
        Paragraph(
            tr(
                "Bids and the documents that accompany them are written in {languages}.",
                lang,
                languages=_bid_languages(project, lang),
            ),
            label=tr("Language of bids:", lang),
        ),
        Paragraph(
            tr(
                "The Town evaluates a bid only on what it contains. A reference in a bid to a web page, a brochure, a price list, another bid or any other document that is not attached to it is not considered; neither are terms and conditions of the bidder that the bid points to.",
                lang,
            ),
            label=tr("No incorporation by reference:", lang),
        ),
    ]


def _withdrawal(lang: str) -> list[Block]:
    return [
        Heading(2, tr("Withdrawal and amendment of a bid", lang)),
        Paragraph(
            tr(
                "Before the deadline for bids, a bidder may withdraw its bid, or replace it with an amended bid, by a written notice signed by the person authorized to sign its form of offer (Form 1) and received where bids are submitted before that deadline. An amended bid is a complete bid that replaces the earlier one: the Town evaluates only the last bid it received from a bidder before the deadline.",
                lang,
            )
        ),
        Paragraph(
            tr(
                "A bidder that withdraws its bid may submit another one before the deadline. After the deadline, no bid may be withdrawn, amended or completed, except the corrections of minor irregularities the Town asks for (see “Irregularities and non-compliant bids”).",
                lang,
            )
        ),
    ]


def _validity(project: Project, lang: str) -> list[Block]:
    days = _days(project, "bid_validity_days")
    return [
        Heading(2, tr("Bid validity", lang)),
        Paragraph(
            tr(
                "A bid is irrevocable for {days} days after the closing date, that is until {date} inclusive. During that period the bidder may neither withdraw nor change it.",
                lang,
                days=show(days),
                date=computed_date(project, end_of_validity(project), lang),
            )
        ),
    ]


def security_amount(project: Project, lang: str) -> str:
    """The bid security as the tender prints it ("5 000,00 $", "5 % of the total price of
    the bid"); the placeholder when an amount or percentage is asked but is 0."""
    data = project.contract_data
    value = clamp("contract_data.bid_security_value", data.bid_security_value)
    if value <= 0:
        return PLACEHOLDER
    if data.bid_security == "security_percent":
        return tr("{percent}% of the evaluated price of the bid", lang, percent=show(value))
    return money(value, lang)


def _security(project: Project, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, tr("Bid security", lang))]
    if project.contract_data.bid_security == "security_none":
        return [*blocks, Paragraph(tr("No bid security is required.", lang))]
    return [
        *blocks,
        Paragraph(
            tr(
                "A bid is accompanied by a bid security of {amount}, made out to the Town, in the form of a certified cheque, a bank draft or a bid bond issued by an insurer authorized to do business in Canada. A bid without it is rejected.",
                lang,
                amount=security_amount(project, lang),
            )
        ),
        Paragraph(
            tr(
                "The Town returns the security of the other bidders after the award, and that of the successful bidder once it has signed the Contract and provided the documents listed under “Award and signature of the Contract”. It keeps the security of a bidder that withdraws its bid during the validity period or that, once awarded the Contract, does not sign it or does not provide those documents in time.",
                lang,
            )
        ),
    ]


def _opening(project: Project, lang: str) -> list[Block]:
    if not public_opening(project):
        return []
    place = opening_place(project)
    where = (
        tr(
            "Bids are opened in public on the closing date, immediately after the closing time, at the following place: {place}.",
            lang,
            place=place,
        )
        if place
        else tr(
            "Bids are opened in public on the closing date, immediately after the closing time, where they are submitted.",
            lang,
        )
    )
    said = tr(
        "The names of the bidders are read aloud and recorded; opening a bid does not mean that it is compliant.",
        lang,
    )
    return [Heading(2, tr("Public opening", lang)), Paragraph(f"{where} {said}")]


def _irregularities(lang: str) -> list[Block]:
    return [
        Heading(2, tr("Irregularities and non-compliant bids", lang)),
        Paragraph(
            tr(
                "A bid that arrives late, is not signed, does not meet a mandatory criterion, or makes its price or its validity conditional is rejected.",
                lang,
            )
        ),
        Paragraph(
            tr(
                "The Town may waive a minor irregularity, one that affects neither the price, nor the quality, nor the fairness between bidders, and may ask a bidder to correct it within a set time. A correction or clarification never allows a bidder to change its price or to improve its bid.",
                lang,
            )
        ),
    ]


def _rights(lang: str) -> list[Block]:
    return [
        Heading(2, tr("Reservation of rights", lang)),
        Paragraph(
            tr(
                "The Town is not bound to accept the lowest bid or any bid. It may cancel this call for tenders at any time before the Contract is signed, issue it again or award no contract, without any liability towards the bidders. It exercises these rights in good faith, treats every bidder equally and awards the Contract only according to the evaluation method of this call for tenders.",
                lang,
            )
        ),
        Paragraph(
            tr(
                "Each bidder bears every cost of preparing and submitting its bid, including its participation in the scenario sessions, and may not claim them from the Town, whatever the outcome.",
                lang,
            ),
            label=tr("Cost of bidding:", lang),
        ),
    ]


def _eligibility(project: Project, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, tr("Eligibility", lang)),
        Paragraph(statement(project, "tender.no-supplier-excluded", lang)),
    ]
    if public_opening(project):  # Québec
        blocks.append(
            Paragraph(
                tr(
                    "In its declarations (Form 2), the bidder certifies that it is not listed in the register of enterprises ineligible for public contracts (RENA) and that it holds an authorization of the Autorité des marchés publics (AMP) where the Contract requires one.",
                    lang,
                )
            )
        )
    return blocks


def _default_of_winner(project: Project, security: bool, lang: str) -> str:
    """What the Town may do when the successful bidder does not provide its documents in
    time: award the Contract to the bidder ranked next, or, with a paid pilot, offer it the
    pilot, since the full Contract follows only a pilot's success (the section "Pilot
    project: price, success and failure"; the notice of award says the same)."""
    if project.evaluation.pilot_enabled:
        return (
            tr(
                "If it does not, the Town may cancel the award, keep its bid security and offer the pilot project to the bidder ranked next, or cancel this call for tenders.",
                lang,
            )
            if security
            else tr(
                "If it does not, the Town may cancel the award and offer the pilot project to the bidder ranked next, or cancel this call for tenders.",
                lang,
            )
        )
    return (
        tr(
            "If it does not, the Town may cancel the award, keep its bid security and award the Contract to the bidder ranked next, or cancel this call for tenders.",
            lang,
        )
        if security
        else tr(
            "If it does not, the Town may cancel the award and award the Contract to the bidder ranked next, or cancel this call for tenders.",
            lang,
        )
    )


def _award(project: Project, lang: str) -> list[Block]:
    days = _days(project, "award_documents_days")
    whole = (
        tr(
            "The Town awards the Contract as a whole to a single bidder, after the paid pilot project and as the section “Pilot project: price, success and failure” describes; it does not split the Contract between bidders.",
            lang,
        )
        if project.evaluation.pilot_enabled
        else tr(
            "The Town awards the Contract as a whole to a single bidder, the one whose bid ranks first under the evaluation method; it does not split the Contract between bidders.",
            lang,
        )
    )
    # Québec's AMP authorization is not among them: the bidder certifies it holds one,
    # where the Contract requires it, in its declarations (Form 2), at the closing date.
    documents = [
        tr("the Contract, signed by the person authorized to bind the bidder;", lang),
        tr("the proofs the Contract requires before it starts, such as its certificates of insurance.", lang)
        if requires_insurance(project, lang)
        else tr("the proofs the Contract requires before it starts.", lang),
    ]
    security = project.contract_data.bid_security != "security_none"
    return [
        Heading(2, tr("Award and signature of the Contract", lang)),
        Paragraph(whole),
        Paragraph(
            tr(
                Plural(
                    "Within {count} day of the notice of award, the successful bidder provides the Town with:",
                    "Within {count} days of the notice of award, the successful bidder provides the Town "
                    "with:",
                    days,
                ),
                lang,
                count=show(days),
            )
        ),
        *(Paragraph(item, "List Bullet") for item in documents),
        Paragraph(_default_of_winner(project, security, lang)),
        Paragraph(
            tr(
                "The Contract binds the Town only once both parties have signed it; the notice of award does not allow work to begin.",
                lang,
            )
        ),
    ]


def _marked(fact: Source, lang: str) -> str:
    """A textual legal fact in ``lang``, followed by the counsel mark when unconfirmed
    (once: the facts of ``framework.json`` end with it already)."""
    text = fact.fr if lang == "fr" else fact.en
    mark = tr(TO_CONFIRM, lang)
    return text if fact.confirmed or text.endswith(mark) else f"{text} {mark}"


def _disputes(project: Project, lang: str) -> list[Block]:
    """The bid-dispute procedure of each trade agreement covering the province that has
    one on file (CFTA Article 518), unless a confirmed threshold shows the call is not
    covered."""
    estimate = funding.estimate(project)
    blocks: list[Block] = []
    for agreement in legal.agreements_for(project.info.province):
        if (
            agreement.bid_dispute is None
            or agreement.bid_dispute_authority is None
            or legal.coverage(agreement, estimate) is False
        ):
            continue
        procedure = _marked(agreement.bid_dispute, lang)
        covers = tr(
            "Where {agreement} covers this call for tenders, that is when its estimated value reaches the agreement's threshold stated under “Legal framework”, a supplier may also use the bid-dispute procedure the agreement provides.",
            lang,
            agreement=agreement.name(lang),
        )
        authority = tr(
            "The authority that receives such a challenge is {authority}.",
            lang,
            authority=_marked(agreement.bid_dispute_authority, lang),
        )
        said = f"{procedure[:1].upper()}{procedure[1:]}."
        blocks.append(Paragraph(f"{covers} {said} {authority}", label=tr("Bid disputes:", lang)))
    return blocks


marked = _marked
"""A legal fact in a language with its counsel mark (the debriefing letter's recourse)."""
bid_disputes = _disputes
"""The bid-dispute paragraphs the tender prints (the debriefing letter cites them)."""


def _complaints(project: Project, lang: str) -> list[Block]:
    blocks: list[Block] = [Heading(2, tr("Complaints and debriefing", lang))]
    if public_opening(project):  # Québec: the procedure of the law on the AMP
        town = _marked(quebec.fact("complaints", "town_complaint"), lang)
        amp = _marked(quebec.fact("complaints", "amp_complaint"), lang)
        blocks += [
            Paragraph(
                tr("Under the law, {rule}.", lang, rule=town),
                label=tr("Complaint to the Town:", lang),
            ),
            Paragraph(
                tr("Under the law, {rule}.", lang, rule=amp),
                label=tr("Complaint to the Autorité des marchés publics:", lang),
            ),
        ]
    else:
        blocks.append(
            Paragraph(
                tr(
                    "A bidder that considers this call for tenders or its conduct unfair may complain in writing to the single point of contact, stating the facts and the rule it relies on, before the deadline for bids when the complaint is about the tender documents. The Town examines every complaint and answers in writing.",
                    lang,
                ),
                label=tr("Complaint to the Town:", lang),
            )
        )
    blocks += _disputes(project, lang)
    if project.contract_data.debriefing:
        blocks.append(
            Paragraph(
                tr(
                    "Within {days} days of the notice of award, an unsuccessful bidder may ask the single point of contact in writing for a debriefing: the Town explains the evaluation of that bidder's own bid, without disclosing the content of other bids beyond what it publishes. A debriefing does not extend any time limit for a complaint.",
                    lang,
                    days=show(_days(project, "debriefing_days")),
                ),
                label=tr("Debriefing:", lang),
            )
        )
    return blocks


def instructions_blocks(project: Project, lang: str) -> list[Block]:
    """The "Instructions to bidders" section of the tender in ``lang``, see the module doc."""
    return [
        Heading(1, tr("Instructions to bidders", lang)),
        *_timetable(project, lang),
        *submission_blocks(project, lang),
        *_addenda(project, lang),
        *_content(project, lang),
        *_withdrawal(lang),
        *_validity(project, lang),
        *_security(project, lang),
        *_opening(project, lang),
        *_irregularities(lang),
        *_rights(lang),
        *_eligibility(project, lang),
        *_award(project, lang),
        *_complaints(project, lang),
    ]
