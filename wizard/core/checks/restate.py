"""A suggested restatement of a problem statement as a need.

Guide principle: "I need to evaluate the benefits and feasibility of …" turns a request
for a product into a question the market scan and the TCO can answer. The suggestion
is a starting point the user edits; it never replaces their text by itself.
"""

from __future__ import annotations

import re

from wizard.core.checks.problem_terms import ACQUIRE, BYPASS, NEED, PRESUME, SOLUTION
from wizard.core.checks.wording import any_match, fold
from wizard.core.domain import brands, product_names

_PURPOSE = {
    "en": re.compile(r"\b(?:in order to|so as to|so that we can|to) (?=\w)"),
    # "pour" + an infinitive is a purpose; "pour tout le personnel" is not
    "fr": re.compile(
        r"\b(?:pour|afin de|afin d'|dans le but de|dans le but d') ?"
        r"(?=(?:s'|se |les |le |la |l'|en |y )?\w+(?:er|ir|re|oir)\b)"
    ),
}
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:hard|harder|easy|easier|difficult|simple|slow|quick|fast|costly|expensive|cheap|tedious"
    r"|complicated|complex|impossible|confusing|intuitive|awkward|cumbersome|challenging|time-consuming"
    r"|too \w+|\w+ enough|trop \w+|assez \w+)"
    r"(?: for (?:[\w'-]+ ){1,3}?)? ?$"
)
"""Right before "to" or « pour », an adjective whose complement the infinitive is, not a
purpose: "staff find them hard to use", "too slow to respond", « trop lent pour répondre ».
("a system able to track work orders" keeps its purpose: what the town must be able to do.)"""
_CLAUSE_END = re.compile(r"[,.;:!?\n]|\b(?:because|since|as|puisque|parce|car|lorsque|quand)\b")
_NOUN_END = re.compile(
    r"[,.;:!?\n]|\b(?:to|for|from|with|because|and|or|in|on|by|while|that|which|who"
    r"|without|pour|afin|avec|depuis|puisque|car|qui|et|ou|en|sur|par|dans|pendant|sans)\b"
)
_TRAILING = re.compile(r"(?:\s+(?:de|du|des|la|le|les|l'|d'|the|of|a|an|un|une))+\s*$", re.IGNORECASE)
_MAX_WORDS = 9
_POSSESSIVE = {
    "en": ((r"\b(?:its|their|his|her)\b", "our"),),
    "fr": ((r"\b(?:ses|leurs)\b", "nos"), (r"\b(?:son|sa|leur)\b", "notre")),
}
_TEMPLATE = {
    "en": "I need to evaluate the benefits and feasibility of {what}",
    "fr": "J’ai besoin d’évaluer les avantages et la faisabilité {what}",
}
NEED_WORDINGS = {
    "en": ("We need to be able to \u2026", "I need to evaluate the benefits and feasibility of \u2026"),
    "fr": ("Nous devons pouvoir \u2026", "J’ai besoin d’évaluer les avantages et la faisabilité de \u2026"),
}
"""The two need-shaped openings P-NEED suggests, in the language of the statement they
would begin (:func:`guess_language`), as :func:`suggest_restatement`'s template."""
_FORMS = {
    "en": {
        "purpose": "ways to {what}",
        "use": "using {what}",
        "replace": "replacing {what}",
        "none": "\u2026",
    },
    "fr": {
        "purpose": "{de}{what}",
        "use": "d’utiliser {what}",
        "replace": "de remplacer {what}",
        "none": "de \u2026",
    },
}
_VAGUE = re.compile(
    r"^(?:(?:a|an|the|un|une|la|le|les|l'|des|d'|de)\s*)?(?:another|other|autres?"
    r"|(?:new|newer|latest) (?:version|release|one)|(?:nouvelles?|derniere) (?:version|mouture)s?)\b"
)
"""An object or purpose that names nothing the Town could evaluate ("another product",
« une nouvelle version »): the suggestion falls back to the template's "…"."""
_FINITE = re.compile(
    r"\b(?:would|will|could|should|can|cannot|must|may|might|is|are|was|were|has|have|had|does|did"
    r"|est|sont|etait|serait|seraient|sera|seront|ont|peut|peuvent|pourrait|doit|doivent|coute\w*)\b"
)
"""A finite verb: the fragment is a clause, not a noun phrase or an infinitive."""
_FR_WORDS = re.compile(
    r"\b(?:le|la|les|des|du|de|et|un|une|nous|notre|nos|pour|avec|est|sont|j'ai|qui|dans|sur|ville)\b"
)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|a|an|we|our|for|with|is|are|i|who|in|on|town|city)\b")


def _names(statement: str) -> bool:
    """True when ``statement`` names a brand, product or vendor (a listed or possible name;
    the cached detections the problem checks already made of it), or a name the problem
    check finds where a statement puts a vendor ("la plateforme offerte par X")."""
    if brands.detected(statement) or product_names.possible_list(statement):
        return True
    from wizard.core.checks.problem import read_statement  # the problem check imports this module

    return bool(read_statement(statement).names)


def guess_language(text: str, default: str = "en") -> str:
    """ "fr" or "en": the language whose common words are more frequent in ``text``."""
    folded = fold(text)
    fr, en = len(_FR_WORDS.findall(folded)), len(_EN_WORDS.findall(folded))
    if fr == en:
        return default if default in _TEMPLATE else "en"
    return "fr" if fr > en else "en"


def _clean(fragment: str, lang: str) -> str:
    fragment = fragment.strip(" \t\n,.;:")
    for pattern, repl in _POSSESSIVE[lang]:
        fragment = re.sub(pattern, repl, fragment)
    return _TRAILING.sub("", fragment)


def _usable(fragment: str, statement: str) -> bool:
    """True when ``fragment`` can end the template as a clean phrase: it names something
    (not "another product", « une nouvelle version »), holds no finite verb ("… would cost
    more") and is not the statement itself."""
    folded = fold(fragment)
    return bool(
        fragment.strip()
        and not _VAGUE.search(folded)
        and not _FINITE.search(folded)
        and folded.strip(" .") != fold(statement).strip(" .")
    )


def _purpose(statement: str, folded: str, lang: str, start: int) -> str:
    found = next(
        (
            p
            for p in _PURPOSE[lang].finditer(folded, start)
            if not _COMPLEMENT_BEFORE.search(folded, max(0, p.start() - 60), p.start())
        ),
        None,
    )
    if not found:
        return ""
    end = _CLAUSE_END.search(folded, found.end())
    purpose = _clean(statement[found.end() : end.start() if end else len(statement)], lang)
    return "" if any_match(BYPASS, fold(purpose)) or not _usable(purpose, statement) else purpose


def _object(statement: str, folded: str, lang: str, verb: re.Match[str]) -> str:
    end = _NOUN_END.search(folded, verb.end())
    phrase = statement[verb.end() : end.start() if end else len(statement)]
    judged = any_match(BYPASS, fold(phrase)) or any_match(PRESUME, fold(phrase))
    if judged:  # "un progiciel de gré à gré", "a system without a tender": keep the thing only
        phrase = phrase[: judged.start()]
    if brands.detect_brands(phrase) or not SOLUTION.search(fold(phrase)):
        return ""
    target = _clean(" ".join(phrase.split()[:_MAX_WORDS]), lang)
    return target if _usable(target, statement) else ""


def suggest_restatement(statement: str, lang: str) -> str:
    """A need-shaped rewording of ``statement`` in ``lang`` ("fr" or "en").

    From a purpose clause ("… to reduce labour costs") it suggests evaluating ways to
    reach that purpose; from a solution type ("buy an e-learning software") it suggests
    evaluating its use ("replace X with a cloud payroll system": using what replaces);
    otherwise the bare template ending in "…", also when the purpose or the object is no
    clean phrase ("another product would cost more", « une nouvelle version »). A
    statement that already states a need and names no product is returned unchanged;
    one that names a product never is (it would repeat what the check faults).
    """
    lang = lang if lang in _TEMPLATE else "en"
    folded = fold(statement)
    verb = ACQUIRE.search(folded)
    if statement.strip() and any_match(NEED, folded) and not verb and not _names(statement):
        return statement.strip()
    forms = _FORMS[lang]
    purpose = _purpose(statement, folded, lang, verb.end() if verb else 0)
    if purpose:
        de = "d’" if fold(purpose[:1]) in "aeiouyh" else "de "
        return _TEMPLATE[lang].format(what=forms["purpose"].format(what=purpose, de=de)) + "."
    target = _object(statement, folded, lang, verb) if verb else ""
    if verb and target:
        # "replace X with Y": Y is used; a bare "replace Y": Y is replaced
        head = verb.group().strip()
        form = "replace" if " " not in head and head.startswith(("replac", "remplac")) else "use"
        return _TEMPLATE[lang].format(what=forms[form].format(what=target)) + "."
    return _TEMPLATE[lang].format(what=forms["none"])
