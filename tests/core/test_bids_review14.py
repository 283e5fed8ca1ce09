"""Review 2026-12-07 of the bids command line: a removed bid's number after a JSON round
trip, the example moment's offset on the day it is about, one rule of a late bid, one
rule for the addendum's date options, an addendum that makes a bid received on time
late."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import types

import pytest
from contract_sample import published

from wizard.cli import main as cli_main
from wizard.core.bids import BidsError, intake
from wizard.core.bids.common import example_moment
from wizard.core.bids.jsonform import keep_removed, record_tables, removed_of, to_json
from wizard.core.bids.record import Bidder, late_against
from wizard.core.bids.record import read as read_bids
from wizard.core.domain.timezones import tzinfo
from wizard.core.i18n import tr
from wizard.core.project_file import jsonio
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.record import read as read_publishing

QUEBEC = tzinfo("America/Toronto")
"""The zone of a Québec town (EST −05:00 until 2027-03-14, EDT −04:00 after)."""


def _bids(pf: ProjectFile, count: int) -> list[int]:
    """``count`` bids received on time in the training example (closing 2027-04-16 11:00)."""
    return [
        intake.add_bid(
            pf, bidder=Bidder(f"Soumissionnaire {n} inc."), received_at=f"2027-04-1{n % 6}T09:0{n}:00-03:00"
        )
        for n in range(1, count + 1)
    ]


# -- 1. a removed bid's number after dump and load --------------------------------------


def test_a_removed_number_is_not_given_again_after_dump_and_load(tmp_path, capsys):
    """Remove bid 6, ``dump``, ``load``, ``bid add``: the new bid is 7, never a second 6."""
    with published(tmp_path) as pf:
        assert _bids(pf, 6) == [1, 2, 3, 4, 5, 6]
        intake.remove_bid(pf, 6)
        source = pf.path
    copy_path, loaded = tmp_path / "copy.json", tmp_path / "loaded.tender"
    assert cli_main(["dump", str(source), "--out", str(copy_path)]) == 0
    data = json.loads(copy_path.read_text(encoding="utf-8"))
    assert data["bids"]["removed"] == [6]
    assert [b["id"] for b in data["bids"]["bids"]] == [1, 2, 3, 4, 5]
    assert cli_main(["load", str(copy_path), str(loaded)]) == 0
    assert "removed" not in capsys.readouterr().err  # a key load reads, never named as unread
    added = ["bid", str(loaded), "add", "--name", "Nouvelle inc.", "--received", "2027-04-15T09:30:00-03:00"]
    assert cli_main([*added, "--lang", "en"]) == 0
    with ProjectFile.open(loaded, read_only=True) as pf:
        assert [b.id for b in read_bids(pf).bids] == [1, 2, 3, 4, 5, 7]
        assert intake.removed_numbers(pf) == {6}
        assert to_json(pf)["removed"] == [6]  # a second round trip keeps it


def test_every_bid_removed_still_travels(tmp_path):
    """All bids removed: the copy still holds the record, no bid and the numbers removed."""
    with published(tmp_path) as pf:
        _bids(pf, 2)
        intake.remove_bid(pf, 2)
        intake.remove_bid(pf, 1)
        data = to_json(pf)
    assert data is not None and data["bids"] == [] and data["removed"] == [1, 2]


def test_a_copy_without_a_removal_writes_no_removed_key(tmp_path):
    """The clean twin: nothing removed, the copy is as before (no ``removed``)."""
    with published(tmp_path) as pf:
        _bids(pf, 2)
        data = to_json(pf)
        assert intake.next_number(pf) == 3
    assert "removed" not in data


def test_a_copy_written_before_the_removed_key_loads(tmp_path):
    """A JSON copy stored before ``removed`` existed (the bundled training example,
    four bids): it loads, no number counted as removed, the next bid is 5."""
    from wizard.core.contract.jsonform import all_tables
    from wizard.core.examples import load_example_with_contract

    project, publishing, bids, contract = load_example_with_contract("training")
    assert bids is not None and "removed" not in bids
    assert removed_of(bids) == []
    path = tmp_path / "old.tender"
    with ProjectFile.create(
        path, project, origin="loaded", tables=all_tables(publishing, bids, contract)
    ) as pf:
        keep_removed(pf, bids)
        assert intake.removed_numbers(pf) == set()
        assert intake.next_number(pf) == 5


def test_a_stored_copy_loads_with_the_cli(tmp_path, capsys):
    """The stored copy as a file: ``load`` reads it, names no key as unread."""
    from wizard.core.paths import resource_path

    loaded = tmp_path / "old.tender"
    assert cli_main(["load", str(resource_path("examples") / "training.json"), str(loaded)]) == 0
    assert "removed" not in capsys.readouterr().err
    with ProjectFile.open(loaded, read_only=True) as pf:
        assert intake.next_number(pf) == 5


@pytest.mark.parametrize(
    ("removed", "en"),
    [
        (
            [2],
            "the field bids.removed[0] names the bid 2, which the file holds: a removed bid's number is "
            "never that of a bid recorded",
        ),
        ([0], "the field bids.removed[0] must be the number of a bid, 1 or more: 0"),
        ("6", "the field bids.removed must be a list of whole numbers (in square brackets)"),
        ([True], "the field bids.removed must be a list of whole numbers (in square brackets)"),
    ],
)
def test_a_wrong_removed_list_is_refused(removed, en):
    from wizard.core.examples import load_example_with_records

    _project, publishing, bids = load_example_with_records("training")
    data = copy.deepcopy(bids)
    data["removed"] = removed
    with pytest.raises(jsonio.ProjectJsonError) as caught:
        record_tables(publishing, data)
    assert caught.value.detail.en == en
    assert caught.value.detail.fr.startswith("le champ bids.removed")
    data["removed"] = [5, 6]  # the twin: numbers no bid holds
    assert record_tables(publishing, data) is not None


def test_a_removed_number_said_twice_is_refused():
    from wizard.core.examples import load_example_with_records

    _project, publishing, bids = load_example_with_records("training")
    data = {**copy.deepcopy(bids), "removed": [6, 6]}
    with pytest.raises(jsonio.ProjectJsonError) as caught:
        record_tables(publishing, data)
    assert "bids.removed[1]" in caught.value.detail.en and "bids.removed[0]" in caught.value.detail.en


# -- 2. the example moment's offset on the day it is about ------------------------------


def _project(closing_date: str) -> types.SimpleNamespace:
    from wizard.core.model import Project

    project = Project()
    project.info.province, project.info.time_zone = "QC", "America/Toronto"
    project.info.closing_date, project.info.closing_time = closing_date, "14:00"
    return types.SimpleNamespace(project=project)


def test_the_example_is_at_the_offset_of_the_closing_day():
    """A Québec closing on 2027-03-08 (EST): the example says −05:00, not April's −04:00."""
    assert intake.town_example(_project("2027-03-08")) == "2027-03-08T10:12:00-05:00"
    # the twin: a closing after daylight time begins
    assert intake.town_example(_project("2027-04-16")) == "2027-04-16T10:12:00-04:00"


def test_the_example_is_on_the_day_typed():
    """A moment typed without its offset: the example is that day's (the day it is about)."""
    pf = _project("2027-04-16")
    assert intake.town_example(pf, "2027-03-08T13:30") == "2027-03-08T10:12:00-05:00"
    assert intake.town_example(pf, "hier") == "2027-04-16T10:12:00-04:00"  # no day: the closing's


def test_the_example_falls_back_on_the_day_given():
    """Review 2026-12-07: ``fallback`` (an incident's start) is the day when the moment
    names none; the day typed still wins, and the closing's comes last."""
    pf = _project("2027-04-16")
    assert (
        intake.town_example(pf, "hier", fallback="2027-03-08T09:00:00-05:00") == "2027-03-08T10:12:00-05:00"
    )
    assert intake.town_example(pf, "2027-04-20T09:00", fallback="2027-03-08") == "2027-04-20T10:12:00-04:00"
    assert intake.town_example(pf, "hier", fallback="demain") == "2027-04-16T10:12:00-04:00"


def test_example_moment_by_day_and_without_zone():
    assert example_moment(QUEBEC, dt.date(2027, 3, 8)) == "2027-03-08T10:12:00-05:00"
    assert example_moment(QUEBEC) == "2027-04-16T10:12:00-04:00"
    assert example_moment(None, dt.date(2027, 3, 8)) == "2027-04-16T10:12:00-03:00"


def test_the_received_help_says_the_town_s_offset(capsys):
    with contextlib.suppress(SystemExit):  # argparse's own exit, where the command line lets it through
        cli_main(["bid", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "the town's offset from UTC on that day" in help_text
    assert "2027-03-08T13:30:00-05:00" in help_text and "10:12:00-03:00" not in help_text


def test_the_json_moment_refusal_names_the_town_s_offset():
    from wizard.core.project_file import expected

    assert "-03:00" not in expected.MOMENT and "town's offset" in expected.MOMENT
    french = tr(expected.MOMENT, "fr")
    assert "décalage de la municipalité par rapport à l’UTC ce jour-là" in french
    assert french.endswith("(«\xa0-05:00\xa0» au Québec en hiver, «\xa0-04:00\xa0» en été)")


def test_the_json_moment_text_gives_quebec_s_winter_and_summer_offsets():
    """Review 2026-12-07: “-04:00 in Québec” was false from November to March (−05:00 then)."""
    from wizard.core.project_file import expected

    assert expected.MOMENT.endswith("(“-05:00” in Québec in winter, “-04:00” in summer)")
    assert "(“-04:00” in Québec)" not in expected.MOMENT  # the twin: the old, half-true text is gone


# -- 3. one rule of a late bid ------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "late"),
    [
        ("2027-04-16T11:00:01-03:00", True),
        ("2027-04-16T11:00:00-03:00", False),  # the twin: at the closing is on time
        ("2027-04-16T10:00:01-04:00", True),  # the same second as typed at −04:00
        ("2027-04-16T10:00:00-04:00", False),
    ],
)
def test_intake_and_the_record_read_late_alike(tmp_path, received, late):
    with published(tmp_path) as pf:
        deadline = intake.closing(pf)
        assert intake.is_late(pf, received) is late
        assert late_against(received, not late, deadline) is late
        bid = intake.add_bid(pf, bidder=Bidder("Formation Acadie inc."), received_at=received)
        assert read_bids(pf).bid(bid).late is late


def test_is_late_still_refuses_a_moment_without_its_offset(tmp_path):
    with published(tmp_path) as pf, pytest.raises(BidsError) as caught:
        intake.is_late(pf, "2027-04-16T11:00:01")
    assert caught.value.params["example"] == "2027-04-16T10:12:00-03:00"


def test_an_incident_s_example_is_on_its_own_day(tmp_path):
    """``contract incident``: the example is on the day typed, not the closing's."""
    from contract_sample import award

    from wizard.core.contract import ContractError
    from wizard.core.contract.operations import add_incident

    with published(tmp_path) as pf:
        award(pf)
        with pytest.raises(ContractError) as caught:
            add_incident(pf, started_at="2027-12-01 07:40")
        assert caught.value.params["example"] == "2027-12-01T10:12:00-04:00"  # AST in December
        with pytest.raises(ContractError) as caught:
            add_incident(pf, started_at="2027-12-01T07:40:00-04:00", resolved_at="2027-07-02 09:00")
        assert caught.value.params["example"] == "2027-07-02T10:12:00-03:00"  # ADT in July
        with pytest.raises(ContractError) as caught:  # no day typed: the incident's, not the closing's
            add_incident(pf, started_at="2027-12-01T07:40:00-04:00", resolved_at="hier")
        assert caught.value.params["example"] == "2027-12-01T10:12:00-04:00"  # AST, not April's ADT


# -- 4. one rule for every addendum date option ---------------------------------------


@pytest.fixture
def with_question(tmp_path, capsys):
    """The training example published, its draft addendum holding one question."""
    with published(tmp_path) as pf:
        path = pf.path
    run = ["addendum", str(path)]
    question = ["question", "--question-fr", "Le délai?", "--question-en", "The time?"]
    answers = ["--answer-fr", "Oui.", "--answer-en", "Yes."]
    assert cli_main([*run, *question, *answers, "--date", "2027-03-20"]) == 0
    capsys.readouterr()
    return path


BLANK_QUESTION = (
    "--date is empty: give the date the question was received (YYYY-MM-DD), or leave the option out "
    "to record the question without that date."
)
BLANK_EDIT = "--date is empty: give a date (YYYY-MM-DD), or leave the option out to keep the one recorded."
BLANK_ISSUE = "--date is empty: give the date of issue (YYYY-MM-DD), or leave the option out to issue the addendum today."


@pytest.mark.parametrize("blank", ["", "  "])
@pytest.mark.parametrize(
    ("command", "en"),
    [
        (["question", "--question-fr", "Encore?", "--question-en", "Again?"], BLANK_QUESTION),
        (["edit", "1"], BLANK_EDIT),
        (["issue"], BLANK_ISSUE),
    ],
)
def test_a_blank_addendum_date_is_refused_with_what_leaving_it_out_does(
    with_question, capsys, command, en, blank
):
    before = read_publishing(ProjectFile.open(with_question, read_only=True))
    assert cli_main(["addendum", str(with_question), *command, "--date", blank, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert en in err, err
    with ProjectFile.open(with_question, read_only=True) as pf:
        after = read_publishing(pf)
    assert after.draft == before.draft and after.issued == before.issued  # nothing changed


def test_a_blank_addendum_date_is_refused_in_french(with_question, capsys):
    assert cli_main(["addendum", str(with_question), "issue", "--date", " ", "--lang", "fr"]) == 2
    assert "omettez l’option pour émettre l’addenda aujourd’hui" in capsys.readouterr().err


def test_a_question_without_date_is_still_recorded(with_question, capsys):
    """The twin: --date left out records the question without that date."""
    run = ["addendum", str(with_question), "question", "--question-fr", "Encore?", "--question-en", "Again?"]
    assert cli_main([*run, "--answer-fr", "Non.", "--answer-en", "No."]) == 0
    with ProjectFile.open(with_question, read_only=True) as pf:
        questions = read_publishing(pf).draft.questions
    assert [q.received_on for q in questions] == ["2027-03-20", ""]


def test_edit_alone_names_date_among_the_missing_options(with_question, capsys):
    assert cli_main(["addendum", str(with_question), "edit", "1", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "Missing argument:" in err and "--answer-en, --date." in err
    # the twin: --date alone is a valid edit
    assert cli_main(["addendum", str(with_question), "edit", "1", "--date", "2027-03-22"]) == 0
    with ProjectFile.open(with_question, read_only=True) as pf:
        assert read_publishing(pf).draft.questions[0].received_on == "2027-03-22"


# -- 5. an addendum that makes a bid received on time late ------------------------------

RECEIVED = "2027-04-14T09:00:00-03:00"
"""A bid received on time, before the closing of 2027-04-16 11:00 (New Brunswick, ADT)."""


@pytest.fixture
def moved(tmp_path):
    """The training example, one bid received on 2027-04-14, a draft addendum moving the
    closing (the caller chooses the day)."""

    def make(day: str) -> ProjectFile:
        pf = published(tmp_path, f"moved-{day}.tender")
        intake.add_bid(pf, bidder=Bidder("Formation Acadie inc."), received_at=RECEIVED)
        draft = addenda.new_draft(pf)
        addenda.add_change(pf, addendum_id=draft.id, field="info.closing_date", new_fr=day)
        return pf

    return make


MADE_LATE_EN = (
    "Bid 1 (Formation Acadie inc.) was received at 2027-04-14T09:00:00-03:00, before the closing in force "
    "(2027-04-16 11:00); this addendum moves the closing earlier, to 2027-04-13 11:00, which makes that bid "
    "late: it would be kept on record and never opened."
)


def test_the_plan_names_the_bid_an_earlier_closing_makes_late(moved):
    with moved("2027-04-13") as pf:
        draft = read_publishing(pf).draft
        plan = addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-04-01")
        assert plan.problems == () and not plan.extended
        assert [tr(t, "en", **p) for t, p in plan.made_late] == [MADE_LATE_EN]
        assert plan.made_late[0] in plan.warnings  # the app's issue dialog lists the warnings
        assert tr(*plan.made_late[0][:1], "fr", **plan.made_late[0][1]).startswith(
            "La soumission 1 (Formation Acadie inc.) a été reçue le 2027-04-14T09:00:00-03:00"
        )


def test_a_closing_moved_earlier_but_after_the_bid_warns_of_nothing(moved):
    """The twin: moved to 2027-04-15, the bid of 2027-04-14 stays on time."""
    with moved("2027-04-15") as pf:
        draft = read_publishing(pf).draft
        plan = addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-04-01")
        assert plan.made_late == () and plan.warnings == ()


def test_issue_refuses_without_force_then_issues_with_it(moved, capsys):
    with moved("2027-04-13") as pf:
        path = pf.path
    run = ["addendum", str(path), "issue", "--date", "2027-04-01", "--lang", "en"]
    assert cli_main(run) == 2
    err = capsys.readouterr().err
    assert "which makes that bid late" in err and "Nothing issued: this addendum moves the closing" in err
    with ProjectFile.open(path, read_only=True) as pf:
        assert len(read_publishing(pf).issued) == 1 and not read_bids(pf).bids[0].late
    assert cli_main([*run, "--force"]) == 0
    with ProjectFile.open(path, read_only=True) as pf:
        assert len(read_publishing(pf).issued) == 2 and read_bids(pf).bids[0].late


def test_check_names_the_bid_the_draft_makes_late(moved):
    from wizard.core.checks.addenda import check_addenda

    for day, expected in (("2027-04-13", ["PR-ADDENDUM-MAKES-LATE"]), ("2027-04-15", [])):
        with moved(day) as pf:
            found = check_addenda(pf.project, read_publishing(pf), "2027-04-01", read_bids(pf))
        late = [f for f in found if f.code == "PR-ADDENDUM-MAKES-LATE"]
        assert [f.code for f in late] == expected
        if late:
            assert late[0].message("en") == MADE_LATE_EN and late[0].field.startswith("addenda:")


@pytest.mark.parametrize(("removed", "kept", "next_bid"), [([5, 6], {5, 6}, 7), (None, set(), 5)])
def test_a_file_created_from_json_parts_keeps_the_removed_numbers(tmp_path, removed, kept, next_bid):
    """Review 2026-12-07: the app's *New from an example* wrote the tables without the
    removed numbers (only the command line kept them); ``create_file`` is the one way now.
    The twin: a copy without ``removed`` keeps none, the next bid follows the four recorded."""
    import copy

    from wizard.core.contract.jsonform import create_file
    from wizard.core.examples import load_example_with_contract

    project, publishing, bids, contract = copy.deepcopy(load_example_with_contract("training"))
    assert bids is not None and len(bids["bids"]) == 4
    if removed is not None:
        bids["removed"] = removed
    pf = create_file(tmp_path / "t.tender", project, publishing, bids, contract, origin="example")
    try:
        assert intake.removed_numbers(pf) == kept
        assert intake.next_number(pf) == next_bid
    finally:
        pf.close()


@pytest.mark.parametrize(("day", "late"), [("2027-04-13", 1), ("2027-04-15", 0)])
def test_the_plan_reads_the_bids_record_once(moved, monkeypatch, day, late):
    """Review 2026-12-07: ``plan_issue`` runs on each keystroke of the issue's date and
    read the bids record twice (``closed``, then ``made_late``). Once now, the bid made
    late still named (2027-04-13) and the twin still on time (2027-04-15)."""
    from wizard.core.bids import record as bids_record

    reads = []
    real = bids_record.read
    monkeypatch.setattr(bids_record, "read", lambda pf: reads.append(1) or real(pf))
    with moved(day) as pf:
        draft = read_publishing(pf).draft
        plan = addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-04-01")
    assert len(reads) == 1 and len(plan.made_late) == late and plan.problems == ()
