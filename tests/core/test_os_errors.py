"""What the system said, in each half of a bilingual message (walk 2026-12-06 point 12):
the common causes of a failed write are said in French in the French half, never the
system's English text, and a message names the file the user asked for, never the
temporary file written beside it (``.NAME.xxxx.tmp``)."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from wizard import cli
from wizard.core import output_folder
from wizard.core.i18n import bilingual
from wizard.core.i18n.os_errors import os_reason
from wizard.core.project_file import atomic

CAUSES = {
    errno.EROFS: ("le système de fichiers est en lecture seule", "the file system is read-only"),
    errno.EACCES: ("autorisation refusée", "permission denied"),
    errno.ENOSPC: ("il ne reste plus d’espace sur le disque", "no space left on the disk"),
    errno.ENOENT: ("fichier ou dossier introuvable", "no such file or folder"),
}


def _error(number: int, path: Path) -> OSError:
    return OSError(number, os.strerror(number), str(path))


@pytest.mark.parametrize("number", list(CAUSES))
def test_each_common_cause_in_each_language(number):
    fr, en = CAUSES[number]
    reason = os_reason(_error(number, Path("x")))
    assert (reason.fr, reason.en) == (fr, en)
    assert bilingual("This folder cannot be created: {detail}", detail=reason) == (
        f"Ce dossier ne peut pas être créé\u00a0: {fr} / This folder cannot be created: {en}"
    )


def test_another_cause_gives_its_code_in_french_and_the_system_text_in_english():
    reason = os_reason(_error(errno.EXDEV, Path("x")))
    assert reason.fr == "erreur du système EXDEV"
    assert reason.en == os.strerror(errno.EXDEV)
    assert os_reason(ValueError("bad  value")).fr == "bad value"


@pytest.fixture
def example(tmp_path):
    path = tmp_path / "demo.tender"
    assert cli.main(["new", "--example", "emergency-perimeter", str(path)]) == 0
    return path


def _temporary_fails(monkeypatch, number: int) -> None:
    """The temporary file beside the target cannot be created, as a read-only or full
    folder refuses it: the system's error names the temporary file."""

    def refuse(target: Path) -> Path:
        raise _error(number, target.with_name(f".{target.name}.c7cc1ccc8373.tmp"))

    monkeypatch.setattr(atomic, "_new_temporary", refuse)


@pytest.mark.parametrize("number", list(CAUSES))
def test_dump_names_the_target_in_both_languages(number, example, tmp_path, monkeypatch, capsys):
    fr, en = CAUSES[number]
    target = tmp_path / "out" / "t.json"
    target.parent.mkdir()
    _temporary_fails(monkeypatch, number)
    capsys.readouterr()
    assert cli.main(["dump", str(example), "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"Ce fichier ou dossier ne peut pas être utilisé\u00a0: {fr} / "
        f"This file or folder cannot be used: {en} ({target})\n"
    )
    assert ".tmp" not in err and os.strerror(number) not in err
    assert not target.exists()


def test_dump_into_a_writable_folder_writes(example, tmp_path, capsys):
    """The clean twin: nothing refused, the file written, nothing on stderr."""
    target = tmp_path / "t.json"
    capsys.readouterr()
    assert cli.main(["dump", str(example), "--out", str(target)]) == 0
    assert capsys.readouterr().err == "" and target.read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize("number", [errno.EROFS, errno.EACCES])
def test_new_names_the_project_file(number, tmp_path, monkeypatch, capsys):
    fr, en = CAUSES[number]
    target = tmp_path / "n.tender"
    _temporary_fails(monkeypatch, number)
    assert cli.main(["new", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.endswith(f": {fr} / This file or folder cannot be used: {en} ({target})\n")
    assert ".tmp" not in err and not target.exists()


@pytest.mark.parametrize("number", list(CAUSES))
def test_export_says_why_in_each_language(number, example, tmp_path, monkeypatch, capsys):
    fr, en = CAUSES[number]
    out = tmp_path / "out"

    def refuse(path: Path, data: bytes, mode: int | None) -> None:
        raise _error(number, path)

    monkeypatch.setattr(output_folder, "_stage_file", refuse)
    capsys.readouterr()
    assert cli.main(["export", str(example), "--out", str(out), "--lang", "fr"]) == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last == (
        f"L’exportation n’a pas pu être écrite ({fr}); rien n’a été changé dans ce dossier. / "
        f"The export could not be written ({en}); nothing in this folder was changed. ({out})"
    )
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("number", [errno.EROFS, errno.EACCES])
def test_export_folder_not_created(number, example, tmp_path, monkeypatch, capsys):
    fr, en = CAUSES[number]
    out = tmp_path / "new" / "out"
    real = Path.mkdir

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        if self == out:
            raise _error(number, self)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", refuse)
    capsys.readouterr()
    assert cli.main(["export", str(example), "--out", str(out), "--lang", "fr"]) == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert (
        last == f"Ce dossier ne peut pas être créé\u00a0: {fr} / This folder cannot be created: {en} ({out})"
    )


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="a read-only folder binds only a non-root user"
)
def test_a_read_only_folder(example, tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        capsys.readouterr()
        assert cli.main(["dump", str(example), "--out", str(folder / "t.json")]) == 2
        err = capsys.readouterr().err
        assert "autorisation refusée / " in err and f"({folder / 't.json'})" in err
        assert ".tmp" not in err
        assert cli.main(["export", str(example), "--out", str(folder), "--lang", "fr"]) == 2
        assert "(autorisation refusée); rien n’a été changé" in capsys.readouterr().err
    finally:
        folder.chmod(0o755)
