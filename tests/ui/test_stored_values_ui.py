"""A file holding a value ``load`` refuses opens in the app and the step's findings say
it at once, on its row (checks/stored.py; tests/core/test_stored_values.py)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.widgets.findings_panel import FINDING_ROLE

DATA = Path(__file__).resolve().parent.parent / "data"


def _panel(page) -> dict[str, str]:
    items = [page.findings.list.item(i) for i in range(page.findings.list.count())]
    return {i.data(FINDING_ROLE).field: i.text() for i in items if i.data(FINDING_ROLE) is not None}


def test_a_criterion_of_kind_required_opens_and_is_said_on_the_criteria_page(window, tmp_path):
    path = tmp_path / "office-suite.tender"
    shutil.copy(DATA / "v8" / "office-suite.tender", path)
    with sqlite3.connect(path) as db:
        criterion = db.execute("SELECT id FROM criteria ORDER BY rowid LIMIT 1").fetchone()[0]
        db.execute("UPDATE criteria SET kind = 'required' WHERE id = ?", (criterion,))
    db.close()
    window.set_project(ProjectFile.open(path))
    window.wizard.go_to(Step.CRITERIA)
    said = _panel(window.wizard.currentPage())
    assert "This field holds “required”, which is not one of its values" in said[f"criteria:{criterion}.kind"]
    assert {c.id: c.kind for c in window.ctx.project.criteria}[criterion] == "required"  # kept
    window.set_language("fr")
    said = _panel(window.wizard.currentPage())
    assert "Ce champ contient «\u00a0required\u00a0»" in said[f"criteria:{criterion}.kind"]
