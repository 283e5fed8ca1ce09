"""Evaluation and award checks and Québec's weighted score."""

from __future__ import annotations

from decimal import Decimal as D  # noqa: N817

import pytest

from wizard.core.checks.evaluation import check_evaluation
from wizard.core.domain.evaluation import quebec_score
from wizard.core.model import Author, JuryMember, Project, QualityGridItem


def codes(p):
    return sorted(f.code for f in check_evaluation(p))


def base() -> Project:
    p = Project()
    p.evaluation.tie_break = "Lowest price"
    p.evaluation.committee_secretary = "Louise Gagnon"
    p.authors = [Author(id=1, name="Hélène Tremblay", role="IT director")]
    p.jury = [
        JuryMember(id=i, name=n, declaration_signed=True)
        for i, n in enumerate(["Ana Roy", "Luc Bo", "Kim Li"], 1)
    ]
    return p


def test_clean_evaluation():
    assert codes(base()) == []


@pytest.mark.parametrize(
    "name", ["Hélène Tremblay", "helene tremblay", "HÉLÈNE  TREMBLAY", "Helene-Tremblay"]
)
def test_jury_author_is_an_error(name):
    p = base()
    p.jury.append(JuryMember(id=4, name=name, declaration_signed=True))
    (f,) = check_evaluation(p)
    assert (f.code, f.severity.value, f.field) == ("E-JURY-AUTHOR", "error", "jury:4.name")
    assert (
        f.message("fr") == f"{name} a rédigé l’appel d’offres et ne peut pas siéger au comité de sélection."
    )


def test_unsigned_declaration_and_weights():
    p = base()
    p.jury[0].declaration_signed = False
    p.evaluation.quality_weight, p.evaluation.price_weight = 40, 50
    assert codes(p) == ["E-DECLARATION", "E-QUALITY", "E-WEIGHTS"]


def test_no_jury_tie_break_and_pilot():
    p = Project()
    p.evaluation.pilot_enabled = True
    assert codes(p) == ["E-NO-JURY", "E-PILOT", "E-TIE-BREAK"]


def test_quebec_rules():
    p = base()
    p.evaluation.quebec_weighted = True
    p.quality_grid = [
        QualityGridItem(id=1, label="Experience", points=40),
        QualityGridItem(id=2, label="Plan", points=30),
    ]
    p.jury = p.jury[:2]
    assert codes(p) == ["E-QC-COMMITTEE", "E-QC-CRITERIA", "E-QC-MAX", "E-QC-TOTAL"]
    p.quality_grid = [QualityGridItem(id=i, points=pts) for i, pts in enumerate([30, 30, 20, 20], 1)]
    p.jury.append(JuryMember(id=9, name="Zoé", declaration_signed=True))
    assert codes(p) == []


@pytest.mark.parametrize(
    ("interim", "price", "expected"),
    [(80, 100000, D("13")), (70, 120000, D("10")), ("69.9", 100000, None), (100, 150000, D("10"))],
)
def test_quebec_score_vectors(interim, price, expected):
    assert quebec_score(interim, price) == expected


@pytest.mark.parametrize(("interim", "price"), [(80, 0), (101, 1000), (-1, 1000)])
def test_quebec_score_rejects_bad_input(interim, price):
    with pytest.raises(ValueError):
        quebec_score(interim, price)


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        ([31, 23, 23, 23], ["E-QC-MAX"]),  # one criterion above 30: rejected
        ([30, 30, 40], ["E-QC-CRITERIA", "E-QC-MAX"]),
        ([30, 30, 30], ["E-QC-CRITERIA", "E-QC-TOTAL"]),  # fewer than 4: rejected
        ([30, 30, 20, 20], []),
        ([25, 25, 25, 15, 10], []),
    ],
)
def test_quebec_grid_rejected_above_30_points_or_below_4_criteria(points, expected):
    p = base()
    p.evaluation.quebec_weighted = True
    p.quality_grid = [QualityGridItem(id=i, label=f"Q{i}", points=pts) for i, pts in enumerate(points, 1)]
    assert codes(p) == expected
    p.evaluation.quebec_weighted = False  # the rules bind only in Québec's weighted mode
    assert codes(p) == []


def test_quebec_scores_shown_to_one_decimal():
    assert f"{quebec_score(80, 100000):.1f}" == "13.0"
    assert f"{quebec_score(70, 120000):.1f}" == "10.0"
    assert quebec_score(D("69.9"), 120000) is None
