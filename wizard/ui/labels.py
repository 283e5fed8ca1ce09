"""Translated labels of stored choice values (roles, licences, categories …).

The model stores stable English keys (``"not_concerned"``, ``"open_source"``); the UI
shows ``label(value)`` in the interface language. Every label is a msgid with its
French in ``resources/locale/fr/LC_MESSAGES/ui.po``.
"""

from __future__ import annotations

from wizard.core import provinces as _provinces
from wizard.core.i18n import N_, _, ui_language

PROVINCES: tuple[str, ...] = tuple(_provinces.PROVINCES)
"""The 13 provinces and territories (two-letter codes)."""

TENDER_LANGUAGES: tuple[str, ...] = ("fr", "en", "both")
BINDING_LANGUAGES: tuple[str, ...] = ("fr", "en")

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
}
"""Stored choice value → its label msgid."""


def label(value: str) -> str:
    """The label of a stored choice value in the interface language (the value itself
    when it has no label, e.g. a code written by a newer version)."""
    if value in _provinces.PROVINCES:
        return _provinces.PROVINCES[value].name(ui_language())
    msgid = VALUE_LABELS.get(value)
    return _(msgid) if msgid is not None else value


def choices_of(cls: type, name: str) -> tuple[str, ...] | None:
    """The ``ClassVar`` choice tuple of field ``name`` of a model dataclass, if any.

    ``role`` → ``ROLES``, ``category`` → ``CATEGORIES``, ``delivery`` → ``DELIVERIES``.
    """
    upper = name.upper()
    plural = upper[:-1] + "IES" if upper.endswith("Y") else upper + "S"
    value = getattr(cls, plural, None)
    return value if isinstance(value, tuple) else None
