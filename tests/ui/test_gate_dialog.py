"""The publishing gate in the app: before an export, the open errors and the
placeholders the documents would print are listed; the user exports anyway, cancels,
or clicks a line to go to its field (docs/documents.md, "The publishing gate")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from wizard.core.documents.gate import PLACEHOLDER_CODE, publishing_gate
from wizard.core.examples import load_example
from wizard.core.model import JuryMember
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui import dialogs
from wizard.ui.widgets.gate_dialog import ITEM_ROLE, GateAnswer, GateDialog, grouped


def _jury_author_project():
    """office-suite with its first author on the jury: E-JURY-AUTHOR, no placeholder."""
    project = load_example("office-suite")
    author = project.authors[0].name
    project.jury.append(JuryMember(id=project.next_id("jury"), name=author, declaration_signed=True))
    return project


@pytest.fixture
def jury_window(window, tmp_path):
    window.set_project(ProjectFile.create(tmp_path / "jury.tender", _jury_author_project()))
    return window


def _answer(monkeypatch, answer):
    """Replace the gate's question; returns the calls ``(items, describe)``."""
    calls = []

    def ask(parent, items, describe):
        calls.append((items, describe))
        return answer(items) if callable(answer) else answer

    monkeypatch.setattr(dialogs, "ask_export_anyway", ask)
    return calls


def test_cancel_writes_nothing_and_asks_no_folder(jury_window, monkeypatch):
    calls = _answer(monkeypatch, GateAnswer(False))
    jury_window.actions_by_name["export"].trigger()  # ask_folder would fail the test
    [(items, describe)] = calls
    [item] = items
    jury = jury_window.ctx.project.jury[-1]
    assert (item.code, item.field) == ("E-JURY-AUTHOR", f"jury:{jury.id}.name")
    assert item.message("en") == "Priya Raman wrote the tender and may not sit on the selection committee."
    assert describe(item.address).startswith("Evaluation and award › ")


@pytest.mark.slow
def test_export_anyway_writes_every_file(jury_window, monkeypatch, tmp_path):
    _answer(monkeypatch, GateAnswer(True))
    out = tmp_path / "out"
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent, title: out)
    infos = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: infos.append(message))
    jury_window.actions_by_name["export"].trigger()
    assert {"tender-en.docx", "price-form-en.xlsx", "decision-record-en.docx"} <= {
        p.name for p in out.iterdir()
    }
    assert infos and infos[0].startswith("6 files written")


def test_clicking_an_error_goes_to_the_jury_member(jury_window, monkeypatch):
    _answer(monkeypatch, lambda items: GateAnswer(False, items[0]))
    jury_window.wizard.go_to(Step.PROJECT)
    jury_window.actions_by_name["export"].trigger()
    assert jury_window.wizard.currentId() == Step.EVALUATION
    table = jury_window.wizard.currentPage().tables["jury"]
    assert table.current_id() == jury_window.ctx.project.jury[-1].id


def test_clicking_a_placeholder_goes_to_its_field_in_french(open_window, monkeypatch):
    """A new project: the reference number is blank, so every document prints the
    placeholder in its header and cover; the line goes to the reference editor."""
    open_window.actions_by_name["lang_fr"].trigger()
    calls = _answer(
        monkeypatch,
        lambda items: GateAnswer(False, next(i for i in items if i.field == "info.reference")),
    )
    open_window.wizard.go_to(Step.SCENARIOS)
    open_window.actions_by_name["export"].trigger()
    [(items, describe)] = calls
    # a new project's one error: no criteria yet, a key document missing (R005)
    assert {i.code for i in items} == {"C-NO-CRITERIA", PLACEHOLDER_CODE}
    assert describe("info.reference") == "Projet › Numéro de référence"
    assert open_window.wizard.currentId() == Step.PROJECT
    assert open_window.focusWidget() is open_window.wizard.currentPage().binder.widgets["info.reference"]


def test_an_example_exports_without_the_question(window, monkeypatch, tmp_path):
    window.set_project(ProjectFile.create(tmp_path / "ex.tender", load_example("training")))
    out = tmp_path / "out"
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent, title: out)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: None)
    window.actions_by_name["export"].trigger()  # ask_export_anyway would fail the test
    assert (out / "tender-fr.docx").is_file()


# -- the dialog itself ---------------------------------------------------------------------


def _dialog(qtbot, project, langs):
    items = publishing_gate(project, langs)
    dialog = GateDialog(None, items, lambda address: f"<{address}>")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, items


def _click(qtbot, dialog, row):
    item = dialog.list.item(row)
    dialog.list.scrollToItem(item)
    rect = dialog.list.visualItemRect(item)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_dialog_lists_errors_and_placeholders_and_a_click_chooses_one(qtbot):
    project = _jury_author_project()
    project.info.reference = ""
    dialog, items = _dialog(qtbot, project, ["en"])
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    jury = project.jury[-1].id
    assert texts[0] == (
        f"Error — <jury:{jury}.name>\nPriya Raman wrote the tender and may not sit on the selection committee."
    )
    header = (
        "To complete — <info.reference>\nThe tender in English, section “Page header”: the document "
        "prints [À COMPLÉTER / TO BE COMPLETED] where this value goes."
    )
    assert header in texts
    # the tender's page header, cover, payment clause, form of agreement and form of
    # offer; the record's four places
    assert [i.field for i in items] == [f"jury:{jury}.name", *["info.reference"] * 9]
    assert dialog.list.count() == len(items) == len(grouped(items))
    _click(qtbot, dialog, texts.index(header))
    assert not dialog.isVisible()
    assert dialog.answer.export is False
    assert dialog.answer.item is dialog.list.item(texts.index(header)).data(ITEM_ROLE)


def test_the_dialog_buttons(qtbot):
    dialog, _items = _dialog(qtbot, _jury_author_project(), ["en"])
    assert dialog.cancel_button.isDefault()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.answer == GateAnswer(True)
    dialog, _items = _dialog(qtbot, _jury_author_project(), ["en"])
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.answer == GateAnswer(False) and not dialog.isVisible()


def test_the_dialog_in_french_counts_repeats(qtbot, window):
    window.actions_by_name["lang_fr"].trigger()
    project = load_example("training")
    project.info.province = ""  # the governing-law clause names it several times
    dialog, items = _dialog(qtbot, project, ["fr"])
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert dialog.windowTitle() == "Avant d’exporter"
    assert dialog.export_button.text() == "Exporter quand même"
    law = next(t for t in texts if "Droit applicable" in t)
    assert law.startswith("À compléter — <info.province>\nL’appel d’offres en français, section «\u00a0")
    count = sum(1 for i in items if "Droit applicable" in i.section_text("fr"))
    assert count > 1 and law.endswith(f"({count} fois)")
    QApplication.processEvents()


def test_the_gate_lists_the_contracts_errors_too(window, monkeypatch, tmp_path):
    """The app's gate asks on the findings the panel shows, the contract's follow-up
    included: a stored payment of 1E+400 $ (CT-ENTRY-INVALID, an error) is listed before
    the export, as ``export --strict`` refuses it."""
    import json

    from wizard.cli import main as cli_main

    source, dumped, loaded = tmp_path / "t.tender", tmp_path / "t.json", tmp_path / "l.tender"
    assert cli_main(["new", "--example", "training", str(source)]) == 0
    assert cli_main(["dump", str(source), "--out", str(dumped)]) == 0
    data = json.loads(dumped.read_text(encoding="utf-8"))
    payments = data["contract"]["payments"]
    payments.append({**payments[0], "id": 20, "invoice_number": "N3", "amount": "1E+400"})
    dumped.write_text(json.dumps(data), encoding="utf-8")
    assert cli_main(["load", str(dumped), str(loaded)]) == 0
    window.set_project(ProjectFile.open(loaded))
    calls = _answer(monkeypatch, GateAnswer(False))
    window.actions_by_name["export"].trigger()  # ask_folder would fail the test
    [(items, _describe)] = calls
    assert "CT-ENTRY-INVALID" in {item.code for item in items}


def test_the_app_builds_the_other_documents_once(window, monkeypatch, tmp_path):
    """The app's Export reads the gate and writes the files from one build of the
    addenda, the letters and the follow-up (the gate built its own, then the export)."""
    from tests.core.test_cli_gate import _count_builds
    from wizard.cli import main as cli_main

    source = tmp_path / "t.tender"
    assert cli_main(["new", "--example", "training", str(source)]) == 0
    window.set_project(ProjectFile.open(source))
    built = _count_builds(monkeypatch)
    out = tmp_path / "out"
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent, title: out)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: None)
    window.actions_by_name["export"].trigger()  # the example has no gate item: no question
    names = [p.name for p in out.iterdir()]
    assert built["follow_up_document"] == sum(1 for n in names if n.startswith("spending-")) * 3 > 0
    assert built["letter_document"] == sum(1 for n in names if n.startswith("debriefing-")) > 0
    assert built["addendum_document"] == sum(1 for n in names if n.startswith("addendum-")) > 0
