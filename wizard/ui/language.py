"""The interface language (SPEC §6): French or English, following the system locale at
first start, switchable live. Qt's own texts (QWizard buttons, file dialogs) use Qt's
catalogue ``qtbase_fr.qm`` shipped with PySide6 (STYLE.md, QWizard fact 5)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from wizard.core.i18n import set_ui_language, system_language
from wizard.ui import settings

_translator: QTranslator | None = None


def initial_language() -> str:
    """The saved choice, else the system locale's language."""
    return settings.language() or system_language()


def apply_language(lang: str) -> bool:
    """Use ``lang`` for our strings and for Qt's; ``True`` if Qt's catalogue loaded
    (always ``True`` for English, Qt's source language)."""
    global _translator
    set_ui_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        return False
    app.installTranslator(translator)
    _translator = translator
    return True
