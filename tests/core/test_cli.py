"""The command line (SPEC §5), in-process through ``wizard.cli.main`` and as a real
``python main.py`` process: exit codes, output, and one clear line on any error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import cli
from wizard.core import jsonio
from wizard.core.checks.base import Severity, finding
from wizard.core.examples import load_example
from wizard.core.model import Justification
from wizard.core.store import ProjectFile

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def example_file(tmp_path):
    path = tmp_path / "demo.tender"
    assert cli.main(["new", "--example", "emergency-perimeter", str(path)]) == 0
    return path


# -- new, dump, load ---------------------------------------------------------------------


def test_new_from_example(tmp_path, capsys):
    example_file = tmp_path / "ex.tender"
    assert cli.main(["new", "--example", "emergency-perimeter", str(example_file)]) == 0
    assert capsys.readouterr().out == f"{example_file}\n"
    with ProjectFile.open(example_file, read_only=True) as pf:
        assert pf.project == load_example("emergency-perimeter")


def test_new_refuses_to_overwrite(example_file, capsys):
    before = example_file.read_bytes()
    capsys.readouterr()
    assert cli.main(["new", "--example", "training", str(example_file)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err
    assert example_file.read_bytes() == before


def test_dump_to_stdout_and_to_a_file(example_file, tmp_path, capsys):
    capsys.readouterr()
    assert cli.main(["dump", str(example_file)]) == 0
    out = capsys.readouterr().out
    assert out == jsonio.dumps(load_example("emergency-perimeter"))
    target = tmp_path / "projet.json"
    assert cli.main(["dump", str(example_file), "--out", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == out


def test_dump_load_dump_is_identical(example_file, tmp_path, capsys):
    first = tmp_path / "first.json"
    assert cli.main(["dump", str(example_file), "--out", str(first)]) == 0
    assert cli.main(["load", str(first), str(tmp_path / "copy.tender")]) == 0
    capsys.readouterr()
    assert cli.main(["dump", str(tmp_path / "copy.tender")]) == 0
    assert capsys.readouterr().out == first.read_text(encoding="utf-8")


def test_load_bad_json_names_the_field(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    data = json.loads(jsonio.dumps(load_example("training")))
    data["criteria"][2]["kind"] = 3
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert cli.main(["load", str(bad), str(tmp_path / "x.tender")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "criteria[2].kind" in err
    assert not (tmp_path / "x.tender").exists()


def test_dump_reads_a_file_open_in_the_app(example_file, capsys):
    with ProjectFile.open(example_file):  # the app holds the lock
        capsys.readouterr()
        assert cli.main(["dump", str(example_file)]) == 0
    assert '"reference": "SA-TI-2027-004"' in capsys.readouterr().out


# -- check --------------------------------------------------------------------------------


def _fake_checks(monkeypatch, *found):
    import wizard.core.checks as checks

    monkeypatch.setattr(checks, "run_checks", lambda project: list(found))


def test_check_exit_1_on_an_error_finding(example_file, monkeypatch, capsys):
    _fake_checks(
        monkeypatch,
        finding("C-BRAND", Severity.ERROR, "A brand name in a criterion.", "criteria:1.text"),
        finding("M-FEW", Severity.WARNING, "Fewer than 3 solutions.", "solutions"),
    )
    capsys.readouterr()
    assert cli.main(["check", str(example_file), "--lang", "en"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["ERROR", "C-BRAND", "criteria:1.text:"]
    assert lines[1].split()[:2] == ["WARNING", "M-FEW"]
    assert lines[-1] == "1 error(s), 2 finding(s)"


def test_check_exit_0_on_warnings_only_in_french(example_file, monkeypatch, capsys):
    _fake_checks(monkeypatch, finding("M-FEW", Severity.WARNING, "Fewer than 3 solutions.", "solutions"))
    capsys.readouterr()
    assert cli.main(["check", str(example_file), "--lang", "fr"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "0 erreur(s), 1 constat(s)"


def test_check_justified_error_does_not_fail(tmp_path, monkeypatch, capsys):
    project = load_example("office-suite")
    project.justifications = [
        Justification(id=1, code="C-BRAND", field="criteria:1.text", reason="Équipement déjà installé.")
    ]
    path = tmp_path / "j.tender"
    ProjectFile.create(path, project).close()
    _fake_checks(monkeypatch, finding("C-BRAND", Severity.ERROR, "Brand.", "criteria:1.text"))
    capsys.readouterr()
    assert cli.main(["check", str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "(justified)" in out and out.splitlines()[-1] == "0 error(s), 1 finding(s)"


def test_check_real_brand_in_a_criterion(tmp_path):
    project = load_example("office-suite")
    project.criteria[0].text = "Native support for Microsoft Entra ID single sign-on."  # CASES K18
    path = tmp_path / "brand.tender"
    ProjectFile.create(path, project).close()
    result = run_main("check", str(path), "--lang", "en")
    assert result.returncode == 1, result.stdout + result.stderr
    assert any(line.split()[:2] == ["ERROR", "C-BRAND"] for line in result.stdout.splitlines())
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["emergency-perimeter", "office-suite", "training"])
def test_check_examples_exit_0(name, tmp_path, capsys):
    path = tmp_path / f"{name}.tender"
    assert cli.main(["new", "--example", name, str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["check", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 error(s), ")


# -- lint ---------------------------------------------------------------------------------

REQUESTS = {  # the guide's "incorrect" statements, as received (SPEC §2.1)
    "emergency-perimeter": ("fr", {"P-SOLUTION", "P-PRESUME", "P-SCOPE"}),
    "office-suite": ("en", {"P-BYPASS", "P-SOLUTION", "P-PRESUME"}),
    "training": ("fr", {"P-SOLUTION", "P-SCOPE"}),
}


@pytest.mark.parametrize("name", list(REQUESTS))
def test_lint_flags_the_request_and_passes_the_statement(name, capsys):
    lang, expected = REQUESTS[name]
    problem = load_example(name).problem
    assert cli.main(["lint", "--field", "problem", problem.request_as_received, "--lang", lang]) == 1
    codes = set(capsys.readouterr().out.split())
    assert expected <= codes
    assert cli.main(["lint", "--field", "problem", problem.statement, "--lang", lang]) == 0
    assert capsys.readouterr().out == ""


def test_lint_criterion_brand_and_standard(capsys):
    """CASES K18, through the command line."""
    text = "Native support for Microsoft Entra ID single sign-on"
    assert cli.main(["lint", "--field", "criterion", text, "--lang", "en"]) == 1
    assert "C-BRAND" in capsys.readouterr().out.split()
    assert cli.main(["lint", "--field", "criterion", "Conforms to WCAG 2.1 level AA", "--lang", "en"]) == 0
    assert "C-BRAND" not in capsys.readouterr().out.split()


def test_process_lint_k17():
    text = "Replace our permitting software and waive competitive bidding for the upgrade"
    result = run_main("lint", "--field", "problem", text, "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert {"P-BYPASS", "P-SOLUTION"} <= set(result.stdout.split())


# -- errors: one line on stderr, exit 2, never a traceback ------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["dump"], "the following arguments are required: file"),
        (["new", "x.tender"], "--example"),
        (["export", "x.tender"], "--out"),
        (["check", "x.tender", "--lang", "de"], "invalid choice"),
        (["lint", "--field", "budget", "text"], "invalid choice"),
        (["frobnicate", "a", "b"], "unknown command 'frobnicate'"),
    ],
)
def test_bad_arguments(args, expected, capsys):
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err


def test_missing_and_foreign_files(tmp_path, capsys):
    assert cli.main(["dump", str(tmp_path / "absent.tender")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "absent.tender" in err
    foreign = tmp_path / "notes.tender"
    foreign.write_text("hello", encoding="utf-8")
    assert cli.main(["check", str(foreign)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not an Open Procurement Wizard project" in err
    assert foreign.read_text(encoding="utf-8") == "hello"
    assert cli.main(["load", str(tmp_path / "absent.json"), str(tmp_path / "y.tender")]) == 2
    assert "absent.json: no such file" in capsys.readouterr().err


def test_unknown_example_lists_the_names(tmp_path, capsys):
    assert cli.main(["new", "--example", "nope", str(tmp_path / "n.tender")]) == 2
    err = capsys.readouterr().err
    assert err == "unknown example 'nope'; choose one of: emergency-perimeter, office-suite, training\n"
    assert not (tmp_path / "n.tender").exists()


def test_new_into_a_missing_folder(tmp_path, capsys):
    assert cli.main(["new", "--example", "training", str(tmp_path / "no" / "t.tender")]) == 2
    assert "no such folder" in capsys.readouterr().err


# -- as a real process ----------------------------------------------------------------------


def test_process_new_dump_load_dump(tmp_path):
    demo = tmp_path / "démo été.tender"  # accented path (K16)
    result = run_main("new", "--example", "office-suite", str(demo))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(demo)
    dumped = run_main("dump", str(demo))
    assert dumped.returncode == 0 and dumped.stdout == jsonio.dumps(load_example("office-suite"))
    (tmp_path / "p.json").write_text(dumped.stdout, encoding="utf-8")
    assert run_main("load", str(tmp_path / "p.json"), str(tmp_path / "copy.tender")).returncode == 0
    assert run_main("dump", str(tmp_path / "copy.tender")).stdout == dumped.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["new", "--example", "nope", "x.tender"],
        ["dump", "missing.tender"],
        ["check"],
        ["export", "missing.tender", "--out", "out"],
        ["load", "missing.json", "x.tender"],
    ],
)
def test_process_errors_are_one_line_exit_2(args, tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_process_help():
    result = run_main("--help")
    assert result.returncode == 0
    for command in cli.COMMANDS:
        assert command in result.stdout


# -- export, and the README's own commands ---------------------------------------------------


def test_export_writes_every_output(example_file, tmp_path, capsys):
    out = tmp_path / "out" / "nested"
    capsys.readouterr()
    assert cli.main(["export", str(example_file), "--out", str(out), "--lang", "both"]) == 0
    printed = capsys.readouterr().out.splitlines()
    names = {Path(line).name for line in printed}
    assert {"tender-fr.docx", "tender-en.docx", "ocds-release-package.json", "criteria.csv"} <= names
    assert all(Path(line).is_file() and Path(line).parent == out for line in printed)
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_export_bad_language(example_file, tmp_path, capsys):
    assert cli.main(["export", str(example_file), "--out", str(tmp_path / "o"), "--lang", "de"]) == 2
    assert "invalid choice" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_readme_quick_start_commands(tmp_path):
    """The README's main job, as a user types it (from the folder of the project)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = (
        "python main.py new --example emergency-perimeter demo.tender && "
        "python main.py export demo.tender --out out/"
    )
    assert command in readme
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    main_py = str(ROOT / "main.py")
    for args in (
        ["new", "--example", "emergency-perimeter", "demo.tender"],
        ["export", "demo.tender", "--out", "out/"],
    ):
        result = subprocess.run(
            [sys.executable, main_py, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "tender-fr.docx").is_file()


def test_readme_documents_every_command_and_the_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in cli.COMMANDS:
        assert f"python main.py {command}" in readme, command
    assert 'pip install ".[test]" && python -m pytest -q' in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == "python -m pytest -q"
    for code in ("`0`", "`1`", "`2`"):
        assert code in readme
