"""A free text of the bids and of the addenda holds at most ``codec.MAX_TEXT``
characters, as the contract's follow-up and every text of the tender: the operations
refuse one over it (a bilingual message naming the text, nothing saved) and take one at
it whole. ``load`` refuses the same texts in a JSON file (test_load_refusals.py)."""

from __future__ import annotations

import pytest
from bids_sample import fill, score_all
from test_bids import AMOUNTS, ON_TIME, OPENED_AT, bidder

from wizard.core.bids import BidsError, evaluation_entry, intake, opening, record
from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.codec import MAX_TEXT
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing import PublishingError, addenda
from wizard.core.publishing import record as publishing_record
from wizard.core.publishing.jsonform import table_rows

_LONG = "x" * (MAX_TEXT + 1)
_LONGEST = "x" * MAX_TEXT


@pytest.fixture
def pf(tmp_path):
    """The training example as bundled: published 2027-03-01, addendum 1 issued, no bid."""
    project, publishing = load_example_with_publishing("training")
    assert publishing is not None
    with ProjectFile.create(
        tmp_path / "t.tender", project, origin="example", tables=table_rows(publishing)
    ) as f:
        yield f


def _bid(pf) -> int:
    bid_id = intake.add_bid(pf, bidder=bidder(), received_at=ON_TIME, acknowledged=[1])
    intake.attach_workbook(pf, bid_id, fill(pf.project, AMOUNTS), name="prix.xlsx", at=ON_TIME)
    return bid_id


def _scored(pf) -> int:
    bid_id = _bid(pf)
    score_all(pf, bid_id)
    return bid_id


def _opened(pf) -> int:
    bid_id = _bid(pf)
    opening.open_envelope(pf, opened_by="Martin Thériault", at=OPENED_AT)
    return bid_id


_BIDS = [
    (
        lambda pf: 0,
        lambda pf, b, text: intake.add_bid(pf, bidder=bidder(text), received_at=ON_TIME),
        "La raison sociale du soumissionnaire est trop longue",
        "The bidder's legal name is too long",
    ),
    (
        lambda pf: 0,
        lambda pf, b, text: intake.add_bid(pf, bidder=bidder(), received_at=ON_TIME, notes=text),
        "Les notes de la soumission sont trop longues",
        "The bid's notes are too long",
    ),
    (
        _bid,
        lambda pf, b, text: intake.set_bid(pf, b, rejected=text),
        "Le motif du rejet de la soumission est trop long",
        "The reason for rejecting the bid is too long",
    ),
    (
        _bid,
        lambda pf, b, text: intake.set_bid(pf, b, contact_email=text),
        "Le courriel de la personne-ressource est trop long",
        "The contact's email is too long",
    ),
    (
        _bid,
        lambda pf, b, text: evaluation_entry.set_mandatory(pf, b, 1, True, text),
        "La preuve est trop longue",
        "The evidence is too long",
    ),
    (
        _bid,
        lambda pf, b, text: evaluation_entry.set_verification(pf, b, 1, "confirmed", text),
        "Les notes de la vérification sont trop longues",
        "The verification's notes are too long",
    ),
    (
        _bid,
        lambda pf, b, text: evaluation_entry.set_sheet_score(pf, b, 1, 6, 1, text),
        "La justification des points est trop longue",
        "The reason for the points is too long",
    ),
    (
        _bid,
        lambda pf, b, text: evaluation_entry.set_consensus(pf, b, 6, 1, text),
        "La justification des points est trop longue",
        "The reason for the points is too long",
    ),
    (
        _scored,  # every score in: the lock refuses an incomplete evaluation (walk 2026-12-07)
        lambda pf, b, text: evaluation_entry.lock_quality(pf, locked_by=text, at=OPENED_AT),
        "Le nom de qui verrouille les pointages de qualité est trop long",
        "Who locks the quality scores is too long",
    ),
    (
        _bid,
        lambda pf, b, text: opening.open_envelope(pf, opened_by="M. T.", witnesses=text, at=OPENED_AT),
        "Les témoins sont trop longs",
        "The witnesses are too long",
    ),
    (
        _opened,
        lambda pf, b, text: evaluation_entry.set_award(pf, b, reason_if_not_top=text),
        "Le motif de l’adjudication est trop long",
        "The reason for the award is too long",
    ),
    (
        _opened,
        lambda pf, b, text: evaluation_entry.set_award(pf, b, reason_if_not_top="Seule", signatory=text),
        "Le signataire est trop long",
        "The signatory is too long",
    ),
]


@pytest.mark.parametrize(("stage", "call", "french", "english"), _BIDS)
def test_a_bids_text_over_the_limit_is_refused_and_its_twin_taken(pf, stage, call, french, english):
    bid_id = stage(pf)
    before = record.read(pf)
    with pytest.raises(BidsError) as caught:
        call(pf, bid_id, _LONG)
    assert str(caught.value) == (
        f"{french}\u00a0: 100\u00a0001 caractères, au plus 100\u00a0000. / "
        f"{english}: 100,001 characters, at most 100,000."
    )
    assert record.read(pf) == before
    call(pf, bid_id, _LONGEST)  # the longest text the file takes is taken whole
    assert f"'{_LONGEST}'" in repr(record.read(pf))


_ADDENDA = [
    (
        lambda pf, text: addenda.add_question(pf, question_fr="Délai?", answer_en=text),
        "La réponse est trop longue",
        "The answer is too long",
    ),
    (
        lambda pf, text: addenda.add_question(pf, question_fr=text),
        "La question est trop longue",
        "The question is too long",
    ),
    (
        lambda pf, text: addenda.set_question(
            pf, question_id=addenda.add_question(pf, question_fr="Délai?"), question_en=text
        ),
        "La question est trop longue",
        "The question is too long",
    ),
    (
        lambda pf, text: addenda.add_change(pf, field="problem.statement", new_fr=text, new_en="A need."),
        "Le nouveau texte est trop long",
        "The new text is too long",
    ),
]


@pytest.mark.parametrize(("call", "french", "english"), _ADDENDA)
def test_an_addendum_text_over_the_limit_is_refused_and_its_twin_taken(pf, call, french, english):
    with pytest.raises(PublishingError) as caught:
        call(pf, _LONG)
    assert str(caught.value) == (
        f"{french}\u00a0: 100\u00a0001 caractères, au plus 100\u00a0000. / "
        f"{english}: 100,001 characters, at most 100,000."
    )
    draft = publishing_record.read(pf).draft
    assert draft is None or _LONG not in repr(draft)
    call(pf, _LONGEST)
    draft = publishing_record.read(pf).draft
    assert draft is not None and f"'{_LONGEST}'" in repr(draft)
