"""Walk 2026-12-07 (a town clerk on the command line, Québec's statutory grid): the
lock that took an incomplete evaluation for good, the report that said more than the
record, grid items without numbers, verifications dated before the closing or losing
their notes, and entries that reprinted every bid. Each input that broke something is
kept with its right value and a clean twin."""

from __future__ import annotations

import pytest
from bids_sample import score_all
from quebec_bids_sample import LOCKED, ON_TIME, quebec_project
from quebec_bids_sample import record_bid as quebec_bid

from wizard.cli import main as cli_main
from wizard.core.bids import BidsError, evaluation_entry, intake
from wizard.core.bids.record import Bidder, read
from wizard.core.checks.bids import check_bids
from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows


def _with_optional(path) -> ProjectFile:
    """The Québec sample with the training example's optional criteria kept (OPT-1 …
    OPT-10, threshold 70 %): the grid and the optional criteria both count, as in the
    walk's emergency-perimeter tender."""
    project, publishing = quebec_project()
    project.criteria = load_example_with_publishing("training")[0].criteria
    return ProjectFile.create(path, project, origin="example", tables=table_rows(publishing))


@pytest.fixture
def pf(tmp_path):
    with _with_optional(tmp_path / "qc.tender") as f:
        yield f


def _optional_ids(pf) -> list[int]:
    return [c.id for c in pf.project.criteria if c.kind == "optional"]


def test_the_lock_refuses_while_optional_criteria_have_no_consensus(pf):
    """Defect 1: the grid complete, OPT-1..10 without consensus: the lock is refused,
    naming the bid and the criteria in both languages; the bid failing a mandatory
    criterion and the late one need nothing. The clean twin: completed, it locks."""
    bid_id = quebec_bid(pf, "A")  # mandatory met, grid sheets and consensus: no optional consensus
    failing = quebec_bid(pf, "B")
    evaluation_entry.set_mandatory(pf, failing, 4, False, evidence="Hors Canada")
    intake.add_bid(pf, bidder=Bidder("Tardif inc."), received_at="2027-04-16T11:30:00-04:00")
    with pytest.raises(BidsError) as refused:
        evaluation_entry.lock_quality(pf, at=LOCKED)
    text = str(refused.value)
    assert f"bid {bid_id} (Alpha Conseil inc.): OPT-1, OPT-2, OPT-3" in text and "OPT-10." in text
    assert f"soumission {bid_id} (Alpha Conseil inc.)\u00a0: OPT-1" in text
    assert "Bêta" not in text and "Tardif" not in text and "G-1" not in text
    assert read(pf).quality_locked_at == ""
    # the check says the same before the lock, as a warning
    (warned,) = [f for f in check_bids(pf.project, read(pf)) if f.code == "BD-LOCK-MISSING"]
    assert warned.severity.value == "warning" and warned.field == f"bids:{bid_id}.consensus"
    assert "OPT-1, OPT-2" in warned.message("en") and "Alpha Conseil inc." in warned.message("fr")
    for cid in _optional_ids(pf):
        evaluation_entry.set_consensus(pf, bid_id, cid, 1, reason="Démontré")
    assert not [f for f in check_bids(pf.project, read(pf)) if f.code == "BD-LOCK-MISSING"]
    assert evaluation_entry.lock_quality(pf, at=LOCKED) == LOCKED


def test_the_lock_names_grid_items_and_mandatory_criteria_not_assessed(pf):
    bid_id = intake.add_bid(pf, bidder=Bidder("Delta inc."), received_at=ON_TIME, acknowledged=[1])
    for cid in _optional_ids(pf):
        evaluation_entry.set_consensus(pf, bid_id, cid, 1)
    evaluation_entry.set_grid_consensus(pf, bid_id, 1, 20)
    for c in (1, 2, 3, 4):
        evaluation_entry.set_mandatory(pf, bid_id, c, True)
    with pytest.raises(BidsError) as refused:
        evaluation_entry.lock_quality(pf, at=LOCKED)
    assert f"bid {bid_id} (Delta inc.): OBL-5 (not assessed), G-2, G-3, G-4." in str(refused.value)
    assert "OBL-5 (non évalué), G-2, G-3, G-4." in str(refused.value)


def test_bid_show_numbers_the_grid_and_says_why_the_interim_score_is_missing(pf, capsys):
    """Defects 1 and 3: the items numbered G-1 …; "—" explained."""
    bid_id = quebec_bid(pf, "A")
    failing = quebec_bid(pf, "B")
    evaluation_entry.set_mandatory(pf, failing, 4, False)
    path = pf.path
    pf.close()
    capsys.readouterr()
    assert cli_main(["bid", str(path), "show", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "G-1 Company experience (out of 30)\t25\t25\t25\t25\tAccord du comité" in lines
    interim = [line for line in lines if line.startswith("Interim score /100")]
    assert interim[0].endswith(
        "—\tnot computed until these have their consensus points: OPT-1, OPT-2, "
        "OPT-3, OPT-4, OPT-5, OPT-6, OPT-7, OPT-8, OPT-9, OPT-10"
    )
    assert interim[1].endswith("—\tnot computed: the bid fails OBL-4, its quality is not scored")
    with ProjectFile.open(path) as f:
        for cid in _optional_ids(f):
            evaluation_entry.set_consensus(f, bid_id, cid, 1)
    assert cli_main(["bid", str(path), "show", str(bid_id), "--lang", "fr"]) == 0
    assert "Pointage intérimaire /100\t\t\t\t80\t" in capsys.readouterr().out.splitlines()


def test_grid_items_are_named_g2_or_2_and_a_wrong_one_lists_them(pf, capsys):
    bid_id = intake.add_bid(pf, bidder=Bidder("Delta inc."), received_at=ON_TIME, acknowledged=[1])
    path = pf.path
    pf.close()
    base = ["bid", str(path)]
    capsys.readouterr()
    assert cli_main([*base, "score", str(bid_id), "1", "G-2", "20", "--grid", "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"Recorded: bid {bid_id}, member 1, G-2 Proposed methodology: 20."
    )  # the item in English, as `bid show --lang en` prints it (walk 2026-12-07)
    assert cli_main([*base, "consensus", str(bid_id), "g-3", "15", "--grid"]) == 0
    assert cli_main([*base, "consensus", str(bid_id), "4", "12", "--grid"]) == 0
    capsys.readouterr()
    assert cli_main([*base, "score", str(bid_id), "1", "9", "3", "--grid"]) == 2
    err = capsys.readouterr().err
    assert "one of G-1, G-2, G-3, G-4 (given: 9)" in err and "l’un de G-1, G-2, G-3, G-4" in err
    with ProjectFile.open(path, read_only=True) as f:
        record = read(f)
    assert [(g.item_id, g.points) for g in record.grid_sheets] == [(2, 20)]
    assert [(g.item_id, g.points) for g in record.grid_consensus] == [(3, 15), (4, 12)]


def test_a_verification_follows_the_closing_and_keeps_its_notes(pf, capsys):
    """Defect 4: a day before the closing (2027-04-16) is refused; re-entered without
    --notes, the notes stay; ``verify`` echoes what it recorded."""
    bid_id = intake.add_bid(pf, bidder=Bidder("Delta inc."), received_at=ON_TIME, acknowledged=[1])
    with pytest.raises(BidsError) as refused:
        evaluation_entry.set_verification(pf, bid_id, 1, "refuted", verified_on="2027-02-02")
    assert "2027-02-02 is before the closing (2027-04-16)" in str(refused.value)
    assert "précède la clôture" in str(refused.value) and read(pf).verifications == ()
    evaluation_entry.set_verification(pf, bid_id, 1, "confirmed", "Démo réussie", "2027-04-16", 1)
    path = pf.path
    pf.close()
    capsys.readouterr()
    assert cli_main(["bid", str(path), "verify", str(bid_id), "S-1", "refuted", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        f"Recorded: bid {bid_id}, S-1: Refuted, on 2027-04-16, reported by "
        f"{quebec_project()[0].committee[0].name}, notes: Démo réussie."
    )
    with ProjectFile.open(path, read_only=True) as f:
        (v,) = read(f).verifications
    assert (v.result, v.notes, v.verified_on, v.committee_member_id) == (
        "refuted",
        "Démo réussie",
        "2027-04-16",
        1,
    )
    assert cli_main(["bid", str(path), "verify", str(bid_id), "1", "pending", "--notes", ""]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        assert read(f).verifications[0].notes == ""


def test_an_entry_prints_its_echo_and_one_line_of_state_not_the_table(pf, capsys):
    """Defect 5: three lines, not the table and every grid."""
    bid_id = quebec_bid(pf, "A")
    path = pf.path
    pf.close()
    capsys.readouterr()
    assert cli_main(["bid", str(path), "consensus", str(bid_id), "OPT-1", "1", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Recorded: bid {bid_id}, consensus on OPT-1: 1."
    assert (
        out[1]
        == f"Still missing before the lock: bid {bid_id} (Alpha Conseil inc.): OPT-2, OPT-3, "
        + ", ".join(f"OPT-{n}" for n in range(4, 11))
        + "."
    )
    assert out[2].startswith("The whole table: ") and out[2].endswith(" show.") and len(out) == 3
    with ProjectFile.open(path) as f:
        score_all(f, bid_id)
    assert cli_main(["bid", str(path), "mandatory", str(bid_id), "OBL-1", "pass", "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("Nothing missing: the quality scores can be locked") and len(out) == 3
    assert cli_main(["bid", str(path), "lock", "--by", "Greffière", "--at", LOCKED, "--lang", "en"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0]
        == "Quality scores locked on 2027-04-20 09:00 -04:00. Locked by: Greffière."  # LOCKED, the town's time
    )
    assert cli_main(["bid", str(path), "show", "--lang", "fr"]) == 0
    assert (
        "Pointages de qualité verrouillés le 2027-04-20 09:00 -04:00. Verrouillés par\u00a0: Greffière."
        in capsys.readouterr().out
    )


def test_points_corrected_without_reason_keep_the_reason(pf, capsys):
    """The kind of defect 4 on the sheets and the consensus: a correction of the points
    alone used to erase the reason; ``--reason ""`` still clears it."""
    bid_id = intake.add_bid(pf, bidder=Bidder("Delta inc."), received_at=ON_TIME, acknowledged=[1])
    path = pf.path
    pf.close()
    base = ["bid", str(path)]
    for args in (
        ["consensus", str(bid_id), "G-2", "18", "--grid", "--reason", "Plan de relève détaillé"],
        ["consensus", str(bid_id), "G-2", "20", "--grid"],
        ["score", str(bid_id), "2", "OPT-1", "1", "--reason", "Démontré"],
        ["score", str(bid_id), "2", "OPT-1", "0"],
        ["consensus", str(bid_id), "OPT-2", "1", "--reason", "Vu en démo"],
        ["consensus", str(bid_id), "OPT-2", "1", "--reason", ""],
    ):
        assert cli_main([*base, *args]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        record = read(f)
    assert [(g.item_id, g.points, g.reason) for g in record.grid_consensus] == [
        (2, 20, "Plan de relève détaillé")
    ]
    assert [(s.points, s.reason) for s in record.sheets] == [(0, "Démontré")]
    assert [(c.points, c.reason) for c in record.consensus] == [(1, "")]
