"""A product's file format that the Town asks bidders to send in: no brand requirement.

"Proposals must be submitted in Microsoft Word or PDF format", « soumis en format
Word », "the price form as an Excel file": the product names how a bid travels, not
what the Town buys, and a careful town lawyer would not call it a tailored
specification (C-BRAND, red flag R007). It still asks every bidder to own that
product, or software that writes its format: ``C-SUBMISSION-FORMAT`` (info) teaches
to accept an open format too (PDF, OpenDocument).

A listed name (:func:`wizard.core.domain.brands.detected`) is a submission format when
it lies in a format phrase of its sentence ("in … format", "as a … file", « en format
… », « fichier … ») and that sentence speaks of sending the bid: a verb of submission
("submitted", "sent", « soumis », « transmis », « déposé ») or a bid or bidder noun
("proposals", "bidders", « soumissions ») with a verb of giving ("provide",
« fournir »). A file action of the solution in the sentence ("export", "generate",
« exporter ») keeps the name a requirement: "The solution must export reports in Excel
format" is what the Town buys.

Principle: fairness to vendors (describe the need, not the product); the open-format
advice follows the same principle for what bidders must own to answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wizard.core.checks.wording import fold, sentence_bounds
from wizard.core.domain.brands import Match

_TOKEN = r"[\w./+-]+"
_NAME_WORD = (
    rf"(?!(?:par|via|a|au|aux|dans|sur|avec|pour|avant|selon|by|with|through|to|on|at|before)\b){_TOKEN}"
)
"""A word of the names after « format » or « fichier »; a preposition ends them (« en
format PDF par Microsoft Teams »: Teams is the channel)."""
_FORMAT_PHRASE = re.compile(
    # "in Microsoft Word or PDF format", "as a PDF or Word file", "in Excel format"
    rf"\b(?:in|as|using)\s+(?:(?:an?|the|one|their|its)\s+)?(?:{_TOKEN}(?:\s*,)?\s+){{1,6}}?"
    r"(?:formats?|files?|documents?|spreadsheets?|workbooks?)\b"
    # « en format Word ou PDF », « sous forme de fichier Excel », « fichiers Word »
    rf"|\b(?:formats?|fichiers?|documents?|chiffriers?)\s+(?:de type\s+|natifs?\s+)?"
    rf"(?:{_NAME_WORD}(?:\s*[,/]\s*|\s+)){{0,3}}{_NAME_WORD}"
)
"""A phrase that names a file format, with the names it holds."""

_SENT = re.compile(
    r"\b(?:submit\w*|submission\w*|sent|send|sending|e-?mailed|uploaded|soumi[st]\w*|soumettre|soumett\w*"
    r"|transmi[st]\w*|transmettre|depose\w*|deposer|remi[st]e?s?|remettre)\b"
)
"""A verb (or noun) of sending the bid."""

_BID = re.compile(
    r"\b(?:bids?|bidders?|proposals?|proponents?|respondents?|responses?|tenderers?|quotes?|quotations?"
    r"|offers?|soumissions?|soumissionnaires?|offres?|propositions?)\b"
)
_GIVEN = re.compile(r"\b(?:provide\w*|include\w*|furnish\w*|fourni\w*|joindre|joint\w*|present\w*)\b")
"""A bid or a bidder, and a verb of giving: "Bidders must provide pricing in Excel format"."""

_SOLUTION_ACTION = re.compile(
    r"\b(?:export(?:s|ed|ing)?|import(?:s|ed|ing)?|generat(?:e|es|ed|ing)|produc(?:e|es|ed|ing)"
    r"|sav(?:e|es|ed|ing)|convert(?:s|ed|ing)?|output(?:s|ted|ting)?|print(?:s|ed|ing)?|stor(?:e|es|ed|ing)"
    r"|export\w*|import\w*|gener(?:e|er|es|ent)|produi\w*|enregistr\w*|convert\w*|imprim\w*|stock\w*)\b"
)
"""A file action of the solution: the format is then a requirement of what is bought."""


def submission_format_names(text: str, found: Iterable[Match]) -> set[str]:
    """The names of ``found`` (matches in ``text``) whose every occurrence lies in a file
    format the sentence asks bidders to send in (see the module docstring)."""
    folded = fold(text)
    inside: set[str] = set()
    outside: set[str] = set()
    for m in found:
        (inside if _sent_format(folded, m) else outside).add(m.name)
    return inside - outside


def _sent_format(folded: str, m: Match) -> bool:
    start, stop = sentence_bounds(folded, m.start)
    if not any(
        p.start() <= m.start and m.end <= p.end() for p in _FORMAT_PHRASE.finditer(folded, start, stop)
    ):
        return False
    sentence = folded[start:stop]
    if _SOLUTION_ACTION.search(sentence):
        return False
    return bool(_SENT.search(sentence)) or bool(_BID.search(sentence) and _GIVEN.search(sentence))
