"""Migrations of the project file (docs/file-format.md): a backup copy first, outside any
transaction, foreign keys off while tables change, then ``foreign_key_check`` and
``integrity_check``; a failed migration leaves the original bytes.

There is only schema 1 today, so each test makes a "schema 2" (and 3) by patching
``SCHEMAS``, ``MIGRATIONS`` and ``SCHEMA_VERSION``, the way a new model field will
arrive: the older schema lacks the new column, the newer one has it, and the migration
adds it with explicit SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from wizard.core.model import Criterion, Feature, Project, Solution, Support
from wizard.core.project_file import migrations, schemas, store
from wizard.core.project_file.store import MigrationFailed, ProjectFile

ADD_VERIFICATION = "ALTER TABLE criteria ADD COLUMN verification TEXT NOT NULL DEFAULT 'scenario'"
"""The migration that brings the older schema's criteria table to the current model."""


def add_verification(db) -> None:
    db.execute(ADD_VERIFICATION)


def _older_file(path: Path) -> Path:
    """A schema-1 file written before ``Criterion.verification`` existed (its frozen
    schema made to match: the schema 1 of this test has no such column)."""
    project = Project()
    project.info.organization = "Municipalité de Val-des-Cèdres"
    project.solutions = [Solution(id=1, name="Solution A"), Solution(id=2, name="Solution B")]
    project.features = [Feature(id=1, name="Géolocalisation en temps réel")]
    project.support = [Support(id=1, solution_id=1, feature_id=1, level="yes")]
    project.criteria = [Criterion(id=1, text="Conforme aux WCAG 2.1 AA", verification="document")]
    ProjectFile.create(path, project).close()
    db = sqlite_utils.Database(path)
    db["criteria"].transform(drop={"verification"})
    db.conn.execute("VACUUM")
    db.conn.close()
    return path


def _older_schema() -> str:
    conn = sqlite3.connect(":memory:")
    conn.executescript(schemas.SCHEMA_V1)
    sqlite_utils.Database(conn)["criteria"].transform(drop={"verification"})
    sql = (
        ";\n".join(row[0] for row in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
        + ";\n"
    )
    conn.close()
    return sql


def _schema_sql(conn) -> str:
    return (
        ";\n".join(row[0] for row in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))
        + ";\n"
    )


def _newer_schema() -> str:
    """Schema 1 of this test with the new column as ``add_verification`` adds it."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(_older_schema())
    conn.execute(ADD_VERIFICATION)
    sql = _schema_sql(conn)
    conn.close()
    return sql


def _use_schema(monkeypatch, steps: dict, frozen: dict | None = None) -> None:
    """Make each step a migration; its frozen schema is what the step leaves of the
    previous one (written as SQLite stores it, as a real frozen schema must be), unless
    ``frozen`` gives it (a step that fails, or one that misses its schema)."""
    older = _older_schema()
    monkeypatch.setitem(schemas.SCHEMAS, 1, older)
    conn = sqlite3.connect(":memory:")
    conn.executescript(older)
    db = sqlite_utils.Database(conn)
    for version, step in steps.items():
        monkeypatch.setitem(migrations.MIGRATIONS, version, step)
        if frozen and version in frozen:
            sql = frozen[version]
        else:
            try:
                step(db)
                sql = _schema_sql(conn)
            except Exception:
                sql = _newer_schema()
        monkeypatch.setitem(schemas.SCHEMAS, version, sql)
    conn.close()
    latest = max(migrations.MIGRATIONS)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", latest)
    monkeypatch.setattr(store, "SCHEMA_VERSION", latest)


def _pragmas(path: Path) -> tuple[int, list, str, list[str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (
            conn.execute("PRAGMA user_version").fetchone()[0],
            conn.execute("PRAGMA foreign_key_check").fetchall(),
            conn.execute("PRAGMA integrity_check").fetchone()[0],
            [row[1] for row in conn.execute("PRAGMA table_info(criteria)")],
        )
    finally:
        conn.close()


def test_migration_backs_up_then_adds_the_new_column(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()
    seen = {}

    def v2(db):
        backup = path.with_name("ao.tender.v1.bak")
        seen["backup at start"] = backup.read_bytes() == original
        seen["foreign keys"] = db.execute("PRAGMA foreign_keys").fetchone()[0]
        add_verification(db)

    _use_schema(monkeypatch, {2: v2})
    with ProjectFile.open(path) as pf:
        assert pf.project.criteria == [Criterion(id=1, text="Conforme aux WCAG 2.1 AA")]
        assert pf.project.support[0].solution_id == 1
        assert pf.project.info.organization == "Municipalité de Val-des-Cèdres"
        pf.update_row("criteria", 1, verification="scenario")
    assert seen == {"backup at start": True, "foreign keys": 0}
    assert (tmp_path / "ao.tender.v1.bak").read_bytes() == original
    version, fk_problems, integrity, columns = _pragmas(path)
    assert (version, fk_problems, integrity) == (2, [], "ok")
    assert "verification" in columns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ao.tender", "ao.tender.v1.bak"]
    with ProjectFile.open(path) as pf:  # already current: no second migration
        assert pf.project.criteria[0].verification == "scenario"
    assert (tmp_path / "ao.tender.v1.bak").read_bytes() == original


def test_migration_that_raises_midway_leaves_the_original_bytes(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v2(db):
        add_verification(db)
        db["criteria"].delete_where()
        raise RuntimeError("bug in migration 2")

    _use_schema(monkeypatch, {2: v2})
    with pytest.raises(MigrationFailed) as info:
        ProjectFile.open(path)
    message = str(info.value)
    assert "ao.tender" in message and "bug in migration 2" in message
    assert "mis à jour" in message and "brought up to date" in message
    assert path.read_bytes() == original
    assert (tmp_path / "ao.tender.v1.bak").read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ao.tender", "ao.tender.v1.bak"]  # no lock left


def test_two_steps_second_fails_nothing_of_the_first_stays(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v3(db):
        db["journal"].insert({"at": "now", "field": "x", "old": "", "new": ""})
        raise ValueError("bad data in v3")

    _use_schema(monkeypatch, {2: add_verification, 3: v3})
    with pytest.raises(MigrationFailed):
        ProjectFile.open(path)
    assert path.read_bytes() == original
    assert _pragmas(path)[0] == 1  # not left at 2


def test_migration_that_breaks_a_link_is_undone(tmp_path, monkeypatch):
    """Foreign keys are off while tables change, so only ``foreign_key_check`` at the end
    can see a dangling matrix cell."""
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v2(db):
        add_verification(db)
        db["solutions"].delete(1)  # support:1 still points at it

    _use_schema(monkeypatch, {2: v2})
    with pytest.raises(MigrationFailed) as info:
        ProjectFile.open(path)
    assert "after migration" in str(info.value) and "support" in str(info.value)
    assert path.read_bytes() == original


def test_parent_table_rebuilt_with_links_kept(tmp_path, monkeypatch):
    """A migration may rebuild a table others point at (sqlite-utils ``transform``)."""
    path = _older_file(tmp_path / "ao.tender")

    def v2(db):
        add_verification(db)
        db["solutions"].transform(column_order=("id", "vendor", "name"))

    _use_schema(monkeypatch, {2: v2})
    with ProjectFile.open(path) as pf:
        assert [s.name for s in pf.project.solutions] == ["Solution A", "Solution B"]
        assert [(s.solution_id, s.feature_id) for s in pf.project.support] == [(1, 1)]
    assert _pragmas(path)[:3] == (2, [], "ok")


def test_read_only_view_of_an_older_file_does_not_migrate(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()
    _use_schema(monkeypatch, {2: add_verification})
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project.criteria[0].text == "Conforme aux WCAG 2.1 AA"
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["ao.tender"]


def test_migration_whose_result_is_not_the_frozen_schema_is_undone(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v2(db):
        db.execute("ALTER TABLE criteria ADD COLUMN verificaton TEXT")  # misspelt

    _use_schema(monkeypatch, {2: v2}, frozen={2: _newer_schema()})
    with pytest.raises(MigrationFailed) as info:
        ProjectFile.open(path)
    assert "missing column verification" in str(info.value)
    assert path.read_bytes() == original
