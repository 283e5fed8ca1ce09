"""Issue 19, eighth round, brand side: each kind kept with its trigger and its clean twin
(tests/corpus/README.md, "An eighth round, brand side")."""

from __future__ import annotations

from wizard.core.domain.brands import detect_brands
from wizard.core.domain.product_names import possible_names


def possible(text):
    return [m.name for m in possible_names(text, detect_brands(text))]


def test_a_firm_of_partners_is_a_vendor_with_its_person_name():
    assert possible("The Council retained Harvey Quintal and Associates for the audit.") == [
        "Harvey Quintal and Associates"
    ]
    assert possible("Staff recommends the firm of Quintal & Associates.") == ["Quintal & Associates"]


def test_associates_in_lower_case_or_alone_stay_words():
    # clean twins: colleagues in lower case, the word alone, a person without the firm word
    assert possible("Dr. Quintal and associates presented the study.") == []
    assert possible("Associates of the library met in May.") == []
    assert possible("Harvey Quintal and Mary Brown presented the study.") == []


def test_a_vendor_in_apposition_to_a_vendor_noun():
    assert possible("The contract with the former vendor, Zorbitek, ends in May.") == ["Zorbitek"]
    assert possible("Support for the contractor (Quarrystone Earthworks) is included.") == [
        "Quarrystone Earthworks"
    ]
    assert possible("The review was a suggestion of Varnholt, the consulting firm that audited us.") == [
        "Varnholt"
    ]
    assert possible("Le mandat revient à Quintalis, la firme de génie retenue.") == ["Quintalis"]
    assert possible("Quintalis, l’entreprise retenue, livrera en mai.") == ["Quintalis"]


def test_persons_and_bodies_next_to_a_vendor_noun_stay_words():
    # clean twins: a company's officer, a list after a vendor noun, a person of the firm
    assert possible("Jane Smith, the company's president, spoke to Council.") == []
    assert possible("The vendor, City staff and the Mayor met in May.") == []
    assert possible("Marc Tremblay, le président de la firme, a répondu.") == []


def test_a_french_firm_noun_with_its_trade_or_legal_form():
    assert possible("La firme d’arpenteurs-géomètres Quintal Bérubé a remporté l’appel d’offres.") == [
        "Quintal Bérubé"
    ]
    assert possible("La société par actions simplifiée (SAS) Zorbitek a déposé un recours.") == ["Zorbitek"]


def test_a_firm_noun_before_a_place_or_a_public_body_stays_words():
    # clean twins: a transit company of a city, a public utility, a known word
    assert possible("La société de transport de Laval a reçu la subvention.") == []
    assert possible("L’entreprise d’électricité Hydro-Québec a coupé le courant.") == []
    assert possible("La firme de génie Conseil a été consultée.") == []


def canon(text):
    return [m.canonical for m in detect_brands(text)]


def test_platforms_a_town_publishes_or_streams_through():
    assert canon("La Ville dispose d’une page Facebook pour ses avis.") == ["Facebook"]
    assert canon("Council meetings are streamed on YouTube and Instagram.") == ["YouTube", "Instagram"]
    assert canon("Residents may join the meeting via Zoom.") == ["Zoom"]
    assert canon("La séance est diffusée sur Zoom.") == ["Zoom"]


def test_zoom_the_word_stays_a_word():
    # clean twins: the verb, in either language, with or without its capital
    assert canon("Zoom in on the map to see the parcel.") == []
    assert canon("Il faut faire un zoom sur la carte.") == []


def test_a_coined_name_before_a_product_noun_at_the_start_of_a_text():
    assert possible("Zorbitek Forms Designer software is used to print the bills.") == [
        "Zorbitek Forms Designer"
    ]
    assert possible("The Licences+ system was bought in 1998.") == ["Licences+"]


def test_dictionary_words_at_the_start_of_a_text_stay_words():
    # clean twins: every word has its capital at the start; no coined word, no name
    assert possible("The Public Sector system includes a permitting module.") == []
    assert possible("Tributary Accounting software is needed.") == []


def test_office_machines_in_their_product_context():
    assert canon("The auction lists a Canon fax machine and a desk.") == ["Canon"]
    assert canon("Le lot comprend la maintenance des postes Dell et Mac.") == ["Dell", "Mac"]
    assert canon("Staff use Windows and Mac computers.") == ["Mac"]


def test_canon_and_mac_in_other_senses_stay_words():
    # clean twins: a person, a sandwich, a rule of a church, the canon of a city
    assert canon("Mac Smith spoke at the meeting.") == []
    assert canon("The Big Mac was on the menu.") == []
    assert canon("Le canon de la ville a été restauré.") == []
