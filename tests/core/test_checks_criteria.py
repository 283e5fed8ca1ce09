"""Criteria checks (docs/cases.md K12)."""

from __future__ import annotations

import pytest

from tests.core.test_market import MATRIX, scan
from wizard.core.checks.criteria import check_criteria
from wizard.core.domain.evaluation import passes_threshold, points_needed
from wizard.core.model import Criterion, Justification


def codes(project):
    return sorted(f.code for f in check_criteria(project))


def only(project, code):
    return [f for f in check_criteria(project) if f.code == code]


def brand_codes(project):
    """The brand codes only: one optional criterion alone also needs all its points (C-ALL-POINTS)."""
    return [c for c in codes(project) if c in ("C-BRAND", "C-EQUIVALENT", "C-POSSIBLE-BRAND")]


def test_target_error_names_the_single_complying_solution():
    p = scan(MATRIX)
    p.criteria = [Criterion(id=7, text="Feature 2 and 3", feature_ids=[2, 3])]
    (f,) = only(p, "C-TARGET")
    assert f.severity.value == "error"
    assert f.field == "criteria:7.feature_ids"
    assert f.message("en") == (
        "Only 1 scanned solution meets mandatory criterion OBL-1: Alpha. It may target it indirectly "
        "(red flag R007, Open Contracting Partnership)."
    )
    assert f.message("fr") == (
        "Seulement 1 solution recensée satisfait au critère obligatoire OBL-1\u00a0: Alpha. Il risque de la "
        "cibler indirectement (signal d’alerte R007, Open Contracting Partnership)."
    )


def test_target_warning_at_two_solutions_names_both():
    p = scan(MATRIX)
    p.criteria = [
        Criterion(id=1, text="F3 partial counts as no", feature_ids=[3]),
        Criterion(id=2, feature_ids=[4]),
    ]
    p.support[6].level = "yes"  # Beta now supports feature 3: Alpha and Beta
    found = {f.field: f for f in only(p, "C-TARGET")}
    assert found["criteria:1.feature_ids"].severity.value == "warning"
    assert "Alpha, Beta" in found["criteria:1.feature_ids"].message("en")
    assert found["criteria:2.feature_ids"].severity.value == "error"
    assert "Gamma" in found["criteria:2.feature_ids"].message("en")


def test_target_error_when_no_solution_meets_it():
    p = scan(MATRIX, features=5)
    p.criteria = [Criterion(id=1, feature_ids=[5])]
    (f,) = only(p, "C-TARGET")
    assert f.severity.value == "error" and f.message("en").startswith("No scanned solution")


def test_optional_and_well_met_criteria_are_not_targeting():
    p = scan(MATRIX)
    p.criteria = [Criterion(id=1, feature_ids=[1]), Criterion(id=2, kind="optional", feature_ids=[4])]
    assert only(p, "C-TARGET") == []


def test_unlinked_mandatory_criterion_is_reported():
    p = scan(MATRIX)
    p.criteria = [Criterion(id=1, text="Hosted in Canada", feature_ids=[])]
    assert [f.code for f in check_criteria(p) if f.field.startswith("criteria:1")] == ["C-UNLINKED"]


@pytest.mark.parametrize(
    ("features", "severity", "count"),
    [([[1]], None, 4), ([[1], [2]], None, 3), ([[1], [2], [4]], "error", 1), ([[2], [3]], "error", 1)],
)
def test_compliant_count(features, severity, count):
    p = scan(MATRIX)
    p.criteria = [Criterion(id=i, feature_ids=f) for i, f in enumerate(features, 1)]
    found = only(p, "C-COMPLIANT")
    if severity is None:
        assert found == []
    else:
        assert [f.severity.value for f in found] == [severity]
        noun = "solution meets" if count == 1 else "solutions meet"
        assert found[0].message("en").startswith(f"{count} scanned {noun} every mandatory criterion")


def test_compliant_warning_with_two_solutions():
    p = scan(MATRIX)
    p.criteria = [Criterion(id=1, feature_ids=[1, 2]), Criterion(id=2, feature_ids=[3, 1])]
    p.support[6].level = "yes"  # Beta now supports feature 3
    (f,) = only(p, "C-COMPLIANT")
    assert f.severity.value == "warning" and "(Alpha, Beta)" in f.message("en")


def test_too_many_mandatory():
    p = scan(MATRIX)
    p.criteria = [
        Criterion(id=i, text=f"Requirement number {i} about topic {i * 7}", kind="optional")
        for i in range(1, 31)
    ]
    for c in p.criteria[:11]:
        c.kind = "mandatory"
    assert "C-TOO-MANY-MANDATORY" in codes(p)  # 11 > 10
    for c in p.criteria[10:11]:
        c.kind = "optional"
    assert "C-TOO-MANY-MANDATORY" not in codes(p)  # 10 of 30 = 33 %
    p.criteria = p.criteria[:20]  # 10 of 20 = 50 % > 40 %
    assert "C-TOO-MANY-MANDATORY" in codes(p)


@pytest.mark.parametrize(("pct", "severity"), [(70, None), (85, None), (69, "warning"), (101, "error")])
def test_threshold(pct, severity):
    p = scan(MATRIX)
    p.criteria_settings.pass_threshold_pct = pct
    assert [f.severity.value for f in only(p, "C-THRESHOLD")] == ([severity] if severity else [])


def test_k12_points_needed_in_integers():
    assert points_needed(70, 60) == 42
    assert passes_threshold(42, 60, 70)  # 42/60 = 70 % exactly: passes
    assert not passes_threshold(41, 60, 70)
    assert points_needed(70, 7) == 5  # ceil(4.9)
    assert points_needed(75, 4) == 3
    assert points_needed(70, 0) == 0
    with pytest.raises(ValueError):
        points_needed(120, 10)


def test_brand_stays_an_error_with_or_equivalent_and_needs_it_once_justified():
    p = scan(MATRIX)
    p.criteria = [Criterion(id=3, text="Compatible with Laserfiche", kind="optional")]
    assert brand_codes(p) == ["C-BRAND"]
    p.justifications = [Justification(id=1, code="C-BRAND", field="criteria:3.text", reason="Installed base")]
    assert brand_codes(p) == ["C-BRAND", "C-EQUIVALENT"]
    p.criteria[0].text = "Compatible with Laserfiche or equivalent"
    assert brand_codes(p) == ["C-BRAND"]
    (f,) = only(p, "C-BRAND")
    assert f.is_justified(p)
    p.criteria[0].text = "Compatible avec Laserfiche ou l’équivalent"
    assert brand_codes(p) == ["C-BRAND"]


def test_extra_brand_from_the_project():
    p = scan(MATRIX)
    p.criteria = [Criterion(id=1, text="Imports files from PermisPlus", kind="optional")]
    assert brand_codes(p) == ["C-POSSIBLE-BRAND"]  # shaped like a product name, not on the list
    from wizard.core.model import ExtraBrand

    p.extra_brands = [ExtraBrand(id=1, name="PermisPlus")]
    assert brand_codes(p) == ["C-BRAND"]


def test_near_duplicates_are_reported_on_the_later_criterion():
    p = scan(MATRIX)
    p.criteria = [
        Criterion(id=1, text="The system exports all data in an open format.", kind="optional"),
        Criterion(id=2, text="Users can print permits.", kind="optional"),
        Criterion(id=3, text="All data is exported in open formats by the system", kind="optional"),
    ]
    (f,) = only(p, "C-DUPLICATE")
    assert f.field == "criteria:3.text"  # row 3 is the tender's OPT-3 (docs/cases.md K32)
    assert (
        f.message("en")
        == "Criterion OPT-3 nearly repeats criterion OPT-1: merge them or make the difference clear."
    )
    assert f.message("fr") == (
        "Le critère OPT-3 répète presque le critère OPT-1\u00a0: fusionnez-les ou précisez la différence."
    )


def test_messages_have_french_translations():
    p = scan(MATRIX, features=5)
    p.criteria = [
        Criterion(id=1, text="Fast Esri maps", feature_ids=[5]),
        Criterion(id=2, text="Fast Esri maps"),
    ]
    p.criteria_settings.pass_threshold_pct = 50
    for f in check_criteria(p):
        assert f.message("fr") != f.message("en"), f.code
        assert f.principle_text("fr") != f.principle_text("en"), f.code
