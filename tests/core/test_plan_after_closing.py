"""The publication plan's dates that come after the closing (walk 2026-12-07 item 1).

Outside Québec, an addendum that moved the closing later left the plan's "Bids received
and the bidders" before it (office-suite: February 22 against a closing on February 26),
and the bundled example ``training`` shipped that way (April 5 against April 16). The
row now keeps its distance from the closing it followed, and V-PLAN-BEFORE-CLOSING says
a plan date of what exists only after the closing that falls before the closing in force.
Each input that broke has its clean twin."""

from __future__ import annotations

import pytest

from wizard.core.checks import run_checks
from wizard.core.documents.blocks import Table
from wizard.core.documents.tender import tender_document
from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read


def _row(project, key="bids_and_bidders"):
    return next(i for i in project.publication_items if i.key == key)


def _plan_dates(project, lang):
    """The tender's plan rows as printed: (what, date)."""
    return {
        row[0]: row[1]
        for block in tender_document(project, lang).blocks
        if isinstance(block, Table)
        for row in block.rows
        if len(row) >= 2
    }


def _before(project):
    return [f for f in run_checks(project) if f.code == "V-PLAN-BEFORE-CLOSING"]


def _issue_closing(tmp_path, name, published_on, closing, issued_on, edit=None):
    project = load_example(name)
    if edit:
        edit(project)
    f = ProjectFile.create(tmp_path / f"{name}.tender", project)
    publish(f, published_on=published_on, moment=f"{published_on}T14:00:00+00:00")
    addenda.add_change(f, field="info.closing_date", new_fr=closing)
    addenda.issue(f, addendum_id=read(f).draft.id, issued_on=issued_on)
    return f


def test_the_walk_office_suite_closing_moved_later_moves_the_bids_row(tmp_path):
    project = load_example("office-suite")
    assert (project.info.closing_date, _row(project).planned_date) == ("2027-02-19", "2027-02-22")
    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-26", "2027-02-05") as f:
        assert f.project.info.closing_date == "2027-02-26"
        assert _row(f.project).planned_date == "2027-03-01"  # three days after, as typed
        assert _plan_dates(f.project, "en")["Bids received and the bidders"] == "March 1, 2027"
        assert "February 22, 2027" not in _plan_dates(f.project, "en").values()
        assert _row(f.project, "winner").planned_date == "2027-03-23"  # follows the award
        assert _before(f.project) == []


def test_a_closing_moved_earlier_keeps_the_distance(tmp_path):
    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-17", "2027-02-05") as f:
        assert _row(f.project).planned_date == "2027-02-20"


def test_a_row_typed_before_the_old_closing_stays_and_is_said(tmp_path):
    def early(project):
        _row(project).planned_date = "2027-02-15"

    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-26", "2027-02-05", early) as f:
        assert _row(f.project).planned_date == "2027-02-15"
        assert [x.field for x in _before(f.project)] == [
            f"publication_items:{_row(f.project).id}.planned_date"
        ]


def test_the_quebec_opening_row_still_takes_the_new_closing(tmp_path):
    with _issue_closing(tmp_path, "emergency-perimeter", "2027-02-01", "2027-03-15", "2027-02-12") as f:
        assert _row(f.project).planned_date == "2027-03-15"
        assert _before(f.project) == []


def test_the_training_example_publishes_the_bids_after_its_closing():
    project = load_example("training")
    assert project.info.closing_date == "2027-04-16"
    assert _row(project).planned_date == "2027-04-19"  # 2027-04-05 moved with the closing (04-02)
    for lang, printed in (("en", "April 19, 2027"), ("fr", "19\u00a0avril\u00a02027")):
        assert printed in _plan_dates(project, lang).values()
    assert _before(project) == []


def test_the_training_example_as_shipped_before_says_it():
    project = load_example("training")
    row = _row(project)
    row.planned_date = "2027-04-05"  # the example as shipped before the fix
    (found,) = _before(project)
    assert (found.severity.value, found.field) == ("warning", f"publication_items:{row.id}.planned_date")
    assert found.message("en") == (
        "The publication plan promises \u201cBids received and the bidders\u201d on April 5, 2027, before "
        "the closing (April 16, 2027): until the closing the bids are sealed, and there is no winner "
        "nor contract to publish. Date it on or after the closing. Once the tender is published, "
        "bidders hold this date: publish nothing of it before the closing, and give the date kept "
        "in the next addendum."
    )
    assert found.message("fr").startswith(
        "Le plan de publication promet «\u00a0Les soumissions reçues et les soumissionnaires\u00a0» le "
        "5\u00a0avril\u00a02027, avant la clôture (16\u00a0avril\u00a02027)\u00a0: jusqu’à la clôture"
    )


@pytest.mark.parametrize(
    ("key", "day", "fires"),
    [
        ("bids_and_bidders", "2027-04-15", True),
        ("bids_and_bidders", "2027-04-16", False),  # on the closing day: the opening's day
        ("winner", "2027-04-01", True),
        ("contract", "2027-04-17", False),
        ("tender", "2027-03-01", False),  # published before the closing, as it must be
        ("risk_analyses", "2027-03-01", False),
    ],
)
def test_which_plan_dates_must_follow_the_closing(key, day, fires):
    project = load_example("training")
    _row(project, key).planned_date = day
    assert [f.field for f in _before(project)] == (
        [f"publication_items:{_row(project, key).id}.planned_date"] if fires else []
    )


def test_an_unplanned_row_or_no_closing_says_nothing():
    project = load_example("training")
    _row(project).planned_date = "2027-04-05"
    _row(project).planned = False
    assert _before(project) == []
    _row(project).planned = True
    project.info.closing_date = ""
    assert _before(project) == []
