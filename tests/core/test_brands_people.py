"""A one-word product name that is a person's given name, the person's position beside
it (found auditing the office-suite example's decision record: "Amanda Chisholm (Human
Resources Manager)", AMANDA being a permitting product)."""

from __future__ import annotations

import pytest

from wizard.core.domain.brands import brand_list


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Members of the selection committee: Heather Boudreau (Town Clerk), Jean-Luc LeBlanc "
            "(Director of Finance), Amanda Chisholm (Human Resources Manager).",
            [],
        ),
        ("Contact Amanda Chisholm, Director of Finance, for questions.", []),
        ("Pour toute question : Amanda Chisholm, directrice des finances.", []),
        # twins: the product, with a note, a module or in a list
        ("The system must replace Amanda (permitting) by June.", ["Amanda"]),
        ("The Town uses Amanda Permits (building department).", ["Amanda"]),
        ("The Town uses Amanda, Laserfiche and Cityworks.", ["Amanda", "Laserfiche", "Cityworks"]),
        ("The Town uses Amanda for permits.", ["Amanda"]),
    ],
)
def test_a_given_name_with_a_surname_and_a_position_is_a_person(text, names):
    assert brand_list(text) == names
