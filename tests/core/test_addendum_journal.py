"""A draft addendum's edits are journalled (issue 21 item 4): undo and redo take back a
question added, changed or removed, a change, a discarded draft; the History lists
them; issuing closes them to undo."""

from __future__ import annotations

import pytest

from wizard.core.examples import load_example
from wizard.core.project_file import undo
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read


@pytest.fixture
def pf(tmp_path):
    project = load_example("training")
    project.info.closing_date = "2027-04-02"
    with ProjectFile.create(tmp_path / "t.tender", project) as f:
        publish(f, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
        yield f


def _questions(pf):
    draft = read(pf).draft
    return [(q.question_fr, q.answer_fr, q.answer_en) for q in draft.questions] if draft else None


def test_undo_and_redo_take_back_a_drafts_questions(pf):
    with pf.action():  # as ctx.do runs an operation: one user action
        qid = addenda.add_question(pf, question_fr="Q ?", question_en="Q?")
    assert _questions(pf) == [("Q ?", "", "")]
    with pf.action():
        addenda.set_question(pf, question_id=qid, answer_fr="Oui.", answer_en="Yes.")
    assert _questions(pf) == [("Q ?", "Oui.", "Yes.")]
    history = pf.history(5)
    assert history[0]["field"] == f"addendum_questions:{qid}"
    assert '"answer_en": "Yes."' in history[0]["new"] and '"answer_en": ""' in history[0]["old"]

    undo.undo(pf)
    assert _questions(pf) == [("Q ?", "", "")]
    undo.undo(pf)  # the question and the draft it started: one action
    assert read(pf).draft is None and read(pf).addenda == ()
    undo.redo(pf)
    assert _questions(pf) == [("Q ?", "", "")]
    undo.redo(pf)
    assert _questions(pf) == [("Q ?", "Oui.", "Yes.")]

    with pf.action():
        addenda.remove(pf, table="addendum_questions", row_id=qid)
    assert _questions(pf) == []
    undo.undo(pf)
    assert _questions(pf) == [("Q ?", "Oui.", "Yes.")]


def test_undo_puts_back_a_discarded_draft_and_stops_at_its_issue(pf):
    with pf.action():
        addenda.add_question(pf, question_fr="Q ?", question_en="Q?", answer_fr="R.", answer_en="A.")
    with pf.action():
        addenda.add_change(pf, field="info.closing_date", new_fr="2027-04-16")
    draft = read(pf).draft
    with pf.action():
        addenda.discard(pf, addendum_id=draft.id)
    assert read(pf).addenda == ()
    undo.undo(pf)
    again = read(pf).draft
    assert (again.id, len(again.questions), [c.new_fr for c in again.changes]) == (
        draft.id,
        1,
        ["2027-04-16"],
    )

    addenda.issue(pf, addendum_id=again.id, issued_on="2027-03-10")
    assert pf.project.info.closing_date == "2027-04-16"
    with pytest.raises(undo.NothingToUndo):
        undo.undo(pf)  # the issue is published: undo never takes it back
    assert read(pf).issued[0].number == 1
