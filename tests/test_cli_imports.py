"""Deferred imports (issue 25): ``check``, ``lint`` and ``dump`` never load matplotlib or
the DOCX stack; ``lint --field`` opens no project file, so it loads neither sqlite-utils
(and the numpy it pulls in) nor jsonschema. Each command runs in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile

ROOT = Path(__file__).resolve().parent.parent

_CHILD = (
    "import contextlib, io, json, sys\n"
    "from wizard.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    "    try:\n"
    "        code = main(sys.argv[1:])\n"
    "    except SystemExit as exc:\n"
    "        code = exc.code\n"
    "heavy = ('matplotlib', 'docx', 'openpyxl', 'sqlite_utils', 'numpy', 'jsonschema', 'PySide6')\n"
    "print(json.dumps([code, sorted(m for m in heavy if m in sys.modules)]))\n"
)


def _loaded(*argv: str) -> tuple[int, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *argv], cwd=ROOT, capture_output=True, text=True, check=True
    )
    code, modules = json.loads(done.stdout.strip().splitlines()[-1])
    return code, modules


@pytest.fixture(scope="module")
def project_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-imports") / "office.tender"
    ProjectFile.create(path, load_example("office-suite")).close()
    return path


@pytest.mark.slow
def test_check_and_dump_load_no_document_stack(project_file: Path, tmp_path: Path) -> None:
    code, modules = _loaded("check", str(project_file))
    assert code in (0, 1)  # findings or none: the command ran
    assert not {"matplotlib", "docx", "openpyxl", "PySide6"} & set(modules)
    assert "sqlite_utils" in modules  # it opened the project file
    code, modules = _loaded("dump", str(project_file), "--out", str(tmp_path / "p.json"))
    assert code == 0 and (tmp_path / "p.json").stat().st_size > 1000
    assert not {"matplotlib", "docx", "openpyxl", "jsonschema", "PySide6"} & set(modules)


def test_lint_field_opens_no_project_file() -> None:
    code, modules = _loaded("lint", "--field", "criterion", "The solution must be user-friendly.")
    assert code == 0
    assert modules == []
