"""The decision record after the award (walk 2026-12-07): exported once bids are in,
it says the award decision in words, with real values (the bidder, its business number,
the amount in the Town's format, the dates), and no launch-time sentence the award makes
false; the launch record keeps its recommendation as it was."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import bids_record_sample as sample
import pytest
from test_document_texts import docx_text, example_bids

from wizard.core.bids.record import Award
from wizard.core.documents.blocks import Heading, Paragraph, Table
from wizard.core.documents.record import record_blocks
from wizard.core.examples import load_example
from wizard.core.export import record_bytes
from wizard.core.publishing.record import Baseline, Record
from wizard.core.textclean import clean_project

AWARDED = {
    "fr": [
        "Adjudication du contrat",
        "Par la résolution 2027-05-118 du 10 mai 2027, le conseil a adjugé le contrat à Apprentissage "
        "Fundy inc., numéro d’entreprise 845123679RC0001, pour 95 502,70 $ avant taxes.",
        "Le comité de sélection a classé cette soumission au premier rang, avec un total de 93,00.",
        "Délai d’attente",
        "10 jours suivant la décision d’adjudication, jusqu’au 20 mai 2027",
        "Contrat signé le",
        "25 mai 2027",
        "4 soumissions ont été reçues, dont 1 après la clôture fixée au 16 avril 2027, 11 h 00 "
        "(heure de l’Atlantique).",
        "Formation Atlantique ltée",
        "Ne satisfait pas à un critère obligatoire",
        "119 100,00 $",
        "Recommandation au lancement",
        "Pour lancer l’appel d’offres, il a été recommandé au conseil d’adopter la résolution suivante :",
        "Ce qui a été lancé : ",
        "Calendrier de l’appel d’offres : ",
    ],
    "en": [
        "Award of the contract",
        "The evaluators' notes quoted in this document (reasons, evidence, scenario results, witnesses, "
        "titles) are reproduced in their original language, French, as they were recorded during the "
        "evaluation.",
        "By resolution 2027-05-118 of May 10, 2027, Council awarded the contract to Apprentissage Fundy "
        "inc., business number 845123679RC0001, for $95,502.70 before taxes.",
        "The selection committee ranked this bid first, with a total of 93.00.",
        "10 days after the award decision, until May 20, 2027",
        "May 25, 2027",
        "4 bids were received, 1 of them after the closing set for April 16, 2027, 11:00 a.m. Atlantic Time.",
        "Late: not opened",
        "$105,000.00",
        "Recommendation at launch",
        "To launch the call for tenders, it was recommended that Council adopt the following resolution:",
        "What was launched: ",
        "Schedule of the call for tenders: ",
    ],
}
CONTRACT = {
    "fr": [
        "Le contrat adjugé dure 3 ans à compter du 1er juin 2027.",
        "Sa valeur à l’adjudication est de 95 502,70 $ avant taxes; l’estimation de la section sur le "
        "financement était de 172 502,43 $ avant taxes sur 5 ans.",
        "Selon la valeur adjugée, le plafond est de 191 005,40 $.",
    ],
    "en": [
        "The contract awarded runs for 3 years from June 1, 2027.",
        "Its value as awarded is $95,502.70 before taxes; the estimate of the funding section was "
        "$172,502.43 before taxes over 5 years.",
        "On the value awarded, the cap is $191,005.40.",
    ],
}
"""The section "The contract" once awarded: the contract awarded, its value, the cap on it."""
LAUNCH = {
    "fr": ["Il est recommandé au conseil d’adopter la résolution suivante :", "Ce qui est proposé : "],
    "en": ["It is recommended that Council adopt the following resolution:", "What is proposed: "],
}
LAUNCH_CONTRACT = {
    "fr": [
        "Le contrat durerait 3 ans à compter du 1er juin 2027.",
        "Selon l’estimation, le plafond serait de 345 004,86 $.",
    ],
    "en": [
        "The contract would run for 3 years from June 1, 2027.",
        "On the estimate, the cap would be $345,004.86.",
    ],
}


def _docx_lines(tmp_path: Path, lang: str, with_bids: bool) -> list[str]:
    bids = example_bids("training", tmp_path) if with_bids else None
    path = tmp_path / f"record-{lang}.docx"
    path.write_bytes(record_bytes(clean_project(load_example("training")), lang, None, bids))
    # no-break spaces (French colons, amounts, clock times) compared as spaces
    return docx_text(path).replace("\u00a0", " ").splitlines()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_exported_record_of_an_awarded_tender_says_the_award(tmp_path, lang):
    lines = _docx_lines(tmp_path, lang, with_bids=True)
    text = "\n".join(lines)
    for expected in AWARDED[lang] + CONTRACT[lang]:
        assert expected in text, expected
    for launch_time in LAUNCH[lang] + LAUNCH_CONTRACT[lang]:
        assert launch_time not in text
    # the award comes before the launch's recommendation, which keeps its resolution
    assert lines.index(AWARDED[lang][0]) < lines.index(AWARDED[lang][-4])
    assert "RAP-2027-TI-07" in lines[lines.index(AWARDED[lang][-4]) + 3]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_launch_record_has_no_award_and_recommends_the_launch(tmp_path, lang):
    text = "\n".join(_docx_lines(tmp_path, lang, with_bids=False))
    for launch_time in LAUNCH[lang] + LAUNCH_CONTRACT[lang]:
        assert launch_time in text
    assert AWARDED[lang][0] not in text and AWARDED[lang][-4] not in text
    assert not any(sentence in text for sentence in CONTRACT[lang])


def _texts(record, lang: str = "en", publication: Record | None = None) -> list[str]:
    out: list[str] = []
    for block in record_blocks(sample.project(), lang, publication=publication, bids=record):
        if isinstance(block, Heading | Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [cell for row in block.header + block.rows for cell in row]
    return out


def _award(**changes) -> object:
    return dataclasses.replace(sample.clean(), award=Award(**{"bid_id": 4, **changes}))


def test_a_departure_from_the_ranking_is_said_with_its_reason():
    texts = _texts(_award(bid_id=5, reason_if_not_top="Delivery two months earlier."))
    assert (
        "The award departs from the ranking: the selection committee ranked Delta Numérique first and "
        "this bid in rank 2."
    ) in texts
    assert "Reason recorded for the departure: Delivery two months earlier." in texts
    assert (
        "The contract was awarded to Epsilon Inc., business number 123456785, for $100,000.00 before "
        "taxes; the day of the decision is not recorded."
    ) in texts


def test_an_award_to_the_first_ranked_says_no_departure():
    texts = _texts(_award(awarded_on="2027-05-10"))
    assert "The selection committee ranked this bid first, with a total of 87.30." in texts
    assert not any("departs from the ranking" in t for t in texts)
    assert (
        "On May 10, 2027, the contract was awarded to Delta Numérique, business number 123456784, for "
        "$123,456.78 before taxes."
    ) in texts


def test_a_departure_without_a_reason_says_none_is_recorded_in_french():
    texts = _texts(_award(bid_id=5), "fr")
    assert "Aucun motif n’est consigné pour cet écart." in texts


def test_a_value_other_than_the_bid_and_what_is_not_recorded():
    texts = _texts(_award(contract_value=Decimal("120000"), standstill_days=0))
    assert "This amount is not the evaluated price of its bid, $123,456.78." in texts
    assert any("for $120,000.00 before taxes" in t for t in texts)
    row = texts.index("Resolution number")
    assert texts[row + 1] == "not recorded"
    assert texts[texts.index("Standstill period") + 1] == "no standstill period"
    assert texts[texts.index("Contract signed on") + 1] == "not signed yet"


def test_bids_without_an_award_say_none_is_awarded():
    texts = _texts(dataclasses.replace(sample.clean(), award=None))
    assert "Bids received" in texts and "Award of the contract" not in texts
    assert (
        "No contract is awarded. The evaluation report gives each bid's evaluation and the award "
        "recommendation."
    ) in texts
    assert "Recommendation at launch" in texts


def test_a_published_tender_without_bids_speaks_of_the_launch_as_done():
    baseline = Baseline(
        published_on="2027-03-01", recorded_at="2027-03-01T12:00:00Z", model="{}", release="{}"
    )
    texts = _texts(None, publication=Record(baseline=baseline))
    assert "Recommendation at launch" in texts and "Recommendation" not in texts
    assert not any(t in texts for t in ("Bids received", "Award of the contract"))
    unpublished = _texts(None, publication=Record())
    assert "Recommendation" in unpublished and "Recommendation at launch" not in unpublished


def test_quebec_award_says_the_final_score_and_sealed_envelopes_before(tmp_path):
    from quebec_bids_sample import LOCKED, OPENED, create, record_bid

    from wizard.core.bids import evaluation_entry, opening
    from wizard.core.bids.record import read

    def texts(pf, lang):
        return [
            t
            for block in record_blocks(pf.project, lang, bids=read(pf))
            for t in (
                [block.text]
                if isinstance(block, Heading | Paragraph)
                else [" | ".join(r) for r in block.header + block.rows]
                if isinstance(block, Table)
                else []
            )
        ]

    with create(tmp_path / "qc.tender") as pf:
        record_bid(pf, "A")
        beta = record_bid(pf, "B")
        record_bid(pf, "C")
        before = texts(pf, "en")
        assert "1 | Alpha Conseil inc. | Price envelope still sealed | — | —" in before
        assert (
            "No contract is awarded. The evaluation report gives each bid's evaluation and the award recommendation."
            in before
        )
        evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
        opening.open_envelope(pf, opened_by="Greffière", at=OPENED)
        evaluation_entry.set_award(
            pf, beta, resolution_number="CM-2027-88", resolution_date="2027-05-03", standstill_days=1
        )
        after = texts(pf, "fr")
    assert (
        "Par la résolution CM-2027-88 du 3 mai 2027, le conseil a adjugé le contrat à Bêta Formation ltée, "
        "numéro d’entreprise à confirmer, pour 90 000,00 $ avant taxes."
    ) in [t.replace("\u00a0", " ") for t in after]
    assert (
        "Le comité de sélection a classé cette soumission au premier rang, avec un pointage final de 13,5556."
        in after
    )
    assert "N° | Soumissionnaire | Statut | Prix évalué | Pointage final" in after
    assert "Délai d’attente | 1 jour suivant la décision d’adjudication, jusqu’au 4 mai 2027" in after
    assert "Contrat signé le | pas encore signé" in after
