"""An optional criterion that rewards what a clause already makes mandatory (issue 17).

Code:

* ``C-CLAUSE-OBLIGATION`` (warning): an optional criterion (one point) asks for what a
  clause kept in the tender already imposes on every bidder: accessibility to WCAG 2.1
  AA (clause ``accessibility``), the Town's data hosted in Canada (``data-hosting-canada``),
  the Town's data handed back in an open format at the end of the Contract
  (``exit-reversibility``), documentation, training and support in the language of the
  binding version (``language``). Every compliant bid must meet the clause, so the point
  rewards nothing and only adds noise to the ranking; worse, a bid that says it does not
  meet the criterion is telling the Town it will breach the Contract, and the optional
  status suggests the obligation is negotiable.

Principle: the optional criteria separate the bids on what the Town leaves open; what
the Contract requires of everyone is not scored (the guide's "few mandatory criteria,
many optional ones worth one point each" counts only points that can differ). The fix
is to remove the criterion, make it mandatory (it then restates the clause, which is
harmless), or ask for more than the clause (WCAG 2.2, support in both languages…).

Detection reads the criterion's text in the tender's languages with patterns of the
:data:`OBLIGATIONS` table, narrow on purpose: a criterion is flagged only when it names
the very obligation ("accessible to WCAG 2.1 AA", "data hosted in Canada", "all data in
an open format", "support in French"), never for a feature that merely shares a word
("exports reports to PDF", "the interface supports French").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.criteria_text import number_of
from wizard.core.clauses.library import included_clauses
from wizard.core.domain.numbering import criterion_labels, localized_clause
from wizard.core.i18n import N_, Localized
from wizard.core.i18n.languages import binding_language
from wizard.core.model import Project

_I = re.IGNORECASE


@dataclass(frozen=True, eq=False)  # identity: a cheap key of _asked's cache (module constants)
class Obligation:
    """What a clause imposes on every bidder, and how a criterion that asks for it reads.

    ``clause``: the library clause id; ``topic``: an English message id naming the
    obligation in a finding; ``patterns``: every one must match the criterion's text
    (case-insensitive); ``beyond``: a criterion that also matches it asks for more than
    the clause (an independent audit, hosting in the province, export at any time, both
    languages), which a point may reward; ``binding``: the binding language the
    obligation needs ('' = any), for the language clause, which requires the binding
    version's language only.
    """

    clause: str
    topic: str
    patterns: tuple[re.Pattern[str], ...]
    beyond: re.Pattern[str]
    binding: str = ""

    def asked_by(self, text: str) -> bool:
        """Whether ``text`` (a criterion) asks for this obligation and nothing more
        (cached on the obligation and the text: asked of every criterion on every run)."""
        return _asked(self, text)


@lru_cache(maxsize=32768)
def _asked(obligation: Obligation, text: str) -> bool:
    return all(p.search(text) for p in obligation.patterns) and not obligation.beyond.search(text)


_BOTH_LANGUAGES = re.compile(
    r"(?:French|français)\W+(?:and|et)\W+(?:in\W+|en\W+)?(?:English|anglais)"
    r"|(?:English|anglais)\W+(?:and|et)\W+(?:in\W+|en\W+)?(?:French|français)|bilingu",
    _I,
)

_SERVICE = r"(?:support|soutien|assistance|help ?desk|documentation|training|formation|user guides?|guides? d[’'] ?utilisation)"

OBLIGATIONS = (
    Obligation(
        "accessibility",
        N_("accessibility to WCAG 2.1 level AA"),
        (
            re.compile(
                r"\bWCAG\b|\bEN\s*301\s*549\b|\baccessibility\b|\baccessibilit[ée]\b|\bscreen readers?\b"
                r"|\blecteurs? d[’'] ?écran\b|\bpeople with disabilities\b|\bpersonnes (?:handicapées|en situation de handicap)\b",
                _I,
            ),
        ),
        re.compile(r"independent|third[- ]party|tiers indépendant|tierce partie|WCAG\s*2\.[2-9]|\bAAA\b", _I),
    ),
    Obligation(
        "data-hosting-canada",
        N_("the Town's data hosted in Canada"),
        (
            re.compile(r"\bCanada\b|\bcanadien", _I),
            re.compile(
                r"\bhost|h[ée]berg|\bdata\b|donn[ée]es|\bstor(?:ed|age|es)\b|stock[ée]|r[ée]siden", _I
            ),
        ),
        re.compile(
            r"\bprovince\b|Qu[ée]bec|Ontario|Nova Scotia|Nouvelle-[ÉE]cosse|Brunswick|Manitoba|Alberta"
            r"|Saskatchewan|British Columbia|Colombie-Britannique|Newfoundland|Terre-Neuve|Prince[- ]([ÉE]douard|Edward)",
            _I,
        ),
    ),
    Obligation(
        "exit-reversibility",
        N_("the Town's data handed back in an open format at the end of the Contract"),
        (
            re.compile(r"\bdata\b|donn[ée]es", _I),
            re.compile(
                r"\bopen\W+(?:\w+\W+){0,2}formats?\b|\bformats?\W+(?:\w+\W+){0,2}ouverts?\b|machine-readable"
                r"|lisibles? par (?:une )?machine|r[ée]versib|end of the contract|fin du contrat",
                _I,
            ),
        ),
        re.compile(
            r"at any time|en tout temps|à tout moment|without (?:extra |additional )?(?:fees?|charge|cost)"
            r"|sans frais|without the (?:supplier|contractor|vendor)[’']s help|sans l[’']aide",
            _I,
        ),
    ),
    Obligation(
        "language",
        N_("documentation, training and support in French"),
        (
            re.compile(
                rf"\b{_SERVICE}\W+(?:\w+\W+){{0,3}}(?:in|en) (?:French|français)\b"
                rf"|\b(?:French|français)[- ](?:language )?{_SERVICE}",
                _I,
            ),
        ),
        _BOTH_LANGUAGES,
        binding="fr",
    ),
    Obligation(
        "language",
        N_("documentation, training and support in English"),
        (
            re.compile(
                rf"\b{_SERVICE}\W+(?:\w+\W+){{0,3}}(?:in|en) (?:English|anglais)\b"
                rf"|\b(?:English|anglais)[- ](?:language )?{_SERVICE}",
                _I,
            ),
        ),
        _BOTH_LANGUAGES,
        binding="en",
    ),
)
"""The obligations of the clause library a criterion may repeat (docs/checks.md)."""


def check_obligations(project: Project) -> list[Finding]:
    """``C-CLAUSE-OBLIGATION`` for each optional criterion that asks for an obligation of
    a clause the tender keeps (module doc); at most one finding per criterion and clause."""
    kept = {c.id for c in included_clauses(project)}
    binding = binding_language(project)
    active = [o for o in OBLIGATIONS if o.clause in kept and o.binding in ("", binding)]
    if not active:
        return []
    labels = criterion_labels(project)
    found: list[Finding] = []
    for criterion in project.criteria:
        if criterion.kind != "optional":
            continue
        seen: set[str] = set()
        for obligation in active:
            if obligation.clause in seen or not obligation.asked_by(criterion.text):
                continue
            seen.add(obligation.clause)
            found.append(
                finding(
                    "C-CLAUSE-OBLIGATION",
                    Severity.WARNING,
                    N_(
                        "Optional criterion {criterion} gives a point for {topic}, which the clause “{clause}” already requires of every bidder: the point rewards nothing, and a bid without it would breach the Contract. Remove the criterion, make it mandatory, or ask for more than the clause."
                    ),
                    f"criteria:{criterion.id}.text",
                    principles.FEW_MANDATORY,
                    criterion=number_of(labels, criterion),
                    topic=Localized.of(obligation.topic),
                    clause=localized_clause(project, obligation.clause),
                )
            )
    return found
