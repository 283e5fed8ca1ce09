"""The tender package as a whole: its key documents (docs/checks.md, "Red flags"; red
flag R005 of the Open Contracting Partnership, *key documents missing*: a call for
tenders without the documents bidders need to answer cannot be competed fairly).

:data:`KEY_DOCUMENTS` is a table: each key document the package must hold, with the
field where the user adds it and a predicate of the project (as the documents print it,
blank rows left out). Today one: ``C-NO-CRITERIA`` (error), a tender with no criterion
asks bidders for nothing they must meet and gives the jury nothing to score. The price
form and the form of agreement join the table when the complete-tender issues add them
(a row each: code, field, message, predicate).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.i18n import N_
from wizard.core.model import Project


def has_criteria(project: Project) -> bool:
    """Whether the tender states at least one criterion (mandatory or optional)."""
    return bool(project.criteria)


KEY_DOCUMENTS = (
    (
        "C-NO-CRITERIA",
        "criteria",
        N_(
            "The tender has no criteria: it asks bidders for nothing they must meet and gives the "
            "selection committee nothing to score (red flag R005, Open Contracting Partnership). Write the "
            "mandatory and optional criteria."
        ),
        has_criteria,
    ),
)
"""(code, field, message, predicate) of each key document: an error when the predicate
of the project is false."""


def check_package(project: Project) -> list[Finding]:
    """An error for each key document of :data:`KEY_DOCUMENTS` the package lacks."""
    return [
        finding(code, Severity.ERROR, text, field, principles.COMPLETE)
        for code, field, text, present in KEY_DOCUMENTS
        if not present(project)
    ]
