"""Labels of the model's stored choice values (roles, licences, categories, channels …).

The model stores stable English keys (``"not_concerned"``, ``"open_source"``); the app,
the documents and the CSV files show :func:`value_label` in a language. Every label is
an English msgid (French in the catalogues); one table serves them all, so a value is
named the same way on screen and on paper.
"""

from __future__ import annotations

from wizard.core.i18n import N_, tr

VALUE_LABELS: dict[str, str] = {
    "": N_("(not set)"),
    "fr": N_("French (FR)"),
    "en": N_("English (EN)"),
    "both": N_("French and English"),
    # business unit roles
    "affected": N_("Affected"),
    "beneficiary": N_("Beneficiary"),
    "consulted": N_("Consulted"),
    "not_concerned": N_("Not concerned"),
    # answers and matrix levels
    "yes": N_("Yes"),
    "no": N_("No"),
    "partial": N_("Partial"),
    "unknown": N_("Unknown"),
    # solutions
    "proprietary": N_("Proprietary"),
    "open_source": N_("Open source"),
    "on_premises": N_("On premises"),
    "cloud": N_("Cloud / SaaS"),
    "hybrid": N_("Hybrid"),
    "public_documentation": N_("Public documentation"),
    "source_repository": N_("Source repository"),
    "public_tender": N_("Another public tender"),
    "peer_town": N_("Another town"),
    "demo": N_("Vendor demo"),
    "vendor_meeting": N_("Vendor meeting"),
    "feature": N_("Feature"),
    "standard": N_("Standard"),
    # criteria
    "functional": N_("Functional"),
    "technical": N_("Technical"),
    "security": N_("Security"),
    "privacy": N_("Privacy"),
    "accessibility": N_("Accessibility"),
    "interoperability": N_("Interoperability"),
    "service": N_("Service"),
    "mandatory": N_("Mandatory"),
    "optional": N_("Optional"),
    "document": N_("Document"),
    "scenario": N_("Test scenario"),
    "software_access": N_("Access to the software"),
    # cost categories
    "licences": N_("Acquisition and licences"),
    "implementation": N_("Implementation"),
    "migration_in": N_("Migration in"),
    "training": N_("Training"),
    "hosting": N_("Hosting and infrastructure"),
    "support": N_("Support and maintenance"),
    "subscriptions": N_("Subscriptions"),
    "staff_time": N_("Internal staff time"),
    "security_privacy": N_("Security and privacy assessments"),
    "exit_extraction": N_("Exit: data extraction"),
    "exit_migration": N_("Exit: migration out"),
    "exit_dual_running": N_("Exit: dual running"),
    # vendor exchange channels
    "email": N_("Email"),
    "phone": N_("Phone"),
    "meeting": N_("Meeting"),
    "video": N_("Video call"),
    "event": N_("Event"),
    "letter": N_("Letter"),
    "other": N_("Other"),
    # what a vendor did towards the tender (only the middle two exclude it)
    "none": N_("No part in the tender"),
    "helped_draft": N_("Helped draft the tender"),
    "material_used": N_("Supplied a template or specification that was used"),
    "material_not_used": N_("Supplied a template or specification: received, not used"),
    # contract data: bid security, bid languages, what follows a failed pilot
    "security_none": N_("No bid security"),
    "security_amount": N_("A fixed amount (CAD)"),
    "security_percent": N_("A percentage of the bid price"),
    "as_tender": N_("The tender's language(s)"),
    "next_ranked": N_("Offer the pilot to the next-ranked bidder"),
    "cancel_award": N_("Cancel the call for tenders"),
    # statement of work and contract terms
    "business_hours": N_("Business hours (Monday to Friday, 8:00 to 17:00)"),
    "extended_hours": N_("Extended hours (every day, 7:00 to 19:00)"),
    "always": N_("Around the clock (24 hours a day, 7 days a week)"),
    "audit_none": N_("No independent security audit required"),
    "audit_independent": N_("An independent security audit (SOC 2 Type II, ISO/IEC 27001 or equivalent)"),
    "cap_multiple": N_("Capped at a multiple of the contract value"),
    "cap_unlimited": N_("Unlimited"),
    "cap_unstated": N_("Not stated"),
    "pay_milestones": N_("On accepted milestones"),
    "pay_periodic": N_("Periodically, as the work progresses"),
    "monthly": N_("Every month"),
    "quarterly": N_("Every quarter"),
    "yearly": N_("Every year"),
    "price_firm": N_("Firm for the whole term"),
    "price_indexed": N_("Adjusted once a year by the consumer price index, within a cap"),
}
"""Stored choice value → its label msgid."""


def value_label(value: str, lang: str) -> str:
    """The label of a stored choice value in ``lang`` ("fr"/"en"); the value itself when
    it has no label (e.g. a code written by a newer version)."""
    msgid = VALUE_LABELS.get(value)
    return tr(msgid, lang) if msgid is not None else value


SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    "error": (N_("Error"), N_("ERROR")),
    "warning": (N_("Warning"), N_("WARNING")),
    "info": (N_("Info"), N_("INFO")),
}
"""Finding severity value → (its label for the app and the documents, the upper-case
word ``check`` and ``lint --explain`` print), both msgids."""


def severity_label(severity: str, lang: str) -> str:
    """ "Error", "Erreur" … for a severity value ("error", "warning", "info")."""
    pair = SEVERITY_LABELS.get(severity)
    return tr(pair[0], lang) if pair else severity


def severity_word(severity: str, lang: str) -> str:
    """ "ERROR", "ERREUR" … for a severity value, as the command line prints it."""
    pair = SEVERITY_LABELS.get(severity)
    return tr(pair[1], lang) if pair else severity


def labels_of(values: tuple[str, ...]) -> dict[str, str]:
    """``value → msgid`` for a choice tuple of the model (e.g. ``Criterion.CATEGORIES``)."""
    return {value: VALUE_LABELS[value] for value in values}
