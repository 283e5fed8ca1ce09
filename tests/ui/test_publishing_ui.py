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
    project.info.closing_date = "2027-04-12"  # as first published (the example's addendum moved it)
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
        dialog.issue_date.setText("2027-04-13")  # after the closing in force: the core refuses it
        refusal = {
            "en": "An addendum is issued before the closing: 2027-04-13 is after the closing in force "
            "(2027-04-12 11:00).",
            "fr": "Un addenda est émis avant la clôture\u00a0: le 2027-04-13 est après la clôture en vigueur "
            "(2027-04-12 11:00).",
        }[lang]
        assert refusal in dialog.plan.text()
        dialog.issue_date.setText("2027-04-12")  # late: the Town's rule extends the closing
        assert "2027-04-13 is after" not in dialog.plan.text() and "le 2027-04-13" not in dialog.plan.text()
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


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_addenda_dialog_edits_questions_and_changes_texts(window, qtbot, tmp_path, monkeypatch, lang):
    """Issue 21 item 2: with the real buttons, a question is added, reworded, answered and
    removed, a criterion's text is changed in both languages (the operation the command
    line uses) and a change removed; each is one user action that Edit ▸ Undo takes back."""
    from wizard.core.project_file import undo
    from wizard.core.publishing.publish import publish

    project = load_example("training")
    project.info.closing_date = "2027-04-02"
    pf = ProjectFile.create(tmp_path / "t.tender", project)
    publish(pf, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    criterion = pf.project.criteria[0]
    address = f"criteria:{criterion.id}.text"

    def click(button) -> None:
        assert button.isEnabled(), button.text()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def run(dialog: AddendaDialog) -> int:
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.issue_date.setText("2027-03-10")
        for fr, en in (
            ("Les séances à distance?", "Remote sessions?"),
            ("Le prix du pilote?", "The pilot's price?"),
        ):
            dialog.question_edits["fr"].setPlainText(fr)
            dialog.question_edits["en"].setPlainText(en)
            click(dialog.add_question_button)
        assert dialog.question_list.count() == 2
        assert [q.question_fr for q in read(pf).draft.questions] == [
            "Les séances à distance?",
            "Le prix du pilote?",
        ]

        dialog.question_list.setCurrentRow(0)  # edit: its texts come into the editors
        assert dialog.question_edits["fr"].toPlainText() == "Les séances à distance?"
        dialog.question_edits["fr"].setPlainText(
            "Les séances de scénarios peuvent-elles se tenir à distance?"
        )
        dialog.question_edits["en"].setPlainText("May the scenario sessions be held remotely?")
        dialog.answer_edits["fr"].setPlainText("Oui, par visioconférence.")
        dialog.answer_edits["en"].setPlainText("Yes, by videoconference.")
        click(dialog.save_question_button)
        first = read(pf).draft.questions[0]
        assert (first.question_fr, first.answer_en) == (
            "Les séances de scénarios peuvent-elles se tenir à distance?",
            "Yes, by videoconference.",
        )
        dialog.question_list.setCurrentRow(1)
        click(dialog.remove_question_button)
        assert [q.id for q in read(pf).draft.questions] == [first.id] and dialog.question_list.count() == 1
        dialog.question_list.setCurrentRow(0)
        dialog.tabs.setCurrentIndex(0)
        _shot(dialog, f"addenda-questions-{lang}")

        dialog.tabs.setCurrentIndex(1)
        dialog.text_field.setCurrentIndex(dialog.text_field.findData(address))
        assert dialog.text_edits["fr"].toPlainText() == criterion.text  # the text as it stands
        dialog.text_edits["fr"].setPlainText("Les employés suivent des cours en ligne, y compris sur mobile.")
        dialog.text_edits["en"].setPlainText("Employees take online courses, on mobile devices too.")
        click(dialog.add_text_button)
        dialog.new_date.setText("2027-04-16")
        click(dialog.add_change_button)
        changes = read(pf).draft.changes
        assert [(c.kind, c.field, c.new_en) for c in changes] == [
            ("text", address, "Employees take online courses, on mobile devices too."),
            ("date", "info.closing_date", "2027-04-16"),
        ]
        assert dialog.change_list.count() == 2 and "2027-04-16" in dialog.change_list.item(1).text()
        _shot(dialog, f"addenda-changes-{lang}")
        dialog.change_list.setCurrentRow(1)
        click(dialog.remove_change_button)
        assert [c.field for c in read(pf).draft.changes] == [address]
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["addenda"].trigger()
    assert pf.project.criteria[0].text == criterion.text  # a draft changes nothing until issued
    undo.undo(pf)  # Edit ▸ Undo: the change removed comes back
    assert [c.field for c in read(pf).draft.changes] == [address, "info.closing_date"]
    apply_language("en")


def test_the_history_names_a_drafts_question(window, tmp_path):
    """A draft's edits are journalled (item 4): the History window names them."""
    import json

    from wizard.core.publishing import addenda
    from wizard.core.publishing.publish import publish
    from wizard.ui import field_labels

    project = load_example("training")
    project.info.closing_date = "2027-04-02"
    pf = ProjectFile.create(tmp_path / "t.tender", project)
    publish(pf, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
    window.set_project(pf)
    addenda.add_question(pf, question_fr="Séances à distance?", question_en="Remote sessions?")
    entry = pf.history(1)[0]
    row = field_labels.snapshot(entry)
    assert entry["field"].startswith("addendum_questions:") and json.loads(entry["new"])["question_fr"]
    text = field_labels.describe(entry["field"], pf.project, {}, row)
    assert text == "Addenda › Question and answer “Séances à distance?”"
    assert field_labels.value_text(entry["new"]) == "Séances à distance?"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "La question est trop longue\u00a0: 100\u00a0001 caractères, au plus 100\u00a0000."),
        ("en", "The question is too long: 100,001 characters, at most 100,000."),
    ],
)
def test_a_question_over_the_limit_is_refused_in_the_apps_language(
    window, qtbot, tmp_path, monkeypatch, lang, message
):
    """An addendum's refusal is the core's message in the app's language, as a bids or
    contract refusal is (``context.refusal``), not the bilingual text under "could not be
    saved"; nothing is saved and the text stays in the editor. Its twin, at the limit,
    is taken."""
    from wizard.core.project_file.codec import MAX_TEXT
    from wizard.core.publishing.publish import publish

    project = load_example("training")
    project.info.closing_date = "2027-04-02"
    pf = ProjectFile.create(tmp_path / "t.tender", project)
    publish(pf, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, text: errors.append(text))

    def run(dialog: AddendaDialog) -> int:
        dialog.question_edits["fr"].setPlainText("q" * (MAX_TEXT + 1))
        dialog.add_question()
        assert errors == [message]
        assert read(pf).draft is None and dialog.question_edits["fr"].toPlainText() == "q" * (MAX_TEXT + 1)
        dialog.question_edits["fr"].setPlainText("q" * MAX_TEXT)
        dialog.add_question()
        assert errors == [message] and [q.question_fr for q in read(pf).draft.questions] == ["q" * MAX_TEXT]
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["addenda"].trigger()
    apply_language("en")
