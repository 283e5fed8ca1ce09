"""One requirement per criterion (issue 19; the guide's pass/fail rule).

Code: ``C-SEVERAL-REQUIREMENTS`` (warning, on ``criteria:{id}.text``): a criterion that
joins two or more requirement clauses, each with its own modal verb ("must … and must
…", "shall …; shall …", « doit … et doit … »). A criterion is answered "meets / does
not meet" as a whole: two requirements in one make a partial answer impossible to score
and hide a second condition in the first. A modal inside a relative or conditional
clause ("the data that must be kept", « les données qui doivent être conservées »)
qualifies the main requirement and does not count.

Principle: :data:`wizard.core.checks.principles.BINARY`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.criteria_text import Labels, number_of
from wizard.core.checks.wording import fold, words
from wizard.core.i18n import N_
from wizard.core.model import Criterion, Project

MODAL = words(
    r"must|shall|(?:is|are|will be) required to"
    r"|doi(?:t|vent)|devr(?:a|ont)|(?:est|sont) tenue?s? d[e']"
)
"""A requirement's verb, in folded text (lower case, no accents)."""

_SUBORDINATE = re.compile(
    r"\b(?:that|which|who|whom|whose|where|when|whenever|if|unless|whether|as|than"
    r"|qui|que|qu|dont|ou|lorsque|lorsqu|si|quand|comme|lequel|laquelle|lesquels|lesquelles)\b[^,;:.()]*$"
)
"""A subordinator between the clause's start and the modal: the modal is not the main verb."""

_CLAUSE_START = re.compile(r"[,;:.()\n]|\b(?:and|or|but|then|et|ou|mais|puis)\b")


def requirement_verbs(text: str) -> list[str]:
    """The main requirement verbs of ``text``, as written (``["must", "must"]``).

    A modal counts when no subordinator ("that", "which", « qui », « que » …) stands
    between it and the start of its clause (the text's start, a punctuation mark or
    "and" / "or" / « et » / « ou »). Cached on the text (every criterion, every run)."""
    return list(_requirement_verbs(text))


@lru_cache(maxsize=8192)
def _requirement_verbs(text: str) -> tuple[str, ...]:
    folded = fold(text)
    found: list[str] = []
    for match in MODAL.finditer(folded):
        before = folded[: match.start()]
        starts = [m.end() for m in _CLAUSE_START.finditer(before)]
        clause = before[starts[-1] if starts else 0 :]
        if _SUBORDINATE.search(clause):
            continue
        found.append(text[match.start() : match.end()])
    return tuple(found)


def several_requirements(criterion: Criterion, labels: Labels) -> list[Finding]:
    """``C-SEVERAL-REQUIREMENTS`` for ``criterion`` when its text holds two or more main
    requirement verbs; ``[]`` otherwise. ``labels``: ``numbering.criterion_labels``."""
    verbs = requirement_verbs(criterion.text)
    if len(verbs) < 2:
        return []
    return [
        finding(
            "C-SEVERAL-REQUIREMENTS",
            Severity.WARNING,
            N_(
                "Criterion {criterion} holds several requirements (\u201c{words}\u201d): split it, one "
                "requirement per criterion, so that each is answered \u201cmeets / does not meet\u201d on "
                "its own."
            ),
            f"criteria:{criterion.id}.text",
            principles.BINARY,
            words=" \u2026 ".join(verbs),
            criterion=number_of(labels, criterion),
        )
    ]


def check_requirements(project: Project, labels: Labels) -> list[Finding]:
    """``C-SEVERAL-REQUIREMENTS`` on every criterion of ``project`` that holds several."""
    found: list[Finding] = []
    for c in project.criteria:
        found.extend(several_requirements(c, labels))
    return found
