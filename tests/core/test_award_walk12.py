"""A new user's walk (2026-12-07): the outcome when no bid passes Québec's quality
evaluation (every price envelope stays sealed, the opening is still recorded and the
award records that there is none), and the award that cannot drop a contract whose
follow-up holds entries."""

from __future__ import annotations

import pytest
from contract_sample import award, follow, published
from quebec_bids_sample import LOCKED, OPENED, create
from quebec_bids_sample import record_bid as quebec_bid

from wizard.core.bids import BidsError, evaluation_entry, intake, opening
from wizard.core.bids.record import read
from wizard.core.contract import operations
from wizard.core.contract import record as contract_record
from wizard.core.i18n import tr
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def qc(tmp_path):
    with create(tmp_path / "qc.tender") as f:
        yield f


def test_no_bid_passes_the_opening_is_recorded_with_every_envelope_sealed(qc):
    c = quebec_bid(qc, "C")  # interim score 65: under 70
    evaluation_entry.lock_quality(qc, locked_by="Greffière", at=LOCKED)
    record = opening.open_envelope(qc, opened_by="Greffière", at=OPENED)
    assert record.opened and record.opening.fingerprints == {}
    assert not record.bid(c).opened and record.bid(c).workbook_sha256
    why = opening.none_opened(qc.project, record)
    assert why == opening.NONE_PASSED
    assert "no bid passed" in tr(why, "en") and "aucune soumission n’a réussi" in tr(why, "fr")
    evaluation_entry.set_award(qc, None)
    assert read(qc).award.bid_id is None
    with pytest.raises(BidsError, match="was not opened"):
        evaluation_entry.set_award(qc, c)


def test_a_bid_that_passes_is_opened_and_the_opening_says_nothing_of_sealed_envelopes(qc):
    a = quebec_bid(qc, "A")  # 80: passes
    c = quebec_bid(qc, "C")
    evaluation_entry.lock_quality(qc, locked_by="Greffière", at=LOCKED)
    record = opening.open_envelope(qc, opened_by="Greffière", at=OPENED)
    assert sorted(record.opening.fingerprints) == [a] and not record.bid(c).opened
    assert opening.none_opened(qc.project, record) is None


def test_the_town_leaving_every_envelope_unopened_is_not_said_to_be_a_failure(qc):
    a = quebec_bid(qc, "A")
    evaluation_entry.lock_quality(qc, locked_by="Greffière", at=LOCKED)
    record = opening.open_envelope(qc, opened_by="Greffière", at=OPENED, unopened=[a])
    assert opening.none_opened(qc.project, record) == opening.NONE_OPENED


def test_no_sealed_workbook_at_all_is_still_refused(qc):
    a = quebec_bid(qc, "A")
    intake.set_bid(qc, a, rejected="Non signée")  # rejected: never opened
    evaluation_entry.lock_quality(qc, locked_by="Greffière", at=LOCKED)
    with pytest.raises(BidsError, match="There is no price workbook to open"):
        opening.open_envelope(qc, opened_by="Greffière", at=OPENED)
    assert read(qc).opening is None


@pytest.fixture
def signed(tmp_path):
    with published(tmp_path) as f:
        bid_id = award(f)
        yield f, bid_id


def test_no_award_is_refused_while_the_follow_up_holds_entries(signed):
    pf, bid_id = signed
    follow(pf)
    with pytest.raises(BidsError) as refused:
        evaluation_entry.set_award(pf, None)
    message = str(refused.value)
    assert "(A1, R1, R2, I1, P1, P2, P3, P4, P5, P6, P7)" in message and "remove them first" in message
    assert "retirez-les d’abord" in message
    assert read(pf).award.bid_id == bid_id and contract_record.read(pf) is not None
    # a correction that keeps the bid and its signature passes
    evaluation_entry.set_award(pf, bid_id, contract_signed_on="2027-05-26")
    assert read(pf).award.contract_signed_on == "2027-05-26"


def test_no_award_passes_once_the_entries_are_removed(signed):
    pf, bid_id = signed
    operations.add_amendment(pf, amended_on="2027-10-04", reason="Formation", value_change="1800")
    with pytest.raises(BidsError, match=r"\(A1\)"):
        evaluation_entry.set_award(pf, None)
    operations.remove(pf, "amendment", 1)
    evaluation_entry.set_award(pf, None)  # a signed contract without entries: allowed
    assert read(pf).award.bid_id is None and contract_record.read(pf) is None


def test_the_command_line_refuses_another_bid_or_none_over_the_example_s_follow_up(tmp_path, capsys):
    """The training example: a contract signed with bid 1 and its year of follow-up."""
    from wizard.cli import main as cli_main

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    for chosen in (["none"], ["2", "--reason", "Motif"]):
        assert cli_main(["bid", str(path), "award", *chosen, "--lang", "en"]) == 2
        assert "remove them first (Contract follow-up" in capsys.readouterr().err
    # the twin: a correction to the same bid passes
    assert cli_main(["bid", str(path), "award", "1", "--signatory", "M. T.", "--lang", "en"]) == 0


def test_the_command_line_says_none_passed_then_records_no_award(tmp_path, capsys):
    """The walk's dead end, on the command line: ``bid show`` before the lock says no bid
    passes, ``envelope open`` records the opening and says why nothing was opened, and
    ``bid award none`` records the outcome."""
    from wizard.cli import main as cli_main

    path = tmp_path / "qc.tender"
    with create(path) as pf:
        quebec_bid(pf, "C")
    capsys.readouterr()
    assert cli_main(["bid", str(path), "show", "--lang", "en"]) == 0
    assert "No bid passes the quality evaluation so far" in capsys.readouterr().out
    assert cli_main(["bid", str(path), "lock", "--by", "Greffière", "--at", LOCKED, "--lang", "fr"]) == 0
    capsys.readouterr()
    assert cli_main(["envelope", str(path), "open", "--by", "Greffière", "--at", OPENED, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "No price envelope was opened: no bid passed the quality evaluation" in out
    assert "Opening of the price envelopes held on" in out and "Price envelopes opened on" not in out
    assert "No bid passes the quality evaluation so far" not in out
    assert cli_main(["bid", str(path), "award", "none", "--lang", "fr"]) == 0
    with ProjectFile.open(path, read_only=True) as f:
        assert read(f).award.bid_id is None


def test_bid_show_says_nothing_of_a_dead_end_while_a_bid_passes(tmp_path, capsys):
    from wizard.cli import main as cli_main

    path = tmp_path / "qc.tender"
    with create(path) as pf:
        quebec_bid(pf, "A")
        quebec_bid(pf, "C")
    capsys.readouterr()
    assert cli_main(["bid", str(path), "show", "--lang", "en"]) == 0
    assert "passes the quality evaluation" not in capsys.readouterr().out


def _paragraphs(document) -> list[str]:
    return [getattr(b, "text", "") for b in document.blocks]


@pytest.mark.parametrize(
    ("lang", "held", "reason"),
    [
        ("en", "The opening of the price envelopes was held on", "no bid passed the quality evaluation"),
        ("fr", "L’ouverture des enveloppes de prix a eu lieu le", "aucune soumission n’a réussi"),
    ],
)
def test_the_report_says_the_opening_was_held_with_every_envelope_sealed(qc, lang, held, reason):
    """Walk 2026-12-07: after an opening that opened nothing, the evaluation report said
    the envelopes "were opened" and that each workbook was fingerprinted at the opening."""
    from wizard.core.documents.evaluation_report import report_document

    quebec_bid(qc, "C")  # under 70: its envelope stays sealed
    evaluation_entry.lock_quality(qc, locked_by="Greffière", at=LOCKED)
    opening.open_envelope(qc, opened_by="Greffière", at=OPENED)
    texts = _paragraphs(report_document(qc.project, read(qc), lang))
    [line] = [t for t in texts if t.startswith(held)]
    assert reason in line
    assert not any("fingerprinted" in t or "empreinte" in t and "ouverture" in t for t in texts)


def test_the_report_of_an_opening_that_opened_a_bid_says_it_was_opened(qc):
    from wizard.core.documents.evaluation_report import report_document

    quebec_bid(qc, "A")  # 80: opened
    evaluation_entry.lock_quality(qc, locked_by="Greffière", at=LOCKED)
    opening.open_envelope(qc, opened_by="Greffière", at=OPENED)
    texts = _paragraphs(report_document(qc.project, read(qc), "en"))
    assert any(t.startswith("The price envelopes were opened on") for t in texts)
    assert any("fingerprinted" in t for t in texts)
