"""Migrations of the project file (docs/file-format.md): a backup copy first, outside any
transaction, foreign keys off while tables change, then ``foreign_key_check`` and
``integrity_check``; a failed migration leaves the original bytes.

The mechanism is tested on versions the tests make up: each test makes a "schema N+1"
(and N+2) after the current one (N = ``SCHEMA_VERSION``) by patching ``SCHEMAS``,
``MIGRATIONS`` and ``SCHEMA_VERSION``, the way a new model field will arrive: the older
schema lacks the new column, the newer one has it, and the migration adds it with
explicit SQL. The real migrations are tested after them (migration 2: the register's
``helped_drafting`` flag becomes ``drafting``) and on the stored files of every version
(``tests/core/test_file_format.py``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from wizard.core.model import Criterion, Feature, Project, Solution, Support
from wizard.core.project_file import migrations, schemas, store
from wizard.core.project_file.store import (
    InvalidValue,
    MigrationFailed,
    ProjectFile,
    SchemaMismatch,
    UpgradeFailed,
)

BASE = migrations.SCHEMA_VERSION
"""The current version: the made-up migrations of these tests come after it."""
DATA = Path(__file__).resolve().parents[1] / "data"

ADD_VERIFICATION = "ALTER TABLE criteria ADD COLUMN verification TEXT NOT NULL DEFAULT 'scenario'"
"""The migration that brings the older schema's criteria table to the current model."""


def add_verification(db) -> None:
    db.execute(ADD_VERIFICATION)


def _older_file(path: Path) -> Path:
    """A file of the current version written before ``Criterion.verification`` existed
    (its frozen schema made to match: the schema ``BASE`` of these tests has no such
    column)."""
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
    conn.executescript(schemas.SCHEMAS[BASE])
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
    """Schema ``BASE`` of these tests with the new column as ``add_verification`` adds it."""
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
    monkeypatch.setitem(schemas.SCHEMAS, BASE, older)
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
        backup = path.with_name(f"ao.tender.v{BASE}.bak")
        seen["backup at start"] = backup.read_bytes() == original
        seen["foreign keys"] = db.execute("PRAGMA foreign_keys").fetchone()[0]
        add_verification(db)

    _use_schema(monkeypatch, {BASE + 1: v2})
    with ProjectFile.open(path) as pf:
        assert pf.project.criteria == [Criterion(id=1, text="Conforme aux WCAG 2.1 AA")]
        assert pf.project.support[0].solution_id == 1
        assert pf.project.info.organization == "Municipalité de Val-des-Cèdres"
        pf.update_row("criteria", 1, verification="scenario")
    assert seen == {"backup at start": True, "foreign keys": 0}
    assert (tmp_path / f"ao.tender.v{BASE}.bak").read_bytes() == original
    version, fk_problems, integrity, columns = _pragmas(path)
    assert (version, fk_problems, integrity) == (BASE + 1, [], "ok")
    assert "verification" in columns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ao.tender", f"ao.tender.v{BASE}.bak"]
    with ProjectFile.open(path) as pf:  # already current: no second migration
        assert pf.project.criteria[0].verification == "scenario"
    assert (tmp_path / f"ao.tender.v{BASE}.bak").read_bytes() == original


def test_migration_that_raises_midway_leaves_the_original_bytes(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v2(db):
        add_verification(db)
        db["criteria"].delete_where()
        raise RuntimeError("bug in migration 2")

    _use_schema(monkeypatch, {BASE + 1: v2})
    with pytest.raises(MigrationFailed) as info:
        ProjectFile.open(path)
    message = str(info.value)
    assert "ao.tender" in message and "bug in migration 2" in message
    assert "mis à jour" in message and "brought up to date" in message
    assert path.read_bytes() == original
    assert (tmp_path / f"ao.tender.v{BASE}.bak").read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ao.tender",
        f"ao.tender.v{BASE}.bak",
    ]  # no lock left


def test_two_steps_second_fails_nothing_of_the_first_stays(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v3(db):
        db["journal"].insert({"at": "now", "field": "x", "old": "", "new": ""})
        raise ValueError("bad data in v3")

    _use_schema(monkeypatch, {BASE + 1: add_verification, BASE + 2: v3})
    with pytest.raises(MigrationFailed):
        ProjectFile.open(path)
    assert path.read_bytes() == original
    assert _pragmas(path)[0] == BASE  # not left at BASE + 1


def test_migration_that_breaks_a_link_is_undone(tmp_path, monkeypatch):
    """Foreign keys are off while tables change, so only ``foreign_key_check`` at the end
    can see a dangling matrix cell."""
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v2(db):
        add_verification(db)
        db["solutions"].delete(1)  # support:1 still points at it

    _use_schema(monkeypatch, {BASE + 1: v2})
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

    _use_schema(monkeypatch, {BASE + 1: v2})
    with ProjectFile.open(path) as pf:
        assert [s.name for s in pf.project.solutions] == ["Solution A", "Solution B"]
        assert [(s.solution_id, s.feature_id) for s in pf.project.support] == [(1, 1)]
    assert _pragmas(path)[:3] == (BASE + 1, [], "ok")


def test_read_only_view_of_an_older_file_does_not_migrate(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()
    _use_schema(monkeypatch, {BASE + 1: add_verification})
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project.criteria[0].text == "Conforme aux WCAG 2.1 AA"
        # read as migrated (in memory): the new column's value, not the model's default
        assert pf.project.criteria[0].verification == "scenario"
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["ao.tender"]


def test_migration_whose_result_is_not_the_frozen_schema_is_undone(tmp_path, monkeypatch):
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v2(db):
        db.execute("ALTER TABLE criteria ADD COLUMN verificaton TEXT")  # misspelt

    _use_schema(monkeypatch, {BASE + 1: v2}, frozen={BASE + 1: _newer_schema()})
    with pytest.raises(MigrationFailed) as info:
        ProjectFile.open(path)
    assert "missing column verification" in str(info.value)
    assert path.read_bytes() == original


# -- migration 2: the register's helped_drafting flag becomes drafting (issue 15) -------


def _version_1_file(tmp_path: Path, sql: str = "") -> Path:
    """The stored schema-1 training example (its exchange 2 flagged helped_drafting),
    with exchange 3's flag NULL, a justification of V-DRAFTING on the old address and a
    journal entry naming it, then ``sql``."""
    path = tmp_path / "training.tender"
    path.write_bytes((DATA / "v1" / "training.tender").read_bytes())
    conn = sqlite3.connect(path)
    conn.executescript(
        "UPDATE vendor_exchanges SET helped_drafting = NULL WHERE id = 3;"
        "INSERT INTO justifications (id, code, field, reason) VALUES"
        " (97, 'V-DRAFTING', 'vendor_exchanges:2.helped_drafting', 'Décision du conseil'),"
        " (98, 'V-DEMO', 'vendor_exchanges:2.demo', 'Autre');"
        "INSERT INTO journal (at, field, old, new) VALUES"
        " ('2026-09-09T14:00:00+00:00', 'vendor_exchanges:2.helped_drafting', 'false', 'true');" + sql
    )
    conn.close()
    return path


def test_migration_2_maps_the_flag_and_moves_its_justification(tmp_path):
    path = _version_1_file(tmp_path)
    original = path.read_bytes()
    with ProjectFile.open(path) as pf:
        drafting = {e.id: e.drafting for e in pf.project.vendor_exchanges}
        justified = [(j.id, j.code, j.field) for j in pf.project.justifications if j.id > 90]
        history = [(h["field"], h["old"], h["new"]) for h in pf.history() if "drafting" in h["field"]]
    assert drafting == {1: "none", 2: "helped_draft", 3: "none", 4: "none", 5: "none", 6: "none"}
    assert justified == [
        (97, "V-DRAFTING", "vendor_exchanges:2.drafting"),
        (98, "V-DEMO", "vendor_exchanges:2.demo"),
    ]
    assert history == [("vendor_exchanges:2.helped_drafting", "false", "true")]  # history as written
    assert (tmp_path / "training.tender.v1.bak").read_bytes() == original
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(vendor_exchanges)")]
        null_row = conn.execute("SELECT drafting FROM vendor_exchanges WHERE id = 3").fetchone()
    finally:
        conn.close()
    assert columns[12:15] == ["nda_signed", "drafting", "rfi"] and "helped_drafting" not in columns
    assert null_row == (None,)  # NULL stays NULL and reads as the default, "none"
    assert _pragmas(path)[:3] == (migrations.SCHEMA_VERSION, [], "ok")


@pytest.mark.parametrize("value", ["2", "'true'", "X'01'", "0.5"])
def test_migration_2_refuses_a_flag_schema_1_never_held(tmp_path, value):
    """Schema 1 read only 0, 1 or NULL (the app refused anything else): such a value is
    not guessed; the file is refused untouched (no backup made) and the error names the
    row, opened for writing or read-only."""
    path = _version_1_file(tmp_path, f"UPDATE vendor_exchanges SET helped_drafting = {value} WHERE id = 4;")
    original = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(InvalidValue) as info:
            ProjectFile.open(path, read_only=read_only)
        assert "vendor_exchanges [4]: helped_drafting is neither 0 nor 1" in str(info.value)
        assert "n’accepte pas" in str(info.value) and "does not accept" in str(info.value)
        assert path.read_bytes() == original
        assert [p.name for p in tmp_path.iterdir()] == ["training.tender"]


def test_a_migration_bug_in_a_read_only_view_is_a_clear_refusal(tmp_path, monkeypatch):
    """A read-only view runs the migrations in memory: one that fails gives a bilingual
    ``UpgradeFailed``, never a traceback, and the file keeps its bytes."""
    path = _older_file(tmp_path / "ao.tender")
    original = path.read_bytes()

    def v2(db):
        raise RuntimeError("bug in the migration")

    _use_schema(monkeypatch, {BASE + 1: v2}, frozen={BASE + 1: _newer_schema()})
    with pytest.raises(UpgradeFailed) as info:
        ProjectFile.open(path, read_only=True)
    message = str(info.value)
    assert (
        "bug in the migration" in message and "version antérieure" in message and "earlier version" in message
    )
    assert path.read_bytes() == original and [p.name for p in tmp_path.iterdir()] == ["ao.tender"]


def test_migration_2_read_only_view_reads_the_flag_as_drafting(tmp_path):
    path = _version_1_file(tmp_path)
    original = path.read_bytes()
    with ProjectFile.open(path, read_only=True) as pf:
        assert [e.drafting for e in pf.project.vendor_exchanges][:3] == ["none", "helped_draft", "none"]
        assert pf.project.find("justifications", 97).field == "vendor_exchanges:2.drafting"
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["training.tender"]


# -- migration 3: the texts' language and their translations (issue 16) ---------------


def _version_2_file(tmp_path: Path, name: str, sql: str = "") -> Path:
    path = tmp_path / f"{name}.tender"
    path.write_bytes((DATA / "v2" / f"{name}.tender").read_bytes())
    if sql:
        conn = sqlite3.connect(path)
        conn.executescript(sql)
        conn.close()
    return path


@pytest.mark.parametrize(
    ("languages", "binding", "typed"),
    [
        ('"fr"', '"en"', "fr"),  # a one-language tender's own language
        ('"en"', '"fr"', "en"),
        ('"both"', '"en"', "en"),  # a bilingual tender: its binding version
        ('"both"', '"fr"', "fr"),
        ('"klingon"', '"junk"', "fr"),  # values outside the sets: French
    ],
)
def test_migration_3_writes_the_text_language_and_keeps_every_text(tmp_path, languages, binding, typed):
    sql = (
        f"UPDATE fields SET value = '{languages}' WHERE key = 'info.tender_languages';"
        f"UPDATE fields SET value = '{binding}' WHERE key = 'info.binding_language';"
    )
    path = _version_2_file(tmp_path, "training", sql)
    conn = sqlite3.connect(path)
    statement = json.loads(
        conn.execute("SELECT value FROM fields WHERE key = 'problem.statement'").fetchone()[0]
    )
    conn.close()
    with ProjectFile.open(path) as pf:
        assert pf.project.info.text_language == typed
        assert pf.project.problem.statement == statement and statement
        assert pf.project.translations == []
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        stored = conn.execute("SELECT value FROM fields WHERE key = 'info.text_language'").fetchone()
    finally:
        conn.close()
    assert stored == (f'"{typed}"',)  # written explicitly: a later binding change never reinterprets it
    assert _pragmas(path)[:3] == (migrations.SCHEMA_VERSION, [], "ok")
    assert (tmp_path / "training.tender.v2.bak").exists()


def test_migration_3_text_language_stays_when_the_binding_version_changes(tmp_path):
    path = _version_2_file(tmp_path, "office-suite")
    with ProjectFile.open(path) as pf:
        typed = pf.project.info.text_language
        pf.set_field("info", "tender_languages", "both")
        pf.set_field("info", "binding_language", "en" if typed == "fr" else "fr")
    with ProjectFile.open(path) as pf:
        assert pf.project.info.text_language == typed


def test_schema_3_refuses_two_versions_of_one_text_in_one_language(tmp_path):
    project = Project()
    project.problem.statement = "Les pompiers doivent voir leurs véhicules."
    ProjectFile.create(tmp_path / "a.tender", project).close()
    conn = sqlite3.connect(tmp_path / "a.tender")
    conn.execute(
        "INSERT INTO translations (id, address, lang, text) VALUES (1, 'problem.statement', 'en', 'A')"
    )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO translations (id, address, lang, text) VALUES (2, 'problem.statement', 'en', 'B')"
        )
    conn.close()


# -- migration 4: the journal's actions (issue 24, undo) --------------------------------


def test_migration_4_keeps_the_history_as_history_never_undone(tmp_path):
    """The rows of schema 3 keep a NULL action: which of them made one action is not
    known, so undo stops at them; an edit after the migration is undone alone."""
    from dataclasses import replace

    from wizard.core import ops
    from wizard.core.project_file import undo

    path = tmp_path / "office-suite.tender"
    path.write_bytes((DATA / "v3" / "office-suite.tender").read_bytes())
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO journal (at, field, old, new) VALUES"
        " ('2026-11-02T10:00:00+00:00', 'problem.statement', '\"Avant\"', '\"Après\"')"
    )
    conn.commit()
    conn.close()
    with ProjectFile.open(path) as pf:
        assert undo.next_undo(pf) is None
        assert [(h["field"], h["action"]) for h in pf.history()] == [("problem.statement", None)]
        statement = pf.project.problem.statement
        ops.edit_section(pf, replace(pf.project.problem, statement="Nouveau"))
        assert pf.history()[0]["action"] == 1
        ops.undo(pf)
        assert pf.project.problem.statement == statement
        with pytest.raises(undo.NothingToUndo):
            ops.undo(pf)
    assert _pragmas(path)[:3] == (migrations.SCHEMA_VERSION, [], "ok")
    assert (tmp_path / "office-suite.tender.v3.bak").exists()


# -- migration 5: publication and addenda (issue 21) ----------------------------------


V5_TABLES = ["addenda", "addendum_changes", "addendum_questions", "publication", "published_documents"]


@pytest.mark.parametrize("example", ["emergency-perimeter", "office-suite", "training"])
def test_migration_5_adds_the_publication_and_addenda_tables_empty(tmp_path, example):
    path = tmp_path / f"{example}.tender"
    path.write_bytes((DATA / "v4" / f"{example}.tender").read_bytes())
    with ProjectFile.open(path) as pf:
        tables = [
            r[0] for r in pf.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        assert set(V5_TABLES) <= set(tables)
        assert [pf.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in V5_TABLES] == [0] * 5
    assert _pragmas(path)[:3] == (migrations.SCHEMA_VERSION, [], "ok")
    assert (tmp_path / f"{example}.tender.v4.bak").exists()


def test_schema_5_is_probed_strictly(tmp_path):
    """A schema-5 file whose published documents table lost its hash column is refused."""
    path = tmp_path / "a.tender"
    ProjectFile.create(path, Project()).close()
    conn = sqlite3.connect(path)
    conn.execute('ALTER TABLE "published_documents" ADD COLUMN "note" TEXT')
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaMismatch, match="published_documents"):
        ProjectFile.open(path)
    assert path.read_bytes() == before


# -- migration 6: bids and their evaluation (issue 22) --------------------------------


V6_TABLES = [
    "award",
    "bid_acknowledgements",
    "bidders",
    "bids",
    "consensus_scores",
    "envelope_opening",
    "mandatory_results",
    "opened_amounts",
    "opened_workbooks",
    "quality_lock",
    "scenario_verifications",
    "sealed_workbooks",
    "sheet_scores",
]


@pytest.mark.parametrize("example", ["emergency-perimeter", "office-suite", "training"])
def test_migration_6_adds_the_bids_tables_empty(tmp_path, example):
    """The stored schema-5 files open as schema 6: thirteen new tables, empty, every
    earlier table as it was (the publication tables untouched), a backup beside."""
    path = tmp_path / f"{example}.tender"
    path.write_bytes((DATA / "v5" / f"{example}.tender").read_bytes())
    before = sqlite3.connect(path)
    counts = {
        t: before.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for (t,) in before.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    before.close()
    with ProjectFile.open(path) as pf:
        tables = [
            r[0] for r in pf.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        assert sorted(set(tables) - set(counts) - set(V7_TABLES) - set(V8_TABLES)) == V6_TABLES
        assert [pf.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in V6_TABLES] == [0] * 13
        assert {t: pf.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in counts} == counts
        from wizard.core.bids import record

        assert record.read(pf) == record.BidsRecord()
    assert _pragmas(path)[:3] == (migrations.SCHEMA_VERSION, [], "ok")
    assert (tmp_path / f"{example}.tender.v5.bak").exists()


def test_schema_6_is_probed_strictly(tmp_path):
    """A schema-6 file whose sealed workbooks lost their fingerprint is refused untouched."""
    path = tmp_path / "a.tender"
    ProjectFile.create(path, Project()).close()
    conn = sqlite3.connect(path)
    conn.execute('ALTER TABLE "sealed_workbooks" RENAME COLUMN "sha256" TO "hash"')
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaMismatch, match="sealed_workbooks"):
        ProjectFile.open(path)
    assert path.read_bytes() == before


# -- migration 7: the contract's follow-up (issue 23) ---------------------------------


V7_TABLES = ["contract", "contract_amendments", "incidents", "payments", "performance_reports"]


@pytest.mark.parametrize("example", ["emergency-perimeter", "office-suite", "training"])
def test_migration_7_adds_the_contract_tables_empty(tmp_path, example):
    """The stored schema-6 files open as schema 7: five new tables, empty, every earlier
    table as it was (the publication and bids tables untouched), a backup beside."""
    path = tmp_path / f"{example}.tender"
    path.write_bytes((DATA / "v6" / f"{example}.tender").read_bytes())
    before = sqlite3.connect(path)
    counts = {
        t: before.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for (t,) in before.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    before.close()
    with ProjectFile.open(path) as pf:
        tables = [
            r[0] for r in pf.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        assert sorted(set(tables) - set(counts) - set(V8_TABLES)) == V7_TABLES
        assert [pf.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in V7_TABLES] == [0] * 5
        assert {t: pf.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in counts} == counts
        from wizard.core.contract import record

        contract = record.read(pf)  # the training example's award is signed: a contract, not followed yet
        assert (contract is None) == (example != "training")
        assert contract is None or (contract.amendments, contract.reports, contract.payments) == ((), (), ())
    assert _pragmas(path)[:3] == (migrations.SCHEMA_VERSION, [], "ok")
    assert (tmp_path / f"{example}.tender.v6.bak").exists()


def test_schema_7_is_probed_strictly(tmp_path):
    """A schema-7 file whose payments lost their amount is refused untouched."""
    path = tmp_path / "a.tender"
    ProjectFile.create(path, Project()).close()
    conn = sqlite3.connect(path)
    conn.execute('ALTER TABLE "payments" RENAME COLUMN "amount" TO "sum"')
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaMismatch, match="payments"):
        ProjectFile.open(path)
    assert path.read_bytes() == before


# -- migration 8: the points on Québec's quality grid (issue 22) ----------------------


V8_TABLES = ["grid_consensus_scores", "grid_sheet_scores"]


@pytest.mark.parametrize("example", ["emergency-perimeter", "office-suite", "training"])
def test_migration_8_adds_the_grid_tables_empty(tmp_path, example):
    """The stored schema-7 files open as schema 8: two new tables, empty, every earlier
    table and row as it was (the training example's bids, sheets and consensus read the
    same), a backup beside."""
    path = tmp_path / f"{example}.tender"
    path.write_bytes((DATA / "v7" / f"{example}.tender").read_bytes())
    before = sqlite3.connect(path)
    counts = {
        t: before.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for (t,) in before.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    }
    sheets = before.execute("SELECT * FROM sheet_scores ORDER BY id").fetchall()
    before.close()
    with ProjectFile.open(path) as pf:
        tables = [
            r[0] for r in pf.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        assert sorted(set(tables) - set(counts)) == V8_TABLES
        assert [pf.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in V8_TABLES] == [0, 0]
        assert {t: pf.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in counts} == counts
        assert pf.db.execute("SELECT * FROM sheet_scores ORDER BY id").fetchall() == sheets
        from wizard.core.bids import record

        bids = record.read(pf)
        assert (bids.grid_sheets, bids.grid_consensus) == ((), ())
        assert len(bids.sheets) == len(sheets)
        assert (len(bids.bids) == 4) == (example == "training")
    assert _pragmas(path)[:3] == (migrations.SCHEMA_VERSION, [], "ok")
    assert (tmp_path / f"{example}.tender.v7.bak").exists()


def test_schema_8_is_probed_strictly(tmp_path):
    """A schema-8 file whose grid consensus lost its points column is refused untouched."""
    path = tmp_path / "a.tender"
    ProjectFile.create(path, Project()).close()
    conn = sqlite3.connect(path)
    conn.execute('ALTER TABLE "grid_consensus_scores" RENAME COLUMN "points" TO "score"')
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(SchemaMismatch, match="grid_consensus_scores"):
        ProjectFile.open(path)
    assert path.read_bytes() == before
