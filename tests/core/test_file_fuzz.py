"""Random damage to a valid project file (issue #14, point 5): whatever is changed,
``ProjectFile.open``, ``check`` and ``export`` either work or raise a
:class:`ProjectFileError`, within seconds, and a refused file keeps its bytes."""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from wizard.core.checks import run_checks
from wizard.core.project_file import jsonio
from wizard.core.project_file.store import ProjectFile, ProjectFileError

DATA = Path(__file__).resolve().parents[1] / "data"
CASES = 200

_VALUES = [
    None,
    0,
    -1,
    2**63 - 1,
    1.5,
    "",
    "x",
    "null",
    "[]",
    "[1, 2]",
    '"texte"',
    "{}",
    "[" * 5000 + "]" * 5000,
    "é" * 2000,
    b"\x00\xff",
    "\ud800".encode("utf-8", "surrogatepass"),
    '"' + "y" * 100_001 + '"',
]


def _mutate(conn: sqlite3.Connection, rng: random.Random) -> str:
    """One random change made with raw SQL; returns what it did."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    table = rng.choice(tables)
    columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    column = rng.choice(columns)
    value = rng.choice(_VALUES)
    kind = rng.randrange(8)
    if kind <= 2:
        conn.execute(f'UPDATE "{table}" SET "{column}" = ?', (value,))
    elif kind == 3:
        conn.execute(f'INSERT INTO "{table}" ("{column}") VALUES (?)', (value,))
    elif kind == 4:
        conn.execute(f'DELETE FROM "{table}" WHERE rowid % 2 = 0')
    elif kind == 5:
        conn.execute(f'DROP TABLE "{table}"')
    elif kind == 6:
        conn.execute(f'CREATE TRIGGER t{rng.randrange(99)} AFTER INSERT ON "{table}" BEGIN SELECT 1; END')
    else:
        conn.execute(f"PRAGMA user_version = {rng.choice([0, 2, -1, 99])}")
    return f"{kind} {table}.{column} = {str(value)[:20]!r}"


def _damage_bytes(path: Path, rng: random.Random) -> str:
    data = bytearray(path.read_bytes())
    at = rng.randrange(len(data))
    count = rng.choice([1, 8, 4096])
    data[at : at + count] = bytes(rng.randrange(256) for _ in range(min(count, len(data) - at)))
    if rng.random() < 0.2:
        data = data[: rng.randrange(len(data))]
    path.write_bytes(bytes(data))
    return f"bytes at {at} × {count}"


def _case(folder: Path, rng: random.Random) -> str:
    path = folder / "fuzz.tender"
    shutil.copy2(DATA / "v1" / rng.choice(["training.tender", "office-suite.tender"]), path)
    done = []
    if rng.random() < 0.15:
        done.append(_damage_bytes(path, rng))
    else:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            for _ in range(rng.randrange(1, 4)):
                try:
                    done.append(_mutate(conn, rng))
                except sqlite3.Error as exc:  # a change SQLite itself refuses
                    done.append(f"refused by SQLite: {exc}")
        finally:
            conn.close()
    return "; ".join(done)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.slow
def _dump_loads(text: str, case: str) -> None:
    """What opens dumps to JSON that loads, but for a choice damaged outside its set:
    the file keeps it as stored, ``load`` names it (docs/file-format.md, "Choice
    values") and the app's own reading keeps it."""
    try:
        jsonio.loads(text)
    except jsonio.ProjectJsonError as exc:
        assert " must be one of: " in str(exc), f"{case}: {exc}"
        jsonio.loads(text, strict=False)


def test_random_damage_is_refused_cleanly_or_read_safely(tmp_path):
    rng = random.Random(14)
    exported = 0
    for n in range(CASES):
        folder = tmp_path / f"case{n}"
        folder.mkdir()
        what = _case(folder, rng)
        path = folder / "fuzz.tender"
        start = time.monotonic()
        for read_only in (True, False):
            before = _snapshot(folder)
            try:
                with ProjectFile.open(path, read_only=read_only) as pf:
                    project = pf.project
            except ProjectFileError:
                assert _snapshot(folder) == before, f"case {n} ({what}): a refused file changed"
                continue
            except Exception as exc:  # noqa: BLE001 - the point of the test
                pytest.fail(f"case {n} ({what}): {type(exc).__name__}: {exc}")
            _dump_loads(jsonio.dumps(project), f"case {n} ({what})")
            run_checks(project)
            if read_only and exported < 10:
                from wizard.core.export import export_all

                export_all(project, folder / "out")
                exported += 1
        assert time.monotonic() - start < 15, f"case {n} ({what}) took too long"
        shutil.rmtree(folder)
