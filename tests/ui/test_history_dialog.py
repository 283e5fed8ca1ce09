"""The History window in both languages: every text translated, a deleted row and its
translations named by what they were, added and deleted rows said so, and the step
filter putting a translation under its text's step (issue 24, looked at at 1366×768)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableWidget

from wizard.core import ops
from wizard.core.examples import load_example
from wizard.core.model import Criterion
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui import dialogs, field_labels

TEXTS = {
    "fr": {
        "title": "Historique du projet",
        "headers": ["Quand", "Quoi", "Avant", "Après"],
        "show": "Afficher\u00a0:",
        "all": "Toutes les étapes",
        "restore": "&Rétablir cette version",
        "added": "(ligne ajoutée)",
        "deleted": "(ligne supprimée)",
        "criteria": "Critères › Critères “Les données restent au Canada.”",
        "lines": "Coût total de possession › Postes de coût ($ CA, avant taxes)",
        "label": "Description",
        "version": "Version anglaise",
    },
    "en": {
        "title": "Project history",
        "headers": ["When", "What", "Before", "After"],
        "show": "Show:",
        "all": "All steps",
        "restore": "&Restore this version",
        "added": "(row added)",
        "deleted": "(row deleted)",
        "criteria": "Criteria › Criteria “Les données restent au Canada.”",
        "lines": "Total cost of ownership › Cost lines (CAD, before taxes)",
        "label": "Description",
        "version": "English version",
    },
}


@pytest.fixture
def edited(window, tmp_path):
    """The emergency-perimeter example with a cost line deleted (with its English
    translations) and a criterion added."""
    window.set_project(ProjectFile.create(tmp_path / "h.tender", load_example("emergency-perimeter")))
    project = window.ctx.project
    assert project.info.text_language == "fr"
    line = next(
        c
        for c in reversed(project.cost_lines)
        if f"cost_lines:{c.id}.label" in {t.address for t in project.translations}
    )
    window.ctx.do(ops.delete, line)
    window.ctx.do(ops.add, Criterion(text="Les données restent au Canada."))
    return window, line


def _open_history(window, monkeypatch):
    shown = []
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: shown.append(dialog) or 0)
    window.actions_by_name["history"].trigger()
    (dialog,) = shown
    return dialog, dialog.findChild(QTableWidget, "history")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_history_texts_in_each_language(edited, monkeypatch, lang):
    window, line = edited
    window.actions_by_name[f"lang_{lang}"].trigger()
    expected = TEXTS[lang]
    dialog, table = _open_history(window, monkeypatch)
    assert dialog.windowTitle() == expected["title"]
    assert [table.horizontalHeaderItem(c).text() for c in range(4)] == expected["headers"]
    assert dialog.findChild(QPushButton, "restore").text() == expected["restore"]
    steps = dialog.findChild(QComboBox, "history-step")
    assert steps.itemText(0) == expected["all"]
    assert [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is steps] == [
        expected["show"]
    ]
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    name = field_labels.row_name(line)
    assert rows[0][1:] == [expected["criteria"], expected["added"], "Les données restent au Canada."]
    whats = [row[1] for row in rows]
    assert f"{expected['lines']} “{name}”" in whats
    deleted = whats.index(f"{expected['lines']} “{name}”")
    assert rows[deleted][2] == name and rows[deleted][3] == expected["deleted"]
    label_version = f"{expected['lines']} “{name}” › {expected['label']} › {expected['version']}"
    assert label_version in whats
    assert rows[whats.index(label_version)][3] == expected["deleted"]
    assert not [w for w in whats if "translations" in w or "#" in w]  # no internal names


def test_history_filter_puts_a_translation_under_its_texts_step(edited, monkeypatch):
    window, line = edited
    dialog, table = _open_history(window, monkeypatch)
    steps = dialog.findChild(QComboBox, "history-step")
    steps.setCurrentIndex(steps.findData(int(Step.TCO)))
    visible = [table.item(r, 1).text() for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert visible and all(text.startswith("Total cost of ownership › ") for text in visible)
    assert any(text.endswith(" › English version") for text in visible)
    steps.setCurrentIndex(steps.findData(int(Step.PROJECT)))
    assert all(
        table.isRowHidden(r) or table.item(r, 1).text().startswith("Project") for r in range(table.rowCount())
    )


def test_a_long_text_changed_at_its_end_shows_the_change():
    start = "Lors d'une situation d'urgence, j'ai besoin de sécuriser un périmètre à plusieurs endroits"
    old, new = field_labels.change_texts(start + " en même temps.", start + " en même temps, la nuit aussi.")
    assert old == "…plusieurs endroits en même temps."
    assert new == "…plusieurs endroits en même temps, la nuit aussi."
    assert field_labels.change_texts("Ontario", "Québec") == ("Ontario", "Québec")
    other = "Un tout autre texte " * 6
    assert field_labels.change_texts(start, other) == (
        field_labels.shorten(start),
        field_labels.shorten(other),
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Soumissions\u00a0: une inscription au registre des soumissions (jamais annulée)"),
        ("en", "Bids: an entry of the bids record (never undone)"),
    ],
)
def test_a_bids_entry_is_named_in_the_history(window, tmp_path, monkeypatch, lang, text):
    """Issue 22: an operation on the bids record journals the marker ``bids``; the
    History names it in the app's language, with no before or after."""
    from wizard.core.bids import intake
    from wizard.core.bids.record import Bidder
    from wizard.core.examples import load_example_with_records
    from wizard.core.publishing.jsonform import table_rows

    project, publishing, _bids = load_example_with_records("training")
    pf = ProjectFile.create(tmp_path / "b.tender", project, tables=table_rows(publishing))
    intake.add_bid(pf, bidder=Bidder("Formation Acadie inc."), received_at="2027-04-16T10:12:00-03:00")
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    _dialog, table = _open_history(window, monkeypatch)
    assert [table.item(0, c).text() for c in range(1, 4)] == [text, "", ""]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Contrat\u00a0: une inscription du suivi du contrat (jamais annulée)"),
        ("en", "Contract: an entry of the contract's follow-up (never undone)"),
    ],
)
def test_a_contract_entry_is_named_in_the_history(window, tmp_path, monkeypatch, lang, text):
    """Issue 23: an operation on the contract's follow-up journals the marker
    ``contract``; the History names it in the app's language, with no before or after."""
    from wizard.core.contract import operations
    from wizard.core.contract.jsonform import all_tables
    from wizard.core.examples import load_example_with_contract

    project, publishing, bids, _contract = load_example_with_contract("training")
    pf = ProjectFile.create(tmp_path / "c.tender", project, tables=all_tables(publishing, bids, None))
    operations.add_payment(pf, invoice_number="T-1", paid_on="2027-07-15", amount="100")
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    _dialog, table = _open_history(window, monkeypatch)
    assert [table.item(0, c).text() for c in range(1, 4)] == [text, "", ""]
