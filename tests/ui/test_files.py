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


def _malformed(tmp_path):
    import shutil
    import sqlite3

    path = tmp_path / "reçu.tender"
    shutil.copy2(Path(__file__).resolve().parents[1] / "data" / "v1" / "training.tender", path)
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE fields SET value = ? WHERE key = 'problem.statement'", ("[" * 100_000 + "]" * 100_000,)
    )
    conn.commit()
    conn.close()
    return path


def test_the_app_started_with_a_malformed_file_says_why_and_stays_usable(
    errors, monkeypatch, tmp_path, qtbot
):
    """``python main.py FILE`` with a file the app refuses (issue #14, point 5): the
    message shows in a window, the file keeps its bytes, another project opens."""
    import sys

    from PySide6.QtWidgets import QApplication

    from wizard.ui import app
    from wizard.ui.main_window import MainWindow

    path = _malformed(tmp_path)
    before = path.read_bytes()
    good = tmp_path / "good.tender"
    ProjectFile.create(good).close()
    seen = {}

    def run_instead_of_exec(self):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["before"] = window.ctx
        seen["opened"] = window.open_path(good)
        seen["after"] = window.ctx.pf.path if window.ctx else None
        window.close_project()
        window.close()
        return 0

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QApplication, "exec", run_instead_of_exec)
    assert app.run_app([str(path)]) == 0
    assert len(errors) == 1
    assert "does not accept" in errors[0] and "problem.statement" in errors[0] and "reçu.tender" in errors[0]
    assert "Traceback" not in errors[0] and len(errors[0]) < 500
    assert seen == {"before": None, "opened": True, "after": good}
    assert path.read_bytes() == before


def test_save_as_onto_a_project_open_elsewhere_is_refused_k22(open_window, errors, monkeypatch, tmp_path):
    other = ProjectFile.create(tmp_path / "other.tender")
    try:
        other.set_field("info", "organization", "Ville de Lac-Vert")
        before = other.path.read_bytes()
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: other.path)
        open_window.actions_by_name["save_as"].trigger()
        assert open_window.ctx.pf.path == tmp_path / "p.tender"  # still in its own project
        assert len(errors) == 1 and "not written" in errors[0] and "already open" in errors[0]
        assert other.path.read_bytes() == before
        other.set_field("info", "title", "still mine")
    finally:
        other.close()


def test_a_text_over_the_limit_is_refused_with_a_clear_message(open_window, errors):
    from dataclasses import replace

    from wizard.core import ops
    from wizard.core.project_file.codec import MAX_TEXT

    ctx = open_window.ctx
    problem = replace(ctx.project.problem, statement="x" * (MAX_TEXT + 1))
    assert ctx.do(ops.edit_section, problem) is None
    assert len(errors) == 1 and "too long" in errors[0] and "100 001" in errors[0]
    assert ctx.project.problem.statement == ""
