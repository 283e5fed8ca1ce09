"""Walk 2026-12-07 (f14): the French late-bid letter (``debriefing-4-fr.pdf``) left the
Town's phone number alone on page 2. The closing and the signature block are kept on
one page: each of their paragraphs is kept with the next and never split; and with
them the letter's last paragraph (s10: the whole block alone on page 2 otherwise)."""

from __future__ import annotations

import io

import pytest
from docx import Document
from test_evaluation_outputs import awarded, project

from wizard.core.documents.blocks import Document as Blocks
from wizard.core.documents.blocks import Paragraph
from wizard.core.documents.debriefing import letter_document
from wizard.core.documents.docx.writer import docx_bytes


def _kept(document) -> list[tuple[str, bool, bool]]:
    """(text, keep with next, keep together) of each body paragraph, as Word reads them."""
    doc = Document(io.BytesIO(docx_bytes(document)))
    return [
        (p.text, bool(p.paragraph_format.keep_with_next), bool(p.paragraph_format.keep_together))
        for p in doc.paragraphs
        if p.text.strip()
    ]


@pytest.mark.parametrize(
    ("lang", "closing"),
    [("fr", "Veuillez agréer, Madame, Monsieur, nos salutations distinguées."), ("en", "Yours truly,")],
)
def test_the_late_bids_letter_keeps_its_signature_block_together(lang, closing):
    record = awarded()
    late = record.bid(1)
    assert late is not None and late.late  # the walk's letter: the late bid's
    kept = _kept(letter_document(project(), record, late, lang))
    start = [text for text, _next, _together in kept].index(closing)
    block = kept[start:]
    info = project().info
    texts = [text for text, _n, _t in block]
    assert texts[1] == info.officer_name == "Martin Thériault"
    assert texts[-2:] == [info.contact_email, info.contact_phone] and texts[-1] == "506 555-0123"
    # the Town's postal address between its name and the e-mail, in the letter's language
    town_hall = {"fr": "Hôtel de ville de Rivière-aux-Pins", "en": "Rivière-aux-Pins Town Hall"}[lang]
    assert texts[3] == "Ville de Rivière-aux-Pins" and texts[4] == town_hall
    assert len(texts) == 9 and texts[5] == "40, rue du Moulin"
    # every line but the last is kept with the next one: the phone never stands alone
    assert [n for _text, n, _t in block] == [True] * 8 + [False]
    assert [t for _text, _n, t in block[:-1]] == [True] * 8
    # s10 (2026-12-07): the training example's PDF then held the closing and signature
    # alone on page 2 in three of its six letters; the recourse, the letter's last
    # paragraph, is kept with the closing as the notice of award keeps its own
    assert kept[start - 1][0].startswith(("Recourse:", "Recours"))
    assert kept[start - 1][1:] == (True, True)
    # the clean twin: the paragraph before it flows as before (only what is asked is kept)
    assert kept[start - 2][1:] == (False, False)


def test_the_writer_keeps_a_paragraph_with_the_next_only_when_asked():
    doc = Blocks(
        lang="en",
        title="t",
        organization="Town",
        reference="R-1",
        header="",
        footer_page="Page {page} of {pages}",
        blocks=[Paragraph("kept", keep_with_next=True), Paragraph("free"), Paragraph("last")],
    )
    assert _kept(doc) == [("kept", True, True), ("free", False, False), ("last", False, False)]
