"""The file format is a promise: files of every earlier version open, and a file whose
schema is not its version's frozen schema is refused, byte for byte untouched.

``tests/data/v1/`` holds the three bundled examples as created by the first release
(commit c9501fb, schema 1), each with the JSON its ``dump`` printed then. A later
version adds its own folder, made by the commit that introduces it (``tests/data/v2/``:
schema 2, issue 15, where ``vendor_exchanges.helped_drafting`` became ``drafting``;
``tests/data/v3/``: schema 3, issue 16, the ``translations`` list and
``info.text_language``; ``tests/data/v4/``: schema 4, issue 24, ``journal.action``; ``tests/data/v5/``: schema 5,
issue 21, the publication and addenda tables; ``tests/data/v6/``: schema 6, issue 22,
the bids tables, the ``training`` example published with its addendum and its bids;
``tests/data/v7/``: schema 7, issue 23, the contract's follow-up tables;
``tests/data/v8/``: schema 8, issue 22, the points on Québec's quality grid).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from wizard.cli import main as cli_main
from wizard.core.model import ENTITIES
from wizard.core.project_file import codec, jsonio, schemas
from wizard.core.project_file.migrations import SCHEMA_VERSION
from wizard.core.project_file.store import ProjectFile, SchemaMismatch

DATA = Path(__file__).resolve().parents[1] / "data"
STORED = sorted(DATA.glob("v*/*.tender"))


RENAMED = {
    ("v1", "vendor_exchanges", "helped_drafting"): ("drafting", {True: "helped_draft", False: "none"}),
}
"""A field a later version renamed: (folder, entity list, old name) → (new name, old
value → new value). Schema 2 turned the "excluded" flag into what the vendor did."""


RECORDS = ("publishing", "bids", "contract")
"""Keys of the dump that are records beside the model (publication, bids, contract), not
sections: ``jsonio.dumps(project)`` does not carry them; their tests read them."""


@pytest.mark.parametrize("version", ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"])
def test_stored_files_cover_every_example_of_each_version(version):
    assert [p.name for p in STORED if p.parent.name == version] == [
        "emergency-perimeter.tender",
        "office-suite.tender",
        "training.tender",
    ]


@pytest.mark.parametrize("read_only", [False, True], ids=["migrated", "read-only"])
@pytest.mark.parametrize("stored", STORED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_stored_file_opens_migrates_and_keeps_every_value(tmp_path, stored, read_only):
    """Every value of the stored dump survives, a renamed field under its new name with
    its value mapped; a read-only view reads the older file as the migration would."""
    path = tmp_path / stored.name
    shutil.copy2(stored, path)
    before = path.read_bytes()
    then = json.loads(stored.with_suffix(".json").read_text(encoding="utf-8"))
    with ProjectFile.open(path, read_only=read_only) as pf:
        now = json.loads(jsonio.dumps(pf.project))
    assert then["format"] == now["format"]
    for section, values in then.items():
        if not isinstance(values, (dict, list)) or section in RECORDS:
            continue
        if isinstance(values, dict):
            for name, value in values.items():
                assert now[section][name] == value, f"{section}.{name}"
        else:
            assert len(now[section]) == len(values), section
            for old, new in zip(values, now[section], strict=True):
                for name, value in old.items():
                    renamed = RENAMED.get((stored.parent.name, section, name))
                    if renamed is not None:
                        assert name not in new, f"{section}:{old['id']}.{name}"
                        name, value = renamed[0], renamed[1][value]
                    assert new[name] == value, f"{section}:{old['id']}.{name}"
    _every_text_in_its_language_slot(then, pf.project)
    if read_only:
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == [stored.name]
        return
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert schemas.differences(schemas.shape_of(conn), schemas.expected_shape(SCHEMA_VERSION)) == []
    finally:
        conn.close()


def _every_text_in_its_language_slot(then: dict, project) -> None:
    """Issue 16: a file older than schema 3 holds its texts in its binding language;
    once opened they are that language's version (``info.text_language``), each read
    back by ``text_in`` in that language, and none has a version in the other yet."""
    from wizard.core.model import translatable

    info = then["info"]
    typed = info.get("text_language") or (
        info["tender_languages"] if info["tender_languages"] in ("fr", "en") else info["binding_language"]
    )
    assert project.info.text_language == typed
    found = list(translatable.texts(project))
    assert len([t for _a, t in found if t.strip()]) > 20
    for address, text in found:
        assert translatable.text_in(project, address, typed) == text, address
    if "text_language" not in info:
        assert project.translations == []
        other = translatable.other_language(typed)
        assert translatable.missing(project, other) == [
            a for a, t in found if translatable.needs_translation(t)
        ]


def test_a_new_file_has_the_frozen_schema(tmp_path):
    ProjectFile.create(tmp_path / "new.tender").close()
    conn = sqlite3.connect(tmp_path / "new.tender")
    try:
        assert schemas.differences(schemas.shape_of(conn), schemas.expected_shape(SCHEMA_VERSION)) == []
    finally:
        conn.close()


def test_the_model_matches_the_latest_schema():
    """A model field without a migration (or the reverse) fails here, not in a town."""
    shape = schemas.expected_shape(SCHEMA_VERSION)
    for kind, cls in ENTITIES.items():
        columns = {c[0]: c[1] for c in shape.tables[kind]}
        wanted = {name: codec.column_type(t).__name__ for name, t in codec.field_types(cls).items()}
        sql_type = {"str": "TEXT", "int": "INTEGER", "float": "FLOAT"}
        assert {n: sql_type.get(t, t.upper()) for n, t in wanted.items()} == columns, kind


def _damaged(tmp_path: Path, sql: str) -> Path:
    path = tmp_path / "received.tender"
    shutil.copy2(DATA / "v1" / "training.tender", path)
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return path


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("ALTER TABLE criteria DROP COLUMN verification", "missing column verification"),
        ("ALTER TABLE criteria ADD COLUMN score INTEGER", "unexpected column score"),
        ("CREATE TABLE notes (id INTEGER PRIMARY KEY)", "unexpected table notes"),
        ("DROP TABLE extra_brands", "missing table extra_brands"),
        (
            "CREATE TRIGGER wipe AFTER UPDATE ON fields BEGIN DELETE FROM criteria; END",
            "unexpected trigger wipe",
        ),
        ("CREATE VIEW everything AS SELECT * FROM criteria", "unexpected view everything"),
        ("CREATE INDEX by_text ON criteria(text)", "unexpected index by_text"),
    ],
)
def test_a_file_unlike_its_version_is_refused_untouched(tmp_path, sql, named):
    path = _damaged(tmp_path, sql)
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(SchemaMismatch) as caught:
            ProjectFile.open(path, read_only=read_only)
        message = str(caught.value)
        assert named in message and "received.tender" in message
        assert "structure" in message and "n’a pas la structure" in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["received.tender"]


K24_CASES = [
    (
        "CREATE TRIGGER keep_quiet AFTER INSERT ON journal BEGIN DELETE FROM criteria; END",
        ["unexpected trigger keep_quiet"],
    ),
    (
        "CREATE TABLE saved AS SELECT * FROM criteria; DROP TABLE criteria;"
        " CREATE VIEW criteria AS SELECT * FROM saved",
        ["missing table criteria", "unexpected view criteria"],
    ),
    (
        "CREATE INDEX by_text ON criteria(text); CREATE UNIQUE INDEX by_key ON fields(key, value)",
        ["unexpected index by_key", "unexpected index by_text"],
    ),
]


@pytest.mark.parametrize(("sql", "named"), K24_CASES)
def test_k24_received_schema_objects_are_refused_by_name(tmp_path, capsys, sql, named):
    """docs/cases.md K24: a trigger that would wipe the criteria on the next edit, a
    view standing in for one of our tables, extra indexes. ``open`` and ``check`` refuse
    them by name, nothing runs, no byte changes."""
    path = _damaged(tmp_path, sql)
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(SchemaMismatch) as caught:
            ProjectFile.open(path, read_only=read_only)
        assert all(name in str(caught.value) for name in named)
    assert cli_main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert all(name in err for name in named) and "Traceback" not in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["received.tender"]


@pytest.mark.parametrize(
    "constraint",
    ['"text" TEXT CHECK (length("text") < 5000)', '"text" TEXT COLLATE NOCASE', '"text" TEXT UNIQUE'],
)
def test_a_table_constraint_no_column_list_shows_is_refused(tmp_path, constraint):
    """A rebuilt table with a CHECK, a collation or a UNIQUE constraint has the same
    columns, yet makes edits fail later: its definition is compared too."""
    path = tmp_path / "received.tender"
    shutil.copy2(DATA / "v1" / "training.tender", path)
    conn = sqlite3.connect(path)
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'criteria'").fetchone()[0]
    conn.executescript(
        "PRAGMA foreign_keys=OFF; BEGIN;"
        f"CREATE TABLE criteria_new {sql.split('(', 1)[1].replace(chr(34) + 'text' + chr(34) + ' TEXT', constraint).join(['(', ''])};"
        "INSERT INTO criteria_new SELECT * FROM criteria; DROP TABLE criteria;"
        "ALTER TABLE criteria_new RENAME TO criteria; COMMIT;"
    )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaMismatch) as caught:
        ProjectFile.open(path)
    assert "table criteria" in str(caught.value)
    assert path.read_bytes() == before
