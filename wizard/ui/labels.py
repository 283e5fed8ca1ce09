"""Translated labels of stored choice values (roles, licences, categories …).

The model stores stable English keys (``"not_concerned"``, ``"open_source"``); the UI
shows ``label(value)`` in the interface language. Every label is a msgid with its
French in ``resources/locale/fr/LC_MESSAGES/ui.po``.
"""

from __future__ import annotations

from wizard.core.domain import provinces as _provinces
from wizard.core.i18n import _, ui_language
from wizard.core.i18n.labels import VALUE_LABELS
from wizard.core.model import ProjectInfo
from wizard.core.model.choices import choices_of

PROVINCES: tuple[str, ...] = choices_of(ProjectInfo, "province") or ()
"""'' (not set) and the 13 provinces and territories (two-letter codes)."""

TENDER_LANGUAGES: tuple[str, ...] = choices_of(ProjectInfo, "tender_languages") or ()
BINDING_LANGUAGES: tuple[str, ...] = choices_of(ProjectInfo, "binding_language") or ()


def label(value: str) -> str:
    """The label of a stored choice value in the interface language (the value itself
    when it has no label, e.g. a code written by a newer version)."""
    if value in _provinces.PROVINCES:
        return _provinces.PROVINCES[value].name(ui_language())
    msgid = VALUE_LABELS.get(value)
    return _(msgid) if msgid is not None else value
