"""An addendum that moves the closing lists the publication plan's row it moved with it
(follow-up of the walk 2026-12-07 item 1): issuing moved "Bids received and the
bidders" along with the closing, but the addendum listed the closing only, so bidders
read the row's new date only in the amended tender. The row is now a change of the
addendum, before and now, in each language; its clean twins: a row left before the
closing (not moved) and an addendum that does not move the closing list nothing more.

Reviewer's report 2026-12-07 defect 1: the row was worked out by running
``moved_with_closing`` backwards, so a file issued before the row moved (A) and a row
left before a closing moved earlier (B) listed a move that never happened. Issuing now
stores the move as a ``plan`` change; the addendum, ``addenda.csv``, ``addendum show``
and ``undone`` read only what is stored."""

from __future__ import annotations

import pytest
from test_plan_after_closing import _issue_closing, _row

from wizard.core.documents.addendum import addendum_document
from wizard.core.documents.blocks import Table
from wizard.core.examples import load_example
from wizard.core.opendata.amendments import addenda_rows
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import plan_field, read


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
            ["Closing date", "February\u00a019, 2027", "February\u00a026, 2027"],
            [
                "Publication plan: Bids received and the bidders",
                "February\u00a022, 2027",
                "March\u00a01, 2027",
            ],
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
            "February\u00a022, 2027",
            "February\u00a020, 2027",
        ]


def test_the_quebec_opening_row_is_listed_with_the_closing(tmp_path):
    with _issue_closing(tmp_path, "emergency-perimeter", "2027-02-01", "2027-03-15", "2027-02-12") as f:
        assert _changes(f, "en")[1] == [
            "Publication plan: Bids received and the bidders",
            "March\u00a08, 2027",
            "March\u00a015, 2027",
        ]


def test_the_clean_twin_a_row_left_before_the_closing_is_not_listed(tmp_path):
    def early(project):
        _row(project).planned_date = "2027-02-15"

    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-26", "2027-02-05", early) as f:
        assert _row(f.project).planned_date == "2027-02-15"  # not moved: V-PLAN-BEFORE-CLOSING says it
        assert _changes(f, "en") == [["Closing date", "February\u00a019, 2027", "February\u00a026, 2027"]]


def test_the_clean_twin_an_addendum_that_keeps_the_closing(tmp_path):
    f = ProjectFile.create(tmp_path / "kept.tender", load_example("office-suite"))
    with f:
        publish(f, published_on="2027-01-18", moment="2027-01-18T14:00:00+00:00")
        addenda.add_change(f, field="info.contract_start", new_fr="2027-05-03")
        addenda.issue(f, addendum_id=read(f).draft.id, issued_on="2027-02-05")
        assert [row[0] for row in _changes(f, "en")] == ["Contract start"]


PLAN = {
    "en": "Publication plan: Bids received and the bidders",
    "fr": "Plan de publication\u00a0: Les soumissions reçues et les soumissionnaires",
}
CLOSING = {"en": "Closing date", "fr": "Date de clôture"}


def _shown(f, capsys, lang):
    from wizard.cli import main

    f.close()
    capsys.readouterr()
    assert main(["addendum", str(f.path), "show", "1", "--lang", lang]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if "→" in line]


def test_the_move_is_stored_as_a_change_of_the_addendum(tmp_path, capsys):
    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-26", "2027-02-05") as f:
        row = _row(f.project)
        (addendum,) = read(f).issued
        assert [(c.kind, c.field, c.old_fr, c.new_fr) for c in addendum.changes] == [
            ("date", "info.closing_date", "2027-02-19", "2027-02-26"),
            ("plan", plan_field(row.id), "2027-02-22", "2027-03-01"),
        ]
        assert f"publication_items:{row.id}.planned_date" == plan_field(row.id)
        assert addenda_rows(read(f), "en")[1:] == [
            ["1", "2027-02-05", "info.closing_date", "2027-02-19", "2027-02-26"],
            ["1", "2027-02-05", plan_field(row.id), "2027-02-22", "2027-03-01"],
        ]
        assert _row(addenda.undone(f.project, addendum.changes)).planned_date == "2027-02-22"
        assert _row(f.project).planned_date == "2027-03-01"
    assert _shown(f, capsys, "en")[1] == f"Change to {plan_field(row.id)}: 2027-02-22 → 2027-03-01"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_file_issued_before_the_row_moved_lists_no_row(tmp_path, capsys, monkeypatch, lang):
    """Reproduction A: an addendum issued by a version that did not move the row (the
    closing February 19 → 21, the row February 22 all along) stores no ``plan`` change:
    nothing is listed for the row, nothing is undone (it printed "February 20 → 22")."""
    monkeypatch.setattr(addenda, "MOVE_PLAN_ROWS", False)
    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-21", "2027-01-25") as f:
        (addendum,) = read(f).issued
        assert [c.kind for c in addendum.changes] == ["date"]
        assert _row(f.project).planned_date == "2027-02-22"
        assert [row[0] for row in _changes(f, lang)] == [CLOSING[lang]]
        assert PLAN[lang] not in str(_changes(f, lang))
        assert _row(addenda.undone(f.project, addendum.changes)).planned_date == "2027-02-22"
        assert [row[2] for row in addenda_rows(read(f), lang)[1:]] == ["info.closing_date"]
    assert len(_shown(f, capsys, lang)) == 1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_row_left_before_a_closing_moved_earlier_lists_no_row(tmp_path, capsys, lang):
    """Reproduction B: the row at February 15, the closing moved from February 19 to
    12: the row stays February 15 (it printed "February 22 → February 15")."""

    def early(project):
        _row(project).planned_date = "2027-02-15"

    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-12", "2027-01-20", early) as f:
        (addendum,) = read(f).issued
        assert [c.kind for c in addendum.changes] == ["date"]
        assert _row(f.project).planned_date == "2027-02-15"
        assert [row[0] for row in _changes(f, lang)] == [CLOSING[lang]]
        assert _row(addenda.undone(f.project, addendum.changes)).planned_date == "2027-02-15"
    assert len(_shown(f, capsys, lang)) == 1


def test_the_clean_twin_a_row_after_a_closing_moved_earlier_is_listed(tmp_path):
    """B's twin: the row at February 22, after the closing, moves with it to 15."""
    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-12", "2027-01-20") as f:
        assert _changes(f, "fr")[1] == [PLAN["fr"], "22\u00a0février\u00a02027", "15\u00a0février\u00a02027"]


def test_the_stored_move_survives_the_records_json(tmp_path):
    from wizard.core.publishing import jsonform

    with _issue_closing(tmp_path, "office-suite", "2027-01-18", "2027-02-26", "2027-02-05") as f:
        rows = jsonform.table_rows(jsonform.to_json(f))["addendum_changes"]
        assert [(r["kind"], r["old_en"], r["new_en"]) for r in rows] == [
            ("date", "2027-02-19", "2027-02-26"),
            ("plan", "2027-02-22", "2027-03-01"),
        ]
