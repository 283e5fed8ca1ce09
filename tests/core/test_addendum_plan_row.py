"""An addendum that moves the closing lists the publication plan's row it moved with it
(follow-up of the walk 2026-12-07 item 1): issuing moved "Bids received and the
bidders" along with the closing, but the addendum listed the closing only, so bidders
read the row's new date only in the amended tender. The row is now a change of the
addendum, before and now, in each language; its clean twins: a row left before the
closing (not moved) and an addendum that does not move the closing list nothing more."""

from __future__ import annotations

from test_plan_after_closing import _issue_closing, _row

from wizard.core.documents.addendum import addendum_document
from wizard.core.documents.blocks import Table
from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read


def _changes(f, lang):
    (addendum,) = read(f).issued
    (table,) = [
        b
        for b in addendum_document(f.project, read(f), addendum, lang).blocks
        if isinstance(b, Table) and b.header
    ]
    return table.rows


def test_a_closing_moved_later_lists_the_bids_row_moved(tmp_path):
    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-26", "2027-02-05") as f:
        assert _changes(f, "en") == [
            ["Closing date", "February 19, 2027", "February 26, 2027"],
            ["Publication plan: Bids received and the bidders", "February 22, 2027", "March 1, 2027"],
        ]
        assert _changes(f, "fr")[1] == [
            "Plan de publication\u00a0: Les soumissions reçues et les soumissionnaires",
            "22\u00a0février\u00a02027",
            "1er\u00a0mars\u00a02027",
        ]


def test_a_closing_moved_earlier_lists_the_row_moved_earlier(tmp_path):
    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-17", "2027-02-05") as f:
        assert _changes(f, "en")[1] == [
            "Publication plan: Bids received and the bidders",
            "February 22, 2027",
            "February 20, 2027",
        ]


def test_the_quebec_opening_row_is_listed_with_the_closing(tmp_path):
    with _issue_closing(tmp_path, "emergency-perimeter", "2027-02-01", "2027-03-15", "2027-02-12") as f:
        assert _changes(f, "en")[1] == [
            "Publication plan: Bids received and the bidders",
            "March 8, 2027",
            "March 15, 2027",
        ]


def test_the_clean_twin_a_row_left_before_the_closing_is_not_listed(tmp_path):
    def early(project):
        _row(project).planned_date = "2027-02-15"

    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-26", "2027-02-05", early) as f:
        assert _row(f.project).planned_date == "2027-02-15"  # not moved: V-PLAN-BEFORE-CLOSING says it
        assert _changes(f, "en") == [["Closing date", "February 19, 2027", "February 26, 2027"]]


def test_the_clean_twin_an_addendum_that_keeps_the_closing(tmp_path):
    f = ProjectFile.create(tmp_path / "kept.tender", load_example("office-suite"))
    with f:
        publish(f, published_on="2027-01-18", moment="2027-01-18T14:00:00+00:00")
        addenda.add_change(f, field="info.contract_start", new_fr="2027-05-03")
        addenda.issue(f, addendum_id=read(f).draft.id, issued_on="2027-02-05")
        assert [row[0] for row in _changes(f, "en")] == ["Contract start"]
