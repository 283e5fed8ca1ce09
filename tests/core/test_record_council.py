"""The decision record as a council report (issue 15, point 6): the estimate and which
figure it is, the funding checks, the legal framework, the conclusion of the TCO."""

from __future__ import annotations

import copy
from decimal import Decimal

from wizard.core.checks import run_checks
from wizard.core.checks.funding import check_funding
from wizard.core.documents.record_conclusion import conclusion
from wizard.core.documents.record_funding import estimate_text, funding_blocks
from wizard.core.documents.record_legal import legal_blocks
from wizard.core.domain import funding, tco
from wizard.core.examples import load_example


def _texts(blocks) -> list[str]:
    return [b.text for b in blocks if hasattr(b, "text")]


def test_the_estimate_is_the_tco_of_the_option_with_the_lowest_npv_by_default():
    p = copy.deepcopy(load_example("office-suite"))
    assert funding.estimate_from_tco(p)
    assert funding.estimate(p) == tco.compute_tco(p)[0].nominal  # "Stay on premises"
    assert estimate_text(p, "en") == "$354,226.71 before taxes over 5 years"
    assert estimate_text(p, "fr") == "354\u00a0226,71\u00a0$ avant taxes sur 5\u00a0ans"
    text = _texts(funding_blocks(p, "en"))
    assert (
        "It is the nominal total of “Stay on premises”, the option with the lowest net present value "
        "($303,989.71) in the total cost of ownership." in text
    )
    assert "Source of funds: the 2027 capital budget, IT renewal reserve (project IT-27-02)." in text
    assert "Budget available: $400,000.00." in text
    assert "The budget available covers the estimate, with $45,773.29 to spare." in text
    assert (
        "With sales taxes (HST 14%): $403,818.45; the Town may recover part of them through the rebates public bodies are entitled to."
        in text
    )


def test_the_towns_own_estimate_replaces_the_tco_and_the_record_says_so():
    p = copy.deepcopy(load_example("office-suite"))
    p.tco.estimate_cad = Decimal("420000")
    assert funding.estimate(p) == Decimal("420000") and not funding.estimate_from_tco(p)
    text = _texts(funding_blocks(p, "en"))
    assert "$420,000.00 before taxes over 5 years." in text
    assert "The budget available falls short of the estimate by $20,000.00." in text
    found = [f for f in run_checks(p) if f.code == "T-BUDGET"]
    assert [(f.severity.value, f.message("en")) for f in found] == [
        (
            "warning",
            "The budget available (400\u00a0000 $) is below the estimate (420\u00a0000 $) by 20\u00a0000 $.",
        )
    ]


def test_funding_checks_name_what_is_missing():
    p = copy.deepcopy(load_example("training"))
    assert check_funding(p) == []
    p.tco.funding_source, p.tco.budget_cad = " ", Decimal(0)
    assert [(f.code, f.severity.value, f.field) for f in check_funding(p)] == [
        ("T-FUNDING", "info", "tco.funding_source"),
        ("T-BUDGET", "info", "tco.budget_cad"),
    ]
    p.tco.budget_cad = Decimal(-5)
    assert [f.code for f in check_funding(p)][0] == "T-RANGE"
    assert funding.budget(p) is None  # read within its bounds: 0, not stated


def test_the_legal_framework_names_the_provinces_procurement_statutes():
    p = copy.deepcopy(load_example("office-suite"))
    (law, *_rest) = _texts(legal_blocks(p, "en"))[1:]
    assert law.startswith(
        "The call for tenders is governed by the Public Procurement Act (S.N.S. 2011, c. 12)"
    )
    q = copy.deepcopy(load_example("emergency-perimeter"))
    law = _texts(legal_blocks(q, "fr"))[1]
    assert law.startswith(
        "L’appel d’offres est régi par la Loi sur les cités et villes (RLRQ, c. C-19), art. 573"
    )
    assert "règlement de gestion contractuelle" in law
    p.info.province = "AB"
    assert _texts(legal_blocks(p, "en"))[1].endswith("[to be confirmed by counsel].")


def test_the_tco_conclusion_in_words():
    p = load_example("office-suite")
    assert conclusion(p, tco.compute_tco(p), "en") == [
        "Over 5 years, “Stay on premises” costs least: $303,989.71 in net present value, $18,575.94 (6%) "
        "less than “Cloud subscription hosted in Canada”.",
        "Its nominal total before taxes is $354,226.71.",
        "What weighs most in it: internal staff time, $168,202.51 (47% of its nominal total).",
        "The options differ most in subscriptions: $175,052.00 more for “Cloud subscription hosted in Canada”.",
    ]
    assert conclusion(p, [], "fr") == []
