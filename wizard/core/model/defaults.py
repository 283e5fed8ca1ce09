"""Default content of a new project: business units, the governance checklist and the
publication plan. Labels are English msgids; translate with
``i18n.tr``. Keys are stable: they are stored in project files."""

from __future__ import annotations

from wizard.core.i18n import N_, tr
from wizard.core.model import (
    BusinessUnit,
    GovernanceAnswer,
    Project,
    PublicationItem,
    Translation,
)
from wizard.core.model.choices import LANGUAGES, Language, parse_choice

BUSINESS_UNITS: tuple[str, ...] = (
    N_("Police"),
    N_("Fire"),
    N_("Public works"),
    N_("Emergency management"),
    N_("Paramedic services (partner)"),
    N_("Finance"),
    N_("Human resources"),
    N_("Clerk's office"),
    N_("Urban planning"),
    N_("Recreation and culture"),
    N_("Water"),
    N_("Transportation"),
    N_("Communications"),
    N_("Information technology"),
)
"""The default list of a town's business units (editable per project)."""

GOVERNANCE_ITEMS: dict[str, str] = {
    "it_sole_authority": N_(
        "The IT directorate alone authorizes IT acquisitions, public safety systems included."
    ),
    "only_it_procurement_meet_vendors": N_(
        "Only IT and procurement staff meet vendors, and only designated staff."
    ),
    "town_consults_citizens": N_("The town alone consults its citizens; vendors do not."),
    "data_belongs_to_citizens": N_(
        "Data produced by the town and its vendors belongs to the town's citizens."
    ),
    "neutral_analyses": N_(
        "Decisions rest on a neutral market scan, a total cost of ownership and a security analysis."
    ),
}
"""Governance checklist key → statement (guide: centralized IT acquisition governance)."""

PUBLICATION_ITEMS: dict[str, str] = {
    "tender": N_("The tender"),
    "bids_and_bidders": N_("Bids received and the bidders"),
    "winner": N_("The winning bidder"),
    "contract": N_("The contract"),
    "contract_performance": N_("Contract performance"),
    "unit_prices": N_("Unit prices"),
    "risk_analyses": N_("Risk analyses"),
    "spending": N_("Spending over time"),
    "vendor_meetings": N_("Meetings with vendors"),
}
"""Publication plan key → what is published (guide: transparency practices)."""


def new_project(lang: str = "fr") -> Project:
    """A new project with the default units, checklist and publication plan in ``lang``.

    The plan lists every item the guide recommends, none of them ticked: an item is
    planned (and printed in the tender) once the user ticks it and gives its date and
    place, so a new tender promises nothing the town has not decided.

    The tender language, binding version and text language follow ``lang`` ("fr" or
    "en"; French for anything else). The units' names are written in both languages:
    ``lang``'s in the field, the other's as its translation (docs/bilingual.md), so a
    tender later published in both languages never prints one language's name in the
    other's document.
    """
    lang = parse_choice(lang, LANGUAGES, "fr")
    other: Language = "en" if lang == "fr" else "fr"
    project = Project()
    project.info.tender_languages = lang
    project.info.binding_language = lang
    project.info.text_language = lang
    project.business_units = [
        BusinessUnit(id=i, name=tr(name, lang)) for i, name in enumerate(BUSINESS_UNITS, 1)
    ]
    project.translations = [
        Translation(id=i, address=f"business_units:{i}.name", lang=other, text=tr(name, other))
        for i, name in enumerate(BUSINESS_UNITS, 1)
    ]
    project.governance = [GovernanceAnswer(id=i, key=key) for i, key in enumerate(GOVERNANCE_ITEMS, 1)]
    project.publication_items = [
        PublicationItem(id=i, key=key, planned=False) for i, key in enumerate(PUBLICATION_ITEMS, 1)
    ]
    return project
