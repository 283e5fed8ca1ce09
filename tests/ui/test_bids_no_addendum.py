"""The Bids tab's « Addenda dont la réception est accusée » line with no addendum issued
was followed by nothing (walk 2026-12-07): it says that none was issued."""

from __future__ import annotations

import pytest

from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows
from wizard.ui.bids_window import BidsWindow
from wizard.ui.language import apply_language


def _bids_tab(window, qtbot, tmp_path, lang: str, addenda: bool):
    project, publishing = load_example_with_publishing("training")
    assert publishing is not None and [a["number"] for a in publishing["addenda"]] == [1]
    if not addenda:
        publishing = {**publishing, "addenda": []}
    window.set_project(ProjectFile.create(tmp_path / "t.tender", project, tables=table_rows(publishing)))
    apply_language(lang)
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show_tab(0)
    return dialog.bids


@pytest.mark.parametrize(("lang", "said"), [("fr", "Aucun addenda émis"), ("en", "No addendum issued")])
def test_with_no_addendum_issued_the_line_says_so(window, qtbot, tmp_path, lang, said):
    tab = _bids_tab(window, qtbot, tmp_path, lang, addenda=False)
    assert tab.addenda_checks == {}
    assert tab.no_addenda.text() == said and not tab.no_addenda.isHidden()


@pytest.mark.parametrize(("lang", "check"), [("fr", "Addenda 1"), ("en", "Addendum 1")])
def test_with_an_addendum_issued_its_box_shows_alone(window, qtbot, tmp_path, lang, check):
    tab = _bids_tab(window, qtbot, tmp_path, lang, addenda=True)
    assert [c.text() for c in tab.addenda_checks.values()] == [check]
    assert tab.no_addenda.isHidden()
