"""A new user's walk of the bids on the command line (2026-12-07, wf-a): a bidder's
particulars corrected with ``bid … set`` (after the opening too, as the app allows), the
address asked for at ``add``; an award to a bid failing a mandatory criterion refused;
the late bid's message in the town's time."""

from __future__ import annotations

import json

import pytest

from wizard.core.bids.record import read
from wizard.core.project_file.store import ProjectFile


def _cli(*args):
    from wizard.cli import main as cli_main

    return cli_main([str(a) for a in args])


@pytest.fixture
def office(tmp_path, capsys):
    """The office-suite example published (closing 2027-02-19 14:00 −04:00), no bid yet."""
    path = tmp_path / "office-suite.tender"
    assert _cli("new", "--example", "office-suite", path) == 0
    assert _cli("publish", path, "--date", "2027-01-20") == 0
    capsys.readouterr()
    return path


@pytest.fixture
def training(tmp_path, capsys):
    """The training example: four bids, opened, bid 2 failing OBL-4, bid 1 awarded."""
    path = tmp_path / "training.tender"
    assert _cli("new", "--example", "training", path) == 0
    capsys.readouterr()
    return path


def _bidder(path, bid_id):
    with ProjectFile.open(path, read_only=True) as f:
        return read(f).bid(bid_id).bidder


# 1. the bidder's particulars


def test_add_without_an_address_says_the_letters_need_it(office, capsys):
    assert (
        _cli("bid", office, "add", "--name", "Bluenose IT Ltd.", "--received", "2027-02-19T13:59:00-04:00")
        == 0
    )
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "La soumission 1 n’a pas d’adresse pour son soumissionnaire\u00a0: les lettres aux soumissionnaires "
        f'en ont besoin. Ajoutez-la avec main.py bid {office} set 1 --address "…". / Bid 1 has no '
        "address for its bidder: the letters to the bidders need it. Add it with main.py bid "
        f'{office} set 1 --address "…".'
    ]


def test_add_with_an_address_says_nothing_of_it(office, capsys):
    added = ("--name", "Bluenose IT Ltd.", "--address", "1 Hollis St, Halifax NS")
    assert _cli("bid", office, "add", *added, "--received", "2027-02-19T13:59:00-04:00") == 0
    assert capsys.readouterr().err == ""


def test_set_corrects_the_particulars_after_the_opening_and_keeps_the_rest(training, capsys):
    before = _bidder(training, 2)
    assert (
        _cli(
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
    assert (
        _cli("bid", training, "set", "2", "--received", "2027-04-16T10:00:00-03:00", "--name", "Autre") == 2
    )
    assert "The price envelopes are open: when a bid was received" in capsys.readouterr().err
    assert _bidder(training, 2) == before  # nothing saved, the name neither


def test_set_before_the_opening_moves_the_receipt(office, capsys):
    assert (
        _cli(
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
    with ProjectFile.open(office, read_only=True) as f:
        assert read(f).bid(1).late
    assert _cli("bid", office, "set", "1", "--received", "2027-02-19T13:30:00-04:00") == 0
    with ProjectFile.open(office, read_only=True) as f:
        assert not read(f).bid(1).late


def test_set_without_an_option_is_refused(training, capsys):
    assert _cli("bid", training, "set", "2") == 2
    assert "Missing argument: --name | --bn | --address" in capsys.readouterr().err
