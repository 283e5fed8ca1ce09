"""Fix s10 (2026-12-07): the tender's "Award and signature of the Contract" asked the
successful bidder for "its certificates of insurance" even when the tender requires no
insurance (its clause "Insurance" removed, or no amount above 0). The sentence now
follows the one decision the notice of award reads (``library.requires_insurance``),
read here from the exported DOCX."""

from __future__ import annotations

import io
from dataclasses import replace
from decimal import Decimal

import pytest
from docx import Document

from wizard.core.clauses.library import requires_insurance
from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.documents.tender import tender_document
from wizard.core.examples import load_example
from wizard.core.model import ClauseChoice

HEADING = {"en": "Award and signature of the Contract", "fr": "Adjudication et signature du Contrat"}
WITH = {
    "en": "the proofs the Contract requires before it starts, such as its certificates of insurance.",
    "fr": "les preuves que le Contrat exige avant son début, comme ses attestations d’assurance.",
}
WITHOUT = {
    "en": "the proofs the Contract requires before it starts.",
    "fr": "les preuves que le Contrat exige avant son début.",
}


def _section(project, lang: str) -> list[str]:
    """The paragraphs of the tender's award section, as Word reads the DOCX."""
    doc = Document(io.BytesIO(docx_bytes(tender_document(project, lang))))
    heads = [p.style is not None and p.style.name.startswith("Heading") for p in doc.paragraphs]
    texts = [p.text for p in doc.paragraphs]
    start = next(n for n, t in enumerate(texts) if heads[n] and t.endswith(HEADING[lang])) + 1
    end = next(n for n in range(start, len(texts)) if heads[n])
    return texts[start:end]


def _removed(project):
    project.clause_choices = [
        *project.clause_choices,
        ClauseChoice(id=999, clause_id="insurance", included=False),
    ]
    return project


def _no_amount(project):
    project.statement_of_work = replace(
        project.statement_of_work,
        insurance_general_cad=Decimal(0),
        insurance_professional_cad=Decimal(0),
        insurance_cyber_cad=Decimal(0),
    )
    return project


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("change", [_removed, _no_amount])
def test_a_tender_requiring_no_insurance_asks_for_no_certificate(lang, change):
    project = change(load_example("training"))
    assert not requires_insurance(project, lang)
    section = _section(project, lang)
    assert WITHOUT[lang] in section
    assert not [line for line in section if "insurance" in line or "assurance" in line]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_clean_twin_a_tender_requiring_insurance_asks_for_its_certificates(lang):
    project = load_example("training")  # the library's clause, three amounts
    assert requires_insurance(project, lang)
    section = _section(project, lang)
    assert WITH[lang] in section and WITHOUT[lang] not in section


def test_one_amount_or_the_towns_own_clause_still_asks_for_certificates():
    project = load_example("training")
    project.statement_of_work = replace(
        project.statement_of_work, insurance_professional_cad=Decimal(0), insurance_cyber_cad=Decimal(0)
    )
    assert WITH["en"] in _section(project, "en")
    project = _no_amount(load_example("training"))
    own = "The Contractor carries the insurance the Town names in its purchase order."
    project.clause_choices = [
        *project.clause_choices,
        ClauseChoice(id=999, clause_id="insurance", custom_en=own),
    ]
    assert WITH["en"] in _section(project, "en")  # the town's own text, read as requiring some
    assert WITHOUT["fr"] in _section(project, "fr")  # the French clause is the library's, no amount
