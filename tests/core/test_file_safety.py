"""Never lose a tender (docs/file-format.md): faults of the project file that
``test_store.py`` does not already cover — a damaged page, a crash in the middle of an
edit (hot journal), read-only files and folders even as root, a second process holding
the file, a write that fails — and atomic exports. Every refused file is compared byte
for byte before and after."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from wizard.core.model import Project
from wizard.core.project_file import atomic
from wizard.core.project_file.store import (
    CorruptFile,
    LockedFile,
    NotAProjectFile,
    ProjectFile,
    ReadOnlyFile,
    WriteFailed,
)

ROOT = Path(__file__).resolve().parents[2]
CHILD_ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` (hidden ones too) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _can_write(path: Path) -> bool:
    try:
        if path.is_dir():
            probe = path / f".probe-{uuid.uuid4().hex}"
            probe.write_bytes(b"")
            probe.unlink()
        else:
            with open(path, "r+b"):
                pass
        return True
    except OSError:
        return False


@contextlib.contextmanager
def read_only(path: Path):
    """Make a file or folder read-only for this process, even as root (``chattr +i``);
    skip the test when the platform allows neither."""
    mode = path.stat().st_mode
    path.chmod(mode & ~0o222)
    immutable = False
    try:
        if _can_write(path) and shutil.which("chattr"):
            immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
        if _can_write(path):
            pytest.skip("cannot make a read-only file or folder here")
        yield path
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


def _crash_image(path: Path, dest: Path) -> None:
    """Copy ``path`` as the disk holds it when its writer dies in mid-transaction: pages
    of an uncommitted change spilled into the file, the originals in ``-journal``."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_size=2")  # spill early: changed pages reach the file
    conn.execute("BEGIN")
    conn.execute("create table if not exists filler (n integer, text text)")
    for n in range(1500):
        conn.execute("insert into filler values (?, ?)", (n, "uncommitted " * 40))
    shutil.copyfile(path, dest)
    shutil.copyfile(f"{path}-journal", f"{dest}-journal")
    conn.execute("ROLLBACK")
    conn.close()


def _new(path: Path, statement: str = "") -> Path:
    project = Project()
    project.problem.statement = statement
    ProjectFile.create(path, project).close()
    return path


# -- damaged files ----------------------------------------------------------------------


def test_damaged_page_in_the_middle_is_refused_untouched(tmp_path):
    path = _new(tmp_path / "damaged.tender", "Évaluer la faisabilité")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 4 * page
    data[2 * page : 3 * page] = b"\xa5" * page  # a table's b-tree page overwritten
    path.write_bytes(bytes(data))
    before = _snapshot(tmp_path)
    for read_only_flag in (False, True):
        with pytest.raises(CorruptFile) as info:
            ProjectFile.open(path, read_only=read_only_flag)
        assert "endommagé" in str(info.value) and "damaged" in str(info.value)
    assert _snapshot(tmp_path) == before


def test_edit_interrupted_by_a_crash_is_rolled_back_on_open(tmp_path):
    """A writer killed mid-transaction leaves a hot journal; a read-only connection
    cannot replay it (SQLITE_READONLY_ROLLBACK), so opening used to call a healthy
    file "damaged". Now SQLite restores the last commit and the project opens."""
    source = _new(tmp_path / "source.tender", "Savoir où sont les intervenants")
    crashed = tmp_path / "crashed.tender"
    _crash_image(source, crashed)
    assert crashed.read_bytes() != source.read_bytes()  # the image really is torn
    with ProjectFile.open(crashed, read_only=True) as pf:
        assert pf.project.problem.statement == "Savoir où sont les intervenants"
    assert not Path(f"{crashed}-journal").exists()
    assert _integrity(crashed) == "ok"
    conn = sqlite3.connect(crashed)
    assert conn.execute("select count(*) from sqlite_master where name='filler'").fetchone()[0] == 0
    conn.close()
    with ProjectFile.open(crashed) as pf:  # and it is writable again
        pf.set_field("problem", "context", "après la panne")


def test_foreign_file_with_a_hot_journal_is_never_rolled_back(tmp_path):
    """The refusal comes from the raw header: SQLite never opens a foreign file, so
    nothing replays its journal and both files keep their bytes."""
    source = tmp_path / "other-app.db"
    conn = sqlite3.connect(source)
    conn.execute("create table notes (text text)")
    conn.commit()
    conn.close()
    _crash_image(source, tmp_path / "received.tender")
    source.unlink()
    before = _snapshot(tmp_path)
    with pytest.raises(NotAProjectFile):
        ProjectFile.open(tmp_path / "received.tender")
    with pytest.raises(NotAProjectFile):
        ProjectFile.open(tmp_path / "received.tender", read_only=True)
    assert _snapshot(tmp_path) == before


def test_crash_image_in_a_read_only_folder_gives_a_clear_error(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    source = _new(tmp_path / "source.tender", "x")
    _crash_image(source, folder / "crashed.tender")
    before = _snapshot(folder)
    with read_only(folder):
        with pytest.raises(CorruptFile) as info:
            ProjectFile.open(folder / "crashed.tender", read_only=True)
        assert "crashed.tender" in str(info.value) and "interrupted edit" in str(info.value)
        assert _snapshot(folder) == before


# -- read-only files and folders --------------------------------------------------------


def test_read_only_file_even_as_root(tmp_path):
    """``test_store`` skips this as root; ``chattr +i`` makes it real there too."""
    path = _new(tmp_path / "ro.tender", "lecture seule")
    before = _snapshot(tmp_path)
    with read_only(path):
        with pytest.raises(ReadOnlyFile) as info:
            ProjectFile.open(path)
        assert "lecture seule" in str(info.value) and "read-only" in str(info.value)
        with ProjectFile.open(path, read_only=True) as pf:
            assert pf.project.problem.statement == "lecture seule"
            with pytest.raises(ReadOnlyFile):
                pf.set_field("problem", "statement", "x")
        assert _snapshot(tmp_path) == before


def test_read_only_folder_refuses_writing_clearly_and_opens_for_reading(tmp_path):
    """The lock file and SQLite's journal cannot be created there: a ReadOnlyFile (the
    UI then offers the read-only view), never a PermissionError traceback."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = _new(folder / "ao.tender", "Réduire les coûts de formation")
    before = _snapshot(folder)
    with read_only(folder):
        with pytest.raises(ReadOnlyFile) as info:
            ProjectFile.open(path)
        assert "ao.tender" in str(info.value) and " / " in str(info.value)
        with ProjectFile.open(path, read_only=True) as pf:
            assert pf.project.problem.statement == "Réduire les coûts de formation"
        assert _snapshot(folder) == before  # no lock, no journal, same bytes


# -- one writer at a time, across processes ----------------------------------------------------

_WRITER = """
import sys
from wizard.core.project_file.store import ProjectFile
pf = ProjectFile.open(sys.argv[1])
pf.set_field("problem", "statement", "écrit par la première fenêtre")
print("ready", flush=True)
sys.stdin.readline()
pf.add_row("criteria", text="Conforme aux WCAG 2.1 AA")
print("added", flush=True)
sys.stdin.readline()
"""


@pytest.mark.slow
def test_second_process_is_locked_out_and_its_read_only_view_follows_the_writer(tmp_path):
    path = _new(tmp_path / "shared.tender")
    child = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=CHILD_ENV,
        cwd=ROOT,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(LockedFile) as info:
            ProjectFile.open(path)
        assert "already open" in str(info.value) and "déjà ouvert" in str(info.value)
        reader = ProjectFile.open(path, read_only=True)
        assert reader.project.problem.statement == "écrit par la première fenêtre"
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "added"  # an open reader does not block the writer
        reader.close()
        with ProjectFile.open(path, read_only=True) as fresh:
            assert [c.text for c in fresh.project.criteria] == ["Conforme aux WCAG 2.1 AA"]
    finally:
        child.kill()  # dies holding the lock: the OS drops it
        child.wait(timeout=30)
    with ProjectFile.open(path) as pf:
        assert pf.project.problem.statement == "écrit par la première fenêtre"
    assert _integrity(path) == "ok"


def test_a_failed_write_says_so_and_loses_nothing(project_file):
    """Another program holds the file past the busy timeout: the edit is refused with a
    bilingual message, the model and the file keep the last saved state."""
    project_file.set_field("info", "organization", "Ville de Lac-Vert")
    project_file.db.conn.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(project_file.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    before = project_file.path.read_bytes()
    with pytest.raises(WriteFailed) as info:
        project_file.set_field("info", "organization", "Ville de Lac-Rouge")
    assert "enregistrée" in str(info.value) and "could not be saved" in str(info.value)
    assert project_file.project.info.organization == "Ville de Lac-Vert"
    with pytest.raises(WriteFailed):
        project_file.add_row("criteria", text="x")
    assert project_file.project.criteria == []
    other.execute("ROLLBACK")
    other.close()
    assert project_file.path.read_bytes() == before
    project_file.set_field("info", "organization", "Ville de Lac-Rouge")  # works again
    assert project_file.history(1)[0]["new"] == '"Ville de Lac-Rouge"'


# -- atomic exports ------------------------------------------------------------------------------


def test_failed_export_write_leaves_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "tender-fr.docx"
    atomic.write_bytes_atomic(target, b"previous export")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        atomic.write_bytes_atomic(target, b"new export " * 1000)
    assert _snapshot(tmp_path) == {"tender-fr.docx": b"previous export"}


def test_export_files_get_normal_permissions(tmp_path):
    """``mkstemp`` makes 0600 files: an export shared with the town's lawyers on a
    network folder must not become private to one account."""
    new = atomic.write_text_atomic(tmp_path / "criteria.csv", "id,text\n")
    umask = os.umask(0o022)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    new.chmod(0o640)
    atomic.write_text_atomic(new, "id,text\n1,x\n")
    assert new.stat().st_mode & 0o777 == 0o640


_INTERRUPTED = """
import sys, time
from pathlib import Path
from wizard.core.project_file.atomic import atomic_path
with atomic_path(Path(sys.argv[1])) as tmp:
    with open(tmp, "wb") as handle:
        handle.write(b"half of the new tender")
        handle.flush()
        print("writing", flush=True)
        time.sleep(60)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_export_killed_mid_write_leaves_the_previous_file(tmp_path):
    target = tmp_path / "tender-en.docx"
    target.write_bytes(b"the tender the lawyers already have")
    child = subprocess.Popen(
        [sys.executable, "-c", _INTERRUPTED, str(target)], stdout=subprocess.PIPE, text=True, env=CHILD_ENV
    )
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert target.read_bytes() == b"the tender the lawyers already have"
    leftovers = [p.name for p in tmp_path.iterdir() if p != target]
    assert all(name.startswith(".tender-en.docx.") and name.endswith(".tmp") for name in leftovers)
