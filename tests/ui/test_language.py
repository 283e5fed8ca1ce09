"""The whole interface in French or English, switchable live, Qt's buttons too."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_file
from PySide6.QtWidgets import QApplication, QWizard

from wizard.core.i18n import catalogue
from wizard.core.steps import Step
from wizard.ui import settings

UI = Path(__file__).resolve().parents[2] / "wizard" / "ui"


def test_switch_to_french_translates_buttons_pages_and_tables(open_window):
    wizard = open_window.wizard
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Next >"
    open_window.actions_by_name["lang_fr"].trigger()
    assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Suivant >"
    assert wizard.button(QWizard.WizardButton.BackButton).text() == "< &Précédent"
    assert wizard.currentPage().title() == "Projet"
    scope = wizard.page_of(Step.SCOPE)
    table = scope.tables["business_units"].table
    assert table.horizontalHeaderItem(1).text() == "Rôle dans ce besoin"
    assert table.item(0, 1).text() == "Non concerné"
    assert scope.help_label.text().startswith("Un besoin vu par une unité")
    assert settings.language() == "fr"
    # Qt's own catalogue is installed for Qt's dialogs and buttons.
    assert QApplication.translate("QWizard", "Cancel") == "Annuler"
    open_window.actions_by_name["lang_en"].trigger()
    assert wizard.currentPage().title() == "Project"
    assert table.item(0, 1).text() == "Not concerned"


def _ui_msgids() -> list[str]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        for _line, msg, _comments, _context in extract_from_file(
            "python", str(path), keywords={"_": None, "N_": None}
        ):
            found.append(msg[0] if isinstance(msg, tuple) else msg)
    return found


def test_every_ui_string_has_a_french_translation():
    french = catalogue("fr")
    missing = [m for m in _ui_msgids() if m and m not in french]
    assert missing == []


def test_french_keeps_every_placeholder():
    french = catalogue("fr")
    for msgid in _ui_msgids():
        if msgid in french:
            assert set(re.findall(r"\{(\w+)\}", french[msgid])) == set(re.findall(r"\{(\w+)\}", msgid)), msgid
