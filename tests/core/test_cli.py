"""The command line (README.md, "Command line"), in-process through ``wizard.cli.main`` and as a real
``python main.py`` process: exit codes, output, and one clear line on any error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import cli
from wizard.core.checks.base import Severity, finding
from wizard.core.examples import load_example
from wizard.core.model import Justification
from wizard.core.project_file import jsonio
from wizard.core.project_file.store import ProjectFile

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
    assert (
        err.count("\n") == 1
        and "kind dans criteria, 3e ligne (id 3)" in err
        and "kind in criteria, row 3 (id 3)" in err
    )
    assert not (tmp_path / "x.tender").exists()


def test_dump_reads_a_file_open_in_the_app(example_file, capsys):
    with ProjectFile.open(example_file):  # the app holds the lock
        capsys.readouterr()
        assert cli.main(["dump", str(example_file)]) == 0
    assert '"reference": "SA-TI-2027-004"' in capsys.readouterr().out


# -- check --------------------------------------------------------------------------------


def _fake_checks(monkeypatch, *found):
    import wizard.core.checks as checks

    monkeypatch.setattr(checks, "run_checks", lambda project, record=None, **_context: list(found))


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
    assert lines[-1] == "1 error, 2 findings"


def test_check_exit_0_on_warnings_only_in_french(example_file, monkeypatch, capsys):
    _fake_checks(monkeypatch, finding("M-FEW", Severity.WARNING, "Fewer than 3 solutions.", "solutions"))
    capsys.readouterr()
    assert cli.main(["check", str(example_file), "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "0 erreur, 1 constat"
    # French writes a no-break space before the colon, as the documents do (COLON); English none
    assert (
        lines[0] == "AVERTISSEMENT M-FEW                  solutions\u00a0: Fewer than 3 solutions."
    )  # no French for a test message
    assert cli.main(["check", str(example_file), "--lang", "en"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0]
        == "WARNING M-FEW                  solutions: Fewer than 3 solutions."
    )


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
    assert "(justified)" in out and out.splitlines()[-1] == "0 errors, 1 finding (1 justified)"


@pytest.mark.slow
def test_check_real_brand_in_a_criterion(tmp_path):
    project = load_example("office-suite")
    project.criteria[0].text = "Native support for Microsoft Entra ID single sign-on."  # docs/cases.md K18
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
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 errors, ")


# -- lint ---------------------------------------------------------------------------------

REQUESTS = {  # the guide's "incorrect" statements, as received
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
    """docs/cases.md K18, through the command line."""
    text = "Native support for Microsoft Entra ID single sign-on"
    assert cli.main(["lint", "--field", "criterion", text, "--lang", "en"]) == 1
    assert "C-BRAND" in capsys.readouterr().out.split()
    assert cli.main(["lint", "--field", "criterion", "Conforms to WCAG 2.1 level AA", "--lang", "en"]) == 0
    assert "C-BRAND" not in capsys.readouterr().out.split()


@pytest.mark.slow
def test_process_lint_k17():
    text = "Replace our permitting software and waive competitive bidding for the upgrade"
    result = run_main("lint", "--field", "problem", text, "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert {"P-BYPASS", "P-SOLUTION"} <= set(result.stdout.split())


# -- errors: one line on stderr, exit 2, never a traceback ------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["dump"], "Missing argument: file. Try python main.py dump --help."),
        (["new"], "Missing argument: file. Try python main.py new --help."),
        (["export", "x.tender"], "Missing argument: --out."),
        (["check", "x.tender", "--lang", "de"], "--lang: de is not a choice; choose one of: fr, en."),
        (["lint", "--field", "budget", "text"], "--field: budget is not a choice"),
        (["lint", "--field"], "--field needs a value."),
        (["dump", "x.tender", "--bogus"], "Unknown argument: --bogus."),
        (["frobnicate", "a", "b"], "Unknown command or file: frobnicate."),
        (["frobnicate"], "Unknown command or file: frobnicate."),
        ([], None),
    ],
)
def test_bad_arguments(args, expected, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_run_app", lambda argv: pytest.fail(f"the app started with {argv}"))
    if expected is None:  # no argument at all: the app
        monkeypatch.setattr(cli, "_run_app", lambda argv: 7)
        assert cli.main(args) == 7
        return
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err
    french, english = err.rstrip("\n").split(" / ")
    assert english.startswith(expected.split(":")[0]) and french != english


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
    err = capsys.readouterr().err
    assert err == f"Ce fichier n’existe pas. / This file does not exist. ({tmp_path / 'absent.json'})\n"


def test_unknown_example_lists_the_names(tmp_path, capsys):
    assert cli.main(["new", "--example", "nope", str(tmp_path / "n.tender")]) == 2
    err = capsys.readouterr().err
    assert err == (
        "Exemple inconnu\u00a0: nope; choisissez parmi\u00a0: emergency-perimeter, office-suite, training. / "
        "Unknown example nope; choose one of: emergency-perimeter, office-suite, training.\n"
    )
    assert not (tmp_path / "n.tender").exists()


def test_new_into_a_missing_folder(tmp_path, capsys):
    assert cli.main(["new", "--example", "training", str(tmp_path / "no" / "t.tender")]) == 2
    assert capsys.readouterr().err.endswith(f"This folder does not exist. ({tmp_path / 'no'})\n")


# -- as a real process ----------------------------------------------------------------------


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
def test_process_help():
    result = run_main("--help")
    assert result.returncode == 0
    for command in cli.COMMANDS:
        assert command in result.stdout


# -- export ---------------------------------------------------------------------------------


@pytest.mark.slow
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
    assert "--lang: de is not a choice; choose one of: fr, en, both." in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
@pytest.mark.parametrize("lang", [None, "fr", "en", "both"])
def test_planned_outputs_are_exactly_what_export_writes(lang, tmp_path):
    from wizard.core.export import export_all, planned_outputs

    project = load_example("office-suite")  # English only
    planned = planned_outputs(project, tmp_path, lang)
    assert not any(p.exists() for p in planned)
    assert export_all(project, tmp_path, lang) == planned
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in planned)
    expected_langs = {None: ["en"], "fr": ["fr"], "en": ["en"], "both": ["fr", "en"]}[lang]
    assert [p.name for p in planned] == [
        *(f"tender-{x}.docx" for x in expected_langs),
        *(f"price-form-{x}.xlsx" for x in expected_langs),
        *(f"decision-record-{x}.docx" for x in expected_langs),
        "ocds-release-package.json",
        "vendor-register.csv",
        "criteria.csv",
    ]


@pytest.mark.slow
def test_export_never_overwrites_without_force(example_file, tmp_path, capsys):
    out = tmp_path / "out"
    assert cli.main(["export", str(example_file), "--out", str(out)]) == 0
    edited = out / "tender-fr.docx"
    edited.write_bytes(b"edited by the lawyers")
    record = (out / "decision-record-fr.docx").read_bytes()
    capsys.readouterr()
    assert cli.main(["export", str(example_file), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "Ce dossier contient déjà 6 des fichiers à écrire, dont tender-fr.docx; ajoutez --force pour "
        "les remplacer. / This folder already holds 6 of the files to write, such as tender-fr.docx; "
        f"add --force to replace them. ({out})\n"
    )
    assert edited.read_bytes() == b"edited by the lawyers"
    assert (out / "decision-record-fr.docx").read_bytes() == record
    assert cli.main(["export", str(example_file), "--out", str(out), "--force"]) == 0
    assert edited.read_bytes()[:2] == b"PK"  # replaced by a real DOCX
    assert len(capsys.readouterr().out.splitlines()) == 6


def test_export_refuses_when_one_planned_file_exists(example_file, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "criteria.csv").write_text("mine", encoding="utf-8")
    (out / "notes.txt").write_text("not ours", encoding="utf-8")  # not an output: no matter
    assert cli.main(["export", str(example_file), "--out", str(out)]) == 2
    assert "already holds 1 of the files to write, criteria.csv; add --force to replace it." in (
        capsys.readouterr().err
    )
    assert sorted(p.name for p in out.iterdir()) == ["criteria.csv", "notes.txt"]
    # another language's files are not in the way of a French export
    (out / "criteria.csv").unlink()
    (out / "tender-en.docx").write_text("English draft", encoding="utf-8")
    assert cli.main(["export", str(example_file), "--out", str(out), "--lang", "fr"]) == 0
    assert (out / "tender-en.docx").read_text(encoding="utf-8") == "English draft"


def test_export_into_a_file_says_so(example_file, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("keep", encoding="utf-8")
    assert cli.main(["export", str(example_file), "--out", str(notes)]) == 2
    assert capsys.readouterr().err == (
        f"C’est un fichier, pas un dossier. / This is a file, not a folder. ({notes})\n"
    )
    assert notes.read_text(encoding="utf-8") == "keep"


def _without_translations(path: Path) -> None:
    """The example's texts in French only (issue 16: the warning is about them)."""
    with ProjectFile.open(path) as pf:
        for row in list(pf.project.translations):
            pf.delete_row("translations", row.id)


@pytest.mark.slow
def test_export_in_another_language_warns_of_the_missing_translations(example_file, tmp_path, capsys):
    _without_translations(example_file)
    capsys.readouterr()
    assert cli.main(["export", str(example_file), "--out", str(tmp_path / "fr")]) == 0
    assert capsys.readouterr().err == ""  # the project's own language: no warning
    assert cli.main(["export", str(example_file), "--out", str(tmp_path / "en"), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert [Path(line).name for line in captured.out.splitlines()][:3] == [
        "tender-en.docx",
        "price-form-en.xlsx",
        "decision-record-en.docx",
    ]
    line = captured.err.splitlines()[-1]  # after the gate's list of markers
    assert line.startswith("Certains textes n’ont pas de version dans la langue de tender-en.docx")
    assert (
        " / Some texts have no version in the language of tender-en.docx, decision-record-en.docx: "
        "these documents print [TRADUCTION À FAIRE / TRANSLATION MISSING] in their place"
    ) in line
    assert cli.main(["export", str(example_file), "--out", str(tmp_path / "both"), "--lang", "both"]) == 0
    assert "language of tender-en.docx, decision-record-en.docx:" in capsys.readouterr().err


@pytest.mark.slow
def test_export_of_a_bilingual_project_typed_in_french_warns_for_english(example_file, tmp_path, capsys):
    """The warning follows the texts' missing versions (``translatable.missing``), not the
    tender language setting: "both" does not translate the need or the criteria."""
    _without_translations(example_file)
    with ProjectFile.open(example_file) as pf:
        pf.set_field("info", "tender_languages", "both")
    capsys.readouterr()
    assert cli.main(["export", str(example_file), "--out", str(tmp_path / "both")]) == 0
    assert "language of tender-en.docx, decision-record-en.docx:" in capsys.readouterr().err


@pytest.mark.slow
def test_the_command_line_starts_without_sqlite_utils():
    """``python main.py`` (the app too) goes through ``wizard.cli``: the project file
    store and sqlite-utils load only when a command needs them (start-up time)."""
    code = "import sys, wizard.cli; print(sorted({'sqlite_utils', 'wizard.core.project_file.store'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


# -- dump --out, folders where files are expected, --version ---------------------------------


def test_dump_out_refuses_an_existing_file_unless_force(example_file, tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes", encoding="utf-8")
    assert cli.main(["dump", str(example_file), "--out", str(notes)]) == 2
    assert capsys.readouterr().err == (
        "Ce fichier existe déjà; ajoutez --force pour le remplacer. / "
        f"This file already exists; add --force to replace it. ({notes})\n"
    )
    assert notes.read_text(encoding="utf-8") == "my notes"
    assert cli.main(["dump", str(example_file), "--out", str(notes), "--force"]) == 0
    assert json.loads(notes.read_text(encoding="utf-8"))["info"]["reference"] == "SA-TI-2027-004"
    assert cli.main(["dump", str(example_file), "--out", str(tmp_path)]) == 2
    assert "This is a folder, not a file name." in capsys.readouterr().err


@pytest.mark.parametrize("command", [["check"], ["dump"], ["export", "--out", "elsewhere"]])
def test_a_folder_given_as_the_project(command, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main([command[0], ".", *command[1:]]) == 2
    assert capsys.readouterr().err == (
        "C’est un dossier, pas un fichier de projet. / This is a folder, not a project file. (.)\n"
    )
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.slow
def test_version(capsys):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: tomli, from the test extra
        import tomli as tomllib

    import wizard

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # one source: the wheel's version is read from wizard/__init__.py
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "wizard/__init__.py"
    assert wizard.__version__.count(".") == 2
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"Open Procurement Wizard {wizard.__version__}\n"
    result = run_main("--version")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"Open Procurement Wizard {wizard.__version__}\n",
        "",
    )


@pytest.mark.slow
def test_python_m_wizard_is_the_same_command_line():
    """``python -m wizard …`` runs ``wizard.cli.main`` as ``python main.py …`` does."""
    import wizard

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}

    def run(*args: str) -> tuple[int, str, str]:
        result = subprocess.run(
            [sys.executable, "-m", "wizard", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )
        return result.returncode, result.stdout, result.stderr

    assert run("--version") == (0, f"Open Procurement Wizard {wizard.__version__}\n", "")
    code, out, err = run("exprot")
    as_main = run_main("exprot")
    # the same answer, naming the program as it was started
    assert (code, out, err.replace("python -m wizard", "python main.py")) == (
        as_main.returncode,
        as_main.stdout,
        as_main.stderr,
    )
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "Try python -m wizard --help." in err and "Essayez python -m wizard --help." in err
    code, out, err = run("--help")
    assert code == 0 and out.startswith("usage: python -m wizard ") and "main.py" not in out


def test_each_entry_point_names_itself_in_its_hints(monkeypatch, capsys):
    """``main.py``, ``python -m wizard`` and the installed scripts give hints that can be
    typed as they are."""
    monkeypatch.setattr(sys, "argv", ["/usr/bin/open-procurement-wizard", "exprot"])
    assert cli.console_main() == 2
    assert "Try open-procurement-wizard --help." in capsys.readouterr().err
    assert cli.main(["lint"], prog="python -m wizard") == 2
    assert "Try python -m wizard lint --help." in capsys.readouterr().err
    assert cli.main(["dump"]) == 2
    assert "Try python main.py dump --help." in capsys.readouterr().err
    monkeypatch.setattr(sys, "argv", ["open-procurement-wizard-app", "exprot"])
    assert cli.gui_main() == 2
    assert "Try open-procurement-wizard-app --help." in capsys.readouterr().err


# -- which single argument starts the app ------------------------------------------------------


def test_a_project_path_starts_the_app_and_a_word_does_not(tmp_path, monkeypatch, capsys):
    started = []
    monkeypatch.setattr(cli, "_run_app", lambda argv: started.append(argv) or 0)
    existing = tmp_path / "notes.txt"
    existing.write_text("x", encoding="utf-8")
    for argv in ([], [str(tmp_path / "new.tender")], [str(existing)]):
        assert cli.main(argv) == 0
    assert started == [[], [str(tmp_path / "new.tender")], [str(existing)]]
    started.clear()
    for argv in (["frobnicate"], [str(tmp_path)], ["expotr", "demo.tender"]):
        assert cli.main(argv) == 2
    assert started == []
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "Commande ou fichier inconnu\u00a0: frobnicate. Essayez python main.py --help. / "
        "Unknown command or file: frobnicate. Try python main.py --help.",
        f"C’est un dossier, pas un fichier de projet. / This is a folder, not a project file. ({tmp_path})",
        "Commande ou fichier inconnu\u00a0: expotr. Essayez python main.py --help. / "
        "Unknown command or file: expotr. Try python main.py --help.",
    ]


@pytest.mark.slow
def test_process_unknown_word_does_not_start_qt(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "frobnicate"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "Commande ou fichier inconnu\u00a0: frobnicate. Essayez python main.py --help. / "
        "Unknown command or file: frobnicate. Try python main.py --help."
    ]


# -- a closed pipe ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["dump"], ["check", "--lang", "fr"]])
def test_process_closed_pipe_ends_quietly(command, example_file):
    """``… | head -1``: the reader is gone before the command writes (the read end is
    closed before the process starts, so every write fails): exit 1, nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    try:
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), command[0], str(example_file), *command[1:]],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (1, b"")
    twin = run_main(command[0], str(example_file), *command[1:])  # a reader that stays
    assert (twin.returncode, twin.stderr) == (0, "")
    assert len(twin.stdout.splitlines()) > 5


def test_closed_pipe_in_process_is_not_a_file_error(example_file, monkeypatch, capsys):
    class Closed:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", Closed())
    assert cli.main(["dump", str(example_file)]) == 1
    assert capsys.readouterr().err == ""
    monkeypatch.undo()
    assert cli.main(["dump", str(example_file)]) == 0
    assert json.loads(capsys.readouterr().out)["info"]


# -- languages of check and lint ------------------------------------------------------------------


def test_check_in_french_translates_severities_and_justified(tmp_path, capsys):
    path = tmp_path / "t.tender"
    assert cli.main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["check", str(path), "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    words = {line.split()[0] for line in lines[:-1]}
    assert words <= {"ERREUR", "AVERTISSEMENT", "INFO"} and "AVERTISSEMENT" in words
    (justified,) = [line for line in lines if line.endswith("(justifié)")]
    assert justified.split()[:2] == ["AVERTISSEMENT", "V-UNDESIGNATED"]
    assert "(justified)" not in "\n".join(lines) and "WARNING" not in "\n".join(lines)
    assert len(lines) > 2 and lines[-1] == f"0 erreur, {len(lines) - 1} constats (1 justifié)"


@pytest.mark.parametrize(("locale", "total"), [("fr_CA.UTF-8", "constat"), ("en_CA.UTF-8", "finding")])
def test_check_and_lint_follow_the_system_language(locale, total, example_file, monkeypatch, capsys):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LC_ALL", locale)
    capsys.readouterr()
    cli.main(["check", str(example_file)])
    assert total in capsys.readouterr().out.splitlines()[-1]
    assert cli.main(["lint", "--field", "problem", "Il nous faut quelque chose.", "--explain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "P-NEED  (INFO) " + ("Formulez le besoin" if locale.startswith("fr") else "State the need")
    )


def test_lint_explain_keeps_the_code_first(capsys):
    text = "Acheter Microsoft 365 pour tout le personnel, la solution la moins chère"
    assert cli.main(["lint", "--field", "problem", text, "--lang", "fr"]) == 1
    plain = capsys.readouterr().out.splitlines()
    assert cli.main(["lint", "--field", "problem", text, "--lang", "fr", "--explain"]) == 1
    explained = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in explained] == [line.split()[0] for line in plain]
    assert sorted(line.split()[0] for line in plain) == ["P-NEED", "P-PRESUME", "P-SOLUTION"]
    by_code = {line.split()[0]: line for line in explained}
    assert by_code["P-SOLUTION"].startswith(
        "P-SOLUTION  Microsoft 365  (ERREUR) L’énoncé cible une solution plutôt qu’un besoin"
    )
    assert by_code["P-PRESUME"].startswith("P-PRESUME  (AVERTISSEMENT) ")
    assert cli.main(["lint", "--field", "criterion", "Compatible with ESRI", "--lang", "en", "-v"]) == 1
    assert capsys.readouterr().out.startswith("C-BRAND  ESRI  (ERROR) ")


def test_lint_lang_sets_the_suggestion_language_of_an_unclear_text(capsys):
    text = "Install SAP S/4HANA"  # as French as it is English
    cli.main(["lint", "--field", "problem", text, "--lang", "fr", "--explain"])
    assert "par exemple\u00a0: J’ai besoin d’évaluer" in capsys.readouterr().out
    cli.main(["lint", "--field", "problem", text, "--lang", "en", "--explain"])
    assert "for example: I need to evaluate" in capsys.readouterr().out


def test_every_command_line_message_is_in_french():
    from po_messages import code_ids, french_ids

    sources = [
        "wizard/cli/__init__.py",
        "wizard/cli/messages.py",
        "wizard/cli/commands.py",
        "wizard/core/checks/lint.py",
        "wizard/core/i18n/counts.py",
    ]
    ids = code_ids(sources)
    assert len(ids) >= 25
    french = french_ids()
    assert [text for text in ids if text not in french] == []


@pytest.mark.slow
def test_the_app_without_a_display_is_one_line_and_exit_2(tmp_path):
    """On Linux with neither X11 nor Wayland, Qt would abort (exit 134) with its own lines."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    project = tmp_path / "demo.tender"
    assert cli.main(["new", "--example", "training", str(project)]) == 0
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(project)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Aucun écran pour afficher l’application; la ligne de commande fonctionne sans écran (essayez --help)."
        " / No display to show the app on; the command line works without one (try --help)."
    ]


def test_new_help_lists_the_examples(capsys):
    """Walk 2026-12-06 point 16: ``new --help`` did not say which examples exist."""
    from wizard.core.examples import example_names

    assert cli.main(["new", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--example NAME" in text
    assert f"start from: {', '.join(example_names())} (none: an empty project)" in text
    assert example_names() == ["emergency-perimeter", "office-suite", "training"]
