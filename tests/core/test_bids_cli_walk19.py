"""``envelope open`` and ``award`` on the command line print what docs/cli.md says, and
every hint from a checkout reads ``python main.py …`` (walk of 2026-12-07, item 9): on
Québec's statutory system both reprinted every bid and every member's quality grid
(~40 lines), and the hints read ``main.py bid …``, a line that cannot be pasted."""

from __future__ import annotations

import pytest
from quebec_bids_sample import LOCKED, NAMES, OPENED, create
from quebec_bids_sample import record_bid as quebec_bid

from wizard.core.bids import evaluation_entry


def _cli(*args):
    from wizard.cli import main as cli_main

    return cli_main([str(a) for a in args])


@pytest.fixture
def locked(tmp_path):
    """Three bids on Québec's grid, quality locked: A (80) and B (72) to open, C (65) below 70."""
    path = tmp_path / "qc.tender"
    with create(path) as pf:
        for key in ("A", "B", "C"):
            quebec_bid(pf, key)
        evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
    return path


def test_envelope_open_prints_the_opening_and_the_prices_not_the_grids(locked, capsys):
    assert _cli("envelope", locked, "open", "--by", "Greffière", "--at", OPENED, "--lang", "en") == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "Price envelopes opened on 2027-04-20 14:00 -04:00 by Greffière.",
        f"1\t{NAMES['A']}\tevaluated price $100,000.00",
        f"2\t{NAMES['B']}\tevaluated price $90,000.00",
        f"Recommended: 2 ({NAMES['B']})",  # (72 + 50) × 10 000 ÷ 90 000 > (80 + 50) × 10 000 ÷ 100 000
        f"The whole table: python main.py bid {locked} show.",
    ]
    assert err == ""
    # the twin: bid show still gives the whole table, grids included
    assert _cli("bid", locked, "show", "--lang", "en") == 0
    shown = capsys.readouterr().out
    assert NAMES["C"] in shown and "Member 2" in shown and len(shown.splitlines()) > 20


def test_award_prints_its_line_and_where_the_table_is(locked, capsys):
    assert _cli("envelope", locked, "open", "--by", "Greffière", "--at", OPENED) == 0
    capsys.readouterr()
    award = ("award", "2", "--resolution", "CM-2027-04-087", "--resolution-date", "2027-04-26")
    assert _cli("bid", locked, *award, "--lang", "fr") == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"Contrat adjugé à la soumission 2 ({NAMES['B']}), résolution CM-2027-04-087 du 2027-04-26.",
        f"Le tableau complet\u00a0: python main.py bid {locked} show.",
    ]
    assert _cli("bid", locked, "award", "none", "--lang", "en") == 0
    assert capsys.readouterr().out.splitlines()[0] == "No award."


def test_a_hint_from_the_installed_command_keeps_its_name(locked, monkeypatch, capsys):
    from wizard import cli

    argv = [
        "open-procurement-wizard",
        "envelope",
        str(locked),
        "open",
        "--by",
        "G",
        "--at",
        OPENED,
        "--lang",
        "en",
    ]
    monkeypatch.setattr("sys.argv", argv)
    assert cli.console_main() == 0
    assert (
        capsys.readouterr().out.splitlines()[-1]
        == f"The whole table: open-procurement-wizard bid {locked} show."
    )
