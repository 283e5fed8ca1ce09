"""An issued addendum is a document already sent to bidders: exporting it again gives it
as issued, every value it states as that addendum left the tender (after addenda 1..n),
never as a later addendum left it (walk 2026-12-07, fix A3). Before, addendum 1 of the
office-suite printed the closing of addendum 2 (March 5) on its cover and the plan's
"Bids received and the bidders" moved by addendum 2 (March 1 → March 8) among its own
changes. The clean twins: a single addendum, a later addendum that leaves the closing,
and the draft, which states the project as it would be issued now."""

from __future__ import annotations

import pytest

from wizard.core.documents.addendum import addendum_document
from wizard.core.documents.blocks import Table
from wizard.core.documents.exported import addendum_documents
from wizard.core.examples import load_example
from wizard.core.opendata.amendments import published_package
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read
from wizard.core.textclean import clean_project

NBSP = "\u00a0"
PLAN_EN = "Publication plan: Bids received and the bidders"
PLAN_FR = f"Plan de publication{NBSP}: Les soumissions reçues et les soumissionnaires"


def _issue(f, issued_on, field="info.closing_date", new="", **texts):
    addenda.add_change(f, field=field, **(texts or {"new_fr": new}))
    return addenda.issue(f, addendum_id=read(f).draft.id, issued_on=issued_on)


@pytest.fixture
def two(tmp_path):
    """The reproduction: office-suite published January 20, addendum 1 moves the closing
    from February 19 to 26, addendum 2 to March 5."""
    with ProjectFile.create(tmp_path / "a.tender", load_example("office-suite")) as f:
        publish(f, published_on="2027-01-20", moment="2027-01-20T14:00:00+00:00")
        _issue(f, "2027-01-25", new="2027-02-26")
        _issue(f, "2027-02-01", new="2027-03-05")
        yield f


def _tables(document):
    """(the cover's closing, the changes' rows) of an addendum document."""
    tables = [b for b in document.blocks if isinstance(b, Table)]
    cover = dict(tuple(row) for row in tables[0].rows)
    changes = next((t.rows for t in tables if t.header), [])
    return cover, changes


def _exported(f):
    """The addenda as the export builds them (``main.py export``), in both languages."""
    docs = addendum_documents(clean_project(f.project), ["en", "fr"], read(f))
    return {name: _tables(doc) for name, doc in docs.items()}


def test_addendum_1_states_what_it_did_after_addendum_2(two):
    docs = _exported(two)
    cover, changes = docs["addendum-1-en.docx"]
    assert (cover["Date of issue"], cover["Closing date"]) == (
        "January 25, 2027",
        f"February 26, 2027, 2:00{NBSP}p.m. Atlantic Time",
    )
    assert changes == [
        ["Closing date", "February 19, 2027", "February 26, 2027"],
        [PLAN_EN, "February 22, 2027", "March 1, 2027"],
    ]
    cover, changes = docs["addendum-1-fr.docx"]
    assert cover["Date de clôture"].startswith(f"26{NBSP}février{NBSP}2027")
    assert changes == [
        ["Date de clôture", f"19{NBSP}février{NBSP}2027", f"26{NBSP}février{NBSP}2027"],
        [PLAN_FR, f"22{NBSP}février{NBSP}2027", f"1er{NBSP}mars{NBSP}2027"],
    ]


def test_addendum_2_states_the_closing_in_force(two):
    docs = _exported(two)
    cover, changes = docs["addendum-2-en.docx"]
    assert (cover["Date of issue"], cover["Closing date"]) == (
        "February 1, 2027",
        f"March 5, 2027, 2:00{NBSP}p.m. Atlantic Time",
    )
    assert changes == [
        ["Closing date", "February 26, 2027", "March 5, 2027"],
        [PLAN_EN, "March 1, 2027", "March 8, 2027"],
    ]
    cover, changes = docs["addendum-2-fr.docx"]
    assert cover["Date de clôture"].startswith(f"5{NBSP}mars{NBSP}2027")
    assert changes == [
        ["Date de clôture", f"26{NBSP}février{NBSP}2027", f"5{NBSP}mars{NBSP}2027"],
        [PLAN_FR, f"1er{NBSP}mars{NBSP}2027", f"8{NBSP}mars{NBSP}2027"],
    ]


def test_as_issued_takes_back_the_later_addenda(two):
    record = read(two)
    dates = {
        n: (
            p.info.closing_date,
            next(i for i in p.publication_items if i.key == "bids_and_bidders").planned_date,
        )
        for n in (0, 1, 2)
        for p in [addenda.as_issued(two.project, record, n)]
    }
    assert dates == {
        0: ("2027-02-19", "2027-02-22"),
        1: ("2027-02-26", "2027-03-01"),
        2: ("2027-03-05", "2027-03-08"),
    }
    assert addenda.as_issued(two.project, record, 2) is two.project  # nothing later: as it is
    assert two.project.info.closing_date == "2027-03-05"  # the project is left as it is


def test_the_tender_update_releases_state_their_own_closing(two):
    """The OCDS releases were already right (each kept as issued): the release of
    addendum 1 states the closing of February 26, that of addendum 2 March 5."""
    package = published_package(clean_project(two.project), read(two))
    ends = [(r["tag"], r["tender"]["tenderPeriod"]["endDate"]) for r in package["releases"]]
    assert ends == [
        (["tender"], "2027-02-19T14:00:00-04:00"),
        (["tenderUpdate"], "2027-02-26T14:00:00-04:00"),
        (["tenderUpdate"], "2027-03-05T14:00:00-04:00"),
    ]
    closing = [m["dueDate"] for m in package["releases"][1]["tender"]["milestones"] if m["id"] == "closing"]
    assert closing == ["2027-02-26T14:00:00-04:00"]
    assert [a["rationale"] for a in package["releases"][2]["tender"]["amendments"]] == [
        "Addendum 1",
        "Addendum 2",
    ]


def test_the_clean_twin_a_later_addendum_that_keeps_the_closing(tmp_path):
    with ProjectFile.create(tmp_path / "k.tender", load_example("office-suite")) as f:
        publish(f, published_on="2027-01-20", moment="2027-01-20T14:00:00+00:00")
        _issue(f, "2027-01-25", new="2027-02-26")
        _issue(f, "2027-02-01", field="info.contract_start", new="2027-05-03")
        cover, changes = _exported(f)["addendum-1-en.docx"]
        assert cover["Closing date"] == f"February 26, 2027, 2:00{NBSP}p.m. Atlantic Time"
        assert changes[1] == [PLAN_EN, "February 22, 2027", "March 1, 2027"]
        cover, changes = _exported(f)["addendum-2-en.docx"]
        assert cover["Closing date"] == f"February 26, 2027, 2:00{NBSP}p.m. Atlantic Time"
        assert changes == [["Contract start", "April 5, 2027", "May 3, 2027"]]


def test_a_clause_changed_by_addendum_1_prints_its_own_closing(tmp_path):
    """A clause's variables are filled from the project as the addendum left it."""
    with ProjectFile.create(tmp_path / "c.tender", load_example("office-suite")) as f:
        publish(f, published_on="2027-01-20", moment="2027-01-20T14:00:00+00:00")
        body = {"new_en": "Bids close on {{ closing_date }}.", "new_fr": "Clôture le {{ closing_date }}."}
        _issue(f, "2027-01-25", field="clauses:data-ownership", **body)
        _issue(f, "2027-02-01", new="2027-03-05")
        (_name, _before, now) = _exported(f)["addendum-1-en.docx"][1][0]
        assert now == "Bids close on February 19, 2027."
        (_name, _before, now) = _exported(f)["addendum-2-en.docx"][1][0]
        assert now == "March 5, 2027"


def test_the_draft_states_the_project_now(two):
    """The draft addendum is the addendum as it would be issued now."""
    addenda.add_question(
        two, received_on="2027-02-02", question_fr="Q ?", question_en="Q?", answer_fr="R.", answer_en="A."
    )
    record = read(two)
    cover, _changes = _tables(addendum_document(two.project, record, record.draft, "en"))
    assert cover["Closing date"] == f"March 5, 2027, 2:00{NBSP}p.m. Atlantic Time"
