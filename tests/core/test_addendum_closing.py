"""An addendum is issued before the closing in force (walk of 2026-12-07): an issue dated
after it is refused, and any issue once the tender has closed (a bid received after the
closing, the envelopes opened, the quality locked, the award recorded). Before, the
training example took an addendum dated after its closing, and on emergency-perimeter an
addendum dated the day after the closing moved it a week later while a bid received
after the first closing stayed "late": the evaluation report then said it came after a
closing that was not the one in force. Each refused input has its clean twin."""

from __future__ import annotations

import pytest

from wizard.core.bids import intake
from wizard.core.bids.record import Bidder
from wizard.core.bids.record import read as read_bids
from wizard.core.examples import load_example
from wizard.core.i18n import tr
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import PublishingError, addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read


@pytest.fixture
def pf(tmp_path):
    """emergency-perimeter (French only, Québec, closing 2027-03-08 14:00), published,
    with a question answered in a draft addendum."""
    with ProjectFile.create(tmp_path / "e.tender", load_example("emergency-perimeter")) as f:
        publish(f, published_on="2027-02-01", moment="2027-02-01T14:00:00+00:00")
        addenda.add_question(f, question_fr="Faut-il un mât?", answer_fr="Non.")
        yield f


def _plan(pf, day):
    return addenda.plan_issue(pf, addendum_id=read(pf).draft.id, issued_on=day)


def _bid(pf, received_at):
    return intake.add_bid(pf, bidder=Bidder(legal_name="Sécuri-Zone inc."), received_at=received_at)


def test_an_issue_dated_after_the_closing_in_force_is_refused(pf):
    plan = _plan(pf, "2027-03-09")
    assert plan.problems == ((addenda.AFTER_CLOSING, {"date": "2027-03-09", "closing": "2027-03-08 14:00"}),)
    text, params = plan.problems[0]
    assert tr(text, "en", **params) == (
        "An addendum is issued before the closing: 2027-03-09 is after the closing in force "
        "(2027-03-08 14:00). Issue it on or before that day."
    )
    assert tr(text, "fr", **params).startswith(
        "Un addenda est émis avant la clôture\u00a0: le 2027-03-09 est après la clôture en vigueur (2027-03-08 14:00)."
    )
    with pytest.raises(PublishingError):
        addenda.issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-03-09")
    assert pf.project.info.closing_date == "2027-03-08" and read(pf).issued == []


def test_an_addendum_moving_the_closing_later_is_still_dated_before_the_one_in_force(pf):
    addenda.add_change(pf, field="info.closing_date", new_fr="2027-04-01")
    assert [text for text, _ in _plan(pf, "2027-03-09").problems] == [addenda.AFTER_CLOSING]


def test_an_issue_on_the_closing_day_goes_and_extends_it(pf):  # the twin
    plan = _plan(pf, "2027-03-08")
    assert plan.problems == () and (plan.closing_after, plan.extended) == ("2027-03-15", True)
    addenda.issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-03-08")
    assert pf.project.info.closing_date == "2027-03-15"


def test_a_bid_received_after_the_closing_closes_the_tender_to_addenda(pf):
    _bid(pf, "2027-03-08T14:05:00-05:00")
    assert read_bids(pf).bids[0].late
    plan = _plan(pf, "2027-03-07")  # dated before the closing, yet the closing has passed
    assert plan.problems == (
        (addenda.LATE_BID, {"received": "2027-03-08T14:05:00-05:00", "closing": "2027-03-08 14:00"}),
    )
    text, params = plan.problems[0]
    assert tr(text, "en", **params) == (
        "The tender has closed: a bid was received at 2027-03-08T14:05:00-05:00, after the closing "
        "in force (2027-03-08 14:00). An addendum can no longer be issued."
    )
    assert tr(text, "fr", **params).startswith("L’appel d’offres est clos\u00a0: une soumission a été reçue")


def test_a_bid_received_before_the_closing_leaves_an_addendum_before_it(pf):  # the twin
    _bid(pf, "2027-03-05T10:00:00-05:00")
    assert _plan(pf, "2027-03-06").problems == ()
    addenda.issue(pf, addendum_id=read(pf).draft.id, issued_on="2027-03-06")
    assert pf.project.info.closing_date == "2027-03-13" and not read_bids(pf).bids[0].late


def test_the_training_example_evaluated_and_awarded_takes_no_addendum(tmp_path, capsys):
    from wizard.cli import main

    path = tmp_path / "t.tender"
    assert main(["new", "--example", "training", str(path)]) == 0
    asked = ["--question-fr", "Q?", "--answer-fr", "Oui.", "--question-en", "Q?", "--answer-en", "Yes."]
    assert main(["addendum", str(path), "question", *asked]) == 0
    assert (
        main(["addendum", str(path), "change", "--field", "info.closing_date", "--value", "2027-07-01"]) == 0
    )
    capsys.readouterr()
    assert main(["addendum", str(path), "issue", "--date", "2027-06-02", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "2027-06-02 is after the closing in force (2027-04-16 11:00)" in err
    assert "le 2027-06-02 est après la clôture en vigueur (2027-04-16 11:00)" in err
    with ProjectFile.open(path) as f:
        bids = read_bids(f)
        assert bids.opened and bids.award is not None and f.project.info.closing_date == "2027-04-16"
        plan = _plan(f, "2027-04-10")  # dated before its closing: the evaluation has begun all the same
        assert [text for text, _ in plan.problems] == [addenda.EVALUATING]
        assert plan.problems[0][1] == {"closing": "2027-04-16 11:00"}
