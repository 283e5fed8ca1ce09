"""Issue 19, ninth round, brand side: each kind kept with its trigger and its clean twin
(tests/corpus/README.md, "A ninth round, brand side")."""

from __future__ import annotations

from wizard.core.domain.brands import detect_brands
from wizard.core.domain.product_names import possible_names


def possible(text):
    return [m.name for m in possible_names(text, detect_brands(text))]


def test_a_product_line_of_ordinary_words_ending_in_plus_or_series():
    assert possible("Le programme de licences Harbour Plus permet de commander des licences.") == [
        "Harbour Plus"
    ]
    assert possible("Support is requested for the Harbour Series System.") == ["Harbour Series"]
    assert possible("The clerk will buy the Title Plus software.") == ["Title Plus"]
    assert possible("Les licences Harbour Series seront renouvelées.") == ["Harbour Series"]


def test_series_and_plus_without_a_product_stay_words():
    # clean twins: an event series, a bond series, "Plus" opening a sentence or a text
    assert possible("Council attended the Summer Concert Series in July.") == []
    assert possible("The Series A bonds were sold in May.") == []
    assert possible("Plus, the Town will pay the fees.") == []
    assert possible("The City Plus Program ends in May.") == []
    assert possible("La Ville offre le Service Plus aux aînés depuis mai.") == []
