"""Evaluation sanity and the red flags the criteria can raise (issue 15 points 4 and 7):
C-ALL-POINTS and C-FEW-OPTIONAL (docs/cases.md K31), C-UNVERIFIABLE (R021),
C-NO-CRITERIA (R005), and the red flags named in C-BRAND (R007) and
C-TOO-MANY-MANDATORY (R006)."""

from __future__ import annotations

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.criteria import check_criteria, unverifiable
from wizard.core.checks.package import KEY_DOCUMENTS, check_package
from wizard.core.domain.evaluation import points_needed
from wizard.core.examples import example_names, load_example
from wizard.core.model import Criterion, Project
from wizard.core.model.defaults import new_project


def criteria(mandatory: int, optional: int, threshold: int = 70, **optional_fields: str) -> Project:
    p = Project()
    p.criteria = [
        Criterion(id=i + 1, text=f"Requirement {i + 1}", verification="software_access")
        for i in range(mandatory)
    ]
    p.criteria += [
        Criterion(
            id=100 + i,
            text=f"Option number {i}",
            kind="optional",
            verification=optional_fields.get("verification", "software_access"),
        )
        for i in range(optional)
    ]
    p.criteria_settings.pass_threshold_pct = threshold
    return p


def only(project: Project, code: str):
    return [f for f in check_criteria(project) if f.code == code]


# -- K31: all optional points needed --------------------------------------------------------


@pytest.mark.parametrize(
    ("optional", "threshold", "needed"),
    [(1, 70, 1), (2, 70, 2), (3, 70, 3), (3, 67, 3), (4, 76, 4), (10, 91, 10), (60, 99, 60)],
)
def test_all_points_needed_is_a_warning_with_the_numbers(optional, threshold, needed):
    assert points_needed(threshold, optional) == needed == optional  # ceil, in integers
    (f,) = only(criteria(2, optional, threshold), "C-ALL-POINTS")
    assert f.severity.value == "warning" and f.field == "criteria_settings.pass_threshold_pct"
    points = "point is" if optional == 1 else "points are"
    assert f.message("en").startswith(
        f"{needed} of {optional} optional {points} needed to pass ({threshold}%)"
    )


@pytest.mark.parametrize(("optional", "threshold"), [(4, 70), (3, 66), (10, 90), (60, 70), (7, 0)])
def test_a_point_to_spare_is_not_all_points(optional, threshold):
    assert points_needed(threshold, optional) < optional
    assert only(criteria(2, optional, threshold), "C-ALL-POINTS") == []


def test_k31_three_optional_criteria_at_70_percent():
    (f,) = only(criteria(2, 3), "C-ALL-POINTS")
    assert f.message("en") == (
        "3 of 3 optional points are needed to pass (70%): every qualified bid has every point, so "
        "quality no longer separates the bids and price alone decides. Lower the threshold or add "
        "optional criteria."
    )
    assert f.message("fr") == (
        "Il faut 3 points facultatifs sur 3 pour qu’une soumission soit retenue (70\u00a0%)\u00a0: toute "
        "soumission retenue obtient tous les points, si bien que la qualité ne départage plus les "
        "soumissions et que seul le prix décide. Abaissez le seuil ou ajoutez des critères facultatifs."
    )
    assert only(criteria(2, 3), "C-FEW-OPTIONAL") == []  # one finding says it


def test_under_quebecs_weighted_system_the_optional_criteria_become_mandatory():
    p = criteria(2, 3)
    p.evaluation.quebec_weighted = True
    (f,) = only(p, "C-ALL-POINTS")
    assert "act as mandatory ones" in f.message("en") and "price alone" not in f.message("en")
    assert "deviennent en fait obligatoires" in f.message("fr")


def test_an_out_of_range_threshold_is_c_threshold_only():
    p = criteria(2, 3, threshold=170)
    assert [f.code for f in check_criteria(p) if f.code.startswith(("C-ALL", "C-FEW", "C-THRESHOLD"))] == [
        "C-THRESHOLD"
    ]


# -- fewer than 4 optional criteria --------------------------------------------------------


def test_few_optional_criteria_with_a_point_to_spare():
    (f,) = only(criteria(2, 3, threshold=60), "C-FEW-OPTIONAL")
    assert (f.severity.value, f.field) == ("warning", "criteria")
    assert f.message("en").startswith("Only 3 optional criteria: with fewer than 4,")
    assert f.message("fr").startswith("Seulement 3 critères facultatifs\u00a0: avec moins de 4,")
    assert only(criteria(2, 4), "C-FEW-OPTIONAL") == []


def test_no_optional_criterion_leaves_price_alone():
    (f,) = only(criteria(3, 0), "C-FEW-OPTIONAL")
    assert f.message("en") == (
        "No optional criterion: the quality score cannot separate the qualified bids, so price alone "
        "decides. Write at least 4 optional criteria."
    )
    p = criteria(3, 0)
    p.evaluation.quebec_weighted = True  # the quality grid scores quality there
    assert only(p, "C-FEW-OPTIONAL") == []


# -- R021: weight on criteria the committee cannot verify ------------------------------------


def test_unverifiable_means_the_bidders_document_or_subjective_wording():
    assert unverifiable(Criterion(text="Hosted in Canada", verification="document"))
    assert unverifiable(Criterion(text="A user-friendly interface", kind="optional", verification="scenario"))
    assert unverifiable(Criterion(text="Fast search", verification="software_access"))
    assert not unverifiable(Criterion(text="Search answers in under 2 s", verification="software_access"))
    assert not unverifiable(Criterion(text="Exports to CSV", verification="scenario"))


def test_more_than_half_of_the_quality_points_on_unverifiable_criteria():
    p = criteria(2, 5)
    for c in p.criteria[2:5]:
        c.verification = "document"  # 3 of the 5 optional criteria
    (f,) = only(p, "C-UNVERIFIABLE")
    assert (f.severity.value, f.field) == ("warning", "criteria")
    assert f.message("en").startswith(
        "3 of the 5 optional criteria cannot be verified by the technical committee"
    )
    assert "(red flag R021, Open Contracting Partnership)" in f.message("en")
    assert f.message("fr").startswith(
        "3 critères facultatifs sur 5 ne peuvent pas être vérifiés par le comité technique"
    )
    assert "(signal d’alerte R021, Open Contracting Partnership)" in f.message("fr")
    p.criteria[4].verification = "scenario"  # 2 of 5: not more than half
    assert only(p, "C-UNVERIFIABLE") == []


def test_half_exactly_is_not_more_than_half():
    p = criteria(2, 4)
    for c in p.criteria[2:4]:
        c.text = "An intuitive interface"
    assert only(p, "C-UNVERIFIABLE") == []
    p.criteria[4].verification = "document"
    assert [f.message("en")[:30] for f in only(p, "C-UNVERIFIABLE")] == ["3 of the 4 optional criteria c"]


# -- R005: key documents ---------------------------------------------------------------------


def test_a_tender_without_criteria_lacks_a_key_document():
    (f,) = check_package(new_project("en"))
    assert (f.code, f.severity.value, f.field) == ("C-NO-CRITERIA", "error", "criteria")
    assert "(red flag R005, Open Contracting Partnership)" in f.message("en")
    assert "(signal d’alerte R005, Open Contracting Partnership)" in f.message("fr")
    assert check_package(criteria(1, 0)) == []
    assert [code for code, *_rest in KEY_DOCUMENTS] == ["C-NO-CRITERIA"]


def test_criteria_left_blank_are_no_criteria():
    p = new_project("fr")
    p.criteria = [Criterion(id=1), Criterion(id=2, text="  ")]
    codes = sorted(f.code for f in run_checks(p) if f.code.startswith("C-"))
    assert codes == ["C-BLANK-ROW", "C-BLANK-ROW", "C-NO-CRITERIA"]


# -- the red flags named in existing findings -----------------------------------------------


def test_brand_names_red_flag_r007_and_the_criterion_number():
    p = criteria(2, 4)
    p.criteria[1].text = "Native support for Microsoft Entra ID single sign-on"
    (f,) = only(p, "C-BRAND")
    assert f.message("en") == (
        "Brand or product name in criterion OBL-2: Microsoft Entra ID. Describe the function or the "
        "standard instead; “or equivalent” does not make it fair (red flag R007, Open Contracting "
        "Partnership)."
    )
    assert f.message("fr").startswith(
        "Nom de marque ou de produit dans le critère OBL-2\u00a0: Microsoft Entra ID."
    )


def test_too_many_mandatory_names_red_flag_r006():
    (f,) = only(criteria(11, 20), "C-TOO-MANY-MANDATORY")
    assert f.message("en").endswith(
        "Each one can exclude a bidder (red flag R006, Open Contracting Partnership)."
    )


@pytest.mark.parametrize("name", example_names())
def test_the_examples_raise_none_of_these(name):
    codes = {f.code for f in run_checks(load_example(name))}
    assert codes.isdisjoint({"C-ALL-POINTS", "C-FEW-OPTIONAL", "C-UNVERIFIABLE", "C-NO-CRITERIA"})
