"""Market scan computations: pure functions of the project.

Guide principle: a neutral market scan compares the features and international
standards the solutions have in common, so the tender lets the main players bid.

Counting rule: a solution *supports* a feature only when its matrix cell is ``yes``.
``partial`` is counted apart (``MarketSummary.partial``) but does not count as support:
a mandatory criterion is pass/fail, and a partial answer does not meet it. ``unknown``
and a missing cell count as no support. Shares are compared in integers
(``yes × 100 ≥ threshold × solutions``), never in floats.

The matrix is indexed once per call (:class:`SupportIndex`), so a 50 × 200 matrix
and 300 criteria stay far below the 20 ms budget of every check together (``tests/benchmark.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from wizard.core.model import Criterion, Project


class SupportIndex:
    """The solutions that support (``yes``) or partially support each feature."""

    def __init__(self, project: Project) -> None:
        solution_ids = {s.id for s in project.solutions}
        self.yes: dict[int, set[int]] = {f.id: set() for f in project.features}
        self.partial: dict[int, set[int]] = {f.id: set() for f in project.features}
        for cell in project.support:
            if cell.solution_id not in solution_ids or cell.feature_id not in self.yes:
                continue
            if cell.level == "yes":
                self.yes[cell.feature_id].add(cell.solution_id)
            elif cell.level == "partial":
                self.partial[cell.feature_id].add(cell.solution_id)
        self.solution_ids = solution_ids

    def meeting(self, feature_ids: list[int]) -> set[int]:
        """Ids of the solutions that support *all* of ``feature_ids`` (``yes``).

        Unknown feature ids are ignored; an empty list gives an empty set (a criterion
        linked to no feature cannot be checked against the scan).
        """
        known = [f for f in feature_ids if f in self.yes]
        if not known:
            return set()
        sets = sorted((self.yes[f] for f in known), key=len)
        result = set(sets[0])
        for other in sets[1:]:
            result &= other
        return result


@dataclass(frozen=True)
class MarketSummary:
    """What the scan says: per-feature support, common features, differentiators.

    ``share`` is the exact fraction of scanned solutions supporting each feature
    (0 … 1); ``underperforming`` are solutions supporting fewer than
    ``underperforming_pct`` % of the common features.
    """

    solutions: int
    supported: dict[int, int]
    partial: dict[int, int]
    share: dict[int, Fraction]
    common: list[int]
    differentiators: list[int]
    unsupported: list[int]
    underperforming: list[int]


def summarize(project: Project, index: SupportIndex | None = None) -> MarketSummary:
    """The market summary of ``project`` (thresholds from ``project.market``, in %)."""
    index = index or SupportIndex(project)
    n = len(project.solutions)
    threshold = project.market.common_threshold_pct
    supported = {fid: len(ids) for fid, ids in index.yes.items()}
    partial = {fid: len(ids) for fid, ids in index.partial.items()}
    share = {fid: Fraction(count, n) if n else Fraction(0) for fid, count in supported.items()}
    order = [f.id for f in project.features]
    common = [f for f in order if n and supported[f] * 100 >= threshold * n]
    common_set = set(common)
    differentiators = [f for f in order if supported[f] > 0 and f not in common_set]
    unsupported = [f for f in order if supported[f] == 0]
    return MarketSummary(
        solutions=n,
        supported=supported,
        partial=partial,
        share=share,
        common=common,
        differentiators=differentiators,
        unsupported=unsupported,
        underperforming=_underperforming(project, index, common),
    )


def _underperforming(project: Project, index: SupportIndex, common: list[int]) -> list[int]:
    if not common:
        return []
    pct = project.market.underperforming_pct
    counts = dict.fromkeys(index.solution_ids, 0)
    for fid in common:
        for sid in index.yes[fid]:
            counts[sid] += 1
    return [s.id for s in project.solutions if counts[s.id] * 100 < pct * len(common)]


def criterion_solutions(criterion: Criterion, index: SupportIndex) -> set[int]:
    """Ids of the scanned solutions meeting ``criterion``: those supporting ALL its features."""
    return index.meeting(criterion.feature_ids)


def linked_mandatory(project: Project) -> list[Criterion]:
    """Mandatory criteria linked to at least one known feature (checkable on the scan)."""
    known = {f.id for f in project.features}
    return [
        c for c in project.criteria if c.kind == "mandatory" and any(fid in known for fid in c.feature_ids)
    ]


def compliant_solutions(project: Project, index: SupportIndex | None = None) -> list[int]:
    """Ids of the solutions meeting every linked mandatory criterion (C-COMPLIANT).

    With no linked mandatory criterion every scanned solution complies.
    """
    index = index or SupportIndex(project)
    ok = set(index.solution_ids)
    for criterion in linked_mandatory(project):
        ok &= index.meeting(criterion.feature_ids)
        if not ok:
            break
    return [s.id for s in project.solutions if s.id in ok]


def solution_names(project: Project, ids: set[int] | list[int]) -> str:
    """'A, B, C': the names of the solutions ``ids``, in scan order."""
    wanted = set(ids)
    return ", ".join(s.name or f"#{s.id}" for s in project.solutions if s.id in wanted)
