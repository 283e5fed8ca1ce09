"""Findings on addenda (docs/publishing.md): an unanswered question when the last day
for an addendum has come (R039), requirements changed late, a closing moved earlier
(R003). Each has a project that triggers it and one that does not."""

from __future__ import annotations

import pytest

from wizard.core.checks.addenda import check_addenda
from wizard.core.examples import load_example
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read


@pytest.fixture
def pf(tmp_path):
    """The training example (closing 2027-04-02, last addendum 7 days before), published."""
    project = load_example("training")
    project.info.closing_date = "2027-04-02"  # as first published (the example's addendum moved it)
    with ProjectFile.create(tmp_path / "t.tender", project) as f:
        publish(f, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
        yield f


def _codes(pf, today):
    return [(f.code, f.severity.value, f.field) for f in check_addenda(pf.project, read(pf), today)]


def test_nothing_before_publication(tmp_path):
    with ProjectFile.create(tmp_path / "n.tender", load_example("training")) as f:
        assert check_addenda(f.project, read(f), "2027-04-01") == []


def test_an_unanswered_question_when_the_last_day_for_an_addendum_has_come(pf):
    draft = addenda.new_draft(pf)
    addenda.add_question(pf, addendum_id=draft.id, question_fr="Q?", question_en="Q?")
    assert _codes(pf, "2027-03-25") == []  # 8 days before closing: still time
    found = check_addenda(pf.project, read(pf), "2027-03-26")
    assert [(f.code, f.severity.value, f.field) for f in found] == [
        ("PR-ADDENDUM-UNANSWERED", "warning", "info.questions_deadline")
    ]
    assert "R039" in found[0].message("en") and "1 question" in found[0].message("fr")
    (question,) = read(pf).draft.questions
    addenda.set_question(pf, question_id=question.id, answer_fr="Oui.", answer_en="Yes.")
    assert _codes(pf, "2027-03-26") == []


def test_requirements_changed_late_even_with_the_closing_extended(pf):
    draft = addenda.new_draft(pf)
    criterion = pf.project.criteria[0]
    addenda.add_change(
        pf, addendum_id=draft.id, field=f"criteria:{criterion.id}.text", new_fr="Nouveau.", new_en="New."
    )
    addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-30")
    assert _codes(pf, "2027-03-30") == [("PR-ADDENDUM-LATE", "warning", "info.closing_date")]


def test_requirements_changed_in_time_say_nothing(pf):
    draft = addenda.new_draft(pf)
    criterion = pf.project.criteria[0]
    addenda.add_change(
        pf, addendum_id=draft.id, field=f"criteria:{criterion.id}.text", new_fr="Nouveau.", new_en="New."
    )
    addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    assert _codes(pf, "2027-03-10") == []


@pytest.mark.parametrize(
    ("closing", "severity"),
    [("2027-03-29", "warning"), ("2027-03-12", "error")],
    ids=["earlier", "too-short"],
)
def test_a_closing_moved_earlier_is_red_flag_r003(pf, closing, severity):
    draft = addenda.new_draft(pf)
    addenda.add_change(pf, addendum_id=draft.id, field="info.closing_date", new_fr=closing)
    addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-03")
    found = check_addenda(pf.project, read(pf), "2027-03-03")
    assert [(f.code, f.severity.value) for f in found] == [("PR-ADDENDUM-SHORTENED", severity)]
    assert "R003" in found[0].message("en") and "2027-04-02" in found[0].message("en")


def test_a_closing_moved_later_says_nothing(pf):
    draft = addenda.new_draft(pf)
    addenda.add_change(pf, addendum_id=draft.id, field="info.closing_date", new_fr="2027-04-16")
    addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-03")
    assert _codes(pf, "2027-03-03") == []


def test_run_checks_check_and_the_decision_record_list_the_addenda_findings(
    pf, tmp_path, capsys, monkeypatch
):
    """PR-ADDENDUM-* are findings like the others once published: ``run_checks`` with the
    record (the app's findings panel passes it), ``check`` and the decision record."""
    from wizard import cli
    from wizard.core.checks import run_checks
    from wizard.core.documents.record import record_blocks
    from wizard.core.export import output_files
    from wizard.core.textclean import clean_project

    draft = addenda.new_draft(pf)
    addenda.add_change(pf, addendum_id=draft.id, field="info.closing_date", new_fr="2027-03-12")
    addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-03")
    record = read(pf)
    assert "PR-ADDENDUM-SHORTENED" not in [f.code for f in run_checks(pf.project)]
    found = [
        f
        for f in run_checks(pf.project, publication=record, today="2027-03-03")
        if f.code.startswith("PR-ADDENDUM")
    ]
    assert [(f.code, f.severity.value, f.field) for f in found] == [
        ("PR-ADDENDUM-SHORTENED", "error", "info.closing_date")
    ]
    assert (
        found[0]
        .message("en")
        .startswith("Addendum 1 moved the closing earlier, from 2027-04-02 to 2027-03-12")
    )

    pf.close()
    capsys.readouterr()
    monkeypatch.setattr("wizard.cli.commands._today", lambda: "2027-03-03")
    assert cli.main(["check", str(pf.path), "--lang", "en"]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if "PR-ADDENDUM" in line]
    assert [line.split()[:3] for line in lines] == [["ERROR", "PR-ADDENDUM-SHORTENED", "info.closing_date:"]]

    with ProjectFile.open(pf.path) as again:
        project, record = clean_project(again.project), read(again)
    for lang, expected in (
        ("en", "Addendum 1 moved the closing earlier, from 2027-04-02 to 2027-03-12"),
        ("fr", "L’addenda 1 a avancé la clôture du 2027-04-02 au 2027-03-12"),
    ):
        with_record = _texts(record_blocks(project, lang, publication=record))
        assert expected in with_record
        assert expected not in _texts(record_blocks(project, lang))
    files = output_files(project, "en", record=record)
    assert files["decision-record-en.docx"] != output_files(project, "en")["decision-record-en.docx"]


def _texts(blocks) -> str:
    from wizard.core.documents.blocks import Paragraph, Table

    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [str(cell) for row in block.rows for cell in row]
    return "\n".join(out)
