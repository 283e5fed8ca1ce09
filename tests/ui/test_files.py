"""Opening, creating and saving files from the UI: clear messages, Cancel does nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTableWidget, QTreeView

from wizard.core.project_file.store import ProjectFile
from wizard.ui import dialogs
from wizard.ui.language import apply_language


def test_ask_save_path_cancel_returns_none(monkeypatch):
    monkeypatch.undo()  # the real wrapper, with a fake run of the Qt dialog
    monkeypatch.setattr(dialogs, "exec_file_dialog", lambda dialog: None)
    assert dialogs.ask_save_path(None, "t", ".docx") is None


def test_ask_save_path_adds_missing_extension_to_accented_path(monkeypatch, tmp_path):
    monkeypatch.undo()
    typed = str(tmp_path / "Hélène" / "Documents" / "appel")
    seen = []
    monkeypatch.setattr(dialogs, "exec_file_dialog", lambda dialog: seen.append(dialog) or typed)
    assert dialogs.ask_save_path(None, "t", ".docx", "tender.docx") == Path(typed + ".docx")
    assert seen[0].acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialogs.with_suffix_added("x.DOCX", ".docx") == Path("x.DOCX")
    assert dialogs.with_suffix_added("a.b", ".tender") == Path("a.b.tender")


def test_dialogs_open_in_an_existing_folder(monkeypatch, tmp_path):
    """Item 15: never a missing "Documents" folder; the home folder instead."""
    missing = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda kind: str(missing)))
    assert dialogs.documents_folder() == Path.home()
    missing.mkdir()
    assert dialogs.documents_folder() == missing
    monkeypatch.undo()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda kind: str(missing)))
    seen = []
    monkeypatch.setattr(dialogs, "exec_file_dialog", lambda dialog: seen.append(dialog) or None)
    assert dialogs.ask_folder(None, "Export") is None
    assert Path(seen[0].directory().absolutePath()) == missing
    assert seen[0].fileMode() == QFileDialog.FileMode.Directory


def test_french_file_dialog_is_all_french(qapp):
    """Item 15: Qt's catalogue lacks "&Look in:" and "Files of &type:"; ours fills in."""
    apply_language("fr")
    dialog = dialogs.file_dialog(None, "Exporter", Path.home(), "Documents Word (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.show()
    try:
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "&Voir dans\u00a0:" in labels and "Fichiers de &type\u00a0:" in labels
        assert not [text for text in labels if "Look in" in text or "Files of" in text]
        assert dialog.width() >= dialog.fontMetrics().averageCharWidth() * 120
        header = dialog.findChild(QTreeView).header()
        assert header.model().headerData(3, Qt.Orientation.Horizontal) == "Dernière modification"
        assert header.sectionSize(3) >= header.sectionSizeHint(3)  # the header is not cut
    finally:
        dialog.close()
    apply_language("en")
    assert QApplication.translate("QFileDialog", "&Look in:") == "&Look in:"


def test_new_project_cancel_does_nothing_k16(window, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: None)
    window.actions_by_name["new"].trigger()
    assert window.ctx is None
    assert list(tmp_path.glob("*.tender")) == []


def test_non_project_file_shows_a_clear_error(window, errors, tmp_path):
    path = tmp_path / "notes.tender"
    path.write_text("not a project", encoding="utf-8")
    assert window.open_path(path) is False
    assert errors == ["This file is not an Open Procurement Wizard project.\n" + str(path)]
    assert "Traceback" not in errors[0]
    assert window.ctx is None
    assert path.read_text(encoding="utf-8") == "not a project"


def test_locked_file_opens_read_only_when_accepted(window, monkeypatch, tmp_path):
    path = tmp_path / "shared.tender"
    other = ProjectFile.create(path)
    try:
        asked = []
        monkeypatch.setattr(dialogs, "ask_read_only", lambda parent, message: asked.append(message) or True)
        assert window.open_path(path) is True
        assert asked and "already open" in asked[0]
        assert window.ctx.read_only
        page = window.wizard.currentPage()
        assert page.binder.widgets["info.organization"].isReadOnly()
        assert not page.tables["authors"].add_button.isEnabled()
    finally:
        window.close_project()
        other.close()


def test_save_as_continues_in_the_copy(open_window, monkeypatch, tmp_path):
    page = open_window.wizard.currentPage()
    page.binder.widgets["info.organization"].setText("Town of Example")
    target = tmp_path / "copy.tender"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    open_window.actions_by_name["save_as"].trigger()
    assert open_window.ctx.pf.path == target
    assert open_window.ctx.project.info.organization == "Town of Example"


def test_history_lists_the_journal(open_window, monkeypatch):
    open_window.wizard.currentPage().binder.widgets["info.title"].setText("Map")
    shown = []
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: shown.append(dialog) or 0)
    open_window.actions_by_name["history"].trigger()
    table = shown[0].findChild(QTableWidget, "history")
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert ["Project › Tender title", "", "Map"] in [row[1:] for row in rows]
    assert not any('"' in cell for row in rows for cell in row)  # values without JSON quotes
    assert all("T" not in row[0] and "+00:00" not in row[0] for row in rows)  # a local, written time
