"""A one-line text longer than its field shows its start, whole in its tooltip (walk
2026-12-07 at 1366×768): the Verification and Selection committee cells of the Bids
window read « …ndu obtenu en séance. », and once locked their start could never be read;
the Project page showed « …formation en ligne pour le personnel municipal »."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from wizard.core.bids import evaluation_entry
from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.bids_window import BidsWindow, fitted
from wizard.ui.language import apply_language
from wizard.ui.widgets.line_start import keep_start

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from quebec_bids_sample import LOCKED, create, record_bid  # noqa: E402

EVIDENCE = "Section 4.2 de la soumission : attestation de conformité du fournisseur et rapport rendu obtenu en séance, avec les journaux d’accès des douze derniers mois et la liste des sous-traitants."
REASON = "Méthodologie détaillée en section 5, avec un calendrier réaliste et un plan de formation du personnel, des jalons mensuels, les risques nommés et les mesures prévues pour chacun d’eux."
NOTES = "Scénario joué en séance devant le comité technique : les trois étapes réussies, le rapport rendu obtenu en séance."


def _starts(edit: QLineEdit, text: str) -> None:
    """``edit`` holds ``text``, shows its start and tells it whole in its tooltip."""
    assert edit.text() == text
    assert edit.cursorPosition() == 0
    assert edit.cursorRect().left() < edit.fontMetrics().averageCharWidth() * 2  # the first letter in view
    assert edit.toolTip() == text


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("locked", [False, True])
def test_bids_cells_show_the_start_of_a_long_text_and_all_of_it_in_the_tooltip(
    window, qtbot, tmp_path, lang, locked
):
    pf = create(tmp_path / "qc.tender")
    bid = record_bid(pf, "A")
    evaluation_entry.set_mandatory(pf, bid, 2, True, evidence=EVIDENCE)
    evaluation_entry.set_grid_sheet_score(pf, bid, 1, 2, 24, reason=REASON)
    evaluation_entry.set_verification(pf, bid, 1, "confirmed", NOTES, "2027-04-18", None)
    if locked:
        evaluation_entry.lock_quality(pf, locked_by="Martin Thériault", at=LOCKED)
    window.set_project(pf)
    apply_language(lang)
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.resize(fitted(QSize(1366, 768)))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_tab(1)
    verification = dialog.verification
    evidence = verification.mandatory.cellWidget(1, 2)
    notes = verification.scenarios.cellWidget(0, 2)
    dialog.show_tab(2)
    qtbot.wait(50)  # the tab laid out
    reason = dialog.jury.points.cellWidget(1, 2)
    for edit, text in ((evidence, EVIDENCE), (notes, NOTES), (reason, REASON)):
        assert edit.fontMetrics().horizontalAdvance(text) > edit.width()  # longer than its cell
        _starts(edit, text)
        assert edit.isReadOnly() is locked and edit.isEnabled()  # locked: still scrolled, copied
    for edit in (evidence, reason):  # the free width goes to the text, not the criterion's blank
        assert edit.width() > edit.fontMetrics().averageCharWidth() * 80


@pytest.mark.parametrize(
    ("reason", "cursor"), [(Qt.FocusReason.TabFocusReason, 0), (Qt.FocusReason.PopupFocusReason, -1)]
)
def test_a_cell_left_after_typing_shows_its_start_again(qtbot, reason, cursor):
    edit = keep_start(QLineEdit())
    qtbot.addWidget(edit)
    edit.setText(EVIDENCE)  # typed: the cursor at the end while typing
    assert edit.cursorPosition() == len(EVIDENCE) and edit.toolTip() == EVIDENCE
    QApplication.sendEvent(edit, QFocusEvent(QEvent.Type.FocusOut, reason))
    assert edit.cursorPosition() == (
        len(EVIDENCE) if cursor < 0 else cursor
    )  # its own context menu keeps the place


def test_a_short_text_keeps_its_own_tooltip():
    edit = QLineEdit()
    edit.setToolTip("Une explication")
    keep_start(edit)
    edit.setText("Court")
    assert edit.toolTip() == "Une explication"


@pytest.mark.parametrize(
    ("lang", "title", "officer"),
    [
        (
            "fr",
            "Plateforme de formation en ligne pour le personnel municipal",
            "Directeur des technologies de l’information",
        ),
        ("en", "Online training platform for municipal staff", "Director of Information Technology"),
    ],
)
def test_project_page_lines_show_their_start(window, qtbot, tmp_path, lang, title, officer):
    window.set_project(ProjectFile.create(tmp_path / "ex.tender", load_example("training")))
    window.actions_by_name[f"lang_{lang}"].trigger()
    window.wizard.go_to(Step.PROJECT)
    page = window.wizard.currentPage()
    widgets = page.binder.widgets
    for address in ("info.title", "info.officer_title"):
        field = page.binder.bilingual[address]
        for edit in (field.primary, field.other):
            assert edit.cursorPosition() == 0, address
            assert edit.toolTip() == edit.text() != "", address
    shown = {widgets["info.title"].text(), page.binder.bilingual["info.title"].other.text()}
    assert title in shown
    assert officer.replace("’", "'") in {
        t.replace("’", "'")
        for t in (
            widgets["info.officer_title"].text(),
            page.binder.bilingual["info.officer_title"].other.text(),
        )
    }
