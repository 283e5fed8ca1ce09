"""Translated labels of stored choice values (roles, licences, categories …).

The model stores stable English keys (``"not_concerned"``, ``"open_source"``); the UI
shows ``label(value)`` in the interface language. Every label is a msgid with its
French in ``resources/locale/fr/LC_MESSAGES/ui.po``.
"""

from __future__ import annotations

from wizard.core.domain import provinces as _provinces
from wizard.core.i18n import _, ui_language
from wizard.core.i18n.labels import VALUE_LABELS

PROVINCES: tuple[str, ...] = tuple(_provinces.PROVINCES)
"""The 13 provinces and territories (two-letter codes)."""

TENDER_LANGUAGES: tuple[str, ...] = ("fr", "en", "both")
BINDING_LANGUAGES: tuple[str, ...] = ("fr", "en")


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
