"""The instructions to bidders, the scenario and pilot logistics, the forms and the
response form of the tender (issue 17 points 1, 5, 6), with real values of the bundled
examples."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from wizard.core.documents.blocks import Heading, Paragraph, Table
from wizard.core.documents.tender import tender_document
from wizard.core.documents.tender_forms import BLANK
from wizard.core.documents.tender_instructions import end_of_validity, last_addendum
from wizard.core.domain import legal_framework as legal
from wizard.core.domain.numbering import criterion_numbers
from wizard.core.examples import load_example
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.paths import resource_path
from wizard.core.textclean import one_line


def _texts(project, lang: str) -> list[str]:
    lines = []
    for block in tender_document(project, lang).blocks:
        if isinstance(block, Table):
            lines += [cell for row in [*block.header, *block.rows] for cell in row]
        elif isinstance(block, Paragraph) and block.label:
            lines.append(f"{block.label} {block.text}")
        else:
            lines.append(getattr(block, "text", ""))
    return lines


def _headings(project, lang: str) -> list[str]:
    return [b.text for b in tender_document(project, lang).blocks if isinstance(b, Heading)]


def test_end_of_validity_is_closing_plus_the_validity_days():
    project = load_example("emergency-perimeter")  # closes 2027-03-08, bids valid 120 days
    assert end_of_validity(project) == "2027-07-06"  # + 120 days: 23 (March) + 30 + 31 + 30 + 6
    project.contract_data.bid_validity_days = 90
    assert end_of_validity(project) == "2027-06-06"
    assert last_addendum(project) == "2027-03-01"  # 7 days before
    project.info.closing_date = ""
    assert end_of_validity(project) == ""


def test_the_french_instructions_of_the_quebec_example():
    text = "\n".join(_texts(load_example("emergency-perimeter"), "fr"))
    for expected in (
        "Instructions aux soumissionnaires",
        "Fin du délai de validité des soumissions\n6\u00a0juillet\u00a02027",
        "Dernier addenda\n1er\u00a0mars\u00a02027",
        "La soumission est irrévocable pendant 120\u00a0jours après la date limite de dépôt, soit jusqu’au 6\u00a0juillet\u00a02027 inclusivement.",
        "Aucun addenda n’est émis moins de 7\u00a0jours avant la date limite de dépôt, soit après le 1er\u00a0mars\u00a02027, à moins qu’il ne reporte aussi la date limite de dépôt de façon qu’au moins 7\u00a0jours séparent l’addenda de la nouvelle date limite.",
        "Aucune garantie de soumission n’est exigée.",
        "Les soumissions sont ouvertes publiquement à la date limite de dépôt",
        "La Ville ne s’engage à accepter ni la soumission la plus basse ni aucune des soumissions reçues.",
        "registre des entreprises non admissibles aux contrats publics (RENA)",
        "Plainte à l’Autorité des marchés publics\u00a0: En vertu de la loi, le plaignant qui est en désaccord avec la décision de la Ville peut porter plainte auprès de l’Autorité des marchés publics au plus tard trois jours après l’avoir reçue",
        "au plus tard à la date limite de réception des plaintes indiquée dans le SEAO",
        "Langue des soumissions\u00a0: Les soumissions et les documents qui les accompagnent sont rédigés en français.",
        "Au plus tard le 28\u00a0mars\u00a02027",  # scenario sessions: closing + 20 days
    ):
        assert expected in text, expected


def test_the_english_instructions_outside_quebec_have_no_public_opening():
    project = load_example("office-suite")  # Nova Scotia, English
    text = "\n".join(_texts(project, "en"))
    assert (
        "A bid is irrevocable for 90 days after the closing date, that is until May\u00a020, 2027 inclusive."
        in text
    )
    assert "The Town is not bound to accept the lowest bid or any bid." in text
    assert "Each bidder acknowledges every addendum in its form of offer (Form 1)." in text
    assert "Public opening" not in _headings(project, "en")
    assert "RENA" not in text and "Autorité des marchés publics" not in text
    assert "Business number" in text


def test_a_bid_security_in_percent_and_its_placeholder():
    project = load_example("office-suite")
    project.contract_data.bid_security = "security_percent"
    project.contract_data.bid_security_value = Decimal(5)
    text = "\n".join(_texts(project, "en"))
    assert "a bid security of 5% of the evaluated price of the bid, made out to the Town" in text
    assert "8. the bid security" in text
    project.contract_data.bid_security_value = Decimal(0)
    assert f"a bid security of {PLACEHOLDER}, made out" in "\n".join(_texts(project, "en"))


@pytest.mark.parametrize("name", ["emergency-perimeter", "office-suite", "training"])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_response_form_lists_every_criterion_by_its_number(name, lang):
    project = load_example(name)
    numbers = criterion_numbers(project, lang)
    tables = [b for b in tender_document(project, lang).blocks if isinstance(b, Table)]
    form = tables[-1]
    assert [row[0] for row in form.rows] == [numbers[c.id] for c in project.criteria]
    assert all(row[2:] == ["\u2610", "\u2610", BLANK] for row in form.rows)
    assert len(form.header[0]) == 5


def test_the_forms_in_french_name_the_reference_and_validity():
    project = load_example("training")  # New Brunswick, closes 2027-04-16 (its addendum 1)
    text = "\n".join(_texts(project, "fr"))
    assert "Formulaire 1 – Formulaire de soumission" in text
    assert "Le soumissionnaire a pris connaissance de l’appel d’offres" in text
    assert (
        "La présente soumission est irrévocable pendant 90\u00a0jours après la date limite de dépôt, soit jusqu’au 15\u00a0juillet\u00a02027 inclusivement."
        in text
    )
    assert "Absence de collusion" in text and "Aucune participation à la rédaction" in text
    assert "Formulaire 3 – Sous-traitants et emplacement des données" in text
    assert "RENA" not in text


def test_pilot_logistics_price_success_and_failure():
    project = load_example("emergency-perimeter")
    text = "\n".join(_texts(project, "en"))
    assert (
        "Price: The bidder prices the pilot on its own line of the price form (“Paid pilot project”, section A)"
        in text
    )
    assert "Success measure: The pilot succeeds when the technical committee records every scenario" in text
    assert "Failure: If the pilot fails, the Town may offer the pilot to the next-ranked bidder" in text
    project.contract_data.pilot_failure = "cancel_award"
    text = "\n".join(_texts(project, "fr"))
    assert "la Ville met fin au présent appel d’offres sans adjuger le Contrat complet" in text
    project.evaluation.pilot_enabled = False
    assert "Projet pilote : prix, réussite et échec" not in _headings(project, "fr")
    assert "Séances de scénarios" in _headings(project, "fr")


def test_blank_form_lines_are_not_placeholders():
    assert BLANK != PLACEHOLDER and "[" not in BLANK


def test_the_public_opening_place_falls_back_to_the_contact_address():
    project = load_example("emergency-perimeter")
    address = one_line(project.info.contact_address, ", ")
    assert (
        address
        and f"immédiatement après l’heure limite, à l’endroit suivant\u00a0: {address}."
        in "\n".join(_texts(project, "fr"))
    )
    project.contract_data.opening_place = "salle du conseil, hôtel de ville"
    assert "à l’endroit suivant\u00a0: salle du conseil, hôtel de ville." in "\n".join(_texts(project, "fr"))
    project.contract_data.opening_place = project.info.contact_address = ""
    assert "immédiatement après l’heure limite, à l’endroit où elles sont déposées." in "\n".join(
        _texts(project, "fr")
    )


def test_two_envelopes_put_the_form_of_offer_with_the_prices():
    project = load_example("emergency-perimeter")
    project.evaluation.quebec_weighted = True
    text = "\n".join(_texts(project, "fr"))
    envelope_1 = text.index("L’enveloppe no\u00a01 (qualité) contient, dans l’ordre\u00a0:")
    envelope_2 = text.index("L’enveloppe no\u00a02 (prix) contient, dans l’ordre\u00a0:")
    assert "1. Formulaire 2 – Déclarations" in text[envelope_1:envelope_2]
    assert "Formulaire 1 – Formulaire de soumission" not in text[envelope_1:envelope_2]
    assert text[envelope_2:].split("\n")[1] == "1. Formulaire 1 – Formulaire de soumission"
    assert (
        "Ce formulaire est placé dans l’enveloppe no\u00a02 (prix), jamais dans l’enveloppe no\u00a01."
        in text
    )
    project.evaluation.quebec_weighted = False
    text = "\n".join(_texts(project, "fr"))
    assert "enveloppe no\u00a02 (prix)" not in text and "1. Formulaire 1 – Formulaire de soumission" in text


# -- process terms of a real municipal tender (issue 17, what was left) ---------------


def _section(project, lang: str, heading: str) -> str:
    """The text of the level-2 section ``heading`` of the tender in ``lang``."""
    lines, inside = [], False
    for block in tender_document(project, lang).blocks:
        if isinstance(block, Heading):
            if inside:
                break
            inside = block.text == heading
            continue
        if inside:
            label = getattr(block, "label", "")
            lines.append(f"{label} {block.text}" if label else getattr(block, "text", ""))
    return "\n".join(lines)


def test_withdrawal_and_amendment_before_closing_in_both_languages():
    project = load_example("training")
    en = _section(project, "en", "Withdrawal and amendment of a bid")
    assert "by a written notice signed by the person authorized to sign its form of offer (Form 1)" in en
    assert "the Town evaluates only the last bid it received from a bidder before the deadline" in en
    fr = _section(project, "fr", "Retrait et modification d’une soumission")
    assert (
        "au moyen d’un avis écrit signé par la personne autorisée à signer son formulaire de soumission" in fr
    )


def test_no_incorporation_by_reference():
    text = "\n".join(_texts(load_example("office-suite"), "en"))
    assert (
        "No incorporation by reference: The Town evaluates a bid only on what it contains. A reference in a bid "
        "to a web page" in text
    )


def test_award_as_a_whole_and_the_documents_due_within_the_contract_data_days():
    project = load_example("training")  # New Brunswick, no pilot, no bid security
    text = _section(project, "en", "Award and signature of the Contract")
    assert "awards the Contract as a whole to a single bidder, the one whose bid ranks first" in text
    assert "Within 10 days of the notice of award, the successful bidder provides the Town with:" in text
    assert "the Contract, signed by the person authorized to bind the bidder;" in text
    assert "such as its certificates of insurance.\n" in text  # the last item ends the list
    assert "Autorité des marchés publics" not in text
    assert "keep its bid security" not in text
    project.contract_data.award_documents_days = 15
    project.contract_data.bid_security = "security_amount"
    project.contract_data.bid_security_value = Decimal(5000)
    text = _section(project, "en", "Award and signature of the Contract")
    assert "Within 15 days of the notice of award" in text
    assert (
        "the Town may cancel the award, keep its bid security and award the Contract to the bidder ranked"
        in text
    )
    security = _section(project, "en", "Bid security")
    assert "that of the successful bidder once it has signed the Contract" in security
    qc = _section(load_example("emergency-perimeter"), "fr", "Adjudication et signature du Contrat")
    assert "après le projet pilote rémunéré" in qc
    assert "Autorité des marchés publics" not in qc  # certified at closing in Form 2, not after the award


def test_the_form_of_offer_undertakes_to_sign_and_provide_the_award_documents():
    project = load_example("training")
    project.contract_data.award_documents_days = 12
    text = "\n".join(_texts(project, "en"))
    assert (
        "If awarded the Contract, the bidder undertakes to sign it and to provide the documents listed under "
        "“Award and signature of the Contract” within 12 days of the notice of award." in text
    )


def test_single_point_of_contact_says_what_contacting_anyone_else_risks():
    text = _section(load_example("office-suite"), "en", "Single point of contact")
    assert "for procurement and technical questions alike" in text
    assert "may have its bid rejected" in text


def test_debriefing_deadline_and_the_cfta_bid_dispute_outside_quebec():
    project = load_example("training")
    text = _section(project, "en", "Complaints and debriefing")
    assert "Complaint to the Town: A bidder that considers this call for tenders" in text
    assert "Debriefing: Within 30 days of the notice of award, an unsuccessful bidder may ask" in text
    assert (
        "Bid disputes: Where the Canadian Free Trade Agreement (CFTA), Chapter Five covers this call for tenders"
        in text
    )
    assert (
        "Under Article 518 of the Canadian Free Trade Agreement, each Party" in text
        and "at least ten days" in text
    )
    assert (
        "The authority that receives such a challenge is the authority the province or territory designated "
        "under Article 518, paragraph 6, to receive a challenge concerning a municipality [to be confirmed by "
        "counsel].\nDebriefing:" in text
    )
    assert "Autorité des marchés publics" not in text
    project.contract_data.debriefing_days = 45
    assert "Within 45 days of the notice of award" in _section(project, "en", "Complaints and debriefing")
    project.contract_data.debriefing = False
    assert "Debriefing:" not in _section(project, "en", "Complaints and debriefing")


def test_the_bid_dispute_is_left_out_when_a_confirmed_threshold_is_not_reached(monkeypatch):
    data = json.loads(resource_path("legal", "framework.json").read_text(encoding="utf-8"))
    for category in legal.CATEGORIES:
        data["agreements"]["CFTA"]["thresholds"][category] = {
            "value": "100000",
            "source": "test",
            "checked": "2026-12-06",
        }
    monkeypatch.setattr(legal, "AGREEMENTS", legal.parse(data)[0])
    project = load_example("training")
    project.tco.estimate_cad = Decimal(50000)
    assert "Bid disputes:" not in _section(project, "en", "Complaints and debriefing")
    project.tco.estimate_cad = Decimal(100000)
    assert "Bid disputes:" in _section(project, "en", "Complaints and debriefing")


def test_quebec_complaints_follow_the_data_and_mark_the_unconfirmed_rule():
    text = _section(load_example("emergency-perimeter"), "en", "Complaints and debriefing")
    town = next(line for line in text.splitlines() if line.startswith("Complaint to the Town:"))
    assert "no later than the complaint deadline shown in SEAO" in town
    assert town.endswith("for information [to be confirmed by counsel].")
    amp = next(line for line in text.splitlines() if line.startswith("Complaint to the Autorité"))
    assert "no later than three days after receiving it" in amp and "counsel" not in amp


@pytest.mark.parametrize(
    ("lang", "opening", "published"),
    [
        (
            "en",
            "Public opening of bids\nApril\u00a015, 2027, immediately after the closing time",
            "Bids received and the bidders\nApril\u00a015, 2027\n",
        ),
        (
            "fr",
            "Ouverture publique des soumissions\n15\u00a0avril\u00a02027, immédiatement après l’heure limite de dépôt",
            "Les soumissions reçues et les soumissionnaires\n15\u00a0avril\u00a02027\n",
        ),
    ],
)
def test_the_opening_and_the_publication_of_the_bids_give_one_date(lang, opening, published):
    project = load_example("emergency-perimeter")  # plan typed 2027-03-09, closing 2027-03-08
    project.info.closing_date = "2027-04-15"
    text = "\n".join(_texts(project, lang))
    assert opening in text
    assert published in text
    assert (
        "2027-03-09" not in text
        and ("March\u00a09, 2027" not in text)
        and ("9\u00a0mars\u00a02027" not in text)
    )


@pytest.mark.parametrize(
    ("electronic", "paper", "lang", "expected"),
    [
        (
            True,
            False,
            "en",
            "Each bid is submitted in two separate files (or sections), quality and price, as the electronic platform provides; this call for tenders calls them envelope 1 and envelope 2. Envelope 1 holds the quality bid",
        ),
        (
            True,
            False,
            "fr",
            "Chaque soumission est déposée en deux fichiers (ou sections) distincts, qualité et prix, de la manière que prévoit la plateforme électronique; le présent appel d’offres les désigne comme l’enveloppe no 1 et l’enveloppe no 2. L’enveloppe no 1 contient l’offre de qualité",
        ),
        (
            False,
            True,
            "en",
            "Each bid is presented in two separate sealed envelopes, each bearing the reference of this call for tenders: envelope 1 (quality) and envelope 2 (price).",
        ),
        (
            False,
            True,
            "fr",
            "Chaque soumission est présentée dans deux enveloppes scellées distinctes, portant chacune le numéro de référence du présent appel d’offres\u00a0: l’enveloppe no 1 (qualité) et l’enveloppe no 2 (prix).",
        ),
        (
            True,
            True,
            "en",
            "A bid on paper is presented in two separate sealed envelopes, each bearing the reference of this call for tenders; a bid submitted electronically, in two separate files (or sections)",
        ),
        (
            True,
            True,
            "fr",
            "La soumission déposée sur papier est présentée dans deux enveloppes scellées distinctes",
        ),
    ],
)
def test_the_two_envelopes_follow_the_means_of_submission(electronic, paper, lang, expected):
    project = load_example("emergency-perimeter")  # Québec weighted system: two envelopes
    project.publication.bids_electronic = electronic
    project.publication.bids_on_paper = paper
    text = "\n".join(_texts(project, lang))
    assert expected in text
    sealed = "sealed envelope" if lang == "en" else "scellé"
    returned = "returned unopened" if lang == "en" else "retournées sans avoir été ouvertes"
    assert (sealed in text) == paper
    assert (returned in text) == paper


@pytest.mark.parametrize(("lang", "title"), [("en", "Scenario sessions"), ("fr", "Séances de scénarios")])
def test_the_scenario_sessions_have_one_heading(lang, title):
    project = load_example("training")  # scenarios, no pilot
    assert not project.evaluation.pilot_enabled
    headings = _headings(project, lang)
    assert headings.count(title) == 1
    texts = _texts(project, lang)
    after = texts[len(texts) - texts[::-1].index(title)]  # the line after the last "title": the heading's
    assert after.startswith(
        "The scenario sessions take place" if lang == "en" else "Les séances de scénarios"
    )


@pytest.mark.parametrize(
    ("lang", "description", "condition", "lower"),
    [
        (
            "en",
            "Paid 8-week pilot project with the Fire Department, in live service.",
            "The award of the full Contract is conditional on the pilot meeting these scenarios: S-1 Track firefighters during a building fire, S-2 Set up a three-level perimeter.",
            "full contract",
        ),
        (
            "fr",
            "Projet pilote rémunéré de 8 semaines avec le Service de sécurité incendie, en service réel.",
            "L’adjudication du Contrat complet est conditionnelle à la réussite du projet pilote pour les scénarios suivants\u00a0: S-1 Suivre les pompiers pendant un incendie de bâtiment, S-2 Établir un périmètre à trois niveaux.",
            "contrat complet",
        ),
    ],
)
def test_the_pilot_condition_is_said_once_with_the_defined_contract(lang, description, condition, lower):
    texts = _texts(load_example("emergency-perimeter"), lang)
    at = texts.index(description)
    assert texts[at + 1] == condition
    text = "\n".join(texts)
    assert text.count(condition) == 1
    assert lower not in text  # "Contract" is defined: always capitalised
    assert "conditional on the successful completion" not in text and "conditionnel à la réussite" not in text


def test_the_french_of_the_documents_uses_one_apostrophe():
    """The tender's French uses the typographic apostrophe (’) throughout, never ' ."""
    from wizard.core.i18n import tr

    po = resource_path("locale/fr/LC_MESSAGES/document.po").read_text(encoding="utf-8")
    straight = [line for line in po.splitlines() if line.startswith("msgstr") and "'" in line]
    assert straight == []
    english = "Adjusted once a year by the consumer price index, within a cap"
    assert tr(english, "en") == english
    assert (
        tr(english, "fr")
        == "Rajustés une fois l’an selon l’indice des prix à la consommation, sous un plafond"
    )


def test_a_typed_date_for_the_bids_is_not_replaced_silently():
    """Issue 21 item 5: the plan's typed date for the bids received differs from the
    public opening: the tender, the decision record's scorecard and the OCDS package all
    give the opening's day, and V-BIDS-DATE says the typed date is not used."""
    from wizard.core.checks import run_checks
    from wizard.core.domain.publication_plan import planned_date
    from wizard.core.domain.scorecard import scorecard
    from wizard.core.opendata import milestones

    project = load_example("emergency-perimeter")  # closing and opening 2027-03-08
    row = next(i for i in project.publication_items if i.key == "bids_and_bidders")
    assert row.planned_date == "2027-03-08"  # the example agrees with its opening
    assert "V-BIDS-DATE" not in [f.code for f in run_checks(project)]  # the clean twin
    row.planned_date = "2027-03-09"
    (found,) = [f for f in run_checks(project) if f.code == "V-BIDS-DATE"]
    assert (found.severity.value, found.field) == ("warning", f"publication_items:{row.id}.planned_date")
    assert found.message("en").startswith(
        "The date typed for publishing the bids received and the bidders (March\u00a09, 2027) is not the day "
        "of the public opening (March\u00a08, 2027)"
    )
    assert (
        "(9\u00a0mars\u00a02027) n’est pas celle de l’ouverture publique (8\u00a0mars\u00a02027)"
        in found.message("fr")
    )
    assert planned_date(project, row) == "2027-03-08"
    text = "\n".join(_texts(project, "en"))
    assert "Bids received and the bidders\nMarch\u00a08, 2027\n" in text and "March\u00a09, 2027" not in text
    (practice,) = [p for p in scorecard(project) if p.key == "publish_bids_and_bidders"]
    assert dict(practice.params)["date"] == "2027-03-08"
    project.info.publication_date = ""  # the OCDS release is then dated by the project's days
    project.info.award_date = project.info.contract_start = ""
    project.info.questions_deadline = ""
    assert "2027-03-09" not in milestones._project_days(project)
    project.info.province = "ON"  # no public opening: the typed date is the plan's
    assert planned_date(project, row) == "2027-03-09"
    assert "V-BIDS-DATE" not in [f.code for f in run_checks(project)]


def test_the_record_states_a_typed_date_for_the_bids():
    from wizard.core.checks import run_checks
    from wizard.core.documents.record_findings import sentence

    project = load_example("emergency-perimeter")
    next(i for i in project.publication_items if i.key == "bids_and_bidders").planned_date = "2027-03-09"
    (found,) = [f for f in run_checks(project) if f.code == "V-BIDS-DATE"]
    assert sentence(project, found, "en") == (
        "The publication plan typed March\u00a09, 2027 for the bids received and the bidders; the documents "
        "give the public opening's day, March\u00a08, 2027."
    )
    assert sentence(project, found, "fr") == (
        "Le plan de publication indiquait le 9\u00a0mars\u00a02027 pour les soumissions reçues et les "
        "soumissionnaires; les documents donnent le jour de l’ouverture publique, le 8\u00a0mars\u00a02027."
    )


@pytest.mark.parametrize("closing", ["2027-02-30", "8 avril 2027", ""])
def test_no_v_bids_date_without_a_real_closing_day(closing):
    """An impossible closing date opens the bids on no day: V-BIDS-DATE does not advise
    typing it (it did: "Type 2027-02-30, or clear the date"); PR-DATE says what is wrong,
    and the plan's row prints the date typed in it, as with no closing date."""
    from wizard.core.checks import run_checks
    from wizard.core.domain.publication_plan import opening_date, planned_date

    project = load_example("emergency-perimeter")
    row = next(i for i in project.publication_items if i.key == "bids_and_bidders")
    row.planned_date = "2027-03-09"
    assert "V-BIDS-DATE" in [f.code for f in run_checks(project)]  # the twin: a real closing day
    project.info.closing_date = closing
    found = run_checks(project)
    assert "V-BIDS-DATE" not in [f.code for f in found]
    assert not [f for f in found if closing and closing in f.message("en") and f.code != "PR-DATE"]
    assert (opening_date(project), planned_date(project, row)) == ("", "2027-03-09")
