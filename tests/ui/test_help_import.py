"""File ▸ Import / Export project (JSON), "New from a colleague's project", Help ▸ Guide
and About (issue 24, deliver 2), and the welcome page of a first start."""

from __future__ import annotations

import json
from pathlib import Path

from wizard import __version__
from wizard.core.examples import load_example
from wizard.core.i18n import tr
from wizard.core.project_file import jsonio
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui import dialogs
from wizard.ui.pages import PAGES


def _answer(monkeypatch, open_path: Path, save_path: Path) -> list[str]:
    asked: list[str] = []

    def ask_open(parent, title, suffix=".tender"):
        asked.append(suffix)
        return open_path

    monkeypatch.setattr(dialogs, "ask_open_path", ask_open)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: save_path)
    return asked


def test_import_json_from_the_file_menu_creates_a_project_with_every_value(window, monkeypatch, tmp_path):
    example = load_example("office-suite")
    source = tmp_path / "voisine.json"
    source.write_text(jsonio.dumps(example), encoding="utf-8")
    target = tmp_path / "ours.tender"
    asked = _answer(monkeypatch, source, target)
    window.actions_by_name["import_json"].trigger()
    assert asked == [".json"]
    assert window.ctx is not None and window.ctx.pf.path == target
    assert window.ctx.project == example
    window.close_project()
    with ProjectFile.open(target, read_only=True) as pf:
        assert pf.project == example  # every value, in the file itself


def _import_with_typos(window, monkeypatch, tmp_path, lang="en") -> tuple[list[str], Path]:
    """Import the office-suite example's JSON with a misspelt key in a section and in a
    criterion, and a ``bids`` object (the records a copy does not take)."""
    from wizard.ui.language import apply_language

    data = jsonio.to_dict(load_example("office-suite"))
    data["problem"]["notes"] = "Nos notes de la rencontre du conseil"
    data["criteria"][1]["wieght"] = 20
    data["bids"] = {"bids": []}
    source = tmp_path / "voisine.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "ours.tender"
    _answer(monkeypatch, source, target)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: shown.append(message))
    apply_language(lang)
    try:
        window.actions_by_name["import_json"].trigger()
    finally:
        apply_language("en")
    return shown, target


def test_an_import_names_the_keys_it_did_not_read_once_the_project_is_created(window, monkeypatch, tmp_path):
    shown, target = _import_with_typos(window, monkeypatch, tmp_path)
    assert window.ctx is not None and window.ctx.pf.path == target
    assert window.ctx.project == load_example("office-suite")  # every value it reads
    assert shown == [
        "The project was imported, except 3 keys of the file that the app does not read: their values were "
        "not loaded, every other value was.\nproblem.notes\nwieght in criteria, row 2 (id 2)\nbids"
    ]


def test_an_import_names_the_keys_it_did_not_read_in_french(window, monkeypatch, tmp_path):
    shown, _target = _import_with_typos(window, monkeypatch, tmp_path, "fr")
    assert shown == [
        "Le projet a été importé, sauf 3 clés du fichier que l’application ne lit pas\u00a0: leurs valeurs "
        "n’ont pas été chargées, toutes les autres l’ont été.\nproblem.notes\nwieght dans criteria, 2e ligne (id 2)\nbids"
    ]


def test_one_key_not_read_is_said_in_the_singular(window, monkeypatch, tmp_path):
    data = jsonio.to_dict(load_example("training"))
    data["info"]["titel"] = "Formation"
    source = tmp_path / "voisine.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    _answer(monkeypatch, source, tmp_path / "ours.tender")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: shown.append(message))
    window.actions_by_name["import_json"].trigger()
    assert shown == [
        "The project was imported, except 1 key of the file that the app does not read: its value was "
        "not loaded, every other value was.\ninfo.titel"
    ]


def test_an_import_that_reads_every_key_says_nothing_more(window, monkeypatch, tmp_path):
    """The clean twin: the app's own export has no key it does not read (the conftest
    fails the test on any dialog)."""
    source = tmp_path / "voisine.json"
    source.write_text(jsonio.dumps(load_example("office-suite")), encoding="utf-8")
    _answer(monkeypatch, source, tmp_path / "ours.tender")
    window.actions_by_name["import_json"].trigger()
    assert window.ctx is not None


def test_an_import_refused_names_no_key(window, monkeypatch, errors, tmp_path):
    """A refused import creates nothing and lists nothing: only the refusal is said."""
    data = jsonio.to_dict(load_example("training"))
    data["info"]["titel"] = "Formation"
    data["criteria"][0]["kind"] = "required"
    source = tmp_path / "voisine.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "ours.tender"
    _answer(monkeypatch, source, target)
    window.actions_by_name["import_json"].trigger()
    assert len(errors) == 1 and "criteria" in errors[0]
    assert not target.exists() and window.ctx is None


def test_a_bad_json_file_says_why_and_creates_nothing(window, monkeypatch, errors, tmp_path):
    source = tmp_path / "broken.json"
    source.write_text('{"format": "something else"}', encoding="utf-8")
    target = tmp_path / "never.tender"
    _answer(monkeypatch, source, target)
    window.actions_by_name["import_json"].trigger()
    assert len(errors) == 1 and "JSON" in errors[0] and str(source) in errors[0]
    assert not target.exists() and window.ctx is None


def test_a_json_syntax_error_is_said_in_the_apps_language(window, monkeypatch, errors, tmp_path):
    from wizard.ui.language import apply_language

    source = tmp_path / "broken.json"
    source.write_text('{"format": "open-procurement-wizard",}', encoding="utf-8")
    _answer(monkeypatch, source, tmp_path / "never.tender")
    apply_language("fr")
    try:
        window.actions_by_name["import_json"].trigger()
    finally:
        apply_language("en")
    assert errors == [
        "Ce fichier JSON ne peut pas être chargé\u00a0: à la ligne 1, colonne 37, une virgule n’est suivie d’aucune "
        "valeur\n" + str(source)
    ]


def test_a_field_of_the_wrong_shape_is_named_in_the_apps_language(window, monkeypatch, errors, tmp_path):
    from wizard.ui.language import apply_language

    source = tmp_path / "shape.json"
    source.write_text('{"format": "open-procurement-wizard", "version": 7, "criteria": {}}', encoding="utf-8")
    _answer(monkeypatch, source, tmp_path / "never.tender")
    apply_language("fr")
    try:
        window.actions_by_name["import_json"].trigger()
    finally:
        apply_language("en")
    assert errors == [
        "Ce fichier JSON ne peut pas être chargé\u00a0: le champ criteria doit être une liste d’objets JSON "
        "(entre crochets)\n" + str(source)
    ]


def test_export_json_writes_the_open_project(open_window, monkeypatch, tmp_path):
    target = tmp_path / "partage.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    assert open_window.actions_by_name["export_json"].isEnabled()
    open_window.actions_by_name["export_json"].trigger()
    assert jsonio.load_file(target) == open_window.ctx.project
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".partage")]  # no temporary left


def test_export_json_is_disabled_without_a_project(window):
    assert not window.actions_by_name["export_json"].isEnabled()
    assert window.actions_by_name["import_json"].isEnabled()


def test_new_from_a_colleagues_tender_copies_it_and_leaves_theirs_untouched(window, monkeypatch, tmp_path):
    example = load_example("training")
    theirs = tmp_path / "collegue.tender"
    ProjectFile.create(theirs, example).close()
    before = theirs.read_bytes()
    target = tmp_path / "mine.tender"
    asked = _answer(monkeypatch, theirs, target)
    window.welcome.colleague_clicked.emit()
    assert asked == [".tender"]
    assert window.ctx.pf.path == target and window.ctx.project == example
    assert theirs.read_bytes() == before


def test_help_opens_on_the_current_step(open_window, qtbot):
    open_window.wizard.go_to(Step.CRITERIA)
    assert open_window.wizard.currentId() == Step.CRITERIA.value
    open_window.actions_by_name["guide"].trigger()
    help_window = open_window.help
    assert help_window.isVisible()
    assert help_window.topics.currentRow() == Step.CRITERIA.value
    text = help_window.text.toPlainText()
    first_words = tr(PAGES[Step.CRITERIA].HELP, "en").split("\n")[0][:40]
    assert first_words in text and text.startswith(f"{Step.CRITERIA.value + 1}. ")
    help_window.topics.setCurrentRow(Step.TCO.value)  # another topic, the same window
    assert tr(PAGES[Step.TCO].HELP, "en").split("\n")[0][:40] in help_window.text.toPlainText()
    help_window.topics.setCurrentRow(len(Step))
    assert "Quality comes before price." in help_window.text.toPlainText()
    help_window.topics.setCurrentRow(len(Step) + 1)
    assert "Open" in help_window.text.toPlainText() and "Ctrl+O" in help_window.text.toPlainText()
    help_window.close()


def test_help_in_french_and_about_says_version_and_licence(window, monkeypatch):
    from wizard.ui.language import apply_language

    apply_language("fr")
    window.actions_by_name["guide"].trigger()
    assert window.help.topics.currentRow() == 0  # no project: the first step
    assert window.help.text.toPlainText().startswith("1. ")
    assert tr(PAGES[Step.PROJECT].HELP, "fr").split("\n")[0][:30] in window.help.text.toPlainText()
    window.help.close()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_about", lambda parent, title, text: shown.append((title, text)))
    window.actions_by_name["about"].trigger()
    ((title, text),) = shown
    assert (
        __version__ in text and "AGPL-3.0-or-later" in text and "licence publique générale GNU Affero" in text
    )


def test_first_start_explains_the_three_ways_and_the_empty_recent_list(window):
    welcome = window.welcome
    assert welcome.recent.isHidden() and not welcome.no_recent.isHidden()
    assert "No recent project yet" in welcome.no_recent.text()
    labels = " ".join(w.text() for w in welcome.findChildren(type(welcome.no_recent)))
    for way in ("New project", "New from an example", "New from a colleague's project"):
        assert way in labels
