"""What a clerk reviews before and after issuing an addendum (walk of the bids phase,
2026-12-07, example emergency-perimeter): a text in the other language than the version
it fills (PR-ADDENDUM-LANGUAGE, ``addendum issue`` refused without --force), a bid that
does not acknowledge an issued addendum (BD-UNACKNOWLEDGED), the plan's opening row moved
with the closing (no V-BIDS-DATE the clerk cannot act on), the draft shown by ``show N``,
and ``publish`` saying the date it recorded. Each input that broke has its clean twin."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from wizard.core.bids import intake
from wizard.core.bids.record import Bidder
from wizard.core.bids.record import read as read_bids
from wizard.core.checks import run_checks
from wizard.core.checks.addenda import check_addenda
from wizard.core.examples import load_example
from wizard.core.i18n.languages import written_language
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read

QUESTION_EN = "Does the system need to work offline during a power outage?"
ANSWER_EN = "Yes, for four hours on battery."
QUESTION_FR = "Le système doit-il fonctionner hors ligne pendant une panne de courant?"
ANSWER_FR = "Oui, pendant quatre heures sur batterie."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (QUESTION_EN, "en"),
        (ANSWER_EN, "en"),
        (QUESTION_FR, "fr"),
        (ANSWER_FR, "fr"),
        ("No, it is not required.", "en"),
        ("Non, il n’est pas requis.", "fr"),
        # too little to tell, or both languages: nothing said
        ("Yes.", None),
        ("Oui.", None),
        ("Is SSO required?", None),
        ("La solution doit respecter la norme « Guide to the Expression of Needs »", None),
        ("2027-03-15", None),
    ],
)
def test_the_language_a_short_text_is_written_in(text, expected):
    assert written_language(text) == expected


@pytest.fixture
def pf(tmp_path):
    """emergency-perimeter (French only, Québec, closing 2027-03-08), published."""
    with ProjectFile.create(tmp_path / "e.tender", load_example("emergency-perimeter")) as f:
        publish(f, published_on="2027-02-01", moment="2027-02-01T14:00:00+00:00")
        yield f


def _codes(pf, today="2027-02-10", bids=None):
    return [f.code for f in check_addenda(pf.project, read(pf), today, bids)]


def test_english_texts_in_the_french_addendum_are_found_before_the_issue(pf):
    addenda.add_question(pf, question_fr=QUESTION_EN, answer_fr=ANSWER_EN)
    found = [f for f in check_addenda(pf.project, read(pf), "2027-02-10") if f.code == "PR-ADDENDUM-LANGUAGE"]
    draft = read(pf).draft.id
    assert [(f.severity.value, f.field) for f in found] == [("warning", f"addenda:{draft}")] * 2
    assert found[1].message("en") == (
        "The answer to question 1 reads as English, yet it is the addendum's French version, "
        "which bidders receive as written: type it in French."
    )
    assert (
        found[1]
        .message("fr")
        .startswith(
            "La réponse à la question 1 est rédigée en anglais, alors qu’elle forme la version française"
        )
    )
    plan = addenda.plan_issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-02-12")
    assert plan.problems == () and len(plan.warnings) == 2  # a warning, not a refusal of the core


def test_french_texts_in_the_french_addendum_say_nothing(pf):
    addenda.add_question(pf, question_fr=QUESTION_FR, answer_fr=ANSWER_FR)
    assert "PR-ADDENDUM-LANGUAGE" not in _codes(pf)
    plan = addenda.plan_issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-02-12")
    assert plan.warnings == ()


def test_a_bilingual_addendum_needs_each_version_in_its_language(tmp_path):
    project = load_example("training")  # French and English, French binding
    project.info.closing_date = "2027-04-02"
    with ProjectFile.create(tmp_path / "t.tender", project) as f:
        publish(f, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
        # the French text copied into the English version
        addenda.add_question(
            f, question_fr=QUESTION_FR, question_en=QUESTION_FR, answer_fr=ANSWER_FR, answer_en=ANSWER_EN
        )
        slips = addenda.language_slips(f.project, read(f).draft)
        assert [(text.split(" ")[1], params["version"].en) for text, params in slips] == [("text", "English")]
        (question,) = read(f).draft.questions
        addenda.set_question(f, question_id=question.id, question_en=QUESTION_EN)
        assert addenda.language_slips(f.project, read(f).draft) == []


def test_a_changed_text_in_the_other_language_is_found(pf):
    criterion = pf.project.criteria[0]
    field = f"criteria:{criterion.id}.text"
    addenda.add_change(pf, field=field, new_fr="The system must work for four hours on battery.")
    (slip,) = addenda.language_slips(pf.project, read(pf).draft)
    assert slip[0].startswith("The new text of {field}") and slip[1]["found"].en == "English"
    addenda.add_change(pf, field=field, new_fr="Le système doit fonctionner quatre heures sur batterie.")
    assert addenda.language_slips(pf.project, read(pf).draft) == []


def _bidder(name):
    return Bidder(name)


def _opened(pf):
    """The bids as read once envelope 2 is opened: emergency-perimeter has two envelopes,
    and Form 1, which acknowledges the addenda, is in envelope 2 (walk 2026-12-07, item 5:
    BD-UNACKNOWLEDGED is judged only then)."""
    record = read_bids(pf)
    return dataclasses.replace(
        record,
        bids=tuple(
            b if b.late or b.withdrawn or b.rejected else dataclasses.replace(b, evaluated_price=Decimal(1))
            for b in record.bids
        ),
    )


def test_a_bid_that_does_not_acknowledge_an_issued_addendum(pf):
    addenda.add_question(pf, question_fr=QUESTION_FR, answer_fr=ANSWER_FR)
    addenda.add_change(pf, field="info.closing_date", new_fr="2027-03-15")
    addenda.issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-02-12")
    intake.add_bid(
        pf, bidder=_bidder("Alpha inc."), received_at="2027-03-15T10:00:00-04:00", acknowledged=[1]
    )
    silent = intake.add_bid(pf, bidder=_bidder("Gamma inc."), received_at="2027-03-14T11:00:00-04:00")
    intake.add_bid(pf, bidder=_bidder("Delta inc."), received_at="2027-03-15T14:05:00-04:00")  # late
    assert "BD-UNACKNOWLEDGED" not in _codes(pf, "2027-03-16", read_bids(pf))  # Form 1 still sealed
    found = [
        f
        for f in check_addenda(pf.project, read(pf), "2027-03-16", _opened(pf))
        if f.code == "BD-UNACKNOWLEDGED"
    ]
    assert [(f.severity.value, f.field) for f in found] == [
        ("warning", f"bids:{silent}.acknowledged_addenda")
    ]
    assert (
        found[0]
        .message("en")
        .startswith(
            f"Bid {silent} (Gamma inc.) does not acknowledge addendum 1. The tender's instructions say"
        )
    )
    assert "may be declared non-compliant" in found[0].message("en")
    assert "peut être déclarée non conforme" in found[0].message("fr")
    # run_checks passes the bids along
    assert "BD-UNACKNOWLEDGED" in [
        f.code for f in run_checks(pf.project, _opened(pf), publication=read(pf), today="2027-03-16")
    ]
    intake.acknowledge(pf, silent, [1])  # the clean twin: acknowledged
    assert "BD-UNACKNOWLEDGED" not in _codes(pf, "2027-03-16", _opened(pf))


def test_a_bid_received_before_the_addendum_could_not_acknowledge_it(pf):
    """Review 2026-12-07: a bid in before the addendum was told to look in its form for
    an acknowledgement it could not hold."""
    early = intake.add_bid(pf, bidder=_bidder("Bêta inc."), received_at="2027-02-11T10:00:00-05:00")
    addenda.add_question(pf, question_fr=QUESTION_FR, answer_fr=ANSWER_FR)
    addenda.issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-02-12")
    after = intake.add_bid(pf, bidder=_bidder("Gamma inc."), received_at="2027-02-12T09:00:00-05:00")
    found = {
        f.field: f
        for f in check_addenda(pf.project, read(pf), "2027-03-16", _opened(pf))
        if f.code == "BD-UNACKNOWLEDGED"
    }
    assert found[f"bids:{early}.acknowledged_addenda"].message("en") == (
        f"Bid {early} (Bêta inc.) was received on 2027-02-11, before addendum 1 was issued on "
        "2027-02-12: it could not acknowledge it. Record the bid that replaced it if the bidder "
        "sent one before the closing; else the committee decides, with counsel, how the "
        "addendum bears on this bid."
    )
    assert "ne pouvait pas en accuser réception" in found[f"bids:{early}.acknowledged_addenda"].message("fr")
    # the twin: received on the day of the issue, it could have acknowledged it
    assert "does not acknowledge addendum 1" in found[f"bids:{after}.acknowledged_addenda"].message("en")


def test_the_closing_moved_by_an_addendum_moves_the_public_opening_row(pf):
    def row():
        return next(i for i in pf.project.publication_items if i.key == "bids_and_bidders")

    assert row().planned_date == "2027-03-08" == pf.project.info.closing_date
    addenda.add_change(pf, field="info.closing_date", new_fr="2027-03-15")
    addenda.issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-02-12")
    assert row().planned_date == "2027-03-15"
    found = run_checks(pf.project, publication=read(pf), today="2027-02-12")
    assert "V-BIDS-DATE" not in [f.code for f in found]


def test_a_row_typed_with_another_date_stays_as_typed(tmp_path):
    project = load_example("emergency-perimeter")
    opening = next(i for i in project.publication_items if i.key == "bids_and_bidders")
    opening.planned_date = "2027-03-09"
    with ProjectFile.create(tmp_path / "e.tender", project) as f:
        publish(f, published_on="2027-02-01", moment="2027-02-01T14:00:00+00:00")
        addenda.add_change(f, field="info.closing_date", new_fr="2027-03-15")
        addenda.issue(f, addendum_id=read(f).draft.id, issued_on="2027-02-12")
        assert next(i for i in f.project.publication_items if i.key == "bids_and_bidders").planned_date == (
            "2027-03-09"
        )


# -- the command line -------------------------------------------------------------------


@pytest.fixture
def cli_file(tmp_path, capsys):
    from wizard.cli import main

    path = tmp_path / "demo.tender"
    assert main(["new", "--example", "emergency-perimeter", str(path)]) == 0
    capsys.readouterr()
    assert main(["publish", str(path), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Marked as published on 2027-02-01.\ntender-fr.docx\tfr\t")
    return path


def test_publish_says_the_date_it_recorded(tmp_path, capsys):
    from wizard.cli import main

    path = tmp_path / "o.tender"
    assert main(["new", "--example", "office-suite", str(path)]) == 0
    capsys.readouterr()
    assert main(["publish", str(path), "--date", "2027-02-03", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Marqué comme publié le 2027-02-03."


def test_an_english_answer_is_said_at_once_and_stops_the_issue_without_force(cli_file, capsys):
    from wizard.cli import main

    path = str(cli_file)
    question = ["addendum", path, "question", "--question", QUESTION_EN, "--answer", ANSWER_EN]
    assert main([*question, "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert "The answer to question 1 reads as English, yet it is the addendum's French version" in err
    assert main(["addendum", path, "change", "--field", "info.closing_date", "--value", "2027-03-15"]) == 0
    capsys.readouterr()
    assert main(["addendum", path, "issue", "--date", "2027-02-12"]) == 2
    err = capsys.readouterr().err
    assert "Nothing issued: a text of this addendum is not in the language of its version" in err
    with ProjectFile.open(cli_file, read_only=True) as f:
        assert read(f).issued == [] and f.project.info.closing_date == "2027-03-08"
    assert main(["addendum", path, "issue", "--date", "2027-02-12", "--force"]) == 0
    with ProjectFile.open(cli_file, read_only=True) as f:
        assert [a.number for a in read(f).issued] == [1] and f.project.info.closing_date == "2027-03-15"


def test_a_french_answer_issues_without_a_word(cli_file, capsys):
    from wizard.cli import main

    path = str(cli_file)
    assert main(["addendum", path, "question", "--question", QUESTION_FR, "--answer", ANSWER_FR]) == 0
    assert capsys.readouterr().err == ""
    assert main(["addendum", path, "issue", "--date", "2027-02-12"]) == 0
    assert "reads as" not in capsys.readouterr().err


def test_the_draft_is_shown_by_the_number_it_will_take(cli_file, capsys):
    from wizard.cli import main

    path = str(cli_file)
    assert main(["addendum", path, "question", "--question", QUESTION_EN, "--answer", ANSWER_EN]) == 0
    capsys.readouterr()
    assert main(["addendum", path, "show", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "Draft addendum 1\tdraft\t1 question\t0 changes\n"
    assert main(["addendum", path, "show", "1", "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == [
        "Projet d’addenda 1\tprojet",
        f"Question 1\u00a0: {QUESTION_EN}",
        f"Réponse\u00a0: {ANSWER_EN}",
    ]
    assert lines[3].startswith("Avertissement\u00a0: Le texte de la question 1 est rédigé en anglais")
    assert main(["addendum", path, "show", "2"]) == 2
    assert capsys.readouterr().err.startswith(
        "Ce fichier ne contient pas d’addenda 2. / There is no addendum 2 in this file."
    )


def test_discard_without_a_draft_says_so(cli_file, capsys):
    from wizard.cli import main

    assert main(["addendum", str(cli_file), "discard"]) == 2
    assert capsys.readouterr().err.startswith(
        "Il n’y a aucun projet d’addenda à abandonner. / There is no draft addendum to discard."
    )
