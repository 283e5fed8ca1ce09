"""File menu actions seen by a new user: examples chosen by their
title, an export that never replaces files silently, a readable history."""

from __future__ import annotations

import errno
import os
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QTableWidget

from wizard.core import ops
from wizard.core.examples import example_names, load_example
from wizard.core.model import Criterion
from wizard.core.project_file.store import ProjectFile
from wizard.ui import dialogs, field_labels, project_actions


def test_example_chooser_shows_title_town_and_language(window, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(dialogs, "ask_choice", lambda parent, title, label, items: asked.append(items) or 0)
    target = tmp_path / "mine.tender"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    window.actions_by_name["lang_fr"].trigger()
    window.actions_by_name["example"].trigger()
    [items] = asked
    assert len(items) == len(example_names())
    perimeter = load_example("emergency-perimeter")
    expected = f"{perimeter.info.title}\nVille de Saint-Aurèle — appel d’offres en français"
    assert expected in items
    assert "emergency-perimeter" not in "".join(items)
    office = next(item for item in items if "Cobequid" in item)
    assert office.endswith("Town of Cobequid Harbour — appel d’offres en anglais")
    first = example_names()[0]
    assert window.ctx.pf.path == target
    assert window.ctx.project.info.title == load_example(first).info.title


@pytest.fixture
def example_open(window, tmp_path):
    window.set_project(ProjectFile.create(tmp_path / "ex.tender", load_example("office-suite")))
    return window


def _export_into(window, monkeypatch, folder, answer):
    questions, infos = [], []
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent, title: folder)
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: questions.append(message) or answer)
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: infos.append(message))
    return project_actions.export(window), questions, infos


@pytest.mark.slow
def test_export_never_replaces_files_silently(example_open, monkeypatch, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    edited = folder / "tender-en.docx"
    edited.write_bytes(b"edited by the lawyers")
    written, questions, infos = _export_into(example_open, monkeypatch, folder, answer=False)
    assert written == [] and infos == []
    assert edited.read_bytes() == b"edited by the lawyers"
    assert sorted(p.name for p in folder.iterdir()) == ["tender-en.docx"]  # No: nothing written
    assert questions[0].startswith(f"Replace 1 existing file in {folder}?")
    assert questions[0].endswith("tender-en.docx")
    written, questions, infos = _export_into(example_open, monkeypatch, folder, answer=True)
    assert edited in written and edited.read_bytes()[:2] == b"PK"  # replaced by a real DOCX
    assert len(questions) == 1 and infos


@pytest.mark.slow
def test_export_into_an_empty_folder_asks_nothing(example_open, monkeypatch, tmp_path):
    folder = tmp_path / "fresh"
    written, questions, _infos = _export_into(example_open, monkeypatch, folder, answer=False)
    assert questions == []
    assert {p.name for p in written} >= {"tender-en.docx", "price-form-en.xlsx", "decision-record-en.docx"}


@pytest.mark.slow
def test_export_on_a_full_disk_names_what_was_written_in_french(example_open, monkeypatch, tmp_path):
    """Issue #14 point 9: the app says exactly which files the failed export wrote."""
    example_open.actions_by_name["lang_fr"].trigger()
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message: errors.append(message))
    real_replace = os.replace
    calls = []

    def replace_then_fail(*args):
        calls.append(args)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(*args)

    monkeypatch.setattr(os, "replace", replace_then_fail)
    folder = tmp_path / "out"
    written, questions, infos = _export_into(example_open, monkeypatch, folder, answer=True)
    assert written == [] and questions == [] and infos == []
    assert errors == [
        "L’exportation s’est arrêtée (il ne reste plus d’espace sur le disque) après avoir écrit 1 fichier, "
        f"tender-en.docx; les autres fichiers gardent leur contenu précédent.\n{folder}"
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["tender-en.docx"]  # no staging folder left


@pytest.mark.slow
def test_export_after_a_killed_export_asks_nothing_and_says_it_cleaned(example_open, monkeypatch, tmp_path):
    folder = tmp_path / "out"
    staging = folder / ".opw-export-0123456789abcdef"
    staging.mkdir(parents=True)  # killed before its MANIFEST was written
    written, questions, infos = _export_into(example_open, monkeypatch, folder, answer=False)
    assert questions == [] and written
    assert infos[0].endswith(f"Removed what an interrupted export had left in this folder: {staging.name}.")
    assert not staging.exists()


def test_history_names_fields_and_rows_in_french(example_open, monkeypatch):
    window = example_open
    window.actions_by_name["lang_fr"].trigger()
    project = window.ctx.project
    criterion = project.criteria[0]
    window.ctx.do(ops.update, Criterion, criterion.id, kind="optional")
    window.ctx.do(ops.edit_section, replace(project.info, province="NB"))
    shown = []
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: shown.append(dialog) or 0)
    window.actions_by_name["history"].trigger()
    table = shown[0].findChild(QTableWidget, "history")
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert rows[0][1:] == ["Projet › Province ou territoire", "Nouvelle-Écosse", "Nouveau-Brunswick"]
    name = field_labels.row_name(criterion)
    assert rows[1][1] == f"Critères › Critères “{name}” › Type"
    assert rows[1][2:] == ["Obligatoire", "Facultatif"]
    assert table.item(1, 1).toolTip().endswith(f"(criteria:{criterion.id}.kind)")
    assert table.horizontalHeaderItem(0).text() == "Quand"


def test_history_values_and_times_are_plain():
    assert field_labels.value_text('"Ville de Saint-Aurèle"') == "Ville de Saint-Aurèle"
    assert field_labels.value_text("true") == "Yes" and field_labels.value_text("") == ""
    assert field_labels.value_text('{"id": 3, "name": "OpenResponder"}') == "OpenResponder"
    long = '"' + "mot " * 60 + '"'
    assert len(field_labels.shorten(field_labels.value_text(long))) == field_labels.VALUE_CHARS
    assert field_labels.when_text("not a time") == "not a time"
    text = field_labels.when_text("2026-11-29T08:57:00+00:00")
    assert "2026" in text and "T08" not in text and "+00:00" not in text


def test_page_labels_cover_every_bound_field(open_window):
    labels = field_labels.page_labels(open_window.wizard.step_pages)
    for page in open_window.wizard.step_pages.values():
        for address in page.binder.widgets:
            assert labels.get(address), address
    assert labels["info.title"] == "Tender title"
    assert labels["cost_lines.label"] == "Description" and labels["criteria"] == "Criteria"


def test_export_writes_pdf_copies_when_asked(example_open, monkeypatch, tmp_path):
    from wizard.core import export as core_export
    from wizard.core import pdf

    converted = []

    def fake_pdf(documents, notices=None):
        converted.append(sorted(documents))
        notices.append(pdf.MISSING_FONT)  # said once, after the count of files
        return {name.replace(".docx", ".pdf"): b"%PDF-1.7 copy" for name in documents}

    monkeypatch.setattr(core_export, "to_pdf", fake_pdf)
    toggle = example_open.actions_by_name["pdf"]
    if not toggle.isEnabled():
        pytest.skip("LibreOffice is not installed: the toggle is disabled")
    assert not toggle.isChecked()  # off at start
    toggle.setChecked(True)
    folder = tmp_path / "out"
    written, questions, infos = _export_into(example_open, monkeypatch, folder, answer=False)
    assert converted == [["decision-record-en.docx", "tender-en.docx"]]
    assert [p.name for p in written][-2:] == ["tender-en.pdf", "decision-record-en.pdf"]
    assert (folder / "tender-en.pdf").read_bytes() == b"%PDF-1.7 copy" and questions == [] and infos
    assert infos[-1].count("The Carlito font") == 1 and infos[-1].endswith("laid out as in Word.")


def test_a_failed_pdf_conversion_writes_nothing(example_open, monkeypatch, tmp_path, errors):
    from wizard.core import export as core_export
    from wizard.core import pdf

    def failing(documents, notices=None):
        raise pdf.PdfError(pdf.FAILED, name="tender-en.docx", detail="exit 1")

    monkeypatch.setattr(core_export, "to_pdf", failing)
    toggle = example_open.actions_by_name["pdf"]
    toggle.setEnabled(True)
    toggle.setChecked(True)
    folder = tmp_path / "out"
    written, _questions, infos = _export_into(example_open, monkeypatch, folder, answer=False)
    assert written == [] and infos == []
    assert errors == ["LibreOffice could not convert tender-en.docx to PDF (exit 1); nothing was written."]
    assert not folder.exists() or not any(folder.iterdir())


def test_pdf_toggle_is_disabled_without_libreoffice(monkeypatch, qtbot):
    from wizard.core import pdf
    from wizard.ui.main_window import MainWindow

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    win = MainWindow()
    qtbot.addWidget(win)
    toggle = win.actions_by_name["pdf"]
    assert not toggle.isEnabled() and toggle.toolTip().startswith("PDF export needs LibreOffice")


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        (errno.EROFS, "le système de fichiers est en lecture seule"),
        (errno.ENOSPC, "il ne reste plus d’espace sur le disque"),
    ],
)
def test_a_refused_json_export_says_why_in_french(example_open, monkeypatch, tmp_path, number, reason):
    """Walk 2026-12-06 point 12, in the app: the system's English text ("Read-only file
    system") and the temporary file's name never reach a French dialog."""
    from wizard.core.project_file import atomic

    real = atomic._new_temporary
    example_open.actions_by_name["lang_fr"].trigger()
    target = tmp_path / "copie.json"
    errors = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, **k: target)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, message: errors.append(message))

    def refuse(path):
        raise OSError(number, os.strerror(number), str(path.with_name(f".{path.name}.0123abcd.tmp")))

    monkeypatch.setattr(atomic, "_new_temporary", refuse)
    assert project_actions.export_json(example_open) is None
    (message,) = errors
    assert message.endswith(f"\n{target}\n{reason}")
    assert ".tmp" not in message and os.strerror(number) not in message
    monkeypatch.setattr(atomic, "_new_temporary", real)  # the clean twin: written, nothing said
    assert project_actions.export_json(example_open) == target
    assert len(errors) == 1 and target.read_text(encoding="utf-8").startswith("{")
