"""Market scan computations: shares, common features, differentiators."""

from __future__ import annotations

from fractions import Fraction

from wizard.core.domain import market
from wizard.core.model import Criterion, Feature, Project, Solution, Support


def scan(matrix: dict[str, dict[int, str]], features: int = 4) -> Project:
    """A project whose solutions are the keys of ``matrix`` ({feature id: level})."""
    p = Project()
    p.features = [Feature(id=i, name=f"F{i}") for i in range(1, features + 1)]
    cell = 0
    for sid, (name, row) in enumerate(matrix.items(), 1):
        p.solutions.append(Solution(id=sid, name=name))
        for fid, level in row.items():
            cell += 1
            p.support.append(Support(id=cell, solution_id=sid, feature_id=fid, level=level))
    return p


MATRIX = {
    "Alpha": {1: "yes", 2: "yes", 3: "yes", 4: "no"},
    "Beta": {1: "yes", 2: "yes", 3: "partial", 4: "no"},
    "Gamma": {1: "yes", 2: "yes", 3: "no", 4: "yes"},
    "Delta": {1: "yes", 2: "no", 3: "unknown"},
}


def test_shares_count_yes_only_and_partial_apart():
    s = market.summarize(scan(MATRIX))
    assert s.share == {1: Fraction(1), 2: Fraction(3, 4), 3: Fraction(1, 4), 4: Fraction(1, 4)}
    assert s.partial == {1: 0, 2: 0, 3: 1, 4: 0}


def test_common_features_use_the_threshold_in_integers():
    p = scan(MATRIX)
    assert market.summarize(p).common == [1, 2]  # 75 % is common at the default 75 %
    p.market.common_threshold_pct = 76
    assert market.summarize(p).common == [1]


def test_differentiators_and_unsupported():
    p = scan(MATRIX, features=5)
    s = market.summarize(p)
    assert s.differentiators == [3, 4]
    assert s.unsupported == [5]


def test_underperforming_solutions():
    p = scan(MATRIX)
    p.market.underperforming_pct = 60  # Delta supports 1 of 2 common features = 50 %
    assert market.summarize(p).underperforming == [4]
    p.market.underperforming_pct = 50
    assert market.summarize(p).underperforming == []


def test_a_criterion_is_met_by_solutions_supporting_all_its_features():
    p = scan(MATRIX)
    index = market.SupportIndex(p)
    assert market.criterion_solutions(Criterion(id=1, feature_ids=[1, 2]), index) == {1, 2, 3}
    assert market.criterion_solutions(Criterion(id=2, feature_ids=[2, 3]), index) == {1}
    assert market.criterion_solutions(Criterion(id=3, feature_ids=[]), index) == set()


def test_compliant_solutions_meet_every_mandatory_criterion():
    p = scan(MATRIX)
    p.criteria = [
        Criterion(id=1, kind="mandatory", feature_ids=[1]),
        Criterion(id=2, kind="mandatory", feature_ids=[2]),
        Criterion(id=3, kind="optional", feature_ids=[4]),
    ]
    assert market.compliant_solutions(p) == [1, 2, 3]
    assert market.solution_names(p, {3, 1}) == "Alpha, Gamma"


def test_cells_of_deleted_solutions_or_features_are_ignored():
    p = scan(MATRIX)
    p.support.append(Support(id=99, solution_id=42, feature_id=1, level="yes"))
    p.support.append(Support(id=100, solution_id=1, feature_id=42, level="yes"))
    assert market.summarize(p).supported[1] == 4
