"""The interface language: French or English, following the system locale at
first start, switchable live. Qt's own texts (QWizard buttons, file dialogs) use Qt's
catalogue ``qtbase_fr.qm`` shipped with PySide6 (docs/ui-pages.md, QWizard fact 5), installed
before any dialog is made and kept alive here.

Qt 6 renamed two labels of its file dialog ("&Look in:", "Files of &type:") and its
French catalogue still has only the old ones: :class:`QtSupplement` gives those from our
own catalogue (``ui.po``), so no French dialog shows English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from wizard.core.i18n import N_, _, set_ui_language, system_language
from wizard.ui import settings

QT_SUPPLEMENT: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): N_("&Look in:"),
    ("QFileDialog", "Files of &type:"): N_("Files of &type:"),
}
"""(Qt context, Qt source text) → our msgid, for Qt texts its catalogue lacks."""


class QtSupplement(QTranslator):
    """Translates the few Qt texts of :data:`QT_SUPPLEMENT` in the UI language."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        msgid = QT_SUPPLEMENT.get((context, source))
        return _(msgid) if msgid is not None else ""

    def isEmpty(self) -> bool:
        return False


_translators: list[QTranslator] = []


def initial_language() -> str:
    """The saved choice, else the system locale's language."""
    return settings.language() or system_language()


def apply_language(lang: str) -> bool:
    """Use ``lang`` for our strings and for Qt's; ``True`` if Qt's catalogue loaded
    (always ``True`` for English, Qt's source language)."""
    set_ui_language(lang)
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _translators:
        app.removeTranslator(_translators.pop())
    if lang == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        return False
    supplement = QtSupplement(app)  # installed first, so asked last (after Qt's catalogue)
    for item in (supplement, translator):
        app.installTranslator(item)
        _translators.append(item)
    return True
