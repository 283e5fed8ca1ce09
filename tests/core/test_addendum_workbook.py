"""An addendum that changes the price form replaces the price workbook (issue 21):
a new version, named by the addendum, written by the export, while the published
workbooks stay as published."""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal

import docx
import openpyxl
import pytest

from wizard.core.checks import run_checks
from wizard.core.documents.addendum import addendum_document
from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.examples import load_example
from wizard.core.export import output_files
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import document_bytes, read, workbook_in_force, workbook_version


@pytest.fixture
def pf(tmp_path):
    """The training example published on 2027-03-01 (closing 2027-04-02), with its
    price workbooks kept as published."""
    project = load_example("training")
    project.info.closing_date = "2027-04-02"
    with ProjectFile.create(tmp_path / "t.tender", project) as f:
        publish(f, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
        yield f


def _add_licences(pf) -> None:
    """The cost study (editable after publication) gains one-time licences: the price form
    gains the line "Licences acquired once" (``one_off.licences``)."""
    option = pf.project.tco_options[0].id
    pf.add_row("cost_lines", option_id=option, category="licences", label="Licences", amount=Decimal(1000))


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


def _version(workbook: bytes) -> str:
    return str(openpyxl.load_workbook(io.BytesIO(workbook)).properties.version)


def test_an_addendum_replaces_the_price_workbook_with_a_new_version(pf):
    published = {d.name: d.sha256 for d in read(pf).documents if d.kind == "price_form"}
    assert sorted(published) == ["price-form-en.xlsx", "price-form-fr.xlsx"]
    before = workbook_in_force(read(pf))
    assert before == workbook_version(pf.project) and before.startswith("PF1-")
    assert "PR-ADDENDUM-PRICE-FORM" not in [f.code for f in run_checks(pf.project, publication=read(pf))]

    _add_licences(pf)
    after = workbook_version(pf.project)
    assert after != before
    (found,) = [f for f in run_checks(pf.project, publication=read(pf)) if f.code == "PR-ADDENDUM-PRICE-FORM"]
    assert (found.field, found.param("before"), found.param("after")) == ("cost_lines", before, after)

    draft = addenda.new_draft(pf)
    plan = addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    assert plan.problems == ()  # the workbook replaced is content enough
    assert (plan.workbook_before, plan.workbook_after, plan.replaces_workbook) == (before, after, True)
    issued = addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    (change,) = issued.changes
    assert (change.kind, change.field, change.old_fr, change.new_fr) == (
        "price_form",
        "price_form.version",
        before,
        after,
    )
    record = read(pf)
    assert workbook_in_force(record) == after
    assert "PR-ADDENDUM-PRICE-FORM" not in [f.code for f in run_checks(pf.project, publication=record)]

    en = _docx_text(docx_bytes(addendum_document(pf.project, read(pf), issued, "en")))
    assert f"Price workbook (version) | {before} | {after}" in en
    assert (
        f"The price workbook is replaced: version {before} no longer applies. Bidders fill in the new "
        f"workbook, the file price-form-en.xlsx, version {after}, supplied with this addendum"
    ) in en
    fr = _docx_text(docx_bytes(addendum_document(pf.project, read(pf), issued, "fr")))
    assert f"Classeur du bordereau de prix (version) | {before} | {after}" in fr
    assert f"le fichier price-form-fr.xlsx, version {after}, fourni avec le présent addenda" in fr

    files = output_files(pf.project, record=record)
    assert _version(files["price-form-fr.xlsx"]) == _version(files["price-form-en.xlsx"]) == after
    for document in record.documents:
        if document.kind == "price_form":  # the published workbooks, untouched
            content = document_bytes(pf, document.id)
            assert hashlib.sha256(content).hexdigest() == published[document.name]
            assert _version(content) == before


def test_an_addendum_that_leaves_the_price_form_keeps_its_version(pf):
    draft = addenda.new_draft(pf)
    plan = addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    assert not plan.replaces_workbook
    assert plan.problems[0][0].startswith("This addendum is empty")
    addenda.add_change(pf, addendum_id=draft.id, field="info.closing_date", new_fr="2027-04-16")
    issued = addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    assert [c.kind for c in issued.changes] == ["date", "plan"]  # the bids row followed
    assert workbook_in_force(read(pf)) == workbook_version(pf.project)


def test_the_replaced_workbook_is_said_by_the_command_line_and_kept_in_the_json(pf, capsys):
    from wizard import cli
    from wizard.core.publishing import jsonform

    before = workbook_in_force(read(pf))
    _add_licences(pf)
    after = workbook_version(pf.project)
    path = pf.path
    pf.close()
    args = ["addendum", str(path), "question", "--question", "Licences ?", "--question-en", "Licences?"]
    assert cli.main([*args, "--answer", "Oui.", "--answer-en", "Yes."]) == 0
    capsys.readouterr()
    assert cli.main(["addendum", str(path), "issue", "--date", "2027-03-10"]) == 0
    err = capsys.readouterr().err
    assert f"bidders fill version {after}" in err and f"la version {before} ne s’applique plus" in err
    with ProjectFile.open(path) as again:
        rows = jsonform.table_rows(jsonform.to_json(again))["addendum_changes"]
    assert [(r["kind"], r["old_fr"], r["new_fr"]) for r in rows] == [("price_form", before, after)]


def test_the_version_in_force_is_the_one_the_published_workbook_states(pf, monkeypatch):
    """A later version of the app could lay out the same project otherwise: the version
    bidders fill is read from the published workbook itself."""
    from wizard.core.publishing import record as record_module

    record = read(pf)
    (workbook,) = [d for d in record.documents if d.kind == "price_form" and d.lang == "fr"]
    stated = record_module.stated_version(document_bytes(pf, workbook.id))
    assert stated == record.published_workbook == workbook_version(pf.project)
    monkeypatch.setattr(record_module, "workbook_version", lambda project: "PF1-0000000000")
    assert workbook_in_force(read(pf)) == stated  # not recomputed from the baseline model
    assert record_module.stated_version(b"not a workbook") == ""
