"""A review of ``bid`` on the command line (2026-12-07, r17-b): ``award`` refusing a bid
set aside says why as ``bid show`` does; ``set`` refuses a blank option the letters
need; ``set --received`` says a late bid and advises ``set`` for a wrong offset."""

from __future__ import annotations

import pytest
from bids_cli_sample import award_of, bid_of, cli, example, without_follow_up

from wizard.core.bids import award_rule
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def training(tmp_path, capsys):
    """The training example: four bids, opened, bid 3 below the pass threshold; its
    contract follow-up removed, so that the award may change."""
    path = example(tmp_path, capsys, "training")
    without_follow_up(path)
    return path


@pytest.fixture
def office(tmp_path, capsys):
    """The office-suite example published (closing 2027-02-19 14:00 −04:00), bid 1 on time."""
    added = ("--name", "A inc.", "--address", "1 Main St", "--received", "2027-02-19T13:00:00-04:00")
    return example(tmp_path, capsys, "office-suite", publish=("--date", "2027-01-20"), bids=(added,))


@pytest.fixture
def quebec(tmp_path, capsys):
    """The Québec example published (closing 2027-03-08 14:00, the town at −05:00), bid 1 on time."""
    added = ("--name", "A", "--received", "2027-03-08T13:00-05:00")
    return example(tmp_path, capsys, "emergency-perimeter", "q.tender", publish=(), bids=(added,))


# 1. award refusing a bid below the pass threshold: bid show's reason


def test_award_below_the_threshold_says_the_points_as_show_does(training, capsys):

    before = award_of(training)
    assert cli("bid", training, "award", "3", "--reason", "Local supplier") == 2
    assert capsys.readouterr().err == (
        "La soumission 3 n’est pas classée, sous le seuil de passage (5 des 10 points facultatifs; 7 "
        "requis, 70\u00a0%)\u00a0: les règles publiées l’écartent, le contrat ne peut pas lui être "
        "adjugé. / Bid 3 is not ranked, below the pass threshold (5 of 10 optional points; 7 needed, "
        f"70%): the published rules set it aside, it cannot be awarded. ({training})\n"
    )
    assert award_of(training) == before
    # the core says the status it knows, one message each
    assert set(award_rule.SET_ASIDE_OTHER) == {"below_threshold", "zero_price"}
    # the twin: bid 1, ranked, is awarded
    assert cli("bid", training, "award", "1", "--resolution", "2027-05-119", "--lang", "en") == 0
    assert "cannot be awarded" not in capsys.readouterr().err


def test_the_core_refusal_names_the_status(training):
    from wizard.core.bids import BidsError, evaluation_entry

    with ProjectFile.open(training) as pf, pytest.raises(BidsError) as caught:
        evaluation_entry.set_award(pf, 3, reason_if_not_top="Local supplier")
    assert caught.value.text == award_rule.SET_ASIDE_OTHER["below_threshold"]
    assert str(caught.value) == (
        "La soumission 3 est sous le seuil de passage\u00a0: les règles publiées l’écartent, le contrat "
        "ne peut pas lui être adjugé. / Bid 3 is below the pass threshold: the published rules set it "
        "aside, it cannot be awarded."
    )


# 2. set refuses a blank text the letters need


@pytest.mark.parametrize("option", ["--address", "--name", "--contact", "--bn"])
@pytest.mark.parametrize("value", ["", "   "])
def test_set_refuses_a_blank_text_the_letters_need(office, capsys, option, value):
    before = bid_of(office, 1).bidder
    assert cli("bid", office, "set", "1", option, value) == 2
    assert capsys.readouterr().err == (
        f"{option} est vide\u00a0: donnez son texte, ou omettez l’option pour garder celui qui est "
        f"enregistré. / {option} is empty: give its text, or leave the option out to keep the one "
        f"recorded.\n"
    )
    assert bid_of(office, 1).bidder == before


def test_set_corrects_the_address_and_may_empty_the_phone(office, capsys):
    """The clean twin: a new address is recorded; ``--phone ""`` empties a text no document needs."""
    assert cli("bid", office, "set", "1", "--address", "2 Water St", "--phone", "902-555-0100") == 0
    assert cli("bid", office, "set", "1", "--phone", "") == 0
    assert capsys.readouterr().err == ""
    bidder = bid_of(office, 1).bidder
    assert (bidder.address, bidder.contact_phone) == ("2 Water St", "")


# 3. set --received: the late bid, and the offset advice names set


def test_set_received_after_the_closing_says_the_late_bid(office, capsys):
    assert cli("bid", office, "set", "1", "--received", "2027-02-19T14:30:00-04:00") == 0
    assert capsys.readouterr().err == (
        "La soumission 1 a été reçue à 2027-02-19 14:30 -04:00, après la clôture à 2027-02-19 14:00 "
        "-04:00\u00a0: elle est consignée comme tardive et son bordereau de prix ne sera jamais ouvert. / "
        "Bid 1 was received at 2027-02-19 14:30 -04:00, after the closing at 2027-02-19 14:00 -04:00: "
        "it is recorded as late and its price workbook will never be opened.\n"
    )
    assert bid_of(office, 1).late
    # the twin: corrected back to a minute before the closing, nothing said
    assert cli("bid", office, "set", "1", "--received", "2027-02-19T13:59:00-04:00") == 0
    assert capsys.readouterr().err == ""
    assert not bid_of(office, 1).late


def test_set_received_at_a_wrong_offset_advises_set(quebec, capsys):
    assert cli("bid", quebec, "set", "1", "--received", "2027-03-08T13:30-04:00") == 0
    err = capsys.readouterr().err
    assert err.endswith(
        "If 13:30 was read on a clock of the town, correct it: python main.py bid "
        f"{quebec} set 1 --received 2027-03-08T13:30-05:00.\n"
    )
    assert (
        "Si 13:30 a été lu sur une horloge de la ville, corrigez-le\u00a0: python main.py bid "
        f"{quebec} set 1 --received 2027-03-08T13:30-05:00. / Check the offset" in err
    )
    assert "remove" not in err
    # the twin: the town's own offset, nothing said
    assert cli("bid", quebec, "set", "1", "--received", "2027-03-08T13:30-05:00") == 0
    assert capsys.readouterr().err == ""
