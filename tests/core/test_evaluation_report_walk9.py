"""Walk 2026-12-07, defect 2: the evaluation report says what the record supports —
what the members really scored on their sheets — and every threshold that applies."""

from __future__ import annotations

import io

import pytest
from docx import Document
from quebec_bids_sample import quebec_project
from quebec_bids_sample import record_bid as quebec_bid

from wizard.core.bids.record import read
from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.documents.evaluation_report import report_document
from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows


@pytest.fixture
def pf(tmp_path):
    """The Québec sample with the training example's optional criteria kept."""
    project, publishing = quebec_project()
    project.criteria = load_example_with_publishing("training")[0].criteria
    with ProjectFile.create(
        tmp_path / "qc.tender", project, origin="example", tables=table_rows(publishing)
    ) as f:
        yield f


def _text(document) -> str:
    doc = Document(io.BytesIO(docx_bytes(document)))
    return "\n".join(p.text for p in doc.paragraphs)


def test_the_report_says_what_the_sheets_hold_and_every_threshold(pf):
    """Defect 2: no member scored the optional criteria on a sheet: the report no longer
    says each member scored each bid; the optional criteria's threshold is stated beside
    the interim score's."""
    quebec_bid(pf, "A")
    record = read(pf)
    fr = _text(report_document(pf.project, record, "fr"))
    en = _text(report_document(pf.project, record, "en"))
    assert "3 members of the selection committee scored the items of the quality grid on independent" in en
    assert "No member scored the optional criteria on a sheet" in en
    assert "ont évalué les critères de la grille de pondération sur des grilles individuelles" in fr
    assert "chaque soumission sur des grilles" not in fr
    assert (
        "Threshold on the optional criteria: a bid must also obtain 70% of the optional points, 7 of 10" in en
    )
    assert "Seuil des critères facultatifs" in fr
    # the clean twin: the sample without optional criteria states no such threshold
    project = quebec_project()[0]
    assert "Threshold on the optional criteria" not in _text(report_document(project, record, "en"))


def test_the_report_lists_the_verifications_in_the_tenders_order(pf):
    """Defect 4: entered S-4 first, then S-3, the report listed S-4 first."""
    from wizard.core.bids import evaluation_entry

    bid_id = quebec_bid(pf, "A")
    for scenario in (4, 3, 5):
        evaluation_entry.set_verification(pf, bid_id, scenario, "confirmed", "Vu", "2027-04-20")
    doc = Document(io.BytesIO(docx_bytes(report_document(pf.project, read(pf), "en"))))
    (table,) = [t for t in doc.tables if t.rows[0].cells[0].text == "Scenario"]
    assert [row.cells[0].text.split()[0] for row in table.rows[1:]] == ["S-3", "S-4", "S-5"]
