"""The municipal file (issue 23): ``main.py archive`` writes a ZIP or a folder with the
project, the published documents, the outputs and manifests whose hashes match."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import zipfile

import pytest
from contract_sample import award, follow, published

from wizard.cli import main as cli_main
from wizard.core.archive import archive_files
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def path(tmp_path):
    with published(tmp_path, "followed.tender") as f:
        award(f)
        follow(f)
        return f.path


def _check_manifests(files: dict[str, bytes]) -> list[str]:
    manifest = json.loads(files["manifest.json"])
    listed = [f["path"] for f in manifest["files"]]
    assert sorted(listed) == sorted(n for n in files if not n.startswith("manifest."))
    for entry in manifest["files"]:
        data = files[entry["path"]]
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
        assert len(data) == entry["size"]
    rows = list(csv.DictReader(io.StringIO(files["manifest.csv"].decode("utf-8-sig"))))
    assert [(r["path"], r["sha256"]) for r in rows] == [(f["path"], f["sha256"]) for f in manifest["files"]]
    return listed


def test_the_zip_holds_everything_and_its_hashes_match(path, tmp_path, capsys):
    out = tmp_path / "municipal-file.zip"
    assert cli_main(["archive", str(path), "--out", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    listed = _check_manifests(files)
    assert "project/followed.tender" in listed
    published = ("tender-fr.docx", "tender-en.docx", "price-form-fr.xlsx", "README.txt")
    assert {f"published/{n}" for n in published} <= set(listed)
    assert {"documents/addendum-1-fr.docx", "documents/spending-en.docx", "documents/tender-fr.docx"} <= set(
        listed
    )
    assert {"open-data/ocds-release-package.json", "open-data/payments.csv", "open-data/addenda.csv"} <= set(
        listed
    )
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == len(listed)
    copy = tmp_path / "copy.tender"
    copy.write_bytes(files["project/followed.tender"])
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM payments").fetchone()[0] == 7
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_folder_and_never_a_replacement(path, tmp_path, capsys):
    out = tmp_path / "dossier"
    assert cli_main(["archive", str(path), "--out", str(out)]) == 0
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    _check_manifests(files)
    before = (out / "manifest.json").read_bytes()
    assert cli_main(["archive", str(path), "--out", str(out)]) == 2
    assert "never replaces" in capsys.readouterr().err
    assert (out / "manifest.json").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".opw")) == []


@pytest.mark.parametrize("name", ["dossier", "municipal-file.zip"])
def test_missing_folders_are_created_as_export_does(name, path, tmp_path, capsys):
    out = tmp_path / "records" / "2027" / name
    assert cli_main(["archive", str(path), "--out", str(out)]) == 0
    assert capsys.readouterr().err == ""
    if out.suffix == ".zip":
        with zipfile.ZipFile(out) as archive:
            files = {n: archive.read(n) for n in archive.namelist()}
    else:
        files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert "project/followed.tender" in _check_manifests(files)
    # the twin: a folder that exists already is used as it is
    assert cli_main(["archive", str(path), "--out", str(tmp_path / "records" / f"b-{name}")]) == 0


def test_a_folder_that_cannot_be_created_gives_the_reason_in_each_language(path, tmp_path, capsys):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    assert cli_main(["archive", str(path), "--out", str(blocker / "2027" / "dossier")]) == 2
    assert capsys.readouterr().err == (
        "Ce dossier ne peut pas être créé\u00a0: une partie du chemin n’est pas un dossier / "
        f"This folder cannot be created: part of the path is not a folder ({blocker / '2027'})\n"
    )
    assert cli_main(["archive", str(path), "--out", str(blocker / "dossier.zip")]) == 2
    assert (
        capsys.readouterr().err
        == f"C’est un fichier, pas un dossier. / This is a file, not a folder. ({blocker})\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["followed.tender", "notes.txt"]


def test_the_same_file_gives_the_same_open_data(path):
    with ProjectFile.open(path, read_only=True) as pf:
        one = archive_files(pf, made_at="2028-04-01T12:00:00+00:00")
        two = archive_files(pf, made_at="2028-04-01T12:00:00+00:00")
    assert one.keys() == two.keys()
    data = [k for k in one if k.startswith("open-data/")]
    assert len(data) == 11 and all(one[k] == two[k] for k in data)  # ten files and the README


def test_the_documents_as_published_are_kept_byte_for_byte(tmp_path, capsys):
    """A tender published from the app keeps its documents in the file: the archive
    holds them as published, beside what export writes now."""
    source = tmp_path / "office.tender"
    assert cli_main(["new", "--example", "office-suite", str(source)]) == 0
    assert cli_main(["publish", str(source)]) == 0
    with ProjectFile.open(source, read_only=True) as pf:
        from wizard.core.publishing.record import document_bytes, read

        kept = {d.name: document_bytes(pf, d.id) for d in read(pf).documents}
        files = archive_files(pf)
    assert kept and {f"published/{n}": b for n, b in kept.items()}.items() <= files.items()
    _check_manifests(files)
    published = files["published/README.txt"].decode("utf-8")
    assert "Missing" not in published and "Manque" not in published
    documents = files["documents/README.txt"].decode("utf-8")
    assert "- No evaluation report: no bid is recorded." in documents
    assert "- Aucun rapport d’évaluation\u00a0: aucune soumission n’est consignée." in documents


@pytest.fixture
def bare(tmp_path):
    """The same file, published without keeping its documents (as the example was until
    walk 2026-12-06 point 13)."""
    from wizard.core.examples import load_example_with_publishing
    from wizard.core.publishing.jsonform import table_rows

    project, publishing = load_example_with_publishing("training")
    assert publishing is not None
    publishing["documents"] = []
    tables = table_rows(publishing)
    with ProjectFile.create(tmp_path / "bare.tender", project, origin="example", tables=tables) as f:
        award(f)
        follow(f)
        return f.path


def test_every_folder_is_there_with_its_readme_in_both_languages(bare, tmp_path):
    """Issue 23 follow-up: a records clerk finds the same four folders in every
    municipal file, each with a README.txt in French and in English saying what belongs
    there and what is missing; the project published without attaching its documents
    has an empty published/ that says so. The READMEs are hashed in the manifests."""
    out = tmp_path / "dossier"
    assert cli_main(["archive", str(bare), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == [
        "documents",
        "open-data",
        "project",
        "published",
    ]
    assert sorted(p.name for p in (out / "published").iterdir()) == ["README.txt"]
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    listed = _check_manifests(files)
    assert {f"{d}/README.txt" for d in ("project", "published", "documents", "open-data")} <= set(listed)
    fr, en = files["published/README.txt"].decode("utf-8").split("\n----\n")
    assert fr.startswith("published/\n\nChaque document tel qu’il a été publié")
    assert (
        "Manque\u00a0:\n- Aucun document n’a été conservé tel que publié\u00a0: l’appel d’offres a été publié sans"
        in fr
    )
    assert en.startswith("\npublished/\n\nEach document exactly as published")
    assert "Missing:\n- No document was kept as published: the tender was published without attaching" in en
    documents = files["documents/README.txt"].decode("utf-8")
    # an addendum, the evaluation and the follow-up; the sample's one bid, the winner, gets no debriefing
    assert documents.endswith(
        "Missing:\n- No debriefing letter: no award names a bid, or no other bid was evaluated.\n"
    )
    assert documents.count("- ") == 2
    assert "Missing" not in files["open-data/README.txt"].decode("utf-8")
    assert "Missing" not in files["project/README.txt"].decode("utf-8")


def test_an_unpublished_project_says_why_nothing_is_published(tmp_path):
    source = tmp_path / "draft.tender"
    assert cli_main(["new", "--example", "office-suite", str(source)]) == 0
    with ProjectFile.open(source, read_only=True) as pf:
        files = archive_files(pf, made_at="2028-04-01T12:00:00+00:00")
    _check_manifests(files)
    text = files["published/README.txt"].decode("utf-8")
    assert "- No document was kept as published: the tender is not published." in text
    assert "- No contract CSV files: no contract is signed." in files["open-data/README.txt"].decode("utf-8")


def _text(data: bytes) -> str:
    """The paragraphs' text, no-break spaces read as spaces: the tests here ask which
    document was kept (a published one keeps the spacing it was exported with)."""
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs).replace("\u00a0", " ")


def test_the_training_example_keeps_the_tender_it_was_published_with(tmp_path, capsys):
    """Walk 2026-12-06 point 13: the example, published on 2027-03-01, had no published
    tender in its municipal file. It keeps the documents ``publish`` recorded from its
    baseline: the tender bidders received closes on April 2, before addendum 1 moved the
    closing to April 16, which the tender as amended (documents/) says."""
    source = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(source)]) == 0
    with ProjectFile.open(source, read_only=True) as pf:
        files = archive_files(pf, made_at="2028-04-01T12:00:00+00:00")
    published = sorted(n for n in files if n.startswith("published/"))
    assert [n for n in published if not n.endswith("README.txt")] == [
        "published/price-form-en.xlsx",
        "published/price-form-fr.xlsx",
        "published/tender-en.docx",
        "published/tender-fr.docx",
    ]
    kept, today = _text(files["published/tender-fr.docx"]), _text(files["documents/tender-fr.docx"])
    assert "2 avril 2027" in kept and "16 avril 2027" not in kept
    assert "16 avril 2027" in today
    assert "warnings" not in json.loads(files["manifest.json"])
    capsys.readouterr()
    assert cli_main(["archive", str(source), "--out", str(tmp_path / "dossier")]) == 0
    assert capsys.readouterr().err == ""


def test_a_published_tender_without_its_documents_is_said(tmp_path, capsys):
    """The walk's file: published, but its project file keeps no document as published
    (as the example was). The archive says the binding document is missing, in its
    manifest and on stderr, in French and in English."""
    from wizard.core.archive import NO_PUBLISHED_TENDER
    from wizard.core.examples import load_example_with_publishing
    from wizard.core.i18n import bilingual
    from wizard.core.publishing.jsonform import table_rows

    project, publishing = load_example_with_publishing("training")
    assert publishing is not None and publishing["documents"]
    publishing["documents"] = []
    source = tmp_path / "bare.tender"
    ProjectFile.create(source, project, origin="example", tables=table_rows(publishing)).close()
    out = tmp_path / "dossier"
    capsys.readouterr()
    assert cli_main(["archive", str(source), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.err == bilingual(NO_PUBLISHED_TENDER) + "\n"
    assert captured.err.startswith(
        "L’appel d’offres est publié, mais son fichier de projet ne conserve aucun appel d’offres tel que publié"
    )
    assert "/ The tender is published but its project file keeps no tender as published" in captured.err
    found = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    (warning,) = found["warnings"]
    assert warning["en"].startswith("The tender is published but its project file keeps no tender")
    assert warning["fr"].startswith("L’appel d’offres est publié, mais")
    paths = [f["path"] for f in found["files"]]
    assert [n for n in paths if n.startswith("published/") and not n.endswith("README.txt")] == []
    assert "documents/tender-fr.docx" in paths
