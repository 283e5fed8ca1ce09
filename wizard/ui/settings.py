"""User settings kept with QSettings (INI format): interface language, recent files,
window geometry. Tests redirect the location with ``QSettings.setPath``."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "OpenProcurementWizard"
APPLICATION = "OpenProcurementWizard"


def store() -> QSettings:
    """The settings file (``<config>/OpenProcurementWizard/OpenProcurementWizard.ini``)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def language() -> str:
    """The saved interface language ("fr", "en") or '' at first start."""
    value = store().value("language", "")
    return value if value in ("fr", "en") else ""


def set_language(lang: str) -> None:
    store().setValue("language", lang)


def geometry() -> QByteArray | None:
    value = store().value("geometry")
    return value if isinstance(value, QByteArray) else None


def set_geometry(data: QByteArray) -> None:
    store().setValue("geometry", data)
