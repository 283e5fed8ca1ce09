"""The tender's "Instructions to bidders" (docs/documents.md).

``instructions_blocks(project, lang) -> list[Block]`` ("fr" or "en"): the timetable
(publication, questions, last addendum, closing, public opening in Québec, scenario
sessions, pilot, award, start, end of bid validity), the single point of contact and the
submission of bids (``tender_submission.py``), questions and addenda, the format, order,
content and language of a bid, bid validity, bid security, the public opening (Québec),
irregularities, the reservation of rights, eligibility, complaints and debriefing.

The rules come from the contract data (``model.sections.ContractData``): defaults a small
town can keep (90 days of validity, no bid security, no addendum in the last 7 days).
Computed dates (:func:`shifted`) are printed as dates; with no closing date they show
``[À COMPLÉTER / TO BE COMPLETED]``, which the publishing gate already names
(``info.closing_date``).

The public opening is printed for Québec only (``info.province == "QC"``): the
province's legal data (``resources/legal/``) will say where the law requires one. The
tender states the Town's own rules here; a statement of law (the AMP complaint
procedure) says "to be confirmed by counsel" until a source in ``resources/legal/``
backs it. Guide principles: a complete tender (every rule stated before bids are
written) and equal treatment (one contact, written addenda to all, the same rules for
every bidder).
"""

from __future__ import annotations

import datetime as dt

from wizard.core.claims import statement
from wizard.core.documents.blocks import Block, Heading, Paragraph, Table
from wizard.core.documents.record_tco import money
from wizard.core.documents.tender_submission import format_deadline, submission_blocks
from wizard.core.i18n import N_, tr
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
    try:
        return (dt.date.fromisoformat(iso.strip()) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return ""


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


def public_opening(project: Project) -> bool:
    """Whether the tender announces a public opening: for now, a Québec town
    (``info.province``); ``resources/legal/`` will say where the law requires one."""
    return project.info.province.strip().upper() == "QC"


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
            "{date}, immediately after the closing time", lang, date=format_date(info.closing_date, lang)
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
    pub = project.publication
    if pub.bids_electronic and pub.bids_on_paper:
        return tr("A bid is submitted electronically or on paper, as stated above.", lang)
    if pub.bids_on_paper:
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
        return tr("{percent} % of the evaluated price of the bid", lang, percent=show(value))
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
                "The Town returns the security to each bidder after the award. It keeps the security of a bidder that withdraws its bid during the validity period or that, once awarded the Contract, does not sign it.",
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


def _complaints(project: Project, lang: str) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, tr("Complaints and debriefing", lang)),
        Paragraph(
            tr(
                "A bidder that considers this call for tenders or its conduct unfair may complain in writing to the single point of contact, before the closing date when the complaint is about the documents; the Town answers in writing.",
                lang,
            )
        ),
    ]
    if public_opening(project):  # Québec
        blocks.append(
            Paragraph(
                tr(
                    "A complaint may also be filed with the Autorité des marchés publics (AMP), within the periods and under the conditions set by the law (to be confirmed by counsel).",
                    lang,
                )
            )
        )
    if project.contract_data.debriefing:
        blocks.append(
            Paragraph(
                tr(
                    "After the award, an unsuccessful bidder may ask the single point of contact in writing for a debriefing: the Town explains the evaluation of that bidder's own bid, without disclosing the content of other bids beyond what it publishes.",
                    lang,
                )
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
        *_validity(project, lang),
        *_security(project, lang),
        *_opening(project, lang),
        *_irregularities(lang),
        *_rights(lang),
        *_eligibility(project, lang),
        *_complaints(project, lang),
    ]
