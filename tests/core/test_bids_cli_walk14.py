"""A new user's walk of the bids phase on the command line (2026-12-07, f14-cli): a bid
typed at a neighbour's UTC offset said at once and kept as a finding (``BD-OFFSET``), an
empty text option of the award or of ``publish`` refused, why a bid is unranked in ``bid
show``, the addenda's warnings in the user's language, ``addendum question`` after the
award, received moments printed in the town's time, and the members listed when one is
unknown."""

from __future__ import annotations

import datetime as dt

import pytest
from bids_cli_sample import cli, example

from wizard.core.bids.record import read
from wizard.core.project_file.store import ProjectFile


@pytest.fixture
def quebec(tmp_path, capsys):
    """The Québec example published, no bid yet (its closing: 2027-03-08 14:00, the town
    at −05:00 that day, before daylight saving time on 14 March)."""
    return example(tmp_path, capsys, "emergency-perimeter", "q.tender", publish=())


def _codes(path):
    from wizard.core.checks.bids import check_bids

    with ProjectFile.open(path, read_only=True) as f:
        return [(x.code, x.field) for x in check_bids(f.project, read(f))]


# 1. a moment typed at another offset than the town's on that day


def test_offset_slip_names_both_offsets_and_the_town_time():
    from wizard.core.domain.timezones import moment_text, offset_slip
    from wizard.core.model import ProjectInfo

    info = ProjectInfo(province="QC")
    slip = offset_slip(info, dt.datetime.fromisoformat("2027-03-08T14:30-04:00"))
    assert slip is not None
    assert (slip.typed, slip.town) == ("-04:00", "-05:00")
    assert moment_text(slip.local) == "2027-03-08 13:30 -05:00"
    assert moment_text(slip.clock) == "2027-03-08 14:30 -05:00"
    # clean twins: the town's own offset that day, and −04:00 once daylight time began
    assert offset_slip(info, dt.datetime.fromisoformat("2027-03-08T14:30-05:00")) is None
    assert offset_slip(info, dt.datetime.fromisoformat("2027-03-15T14:30-04:00")) is None
    # a server's UTC timestamp is no slip of a town clock
    assert offset_slip(info, dt.datetime.fromisoformat("2027-03-08T19:30:00+00:00")) is None
    # Nova Scotia: −04:00 in winter is right, −05:00 is the slip
    ns = ProjectInfo(province="NS")
    assert offset_slip(ns, dt.datetime.fromisoformat("2027-03-08T14:30-04:00")) is None
    assert offset_slip(ns, dt.datetime.fromisoformat("2027-03-08T14:30-05:00")).town == "-04:00"


def test_a_bid_typed_at_a_wrong_offset_is_said_at_once_in_both_languages(quebec, capsys):
    assert (
        cli("bid", quebec, "add", "--name", "A", "--received", "2027-03-08T14:30-04:00", "--lang", "en") == 0
    )
    err = capsys.readouterr().err
    assert (
        "Check the offset: bid 1 was typed at -04:00, but the town is at -05:00 on 2027-03-08, so it is "
        "recorded as received at 2027-03-08 13:30 -05:00, town time" in err
    )
    # the command that fixes it, as for set (remove and add again was advised once set existed)
    assert (
        f"If 14:30 was read on a clock of the town, correct it: python main.py bid {quebec} set 1 --received "
        "2027-03-08T14:30-05:00." in err
    )
    assert "remove" not in err
    assert "Vérifiez le décalage\u00a0: la soumission 1 a été écrite à -04:00" in err
    assert _codes(quebec).count(("BD-OFFSET", "bids:1.received_at")) == 1


def test_a_bid_typed_at_the_town_offset_says_nothing_of_it(quebec, capsys):
    """The clean twin: the same time at −05:00 (late, as it is: 14:30 after 14:00)."""
    assert (
        cli("bid", quebec, "add", "--name", "A", "--received", "2027-03-08T13:30-05:00", "--lang", "en") == 0
    )
    assert "Check the offset" not in capsys.readouterr().err
    assert "BD-OFFSET" not in [code for code, _field in _codes(quebec)]


def test_the_offset_finding_words_the_town_time(quebec, capsys):
    from wizard.core.checks.bids import check_bids

    cli("bid", quebec, "add", "--name", "A", "--received", "2027-03-08T14:30-04:00")
    with ProjectFile.open(quebec, read_only=True) as f:
        (found,) = [x for x in check_bids(f.project, read(f)) if x.code == "BD-OFFSET"]
    assert found.severity.value == "warning"
    assert found.message("en").startswith(
        "Bid 1 (A) is recorded as received at 2027-03-08T14:30-04:00: the offset -04:00 is not the "
        "town's on that day (-05:00), so the bid came at 2027-03-08 13:30 -05:00, town time."
    )
    assert "le décalage -04:00 n’est pas celui de la ville ce jour-là (-05:00)" in found.message("fr")


def test_the_record_states_the_offset_finding():
    from wizard.core.documents.record_findings import SENTENCES
    from wizard.core.i18n import tr

    (either, straddles, with_bid, plain) = SENTENCES["BD-OFFSET"]
    assert either[0] == ("bid", "either") and straddles[0] == ("bid", "local", "clock", "closing")
    assert with_bid[0] == ("bid",)
    assert tr(with_bid[1], "fr", bid=2) == (
        "La soumission 2 est consignée comme reçue à un autre décalage UTC que celui de la ville ce jour-là."
    )
    assert plain[0] == ()


# 2. an empty text option of the award, an empty publication date


@pytest.fixture
def training(tmp_path, capsys):
    """The training example as the command line creates it: bid 1 awarded, resolution
    and signatory recorded, the contract signed."""
    path = tmp_path / "training.tender"
    assert cli("new", "--example", "training", path) == 0
    capsys.readouterr()
    return path


def _award(path):
    with ProjectFile.open(path, read_only=True) as f:
        return read(f).award


@pytest.mark.parametrize("option", ["--resolution", "--signatory", "--authority", "--reason"])
@pytest.mark.parametrize("blank", ["", "  "])
def test_an_empty_text_option_of_the_award_is_refused_and_keeps_the_text(training, capsys, option, blank):
    before = _award(training)
    assert before.resolution_number and before.signatory
    assert cli("bid", training, "award", "1", option, blank, "--lang", "en") == 2
    err = capsys.readouterr().err
    assert f"{option} is empty: give its text, or leave the option out to keep the one recorded." in err
    assert (
        f"{option} est vide\u00a0: donnez son texte, ou omettez l’option pour garder celui qui est enregistré."
        in err
    )
    assert _award(training) == before


def test_a_text_option_given_a_text_still_corrects_the_award(training, capsys):
    """The clean twin: a real number is recorded, the options left out keep theirs."""
    before = _award(training)
    assert cli("bid", training, "award", "1", "--resolution", "2027-04-99", "--lang", "en") == 0
    after = _award(training)
    assert after.resolution_number == "2027-04-99"
    assert (after.signatory, after.resolution_date) == (before.signatory, before.resolution_date)


def test_an_empty_publication_date_is_refused(tmp_path, capsys):
    path = tmp_path / "o.tender"
    assert cli("new", "--example", "office-suite", path) == 0
    assert cli("publish", path, "--date", " ", "--lang", "en") == 2
    err = capsys.readouterr().err
    assert "--date is empty: give the publication date (YYYY-MM-DD), or leave the option out" in err
    with ProjectFile.open(path, read_only=True) as f:
        assert not f.published
    # the clean twin: a real day is the publication date
    assert cli("publish", path, "--date", "2027-02-03", "--lang", "en") == 0
    assert "Marked as published on 2027-02-03." in capsys.readouterr().out


# 7. an unknown member: the members listed


@pytest.fixture
def quebec_bid(quebec, capsys):
    """The Québec example with bid 1 received on time (13:00 at the town's −05:00)."""
    assert cli("bid", quebec, "add", "--name", "A", "--received", "2027-03-08T13:00-05:00") == 0
    capsys.readouterr()
    return quebec


@pytest.mark.parametrize(
    "entry",
    [["score", "1", "9", "O-1", "1"], ["score", "1", "9", "G-1", "3", "--grid"]],
)
def test_an_unknown_jury_member_is_refused_with_the_members_listed(quebec_bid, capsys, entry):
    assert cli("bid", quebec_bid, *entry, "--lang", "en") == 2
    err = capsys.readouterr().err
    assert (
        "There is no member 9 of the selection committee; its members: 1 (Isabelle Roy), "
        "2 (Patrick Côté), 3 (Karim Haddad)." in err
    )
    assert "Le comité de sélection ne compte aucun membre 9" in err


def test_an_unknown_committee_member_is_refused_with_the_members_listed(quebec_bid, capsys):
    assert cli("bid", quebec_bid, "verify", "1", "S-1", "confirmed", "--member", "9", "--lang", "en") == 2
    assert (
        "There is no member 9 of the technical committee; its members: 1 (Hugo Pelletier), "
        "2 (Catherine Ouellet), 3 (Samir Benali)." in capsys.readouterr().err
    )


def test_a_known_member_is_recorded(quebec_bid, capsys):
    """The clean twin: member 3 exists."""
    assert cli("bid", quebec_bid, "score", "1", "3", "O-1", "1", "--lang", "en") == 0
    assert "Recorded: bid 1, member 3, OPT-1: 1." in capsys.readouterr().out


def test_members_text_names_each_member_and_none():
    from wizard.core.bids.evaluation_entry import members_text
    from wizard.core.model.entities import JuryMember

    assert (
        members_text([JuryMember(id=2, name="  Ada  Lovelace "), JuryMember(id=5)]) == "2 (Ada Lovelace), 5"
    )
    assert members_text([]) == "—"


# 3. why a bid is not ranked, in `bid show BID`


def _show(path, bid, lang="en"):
    assert cli("bid", path, "show", bid, "--lang", lang) == 0


def test_show_says_the_mandatory_criterion_a_bid_fails(training, capsys):
    _show(training, 2)
    out = capsys.readouterr().out.splitlines()
    assert "Mandatory criteria\tOBL-1: Pass, OBL-2: Pass, OBL-3: Pass, OBL-4: Fail, OBL-5: Pass" in out
    assert "Not ranked\tfails OBL-4" in out
    _show(training, 2, "fr")
    out = capsys.readouterr().out.splitlines()
    assert "Non classée\tnon conforme à OBL-4" in out
    assert "OBL-4\u00a0: Non conforme" in out[-2] or any("OBL-4\u00a0: Non conforme" in line for line in out)


def test_show_says_the_points_below_the_pass_threshold(training, capsys):
    _show(training, 3)
    out = capsys.readouterr().out.splitlines()
    assert "Not ranked\tbelow the pass threshold (5 of 10 optional points; 7 needed, 70%)" in out
    _show(training, 3, "fr")
    assert (
        "Non classée\tsous le seuil de passage (5 des 10 points facultatifs; 7 requis, 70\u00a0%)"
        in capsys.readouterr().out.splitlines()
    )


def test_show_of_a_ranked_or_late_bid_gives_no_reason(training, capsys):
    """The clean twins: bid 1 is ranked first, bid 4 late (its status says it)."""
    _show(training, 1)
    out = capsys.readouterr().out
    assert "Mandatory criteria\tOBL-1: Pass" in out and "Not ranked" not in out
    _show(training, 4)
    out = capsys.readouterr().out
    assert "late, never opened" in out and "Not ranked" not in out and "Mandatory criteria" not in out


def test_show_says_what_a_pending_bid_still_lacks(quebec_bid, capsys):
    _show(quebec_bid, 1)
    out = capsys.readouterr().out.splitlines()
    assert (
        "Mandatory criteria\tOBL-1: Not assessed, OBL-2: Not assessed, OBL-3: Not assessed, OBL-4: Not assessed"
        in out
    )
    assert any(
        line.startswith("Not ranked\tthe evaluation is not complete: OBL-1 (not assessed)") for line in out
    )


# 4. the language slips of a draft in `addendum show N`, in the user's language


@pytest.fixture
def office(tmp_path, capsys):
    """The office-suite example (Nova Scotia, an English tender) published, a draft
    addendum whose answer is typed in French."""
    path = tmp_path / "o.tender"
    assert cli("new", "--example", "office-suite", path) == 0
    assert cli("publish", path) == 0
    assert (
        cli(
            "addendum",
            path,
            "question",
            "--question",
            "What is the deadline for questions about the requirements of the tender?",
            "--answer",
            "La date limite est le cinquième jour ouvrable avant la date de clôture, comme le disent "
            "les instructions aux soumissionnaires.",
        )
        == 0
    )
    capsys.readouterr()
    return path


@pytest.mark.parametrize("how", [["--lang", "fr"], []])
def test_addendum_show_says_the_slip_in_french(office, capsys, monkeypatch, how):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")  # the system's language when --lang is left out
    assert cli("addendum", office, "show", "1", *how) == 0
    out = capsys.readouterr().out
    assert (
        "Avertissement\u00a0: La réponse à la question 1 est rédigée en français, alors qu’elle forme "
        "la version anglaise de l’addenda" in out
    )
    assert "reads as French" not in out


def test_addendum_show_says_the_slip_in_english(office, capsys):
    """The twin: in English with --lang en, and no French line."""
    assert cli("addendum", office, "show", "1", "--lang", "en") == 0
    out = capsys.readouterr().out
    assert (
        "Warning: The answer to question 1 reads as French, yet it is the addendum's English version" in out
    )
    assert "rédigée" not in out


# 5. a question added after the award; an empty draft to edit


def test_a_question_added_after_the_award_says_it_can_never_be_issued(training, capsys):
    question = "Les séances peuvent-elles se tenir le samedi matin, avec le comité au complet?"
    assert cli("addendum", training, "question", "--question", question, "--lang", "en") == 0
    err = capsys.readouterr().err
    assert "The tender has closed (2027-04-16 11:00) and its bids are being evaluated" in err
    assert "An addendum can no longer be issued." in err and "Un addenda ne peut plus être émis." in err
    assert cli("addendum", training, "change", "--field", "info.closing_date", "--value", "2027-06-01") == 0
    assert "An addendum can no longer be issued." in capsys.readouterr().err


def test_a_question_added_while_the_tender_is_open_says_nothing_of_it(office, capsys):
    """The clean twin: the office-suite tender is open, no bid yet."""
    question = "Can the training sessions be held on Saturday mornings for the whole staff?"
    assert cli("addendum", office, "question", "--question", question, "--lang", "en") == 0
    assert "no longer be issued" not in capsys.readouterr().err


def test_editing_a_question_of_an_empty_draft_says_there_is_none(office, capsys):
    assert cli("addendum", office, "remove", "1", "--lang", "en") == 0
    capsys.readouterr()
    assert cli("addendum", office, "edit", "1", "--answer", "Yes.", "--lang", "en") == 2
    err = capsys.readouterr().err
    assert "The draft addendum has no question yet: add one with “" in err
    assert f"addendum {office} question”." in err
    assert "Le projet d’addenda ne contient encore aucune question" in err
    assert "(given: 1)" not in err


def test_editing_a_question_that_is_not_in_the_draft_lists_those_it_has(office, capsys):
    """The twin: a draft with one question names it."""
    assert cli("addendum", office, "edit", "2", "--answer", "Yes.", "--lang", "en") == 2
    assert "one of 1 (given: 2)" in capsys.readouterr().err


# 6. received moments in the town's time, the stored form shown as the evidence


def test_in_town_time_reads_each_typed_form():
    from wizard.core.domain.timezones import in_town_time
    from wizard.core.model import ProjectInfo

    qc = ProjectInfo(province="QC")
    assert in_town_time(qc, "2027-03-08T14:30-04:00") == "2027-03-08 13:30 -05:00"
    assert in_town_time(qc, "2027-03-08T19:30:00Z") == "2027-03-08 14:30 -05:00"
    assert in_town_time(qc, "2027-03-08T19:30:00Z", iso=True) == "2027-03-08T14:30:00-05:00"
    assert in_town_time(qc, " 2027-03-08T13:30:15-05:00 ") == "2027-03-08 13:30:15 -05:00"
    # nothing invented: no zone known, or no moment with its offset
    assert in_town_time(ProjectInfo(), "2027-03-08T14:30-04:00") == "2027-03-08T14:30-04:00"
    assert in_town_time(qc, "2027-03-08T14:30") == "2027-03-08T14:30"


def test_bid_show_prints_the_town_time_and_the_stored_form_as_evidence(quebec, capsys):
    for name, typed in (
        ("A", "2027-03-08T14:30-04:00"),
        ("B", "2027-03-08T13:30-05:00"),
        ("C", "2027-03-08T18:30:00Z"),
    ):
        assert cli("bid", quebec, "add", "--name", name, "--received", typed) == 0
    capsys.readouterr()
    _show_all = cli("bid", quebec, "show", "--lang", "en")
    assert _show_all == 0
    rows = [line.split("\t")[:3] for line in capsys.readouterr().out.splitlines()[1:4]]
    assert rows == [
        ["1", "A", "2027-03-08 13:30 -05:00"],
        ["2", "B", "2027-03-08 13:30 -05:00"],
        ["3", "C", "2027-03-08 13:30 -05:00"],
    ]
    _show(quebec, 1)
    assert (
        "Received, as recorded\t2027-03-08T14:30-04:00 (the moment the file keeps as evidence, typed at "
        "another offset than the town's)" in capsys.readouterr().out
    )
    # a UTC stamp (a platform's) is the same instant as the town's time printed: no slip,
    # as BD-OFFSET and the bids window read it (timezones.as_recorded; it was noted as
    # "typed at another offset", which invited a wrong correction)
    _show(quebec, 3, "fr")
    out = capsys.readouterr().out
    assert "2027-03-08 13:30 -05:00" in out and "telle que consignée" not in out
    _show(quebec, 2)  # the clean twin: typed at the town's offset, nothing more to say
    assert "as recorded" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2027-03-08T14:30-04:00", True),  # a neighbour's offset: the slip BD-OFFSET reports
        ("2027-03-08T18:30:00Z", False),  # a platform's UTC stamp
        ("2027-03-08T18:30:00+00:00", False),
        ("2027-03-08T13:30-05:00", False),  # the town's offset: the clean twin
    ],
)
def test_bid_show_and_the_bids_window_note_the_same_moments(quebec, capsys, typed, shown):
    """One rule (``timezones.as_recorded`` on ``offset_slip``): ``bid show BID``, the
    window's note and BD-OFFSET agree on which stored moment is a slip."""
    from wizard.core.checks.bids import check_bids
    from wizard.core.domain.timezones import as_recorded

    assert cli("bid", quebec, "add", "--name", "A", "--received", typed) == 0
    capsys.readouterr()
    _show(quebec, 1)
    printed = "Received, as recorded" in capsys.readouterr().out
    with ProjectFile.open(quebec, read_only=True) as f:
        noted = as_recorded(f.project.info, typed)
        offset = any(x.code == "BD-OFFSET" for x in check_bids(f.project, read(f)))
    assert (printed, bool(noted), offset) == (shown, shown, shown)


def test_bids_csv_gives_the_town_time(quebec, capsys):
    from wizard.core.opendata.bids_csv import bids_rows

    cli("bid", quebec, "add", "--name", "A", "--received", "2027-03-08T14:30-04:00")
    cli("bid", quebec, "add", "--name", "B", "--received", "2027-03-08T13:15:00-05:00")
    with ProjectFile.open(quebec, read_only=True) as f:
        rows = bids_rows(f.project, read(f))
    column = rows[0].index("received_at")
    assert [r[column] for r in rows[1:]] == ["2027-03-08T13:30:00-05:00", "2027-03-08T13:15:00-05:00"]
