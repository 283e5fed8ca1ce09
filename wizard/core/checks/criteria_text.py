"""Text-level checks of one criterion: brands, pass/fail wording, duplicates.

Used by :mod:`wizard.core.checks.criteria` and by ``lint --field criterion``.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, brand_finding, finding
from wizard.core.checks.known_names import known_names
from wizard.core.checks.restate import guess_language
from wizard.core.checks.submission_format import submission_format_names
from wizard.core.checks.wording import fold, words
from wizard.core.domain import brands, product_names
from wizard.core.domain.numbering import criterion_labels
from wizard.core.i18n import N_, Localized
from wizard.core.i18n.languages import binding_language
from wizard.core.memo import per_pass
from wizard.core.model import Criterion, Project

OR_EQUIVALENT = {"en": "or equivalent", "fr": "ou l’équivalent"}
"""The words C-EQUIVALENT asks a criterion to add after a justified brand, by language."""
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
    the project's own brand names count too. C-SUBMISSION-FORMAT (info) instead of
    C-BRAND for a name that is only the file format bidders send their bid in
    (:mod:`wizard.core.checks.submission_format`). C-POSSIBLE-BRAND (warning): words shaped
    like a product, vendor or model name that the list does not know
    (:mod:`wizard.core.domain.product_names`). ``labels``: ``criterion_labels(project)``,
    computed here when not given."""
    field = f"criteria:{criterion.id}.text"
    seen = per_pass(project, _texts_seen)  # asked for each criterion by several checks and claims
    found_in = seen.get(criterion.text)
    if found_in is None:
        found_in = seen[criterion.text] = _names_in(criterion.text, per_pass(project, known_names))
    possible, names, sent = found_in
    found: list[Finding] = []
    if sent:
        found.append(
            brand_finding(
                "C-SUBMISSION-FORMAT",
                Severity.INFO,
                N_(
                    "File format of a bid named by its product: {brands}. What bidders send is not what "
                    "the Town buys, so this is no brand requirement; accept an open format as well (PDF, "
                    "OpenDocument), so that every bidder can answer with the software it has."
                ),
                field,
                list(sent),
            )
        )
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
                list(possible),
            )
        )
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
            list(names),
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
                    "Criterion {criterion}: a justified brand name must be followed by "
                    "\u201c{equivalent}\u201d, as the trade agreements require."
                ),
                field,
                principles.FAIRNESS,
                criterion=number,
                # the words to add, in the criterion's language (as P-SOLUTION's suggestion)
                equivalent=OR_EQUIVALENT[guess_language(criterion.text, binding_language(project))],
            )
        )
    return found


def _texts_seen(_project: Project) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    """A new dict, once per pass: text → :func:`_names_in` during that pass."""
    return {}


@lru_cache(maxsize=8192)
def _names_in(text: str, known: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(possible product names, listed brand names, listed names that are only the file
    format of a bid, :mod:`.submission_format`) of ``text``, the project's ``known`` names
    counted: cached on both, as a criterion's text rarely changes between two check runs."""
    listed = brands.brand_list(text, known)
    sent = (
        submission_format_names(text, brands.detected(text, brands.extra_names(known))) if listed else set()
    )
    return (
        tuple(product_names.possible_list(text, known)),
        tuple(n for n in listed if n not in sent),
        tuple(n for n in listed if n in sent),
    )


def is_subjective(criterion: Criterion) -> re.Match[str] | None:
    """The wording of ``criterion`` that cannot be answered "meets / does not meet" (vague
    wording, or a qualitative word with no number beside it), or ``None``. Spans are
    valid in ``criterion.text``."""
    return _subjective(criterion.text)


@lru_cache(maxsize=8192)
def _subjective(text: str) -> re.Match[str] | None:
    """:func:`is_subjective` of a text, cached on it: the checks and the red flags ask
    it of every criterion on every run, and a text rarely changes between two runs."""
    folded = fold(text)
    vague = _outside_names(VAGUE, folded, text)
    if not vague and not any(ch.isdigit() for ch in folded):
        vague = _outside_names(QUALITATIVE, folded, text)
    return vague


def _outside_names(pattern: re.Pattern[str], folded: str, text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``folded`` that lies outside every product name
    of ``text``: "QuickBooks" or "FastTrack" name a product; "quick" or "fast" in them is
    not the vague word (the brand checks report the name)."""
    names: list[tuple[int, int]] | None = None
    for found in pattern.finditer(folded):
        if not text[found.start()].isupper():
            return found
        if names is None:
            known = brands.detected(text)
            names = [(m.start, m.end) for m in known]
            names += [(m.start, m.end) for m in product_names.possible_names(text, known)]
        if not any(start <= found.start() and found.end() <= end for start, end in names):
            return found
    return None


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
    """(later, earlier) pairs of criteria whose word sets are ≥ 80 % alike (Jaccard):
    each criterion with its first similar criterion before it in the list, if any.

    Incremental and linear: an index kept across calls (:class:`_SimilarIndex`) holds
    each criterion's word set and its similar criteria; a call re-tests only the
    criteria whose text changed since the index last saw them, each against the few
    criteria sharing one of its rarest words, so an edit costs what that one criterion
    costs, whatever the number of criteria.
    """
    by_id = {c.id: c for c in criteria}
    with _INDEX_LOCK:
        index = _index_for(criteria)
        pairs = index.first_similar([c.id for c in criteria])
    return [(by_id[later], by_id[earlier]) for later, earlier in pairs]


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Jaccard similarity of ``a`` and ``b`` ≥ 4/5 (|A ∪ B| = |A| + |B| − |A ∩ B|)."""
    num, den = _SIMILAR
    if den * min(len(a), len(b)) < num * max(len(a), len(b)):
        return False  # sizes too far apart to be alike
    common = len(a & b)
    return den * common >= num * (len(a) + len(b) - common)


class _SimilarIndex:
    """The word sets of a list of criteria and which of them are alike, kept up to date
    one changed text at a time.

    A criterion B alike to A (Jaccard ≥ t) shares at least ⌈t·|A|⌉ of A's words, so it
    holds at least one of any |A| − ⌈t·|A|⌉ + 1 of them: A's candidates are the
    criteria holding one of that many of its *rarest* words (from the postings
    ``token → ids``), which is complete whatever "rarest" means at that moment, and few.
    """

    def __init__(self) -> None:
        self.texts: dict[int, str] = {}
        self.tokens: dict[int, frozenset[str]] = {}
        self.postings: dict[str, set[int]] = {}
        self.alike: dict[int, set[int]] = {}

    def changes(self, criteria: list[Criterion]) -> int:
        """How many criteria :meth:`update` would re-test (added, removed or edited)."""
        seen = sum(1 for c in criteria if self.texts.get(c.id) == c.text)
        return len(criteria) - seen + len(self.texts) - seen

    def _remove(self, cid: int) -> None:
        del self.texts[cid]
        for token in self.tokens.pop(cid, ()):
            ids = self.postings[token]
            ids.discard(cid)
            if not ids:
                del self.postings[token]
        for other in self.alike.pop(cid, ()):
            self.alike[other].discard(cid)

    def update(self, criteria: list[Criterion]) -> None:
        """Bring the index to ``criteria``' texts, re-testing only what changed."""
        current = {c.id: c.text for c in criteria}
        for cid in [cid for cid, text in self.texts.items() if current.get(cid) != text]:
            self._remove(cid)
        added = [cid for cid in current if cid not in self.texts]
        for cid in added:
            self.texts[cid] = current[cid]
            tokens = _token_set(current[cid])
            if tokens:
                self.tokens[cid] = tokens
                self.alike[cid] = set()
                for token in tokens:
                    self.postings.setdefault(token, set()).add(cid)
        num, den = _SIMILAR
        for cid in added:
            if cid not in self.tokens:
                continue
            tokens = self.tokens[cid]
            rare = sorted(tokens, key=lambda t: (len(self.postings[t]), t))
            probe = len(rare) - (num * len(rare) + den - 1) // den + 1
            candidates: set[int] = set()
            for token in rare[:probe]:
                candidates |= self.postings[token]
            candidates.discard(cid)
            for other in candidates:
                if other not in self.alike[cid] and _similar(tokens, self.tokens[other]):
                    self.alike[cid].add(other)
                    self.alike[other].add(cid)

    def first_similar(self, order: list[int]) -> list[tuple[int, int]]:
        """(id, id of the first similar criterion before it) in ``order``."""
        position = {cid: i for i, cid in enumerate(order)}
        pairs = []
        for i, cid in enumerate(order):
            earlier = [position[o] for o in self.alike.get(cid, ()) if position[o] < i]
            if earlier:
                pairs.append((cid, order[min(earlier)]))
        return pairs


_INDEXES: list[_SimilarIndex] = []
_KEPT = 4  # the checks read the project in each published language: one index each
_INDEX_LOCK = threading.Lock()


def _index_for(criteria: list[Criterion]) -> _SimilarIndex:
    """The kept index closest to ``criteria`` (fewest changes), brought up to date; a
    new one when none is within half the list (another project, another language)."""
    scored = min(((index.changes(criteria), n) for n, index in enumerate(_INDEXES)), default=None)
    if scored is not None and scored[0] <= max(1, len(criteria) // 2):
        index = _INDEXES.pop(scored[1])
    else:
        index = _SimilarIndex()
    _INDEXES.insert(0, index)
    del _INDEXES[_KEPT:]
    index.update(criteria)
    return index


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
