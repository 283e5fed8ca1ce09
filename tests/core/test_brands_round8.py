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
