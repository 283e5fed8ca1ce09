"""A new user's walk of the bids on the command line (2026-12-07, wf-a): a bidder's
particulars corrected with ``bid … set`` (after the opening too, as the app allows), the
address asked for at ``add``; an award to a bid failing a mandatory criterion refused;
the late bid's message in the town's time."""

from __future__ import annotations

import json

import pytest
from bids_cli_sample import award_of, bid_of, cli, example, without_follow_up

from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def office(tmp_path, capsys):
    """The office-suite example published (closing 2027-02-19 14:00 −04:00), no bid yet."""
    return example(tmp_path, capsys, "office-suite", publish=("--date", "2027-01-20"))


@pytest.fixture
def training(tmp_path, capsys):
    """The training example: four bids, opened, bid 2 failing OBL-4, bid 1 awarded."""
    return example(tmp_path, capsys, "training")


def _bidder(path, bid_id):
    return bid_of(path, bid_id).bidder


# 1. the bidder's particulars


def test_add_without_an_address_says_the_letters_need_it(office, capsys):
    assert (
        cli("bid", office, "add", "--name", "Bluenose IT Ltd.", "--received", "2027-02-19T13:59:00-04:00")
        == 0
    )
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "La soumission 1 n’a pas d’adresse pour son soumissionnaire\u00a0: les lettres aux soumissionnaires "
        f'en ont besoin. Ajoutez-la avec python main.py bid {office} set 1 --address "…". / Bid 1 has no '
        "address for its bidder: the letters to the bidders need it. Add it with python main.py bid "
        f'{office} set 1 --address "…".'
    ]


def test_add_with_an_address_says_nothing_of_it(office, capsys):
    added = ("--name", "Bluenose IT Ltd.", "--address", "1 Hollis St, Halifax NS")
    assert cli("bid", office, "add", *added, "--received", "2027-02-19T13:59:00-04:00") == 0
    assert capsys.readouterr().err == ""


def test_set_corrects_the_particulars_after_the_opening_and_keeps_the_rest(training, capsys):
    before = _bidder(training, 2)
    assert (
        cli(
            "bid",
            training,
            "set",
            "2",
            "--address",
            "12 rue Main, Moncton NB",
            "--business-number",
            "123456789RC0001",
            "--lang",
            "en",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Address\t12 rue Main, Moncton NB" in out.splitlines()
    after = _bidder(training, 2)
    assert (after.address, after.business_number) == ("12 rue Main, Moncton NB", "123456789RC0001")
    assert (after.legal_name, after.contact_email) == (before.legal_name, before.contact_email)
    with ProjectFile.open(training, read_only=True) as f:
        (last,) = f.db.execute(
            "SELECT new FROM journal WHERE field = 'bids' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert json.loads(last) == {"op": "set_bid", "bid": 2, "fields": ["address", "business_number"]}


def test_set_cannot_move_the_receipt_after_the_opening(training, capsys):
    before = _bidder(training, 2)
    assert cli("bid", training, "set", "2", "--received", "2027-04-16T10:00:00-03:00", "--name", "Autre") == 2
    assert "The price envelopes are open: when a bid was received" in capsys.readouterr().err
    assert _bidder(training, 2) == before  # nothing saved, the name neither


def test_set_before_the_opening_moves_the_receipt(office, capsys):
    assert (
        cli(
            "bid",
            office,
            "add",
            "--name",
            "A inc.",
            "--address",
            "x",
            "--received",
            "2027-02-19T14:30:00-04:00",
        )
        == 0
    )
    assert bid_of(office, 1).late
    assert cli("bid", office, "set", "1", "--received", "2027-02-19T13:30:00-04:00") == 0
    assert not bid_of(office, 1).late


def test_set_without_an_option_is_refused(training, capsys):
    assert cli("bid", training, "set", "2") == 2
    assert "Missing argument: --name | --bn | --address" in capsys.readouterr().err


# 2. an award to a bid the published rules set aside


def test_an_award_to_a_bid_failing_a_mandatory_criterion_is_refused(training, capsys):
    without_follow_up(training)
    before = award_of(training)
    assert cli("bid", training, "award", "2", "--reason", "Local supplier") == 2
    assert capsys.readouterr().err == (
        "La soumission 2 échoue au critère obligatoire OBL-4\u00a0: les règles publiées l’écartent, le "
        "contrat ne peut pas lui être adjugé. / Bid 2 fails the mandatory criterion OBL-4: the published "
        f"rules set it aside, it cannot be awarded. ({training})\n"
    )
    assert award_of(training) == before
    # below the pass threshold: set aside too
    assert cli("bid", training, "award", "3", "--reason", "Local supplier") == 2
    assert "Bid 3 is not ranked, below the pass threshold (5 of 10" in capsys.readouterr().err
    # the twin: bid 1 passes every mandatory criterion
    assert cli("bid", training, "award", "1", "--resolution", "2027-05-119", "--lang", "en") == 0


def test_a_file_holding_such_an_award_still_gets_bd_winner_fails(training, capsys):
    with ProjectFile.open(training) as pf:
        pf.db.execute("UPDATE award SET bid_id = 2, reason_if_not_top = 'Local supplier'")
        pf.db.conn.commit()
    cli("check", training, "--lang", "en")
    assert "BD-WINNER-FAILS" in capsys.readouterr().out


def test_show_says_no_resolution_recorded_instead_of_dashes(training, capsys):
    without_follow_up(training)
    assert cli("bid", training, "award", "none") == 0
    assert cli("bid", training, "award", "1") == 0
    capsys.readouterr()
    assert cli("bid", training, "--lang", "en") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "Awarded to bid 1 (Apprentissage Fundy inc.), no resolution recorded."
    assert cli("bid", training, "--lang", "fr") == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Contrat adjugé à la soumission 1 (Apprentissage Fundy inc.), aucune résolution consignée."
    )
    # the twin: a resolution recorded is given with its date
    assert (
        cli("bid", training, "award", "1", "--resolution", "2027-05-118", "--resolution-date", "2027-05-10")
        == 0
    )
    capsys.readouterr()
    assert cli("bid", training, "--lang", "en") == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Awarded to bid 1 (Apprentissage Fundy inc.), resolution 2027-05-118 of 2027-05-10."
    )


# 3. the command line's messages


def test_the_late_bid_at_the_towns_offset_says_the_closing_once_in_its_time(office, capsys):
    added = ("--name", "A inc.", "--address", "x", "--received", "2027-02-19T14:30:00-04:00")
    assert cli("bid", office, "add", *added) == 0
    assert capsys.readouterr().err == (
        "La soumission 1 a été reçue à 2027-02-19 14:30 -04:00, après la clôture à 2027-02-19 14:00 "
        "-04:00\u00a0: elle est consignée comme tardive et son bordereau de prix ne sera jamais ouvert. / "
        "Bid 1 was received at 2027-02-19 14:30 -04:00, after the closing at 2027-02-19 14:00 -04:00: "
        "it is recorded as late and its price workbook will never be opened.\n"
    )
    # the twin: a minute before the closing, nothing said
    added = ("--name", "B inc.", "--address", "x", "--received", "2027-02-19T13:59:00-04:00")
    assert cli("bid", office, "add", *added) == 0
    assert capsys.readouterr().err == ""


def test_a_lock_refused_by_the_clock_names_at(office, capsys, monkeypatch):
    from wizard.core.bids import common, evaluation_entry

    monkeypatch.setattr(common, "now", lambda: "2027-02-19T17:00:00+00:00")
    monkeypatch.setattr(evaluation_entry, "now", lambda: "2027-02-19T17:00:00+00:00")
    added = ("--name", "A inc.", "--address", "x", "--received", "2027-02-19T12:00:00-04:00")
    assert cli("bid", office, "add", *added) == 0
    capsys.readouterr()
    assert cli("bid", office, "lock", "--by", "Jo") == 2
    err = capsys.readouterr().err
    assert err.endswith(
        "/ The quality scores cannot be locked before the closing (2027-02-19 14:00 -04:00): without "
        "--at the lock is dated now (2027-02-19 13:00 -04:00). Give the moment the committee locked "
        f"them with --at, ISO 8601 with the town's offset. ({office})\n"
    )
    assert err.startswith(
        "Les pointages de qualité ne peuvent pas être verrouillés avant la clôture (2027-02-19 14:00 -04:00)"
    )
    # the twin: --at before the closing is the core's own refusal, --at is already given
    assert cli("bid", office, "lock", "--by", "Jo", "--at", "2027-02-19T13:00:00-04:00") == 2
    assert "The quality scores cannot be locked before the closing. (" in capsys.readouterr().err


def test_one_option_dropped_with_the_decision_is_given_again_in_the_singular(training, capsys):
    without_follow_up(training)
    assert cli("bid", training, "award", "none") == 0
    assert "give them again for this one." in capsys.readouterr().err  # the twin: several
    assert cli("bid", training, "award", "1", "--resolution", "2027-05-119") == 0
    capsys.readouterr()
    assert cli("bid", training, "award", "none") == 0
    assert capsys.readouterr().err == (
        "L’adjudication consigne maintenant une autre décision\u00a0: ce que la précédente contenait pour "
        "--resolution n’est pas gardé (c’était propre à cette décision); donnez-le de nouveau pour "
        "celle-ci. / The award now records another decision: what the former one held for --resolution "
        "is not kept (it was that decision's); give it again for this one.\n"
    )


def test_a_payment_on_an_unknown_line_lists_the_lines(training, capsys):
    pay = ("contract", training, "pay", "--date", "2027-08-01", "--amount", "10", "--invoice", "F-1")
    assert cli(*pay, "--line", "nonexistent") == 2
    err = capsys.readouterr().err
    assert (
        "/ The price form has no line “nonexistent”; its lines: one_off.implementation, one_off.migration_in, "
        "one_off.training, one_off.hosting, recurring.subscriptions, recurring.support, recurring.hosting, "
        "exit.exit_documentation, exit.exit_migration, exit.exit_dual_running, unit.hour, unit.user. ("
    ) in err
    # the twin: a line the form has is taken
    assert cli(*pay, "--line", "one_off.training") == 0


def test_the_incidents_moments_are_shown_in_the_towns_time(training, capsys):
    assert cli("contract", training, "--lang", "en") == 0
    assert (
        "I1\t2027-07-19 07:40 -03:00\tCritical\t—\t2027-07-19 13:10 -03:00\tR2\t" in capsys.readouterr().out
    )
    # a moment typed in UTC reads as the town's clock read it
    incident = ("--severity", "minor", "--description", "Lent", "--started", "2027-08-02T13:00:00Z")
    assert cli("contract", training, "incident", *incident) == 0
    capsys.readouterr()
    assert cli("contract", training, "--lang", "en") == 0
    assert "I2\t2027-08-02 10:00 -03:00\tMinor\t—\t—\t—\tLent" in capsys.readouterr().out
