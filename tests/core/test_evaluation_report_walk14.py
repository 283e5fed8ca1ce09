"""Walk 2026-12-07 (the bids phase, f14): the evaluation report says what the technical
committee really verified, and explains a bid number the register no longer holds."""

from __future__ import annotations

from dataclasses import replace

import bids_record_sample as sample
import pytest
from test_evaluation_outputs import project, text

from wizard.core.documents.evaluation_common import removed_text
from wizard.core.documents.evaluation_report import report_document
from wizard.core.opendata.bids_csv import BIDS_COLUMNS, bids_rows

ALL_EN = "The technical committee verified each scenario for each bid evaluated."
ALL_FR = "Le comité technique a vérifié chaque scénario pour chaque soumission évaluée."
NONE_EN = "No verification of the scenarios by the technical committee is recorded for any bid."
NONE_FR = "Aucune vérification des scénarios par le comité technique n’est consignée, pour aucune soumission."
CLAIM_EN = "the technical committee verifies each scenario"


def _body(record, lang: str) -> str:
    return text(report_document(project(), record, lang))


@pytest.mark.parametrize(("lang", "none", "every"), [("en", NONE_EN, ALL_EN), ("fr", NONE_FR, ALL_FR)])
def test_no_verification_recorded_is_said(lang, none, every):
    # the walk: locked and awarded, no `verify` for any bid
    body = _body(replace(sample.clean(), verifications=()), lang)
    assert none in body and every not in body
    assert CLAIM_EN not in body
    # the clean twin: every scenario confirmed for bids 3, 4 and 5
    clean = _body(sample.clean(), lang)
    assert every in clean and none not in clean


def test_pending_results_are_no_verification():
    record = sample.clean()
    pending = replace(record, verifications=tuple(replace(v, result="pending") for v in record.verifications))
    body = _body(pending, "en")
    assert NONE_EN in body
    # and the finding says so in the report's findings, as a fact for council: never the
    # advice meant for the clerk (walk, wf-b: "State in the evaluation report why, …")
    assert (
        "BD-UNVERIFIED: The quality scores were locked, or the award made, while the technical "
        "committee's verification of a scenario was not recorded for a bid." in body
    )
    assert "State in the evaluation report" not in body and "ask counsel" not in body


def test_some_bids_verified_are_named():
    record = sample.clean()
    partial = replace(record, verifications=tuple(v for v in record.verifications if v.bid_id != 5))
    body = _body(partial, "en")
    assert (
        "The technical committee's verification of every scenario is recorded for the bids numbered 3, 4; "
        "it is not recorded for every scenario of the bids numbered 5"
    ) in body
    fr = _body(partial, "fr")
    assert (
        "consignée pour les soumissions numéros 3, 4; elle ne l’est pas pour chaque scénario des soumissions numéros 5"
        in fr
    )
    assert ALL_EN not in body and NONE_EN not in body


def _removed(record, *numbers: int):
    """``record`` with the bids ``numbers`` removed, as ``bids.record.read`` gives it
    once the journal holds their removal."""
    return replace(record, bids=tuple(b for b in record.bids if b.id not in numbers), removed=numbers)


def test_the_removed_numbers_are_the_records_not_the_gaps():
    assert removed_text(sample.clean(), "en") == ""
    assert "Bid number 1 is" in removed_text(_removed(sample.clean(), 1), "en")
    assert "Bid numbers 2, 3 are" in removed_text(_removed(sample.clean(), 2, 3), "en")
    # a gap with no removal recorded (a record built by hand) says nothing: no guess
    gap = replace(sample.clean(), bids=tuple(b for b in sample.clean().bids if b.id != 1))
    assert removed_text(gap, "en") == ""


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "Bid number 5 is not in this register"), ("fr", "La soumission numéro 5 ne figure pas")],
)
def test_a_removed_highest_number_is_named(lang, said):
    # bid 5, the highest, removed: no gap shows it, the journal does
    body = _body(_removed(sample.clean(), 5), lang)
    assert said in body
    assert said not in _body(sample.clean(), lang)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "Bid number 1 is not in this register: it was removed from it, having been entered by "
            "mistake; the project's journal keeps its entry and its removal.",
        ),
        (
            "fr",
            "La soumission numéro 1 ne figure pas dans ce registre\xa0: elle en a été retirée, ayant été "
            "inscrite par erreur; le journal du projet conserve son inscription et son retrait.",
        ),
    ],
)
def test_a_removed_bid_is_explained_where_the_numbering_shows(lang, said):
    # the walk: `bid remove 1`, the report listed bids 2–5 and "4 bids received"
    body = _body(_removed(sample.clean(), 1), lang)
    assert said in body
    assert ("4 bids were received" if lang == "en" else "4 soumissions ont été reçues") in body
    # the clean twin: no gap, no sentence
    assert "not in this register" not in _body(sample.clean(), "en")
    assert "ne figure pas dans ce registre" not in _body(sample.clean(), "fr")


def test_two_removed_bids_read_in_the_plural():
    body = _body(_removed(sample.clean(), 2, 3), "en")
    assert "Bid numbers 2, 3 are not in this register: they were removed from it" in body


def test_the_csv_says_what_a_missing_number_is():
    rows = bids_rows(project(), _removed(sample.clean(), 1))
    assert [r[0] for r in rows[1:]] == ["2", "3", "4", "5"]
    (bid,) = [c for c in BIDS_COLUMNS if c.name == "bid"]
    from wizard.core.i18n import tr

    assert "A number missing from the sequence is a bid removed from the register" in tr(
        bid.description, "en"
    )
    assert "Un numéro absent de la suite est une soumission retirée du registre" in tr(bid.description, "fr")
