"""A tender with a paid pilot awards the pilot first, the full Contract only once the
pilot succeeds (walk 2026-12-07 item 2): the notice of award said « le conseil vous a
adjugé le contrat » and the evaluation report's resolution awarded « le contrat »
outright. They now say what the tender says; without a pilot (the clean twin) nothing
changes. The award itself stays one operation (``bids.evaluation_entry.set_award``)."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

import pytest
from test_award_notice import _notice
from test_evaluation_outputs import awarded, project, text

from wizard.core.documents.blocks import Paragraph
from wizard.core.documents.debriefing import letter_blocks
from wizard.core.documents.evaluation_report import report_document
from wizard.core.documents.record_award import award_blocks
from wizard.core.documents.record_contract import contract_blocks
from wizard.core.domain.price_form import PILOT_LINE
from wizard.core.examples import load_example
from wizard.core.opendata.awards import award_releases


def pilot_project():
    p = project()
    p.evaluation.pilot_enabled = True
    return p


NOTICE_EN = (
    "The Town is pleased to inform you that your bid is successful. By resolution 2027-05-112 of May\u00a09, "
    "2027, council awarded you the paid pilot project in accordance with your bid received on April\u00a015, "
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
    assert "On May\u00a010, 2027, the Town awarded you the paid pilot project in accordance with" in said
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


# Follow-up: every other document that speaks of the award says the pilot is awarded.


def _paragraphs(blocks) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


RECOMMENDATION = {
    "en": "The selection committee recommends awarding the paid pilot project to Delta Numérique, in rank 1 "
    "with a total of 87.30, and the full Contract, for $123,456.78 before taxes, only if the pilot succeeds.",
    "fr": "Le comité de sélection recommande d’adjuger le projet pilote rémunéré à Delta Numérique, au rang 1 "
    "avec un total de 87,30, et le Contrat complet, pour 123\u00a0456,78\u00a0$ avant taxes, seulement si le "
    "projet pilote est réussi.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_report_recommendation_awards_the_pilot(lang):
    body = text(report_document(pilot_project(), awarded(), lang))
    assert RECOMMENDATION[lang] in body
    assert "recommends awarding the contract" not in body and "recommande d’adjuger le contrat" not in body


def test_the_report_recommendation_of_a_bid_not_ranked_first_with_a_pilot():
    p = pilot_project()
    record = awarded(bid_id=5, reason_if_not_top="Lower price.")
    body = text(report_document(p, record, "en"))
    assert (
        "The award proposed goes to Epsilon Inc., in rank 2 with a total of 79.00: the paid pilot "
        "project, and the full Contract, for $100,000.00 before taxes, only if the pilot succeeds; the "
        "selection committee ranked Delta Numérique first." in body
    )
    twin = text(report_document(project(), record, "en"))  # the clean twin, without a pilot
    assert (
        "The award proposed goes to Epsilon Inc., in rank 2 with a total of 79.00, for $100,000.00 before "
        "taxes; the selection committee ranked Delta Numérique first." in twin
    )


def test_the_clean_twin_recommendation_without_a_pilot():
    assert (
        "The selection committee recommends awarding the contract to Delta Numérique, in rank 1 with a "
        "total of 87.30, for $123,456.78 before taxes." in text(report_document(project(), awarded(), "en"))
    )
    assert "recommande d’adjuger le contrat à Delta Numérique" in text(
        report_document(project(), awarded(), "fr")
    )


DEBRIEFING = {
    "en": "By resolution 2027-05-112 of May\u00a09, 2027, council awarded the paid pilot project to Delta Numérique; "
    "the full Contract, for $123,456.78 before taxes, will be awarded to it only if the pilot succeeds.",
    "fr": "Par sa résolution 2027-05-112 du 9\u00a0mai\u00a02027, le conseil a adjugé le projet pilote "
    "rémunéré à Delta Numérique; le Contrat complet, pour 123\u00a0456,78\u00a0$ avant taxes, ne lui sera "
    "adjugé que si le projet pilote est réussi.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_debriefing_letter_says_the_pilot_is_awarded(lang):
    record = awarded()
    said = _paragraphs(letter_blocks(pilot_project(), record, record.bid(5), lang))
    assert DEBRIEFING[lang] in said
    without = awarded(resolution_number="", resolution_date="")
    assert (
        "The paid pilot project is awarded to Delta Numérique; the full Contract, for $123,456.78 before "
        "taxes, will be awarded to it only if the pilot succeeds."
        in _paragraphs(letter_blocks(pilot_project(), without, without.bid(5), "en"))
    )


def test_the_clean_twin_debriefing_without_a_pilot():
    record = awarded()
    said = _paragraphs(letter_blocks(project(), record, record.bid(5), "en"))
    assert (
        "By resolution 2027-05-112 of May\u00a09, 2027, council awarded the contract to Delta Numérique, for "
        "$123,456.78 before taxes." in said
    )


RECORD = {
    "en": "By resolution 2027-05-112 of May\u00a09, 2027, Council awarded the paid pilot project to Delta Numérique, "
    "business number 123456784. The award is dated May\u00a010, 2027. The full Contract, for $123,456.78 before "
    "taxes, will be awarded only if the pilot succeeds, as the call for tenders provides.",
    "fr": "Par la résolution 2027-05-112 du 9\u00a0mai\u00a02027, le conseil a adjugé le projet pilote "
    "rémunéré à Delta Numérique, numéro d’entreprise 123456784. L’adjudication est datée du 10\u00a0mai\u00a0"
    "2027. Le Contrat complet, pour 123\u00a0456,78\u00a0$ avant taxes, ne sera adjugé que si le projet "
    "pilote est réussi, comme le prévoit l’appel d’offres.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_decision_record_says_council_awarded_the_pilot(lang):
    said = _paragraphs(award_blocks(pilot_project(), awarded(), lang))
    assert RECORD[lang] in said
    assert not [
        t for t in said if "Council awarded the contract" in t or "le conseil a adjugé le contrat" in t
    ]


def test_the_decision_record_without_a_resolution_with_a_pilot():
    said = _paragraphs(award_blocks(pilot_project(), awarded(resolution_number="", resolution_date=""), "en"))
    assert (
        "On May\u00a010, 2027, the paid pilot project was awarded to Delta Numérique, business number 123456784. "
        "The full Contract, for $123,456.78 before taxes, will be awarded only if the pilot succeeds, as the "
        "call for tenders provides." in said
    )


def test_the_clean_twin_decision_record_without_a_pilot():
    said = _paragraphs(award_blocks(project(), awarded(), "en"))
    assert (
        "By resolution 2027-05-112 of May\u00a09, 2027, Council awarded the contract to Delta Numérique, business "
        "number 123456784, for $123,456.78 before taxes. The award is dated May\u00a010, 2027." in said
    )


CLOSING = {
    "en": "The contract binds the Town only once both parties have signed it, and beyond the pilot only if the "
    "pilot succeeds; this notice does not allow work to begin, not even on the pilot. If the pilot succeeds, "
    "the full Contract starts once the pilot has ended.",
    "fr": "Le contrat ne lie la Ville qu’une fois signé par les deux parties, et au-delà du projet pilote "
    "seulement si celui-ci est réussi; le présent avis ne permet pas de commencer les travaux, pas même ceux "
    "du projet pilote. Si le projet pilote est réussi, le Contrat complet commence une fois le projet "
    "pilote terminé.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_notice_closing_binds_and_starts_the_full_contract_on_the_pilot(lang):
    (closing,) = [t for t in _notice(p=pilot_project(), lang=lang) if CLOSING[lang] in t]
    assert closing.endswith(CLOSING[lang])


def test_the_clean_twin_notice_closing_without_a_pilot():
    body = "\n".join(_notice())
    assert (
        "The contract binds the Town only once both parties have signed it; this notice does not allow work "
        "to begin. The call for tenders sets the start of the contract on June\u00a01, 2027." in body
    )


def test_the_award_release_says_the_pilot_is_awarded():
    base = {"id": "x", "ocid": "o", "tender": {}}
    (award, _contract) = award_releases(pilot_project(), awarded(), base)
    assert award["awards"][0]["description"].startswith(
        "L’adjudication porte sur le projet pilote rémunéré\u00a0: le Contrat complet, pour cette valeur, "
        "n’est adjugé que si le projet pilote est réussi, comme le prévoit l’appel d’offres. Délai d’attente"
    )
    (twin, _contract) = award_releases(project(), awarded(), base)
    assert twin["awards"][0]["description"].startswith("Délai d’attente de 10\u00a0jours")
    assert "pilote" not in json.dumps(twin, ensure_ascii=False)


# Review 2026-12-07 (w20): the start, the failure and the record's contract section.
# The fixture's pilot is awarded on May 10, 2027; the tender sets the start on June 1.


def _weeks(weeks: int):
    p = pilot_project()
    p.evaluation.pilot_weeks = weeks
    return p


def test_the_notice_never_starts_the_full_contract_before_the_pilot_ends():
    # 6 weeks from May 10 end on June 21: June 1 falls inside the pilot, no date is printed
    (closing,) = [t for t in _notice(p=_weeks(6)) if "binds the Town" in t]
    assert closing.endswith("If the pilot succeeds, the full Contract starts once the pilot has ended.")
    assert "June\u00a01, 2027" not in closing
    french = " ".join(_notice(p=_weeks(6), lang="fr"))
    assert (
        "Si le projet pilote est réussi, le Contrat complet commence une fois le projet pilote terminé."
        in french
    )
    assert "1er\u00a0juin" not in french


def test_the_notice_keeps_a_start_after_the_pilot_ends():
    # 3 weeks from May 10 end on May 31: June 1 follows the pilot, as the tender's timetable
    (closing,) = [t for t in _notice(p=_weeks(3)) if "binds the Town" in t]
    assert closing.endswith(
        "The call for tenders sets the start of the full Contract on June\u00a01, 2027, if the pilot succeeds."
    )


FAILURE = {
    "en": "If you do not provide them in time, the Town may cancel the award and offer the pilot to the bidder "
    "ranked next, or cancel the call for tenders.",
    "fr": "À défaut de les remettre à temps, la Ville peut annuler l’adjudication et offrir le projet pilote au "
    "soumissionnaire classé au rang suivant, ou annuler l’appel d’offres.",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_notice_offers_the_pilot_to_the_next_bidder_as_the_tender_says(lang):
    body = " ".join(_notice(p=pilot_project(), lang=lang))
    assert FAILURE[lang] in body
    assert "award the contract to the bidder ranked next" not in body
    assert "adjuger le contrat au soumissionnaire" not in body


def test_the_notice_with_a_bid_security_and_a_pilot():
    p = pilot_project()
    p.contract_data.bid_security = "security_percent"
    body = " ".join(_notice(p=p))
    assert (
        "the Town may cancel the award, keep your bid security and offer the pilot to the bidder ranked next, "
        "or cancel the call for tenders." in body
    )


def test_the_clean_twin_notice_awards_the_contract_to_the_next_bidder():
    body = " ".join(_notice())
    assert (
        "If you do not provide them in time, the Town may cancel the award and award the contract to the "
        "bidder ranked next, or cancel the call for tenders." in body
    )


CONTRACT = {
    "en": [
        "If the pilot succeeds, the full Contract runs for 3 years from its start, once the pilot has ended.",
        "The value awarded is $95,502.70 before taxes; beyond the price of the paid pilot, the Town is bound "
        "only if the pilot succeeds.",
    ],
    "fr": [
        "Si le projet pilote est réussi, le Contrat complet dure 3\u00a0ans à compter de son début, une fois "
        "le projet pilote terminé.",
        "La valeur adjugée est de 95\u00a0502,70\u00a0$ avant taxes; au-delà du prix du projet pilote "
        "rémunéré, la Ville n’est liée que si le projet pilote est réussi.",
    ],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_record_contract_section_speaks_of_the_full_contract(lang):
    said = " ".join(_paragraphs(contract_blocks(_weeks(6), lang, awarded=Decimal("95502.70"))))
    for sentence in CONTRACT[lang]:
        assert sentence in said
    assert "The contract awarded runs" not in said and "Its value as awarded" not in said


def test_the_record_contract_section_keeps_a_start_after_the_pilot():
    said = " ".join(_paragraphs(contract_blocks(_weeks(3), "en", awarded=Decimal("95502.70"))))
    assert "If the pilot succeeds, the full Contract runs for 3 years from June\u00a01, 2027." in said


def test_the_clean_twin_record_contract_section_without_a_pilot():
    said = " ".join(_paragraphs(contract_blocks(project(), "en", awarded=Decimal("95502.70"))))
    assert "The contract awarded runs for 3 years from June\u00a01, 2027." in said
    assert "Its value as awarded is $95,502.70 before taxes" in said
    assert "pilot" not in said


def _with_pilot_line(record, price: str = "4500"):
    """``record`` whose awarded bid holds the pilot's own price line (section A), counted
    in its evaluated price of $123,456.78 (the fixture's amount)."""
    bids = tuple(
        dataclasses.replace(b, amounts={**(b.amounts or {}), PILOT_LINE: Decimal(price)})
        if b.id == record.award.bid_id
        else b
        for b in record.bids
    )
    return dataclasses.replace(record, bids=bids)


PRICED = {
    "en": "The Town pays the pilot's price, $4,500.00 before taxes, once the pilot has been carried out, "
    "whatever its result. The full Contract, for $123,456.78 before taxes, the pilot's price included, will "
    "be awarded to you only if the pilot succeeds",
    "fr": "La Ville paie le prix du projet pilote, 4\u00a0500,00\u00a0$ avant taxes, une fois le projet pilote "
    "réalisé, quel qu’en soit le résultat. Le Contrat complet, pour 123\u00a0456,78\u00a0$ avant taxes, prix "
    "du projet pilote compris, ne vous sera adjugé que si le projet pilote est réussi",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_notice_states_the_pilot_price_the_bid_holds(lang):
    body = " ".join(_notice(_with_pilot_line(awarded()), pilot_project(), lang))
    assert PRICED[lang] in body


def test_the_decision_record_states_the_pilot_price_the_bid_holds():
    said = _paragraphs(award_blocks(pilot_project(), _with_pilot_line(awarded()), "en"))
    assert [
        t
        for t in said
        if t.endswith(
            "The award is dated May\u00a010, 2027. The Town pays the pilot's price, $4,500.00 before taxes, once the "
            "pilot has been carried out, whatever its result. The full Contract, for $123,456.78 before taxes, the "
            "pilot's price included, will be awarded only if the pilot succeeds, as the call for tenders provides."
        )
    ]
    french = " ".join(_paragraphs(award_blocks(pilot_project(), _with_pilot_line(awarded()), "fr")))
    assert (
        "La Ville paie le prix du projet pilote, 4\u00a0500,00\u00a0$ avant taxes, une fois le projet pilote "
        "réalisé, quel qu’en soit le résultat. Le Contrat complet, pour 123\u00a0456,78\u00a0$ avant taxes, "
        "prix du projet pilote compris, ne sera adjugé que si le projet pilote est réussi" in french
    )


def test_the_clean_twin_pilot_line_without_a_pilot_says_nothing_of_it():
    body = " ".join(_notice(_with_pilot_line(awarded())))
    assert "pilot" not in body
    assert "council awarded you the contract in accordance with your bid" in body


@pytest.mark.parametrize(
    ("pilot", "security", "lang", "expected"),
    [
        (
            True,
            "security_none",
            "en",
            "If it does not, the Town may cancel the award and offer the pilot project to the bidder "
            "ranked next, or cancel this call for tenders.",
        ),
        (
            True,
            "security_none",
            "fr",
            "À défaut, la Ville peut annuler l’adjudication et offrir le projet pilote au soumissionnaire "
            "classé au rang suivant, ou annuler le présent appel d’offres.",
        ),
        (
            True,
            "security_percent",
            "en",
            "If it does not, the Town may cancel the award, keep its bid security and offer the pilot "
            "project to the bidder ranked next, or cancel this call for tenders.",
        ),
        # the clean twin: without a pilot, the Contract goes to the bidder ranked next
        (
            False,
            "security_none",
            "en",
            "If it does not, the Town may cancel the award and award the Contract to the bidder ranked "
            "next, or cancel this call for tenders.",
        ),
    ],
)
def test_the_tender_offers_the_pilot_to_the_next_bidder_when_the_winner_defaults(
    pilot, security, lang, expected
):
    """The tender's award section said "award the Contract to the bidder ranked next" of a
    winner that does not provide its documents, although with a paid pilot the full
    Contract follows only a pilot's success (review 2026-12-07)."""
    from wizard.core.documents.tender_instructions import _default_of_winner

    base = load_example("emergency-perimeter")
    assert base.evaluation.pilot_enabled  # the bundled example that prints it
    changed = dataclasses.replace(
        base,
        evaluation=dataclasses.replace(base.evaluation, pilot_enabled=pilot),
        contract_data=dataclasses.replace(base.contract_data, bid_security=security),
    )
    assert _default_of_winner(changed, security != "security_none", lang) == expected
