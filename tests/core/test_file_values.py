"""Malformed values in a project file or a JSON file, and the size of a text
(issue #14, points 5 and 8; docs/file-format.md, "Limits"). Each case gets a clear
refusal or is read safely; a refused file keeps its bytes; no traceback."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from wizard.cli import main as cli_main
from wizard.core.model import Criterion, Project
from wizard.core.project_file import codec, jsonio
from wizard.core.project_file.store import InvalidValue, ProjectFile

DATA = Path(__file__).resolve().parents[1] / "data"


def _file(tmp_path: Path, *statements: str, params: tuple = ()) -> Path:
    """The stored ``training`` example, changed by raw SQL (foreign keys off, as any
    other program would write it)."""
    path = tmp_path / "received.tender"
    shutil.copy2(DATA / "v1" / "training.tender", path)
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement, params if "?" in statement else ())
    conn.commit()
    conn.close()
    return path


def _refused(tmp_path: Path, path: Path, capsys, *named: str) -> str:
    """``open`` (both ways) and ``check`` refuse ``path`` naming ``named``; no byte changes."""
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for read_only in (True, False):
        with pytest.raises(InvalidValue) as caught:
            ProjectFile.open(path, read_only=read_only)
        message = str(caught.value)
        assert all(name in message for name in named), message
        assert "n’accepte pas" in message and "does not accept" in message
        assert len(message) < 400  # the value is not printed whole
    assert cli_main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert all(name in err for name in named) and len(err.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    return message


def _round_trips(path: Path) -> Project:
    with ProjectFile.open(path, read_only=True) as pf:
        project = pf.project
    assert jsonio.dumps(jsonio.loads(jsonio.dumps(project))) == jsonio.dumps(project)
    return project


# -- point 5: malformed values -----------------------------------------------------------


def test_null_in_fields_value_reads_as_the_default(tmp_path):
    path = _file(tmp_path, "UPDATE fields SET value = NULL WHERE key = 'problem.statement'")
    before = path.read_bytes()
    assert _round_trips(path).problem.statement == ""
    assert path.read_bytes() == before
    with ProjectFile.open(path) as pf:  # and the field can be written again
        pf.set_field("problem", "statement", "Réduire les délais")
    assert _round_trips(path).problem.statement == "Réduire les délais"


def test_deeply_nested_json_in_a_field_is_refused(tmp_path, capsys):
    deep = "[" * 200_000 + "]" * 200_000
    path = _file(tmp_path, "UPDATE fields SET value = ? WHERE key = 'problem.statement'", params=(deep,))
    _refused(tmp_path, path, capsys, "problem.statement")


def test_deeply_nested_json_in_an_id_list_column_is_refused(tmp_path, capsys):
    deep = "[" * 50_000 + "]" * 50_000
    path = _file(tmp_path, "UPDATE criteria SET feature_ids = ?", params=(deep,))
    _refused(tmp_path, path, capsys, "criteria.feature_ids")


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("'not json'", "problem.statement"),
        ("'12'", "problem.statement"),  # JSON, but not a text
        ("x'00ff'", "problem.statement"),  # a blob
        ("'" + "1" * 5000 + "'", "problem.statement"),  # a number past Python's 4300 digits
    ],
)
def test_a_field_value_of_the_wrong_kind_is_refused(tmp_path, capsys, value, named):
    path = _file(tmp_path, f"UPDATE fields SET value = {value} WHERE key = 'problem.statement'")
    _refused(tmp_path, path, capsys, named)


def test_a_row_pointing_at_a_missing_row_is_refused(tmp_path, capsys):
    """Such a file used to open and ``dump``, and its dump was then refused by ``load``:
    reading a file now runs the same checks as ``load``."""
    path = _file(tmp_path, "INSERT INTO support (solution_id, feature_id, level) VALUES (999, 1, 'yes')")
    _refused(tmp_path, path, capsys, "support", "999")


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["cost_lines"][0].update(year=2**70), "year in cost_lines, row 1 (id 1)"),
        (lambda d: d["criteria"][0].update(feature_ids=[2**64]), "feature_ids in criteria, row 1 (id 1)"),
        (lambda d: d["criteria"].append(dict(d["criteria"][0])), "repeats the id"),
        (lambda d: d["problem"].update(statement="x" * (codec.MAX_TEXT + 1)), "problem.statement"),
    ],
)
def test_load_refuses_what_the_file_cannot_hold(tmp_path, capsys, change, named):
    data = json.loads((DATA / "v1" / "training.json").read_text(encoding="utf-8"))
    change(data)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(jsonio.ProjectJsonError, match=re.escape(named)):
        jsonio.load_file(source)
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 2
    err = capsys.readouterr().err
    assert named in err and len(err.strip().splitlines()) == 1 and len(err) < 600
    assert not (tmp_path / "out.tender").exists()


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "[" * 100_000 + "]" * 100_000,
            "le JSON est imbriqué trop profondément / This JSON file cannot be loaded: the JSON is nested too deeply",
        ),
        (
            '{"format": ' + "9" * 5000 + "}",
            "un nombre compte plus de 4\u00a0300 chiffres / This JSON file cannot be loaded: a number has more than 4,300 digits",
        ),
    ],
)
def test_load_refuses_json_python_cannot_follow(tmp_path, capsys, text, said):
    with pytest.raises(jsonio.ProjectJsonError, match="invalid JSON"):
        jsonio.loads(text)
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    assert cli_main(["load", str(source), str(tmp_path / "out.tender")]) == 2
    assert capsys.readouterr().err == f"Ce fichier JSON ne peut pas être chargé\u00a0: {said} ({source})\n"


# -- point 8: the size of a text -----------------------------------------------------------


def test_a_text_of_the_limit_is_kept_and_one_more_character_is_refused(project_file):
    longest = "é" * codec.MAX_TEXT
    project_file.set_field("problem", "statement", longest)
    history = project_file.history()
    with pytest.raises(codec.TextTooLong) as caught:
        project_file.set_field("problem", "context", longest + "!")
    message = str(caught.value)
    assert "trop long" in message and "too long" in message and "100 001" in message
    assert "problem.context" in message and len(message) < 300
    criterion = project_file.add_row("criteria", text="court")
    with pytest.raises(codec.TextTooLong):
        project_file.save_row("criteria", Criterion(id=criterion.id, text=longest + "!"))
    with pytest.raises(codec.TextTooLong):
        project_file.add_row("criteria", text=longest + "!")
    assert project_file.history()[1:] == history and len(project_file.history()) == len(history) + 1
    assert [c.text for c in project_file.project.criteria] == ["court"]
    with ProjectFile.open(project_file.path, read_only=True) as pf:
        assert pf.project.problem.statement == longest
        assert pf.project.problem.context == ""
        assert [c.text for c in pf.project.criteria] == ["court"]


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        ("UPDATE fields SET value = ? WHERE key = 'problem.statement'", "problem.statement"),
        ("UPDATE criteria SET text = ?", "criteria.text"),
    ],
)
def test_a_file_holding_a_longer_text_is_refused(tmp_path, capsys, statement, named):
    text = "x" * (codec.MAX_TEXT + 1)
    value = json.dumps(text) if "fields" in statement else text
    path = _file(tmp_path, statement, params=(value,))
    message = _refused(tmp_path, path, capsys, named)
    assert "too long" in message


@pytest.mark.slow
def test_a_60_mb_field_is_refused_quickly(tmp_path, capsys):
    """It made ``check`` run for minutes; now it is refused in seconds."""
    path = _file(
        tmp_path,
        "UPDATE fields SET value = ? WHERE key = 'problem.statement'",
        params=(json.dumps("x" * 60_000_000),),
    )
    start = time.monotonic()
    _refused(tmp_path, path, capsys, "problem.statement")
    assert time.monotonic() - start < 20
