"""Tender ▸ Addenda…: a text typed in the other language than its version (the English
answer in the French binding addendum, walk of 2026-12-07) is said in the plan and in
the confirmation before the issue, which cannot be taken back; a French text says
nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read
from wizard.ui import dialogs
from wizard.ui.publishing_dialog import AddendaDialog


@pytest.mark.parametrize(
    ("question", "answer", "said"),
    [
        (
            "Does the system need to work offline during a power outage?",
            "Yes, for four hours on battery.",
            True,
        ),
        (
            "Le système doit-il fonctionner hors ligne pendant une panne?",
            "Oui, pendant quatre heures sur batterie.",
            False,
        ),
    ],
)
def test_the_issue_confirmation_says_a_text_in_the_other_language(
    window, qtbot, tmp_path, monkeypatch, question, answer, said
):
    pf = ProjectFile.create(tmp_path / "e.tender", load_example("emergency-perimeter"))  # French only
    publish(pf, published_on="2027-02-01", moment="2027-02-01T14:00:00+00:00")
    window.set_project(pf)
    window.actions_by_name["lang_en"].trigger()
    asked: list[str] = []
    plans: list[str] = []

    def run(dialog: AddendaDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.question_edits["fr"].setPlainText(question)
        dialog.answer_edits["fr"].setPlainText(answer)
        qtbot.mouseClick(dialog.add_question_button, Qt.MouseButton.LeftButton)
        dialog.issue_date.setText("2027-02-12")
        plans.append(dialog.plan.text())
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: asked.append(message) or False)
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["addenda"].trigger()
    warning = "The answer to question 1 reads as English, yet it is the addendum's French version"
    assert (warning in plans[0]) is said
    assert (warning in asked[0]) is said
    assert read(pf).issued == []  # the clerk said no
