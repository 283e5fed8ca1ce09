"""Undo, redo and restore from the journal (project_file/undo.py): each user action
taken back as one, the file's exact values put back, never past the published baseline."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from wizard.core import ops
from wizard.core.domain import matrix_csv
from wizard.core.examples import load_example
from wizard.core.model import Criterion, Project
from wizard.core.project_file import jsonio, undo
from wizard.core.project_file.store import ProjectFile, WriteFailed


@pytest.fixture
def pf(tmp_path):
    with ProjectFile.create(tmp_path / "p.tender", load_example("office-suite"), origin="example") as opened:
        yield opened


def _file(pf: ProjectFile) -> dict:
    """Every value the file holds, as JSON (read again from the file, not from memory)."""
    with ProjectFile.open(pf.path, read_only=True) as other:
        return json.loads(jsonio.dumps(other.project))


def _memory(pf: ProjectFile) -> dict:
    return json.loads(jsonio.dumps(pf.project))


def test_a_new_project_has_nothing_to_undo(pf):
    assert undo.next_undo(pf) is None
    with pytest.raises(undo.NothingToUndo):
        ops.undo(pf)
    with pytest.raises(undo.NothingToUndo):
        ops.redo(pf)


def test_undo_and_redo_a_text_edit(pf):
    before = _file(pf)
    old = pf.project.problem.statement
    ops.edit_section(pf, replace(pf.project.problem, statement="Typed by the user", context="Also"))
    after = _file(pf)
    assert after["problem"]["statement"] == "Typed by the user"
    action = ops.undo(pf)
    assert [r["field"] for r in action.changes] == ["problem.statement", "problem.context"]
    assert pf.project.problem.statement == old
    assert _file(pf) == before == _memory(pf)
    ops.redo(pf)
    assert _file(pf) == after == _memory(pf)
    ops.undo(pf)
    assert _file(pf) == before


def test_undo_a_table_edit_and_a_matrix_click(pf):
    before = _file(pf)
    criterion = pf.project.criteria[0]
    ops.update(pf, Criterion, criterion.id, text="Changed in the table", kind="optional")
    cell = pf.project.support[0]
    level = "no" if cell.level != "no" else "yes"
    ops.set_support(pf, solution_id=cell.solution_id, feature_id=cell.feature_id, level=level)
    clicked = _file(pf)
    ops.undo(pf)  # the matrix click
    assert pf.project.support[0].level == cell.level
    assert pf.project.criteria[0].text == "Changed in the table"
    ops.undo(pf)  # the table edit
    assert _file(pf) == before == _memory(pf)
    ops.redo(pf)
    ops.redo(pf)
    assert _file(pf) == clicked == _memory(pf)


def test_undo_a_row_deletion_with_its_cost_lines_and_translations(pf):
    option = pf.project.tco_options[0]
    assert any(line.option_id == option.id for line in pf.project.cost_lines)
    ops.set_translation(pf, address=f"tco_options:{option.id}.name", lang="fr", text="Rester sur place")
    before = _file(pf)
    ops.delete(pf, option)
    assert not any(line.option_id == option.id for line in pf.project.cost_lines)
    assert not any(t.address.startswith(f"tco_options:{option.id}.") for t in pf.project.translations)
    action = ops.undo(pf)
    fields = [r["field"] for r in action.changes]
    assert f"tco_options:{option.id}" in fields and any(f.startswith("cost_lines:") for f in fields)
    assert any(f.startswith("translations:") for f in fields)
    assert _file(pf) == before == _memory(pf)  # every row back, in its place, with its id


def test_undo_an_added_row_deletes_it_and_redo_brings_the_same_row(pf):
    before = _file(pf)
    added = ops.add(pf, Criterion(text="Works offline", kind="mandatory"))
    after = _file(pf)
    ops.undo(pf)
    assert pf.project.find_row(Criterion, added.id) is None
    assert _file(pf) == before
    ops.redo(pf)
    assert pf.project.find_row(Criterion, added.id) == added
    assert _file(pf) == after


def test_a_csv_import_undoes_as_one_action(pf):
    before = _file(pf)
    data = matrix_csv.export_matrix(pf.project).replace(b"Nimbus Workspace,", b"Nimbus Workspace 2,")
    summary = ops.import_matrix(pf, data=data)
    assert summary.new_solutions == 1
    assert _file(pf) != before
    ops.undo(pf)
    assert _file(pf) == before == _memory(pf)


def test_a_new_edit_after_an_undo_empties_redo(pf):
    ops.edit_section(pf, replace(pf.project.problem, statement="One"))
    ops.undo(pf)
    assert undo.next_redo(pf) is not None
    ops.edit_section(pf, replace(pf.project.problem, statement="Two"))
    assert undo.next_redo(pf) is None
    with pytest.raises(undo.NothingToUndo):
        ops.redo(pf)


def test_undo_goes_back_action_by_action_and_survives_reopening(pf, tmp_path):
    first = _file(pf)
    ops.edit_section(pf, replace(pf.project.problem, statement="One"))
    second = _file(pf)
    ops.edit_section(pf, replace(pf.project.problem, statement="Two"))
    path = pf.path
    pf.close()
    with ProjectFile.open(path) as again:
        ops.undo(again)
        assert _file(again) == second
        ops.undo(again)
        assert _file(again) == first
        with pytest.raises(undo.NothingToUndo):  # the example's arrival has no way back
            ops.undo(again)


def test_undo_never_crosses_the_published_baseline(pf):
    ops.edit_section(pf, replace(pf.project.problem, statement="Before publication"))
    entry = pf.history()[0]["id"]
    pf.mark(undo.PUBLISHED, "2027-01-10")
    with pytest.raises(undo.NothingToUndo):
        ops.undo(pf)
    with pytest.raises(undo.NothingToUndo):
        ops.restore_version(pf, entry_id=entry - 1)
    ops.edit_section(pf, replace(pf.project.problem, statement="An addendum"))
    ops.undo(pf)  # after the baseline: undone
    assert pf.project.problem.statement == "Before publication"
    with pytest.raises(undo.NothingToUndo):
        ops.undo(pf)


def test_restore_a_version_as_one_undoable_action(pf):
    ops.edit_section(pf, replace(pf.project.problem, statement="One"))
    entry = pf.history()[0]["id"]
    version = _file(pf)
    ops.edit_section(pf, replace(pf.project.problem, statement="Two"))
    ops.delete(pf, pf.project.tco_options[0])
    ops.add(pf, Criterion(text="Three"))
    latest = _file(pf)
    ops.restore_version(pf, entry_id=entry)
    assert _file(pf) == version == _memory(pf)
    assert pf.history()[-1]["field"] != undo.RESTORE and undo.next_undo(pf).marker == undo.RESTORE
    ops.undo(pf)
    assert _file(pf) == latest == _memory(pf)
    with pytest.raises(undo.NothingToUndo):
        ops.restore_version(pf, entry_id=pf.history()[0]["id"])  # the current version


def test_undo_a_replaced_project(pf):
    before = _file(pf)
    ops.replace_project(pf, project=load_example("training"))
    assert _file(pf) != before
    ops.undo(pf)
    assert _file(pf) == before == _memory(pf)


def test_rows_of_one_action_share_its_number_in_the_file(pf):
    option = pf.project.tco_options[0]
    ops.delete(pf, option)
    conn = sqlite3.connect(pf.path)
    try:
        rows = conn.execute("SELECT field, action FROM journal ORDER BY id").fetchall()
    finally:
        conn.close()
    deleted = [action for field, action in rows if field.startswith(("cost_lines:", "tco_options:"))]
    assert len(deleted) > 1 and len(set(deleted)) == 1 and deleted[0] is not None


def test_a_failed_undo_changes_nothing(pf, monkeypatch):
    ops.delete(pf, pf.project.tco_options[0])  # several rows: the failure comes after one
    before = _file(pf)
    real = undo._put

    def broken(*args, **kwargs):
        real(*args, **kwargs)
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(undo, "_put", broken)
    with pytest.raises(WriteFailed):
        ops.undo(pf)
    assert _file(pf) == before == _memory(pf)
    assert undo.next_undo(pf) is not None


def test_an_empty_project_compares_equal(tmp_path):
    with ProjectFile.create(tmp_path / "e.tender", Project()) as pf:
        ops.edit_section(pf, replace(pf.project.problem, statement="x"))
        ops.undo(pf)
        assert _memory(pf) == json.loads(jsonio.dumps(Project()))


def test_undo_a_translation_typed_then_changed(pf):
    address = f"criteria:{pf.project.criteria[0].id}.text"
    ops.set_translation(pf, address=address, lang="fr", text="")  # the example's own version: gone
    assert not any(t.address == address for t in pf.project.translations)
    before = _file(pf)
    ops.set_translation(pf, address=address, lang="fr", text="La suite fonctionne hors ligne.")
    typed = _file(pf)
    ops.set_translation(pf, address=address, lang="fr", text="La suite fonctionne sans réseau.")
    ops.undo(pf)
    assert _file(pf) == typed
    ops.undo(pf)
    assert _file(pf) == before == _memory(pf)
    assert not any(t.address == address for t in pf.project.translations)
