"""``lint --file`` on a clean tender (walk 2026-12-07): it printed nothing, as if it had
not run, and its JSON named the document's language "en" for a French tender. One line
now says that nothing was found and how much was read, in the language lint writes in,
and the checks and the JSON take the document's own language."""

from __future__ import annotations

import io
import json

import docx
import pytest

from wizard import cli
from wizard.core.audit import Location, Paragraph, audit_document, document_language
from wizard.core.examples import example_names, load_example
from wizard.core.export import tender_bytes


def _lint(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["lint", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _counts(path, lang: str) -> tuple[int, int]:
    """(paragraphs, table cells) the audit checks, counted apart from the command."""
    checked = [a for a in audit_document(path, lang) if a.role != "skipped"]
    cells = sum(1 for a in checked if a.location.table)
    return len(checked) - cells, cells


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_clean_exported_tender_says_no_finding_and_what_was_read(name, lang, tmp_path, capsys, monkeypatch):
    path = tmp_path / f"tender-{lang}.docx"
    data = tender_bytes(load_example(name), lang)
    path.write_bytes(data)
    assert docx.Document(io.BytesIO(data)).tables  # a tender with its tables
    paragraphs, cells = _counts(path, lang)
    assert paragraphs > 150 and cells > 40
    code, out, err = _lint(capsys, "--file", str(path), "--lang", "en")
    assert (code, err) == (0, "")
    assert out == f"No finding in tender-{lang}.docx: {paragraphs} paragraphs, {cells} table cells checked.\n"
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")  # no --lang: the system's language, as lint chooses
    code, out, _ = _lint(capsys, "--file", str(path))
    assert (code, out) == (
        0,
        f"Aucun constat dans tender-{lang}.docx\u00a0: {paragraphs} paragraphes, {cells} cellules de tableau vérifiés.\n",
    )


@pytest.mark.parametrize("name", example_names())
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_json_names_the_document_s_own_language(name, lang, tmp_path, capsys):
    path = tmp_path / f"tender-{lang}.docx"
    path.write_bytes(tender_bytes(load_example(name), lang))
    for messages in ("fr", "en"):
        code, out, _ = _lint(capsys, "--file", str(path), "--lang", messages, "--format", "json")
        payload = json.loads(out)
        assert (code, payload["lang"], payload["message_lang"], payload["findings"]) == (
            0,
            lang,
            messages,
            [],
        )


def test_a_tender_with_a_finding_prints_the_finding_and_no_summary(tmp_path, capsys):
    path = tmp_path / "brand.txt"
    path.write_text("EXIGENCES\n\nLa suite doit fonctionner dans Microsoft Teams.\n", encoding="utf-8")
    code, out, _ = _lint(capsys, "--file", str(path), "--lang", "fr")
    assert code == 1
    assert out.splitlines() == ["paragraphe 2, ligne 3 (EXIGENCES)  C-BRAND  Microsoft Teams"]
    code, out, _ = _lint(capsys, "--file", str(path), "--lang", "en", "--format", "json")
    assert json.loads(out)["lang"] == "fr"


def _paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(t, Location(paragraph=n)) for n, t in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("texts", "lang"),
    [
        (
            ("La solution doit être hébergée au Canada et les données sont chiffrées.", "Microsoft Teams"),
            "fr",
        ),
        (("The solution must be hosted in Canada and the data is encrypted.", "Plateforme"), "en"),
        (("Microsoft Teams", "2027-04-16", "RAP-2027-TI-07"), None),  # nothing tells: no language
        (("Le logiciel est pour la ville.", "The software is for the town."), None),  # as many each way
    ],
)
def test_document_language(texts, lang):
    assert document_language(_paragraphs(*texts)) == lang
