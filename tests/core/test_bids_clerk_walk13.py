"""Two new users' walk of the bids phase (2026-12-07, s9-bids): a removed bid's number
never given again (test_bids.py), an empty date option refused rather than erasing a
date, the late status following the closing in force and the bid's corrected time, one
language in ``bid show``, the town's offset in every moment's example, and a draft
addendum's question replaced or removed alone."""

from __future__ import annotations

import pytest
from contract_sample import award, follow, published

from wizard.core.bids import BidsError, evaluation_entry
from wizard.core.bids.record import read
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def training(tmp_path, capsys):
    """The training example as the command line creates it: bid 1 awarded, the contract
    signed and a year of follow-up."""
    from wizard.cli import main as cli_main

    path = tmp_path / "training.tender"
    assert cli_main(["new", "--example", "training", str(path)]) == 0
    capsys.readouterr()
    return path


def _award(path):
    with ProjectFile.open(path, read_only=True) as f:
        return read(f).award


@pytest.mark.parametrize("option", ["--signed-on", "--awarded-on", "--resolution-date"])
@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_date_option_of_the_award_is_refused_and_keeps_the_date(training, capsys, option, blank):
    from wizard.cli import main as cli_main

    before = _award(training)
    assert before.contract_signed_on and before.awarded_on and before.resolution_date
    assert cli_main(["bid", str(training), "award", "1", option, blank, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"{option} is empty: give a date (YYYY-MM-DD), or leave the option out" in err
    assert f"{option} est vide\u00a0: donnez une date (AAAA-MM-JJ)" in err
    assert _award(training) == before


def test_a_date_option_given_a_day_still_corrects_the_award(training, capsys):
    """The clean twin: a real day is recorded, and an option left out keeps its date."""
    from wizard.cli import main as cli_main

    before = _award(training)
    assert cli_main(["bid", str(training), "award", "1", "--signed-on", "2027-05-27", "--lang", "en"]) == 0
    after = _award(training)
    assert after.contract_signed_on == "2027-05-27" and after.awarded_on == before.awarded_on


def test_an_empty_verification_date_is_refused(training, capsys):
    from wizard.cli import main as cli_main

    run = ["bid", str(training), "verify", "1", "S-1", "confirmed", "--lang", "en"]
    assert cli_main([*run, "--date", " "]) == 2
    assert "--date is empty" in capsys.readouterr().err


def test_a_blank_received_moment_is_named_missing(training, capsys):
    from wizard.cli import main as cli_main

    assert cli_main(["bid", str(training), "add", "--name", "X inc.", "--received", " ", "--lang", "en"]) == 2
    assert "Missing argument: --received." in capsys.readouterr().err


@pytest.fixture
def signed(tmp_path):
    with published(tmp_path) as f:
        yield f, award(f)


def test_the_core_refuses_to_erase_the_signature_day_under_a_follow_up(signed):
    """The app's way in too: an award whose day of signature is erased while the
    follow-up holds entries would hide them."""
    pf, bid_id = signed
    signed_on = read(pf).award.contract_signed_on
    assert signed_on
    follow(pf)
    with pytest.raises(BidsError) as refused:
        evaluation_entry.set_award(pf, bid_id, contract_signed_on="")
    assert "the day the contract was signed cannot be erased" in str(refused.value)
    assert "la date de signature du contrat ne peut pas être effacée" in str(refused.value)
    assert read(pf).award.contract_signed_on == signed_on


def test_the_signature_day_is_erased_when_no_follow_up_rests_on_it(signed):
    """The twin: without entries, a day of signature typed by mistake can be erased."""
    pf, bid_id = signed
    evaluation_entry.set_award(pf, bid_id, contract_signed_on="")
    assert read(pf).award.contract_signed_on == ""
