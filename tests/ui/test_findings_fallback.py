"""The app's findings never vanish because one check failed (docs/cases.md K25): a
clause that recursed used to raise out of the checks, and ``ProjectContext.findings``
then showed an empty list, hiding every warning."""

from __future__ import annotations

import wizard.core.checks as checks_module
from wizard.core.checks import CHECKS, run_checks
from wizard.core.examples import load_example
from wizard.core.i18n import tr
from wizard.core.model import ClauseChoice
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.context import ProjectContext


def _context(tmp_path, project) -> ProjectContext:
    return ProjectContext(ProjectFile.create(tmp_path / "recu.tender", project))


def test_k25_a_recursive_clause_is_one_finding_among_all_the_others(tmp_path):
    project = load_example("office-suite")
    expected = run_checks(project)
    project.clause_choices = [
        *project.clause_choices,
        ClauseChoice(900, "precedence", True, custom_en="{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}"),
    ]
    ctx = _context(tmp_path, project)
    try:
        found = ctx.findings()
        assert [f for f in found if f.code != "K-RENDER"] == expected
        [render] = [f for f in found if f.code == "K-RENDER"]
        assert render.param("clause_id") == "precedence" and render.field == "clause_choices:900.custom_en"
    finally:
        ctx.close()


def test_a_failing_check_shows_as_a_finding_of_its_step_and_the_others_stay(tmp_path, monkeypatch):
    """In the app and on the command line alike: ``run_checks`` never raises."""
    project = load_example("office-suite")
    expected = [f for f in run_checks(project) if f.step != Step.TCO]

    def broken(_project, _index):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(CHECKS, Step.TCO, broken)
    ctx = _context(tmp_path, project)
    try:
        found = ctx.findings()
        [failed] = [f for f in found if f.code == "CHECK-FAILED"]
        assert failed.step == Step.TCO and failed.severity.value == "error"
        assert "ZeroDivisionError: division by zero" in failed.message("en")
        assert "ZeroDivisionError" in failed.message("fr") and failed.message("fr") != failed.message("en")
        assert [f for f in found if f.code != "CHECK-FAILED"] == expected
        assert tr(checks_module.CHECK_FAILED, "fr") != checks_module.CHECK_FAILED
    finally:
        ctx.close()


def test_check_command_reports_a_failing_step_and_every_other_finding(tmp_path, monkeypatch, capsys):
    from wizard import cli

    def broken(_project, _index):
        raise ZeroDivisionError("division by zero")

    path = tmp_path / "recu.tender"
    ProjectFile.create(path, load_example("office-suite")).close()
    monkeypatch.setitem(CHECKS, Step.TCO, broken)
    assert cli.main(["check", str(path), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "CHECK-FAILED" in out and "ZeroDivisionError" in out and "V-UNDESIGNATED" in out
