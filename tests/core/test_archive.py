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
    assert not any(n.startswith("published/") for n in listed)  # the example keeps no document bytes
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


def test_the_same_file_gives_the_same_open_data(path):
    with ProjectFile.open(path, read_only=True) as pf:
        one = archive_files(pf, made_at="2028-04-01T12:00:00+00:00")
        two = archive_files(pf, made_at="2028-04-01T12:00:00+00:00")
    assert one.keys() == two.keys()
    data = [k for k in one if k.startswith("open-data/")]
    assert len(data) == 10 and all(one[k] == two[k] for k in data)


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
