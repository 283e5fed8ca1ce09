"""The clauses page (docs/clauses.md): browse by family, toggle, edit per project with a diff
against the library, revert, K-REMOVED and K-RENDER shown live, French labels."""

from __future__ import annotations

from PySide6.QtCore import Qt

from wizard.core.clauses import library as clauses
from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.language import apply_language


def _page(window, qtbot, tmp_path, name="office-suite"):
    window.set_project(ProjectFile.create(tmp_path / f"{name}.tender", load_example(name)))
    window.wizard.go_to(Step.CLAUSES)
    page = window.wizard.currentPage()
    assert page.STEP == Step.CLAUSES
    return page


def _saved(tmp_path, clause_id, name="office-suite"):
    with ProjectFile.open(tmp_path / f"{name}.tender", read_only=True) as pf:
        return clauses.choice_for(pf.project, clause_id)


def test_clauses_are_browsed_by_family_with_their_status(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path)
    tree = page.tree
    families = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert families[:3] == ["Governing law and courts", "Precedence of the contract", "Dispute resolution"]
    assert len(families) == 30
    items = page.clause_items()
    assert len(items) == len(clauses.catalogue())
    privacy = items["privacy"]
    assert privacy.parent().text(0) == "Personal information"
    assert privacy.text(1) == "Required clause" and privacy.checkState(0) == Qt.CheckState.Checked
    assert not privacy.flags() & Qt.ItemFlag.ItemIsUserCheckable  # required: no toggle
    assert items["exit-reversibility"].text(1) == "Recommended clause"
    assert items["exit-reversibility"].flags() & Qt.ItemFlag.ItemIsUserCheckable
    escrow = items["source-code-escrow"]
    assert escrow.text(1) == "Optional clause" and escrow.checkState(0) == Qt.CheckState.Unchecked
    critical = items["critical-systems"]  # the office suite is not mission-critical
    assert critical.text(1) == "Not applicable to this project"
    assert critical.data(0, Qt.ItemDataRole.CheckStateRole) is None
    assert critical.toolTip(0) == "Applies when the system is mission-critical."


def test_toggling_an_optional_clause_saves_it_and_numbers_it(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path)
    escrow = page.clause_items()["source-code-escrow"]
    page.select_clause("source-code-escrow")
    assert "This clause is not in the tender." in page.editor.preview.toPlainText()
    escrow.setCheckState(0, Qt.CheckState.Checked)
    assert _saved(tmp_path, "source-code-escrow").included is True
    number = clauses.included_clauses(window.ctx.project).index(clauses.clause("source-code-escrow")) + 1
    text = page.editor.preview.toPlainText()
    assert f"{number} Source code escrow" in text and f"{number}.1 For any software" in text


def test_removing_a_recommended_clause_warns_with_the_reason(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path)
    page.select_clause("exit-reversibility")
    assert page.warning.isHidden()
    page.clause_items()["exit-reversibility"].setCheckState(0, Qt.CheckState.Unchecked)
    choice = _saved(tmp_path, "exit-reversibility")
    assert choice.included is False
    assert "locked in" in page.warning.text() and not page.warning.isHidden()
    codes = {(f.code, f.field) for f in window.ctx.findings()}
    assert ("K-REMOVED", f"clause_choices:{choice.id}.included") in codes


def test_editing_shows_a_diff_and_revert_restores_the_library(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path)
    page.select_clause("precedence")
    editor = page.editor.editors["en"]
    library = clauses.clause("precedence").bodies["en"]
    assert editor.toPlainText() == library
    assert page.editor.state.text() == "Library text."
    edited = library.replace("descending order of precedence", "this order of precedence")
    editor.setPlainText(edited)
    qtbot.waitUntil(lambda: bool(getattr(_saved(tmp_path, "precedence"), "custom_en", "")), timeout=3000)
    assert _saved(tmp_path, "precedence").custom_en == edited
    assert _saved(tmp_path, "precedence").custom_fr == ""  # French untouched
    assert clauses.clause("precedence").bodies["en"] == library  # the library file is unchanged
    qtbot.waitUntil(
        lambda: "+The Contract consists of, in this order" in page.editor.diff.toPlainText(), timeout=3000
    )
    diff = page.editor.diff.toPlainText()
    assert "-The Contract consists of, in descending order" in diff and "English text" in diff
    assert page.clause_items()["precedence"].text(2) == "✎ EN"
    assert "2.1 The Contract consists of, in this order of precedence" in page.editor.preview.toPlainText()
    assert page.editor.state.text().startswith("Edited for this project (EN)")
    page.editor.revert.click()
    assert _saved(tmp_path, "precedence").custom_en == ""
    assert editor.toPlainText() == library
    assert page.editor.diff.toPlainText() == "Same text as the library in both languages."
    assert page.clause_items()["precedence"].text(2) == ""


def test_a_broken_edit_names_the_clause_and_the_variable_at_once(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path)
    page.select_clause("transparency")
    page.editor.editors["en"].setPlainText("Published at {{ cycler.__init__.__globals__ }}")
    error = page.editor.error
    assert not error.isHidden()
    assert "“Confidentiality agreements and publication of the Contract”" in error.text()
    assert "“__init__”" in error.text()
    window.ctx.flush()
    choice = _saved(tmp_path, "transparency")
    found = [f for f in window.ctx.findings() if f.code == "K-RENDER"]
    assert [f.field for f in found] == [f"clause_choices:{choice.id}.custom_en"]  # an English tender
    page.select_clause("governing-law")
    assert page.focus_field(found[0].field)
    assert page.current_clause_id() == "transparency"
    assert page.editor.tabs.currentWidget() is page.editor.editors["en"]
    page.editor.editors["en"].setPlainText("Published on the portal of {{ organization }}.")
    assert error.isHidden()


def test_clauses_page_in_french(window, qtbot, tmp_path):
    page = _page(window, qtbot, tmp_path, "training")
    apply_language("fr")
    page.retranslate()
    assert page.tree.topLevelItem(0).text(0) == "Droit applicable et tribunaux"
    items = page.clause_items()
    assert items["governing-law"].text(0) == "Droit applicable et tribunaux compétents"
    assert items["governing-law"].text(1) == "Clause obligatoire"
    assert items["source-code-escrow"].text(1) == "Clause facultative"
    tabs = [page.editor.tabs.tabText(i) for i in range(page.editor.tabs.count())]
    assert tabs == ["Aperçu", "Texte français", "Texte anglais", "Écarts avec la bibliothèque"]
    page.select_clause("governing-law")
    assert (
        "1.1 Le Contrat est régi et interprété selon les lois du Nouveau-Brunswick"
        in page.editor.preview.toPlainText()
    )
    assert "Cour du Banc du Roi du Nouveau-Brunswick" in page.editor.preview.toPlainText()
