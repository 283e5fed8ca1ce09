"""Tender ▸ Mark as published… and Tender ▸ Addenda… (docs/publishing.md): the real
buttons publish the tender, draft an addendum (a question answered, the closing moved)
and issue it; the pages then show the baseline read-only with a banner. Screenshots at
1366×768 in both languages are written where ``OPW_SHOTS`` says (a folder), to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.record import read
from wizard.ui import dialogs
from wizard.ui.language import apply_language
from wizard.ui.publishing_dialog import AddendaDialog


def _shot(widget, name: str) -> None:
    folder = os.environ.get("OPW_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_publish_draft_and_issue_an_addendum_with_the_real_buttons(
    window, qtbot, tmp_path, monkeypatch, lang
):
    project = load_example("training")
    project.info.closing_date = "2027-04-02"  # as first published (the example's addendum moved it)
    window.set_project(ProjectFile.create(tmp_path / "t.tender", project))
    window.actions_by_name[f"lang_{lang}"].trigger()
    infos: list[str] = []
    monkeypatch.setattr(dialogs, "ask_date", lambda parent, title, label, default: "2027-03-01")
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: False)  # no attachment: the export
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: infos.append(message))
    window.actions_by_name["publish"].trigger()
    pf = window.ctx.pf
    assert pf.published and [d.name for d in read(pf).documents] == [
        "tender-fr.docx",
        "tender-en.docx",
        "price-form-fr.xlsx",
        "price-form-en.xlsx",
    ]
    assert ("2027-03-01" in infos[-1]) and ("SHA-256" in infos[-1])
    page = window.wizard.currentPage()
    assert page.published_banner.isVisible()
    assert ("addenda" if lang == "fr" else "addendum") in page.published_banner.text().lower()
    read_only = [w for w in page.findChildren(QLineEdit) if w.isVisible()]
    assert read_only and [w.objectName() for w in read_only if not w.isReadOnly() and w.isEnabled()] == []
    _shot(window, f"published-project-{lang}")

    asked: list[str] = []

    def run(dialog: AddendaDialog) -> int:
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.question_edits["fr"].setPlainText("Les séances peuvent-elles se tenir à distance?")
        dialog.question_edits["en"].setPlainText("May the sessions be held remotely?")
        dialog.answer_edits["fr"].setPlainText("Oui, par visioconférence.")
        dialog.answer_edits["en"].setPlainText("Yes, by videoconference.")
        qtbot.mouseClick(dialog.add_question_button, Qt.MouseButton.LeftButton)
        assert dialog.question_list.count() == 1
        dialog.date_field.setCurrentIndex(dialog.date_field.findData("info.closing_date"))
        dialog.new_date.setText("2027-04-16")
        qtbot.mouseClick(dialog.add_change_button, Qt.MouseButton.LeftButton)
        assert dialog.change_list.count() == 1
        dialog.issue_date.setText("2027-04-12")  # late: the Town's rule extends the closing
        assert "2027-04-19" in dialog.plan.text()
        _shot(dialog, f"addenda-{lang}")
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: asked.append(message) or True)
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
        assert dialog.addenda_list.count() == 1 and "2027-04-12" in dialog.addenda_list.item(0).text()
        _shot(dialog, f"addenda-issued-{lang}")
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["addenda"].trigger()
    assert "2027-04-19" in asked[0]
    (issued,) = read(pf).issued
    assert (issued.number, issued.issued_on) == (1, "2027-04-12")
    assert pf.project.info.closing_date == "2027-04-19"
    assert issued.questions[0].answer_en == "Yes, by videoconference."
    apply_language("en")


def test_addenda_before_publication_says_to_publish_first(window, tmp_path, monkeypatch):
    window.set_project(ProjectFile.create(tmp_path / "t.tender", load_example("office-suite")))
    infos: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: infos.append(message))
    window.actions_by_name["addenda"].trigger()
    assert infos == ["Mark the tender as published before preparing an addendum."]
