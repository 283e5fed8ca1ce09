"""Findings of an audited document worded by the paragraph's place, not a criterion's
number.

``lint --file`` runs each paragraph through the checks of one text
(:func:`wizard.core.checks.lint.lint_text`), which put it in a throw-away project as
criterion 1 or scenario 1. Their messages then cite "criterion M-1" or say "in a
criterion" of a paragraph that is neither: a town reading the audit of a neighbour's
tender would look for a criterion M-1 that does not exist. :func:`located` gives such a
finding the message of the same check worded by where the text is in the document
("paragraph 12", "table 3, row 2, cell 2", "page 4, paragraph 1", in the message's
language). Findings whose message names no row are kept as they are (the problem
checks speak of "the statement").

Principle: a finding cites what its reader can find (docs/cases.md K32).
"""

from __future__ import annotations

import dataclasses

from wizard.core.audit.reader import Location
from wizard.core.checks.base import Finding
from wizard.core.i18n import N_, Localized

_LOCATED: dict[str, str] = {
    "C-BRAND": N_(
        "Brand or product name in this passage ({where}): {brands}. Describe the function or the "
        "standard instead; \u201cor equivalent\u201d does not make it fair (red flag R007, Open "
        "Contracting Partnership)."
    ),
    "C-POSSIBLE-BRAND": N_(
        "Possible product, vendor or model name in this passage ({where}): {brands}. If it is one, "
        "describe the function or the standard instead."
    ),
    "C-NOT-BINARY": N_(
        "\u201c{words}\u201d in this passage ({where}) cannot be answered \u201cmeets / does not "
        "meet\u201d. State a measurable requirement, or make it an optional criterion."
    ),
    "C-SEVERAL-REQUIREMENTS": N_(
        "This passage ({where}) holds several requirements (\u201c{words}\u201d): split it, one "
        "requirement per criterion, so that each is answered \u201cmeets / does not meet\u201d on "
        "its own."
    ),
    "C-EQUIVALENT": N_(
        "This passage ({where}): a justified brand name must be followed by "
        "\u201c{equivalent}\u201d, as the trade agreements require."
    ),
    "S-BRAND": N_(
        "Brand or product name in this passage ({where}): {brands}. Describe the task, not a product "
        "(unless it is the current system to migrate from)."
    ),
    "S-POSSIBLE-BRAND": N_(
        "Possible product, vendor or model name in this passage ({where}): {brands}. Describe the "
        "task, not a product."
    ),
}
"""Code → its message for a passage of a document; ``{where}`` is the place."""


def where(location: Location) -> Localized:
    """The place of a paragraph in both languages, for a message's ``{where}``."""
    return Localized(fr=location.describe("fr"), en=location.describe("en"))


def located(f: Finding, location: Location) -> Finding:
    """``f`` worded by ``location`` when its message names a row of the throw-away project
    (a code of :data:`_LOCATED`); ``f`` itself otherwise. Code, severity, field,
    principle and the other parameters are kept."""
    text = _LOCATED.get(f.code)
    if text is None:
        return f
    params = tuple((k, v) for k, v in f.params if k not in ("criterion", "scenario"))
    return dataclasses.replace(f, text=text, params=(*params, ("where", where(location))))


def codes() -> frozenset[str]:
    """The codes whose messages :func:`located` rewords."""
    return frozenset(_LOCATED)
