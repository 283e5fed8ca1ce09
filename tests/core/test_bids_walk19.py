"""A new user's walk after publication (2026-12-07, w19): ``BD-OFFSET`` said "whether it
is late depends on it" of a bid on time at either reading, and asked for a correction
after the opening; the award of a late, withdrawn or rejected bid was refused as "not
opened" without saying why."""

from __future__ import annotations

import dataclasses

import pytest

from wizard.core.bids import BidsError
from wizard.core.bids.record import Opening, read
from wizard.core.checks.base import Severity
from wizard.core.checks.bids import check_bids
from wizard.core.documents.record_findings import sentence
from wizard.core.project_file.store import ProjectFile


def _cli(*args):
    from wizard.cli import main as cli_main

    return cli_main([str(a) for a in args])


@pytest.fixture
def office(tmp_path, capsys):
    """The office-suite example published, no bid yet (closing 2027-02-19 14:00, Nova
    Scotia at −04:00 that day)."""
    path = tmp_path / "os.tender"
    assert _cli("new", "--example", "office-suite", path) == 0
    assert _cli("publish", path) == 0
    capsys.readouterr()
    return path


def _offset(path, opened=False):
    with ProjectFile.open(path, read_only=True) as f:
        record = read(f)
        if opened:
            record = dataclasses.replace(record, opening=Opening("2027-02-25T10:00-04:00", "D", "", {}))
        found = [x for x in check_bids(f.project, record) if x.code == "BD-OFFSET"]
        return found, f.project


# 1. BD-OFFSET: lateness depends on the clock only when the readings straddle the closing


def test_an_offset_on_time_either_way_is_an_information_before_the_opening(office):
    """The walk's input: typed 12:30 −05:00, 13:30 town time or 12:30 on a town clock,
    both before 14:00: lateness does not depend on it; only the printed hour does."""
    assert (
        _cli(
            "bid", office, "add", "--name", "Bluenose Digital Inc.", "--received", "2027-02-19T12:30:00-05:00"
        )
        == 0
    )
    (found,), project = _offset(office)
    assert found.severity is Severity.INFO
    en = found.message("en")
    assert "depends on the clock read" not in en and "whether it is late" not in en
    assert (
        "so the bid came at 2027-02-19 13:30 -04:00, town time, or at 2027-02-19 12:30 -04:00 if the "
        "time was read on a clock of the town. Both are before the closing (2027-02-19 14:00 -04:00): "
        "the bid is on time either way" in en
    )
    assert "la soumission est à temps dans les deux cas" in found.message("fr")
    assert sentence(project, found, "en") == (
        "Bid 1 is recorded as received at another UTC offset than the town's on that day; it is on "
        "time whichever clock was read."
    )
    assert "elle est à temps quelle que soit l’horloge lue" in sentence(project, found, "fr")
    # after the opening nothing depends on it and nothing can be done: no finding
    assert _offset(office, opened=True)[0] == []


def test_an_offset_late_either_way_says_late(office):
    assert _cli("bid", office, "add", "--name", "L", "--received", "2027-02-19T14:30-05:00") == 0
    (found,), _project = _offset(office)
    assert found.severity is Severity.INFO
    assert (
        "Both are after the closing (2027-02-19 14:00 -04:00): the bid is late either way"
        in found.message("en")
    )


def test_an_offset_that_straddles_the_closing_stays_a_warning(office):
    """The twin: typed 13:30 −05:00 is 14:30 town time (late), 13:30 on a town clock (on
    time): lateness depends on it, before the opening and after."""
    assert _cli("bid", office, "add", "--name", "B", "--received", "2027-02-19T13:30-05:00") == 0
    (found,), project = _offset(office)
    assert found.severity is Severity.WARNING
    assert found.message("en").endswith(
        "One of these moments is before the closing (2027-02-19 14:00 -04:00) and the other after, so "
        "whether the bid is late depends on the clock read: correct the moment of receipt before the "
        "opening."
    )
    (after,), _ = _offset(office, opened=True)
    assert after.severity is Severity.WARNING
    en = after.message("en")
    assert "correct the moment of receipt before" not in en
    assert "The envelopes are open and the moment can no longer be corrected" in en
    assert "Les enveloppes sont ouvertes et le moment ne peut plus être corrigé" in after.message("fr")
    # what the report to council says: the facts and what settles them, no advice
    assert sentence(project, after, "en") == (
        "Bid 1 is recorded as received at 2027-02-19 14:30 -04:00, town time, at another UTC offset "
        "than the town's on that day; read on a clock of the town, it came at 2027-02-19 13:30 -04:00. "
        "One of these moments is before the closing (2027-02-19 14:00 -04:00) and the other after: "
        "whether the bid was on time depends on the clock read, which the evidence of receipt (the "
        "time stamped on the envelope, the platform's receipt) establishes."
    )


def test_a_bid_at_the_town_offset_has_no_offset_finding(office):
    assert _cli("bid", office, "add", "--name", "C", "--received", "2027-02-19T12:30:00-04:00") == 0
    assert _offset(office)[0] == []


# 2. the award of a bid never opened names why


def _award_refusal(path, bid):
    from wizard.core.bids import evaluation_entry

    with ProjectFile.open(path) as f, pytest.raises(BidsError) as caught:
        evaluation_entry.set_award(f, bid, reason_if_not_top="x")
    return caught.value


@pytest.fixture
def training(tmp_path):
    from wizard.core.bids.jsonform import record_tables
    from wizard.core.examples import load_example_with_records

    project, publishing, bids = load_example_with_records("training")
    path = tmp_path / "t.tender"
    ProjectFile.create(path, project, origin="example", tables=record_tables(publishing, bids)).close()
    return path


def test_the_award_of_a_late_bid_says_it_is_late(training):
    from wizard.core.bids import award_rule
    from wizard.core.i18n import tr

    with ProjectFile.open(training, read_only=True) as f:
        record = read(f)
    late = [b for b in record.bids if b.late]
    assert [b.id for b in late] == [4]
    found = award_rule.not_opened(late[0])
    assert tr(found.text, "en", **found.params) == (
        "Bid 4 was received after the closing: it is kept on record, its price workbook was never "
        "opened, and it cannot be awarded."
    )
    assert tr(found.text, "fr", **found.params) == (
        "La soumission 4 a été reçue après la clôture\u00a0: elle est consignée au dossier, son bordereau "
        "de prix n’a jamais été ouvert et le contrat ne peut pas lui être adjugé."
    )
    raised = _award_refusal(training, 4)
    assert (raised.text, raised.params) == (found.text, dict(found.params))


def test_withdrawn_and_rejected_name_their_status(training):
    from wizard.core.bids import award_rule
    from wizard.core.i18n import tr

    with ProjectFile.open(training, read_only=True) as f:
        bid = read(f).bid(4)
    on_time = dataclasses.replace(bid, late=False)
    withdrawn = award_rule.not_opened(dataclasses.replace(on_time, withdrawn=True))
    assert tr(withdrawn.text, "fr", **withdrawn.params) == (
        "La soumission 4 a été retirée par le soumissionnaire\u00a0: son bordereau de prix n’a jamais "
        "été ouvert et le contrat ne peut pas lui être adjugé."
    )
    rejected = award_rule.not_opened(dataclasses.replace(on_time, rejected="  not signed\n"))
    assert tr(rejected.text, "en", **rejected.params) == (
        "Bid 4 was rejected before the opening (not signed): its price workbook was never opened, and "
        "it cannot be awarded."
    )
    # the clean twin: on time, not withdrawn nor rejected, kept sealed: the general text
    sealed = award_rule.not_opened(on_time)
    assert sealed.text == award_rule.NOT_OPENED


# 3. under two envelopes, the addenda acknowledged are read from Form 1 in envelope 2


def _received_rows(pf, lang="fr"):
    """The "Bids received" table of the evaluation report: bid number → its cells."""
    from wizard.core.documents.blocks import Table
    from wizard.core.documents.evaluation_common import evaluation_view
    from wizard.core.documents.evaluation_report.opening import received_blocks

    blocks = received_blocks(evaluation_view(pf.project, read(pf)), lang)
    (table,) = [b for b in blocks if isinstance(b, Table)]
    texts = [getattr(b, "text", "") for b in blocks]
    return {row[0]: row for row in table.rows}, texts


def _unacknowledged(pf):
    from wizard.core.checks.addenda import check_addenda
    from wizard.core.publishing.record import read as read_publishing

    found = check_addenda(pf.project, read_publishing(pf), "2027-04-20", read(pf))
    return sorted(f.field for f in found if f.code == "BD-UNACKNOWLEDGED")


def test_two_envelopes_show_and_judge_acknowledgements_only_once_envelope_2_is_open(tmp_path):
    """The walk's emergency-perimeter: a late bid printed "Addenda dont la réception est
    accusée: 1", and BD-UNACKNOWLEDGED was judged while Form 1 was sealed."""
    from quebec_bids_sample import LOCKED, OPENED, create
    from quebec_bids_sample import record_bid as quebec_bid

    from wizard.core.bids import evaluation_entry, intake, opening
    from wizard.core.bids.record import Bidder

    with create(tmp_path / "qc.tender") as pf:
        a = quebec_bid(pf, "A")  # 80 points: envelope 2 opened
        c = quebec_bid(pf, "C")  # 65 points: envelope 2 stays sealed
        intake.set_bid(pf, c, acknowledged=[])
        late = intake.add_bid(
            pf, bidder=Bidder("Delta Tardif inc."), received_at="2027-04-16T15:00:00-04:00", acknowledged=[1]
        )
        rows, texts = _received_rows(pf)
        assert [rows[str(i)][3] for i in (a, c, late)] == ["—", "—", "—"]
        assert any("placé dans l’enveloppe no 2 (prix)" in t for t in texts)
        assert _unacknowledged(pf) == []  # Form 1 unread: nothing judged yet
        evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
        opening.open_envelope(pf, opened_by="Greffière", at=OPENED)
        rows, texts = _received_rows(pf, "en")
        assert [rows[str(i)][3] for i in (a, c, late)] == ["1", "—", "—"]
        assert _unacknowledged(pf) == []  # C's envelope 2 stays sealed: never judged
        intake.set_bid(pf, a, acknowledged=[])
        assert _unacknowledged(pf) == [f"bids:{a}.acknowledged_addenda"]
        assert _received_rows(pf, "en")[0][str(a)][3] == "no addendum"


def test_one_envelope_shows_and_judges_acknowledgements_of_bids_on_time(office):
    """The clean twin: one envelope (Nova Scotia): Form 1 is read with the bid, before the
    price workbooks are opened; only the late bid, never opened, shows a dash."""
    from wizard.core.bids import intake
    from wizard.core.bids.record import Bidder

    with ProjectFile.open(office) as pf:
        on_time = intake.add_bid(pf, bidder=Bidder("A"), received_at="2027-02-19T10:00:00-04:00")
        late = intake.add_bid(pf, bidder=Bidder("L"), received_at="2027-02-19T15:00:00-04:00")
        rows, texts = _received_rows(pf, "en")
        assert rows[str(on_time)][3] == "no addendum" and rows[str(late)][3] == "—"
        assert not any("envelope 2" in t for t in texts)


def test_the_report_to_council_states_an_open_offset_and_leaves_out_a_settled_one(office):
    """The report ended with a bare "WARNING BD-OFFSET: … another UTC offset …": a bid on
    time either way is left out; one whose lateness depends on the clock says the two
    moments, the closing and what settles it."""
    from wizard.core.documents.evaluation_report.findings import finding_blocks

    def said(lang="en"):
        with ProjectFile.open(office, read_only=True) as f:
            return [getattr(b, "text", "") for b in finding_blocks(f.project, read(f), lang)]

    assert _cli("bid", office, "add", "--name", "A", "--received", "2027-02-19T12:30:00-05:00") == 0
    assert not any("BD-OFFSET" in t for t in said())
    assert _cli("bid", office, "add", "--name", "B", "--received", "2027-02-19T13:30-05:00") == 0
    (line,) = [t for t in said() if "BD-OFFSET" in t]
    assert line.startswith(
        "WARNING BD-OFFSET: Bid 2 is recorded as received at 2027-02-19 14:30 -04:00, town time"
    )
    assert line.endswith(
        "which the evidence of receipt (the time stamped on the envelope, the platform's receipt) establishes."
    )
    (ligne,) = [t for t in said("fr") if "BD-OFFSET" in t]
    assert "ce qu’établit la preuve de réception" in ligne
