"""Criteria page: share the project's extra brand names as a CSV list (issue 19)."""

from __future__ import annotations

import pytest

from wizard.core.model import ExtraBrand
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui import dialogs


@pytest.fixture
def brands_page(window, tmp_path):
    project = new_project("en")
    project.extra_brands = [ExtraBrand(id=1, name="PermisPlus"), ExtraBrand(id=2, name="Zorbix Pro")]
    window.set_project(ProjectFile.create(tmp_path / "town.tender", project))
    window.wizard.go_to(Step.CRITERIA)
    return window.wizard.currentPage()


def test_export_then_import_into_another_project(brands_page, window, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: shown.append(message))
    target = tmp_path / "Hélène" / "liste.csv"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    brands_page.brands_export_button.click()
    assert target.read_bytes().decode("utf-8-sig").splitlines() == ["name", "PermisPlus", "Zorbix Pro"]
    assert shown == [f"2 brand names exported to {target}."]

    other = new_project("en")
    other.extra_brands = [ExtraBrand(id=1, name="Zorbix Pro")]
    window.set_project(ProjectFile.create(tmp_path / "neighbour.tender", other))
    window.wizard.go_to(Step.CRITERIA)
    page = window.wizard.currentPage()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: target)
    page.brands_import_button.click()
    assert [b.name for b in window.ctx.project.extra_brands] == ["Zorbix Pro", "PermisPlus"]
    assert page.tables["extra_brands"].table.rowCount() == 2
    assert shown[-1] == "1 brand name added.\n1 name of the file was already in the project's list."
    # saved in the project file, not only on screen
    window.close_project()
    reopened = ProjectFile.open(tmp_path / "neighbour.tender", read_only=True)
    assert [b.name for b in reopened.project.extra_brands] == ["Zorbix Pro", "PermisPlus"]


def test_a_file_that_is_no_list_imports_nothing_in_french(brands_page, window, tmp_path, monkeypatch, errors):
    window.actions_by_name["lang_fr"].trigger()
    assert brands_page.brands_import_button.text() == "Importer une liste de marques (CSV)…"
    bad = tmp_path / "image.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: bad)
    brands_page.brands_import_button.click()
    assert len(errors) == 1 and errors[0].startswith("Rien n\u2019a été importé.\n")
    assert [b.name for b in window.ctx.project.extra_brands] == ["PermisPlus", "Zorbix Pro"]


def test_cancel_does_nothing(brands_page, window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: None)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: None)
    brands_page.brands_import_button.click()
    brands_page.brands_export_button.click()
    assert [b.name for b in window.ctx.project.extra_brands] == ["PermisPlus", "Zorbix Pro"]


def test_a_list_with_an_open_quote_imports_nothing_and_names_the_line(
    brands_page, window, tmp_path, monkeypatch, errors
):
    # walk 3 #8: the button runs the same parse as `brands --import`, all or none
    window.actions_by_name["lang_fr"].trigger()
    bad = tmp_path / "voisin.csv"
    bad.write_bytes('name\nIdenticarte\n"unterminated\nAccès Cité Finances\n'.encode())
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: bad)
    brands_page.brands_import_button.click()
    assert errors == [
        "Rien n\u2019a été importé.\nLa ligne 3 ouvre des guillemets qui ne sont pas fermés sur cette "
        "ligne\u00a0: fermez-les et gardez chaque nom sur une seule ligne."
    ]
    assert [b.name for b in window.ctx.project.extra_brands] == ["PermisPlus", "Zorbix Pro"]


def test_the_import_says_which_names_are_found_only_with_a_capital(
    brands_page, window, tmp_path, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: shown.append(message))
    window.actions_by_name["lang_fr"].trigger()
    shared = tmp_path / "voisin.csv"
    shared.write_bytes(b"nom\nBureau\nGeoCite Pro\n")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, **k: shared)
    brands_page.brands_import_button.click()
    assert [b.name for b in window.ctx.project.extra_brands] == [
        "PermisPlus",
        "Zorbix Pro",
        "Bureau",
        "GeoCite Pro",
    ]
    assert shown == [
        "2 noms de marque ajoutés.\n1 nom est aussi un mot courant («\u00a0Bureau\u00a0»)\u00a0: la vérification des marques "
        "ne le trouve qu’écrit avec une majuscule, mais alors aussi en début de phrase et dans un nom propre "
        "comme «\u00a0le Bureau du greffier\u00a0», où il ne désigne pas le produit. Si possible, inscrivez plutôt le "
        "nom complet du produit («\u00a0Microsoft Office\u00a0» et non «\u00a0Office\u00a0»)."
    ]
    # the same list again: nothing added, and the report says the names were already there
    brands_page.brands_import_button.click()
    assert shown[1] == "0 nom de marque ajouté.\n2 noms du fichier étaient déjà dans la liste du projet."
    assert len(window.ctx.project.extra_brands) == 4
