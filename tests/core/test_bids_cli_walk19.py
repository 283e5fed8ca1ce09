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


def _acknowledged(out: str) -> dict[str, str]:
    """Bid number → its "Addenda acknowledged" cell in ``bid show``'s table."""
    lines = out.splitlines()
    header = lines[0].split("\t")
    column = header.index(
        "Addenda acknowledged"
        if "Addenda acknowledged" in header
        else "Addenda dont la réception est accusée"
    )
    return {
        cells[0]: cells[column] for cells in (line.split("\t") for line in lines[1:]) if cells[0].isdigit()
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_bid_show_prints_the_addenda_acknowledged_only_once_read(locked, capsys, lang):
    # review 2026-12-07: bid show printed "1" for a late bid never opened, and for every
    # bid under two envelopes before envelope 2 (Form 1's) was opened
    from wizard.core.bids import intake
    from wizard.core.bids.record import Bidder
    from wizard.core.project_file.store import ProjectFile

    with ProjectFile.open(locked) as pf:
        late = intake.add_bid(pf, bidder=Bidder("Delta Tardive inc."), received_at=OPENED, acknowledged=[1])
    assert _cli("bid", locked, "show", "--lang", lang) == 0
    assert _acknowledged(capsys.readouterr().out) == {"1": "-", "2": "-", "3": "-", str(late): "-"}
    assert _cli("envelope", locked, "open", "--by", "Greffière", "--at", OPENED) == 0
    capsys.readouterr()
    assert _cli("bid", locked, "show", "--lang", lang) == 0
    # the twin: envelope 2 opened, Form 1 read for A and B; C's (below 70) stays sealed,
    # the late bid is never opened
    assert _acknowledged(capsys.readouterr().out) == {"1": "1", "2": "1", "3": "-", str(late): "-"}


def test_award_of_a_bid_below_the_threshold_names_the_threshold(locked, capsys):
    # review 2026-12-07: C's interim score 65 is under the statute's 70, its envelope 2
    # stays sealed, and its award was refused as "The price workbook of bid 3 was not opened"
    from wizard.core.bids.award_rule import award_choices
    from wizard.core.project_file.store import ProjectFile

    assert _cli("envelope", locked, "open", "--by", "Greffière", "--at", OPENED) == 0
    capsys.readouterr()
    award = ("award", "3", "--resolution", "CM-2027-04-087", "--resolution-date", "2027-04-26")
    assert _cli("bid", locked, *award, "--lang", "en") == 2
    err = capsys.readouterr().err
    assert (
        "Bid 3 is below the pass threshold (interim score 65 of 100; 70 needed): as the published rules "
        "provide, its price envelope was not opened, and it cannot be awarded."
    ) in err
    assert (
        "La soumission 3 est sous le seuil de passage (pointage intérimaire de 65 sur 100; 70 requis) : "
        "comme le prévoient les règles publiées, son enveloppe de prix n’a pas été ouverte"
    ) in err.replace("\u00a0", " ")
    assert "was not opened: it cannot be awarded" not in err
    # the app's award panel lists the same refusal; the twins: A and B, opened, can be awarded
    with ProjectFile.open(locked, read_only=True) as pf:
        from wizard.core.bids.record import read

        choices = award_choices(pf.project, read(pf))
    assert choices.awardable == (1, 2)
    assert [(r.bid_id, dict(r.params)) for r in choices.refused] == [
        (3, {"bid": 3, "interim": 65, "minimum": 70})
    ]


def test_award_of_a_late_bid_keeps_its_own_refusal(locked, capsys):
    # the twin of the threshold: a late bid's refusal says it is late, not the threshold
    from wizard.core.bids import intake
    from wizard.core.bids.record import Bidder
    from wizard.core.project_file.store import ProjectFile

    with ProjectFile.open(locked) as pf:
        late = intake.add_bid(pf, bidder=Bidder("Delta Tardive inc."), received_at=OPENED, acknowledged=[1])
    assert _cli("envelope", locked, "open", "--by", "Greffière", "--at", OPENED) == 0
    capsys.readouterr()
    assert (
        _cli("bid", locked, "award", str(late), "--resolution", "CM-1", "--resolution-date", "2027-04-26")
        == 2
    )
    err = capsys.readouterr().err
    assert f"Bid {late} was received after the closing" in err and "pass threshold" not in err
