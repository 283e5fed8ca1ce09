"""The README tells the truth about the code: its quick start runs as written, its step
table numbers the steps as the app does, and every command-line option is documented."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import cli
from wizard.core.i18n import tr
from wizard.core.steps import STEPS, Step

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def _cli_section(command: str) -> str:
    """A command's section of docs/cli.md, which the README's table links to."""
    start = CLI.index(f"\n## `{command}`\n")
    end = CLI.find("\n## ", start + 1)
    return CLI[start : end if end != -1 else None]


def _shell_blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", text, re.S)


def test_quick_start_sets_up_with_python3_venv():
    setup, tests = _shell_blocks(_section("Quick start"))
    assert setup.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install . && ")
    assert tests == 'pip install ".[test]" && python -m pytest -q'
    quick = _section("Quick start")
    for words in ("python3-venv", "py -m venv .venv", ".venv\\Scripts\\activate"):
        assert words in quick


@pytest.mark.slow
def test_quick_start_commands_run_as_written(tmp_path):
    """Every ``python main.py`` command of the quick start, from a fresh folder, in order;
    the files the README says ``out/`` holds are exactly the ones written."""
    setup, _tests = _shell_blocks(_section("Quick start"))
    commands = [shlex.split(c) for c in setup.split(" && ") if c.startswith("python main.py ")]
    assert [c[2] for c in commands] == ["new", "export"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for command in commands:
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *command[2:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    listed = re.search(r"`out/` now holds (.*?) \(", _section("Quick start"), re.S).group(1)
    names = re.findall(r"`([^`]+)`", listed)
    assert sorted(names) == sorted(p.name for p in (tmp_path / "out").iterdir())


def test_steps_are_numbered_like_the_app():
    rows = re.findall(r"^\| (\d+) \| ([^|]+) \|", _section("The steps"), re.M)
    assert [(int(n), title.strip()) for n, title in rows] == [
        (step.value + 1, tr(STEPS[step].title, "en")) for step in Step
    ]


def _subcommands() -> dict[str, list[str]]:
    parser = cli._parser()
    (sub,) = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]
    return {
        name: [o for a in p._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
        for name, p in sub.choices.items()
    }


@pytest.mark.parametrize("command", cli.COMMANDS)
def test_every_option_is_in_the_command_table(command):
    section = _section("Command line")
    (row,) = [line for line in section.splitlines() if line.startswith(f"| `python main.py {command} ")]
    assert f"(docs/cli.md#{command})" in row
    documented = row + _cli_section(command)
    for option in _subcommands()[command]:
        assert option in documented, option


def test_command_line_section_documents_version_defaults_and_overwrite():
    section = _section("Command line")
    assert "`python main.py --version`" in section
    assert "unless `--lang`" in section and "system language" in section
    assert "project's tender language(s)" in section
    assert "Add `--force` to replace them" in section and "`dump --out` refuses" in section
    assert set(_subcommands()) == set(cli.COMMANDS)


def test_skip_reasons_are_explained():
    """The reasons pytest prints for skipped tests are the ones the README explains."""
    quick = _section("Quick start")
    reasons = [
        ("tests/core/test_clause_library.py", "the guide (shared/reference) is not beside the checkout"),
        ("tests/core/test_ocds.py", "reference samples not beside the checkout"),
        ("tests/core/test_store.py", "root can write any file"),
        ("tests/core/test_store.py", "cannot run as nobody here"),
        ("tests/core/test_libreoffice.py", "LibreOffice (soffice) and pdftotext are needed"),
    ]
    for path, reason in reasons:
        assert reason in (ROOT / path).read_text(encoding="utf-8"), path
    for _path, reason in reasons[:4]:
        assert reason.replace(" (shared/reference)", "") in " ".join(quick.split()).replace(
            " (shared/reference)", ""
        )
    assert "../shared/reference/" in quick and "LibreOffice (`soffice`)" in quick


def test_readme_documents_every_command_and_the_test_command():
    for command in cli.COMMANDS:
        assert f"python main.py {command}" in README, command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == "python -m pytest -q"
    for code in ("`0`", "`1`", "`2`"):
        assert code in _section("Command line")


def test_development_section_names_the_checks_ci_runs():
    """The Development section's commands are the ones ``.ci/run`` runs (format in
    check mode), and its quick loop uses the registered ``slow`` marker."""
    section = _section("Development")
    (commands,) = _shell_blocks(section)
    lines = [line.split("#")[0].strip() for line in commands.splitlines()]
    assert lines == [
        'python -m pytest -q -m "not slow"',
        "python -m pytest -q",
        "ruff format .",
        "ruff check .",
        "mypy wizard",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [line.split("||")[0].strip() for line in ci.splitlines()]
    for check in ("ruff format --check .", "ruff check .", "mypy wizard", "python -m pytest -q"):
        assert check in ci_lines, check
        assert f"`{check}`" in section or check in lines, check
    assert "`bash .ci/run`" in section and "72 characters" in section
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: tomli, from the test extra
        import tomli as tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    markers = pyproject["tool"]["pytest"]["ini_options"]["markers"]
    assert any(marker.startswith("slow:") for marker in markers)


def test_the_export_row_names_every_file_export_writes(tmp_path, capsys):
    """The training example (bids, an award, a signed contract followed, an addendum):
    each file ``export`` writes is named in its section of docs/cli.md, with
    ``<lang>``, ``<bid>`` and ``<n>`` for the parts that vary (walk 2026-12-07: the
    follow-up's documents and CSVs were missing)."""
    row = _cli_section("export")
    path = tmp_path / "t.tender"
    assert cli.main(["new", "--example", "training", str(path)]) == 0
    assert cli.main(["export", str(path), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    shapes = set()
    for written in (tmp_path / "out").iterdir():
        name = re.sub(r"^(debriefing|award-notice)-\d+-", r"\1-<bid>-", written.name)
        name = re.sub(r"^addendum-\d+-", "addendum-<n>-", name)
        shapes.add(re.sub(r"-(fr|en)\.(docx|xlsx)$", r"-<lang>.\2", name))
    assert {"contract.csv", "performance-<lang>.docx", "debriefing-<bid>-<lang>.docx"} <= shapes
    assert "award-notice-<bid>-<lang>.docx" in shapes
    assert sorted(name for name in shapes if f"`{name}`" not in row) == []


def test_the_contract_row_lists_the_severities_and_the_security_flag():
    from wizard.core.contract.record import SEVERITIES

    row = _cli_section("contract")
    assert SEVERITIES == ("critical", "major", "minor")
    assert "`incident --started --severity " + "|".join(SEVERITIES) + "`" in row
    assert "`--security` (a flag" in row
