"""Issue 19, seventh round, brand side: each kind kept with its trigger and its clean twin
(tests/corpus/README.md, "A seventh round, brand side")."""

from __future__ import annotations

from wizard.core.domain.brands import detect_brands
from wizard.core.domain.product_names import possible_names


def canon(text):
    return [m.canonical for m in detect_brands(text)]


def possible(text):
    return [m.name for m in possible_names(text, detect_brands(text))]


def test_a_vendor_of_ordinary_words_after_a_vendor_word_or_a_firm_noun():
    assert possible("A single bid for copiers came from Copy Products, with toner.") == ["Copy Products"]
    assert possible("L’entreprise Decimal Technologies a été la seule à soumissionner.") == [
        "Decimal Technologies"
    ]
    assert possible("The contract went to the firm Summit Solutions last year.") == ["Summit Solutions"]


def test_ordinary_words_without_a_vendor_word_or_a_trade_word_stay_words():
    # clean twins: a department after "by", a firm noun before no trade word
    assert possible("The report by the Engineering Department was received.") == []
    assert possible("Une lettre de la société Decimal a été reçue.") == []
    assert possible("Public Products were discussed at length.") == []


def test_names_the_twentieth_pass_showed_are_in_the_families():
    found = detect_brands("THAT Canada Post be requested to review the mailing address.")
    assert [(m.name, m.canonical) for m in found] == [("Canada Post", "Canada Post")]
    assert canon("Postes Canada livre le courrier.") == ["Canada Post"]
    assert canon("the purchase of three Gateway notebook computers") == ["Gateway"]
    assert canon("funding will be used to purchase the APX radios") == ["Motorola APX"]


def test_the_families_words_in_other_senses_stay_words():
    # clean twins: a post office in lower case, a gateway that is a place, APX alone
    assert canon("Residents may rent a Canada post office box.") == []
    assert canon("The Gateway Park trail opens in May.") == []
    assert canon("The APX index was discussed.") == []


def test_ford_is_a_vendor_after_a_bid_or_vehicle_word_or_before_a_model():
    assert canon("Council approved two new Ford Explorers for the police department.") == ["Ford"]
    assert canon("Elle n’avait reçu qu’une soumission, celle de Saint-Georges Ford.") == ["Ford"]


def test_ford_the_surname_stays_a_person():
    # clean twins: a premier, a founder, a foundation; the vehicle word after the name
    assert canon("Premier Doug Ford announced funding for electric vehicles.") == []
    assert canon("Henry Ford founded a company.") == []
    assert canon("The Ford Foundation grant was received.") == []
