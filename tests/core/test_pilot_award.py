"""A tender with a paid pilot awards the pilot first, the full Contract only once the
pilot succeeds (walk 2026-12-07 item 2): the notice of award said « le conseil vous a
adjugé le contrat » and the evaluation report's resolution awarded « le contrat »
outright. They now say what the tender says; without a pilot (the clean twin) nothing
changes. The award itself stays one operation (``bids.evaluation_entry.set_award``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_award_notice import _notice
from test_evaluation_outputs import awarded, project, text

from wizard.core.documents.evaluation_report import report_document


def pilot_project():
    p = project()
    p.evaluation.pilot_enabled = True
    return p


NOTICE_EN = (
    "The Town is pleased to inform you that your bid is successful. By resolution 2027-05-112 of May 9, "
    "2027, council awarded you the paid pilot project in accordance with your bid received on April 15, "
    "2027, 9:00\u00a0a.m. Atlantic Time. The full Contract, for $123,456.78 before taxes, will be awarded "
    "to you only if the pilot succeeds, as the call for tenders states under “Pilot project: price, "
    "success and failure”."
)
NOTICE_FR = (
    "La Ville a le plaisir de vous informer que votre soumission est retenue. Par sa résolution 2027-05-112 "
    "du 9\u00a0mai\u00a02027, le conseil vous a adjugé le projet pilote rémunéré conformément à votre "
    "soumission reçue le 15\u00a0avril\u00a02027, 9\u00a0h\u00a000 (heure de l’Atlantique). Le Contrat "
    "complet, pour 123\u00a0456,78\u00a0$ avant taxes, ne vous sera adjugé que si le projet pilote est "
    "réussi, comme l’appel d’offres le prévoit à la section «\u00a0Projet pilote\u00a0: prix, réussite et "
    "échec\u00a0»."
)


@pytest.mark.parametrize(("lang", "expected"), [("en", NOTICE_EN), ("fr", NOTICE_FR)])
def test_the_notice_awards_the_pilot_and_conditions_the_full_contract(lang, expected):
    assert expected in _notice(p=pilot_project(), lang=lang)
    body = "\n".join(_notice(p=pilot_project(), lang=lang))
    assert "awarded you the contract" not in body and "vous a adjugé le contrat" not in body


def test_the_notice_without_a_resolution_names_the_day_of_the_decision():
    record = awarded(resolution_number="", resolution_date="")
    (said,) = [t for t in _notice(record, pilot_project()) if "paid pilot project" in t]
    assert "On May 10, 2027, the Town awarded you the paid pilot project in accordance with" in said
    assert "The full Contract, for $123,456.78 before taxes, will be awarded to you only if" in said
    french = " ".join(_notice(record, pilot_project(), "fr"))
    assert "Le 10\u00a0mai\u00a02027, la Ville vous a adjugé le projet pilote rémunéré" in french


def test_the_clean_twin_without_a_pilot_awards_the_contract():
    body = "\n".join(_notice())
    assert "council awarded you the contract in accordance with your bid" in body
    assert "pilot" not in body
    assert "le conseil vous a adjugé le contrat conformément" in "\n".join(_notice(lang="fr"))


def test_the_report_resolution_awards_the_pilot():
    body = text(report_document(pilot_project(), awarded(), "en"))
    assert (
        "THAT council award the paid pilot project of the call for tenders RAP-2027-TI-07, Online training "
        "platform for municipal staff, to Delta Numérique, business number 123456784, the compliant bidder "
        "ranked first, in accordance with its bid and the call for tenders, and that the full Contract, for "
        "$123,456.78 before taxes, be awarded to it only if the pilot succeeds, as the call for tenders "
        "provides;" in body
    )
    assert "THAT council award the contract" not in body
    french = text(report_document(pilot_project(), awarded(), "fr"))
    assert (
        "QUE le conseil adjuge le projet pilote rémunéré de l’appel d’offres RAP-2027-TI-07" in french
        and "et que le Contrat complet, pour 123\u00a0456,78\u00a0$ avant taxes, ne lui soit adjugé que si "
        "le projet pilote est réussi, comme le prévoit l’appel d’offres;"
        in french
    )
    assert "QUE le conseil adjuge le contrat" not in french


def test_the_report_resolution_with_another_amount_and_a_pilot():
    body = text(report_document(pilot_project(), awarded(contract_value=Decimal("120000")), "en"))
    assert (
        "in accordance with the call for tenders, and that the full Contract, for $120,000.00 before taxes, "
        "an amount other than the evaluated price of its bid, $123,456.78, be awarded to it only if the "
        "pilot succeeds" in body
    )
    french = text(report_document(pilot_project(), awarded(contract_value=Decimal("120000")), "fr"))
    assert (
        "montant autre que le prix évalué de sa soumission, 123\u00a0456,78\u00a0$, ne lui soit adjugé"
        in french
    )


def test_the_clean_twin_report_without_a_pilot():
    body = text(report_document(project(), awarded(), "en"))
    assert "THAT council award the contract of the call for tenders RAP-2027-TI-07" in body
    assert "paid pilot project" not in body
