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


# -- 3. the late status follows the closing in force and the time received -------------


@pytest.fixture
def perimeter(tmp_path):
    """emergency-perimeter (Québec, closing 2027-03-08 14:00, −05:00), published, with
    bid 1 received 2027-03-05 10:00 and bid 2 on 2027-03-03 10:00, both on time."""
    from wizard.core.bids import intake
    from wizard.core.bids.record import Bidder
    from wizard.core.examples import load_example
    from wizard.core.publishing.publish import publish

    with ProjectFile.create(tmp_path / "e.tender", load_example("emergency-perimeter")) as f:
        publish(f, published_on="2027-02-01", moment="2027-02-01T14:00:00+00:00")
        for name, at in (
            ("Sécuri-Zone inc.", "2027-03-05T10:00:00-05:00"),
            ("Clôtures B.", "2027-03-03T10:00:00-05:00"),
        ):
            intake.add_bid(f, bidder=Bidder(legal_name=name), received_at=at)
        yield f


def _move_closing(pf, day: str, issued_on: str = "2027-02-10") -> None:
    from wizard.core.publishing import addenda
    from wizard.core.publishing.record import read as read_publishing

    addenda.add_change(pf, field="info.closing_date", new_fr=day)
    addenda.issue(pf, addendum_id=read_publishing(pf).draft.id, issued_on=issued_on)
    assert pf.project.info.closing_date == day


def test_an_addendum_moving_the_closing_earlier_makes_a_bid_received_after_it_late(perimeter):
    """Bid 1 (March 5) was on time when recorded; addendum 1 moves the closing to March 4
    at 14:00: bid 1 is late for the record, the checks, the workbook and ``bid show``;
    bid 2 (March 3) stays on time, the clean twin."""
    from wizard.core.bids import intake
    from wizard.core.checks.bids import check_bids

    assert [b.late for b in read(perimeter).bids] == [False, False]
    assert "BD-SINGLE-BID" not in {f.code for f in check_bids(perimeter.project, read(perimeter))}
    _move_closing(perimeter, "2027-03-04")
    record = read(perimeter)
    assert [(b.id, b.late) for b in record.bids] == [(1, True), (2, False)]
    with pytest.raises(BidsError, match="received late"):
        intake.attach_workbook(perimeter, 1, b"PK\x03\x04 workbook")
    single = [f for f in check_bids(perimeter.project, record) if f.code == "BD-SINGLE-BID"]
    assert len(single) == 1 and "from Clôtures B." in single[0].message("en")


def test_bid_show_says_late_after_the_addendum(perimeter, capsys):
    from wizard.cli import main as cli_main

    _move_closing(perimeter, "2027-03-04")
    path = perimeter.path
    perimeter.close()
    capsys.readouterr()
    assert cli_main(["bid", str(path), "show", "--lang", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    one = next(line for line in lines if "Sécuri-Zone" in line)
    two = next(line for line in lines if "Clôtures B." in line)
    assert "late, never opened" in one and "late" not in two


def test_a_corrected_received_time_moves_the_bid_across_the_closing_both_ways(perimeter):
    from wizard.core.bids import intake

    intake.set_bid(perimeter, 2, received_at="2027-03-08T14:00:01-05:00")
    assert read(perimeter).bid(2).late is True
    intake.set_bid(perimeter, 2, received_at="2027-03-08T13:59:59-05:00")
    assert read(perimeter).bid(2).late is False


def test_a_stale_late_flag_in_the_file_is_not_believed(perimeter):
    """A file written before the status was derived may hold a ``late`` decided against
    an earlier closing: the record reads the one in force."""
    perimeter.db.execute("UPDATE bids SET late = 1 WHERE id = 2")  # on time: March 3
    perimeter.db.execute("UPDATE bids SET late = 0 WHERE id = 1")
    _move_closing(perimeter, "2027-03-04")
    assert [(b.id, b.late) for b in read(perimeter).bids] == [(1, True), (2, False)]


@pytest.mark.parametrize("version", ["v6", "v7", "v8"])
def test_the_stored_training_files_read_the_same_late_bid(tmp_path, version):
    """Files of earlier versions: bid 4 (11:07, closing 11:00 −03:00) late, 1 to 3 on time,
    as their column says."""
    import shutil
    from pathlib import Path

    copy = tmp_path / "training.tender"
    shutil.copy(Path(__file__).parents[1] / "data" / version / "training.tender", copy)
    with ProjectFile.open(copy) as f:
        assert [(b.id, b.late) for b in read(f).bids] == [(1, False), (2, False), (3, False), (4, True)]


# -- 2. one language in the echo of a grid entry and in bid show ------------------------


@pytest.mark.parametrize(
    ("lang", "echo", "row"),
    [
        (
            "en",
            "Recorded: bid 1, consensus on G-2 Proposed methodology: 24.",
            "G-2 Proposed methodology (out of 30)",
        ),
        (
            "fr",
            "Inscrit\u00a0: soumission 1, consensus sur G-2 Méthodologie proposée\u00a0: 24.",
            "G-2 Méthodologie proposée (sur 30)",
        ),
    ],
)
def test_a_grid_entry_echoes_its_item_in_the_language_bid_show_prints(tmp_path, capsys, lang, echo, row):
    """The grid is typed in French with its English version: with ``--lang en`` the echo
    said "Méthodologie proposée" where ``bid show`` says "Proposed methodology"; the
    French run is the clean twin (both French)."""
    from quebec_bids_sample import create, record_bid

    from wizard.cli import main as cli_main

    path = tmp_path / "qc.tender"
    with create(path) as pf:
        record_bid(pf, "A")
    capsys.readouterr()
    run = ["bid", str(path)]
    assert cli_main([*run, "consensus", "1", "G-2", "24", "--grid", "--reason", "ok", "--lang", lang]) == 0
    assert capsys.readouterr().out.splitlines()[0] == echo
    assert cli_main([*run, "score", "1", "1", "G-2", "24", "--grid", "--lang", lang]) == 0
    assert row.split(" (")[0] in capsys.readouterr().out.splitlines()[0]
    assert cli_main([*run, "show", "1", "--lang", lang]) == 0
    shown = capsys.readouterr().out
    assert row in shown
    other = "Méthodologie proposée" if lang == "en" else "Proposed methodology"
    assert other not in shown


# -- 5. the town's offset in the example of every moment's refusal ----------------------

TORONTO = "(for example {day}T10:12:00-04:00)"
"""The example at the offset of a Québec or Ontario town on the day typed (EDT, −04:00),
which :func:`intake.town_example` takes from the moment refused."""
MONCTON = "(for example {day}T10:12:00-03:00)"
"""The clean twin: New Brunswick (ADT, −03:00)."""


@pytest.fixture
def two_towns(tmp_path):
    """A Québec file (America/Toronto) and the training example (New Brunswick), each
    with one bid on time and its workbook, not locked; ``locked``: the Québec one locked
    (its opening needs the lock first)."""
    from bids_sample import fill
    from contract_sample import AMOUNTS, ON_TIME
    from quebec_bids_sample import LOCKED, create, record_bid

    from wizard.core.bids import intake
    from wizard.core.bids.record import Bidder

    quebec, locked = tmp_path / "qc.tender", tmp_path / "qc-locked.tender"
    for path in (quebec, locked):
        with create(path) as pf:
            record_bid(pf, "A")
            if path == locked:
                evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
    with published(tmp_path) as pf:
        bid = intake.add_bid(pf, bidder=Bidder("Formation Acadie inc."), received_at=ON_TIME)
        intake.attach_workbook(pf, bid, fill(pf.project, AMOUNTS), name="b.xlsx", at=ON_TIME)
        moncton = pf.path
    return {"lock": (quebec, moncton), "envelope": (locked, moncton)}


@pytest.mark.parametrize(
    "command",
    [
        ["bid", "{path}", "lock", "--by", "Greffière", "--at", "2027-04-20 09:00"],
        ["envelope", "{path}", "open", "--by", "Greffière", "--at", "2027-04-20 14:00"],
    ],
)
def test_the_lock_and_the_opening_show_the_town_s_offset(two_towns, capsys, command):
    """A moment typed without its offset: the example is at the town's offset, as
    ``bid add`` gave it; New Brunswick's file is the twin."""
    from wizard.cli import main as cli_main

    quebec, moncton = two_towns["lock" if command[0] == "bid" else "envelope"]
    for path, example in ((quebec, TORONTO), (moncton, MONCTON)):
        capsys.readouterr()
        assert cli_main([part.replace("{path}", str(path)) for part in command] + ["--lang", "en"]) == 2
        err = capsys.readouterr().err
        example = example.format(day="2027-04-20")  # the day typed, its offset that day
        assert "is not a date and time with its offset from UTC" in err and example in err, err


def test_an_incident_s_moment_shows_the_town_s_offset(tmp_path, training, capsys):
    """The contract follow-up's moments (``contract incident --started …``): an Ontario
    town's example is at −04:00; the training example (New Brunswick) the twin."""
    from wizard.cli import main as cli_main
    from wizard.core.examples import load_example_with_publishing
    from wizard.core.publishing.jsonform import table_rows

    project, publishing = load_example_with_publishing("training")
    project.info.province, project.info.time_zone = "ON", "America/Toronto"
    path = tmp_path / "on.tender"
    with ProjectFile.create(path, project, origin="example", tables=table_rows(publishing)) as f:
        award(f)
    for where, example in ((path, TORONTO), (training, MONCTON)):
        capsys.readouterr()
        run = ["contract", str(where), "incident", "--started", "2027-07-19 07:40", "--severity", "major"]
        assert cli_main([*run, "--lang", "en"]) == 2
        assert example.format(day="2027-07-19") in capsys.readouterr().err


# -- 6. a draft addendum's question corrected alone ------------------------------------

QUESTION_EN = "Does the system need to work offline during a power outage?"
ANSWER_EN = "Yes, for four hours on battery."
QUESTION_FR = "Le système doit-il fonctionner hors ligne pendant une panne de courant?"
ANSWER_FR = "Oui, pendant quatre heures sur batterie."
SECOND_FR = "La clôture doit-elle être anti-escalade?"
SECOND_ANSWER_FR = "Oui, selon la section 4."


@pytest.fixture
def perimeter_cli(tmp_path, capsys):
    """emergency-perimeter (French only) published, its draft addendum holding question 1
    typed in English, question 2 in French and a change of the closing date."""
    from wizard.cli import main as cli_main

    path = tmp_path / "demo.tender"
    assert cli_main(["new", "--example", "emergency-perimeter", str(path)]) == 0
    assert cli_main(["publish", str(path), "--lang", "en"]) == 0
    run = ["addendum", str(path)]
    assert cli_main([*run, "question", "--question", QUESTION_EN, "--answer", ANSWER_EN]) == 0
    assert cli_main([*run, "question", "--question", SECOND_FR, "--answer", SECOND_ANSWER_FR]) == 0
    assert cli_main([*run, "change", "--field", "info.closing_date", "--value", "2027-03-15"]) == 0
    capsys.readouterr()
    return path


def _draft(path):
    from wizard.core.publishing.record import read as read_publishing

    with ProjectFile.open(path, read_only=True) as f:
        return read_publishing(f).draft


def test_the_language_refusal_names_the_way_out_that_keeps_the_draft(perimeter_cli, capsys):
    from wizard.cli import main as cli_main

    assert cli_main(["addendum", str(perimeter_cli), "issue", "--date", "2027-02-12", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Correct that text alone, the rest of the draft kept: “addendum edit N” with --question-fr" in err
    assert "Corrigez ce texte seul, le reste du projet d’addenda conservé" in err
    assert "discard the draft" not in err


def test_edit_replaces_one_question_and_the_draft_issues(perimeter_cli, capsys):
    """``edit 1`` retypes question 1 in French; question 2 and the change stay, and the
    addendum issues without --force."""
    from wizard.cli import main as cli_main

    run = ["addendum", str(perimeter_cli)]
    assert cli_main([*run, "edit", "1", "--question-fr", QUESTION_FR, "--answer-fr", ANSWER_FR]) == 0
    assert "reads as" not in capsys.readouterr().err
    draft = _draft(perimeter_cli)
    assert [(q.question_fr, q.answer_fr) for q in draft.questions] == [
        (QUESTION_FR, ANSWER_FR),
        (SECOND_FR, SECOND_ANSWER_FR),
    ]
    assert [(c.field, c.new_fr) for c in draft.changes] == [("info.closing_date", "2027-03-15")]
    assert cli_main([*run, "issue", "--date", "2027-02-12", "--lang", "en"]) == 0


def test_edit_of_the_answer_alone_keeps_the_question_and_still_says_the_slip(perimeter_cli, capsys):
    """The twin: only --answer given (the typed language, French), the English question
    stays and is said again at once."""
    from wizard.cli import main as cli_main

    assert cli_main(["addendum", str(perimeter_cli), "edit", "1", "--answer", ANSWER_FR, "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "The text of question 1 reads as English" in err and "The answer to question 1" not in err
    (first, _second) = _draft(perimeter_cli).questions
    assert (first.question_fr, first.answer_fr) == (QUESTION_EN, ANSWER_FR)


def test_remove_takes_out_one_question_or_one_change(perimeter_cli, capsys):
    from wizard.cli import main as cli_main

    run = ["addendum", str(perimeter_cli)]
    assert cli_main([*run, "remove", "1"]) == 0
    draft = _draft(perimeter_cli)
    assert [q.question_fr for q in draft.questions] == [SECOND_FR] and len(draft.changes) == 1
    assert cli_main([*run, "remove", "--field", "info.closing_date"]) == 0
    draft = _draft(perimeter_cli)
    assert [q.question_fr for q in draft.questions] == [SECOND_FR] and draft.changes == ()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["edit", "3", "--answer", "Oui."], "one of 1, 2 (given: 3)"),
        (["edit", "--answer", "Oui."], "one of 1, 2 (given: —)"),
        (["remove", "0"], "one of 1, 2 (given: 0)"),
        (["edit", "1"], "Missing argument: --question, --answer"),
        (["edit", "1", "--answer", "Oui.", "--date", " "], "--date is empty"),
        (["remove", "--field", "info.award_date"], "The draft addendum has no change of info.award_date."),
    ],
)
def test_edit_and_remove_refusals_change_nothing(perimeter_cli, capsys, args, said):
    from wizard.cli import main as cli_main

    before = _draft(perimeter_cli)
    assert cli_main(["addendum", str(perimeter_cli), *args, "--lang", "en"]) == 2
    assert said in capsys.readouterr().err
    assert _draft(perimeter_cli) == before


def test_edit_without_a_draft_says_an_issued_addendum_stays(perimeter_cli, capsys):
    from wizard.cli import main as cli_main

    run = ["addendum", str(perimeter_cli)]
    assert cli_main([*run, "issue", "--date", "2027-02-12", "--force"]) == 0
    assert cli_main([*run, "edit", "1", "--answer", ANSWER_FR, "--lang", "en"]) == 2
    assert "There is no draft addendum: an issued addendum was published and stays as it is." in (
        capsys.readouterr().err
    )


def test_the_json_copy_says_the_late_status_the_app_reads(perimeter):
    """``dump`` after the addendum: bid 1 late, bid 2 on time, as ``read`` says, not the
    column written at intake."""
    from wizard.core.bids.jsonform import to_json

    _move_closing(perimeter, "2027-03-04")
    assert [(b["id"], b["late"]) for b in to_json(perimeter)["bids"]] == [(1, True), (2, False)]
