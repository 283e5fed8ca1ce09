"""A project file whose bids record holds what ``load`` refuses (a result entered twice,
a verification result outside its set) opens, keeps it, and ``check`` says it on the
bid, naming the criterion or scenario as the tender numbers it (checks/bids_stored.py)."""

from __future__ import annotations

import sqlite3

import pytest

from wizard.cli import main
from wizard.core.bids.record import read
from wizard.core.checks import run_checks
from wizard.core.checks.bids_stored import check_bids_stored
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def training(tmp_path, capsys):
    path = tmp_path / "training.tender"
    assert main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    return path


def _edit(path, *statements: tuple[str, tuple]) -> None:
    with sqlite3.connect(path) as db:
        for sql, params in statements:
            db.execute(sql, params)
    db.close()


def _findings(path):
    with ProjectFile.open(path, read_only=True) as pf:
        project, record = pf.project, read(pf)
    return [f for f in run_checks(project, record) if f.code in ("BD-REPEATED", "BD-CHOICE")]


def test_a_mandatory_result_entered_twice_is_said_on_the_bid(training, capsys):
    _edit(
        training,
        (
            "INSERT INTO mandatory_results (bid_id, criterion_id, passed, evidence) "
            "SELECT bid_id, criterion_id, 0, 'autre' FROM mandatory_results ORDER BY id LIMIT 1",
            (),
        ),
    )
    found = _findings(training)
    assert [(f.field, f.message("en")) for f in found] == [
        (
            "bids:1.mandatory",
            "The result of criterion OBL-1 for Apprentissage Fundy inc. is entered 2 times in the file, written by "
            "an earlier version or by hand: the evaluation reads the last one and the evaluation report prints "
            "each. Entering it again replaces them all.",
        )
    ]
    assert found[0].message("fr") == (
        "Le résultat du critère OBL-1 pour Apprentissage Fundy inc. figure 2 fois dans le fichier, écrit par "
        "une version antérieure ou à la main\u00a0: l’évaluation lit la dernière inscription et le rapport "
        "d’évaluation les imprime toutes. Une nouvelle inscription les remplace toutes."
    )
    assert main(["check", str(training), "--lang", "en"]) == 1
    assert (
        "ERROR   BD-REPEATED            bids:1.mandatory: The result of criterion OBL-1"
        in capsys.readouterr().out
    )


def test_a_verification_result_outside_its_set_is_said_and_kept(training):
    _edit(training, ("UPDATE scenario_verifications SET result = 'passed' WHERE id = 1", ()))
    with ProjectFile.open(training, read_only=True) as pf:
        kept = read(pf).verifications[0]
    assert kept.result == "passed"  # kept as stored
    found = _findings(training)
    assert [(f.code, f.field) for f in found] == [("BD-CHOICE", f"bids:{kept.bid_id}.verifications")]
    assert found[0].message("en") == (
        "The verification of scenario S-1 for Apprentissage Fundy inc. holds “passed”, which is not one of its "
        "results (“confirmed”, “refuted”, “pending”): the file keeps it as it was written, by an earlier "
        "version of the app or by hand, but the evaluation does not know what it means. Entering the "
        "verification again replaces it."
    )


def test_a_consensus_and_a_verification_entered_twice_are_each_said(training):
    _edit(
        training,
        (
            "INSERT INTO consensus_scores (bid_id, criterion_id, points, reason) "
            "SELECT bid_id, criterion_id, points, reason FROM consensus_scores ORDER BY id LIMIT 1",
            (),
        ),
        (
            "INSERT INTO scenario_verifications (bid_id, scenario_id, result, notes, verified_on) "
            "SELECT bid_id, scenario_id, 'refuted', '', verified_on FROM scenario_verifications ORDER BY id LIMIT 1",
            (),
        ),
    )
    assert sorted((f.code, f.field) for f in _findings(training)) == [
        ("BD-REPEATED", "bids:1.consensus"),
        ("BD-REPEATED", "bids:1.verifications"),
    ]


def test_the_clean_record_says_nothing(training):
    """The twins: the example as the app wrote it, and a second bid's entry for the same
    criterion (one per bid is no repeat)."""
    assert _findings(training) == []
    with ProjectFile.open(training, read_only=True) as pf:
        project, record = pf.project, read(pf)
    pairs = [(m.bid_id, m.criterion_id) for m in record.mandatory]
    assert len({c for _b, c in pairs}) < len(pairs)  # several bids share a criterion
    assert check_bids_stored(project, record) == []
