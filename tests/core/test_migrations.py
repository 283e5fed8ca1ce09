"""Migrations of the project file (SPEC §1): a backup copy first, outside any
transaction, foreign keys off while tables change, then ``foreign_key_check`` and
``integrity_check``; a failed migration leaves the original bytes.

There is only schema 1 today, so each test makes a "schema 2" (and 3) by patching
``MIGRATIONS`` and ``SCHEMA_VERSION``, the way a new model field will arrive: an older
file lacks the new column and :func:`migrations.add_missing_columns` adds it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from wizard.core.model import Criterion, Feature, Project, Solution, Support
from wizard.core.project_file import migrations, store
from wizard.core.project_file.store import MigrationFailed, ProjectFile


def _older_file(path: Path) -> Path:
    """A schema-1 file written before ``Criterion.verification`` existed."""
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


def _use_schema(monkeypatch, steps: dict) -> None:
    for version, step in steps.items():
        monkeypatch.setitem(migrations.MIGRATIONS, version, step)
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
        migrations.add_missing_columns(db)

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
        migrations.add_missing_columns(db)
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

    _use_schema(monkeypatch, {2: migrations.add_missing_columns, 3: v3})
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
        migrations.add_missing_columns(db)
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
        migrations.add_missing_columns(db)
        db["solutions"].transform(column_order=("id", "vendor", "name"))

    _use_schema(monkeypatch, {2: v2})
    with ProjectFile.open(path) as pf:
        assert [s.name for s in pf.project.solutions] == ["Solution A", "Solution B"]
        assert [(s.solution_id, s.feature_id) for s in pf.project.support] == [(1, 1)]
    assert _pragmas(path)[:3] == (2, [], "ok")


def test_read_only_view_of_an_older_file_does_not_migrate(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()
    _use_schema(monkeypatch, {2: migrations.add_missing_columns})
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project.criteria[0].text == "Conforme aux WCAG 2.1 AA"
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["ao.tender"]


def test_add_missing_columns_is_idempotent_and_keeps_rows(tmp_path):
    path = _older_file(tmp_path / "ao.tender")
    db = sqlite_utils.Database(path)
    migrations.add_missing_columns(db)
    migrations.add_missing_columns(db)
    assert list(db["criteria"].rows)[0]["verification"] == Criterion().verification
    assert list(db["criteria"].rows)[0]["text"] == "Conforme aux WCAG 2.1 AA"
    db.conn.close()
