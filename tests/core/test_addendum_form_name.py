"""An addendum names the form that acknowledges it as the tender names it (walk of
2026-12-07, item 8): addendum-1-en said "Each bidder acknowledges it in its bid form."
while the tender's instructions say "in its form of offer (Form 1)". A defined form is
named one way in legal documents, in both languages."""

from __future__ import annotations

import io

import docx
import pytest

from wizard.core.documents.addendum import addendum_document
from wizard.core.documents.docx.writer import docx_bytes
from wizard.core.examples import load_example
from wizard.core.export import tender_bytes
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import addenda
from wizard.core.publishing.publish import publish
from wizard.core.publishing.record import read


def _text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.fixture
def issued(tmp_path):
    with ProjectFile.create(tmp_path / "o.tender", load_example("office-suite")) as f:
        publish(f, published_on="2027-02-01", moment="2027-02-01T14:00:00+00:00")
        addenda.add_question(
            f, question_fr="Faut-il un mât?", answer_fr="Non.", question_en="A mast?", answer_en="No."
        )
        yield f, addenda.issue(f, addendum_id=read(f).draft.id, issued_on="2027-02-10")


@pytest.mark.parametrize(
    ("lang", "name", "other"),
    [
        ("en", "its form of offer (Form 1)", "bid form"),
        ("fr", "son formulaire de soumission (formulaire 1)", "formulaire d’offre"),
    ],
)
def test_the_addendum_names_the_form_of_offer_as_the_tender_does(issued, lang, name, other):
    f, addendum = issued
    text = _text(docx_bytes(addendum_document(f.project, read(f), addendum, lang)))
    tender = _text(tender_bytes(f.project, lang, ["fr", "en"]))
    assert name in tender  # the tender's own term, the twin the addendum follows
    sentence = {
        "en": "Each bidder acknowledges it in its form of offer (Form 1).",
        "fr": "Chaque soumissionnaire en accuse réception dans son formulaire de soumission (formulaire 1).",
    }[lang]
    assert sentence in text
    assert other not in text and other not in tender
