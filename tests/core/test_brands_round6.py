"""Issue 19, sixth round, brand side: each kind with its trigger and its clean twin
(docs/cases.md K18, K19, K34)."""

from __future__ import annotations

from wizard.core.domain.brands import detect_brands
from wizard.core.domain.product_names import possible_names


def canon(text):
    return [m.canonical for m in detect_brands(text)]


def possible(text):
    return [m.name for m in possible_names(text, detect_brands(text))]


def test_a_multi_word_alias_with_an_apostrophe_matches_whole():
    for text in ("ESI Technologies de l'information", "ESI Technologies de l’information"):
        assert [(m.name, m.canonical) for m in detect_brands(text)] == [(text, "ESI Technologies")]


def test_an_apostrophe_joins_only_the_words_of_an_alias():
    # clean twins: the generic phrase in lower case, and other words after the apostrophe
    assert canon("Une coopérative d’informatique municipale pourrait être créée.") == []
    assert [m.name for m in detect_brands("ESI Technologies d'abord")] == ["ESI Technologies"]


def test_an_after_phrase_does_not_swallow_the_next_name():
    found = detect_brands("The library offers OverDrive and Libby to patrons.")
    assert [(m.name, m.canonical) for m in found] == [("OverDrive", "OverDrive"), ("Libby", "Libby")]


def test_an_after_phrase_of_ordinary_words_stays_whole():
    # clean twin: "Bell Canada" is one name as written
    assert [(m.name, m.canonical) for m in detect_brands("Bell Canada phone lines")] == [
        ("Bell Canada", "Bell Canada")
    ]


def test_the_title_of_a_document_is_not_a_product():
    assert (
        possible("That the report entitled “Award of Proposal 191-R-21 Data Centre Refresh” be received")
        == []
    )
    assert possible('Section 35.18 of the Code of Ordinances is titled "COMPETITIVE BIDDING REQUIRED".') == []
    assert possible("Le rapport intitulé « Bilan Annuel Zorbix » est déposé.") == []


def test_a_product_titled_or_called_is_still_named():
    # clean twin: a naming word after a product word still names it
    assert possible("a software application titled “Card Manager Plus” is used") == ["Card Manager Plus"]
    assert possible("an application called “Zorbix Desk” for permits") == ["Zorbix Desk"]


def test_platforms_family_names_are_found():
    # MERX left the family (walk 3 #11): a tender must name the portal it is published on
    assert canon("All tenders were posted on MERX.") == []
    assert canon("Code Navision : MLI170521T") == ["Navision"]
    assert canon("La société Aastra conteste l'attribution à NextiraOne.") == ["Aastra", "NextiraOne"]
    assert canon("comme dans le cas d’IMIO") == ["iMio"]
    assert canon("the Dolibarr instance and wallabag") == ["Dolibarr", "wallabag"]


def test_platforms_family_clean_twins():
    assert canon("Tenders are posted on the public tendering service.") == []
    assert canon("La société conteste l'attribution du marché de téléphonie.") == []
