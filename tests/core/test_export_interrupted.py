"""An export that fails or is killed half-way (issue #14 point 9, docs/documents.md):
the set is staged in ``.opw-export-<random>/`` beside the outputs and moved in at the
end; a full disk changes nothing or names exactly what was written; what a killed
export leaves is recognised, cleaned, and never makes a rerun need ``--force``."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from wizard import cli
from wizard.core import output_folder
from wizard.core.examples import load_example
from wizard.core.export import existing_outputs, output_files, planned_outputs
from wizard.core.i18n import bilingual, tr
from wizard.core.output_folder import (
    MANIFEST,
    STAGING_PREFIX,
    ExportWriteError,
    failure_message,
    leftovers,
    remove_leftovers,
    write_files,
)
from wizard.core.project_file.store import ProjectFile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = "training"  # the smallest example: five files, in French


@pytest.fixture(scope="module")
def project():
    return load_example(EXAMPLE)


@pytest.fixture(scope="module")
def files(project):
    return output_files(project)


def _old_set(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: b"previous " + name.encode() for name in files}


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _staging_folders(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(STAGING_PREFIX)]


def _no_space(after: int, real):
    """``real`` that raises ENOSPC from its ``after``-th call on (0: the first)."""
    calls = []

    def write(*args, **kwargs):
        calls.append(args)
        if len(calls) > after:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    return write


# -- a full disk ---------------------------------------------------------------------


@pytest.mark.parametrize("after", [0, 1, 3, 5])  # 0: the MANIFEST; 5: the last output
def test_a_full_disk_while_staging_changes_nothing(files, tmp_path, monkeypatch, after):
    out = tmp_path / "out"
    out.mkdir()
    old = _old_set(files)
    for name, data in old.items():
        (out / name).write_bytes(data)
    monkeypatch.setattr(output_folder, "_stage_file", _no_space(after, output_folder._stage_file))
    with pytest.raises(ExportWriteError) as caught:
        write_files(files, out)
    assert caught.value.errno == errno.ENOSPC
    assert caught.value.written == []
    assert caught.value.not_written == [out / name for name in files]
    assert _contents(out) == old  # the previous files intact
    assert sorted(os.listdir(out)) == sorted(old)  # and nothing else left


def test_a_failure_while_moving_in_names_exactly_what_was_written(files, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    old = _old_set(files)
    for name, data in old.items():
        (out / name).write_bytes(data)
    monkeypatch.setattr(os, "replace", _no_space(2, os.replace))
    with pytest.raises(ExportWriteError) as caught:
        write_files(files, out)
    names = list(files)
    assert [p.name for p in caught.value.written] == names[:2]
    assert [p.name for p in caught.value.not_written] == names[2:]
    after = _contents(out)
    assert after == {**old, **{name: files[name] for name in names[:2]}}
    assert _staging_folders(out) == []


def test_failure_messages_are_bilingual_and_name_the_files(tmp_path):
    cause = OSError(errno.ENOSPC, "No space left on device")
    nothing = ExportWriteError(cause, [], [tmp_path / "tender-fr.docx"])
    text, params = failure_message(nothing)
    assert tr(text, "en", **params) == (
        "The export could not be written (no space left on the disk); nothing in this folder was changed."
    )
    assert tr(text, "fr", **params).startswith(
        "L’exportation n’a pas pu être écrite (il ne reste plus d’espace sur le disque)"
    )
    partly = ExportWriteError(cause, [tmp_path / "tender-fr.docx", tmp_path / "criteria.csv"], [])
    text, params = failure_message(partly)
    assert "after writing 2 files, tender-fr.docx, criteria.csv;" in tr(text, "en", **params)
    assert "après avoir écrit 2 fichiers, tender-fr.docx, criteria.csv;" in tr(text, "fr", **params)
    one = ExportWriteError(cause, [tmp_path / "tender-fr.docx"], [])
    text, params = failure_message(one)
    assert "after writing 1 file, tender-fr.docx;" in tr(text, "en", **params)


@pytest.fixture
def example_file(tmp_path, project):
    path = tmp_path / "demo.tender"
    ProjectFile.create(path, project).close()
    return path


def test_cli_reports_a_full_disk_in_one_line(example_file, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    monkeypatch.setattr(output_folder, "_stage_file", _no_space(2, output_folder._stage_file))
    assert cli.main(["export", str(example_file), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert "nothing in this folder was changed" in captured.err
    assert "rien n’a été changé dans ce dossier" in captured.err
    assert os.listdir(out) == []
    monkeypatch.undo()
    assert cli.main(["export", str(example_file), "--out", str(out)]) == 0  # no --force needed


def test_cli_names_the_files_written_before_a_failure(example_file, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    monkeypatch.setattr(os, "replace", _no_space(1, os.replace))
    assert cli.main(["export", str(example_file), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "after writing 1 file, tender-fr.docx; the other files keep their previous content" in err
    assert "après avoir écrit 1 fichier, tender-fr.docx;" in err
    assert sorted(os.listdir(out)) == ["tender-fr.docx"]


# -- what a killed export leaves -------------------------------------------------------


def _fake_killed_export(out: Path, files: dict[str, bytes], moved: int) -> Path:
    """The state a SIGKILL leaves after ``moved`` outputs were moved in (as write_files
    would have it), made by hand."""
    staging = out / f"{STAGING_PREFIX}0123456789abcdef"
    staging.mkdir(parents=True)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    manifest = {"format": output_folder.MANIFEST_FORMAT, "target": str(out), "files": digests}
    (staging / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    for index, (name, data) in enumerate(files.items()):
        (out / name if index < moved else staging / name).write_bytes(data)
    return staging


def test_a_killed_exports_files_are_not_existing_outputs(project, files, tmp_path):
    out = tmp_path / "out"
    staging = _fake_killed_export(out, files, moved=2)
    assert [leftover.folder for leftover in leftovers(out)] == [staging]
    assert existing_outputs(project, out) == []
    (out / "tender-fr.docx").write_bytes(b"edited by the lawyers")  # not what was moved in
    assert existing_outputs(project, out) == [out / "tender-fr.docx"]


def test_leftovers_are_removed_and_nothing_else(files, tmp_path):
    out = tmp_path / "out"
    staging = _fake_killed_export(out, files, moved=0)
    empty = out / f"{STAGING_PREFIX}fedcba9876543210"  # killed before its MANIFEST
    empty.mkdir()
    torn = out / f"{STAGING_PREFIX}00000000000000aa"  # killed while writing its MANIFEST
    torn.mkdir()
    (torn / MANIFEST).write_text('{"format": "open-procurement')
    foreign = out / f"{STAGING_PREFIX}00000000000000bb"  # someone's file inside: kept
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    lookalike = out / ".opw-export-notes"  # not our name pattern: not touched
    lookalike.mkdir()
    removed = remove_leftovers(out)
    assert sorted(removed) == sorted([staging, empty, torn])
    assert sorted(os.listdir(out)) == sorted([foreign.name, lookalike.name])
    assert os.listdir(foreign) == ["notes.txt"]


def test_cli_rerun_after_a_kill_needs_no_force(example_file, files, tmp_path, capsys):
    out = tmp_path / "out"
    staging = _fake_killed_export(out, files, moved=3)
    assert cli.main(["export", str(example_file), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"Removed what an interrupted export had left in this folder: {staging.name}." in captured.err
    assert bilingual(output_folder.LEFTOVERS_REMOVED, names=staging.name) in captured.err
    assert sorted(os.listdir(out)) == sorted(files)


# -- SIGKILL, for real -----------------------------------------------------------------

CHILD = """
import os, pickle, sys
from pathlib import Path
from wizard.core import export, output_folder

files = pickle.loads(Path(sys.argv[1]).read_bytes())

def pausing(name, real):
    def call(*args, **kwargs):
        result = real(*args, **kwargs)
        print(name, flush=True)  # a point where the parent may kill this process
        sys.stdin.readline()
        return result
    return call

for name in ("mkdir", "fsync", "replace"):
    setattr(os, name, pausing(name, getattr(os, name)))
export.write_files(files, Path(sys.argv[2]))
print("done", flush=True)
"""


def _write_killed_at(script: Path, data: Path, out: Path, step: int | None) -> int:
    """Run ``write_files`` in a child and SIGKILL it right after its ``step``-th
    mkdir/fsync/rename (``None``: let it finish). Returns the steps it went through."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, str(script), str(data), str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    watchdog = threading.Timer(60, proc.kill)  # bounded, whatever happens
    watchdog.start()
    steps = 0
    try:
        assert proc.stdout is not None and proc.stdin is not None
        for line in proc.stdout:
            if line.strip() == "done":
                break
            steps += 1
            if steps == step:
                os.kill(proc.pid, signal.SIGKILL)
                break
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.wait(timeout=60)
    finally:
        watchdog.cancel()
        proc.kill()
        proc.stdout.close()  # type: ignore[union-attr]
        proc.stdin.close()  # type: ignore[union-attr]
    return steps


@pytest.mark.slow
def test_sigkill_at_every_step_then_the_rerun_needs_no_force(example_file, project, tmp_path, capsys):
    """Killed after each directory creation, flush and rename of the write (every
    point where the folder's state changes), into an empty folder and over a previous
    export: each output is whole (previous or new), and ``export`` without ``--force``
    redoes it and leaves nothing behind."""
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    files = output_files(project)
    data = tmp_path / "files.pickle"
    data.write_bytes(pickle.dumps(files))
    old = _old_set(files)

    def folder(name: str, previous: bool) -> Path:
        out = tmp_path / name
        if previous:
            out.mkdir()
            for file_name, content in old.items():
                (out / file_name).write_bytes(content)
        return out

    for previous in (False, True):
        dry_run = folder(f"dry-run-{previous}", previous)
        total = _write_killed_at(script, data, dry_run, None)
        assert total >= 2 * len(files)
        assert _contents(dry_run) == files
        for step in range(1, total + 1):
            out = folder(f"kill-{step}-{previous}", previous)
            assert _write_killed_at(script, data, out, step) == step
            after = _contents(out) if out.exists() else {}
            for name, content in after.items():
                assert content in (files[name], old[name]), (step, name)  # never half-written
            if previous:
                still_old = [out / name for name in files if after[name] == old[name]]
                assert existing_outputs(project, out) == still_old, step
                continue
            assert existing_outputs(project, out) == [], step
            capsys.readouterr()
            assert cli.main(["export", str(example_file), "--out", str(out)]) == 0, step
            assert "Traceback" not in capsys.readouterr().err
            assert sorted(os.listdir(out)) == sorted(files), step  # no leftover
    assert sorted(p.name for p in planned_outputs(project, tmp_path)) == sorted(files)


@pytest.mark.slow
def test_sigkill_of_the_command_at_random_times(example_file, tmp_path):
    """``python main.py export`` killed at random moments (a bounded number of tries),
    then run again without ``--force``: it succeeds and leaves no leftovers."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    command = [sys.executable, str(ROOT / "main.py"), "export", str(example_file)]
    started = time.monotonic()
    subprocess.run([*command, "--out", str(tmp_path / "timed")], env=env, check=True, capture_output=True)
    duration = time.monotonic() - started
    rng = random.Random(14)
    for attempt in range(4):
        out = tmp_path / f"killed-{attempt}"
        proc = subprocess.Popen(
            [*command, "--out", str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.5, 1.0) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        # Killed after its last file was moved in and its staging folder removed (while
        # printing, or exiting), the export was complete: replacing it needs --force, as
        # for any export. Killed before, the rerun needs none.
        names = sorted(os.listdir(out)) if out.exists() else []
        complete = names == sorted(os.listdir(tmp_path / "timed"))
        rerun = subprocess.run(
            [*command, "--out", str(out)], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        if complete:
            assert rerun.returncode == 2 and "--force" in rerun.stderr, rerun.stderr
            continue
        assert rerun.returncode == 0, rerun.stderr
        assert "Traceback" not in rerun.stderr
        assert sorted(os.listdir(out)) == sorted(os.listdir(tmp_path / "timed")), attempt
