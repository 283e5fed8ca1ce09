"""The project file (docs/file-format.md): autosave with a journal, whole rows
(docs/cases.md K3), one writer at a time (K13), and refused files left byte for byte as
they were."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
import sqlite_utils

from wizard.core.model import CostLine, Criterion, Project, Solution
from wizard.core.project_file import codec
from wizard.core.project_file.codec import CodecError
from wizard.core.project_file.migrations import SCHEMA_VERSION
from wizard.core.project_file.store import (
    APPLICATION_ID,
    CorruptFile,
    LockedFile,
    MissingFile,
    NewerVersionFile,
    NotAProjectFile,
    ProjectFile,
    ProjectFileError,
    ReadOnlyFile,
    location_warnings,
)

ROOT = Path(__file__).resolve().parents[2]


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _journal(path: Path) -> list[tuple[str, str, str]]:
    with _raw(path) as conn:
        return conn.execute("select field, old, new from journal order by id").fetchall()


# -- creating and opening ------------------------------------------------------------


def test_create_writes_format_markers(tmp_path):
    path = tmp_path / "new.tender"
    ProjectFile.create(path).close()
    conn = _raw(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.tender"]  # no temp, no lock


def test_create_in_missing_folder_leaves_nothing(tmp_path):
    with pytest.raises((OSError, ProjectFileError)):
        ProjectFile.create(tmp_path / "nope" / "x.tender")
    assert list(tmp_path.iterdir()) == []


def test_create_then_open_gives_the_same_project(tmp_path):
    project = Project()
    project.info.organization = "Ville de Saint-Aurèle"
    project.criteria = [Criterion(id=4, text="Temps de réponse < 2 s", feature_ids=[1, 3])]
    project.tco_options = []
    ProjectFile.create(tmp_path / "p.tender", project).close()
    with ProjectFile.open(tmp_path / "p.tender") as pf:
        assert pf.project == project
        assert pf.project.criteria[0].feature_ids == [1, 3]


def test_missing_file(tmp_path):
    with pytest.raises(MissingFile) as info:
        ProjectFile.open(tmp_path / "absent.tender")
    assert "absent.tender" in str(info.value)
    assert "n’existe pas" in str(info.value) and "does not exist" in str(info.value)


# -- editing ---------------------------------------------------------------------------


def test_set_field_commits_at_once_with_a_journal_row(project_file):
    project_file.set_field("problem", "statement", "J'ai besoin de savoir où sont les intervenants.")
    # A second connection sees the value while the file is still open: no unsaved state.
    with _raw(project_file.path) as conn:
        value = conn.execute("select value from fields where key='problem.statement'").fetchone()[0]
    assert value == '"J\'ai besoin de savoir où sont les intervenants."'
    assert _journal(project_file.path)[-1] == (
        "problem.statement",
        '""',
        '"J\'ai besoin de savoir où sont les intervenants."',
    )


def test_set_field_same_value_writes_nothing(project_file):
    project_file.set_field("tco", "horizon_years", 5)
    assert _journal(project_file.path) == []


def test_set_field_decimal_and_bool_survive_reopen(project_file, tmp_path):
    project_file.set_field("tco", "discount_rate_pct", Decimal("3.5"))
    project_file.set_field("scope", "mission_critical", True)
    project_file.close()
    with ProjectFile.open(project_file.path) as pf:
        assert pf.project.tco.discount_rate_pct == Decimal("3.5")
        assert pf.project.scope.mission_critical is True


def test_set_field_rejects_wrong_type_and_unknown_field(project_file):
    with pytest.raises(CodecError) as info:
        project_file.set_field("tco", "horizon_years", "five")
    assert info.value.field == "tco.horizon_years"
    with pytest.raises(KeyError):
        project_file.set_field("problem", "nonsense", "x")
    assert project_file.project.tco.horizon_years == 5
    assert _journal(project_file.path) == []


def test_add_update_and_journal_per_attribute(project_file):
    row = project_file.add_row("criteria", text="Conforme aux WCAG 2.1 AA", category="accessibility")
    assert row.id == 1
    project_file.update_row("criteria", 1, kind="optional", feature_ids=[2])
    entries = _journal(project_file.path)
    assert entries[0][0] == "criteria:1" and entries[0][1] == ""
    assert entries[1:] == [
        ("criteria:1.kind", '"mandatory"', '"optional"'),
        ("criteria:1.feature_ids", "[]", "[2]"),
    ]
    project_file.close()
    with ProjectFile.open(project_file.path) as pf:
        assert pf.project.criteria == [
            Criterion(
                id=1,
                text="Conforme aux WCAG 2.1 AA",
                category="accessibility",
                kind="optional",
                feature_ids=[2],
            )
        ]


def test_update_unknown_row_raises(project_file):
    with pytest.raises(KeyError):
        project_file.update_row("criteria", 42, text="x")


def test_save_row_wrong_type_raises(project_file):
    with pytest.raises(TypeError):
        project_file.save_row("criteria", Solution(id=1))


def test_two_row_batch_never_nulls_a_column(project_file):
    """K3: two rows changed in different columns keep every other column."""
    project_file.add_row("tco_options", name="Sur place")
    project_file.add_row("cost_lines", option_id=1, label="Licences", amount=Decimal("120000"), payer="TI")
    project_file.add_row(
        "cost_lines",
        option_id=1,
        label="Abonnement",
        amount=Decimal("20000"),
        recurring=True,
        payer="Finances",
    )
    batch = [(1, {"escalation_pct": Decimal("2")}), (2, {"label": "Abonnement annuel"})]
    for row_id, changes in batch:
        project_file.update_row("cost_lines", row_id, **changes)
    expected = [
        CostLine(
            id=1,
            option_id=1,
            label="Licences",
            amount=Decimal("120000"),
            payer="TI",
            escalation_pct=Decimal("2"),
        ),
        CostLine(
            id=2,
            option_id=1,
            label="Abonnement annuel",
            amount=Decimal("20000"),
            recurring=True,
            payer="Finances",
        ),
    ]
    db = sqlite_utils.Database(_raw(project_file.path))
    stored = list(db["cost_lines"].rows_where(order_by="id"))
    assert stored == [codec.to_row(r) for r in expected]
    assert all(value is not None for row in stored for value in row.values())


def test_sqlite_utils_partial_batch_hazard_is_real(tmp_path):
    """Why the store saves whole rows: sqlite-utils nulls missing columns in a batch."""
    db = sqlite_utils.Database(tmp_path / "scratch.db")
    db["t"].insert_all([{"id": 1, "weight": 1, "label": "a"}, {"id": 2, "weight": 1, "label": "b"}], pk="id")
    db["t"].upsert_all([{"id": 1, "weight": 2}, {"id": 2, "label": "x"}], pk="id")
    assert [r["label"] for r in db["t"].rows_where(order_by="id")] == [None, "x"]


def test_delete_cascades_to_matrix_and_cost_lines(project_file):
    for name in ("A", "B"):
        project_file.add_row("solutions", name=name)
    project_file.add_row("features", name="GPS")
    project_file.add_row("support", solution_id=1, feature_id=1, level="yes")
    project_file.add_row("support", solution_id=2, feature_id=1, level="no")
    project_file.add_row("tco_options", name="Sur place")
    project_file.add_row("cost_lines", option_id=1, label="Licences", amount=Decimal("10"))
    project_file.delete_row("solutions", 1)
    project_file.delete_row("tco_options", 1)
    assert [(s.solution_id, s.level) for s in project_file.project.support] == [(2, "no")]
    assert project_file.project.cost_lines == []
    with _raw(project_file.path) as conn:
        assert conn.execute("select solution_id from support").fetchall() == [(2,)]
        assert conn.execute("select count(*) from cost_lines").fetchone()[0] == 0
        assert conn.execute("select name from solutions").fetchall() == [("B",)]
    deleted = [f for f, _old, new in _journal(project_file.path) if new == ""]
    assert deleted == ["support:1", "solutions:1", "cost_lines:1", "tco_options:1"]


def test_delete_unknown_row_is_a_no_op(project_file):
    project_file.delete_row("criteria", 9)
    assert _journal(project_file.path) == []


def test_history_newest_first_with_limit(project_file):
    for year in (3, 7, 10):
        project_file.set_field("tco", "horizon_years", year)
    history = project_file.history(limit=2)
    assert [(h["field"], h["old"], h["new"]) for h in history] == [
        ("tco.horizon_years", "7", "10"),
        ("tco.horizon_years", "3", "7"),
    ]
    assert history[0]["at"].endswith("+00:00")


def test_replace_project(project_file):
    project = Project()
    project.solutions = [Solution(id=3, name="OpenResponder", licence="open_source")]
    project_file.replace_project(project)
    project_file.close()
    with ProjectFile.open(project_file.path) as pf:
        assert pf.project == project
        assert pf.history(1)[0]["field"] == "project"


# -- one writer at a time and refused files ----------------------------------------------


def test_second_writer_is_locked_out_and_file_untouched(project_file):
    before = project_file.path.read_bytes()
    with pytest.raises(LockedFile) as info:
        ProjectFile.open(project_file.path)
    assert "déjà ouvert" in str(info.value) and "already open" in str(info.value)
    assert project_file.path.read_bytes() == before
    with ProjectFile.open(project_file.path, read_only=True) as reader:
        assert reader.read_only
        with pytest.raises(ReadOnlyFile):
            reader.set_field("problem", "statement", "x")
    project_file.set_field("problem", "statement", "still writable")  # the first writer is unharmed
    project_file.close()
    with ProjectFile.open(project_file.path) as again:
        assert again.project.problem.statement == "still writable"


def test_lock_is_released_on_close(tmp_path):
    path = tmp_path / "x.tender"
    ProjectFile.create(path).close()
    ProjectFile.open(path).close()
    ProjectFile.open(path).close()
    assert not (tmp_path / ".x.tender.lock").exists()


def _assert_refused(path: Path, error: type) -> None:
    before = path.read_bytes()
    listing = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error) as info:
        ProjectFile.open(path)
    assert path.name in str(info.value)
    assert " / " in str(info.value)  # bilingual message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing  # no backup, no lock left


def test_foreign_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.tender"
    path.write_text("Ceci n'est pas un projet.\n", encoding="utf-8")
    _assert_refused(path, NotAProjectFile)


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.tender"
    conn = sqlite3.connect(path)
    conn.execute("create table fields (key text primary key, value text)")
    conn.commit()
    conn.close()
    _assert_refused(path, NotAProjectFile)


def test_truncated_file_is_refused(tmp_path):
    path = tmp_path / "cut.tender"
    ProjectFile.create(path).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _assert_refused(path, CorruptFile)


def test_empty_and_header_only_files_are_refused(tmp_path):
    path = tmp_path / "empty.tender"
    path.write_bytes(b"")
    _assert_refused(path, NotAProjectFile)
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    _assert_refused(path, (CorruptFile, NotAProjectFile))


def test_newer_version_is_refused(tmp_path):
    path = tmp_path / "future.tender"
    ProjectFile.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    _assert_refused(path, NewerVersionFile)


def test_read_only_file_is_refused_for_writing(tmp_path):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root can write any file; see test_read_only_file_as_unprivileged_user")
    path = tmp_path / "ro.tender"
    ProjectFile.create(path).close()
    path.chmod(0o444)
    _assert_refused(path, ReadOnlyFile)
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.read_only


_AS_NOBODY = """
import sys
from wizard.core.project_file.store import ProjectFile, ReadOnlyFile
path = sys.argv[1]
try:
    ProjectFile.open(path)
except ReadOnlyFile as exc:
    print("refused", exc)
with ProjectFile.open(path, read_only=True) as pf:
    print("read", pf.project.info.organization)
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="runs only as root")
def test_read_only_file_as_unprivileged_user():
    """As root, drop to 'nobody' so that file permissions apply (CI runs as root)."""
    folder = Path(tempfile.mkdtemp(prefix="opw-ro-"))
    try:
        folder.chmod(0o755)
        path = folder / "ro.tender"
        project = Project()
        project.info.organization = "Town of Cobequid Harbour"
        ProjectFile.create(path, project).close()
        path.chmod(0o444)
        before = path.read_bytes()
        try:
            result = subprocess.run(
                [sys.executable, "-c", _AS_NOBODY, str(path)],
                capture_output=True,
                text=True,
                user=65534,
                group=65534,
                cwd=folder,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                timeout=60,
                check=False,
            )
        except (PermissionError, OSError) as exc:
            pytest.skip(f"cannot run as nobody here: {exc}")
        if "ModuleNotFoundError" in result.stderr or "Permission denied" in result.stderr:
            pytest.skip("this checkout or interpreter is not readable by nobody")
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0].startswith("refused ") and "read-only" in lines[0]
        assert lines[1] == "read Town of Cobequid Harbour"
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["ro.tender"]
    finally:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


# -- save as and location warnings -----------------------------------------------------------


def test_save_as_copies_everything_with_the_backup_api(project_file, tmp_path):
    project_file.set_field("info", "organization", "Ville de Rivière-aux-Pins")
    project_file.add_row("authors", name="Chantal Robichaud", role="Analyste")
    target = project_file.save_as(tmp_path / "copie.tender")
    assert target == tmp_path / "copie.tender"
    assert not list(tmp_path.glob(".copie.tender.*"))
    project_file.set_field("info", "title", "after the copy")  # the original stays open and writable
    with ProjectFile.open(target) as copy:
        assert copy.project.info.organization == "Ville de Rivière-aux-Pins"
        assert copy.project.authors[0].name == "Chantal Robichaud"
        assert copy.project.info.title == ""
        assert [h["field"] for h in copy.history()] == ["authors:1", "info.organization"]


def test_save_as_into_a_missing_folder_is_an_os_error_and_leaves_nothing(project_file, tmp_path):
    """The UI reports ``OSError`` and :class:`ProjectFileError`; nothing else may escape."""
    with pytest.raises((OSError, ProjectFileError)):
        project_file.save_as(tmp_path / "absent" / "copie.tender")
    assert not (tmp_path / "absent").exists()
    project_file.set_field("info", "title", "still writable")


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("C:/Users/Hélène/OneDrive - Ville/projet.tender", 1),
        ("/home/luc/Dropbox/ao.tender", 1),
        ("\\\\serveur\\partage\\ao.tender", 1),
        ("/home/luc/Documents/ao.tender", 0),
    ],
)
def test_location_warnings(path, count):
    assert len(location_warnings(path)) == count


def test_an_autosaved_edit_is_one_transaction_of_prepared_writes(tmp_path: Path) -> None:
    """Issue 25: an edit runs its row's upsert and its journal row in one transaction,
    without the schema queries sqlite-utils makes before each write; a new row is
    inserted and an existing one updated in place, the section field likewise."""
    pf = ProjectFile.create(tmp_path / "p.tender", Project())
    try:
        pf.add_row("criteria", text="The solution keeps the data in Canada.")
        criterion = pf.project.criteria[0]
        statements: list[str] = []
        pf.db.conn.set_trace_callback(statements.append)
        pf.update_row(
            "criteria", criterion.id, text="The solution keeps its data in Canada.", kind="optional"
        )
        pf.set_field("problem", "context", "Fifty staff.")
        pf.db.conn.set_trace_callback(None)
        words = [" ".join(s.split()[:3]) for s in statements]
        assert words == [
            "SELECT coalesce(max(action), 0)",
            "BEGIN",
            'INSERT INTO "criteria"',
            'INSERT INTO "journal"',  # the text
            'INSERT INTO "journal"',  # the kind
            "COMMIT",
            "SELECT coalesce(max(action), 0)",
            "BEGIN",
            'INSERT INTO "fields"',
            'INSERT INTO "journal"',
            "COMMIT",
        ]
    finally:
        pf.close()
    raw = _raw(tmp_path / "p.tender")
    try:
        assert raw.execute("SELECT id, text, kind FROM criteria").fetchall() == [
            (criterion.id, "The solution keeps its data in Canada.", "optional")
        ]
        assert raw.execute("SELECT value FROM fields WHERE key = 'problem.context'").fetchone() == (
            '"Fifty staff."',
        )
        journal = raw.execute("SELECT field, old, new, action FROM journal ORDER BY id").fetchall()
    finally:
        raw.close()
    assert journal[-3:] == [
        (
            f"criteria:{criterion.id}.text",
            '"The solution keeps the data in Canada."',
            '"The solution keeps its data in Canada."',
            2,
        ),
        (f"criteria:{criterion.id}.kind", '"mandatory"', '"optional"', 2),
        ("problem.context", '""', '"Fifty staff."', 3),
    ]
    with ProjectFile.open(tmp_path / "p.tender", read_only=True) as again:
        assert again.project.criteria[0].text == "The solution keeps its data in Canada."
        assert again.project.problem.context == "Fifty staff."
