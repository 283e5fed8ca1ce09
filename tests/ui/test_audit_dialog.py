"""File › "Check a tender document…" (issue 19): the paragraphs of any tender beside
their findings, with no project open."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from wizard.core.examples import load_example
from wizard.core.export import tender_bytes
from wizard.ui import dialogs
from wizard.ui.audit_dialog import AuditDialog

DATA = Path(__file__).resolve().parents[1] / "data" / "rfp"


@pytest.fixture
def tender(tmp_path):
    """The office-suite example's English tender with a brand and two requirements put in."""
    project = load_example("office-suite")
    project.criteria[0].text = "The suite must work in Microsoft Teams."
    project.criteria[1].text = "Data must stay in Canada and backups must be encrypted."
    path = tmp_path / "neighbour-tender.docx"
    path.write_bytes(tender_bytes(project, "en"))
    return path


def open_check(window, monkeypatch, path: Path) -> AuditDialog:
    shown: list[AuditDialog] = []
    monkeypatch.setattr(dialogs, "ask_document_path", lambda parent, title: path)
    monkeypatch.setattr(dialogs, "run_dialog", lambda dialog: shown.append(dialog) or 0)
    window.actions_by_name["check_document"].trigger()
    (dialog,) = shown
    return dialog


def rows(dialog: AuditDialog) -> list[tuple[str, str, str]]:
    t = dialog.table
    return [(t.item(r, 0).text(), t.item(r, 1).text(), t.item(r, 2).text()) for r in dialog.visible_rows()]


def test_the_action_needs_no_project_and_lists_the_flagged_paragraphs(window, monkeypatch, tender, qtbot):
    assert window.ctx is None and window.actions_by_name["check_document"].isEnabled()
    dialog = open_check(window, monkeypatch, tender)
    qtbot.addWidget(dialog)
    shown = rows(dialog)
    assert ("table 5, row 2, cell 2", "criterion", "The suite must work in Microsoft Teams.") in shown
    assert (
        "table 5, row 3, cell 2",
        "criterion",
        "Data must stay in Canada and backups must be encrypted.",
    ) in shown
    assert dialog.only_flagged.isChecked()
    assert all(dialog.audited[r].findings for r in dialog.visible_rows())
    # the selected paragraph's findings are shown beside it
    row = next(r for r in dialog.visible_rows() if dialog.audited[r].text.endswith("Microsoft Teams."))
    dialog.table.setCurrentCell(row, 2)
    assert dialog.text.toPlainText() == "The suite must work in Microsoft Teams."
    assert dialog.section.text() == "table 5, row 2, cell 2 \u2014 Mandatory criteria"
    messages = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert messages == [
        "Error: Brand or product name in this passage (table 5, row 2, cell 2): Microsoft Teams. "
        "Describe the function or the "
        "standard instead; \u201cor equivalent\u201d does not make it fair (red flag R007, Open Contracting "
        "Partnership)."
    ]
    # only the two criteria put in, in the three tables that quote them
    assert dialog.summary.text().splitlines() == [
        str(tender),
        "6 findings in 6 of the 814 paragraphs and table cells.",
        "Checked as an English document: most of its paragraphs are in English.",
    ]
    # the whole document at one click
    dialog.only_flagged.setChecked(False)
    assert (
        len(dialog.visible_rows()) == len(dialog.audited) == 814
    )  # with the price form and contract appendices


def test_in_french_with_a_real_rfp_text(window, monkeypatch, qtbot):
    window.actions_by_name["lang_fr"].trigger()
    dialog = open_check(window, monkeypatch, DATA / "licences-autocad-fr.txt")
    qtbot.addWidget(dialog)
    assert rows(dialog) == [
        ("paragraphe 2, ligne 2", "texte", "Ref.: Docpat/autoCAD Map 3D"),
        ("paragraphe 5, ligne 8", "texte", "“LICENCES AUTOCAD MAP 3D”"),
    ]
    assert (
        dialog.findings.item(0)
        .text()
        .startswith(
            "Erreur\u00a0: Nom de marque ou de produit dans ce passage (paragraphe 2, ligne 2)\u00a0: autoCAD Map 3D."
        )
    )
    assert (
        dialog.windowTitle() == "Vérification d’un document d’appel d’offres \u2014 licences-autocad-fr.txt"
    )


def _checked_in(monkeypatch) -> list[str]:
    """The language each check of a document ran in (the core's own function, spied on)."""
    from wizard.ui import audit_dialog

    langs: list[str] = []
    real = audit_dialog.audit_paragraphs

    def spy(paragraphs, lang="en", role=None):
        langs.append(lang)
        return real(paragraphs, lang, role)

    monkeypatch.setattr(audit_dialog, "audit_paragraphs", spy)
    return langs


def test_a_french_document_is_read_in_french_in_the_english_app(window, monkeypatch, qtbot):
    """As ``lint --file``: the checks read the document in its own language, the messages
    are in the app's language (``lint --lang``), and the summary says which language was
    read (the app read a French tender as English when it ran in English)."""
    langs = _checked_in(monkeypatch)
    dialog = open_check(window, monkeypatch, DATA / "licences-autocad-fr.txt")
    qtbot.addWidget(dialog)
    assert langs == ["fr"] and dialog.read_in == "fr"
    assert dialog.summary.text().splitlines()[-1] == (
        "Checked as a French document: most of its paragraphs are in French."
    )
    assert (
        dialog.findings.item(0)
        .text()
        .startswith("Error: Brand or product name in this passage (paragraph 2, line 2): autoCAD Map 3D.")
    )


def test_an_english_document_is_read_in_english_in_the_french_app(window, monkeypatch, qtbot):
    """The twin: the app in French, an English document read as English, said in French."""
    window.actions_by_name["lang_fr"].trigger()
    langs = _checked_in(monkeypatch)
    dialog = open_check(window, monkeypatch, DATA / "extra-duty-en.txt")
    qtbot.addWidget(dialog)
    assert langs == ["en"]
    assert dialog.summary.text().splitlines()[-1] == (
        "Vérifié comme document en anglais\u00a0: la plupart de ses paragraphes sont en anglais."
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_document_that_does_not_tell_is_read_in_the_app_s_language(
    window, monkeypatch, qtbot, tmp_path, lang
):
    window.actions_by_name[f"lang_{lang}"].trigger()
    path = tmp_path / "codes.txt"
    path.write_text("Microsoft Teams\n\n2027-04-16\n\nRAP-2027-TI-07\n", encoding="utf-8")
    langs = _checked_in(monkeypatch)
    dialog = open_check(window, monkeypatch, path)
    qtbot.addWidget(dialog)
    assert langs == [lang]
    assert (
        dialog.summary.text().splitlines()[-1]
        == {
            "en": "Its paragraphs do not tell its language: checked as English, the app's language.",
            "fr": "Ses paragraphes ne disent pas sa langue\u00a0: vérifié en français, la langue de l’application.",
        }[lang]
    )


def test_an_unreadable_document_gets_a_message(window, monkeypatch, errors, tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    monkeypatch.setattr(dialogs, "ask_document_path", lambda parent, title: path)
    window.actions_by_name["check_document"].trigger()
    assert errors == [f"This is an old Word document (.doc): save it as DOCX, then check it.\n{path}"]


def test_a_workbook_or_a_fake_docx_is_said_in_french(window, monkeypatch, errors, tmp_path):
    """A workbook is not a document and a fake DOCX is damaged: said in the app's language,
    never with python-docx's English ("is not a Word file", "Package not found")."""
    from wizard.core.documents.price_workbook import price_workbook_bytes

    window.actions_by_name["lang_fr"].trigger()
    workbook = tmp_path / "price-form-fr.xlsx"
    workbook.write_bytes(price_workbook_bytes(load_example("office-suite"), "fr"))
    fake = tmp_path / "fake.docx"
    fake.write_bytes(b"not a zip")
    for path in (workbook, fake):
        monkeypatch.setattr(dialogs, "ask_document_path", lambda parent, title, path=path: path)
        window.actions_by_name["check_document"].trigger()
    assert errors == [
        f"Ce fichier n’est pas un document DOCX, PDF ou texte.\n{workbook}",
        f"Ce document DOCX ne peut pas être lu\u00a0: il est endommagé ou n’est pas un document DOCX.\n{fake}",
    ]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_garbage_pdf_is_said_in_french_with_pdftotext_words_below(window, monkeypatch, errors, tmp_path):
    window.actions_by_name["lang_fr"].trigger()
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage\n" * 40)
    monkeypatch.setattr(dialogs, "ask_document_path", lambda parent, title: path)
    window.actions_by_name["check_document"].trigger()
    (error,) = errors
    message, detail = error.split("\n\n")
    assert (
        message == f"Ce document PDF ne peut pas être lu\u00a0: il est endommagé ou n’est pas un PDF.\n{path}"
    )
    assert detail.startswith("pdftotext: ")


def test_cancel_does_nothing(window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_document_path", lambda parent, title: None)
    window.actions_by_name["check_document"].trigger()  # run_dialog would fail the test


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_screenshot(window, monkeypatch, tender, qtbot, lang):
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = open_check(window, monkeypatch, tender)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    row = next(r for r in dialog.visible_rows() if dialog.audited[r].text.endswith("Microsoft Teams."))
    dialog.table.setCurrentCell(row, 2)
    assert dialog.findings.count() == 1
    if os.environ.get("OPW_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["OPW_SHOTS"], f"audit-{lang}.png"))
