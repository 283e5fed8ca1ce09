"""The whole interface in French or English, switchable live, Qt's buttons too."""

from __future__ import annotations

import re

from po_messages import ROOT, code_ids, french_ids
from PySide6.QtWidgets import QApplication, QWizard

from wizard.core.i18n import ntr, tr
from wizard.core.steps import Step
from wizard.ui import settings

UI = ROOT / "wizard" / "ui"


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


def _ui_msgids() -> list[str | tuple[str, ...]]:
    return code_ids(sorted(UI.rglob("*.py")))


def _names(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_every_ui_string_has_a_french_translation():
    french = french_ids()
    missing = [m for m in _ui_msgids() if m not in french]
    assert missing == []


def test_french_keeps_every_placeholder():
    for msgid in _ui_msgids():
        if isinstance(msgid, str):
            assert _names(tr(msgid, "fr")) == _names(msgid), msgid
            continue
        singular, plural = msgid
        for n in (1, 2):  # unformatted ({count} too): a placeholder set per plural form
            assert _names(ntr(singular, plural, n, "fr", count="{count}")) == _names(singular), msgid
