"""An addendum changes a clause of the tender (issue 21 item 2): the clause's new body
in each tender language, checked as the clauses page checks it, applied when issued;
the addendum names the clause as the tender numbers it and prints both versions."""

from __future__ import annotations

import io

import docx
import pytest

from wizard.core.clauses import library
from wizard.core.documents.addendum import addendum_document
from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.domain.numbering import clause_label
from wizard.core.examples import load_example
from wizard.core.export import tender_bytes
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import PublishingError, addenda, jsonform
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read


@pytest.fixture
def pf(tmp_path):
    project = load_example("training")
    project.info.closing_date = "2027-04-02"
    with ProjectFile.create(tmp_path / "t.tender", project) as f:
        publish(f, published_on="2027-03-01", moment="2027-03-01T14:00:00+00:00")
        yield f


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


FR = "Les données de la Ville lui appartiennent; l’Adjudicataire les lui remet sur demande, sans frais, dans un format ouvert."
EN = "The Town's data belongs to it; the Contractor hands it over on request, at no additional cost, in an open format."


def test_an_addendum_changes_a_clause_in_both_languages(pf):
    field = "clauses:data-ownership"
    names = dict(addenda.changeable_texts(pf.project, "en"))
    label = clause_label(pf.project, "data-ownership", "en")
    assert names[field] == f"Clause {label}"
    before = addenda.current_text(pf.project, field, "en")
    assert before == library.clause("data-ownership").bodies["en"]

    with pytest.raises(PublishingError, match="cannot be printed"):
        addenda.add_change(pf, field=field, new_fr=FR, new_en="{{ no_such_variable }}")
    with pytest.raises(PublishingError, match="missing in a tender language"):
        addenda.add_change(pf, field=field, new_fr=FR, new_en="")
    addenda.add_change(pf, field=field, new_fr=FR, new_en=EN)
    draft = read(pf).draft
    issued = addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    (change,) = issued.changes
    assert (change.kind, change.field, change.old_en, change.new_fr) == ("clause", field, before, FR)
    choice = library.choice_for(pf.project, "data-ownership")
    assert (choice.custom_fr, choice.custom_en) == (FR, EN)

    tender = _text(tender_bytes(pf.project, "en", ["fr", "en"]))
    assert EN in tender and "is the exclusive property of the Town." not in tender
    en = _text(docx_bytes(addendum_document(pf.project, read(pf), issued, "en")))
    assert f"Clause {label} | The data supplied by the Town" in en and EN in en
    fr = _text(docx_bytes(addendum_document(pf.project, read(pf), issued, "fr")))
    assert f"Clause {clause_label(pf.project, 'data-ownership', 'fr')} |" in fr and FR in fr

    data = jsonform.to_json(pf)  # the record's JSON keeps the clause change
    assert [c["kind"] for c in data["addenda"][0]["changes"]] == ["clause"]
    assert [r["kind"] for r in jsonform.table_rows(data)["addendum_changes"]] == ["clause"]


def test_text_changes_that_touch_the_price_form_replace_the_workbook(pf):
    """The price form drops the data extraction from section C while the tender makes the
    copy of the Town's data free (the data-ownership clause, criterion 14): an addendum
    that takes "at no additional cost" out of both lays out another form, so issuing it
    replaces the workbook (section C prices the extraction again)."""
    from wizard.core.domain.price_form import price_form
    from wizard.core.publishing.record import workbook_in_force, workbook_version

    before = workbook_in_force(read(pf))
    assert "exit.exit_documentation" in [line.key for line in price_form(pf.project).lines]
    addenda.add_change(
        pf,
        field="clauses:data-ownership",
        new_fr="Les données de la Ville lui appartiennent; l’Adjudicataire les lui remet à la fin du Contrat.",
        new_en="The Town's data belongs to it; the Contractor hands it over at the end of the Contract.",
    )
    draft = read(pf).draft
    assert not addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-03-10").replaces_workbook
    addenda.add_change(
        pf,
        field="criteria:14.text",
        new_fr="Les administrateurs de la Ville exportent tous les dossiers en CSV et en PDF.",
        new_en="The Town's administrators export all records in CSV and in PDF.",
    )
    plan = addenda.plan_issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    assert plan.replaces_workbook and plan.workbook_before == before
    issued = addenda.issue(pf, addendum_id=draft.id, issued_on="2027-03-10")
    assert [c.kind for c in issued.changes] == ["clause", "text", "price_form"]
    after = issued.changes[-1].new_fr
    assert after == plan.workbook_after == workbook_version(pf.project) != before
    assert "exit.exit_extraction" in [line.key for line in price_form(pf.project).lines]
