"""export_all (docs/documents.md): tenders per language, atomic writes, other exporters plugged in."""

from __future__ import annotations

import docx
import pytest
from tender_sample import STATEMENT, tender_project

from wizard.core import export
from wizard.core.documents.typography import french_apostrophes
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
    assert french_apostrophes(STATEMENT) in [p.text for p in fr.paragraphs]  # l'information → l’information
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
    statement = " ".join(project.problem.statement.split())
    assert (french_apostrophes(statement) if tenders[0].name.endswith("-fr.docx") else statement) in text
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


def _training_file(tmp_path):
    """The training example as ``new --example`` makes it: published with addendum 1,
    bids evaluated and awarded, the contract signed and followed."""
    from wizard.cli import main as cli_main

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    return path


def _training_names(lang: str) -> list[str]:
    """Every file an export of the training example writes in ``lang`` ("fr", "en")."""
    docs = [f"tender-{lang}.docx", f"price-form-{lang}.xlsx", f"decision-record-{lang}.docx"]
    evaluation = [f"addendum-1-{lang}.docx", f"evaluation-report-{lang}.docx", f"award-notice-1-{lang}.docx"]
    evaluation += [f"debriefing-{bid}-{lang}.docx" for bid in (2, 3, 4)]
    follow = [f"{kind}-{lang}.docx" for kind in ("contract-summary", "performance", "spending")]
    return docs + evaluation + follow


DATA = {
    "ocds-release-package.json",
    "vendor-register.csv",
    "criteria.csv",
    "addenda.csv",
    "bids.csv",
    "contract.csv",
    "contract-amendments.csv",
    "performance.csv",
    "payments.csv",
    "unit-prices.csv",
}


def test_export_in_one_language_writes_no_document_of_the_other(tmp_path, capsys):
    """Walk 2026-12-06 point 11: ``--lang fr`` wrote the English addendum, evaluation
    report, debriefing letters and follow-up documents too. Every family follows it."""
    from wizard.cli import main as cli_main

    path = _training_file(tmp_path)
    out = tmp_path / "fr"
    assert cli_main(["export", str(path), "--out", str(out), "--lang", "fr"]) == 0
    names = {p.name for p in out.iterdir()}
    assert names == DATA | set(_training_names("fr"))
    assert not [n for n in names if "-en." in n]


@pytest.mark.parametrize(("lang", "expected"), [("en", ["en"]), ("both", ["fr", "en"]), (None, ["fr", "en"])])
def test_planned_outputs_follow_the_language_asked(lang, expected, tmp_path):
    from wizard.core.bids.record import read as read_bids
    from wizard.core.contract.record import follow_up
    from wizard.core.project_file.store import ProjectFile
    from wizard.core.publishing.record import read as read_publishing

    with ProjectFile.open(_training_file(tmp_path), read_only=True) as pf:
        planned = export.planned_outputs(
            pf.project, tmp_path, lang, record=read_publishing(pf), bids=read_bids(pf), follow=follow_up(pf)
        )
    names = {p.name for p in planned}
    assert names == DATA | {n for x in expected for n in _training_names(x)}


def test_the_follow_up_writes_percentages_as_the_other_documents(tmp_path):
    """Walk 2026-12-06 point 15: the English performance report wrote "98.4 %" where the
    tender writes "70%". One formatter: "98.4%", « 98,4 % » (non-breaking space)."""
    import io

    from contract_sample import award, follow, published
    from docx import Document

    from wizard.core.contract import record
    from wizard.core.publishing.record import read as read_publishing

    with published(tmp_path) as pf:
        award(pf)
        follow(pf)
        files = export.output_files(
            pf.project,
            "both",
            changed=pf.last_change(),
            record=read_publishing(pf),
            follow=record.follow_up(pf),
        )

    def cells(name: str) -> str:
        doc = Document(io.BytesIO(files[name]))
        return "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)

    english, french = cells("performance-en.docx"), cells("performance-fr.docx")
    assert "98.4%" in english and "98.4 %" not in english
    assert "98,4\u00a0%" in french and "98,4 %" not in french
