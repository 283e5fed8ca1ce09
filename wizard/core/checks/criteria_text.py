"""Text-level checks of one criterion: brands, pass/fail wording, duplicates.

Used by :mod:`wizard.core.checks.criteria` and by ``lint --field criterion``.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, brand_finding, finding
from wizard.core.checks.known_names import known_names
from wizard.core.checks.wording import fold, words
from wizard.core.domain import brands, product_names
from wizard.core.domain.numbering import criterion_labels
from wizard.core.i18n import N_, Localized
from wizard.core.model import Criterion, Project

EQUIVALENT = words(r"or (?:an? )?equivalent|or equal|ou (?:l'|un |une )?equivalent\w*")
""""or equivalent" / "ou l'équivalent": required beside a justified brand (CFTA, CETA)."""

VAGUE = words(
    r"as (?:many|much|few|little|soon|quickly|fast)(?: [\w'-]+){0,4} as possible|user[- ]friendly|if possible"
    r"|where possible|whenever possible|ideally|preferably|etc|and so on"
    r"|le plus (?:possible|rapidement|vite)|(?:autant|le plus|le moins)(?: de)?(?: [\w'-]+){0,4} que possible"
    r"|(?:le plus|le moins) d(?:e |')(?:[\w'-]+ ){0,4}possibles?|autant que possible|(?:le )?moins possible"
    r"|convivia\w*|si possible|dans la mesure du possible|idealement|de preference"
)
"""Wording that can never be answered "meets / does not meet"."""

QUALITATIVE = words(
    r"easy|easily|intuitive\w*|modern|flexible|robust|fast|quick\w*|efficient\w*|adequate\w*"
    r"|sufficient\w*|appropriate\w*|state[- ]of[- ]the[- ]art|seamless\w*|high[- ]quality"
    r"|facile\w*|intuiti\w*|moderne|robuste|rapide\w*|performant\w*|efficace\w*|adequat\w*"
    r"|suffisant\w*|approprie\w*|de pointe|de qualite"
)
"""Qualitative words: pass/fail only when a measurable value (a number) goes with them."""

_TOKEN = re.compile(r"\w+")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "all",
        "any",
        "its",
        "their",
        "must",
        "shall",
        "should",
        "will",
        "can",
        "able",
        "system",
        "solution",
        "les",
        "des",
        "une",
        "pour",
        "avec",
        "doit",
        "doivent",
        "peut",
        "son",
        "ses",
        "leur",
        "par",
        "sur",
        "dans",
        "est",
        "sont",
        "aux",
        "qui",
        "que",
        "systeme",
    ]
)
_SIMILAR = (4, 5)  # Jaccard similarity ≥ 4/5 = near-duplicate


Labels = dict[int, Localized]
"""Criterion id → its number in the tender in both languages (``numbering.criterion_labels``)."""

_NONE = Localized(fr="", en="")


def number_of(labels: Labels, criterion: Criterion) -> Localized:
    """How the tender numbers ``criterion`` (M-2 / OBL-2), for a message ('' for a row
    the tender does not print)."""
    return labels.get(criterion.id, _NONE)


def brand_findings(criterion: Criterion, project: Project, labels: Labels | None = None) -> list[Finding]:
    """C-BRAND (error) and, once justified, C-EQUIVALENT (error without "or equivalent");
    the project's own brand names count too. C-POSSIBLE-BRAND (warning): words shaped
    like a product, vendor or model name that the list does not know
    (:mod:`wizard.core.domain.product_names`). ``labels``: ``criterion_labels(project)``,
    computed here when not given."""
    field = f"criteria:{criterion.id}.text"
    possible = product_names.possible_list(criterion.text, known_names(project))
    found: list[Finding] = []
    if possible:
        found.append(
            brand_finding(
                "C-POSSIBLE-BRAND",
                Severity.WARNING,
                N_(
                    "Possible product, vendor or model name in a criterion: {brands}. If it is "
                    "one, describe the function or the standard instead; if not, justify the warning."
                ),
                field,
                possible,
            )
        )
    names = brands.brand_list(criterion.text, known_names(project))
    if not names:
        return found
    number = number_of(criterion_labels(project) if labels is None else labels, criterion)
    found += [
        brand_finding(
            "C-BRAND",
            Severity.ERROR,
            N_(
                "Brand or product name in criterion {criterion}: {brands}. Describe the function or "
                "the standard instead; \u201cor equivalent\u201d does not make it fair (red flag R007, "
                "Open Contracting Partnership)."
            ),
            field,
            names,
            criterion=number,
        )
    ]
    justified = found[-1].is_justified(project)
    if justified and not EQUIVALENT.search(fold(criterion.text)):
        found.append(
            finding(
                "C-EQUIVALENT",
                Severity.ERROR,
                N_(
                    "Criterion {criterion}: a justified brand name must be followed by \u201cor "
                    "equivalent\u201d, as the trade agreements require."
                ),
                field,
                principles.FAIRNESS,
                criterion=number,
            )
        )
    return found


def is_subjective(criterion: Criterion) -> re.Match[str] | None:
    """The wording of ``criterion`` that cannot be answered "meets / does not meet" (vague
    wording, or a qualitative word with no number beside it), or ``None``. Spans are
    valid in ``criterion.text``."""
    folded = fold(criterion.text)
    vague = VAGUE.search(folded)
    if not vague and not any(ch.isdigit() for ch in folded):
        vague = QUALITATIVE.search(folded)
    return vague


def binary_findings(criterion: Criterion, labels: Labels) -> list[Finding]:
    """C-NOT-BINARY (warning) for a mandatory criterion that cannot be answered yes/no."""
    if criterion.kind != "mandatory":
        return []
    vague = is_subjective(criterion)
    if not vague:
        return []
    return [
        finding(
            "C-NOT-BINARY",
            Severity.WARNING,
            N_(
                "\u201c{words}\u201d in criterion {criterion} cannot be answered \u201cmeets / does not "
                "meet\u201d. State a measurable requirement, or make it an optional criterion."
            ),
            f"criteria:{criterion.id}.text",
            principles.BINARY,
            words=criterion.text[vague.start() : vague.end()],
            criterion=number_of(labels, criterion),
        )
    ]


@lru_cache(maxsize=4096)
def _token_set(text: str) -> frozenset[str]:
    """Content words of ``text``, cut to 6 letters: a crude stem ("exported" = "exports")."""
    tokens = _TOKEN.findall(fold(text))
    return frozenset(t[:6] for t in tokens if (len(t) > 2 or t.isdigit()) and t not in _STOP)


def near_duplicates(criteria: list[Criterion]) -> list[tuple[Criterion, Criterion]]:
    """(later, earlier) pairs of criteria whose word sets are ≥ 80 % alike (Jaccard).

    Prefix filtering on rare words keeps it near-linear on 300 criteria; the result is
    cached on the texts, so edits elsewhere in the project cost nothing here.
    """
    by_id = {c.id: c for c in criteria}
    pairs = _near_duplicate_ids(tuple((c.id, c.text) for c in criteria))
    return [(by_id[later], by_id[earlier]) for later, earlier in pairs]


@lru_cache(maxsize=8)
def _near_duplicate_ids(texts: tuple[tuple[int, str], ...]) -> list[tuple[int, int]]:
    sets = [(cid, s) for cid, text in texts if (s := _token_set(text))]
    freq = Counter(t for _, s in sets for t in s)
    index: dict[str, list[int]] = {}
    pairs: list[tuple[int, int]] = []
    num, den = _SIMILAR
    for i, (cid, tokens) in enumerate(sets):
        ordered = sorted(tokens, key=lambda t: (freq[t], t))
        prefix = len(ordered) - (num * len(ordered) + den - 1) // den + 1
        candidates: set[int] = set()
        for token in ordered[:prefix]:
            candidates.update(index.setdefault(token, []))
            index[token].append(i)
        size = len(tokens)
        for j in sorted(candidates):
            other = sets[j][1]
            if den * min(size, len(other)) < num * max(size, len(other)):
                continue  # sizes too far apart to be alike
            common = len(tokens & other)  # |A ∪ B| = |A| + |B| − |A ∩ B|
            if den * common >= num * (size + len(other) - common):
                pairs.append((cid, sets[j][0]))
                break
    return pairs


def duplicate_findings(project: Project, labels: Labels) -> list[Finding]:
    """C-DUPLICATE (info) on the later criterion of each near-duplicate pair."""
    return [
        finding(
            "C-DUPLICATE",
            Severity.INFO,
            N_(
                "Criterion {criterion} nearly repeats criterion {other}: merge them or make the "
                "difference clear."
            ),
            f"criteria:{later.id}.text",
            principles.FEW_MANDATORY,
            criterion=number_of(labels, later),
            other=number_of(labels, earlier),
        )
        for later, earlier in near_duplicates(project.criteria)
    ]
