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

from wizard.cli import main as cli_main
from wizard.core.model import Project
from wizard.core.project_file import atomic
from wizard.core.project_file.store import (
    CorruptFile,
    InterruptedEdit,
    LockedFile,
    NotAProjectFile,
    ProjectFile,
    ReadOnlyFile,
    RecoveryRefused,
    SameFile,
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


def _crash_image(path: Path, dest: Path, first: str = "") -> None:
    """Copy ``path`` as the disk holds it when its writer dies in mid-transaction: pages
    of an uncommitted change spilled into the file, the originals in ``-journal``.
    ``first``: an SQL statement the transaction runs first."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_size=2")  # spill early: changed pages reach the file
    conn.execute("BEGIN")
    if first:
        conn.execute(first)
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
    """A writer killed mid-transaction leaves a hot journal (K21). Reading never rolls
    it in: the read-only open refuses, bytes unchanged, and says what to do. Opening for
    writing copies both files aside, checks that the journal is this file's, lets
    SQLite restore the last commit and checks the result."""
    source = _new(tmp_path / "source.tender", "Savoir où sont les intervenants")
    crashed = tmp_path / "crashed.tender"
    _crash_image(source, crashed)
    source.unlink()
    assert _integrity_or_error(crashed) != "ok"  # the image really is torn
    before = _snapshot(tmp_path)
    with pytest.raises(InterruptedEdit) as info:
        ProjectFile.open(crashed, read_only=True)
    assert "Open it in the app" in str(info.value) and "Ouvrez-le dans l’application" in str(info.value)
    assert _snapshot(tmp_path) == before
    with ProjectFile.open(crashed) as pf:
        assert pf.project.problem.statement == "Savoir où sont les intervenants"
        pf.set_field("problem", "context", "après la panne")  # and it is writable again
    assert not Path(f"{crashed}-journal").exists()
    assert _integrity(crashed) == "ok"
    conn = sqlite3.connect(crashed)
    assert conn.execute("select count(*) from sqlite_master where name='filler'").fetchone()[0] == 0
    conn.close()
    copies = _snapshot(tmp_path)
    assert copies["crashed.tender.before-recovery"] == before["crashed.tender"]
    assert copies["crashed.tender-journal.before-recovery"] == before["crashed.tender-journal"]


def _integrity_or_error(path: Path) -> str:
    try:
        return _integrity(path)
    except sqlite3.Error as exc:
        return str(exc)


def _yesterday_and_todays_journal(tmp_path: Path) -> Path:
    """K21: a project copied yesterday is put back beside the ``-journal`` a crash left
    today (a backup restored, a synced folder). Returns the project's path."""
    work = tmp_path / "work"
    work.mkdir()
    today = _new(work / "today.tender", "hier")
    shutil.copyfile(today, work / "yesterday.tender")
    with ProjectFile.open(today) as pf:
        pf.set_field("problem", "statement", "aujourd'hui")
        pf.set_field("info", "organization", "Ville de Lac-Vert")
    _crash_image(
        today, work / "crashed.tender", "update fields set value='\"panne\"' where key='problem.context'"
    )
    shutil.copyfile(work / "yesterday.tender", tmp_path / "projet.tender")
    shutil.copyfile(work / "crashed.tender-journal", tmp_path / "projet.tender-journal")
    shutil.rmtree(work)
    return tmp_path / "projet.tender"


def test_k21_todays_journal_is_never_rolled_into_yesterdays_file(tmp_path):
    """SQLite would roll today's journal into yesterday's file and ``integrity_check``
    would say "ok" on the mix: today's fields without their history. The journal's copy
    of page 1 says which state of the file it was written for (the change counter):
    the open is refused, both files keep their bytes and the message names the copies."""
    path = _yesterday_and_todays_journal(tmp_path)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    shutil.copyfile(path, scratch / "p.tender")
    shutil.copyfile(f"{path}-journal", scratch / "p.tender-journal")
    naive = sqlite3.connect(scratch / "p.tender")  # what SQLite alone does: rolls it in silently
    # (whether integrity_check then notices depends on the page layout: with schema 4 it
    # said "ok"; schema 5's larger sqlite_master leaves unused pages it reports)
    naive.execute("PRAGMA integrity_check").fetchone()
    assert (
        naive.execute("select value from fields where key='problem.statement'").fetchone()[0]
        == '"aujourd\'hui"'
    )
    assert naive.execute("select count(*) from journal").fetchone()[0] == 0  # the mix
    naive.close()
    shutil.rmtree(scratch)

    before = _snapshot(tmp_path)
    for read_only_flag in (True, False, True):
        with pytest.raises((InterruptedEdit, RecoveryRefused)) as info:
            ProjectFile.open(path, read_only=read_only_flag)
        assert isinstance(info.value, InterruptedEdit if read_only_flag else RecoveryRefused)
    message = str(info.value)
    after = _snapshot(tmp_path)
    assert {name: after[name] for name in before} == before
    assert after["projet.tender.before-recovery"] == before["projet.tender"]
    assert after["projet.tender-journal.before-recovery"] == before["projet.tender-journal"]
    with pytest.raises(RecoveryRefused) as info:
        ProjectFile.open(path)
    message = str(info.value)
    assert "another state of this file" in message
    assert str(tmp_path / "projet.tender.before-recovery-2") in message  # a second attempt: new copies
    assert "ne lui appartient pas" in message and "does not belong to it" in message


def test_k21_a_recovery_that_gives_an_unsound_file_is_undone(tmp_path):
    """The journal is this file's, but the state it rolls back to is not one of ours
    (another program added a trigger): both files get their bytes back."""
    source = _new(tmp_path / "source.tender", "x")
    conn = sqlite3.connect(source)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON journal BEGIN DELETE FROM criteria; END")
    conn.commit()
    conn.close()
    _crash_image(source, tmp_path / "p.tender")
    source.unlink()
    before = _snapshot(tmp_path)
    with pytest.raises(RecoveryRefused) as info:
        ProjectFile.open(tmp_path / "p.tender")
    assert "unexpected trigger wipe" in str(info.value)
    after = _snapshot(tmp_path)
    assert {name: after[name] for name in before} == before
    assert sorted(set(after) - set(before)) == [
        "p.tender-journal.before-recovery",
        "p.tender.before-recovery",
    ]


@pytest.mark.parametrize("command", [["check"], ["dump"], ["export", "--out", "OUT"]])
def test_k21_read_only_commands_refuse_a_hot_journal(tmp_path, capsys, command):
    source = _new(tmp_path / "source.tender", "x")
    _crash_image(source, tmp_path / "p.tender")
    source.unlink()
    before = _snapshot(tmp_path)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    assert cli_main([args[0], str(tmp_path / "p.tender"), *args[1:]]) == 2
    err = capsys.readouterr().err
    assert "interrupted" in err and "interrompue" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert _snapshot(tmp_path) == before and not (tmp_path / "out").exists()


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
        for read_only_flag in (True, False):
            with pytest.raises(InterruptedEdit) as info:
                ProjectFile.open(folder / "crashed.tender", read_only=read_only_flag)
            assert "crashed.tender" in str(info.value) and "folder you can write to" in str(info.value)
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


# -- Save As and links (K22, K23) ----------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    """Temporary files and SQLite journals left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".tmp-journal", "-journal")))


def test_k22_save_as_onto_a_project_open_in_another_window_is_refused(tmp_path):
    """The other window's file is never replaced under it: its edits are all kept."""
    mine = ProjectFile.open(_new(tmp_path / "mine.tender", "le mien"))
    theirs = ProjectFile.open(_new(tmp_path / "theirs.tender", "le leur"))
    try:
        theirs.set_field("info", "organization", "Ville de Lac-Vert")
        before = (tmp_path / "theirs.tender").read_bytes()
        with pytest.raises(LockedFile) as info:
            mine.save_as(tmp_path / "theirs.tender")
        assert "already open" in str(info.value) and "theirs.tender" in str(info.value)
        assert (tmp_path / "theirs.tender").read_bytes() == before
        assert _leftovers(tmp_path) == []
        theirs.set_field("info", "title", "écrit après le refus")  # the other window goes on
    finally:
        theirs.close()
        mine.close()
    with ProjectFile.open(tmp_path / "theirs.tender", read_only=True) as pf:
        assert pf.project.problem.statement == "le leur"
        assert pf.project.info.organization == "Ville de Lac-Vert"
        assert pf.project.info.title == "écrit après le refus"


def test_k22_save_as_onto_the_open_file_through_a_link_is_refused(tmp_path):
    path = _new(tmp_path / "p.tender", "x")
    os.link(path, tmp_path / "hard.tender")
    os.symlink(path, tmp_path / "soft.tender")
    with ProjectFile.open(path) as pf:
        before = path.read_bytes()
        for other in ("hard.tender", "soft.tender"):
            with pytest.raises(SameFile):
                pf.save_as(tmp_path / other)
        assert path.read_bytes() == before and _leftovers(tmp_path) == []
        pf.set_field("problem", "statement", "toujours ouvert")


def test_k22_a_failed_save_as_leaves_no_temporary_file(project_file, tmp_path, monkeypatch):
    target = tmp_path / "copie.tender"

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        project_file.save_as(target)
    folder = project_file.path.parent
    assert not target.exists() and _leftovers(tmp_path) == [] and _leftovers(folder) == []
    assert not list(tmp_path.glob(".copie.tender*"))  # no temporary copy, no lock left
    monkeypatch.undo()
    assert project_file.save_as(target) == target  # and the lock was released


def test_k22_save_as_beside_an_interrupted_edit_is_refused(project_file, tmp_path):
    """A new copy renamed beside a stale ``-journal`` would have that journal rolled
    into it on its first open."""
    target = tmp_path / "ancien.tender"
    target.write_bytes(b"old")
    Path(f"{target}-journal").write_bytes(b"stale journal")
    with pytest.raises(InterruptedEdit):
        project_file.save_as(target)
    assert target.read_bytes() == b"old"


@pytest.mark.parametrize("link", ["symbolic", "hard"])
def test_k23_one_writer_whatever_path_names_the_file(tmp_path, link):
    """The lock is on the real file: a second writer through a link is locked out."""
    real = _new(tmp_path / "projet.tender", "x")
    other_folder = tmp_path / "elsewhere"
    other_folder.mkdir()
    alias = other_folder / "alias.tender"
    if link == "symbolic":
        os.symlink(real, alias)
    else:
        os.link(real, alias)
    for first, second in ((real, alias), (alias, real)):
        with ProjectFile.open(first) as pf:
            before = real.read_bytes()
            with pytest.raises(LockedFile) as info:
                ProjectFile.open(second)
            assert "already open" in str(info.value)
            assert real.read_bytes() == before
            with ProjectFile.open(second, read_only=True) as reader:  # reading stays possible
                assert reader.project.problem.statement == pf.project.problem.statement
            pf.set_field("problem", "statement", f"via {first.name}")
    assert sorted(p.name for p in other_folder.iterdir()) == ["alias.tender"]  # no lock left
    with ProjectFile.open(alias) as pf:
        assert pf.project.problem.statement == "via alias.tender"
