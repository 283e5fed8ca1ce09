"""export_all (docs/documents.md): tenders per language, atomic writes, other exporters plugged in."""

from __future__ import annotations

import docx
import pytest
from tender_sample import STATEMENT, tender_project

from wizard.core import export
from wizard.core.examples import example_names, load_example
from wizard.core.export import export_all, tender_languages


@pytest.mark.parametrize(
    ("setting", "lang", "expected"),
    [
        ("fr", None, ["fr"]),
        ("en", None, ["en"]),
        ("both", None, ["fr", "en"]),
        ("fr", "both", ["fr", "en"]),
        ("both", "en", ["en"]),
    ],
)
def test_tender_languages(setting, lang, expected):
    p = tender_project(lang=setting)
    assert tender_languages(p, lang) == expected


def test_unsupported_language_raises():
    with pytest.raises(ValueError, match="de"):
        tender_languages(tender_project(), "de")


def test_both_languages_write_two_tenders(tmp_path):
    written = export_all(tender_project(lang="both"), tmp_path / "out")
    names = [p.name for p in written]
    assert names[:2] == ["tender-fr.docx", "tender-en.docx"]
    fr = docx.Document(str(written[0]))
    en = docx.Document(str(written[1]))
    assert STATEMENT in [p.text for p in fr.paragraphs]
    assert "Contract clauses" in [p.text for p in en.paragraphs]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


def test_builders_list_is_extensible(tmp_path, monkeypatch):
    def extra(project, langs):
        return {f"extra-{'-'.join(langs)}.txt": project.info.reference.encode("utf-8")}

    monkeypatch.setattr(export, "BUILDERS", [*export.BUILDERS, extra])
    written = export_all(tender_project(), tmp_path, "fr")
    assert [p.name for p in written] == [
        "tender-fr.docx",
        "price-form-fr.xlsx",
        "decision-record-fr.docx",
        "ocds-release-package.json",
        "vendor-register.csv",
        "criteria.csv",
        "extra-fr.txt",
    ]
    assert (tmp_path / "extra-fr.txt").read_text(encoding="utf-8") == "SE-TI-2027-004"


def test_a_failed_write_keeps_the_previous_tender(tmp_path, monkeypatch):
    export_all(tender_project(), tmp_path, "fr")
    before = (tmp_path / "tender-fr.docx").read_bytes()

    def broken(*_args):
        raise RuntimeError("disk full")

    monkeypatch.setattr("wizard.core.export.tender_bytes", broken)
    with pytest.raises(RuntimeError):
        export_all(tender_project(), tmp_path, "fr")
    assert (tmp_path / "tender-fr.docx").read_bytes() == before


@pytest.mark.slow
@pytest.mark.parametrize("name", example_names())
def test_bundled_examples_export(tmp_path, name):
    project = load_example(name)
    written = export_all(project, tmp_path)
    tenders = [p for p in written if p.name.startswith("tender-")]
    assert [p.name for p in tenders] == [f"tender-{lang}.docx" for lang in tender_languages(project)]
    document = docx.Document(str(tenders[0]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert " ".join(project.problem.statement.split()) in text
    assert project.info.reference in document.sections[0].header.paragraphs[0].text


def test_junk_tender_language_in_a_received_file_falls_back_and_is_reported(tmp_path):
    from wizard.core.checks import run_checks

    project = tender_project()
    project.info.tender_languages = "klingon"
    project.info.binding_language = "en"
    assert tender_languages(project) == ["en"]
    paths = export_all(project, tmp_path)
    assert tmp_path / "tender-en.docx" in paths
    assert "PR-LANGUAGES" in {f.code for f in run_checks(project)}
