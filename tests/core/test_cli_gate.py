"""``main.py export`` and the publishing gate (README.md, "Command line"; docs/documents.md,
"The publishing gate"): the open errors and the placeholders are printed on stderr, one
line each; ``--strict`` refuses while any remains (exit 1, nothing written, not even
the folder); a justified error no longer counts; the bundled examples pass ``--strict``
in every language."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.core.test_document_texts import docx_text
from wizard import cli
from wizard.core.examples import example_names, load_example
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import JuryMember, Justification, Project
from wizard.core.project_file.store import ProjectFile

ROOT = Path(__file__).resolve().parents[2]
JURY_LINE = (
    "E-JURY-AUTHOR jury:4.name: Priya Raman a rédigé l’appel d’offres et ne peut pas siéger au "
    "comité de sélection. / Priya Raman wrote the tender and may not sit on the selection committee."
)


def _file(tmp_path: Path, project: Project) -> Path:
    path = tmp_path / "project.tender"
    ProjectFile.create(path, project).close()
    return path


def _jury_author() -> Project:
    """office-suite (English) with its first author on the jury: E-JURY-AUTHOR."""
    project = load_example("office-suite")
    project.jury.append(JuryMember(id=4, name=project.authors[0].name, declaration_signed=True))
    return project


def test_strict_refuses_an_author_on_the_jury_and_writes_nothing(tmp_path, capsys):
    path = _file(tmp_path, _jury_author())
    out = tmp_path / "out"
    assert cli.main(["export", str(path), "--out", str(out), "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        JURY_LINE,
        "Rien n’a été écrit\u00a0: il reste 1 erreur et 0 mention à compléter (voir ci-dessus). Corrigez-les, "
        "ou marquez les erreurs comme justifiées, puis exportez de nouveau. / Nothing written: 1 error "
        "and 0 placeholders remain (listed above). Correct them, or mark the errors justified, then "
        "export again.",
    ]
    assert not out.exists()


def test_strict_refuses_an_error_on_the_bids_as_check_reports_it(tmp_path, capsys):
    """Walk 2026-12-06, defect 8: ``check`` reported BD-NOT-TOP (exit 1) while ``export
    --strict`` wrote 31 files: the gate saw the tender's findings only. It now gates on
    what ``check`` reports (the bids, the addenda, the contract's follow-up). The award
    is written as an older file or loaded JSON may hold it (the core refuses it now);
    its clean twin, with the reason written, exports."""
    path = tmp_path / "training.tender"
    assert cli.main(["new", "--example", "training", str(path)]) == 0
    with ProjectFile.open(path) as pf, pf.transaction():
        pf.db.execute("UPDATE award SET bid_id = 3, reason_if_not_top = ''")
    assert cli.main(["check", str(path), "--lang", "en"]) == 1
    assert "BD-NOT-TOP" in capsys.readouterr().out
    out = tmp_path / "out"
    assert cli.main(["export", str(path), "--out", str(out), "--strict", "--lang", "fr"]) == 1
    err = capsys.readouterr().err
    assert "BD-NOT-TOP bids.award: Le contrat est adjugé à ÉduNum Solutions inc." in err
    assert "Nothing written:" in err and not out.exists()
    with ProjectFile.open(path) as pf, pf.transaction():
        pf.db.execute("UPDATE award SET bid_id = 1")
    assert cli.main(["export", str(path), "--out", str(out), "--strict", "--lang", "fr"]) == 0
    assert "BD-NOT-TOP" not in capsys.readouterr().err and (out / "evaluation-report-fr.docx").is_file()


@pytest.mark.slow
def test_plain_export_names_the_error_and_writes_every_file(tmp_path, capsys):
    path = _file(tmp_path, _jury_author())
    out = tmp_path / "out"
    assert cli.main(["export", str(path), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert [Path(line).name for line in captured.out.splitlines()] == [
        "tender-en.docx",
        "price-form-en.xlsx",
        "decision-record-en.docx",
        "ocds-release-package.json",
        "vendor-register.csv",
        "criteria.csv",
    ]
    lines = captured.err.splitlines()
    assert lines[0] == JURY_LINE
    assert lines[1].endswith(
        "/ Written with 1 error and 0 placeholders still open (listed above); export --strict writes "
        "nothing until none remains."
    )
    assert len(lines) == 2


def test_an_empty_reference_alone_blocks_strict(tmp_path, capsys):
    project = load_example("office-suite")
    project.info.reference = ""
    out = tmp_path / "out"
    assert cli.main(["export", str(_file(tmp_path, project)), "--out", str(out), "--strict"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == ["placeholder info.reference"] * 9
    assert lines[0] == (
        "placeholder info.reference: L’appel d’offres en anglais, section «\u00a0En-tête de page\u00a0»\u00a0: le document "
        f"affiche {PLACEHOLDER} à la place de cette valeur. / The tender in English, section “Page header”: "
        f"the document prints {PLACEHOLDER} where this value goes."
    )
    assert "il reste 0 erreur et 9 mentions à compléter" in lines[-1]
    assert not out.exists()


def test_a_justified_error_does_not_block(tmp_path, capsys):
    project = _jury_author()
    project.justifications.append(
        Justification(id=1, code="E-JURY-AUTHOR", field="jury:4.name", reason="Council waived the rule.")
    )
    out = tmp_path / "out"
    assert cli.main(["export", str(_file(tmp_path, project)), "--out", str(out), "--strict"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert (out / "tender-en.docx").is_file()


def test_strict_after_force_check_still_refuses_without_touching_the_folder(tmp_path, capsys):
    """With --force over existing files, a refused export leaves them as they were."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "tender-en.docx").write_text("edited by the lawyers", encoding="utf-8")
    path = _file(tmp_path, _jury_author())
    assert cli.main(["export", str(path), "--out", str(out), "--strict", "--force"]) == 1
    assert [p.name for p in out.iterdir()] == ["tender-en.docx"]
    assert (out / "tender-en.docx").read_text(encoding="utf-8") == "edited by the lawyers"
    assert capsys.readouterr().err.startswith("E-JURY-AUTHOR ")


@pytest.mark.slow
@pytest.mark.parametrize("name", example_names())
def test_every_example_exports_strict_in_both_languages(name, tmp_path):
    """``python main.py load`` then ``export --lang both --strict``, as real processes:
    exit 0, nothing on the gate, no placeholder in any document."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )

    tender = tmp_path / f"{name}.tender"
    loaded = run("load", str(ROOT / "resources" / "examples" / f"{name}.json"), str(tender))
    assert loaded.returncode == 0, loaded.stderr
    out = tmp_path / "out"
    result = run("export", str(tender), "--out", str(out), "--lang", "both", "--strict")
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith(("placeholder ", "E-", "K-"))]
    documents = sorted(out.glob("*.docx"))
    # the training example is published with addendum 1 (issue 21), carries the bids,
    # their evaluation and the award (issue 22: a letter for each of bids 2-4, the
    # winner being bid 1, and the notice of award to bid 1) and the contract's follow-up (issue 23)
    both = ("en", "fr")
    later = (
        [f"addendum-1-{x}.docx" for x in both]
        + [f"award-notice-1-{x}.docx" for x in both]
        + [f"contract-summary-{x}.docx" for x in both]
        + [f"debriefing-{n}-{x}.docx" for n in (2, 3, 4) for x in both]
        if name == "training"
        else []
    )
    evaluation = [f"evaluation-report-{x}.docx" for x in both] if name == "training" else []
    follow_up = (
        [f"{kind}-{x}.docx" for kind in ("performance", "spending") for x in both]
        if name == "training"
        else []
    )
    expected = [*later, *[f"decision-record-{x}.docx" for x in both], *evaluation, *follow_up]
    expected += [f"tender-{x}.docx" for x in both]
    assert [p.name for p in documents] == sorted(expected)
    for path in documents:
        assert PLACEHOLDER not in docx_text(path), path.name


def _training(tmp_path: Path, *sql: str) -> Path:
    """The training example (published with addendum 1, awarded to bid 1: letters to
    bids 2-4) as ``new --example`` makes it, then ``sql`` run on its file."""
    path = tmp_path / "training.tender"
    assert cli.main(["new", "--example", "training", str(path)]) == 0
    with ProjectFile.open(path) as pf, pf.transaction():
        for statement in sql:
            pf.db.execute(statement)
    return path


LETTER_LINE = (
    "placeholder bids:2.bidder: debriefing-2-fr.docx, section «\u00a0Début du document\u00a0»\u00a0: le document "
    f"affiche {PLACEHOLDER} là où une valeur manque\u00a0: complétez-la avant d’envoyer le document. / "
    "debriefing-2-fr.docx, section “Start of the document”: the document prints "
    f"{PLACEHOLDER} where a value is missing; complete it before sending the document."
)


@pytest.mark.parametrize("late", [0, 1])
def test_strict_refuses_a_letter_without_the_bidders_address(tmp_path, capsys, late):
    """Walk 2026-12-07, defect 1: a bid added without ``--address`` got a debriefing
    letter printing the placeholder where the address goes, yet ``export --strict``
    wrote it (exit 0, stderr empty): the gate read the tender and the record only. A
    late bid's letter is sent too, so its address matters as much."""
    path = _training(
        tmp_path,
        "UPDATE bidders SET address = '' WHERE id = 2",
        f"UPDATE bids SET late = {late} WHERE id = 2",
    )
    out = tmp_path / "out"
    assert cli.main(["export", str(path), "--out", str(out), "--strict", "--lang", "fr"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert LETTER_LINE in err  # (a late bid opened is an error of its own: BD-LATE-OPENED)
    assert [line for line in err if line.startswith("placeholder")] == [LETTER_LINE]
    assert "et 1 mention à compléter" in err[-1]
    assert not out.exists()


def test_strict_writes_the_letters_once_every_address_is_there(tmp_path, capsys):
    """The clean twin: bid 2's address written (one character is enough), the export runs."""
    path = _training(tmp_path, "UPDATE bidders SET address = 'x' WHERE id = 2")
    out = tmp_path / "out"
    assert cli.main(["export", str(path), "--out", str(out), "--strict", "--lang", "fr"]) == 0
    assert "placeholder" not in capsys.readouterr().err
    assert (out / "debriefing-2-fr.docx").is_file()


def test_strict_refuses_an_addendum_printing_a_missing_translation(tmp_path, capsys):
    """Walk 2026-12-07, defect 1: the French addendum printed ``[TRADUCTION À FAIRE]``
    (a question with no French version) with no notice; each marker is now an item."""
    path = _training(tmp_path, "UPDATE addendum_questions SET question_fr = '' WHERE id = 1")
    out = tmp_path / "out"
    assert cli.main(["export", str(path), "--out", str(out), "--strict", "--lang", "both"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        "placeholder addenda: addendum-1-fr.docx, section «\u00a0Questions et réponses › Question 1\u00a0»\u00a0: "
        "le document affiche [TRADUCTION À FAIRE / TRANSLATION MISSING]\u00a0: un texte n’a pas encore de "
        "version dans la langue du document. / addendum-1-fr.docx, section “Questions et réponses › "
        "Question 1”: the document prints [TRADUCTION À FAIRE / TRANSLATION MISSING]: a text has no "
        "version in the document's language yet."
    )
    assert len(err) == 2 and "1 mention à compléter" in err[1]


def _count_builds(monkeypatch) -> Counter:
    """Count each build of an addendum, evaluation report, debriefing letter and
    follow-up document, and of the notices of award (all of them at once), in
    ``documents/exported.py``: what the gate reads and the export writes."""
    from wizard.core.documents import exported

    built: Counter = Counter()

    def counting(name: str):
        real = getattr(exported, name)

        def counted(*args, **kwargs):
            built[name] += 1
            return real(*args, **kwargs)

        return counted

    for name in (
        "addendum_document",
        "report_document",
        "letter_document",
        "follow_up_document",
        "notice_documents",
    ):
        monkeypatch.setattr(exported, name, counting(name))
    return built


def test_an_export_builds_the_other_documents_once(tmp_path, capsys, monkeypatch):
    """The gate reads the addenda, the letters and the follow-up the export writes: one
    build each, handed to both (the gate built its own copy, then the export built them
    again; a letter's placeholder item still shows the gate read them)."""
    path = _training(tmp_path, "UPDATE bidders SET address = '' WHERE id = 2")
    built = _count_builds(monkeypatch)
    out = tmp_path / "out"
    assert cli.main(["export", str(path), "--out", str(out), "--lang", "both"]) == 0
    assert LETTER_LINE in capsys.readouterr().err.splitlines()
    names = [p.name for p in out.iterdir()]

    def written(*starts: str) -> int:
        return sum(1 for n in names if n.startswith(starts))

    assert built == {
        "addendum_document": written("addendum-"),
        "report_document": written("evaluation-report-"),
        "letter_document": written("debriefing-"),
        "follow_up_document": written("contract-summary-", "performance-", "spending-"),
        "notice_documents": 1 if written("award-notice-") else 0,
    }
    # addendum 1, the report, the notices to bid 1, the letters to bids 2-4, three follow-ups
    assert list(built.values()) == [2, 2, 1, 6, 6]
