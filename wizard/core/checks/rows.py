"""Blank rows: a row added to a list and left empty (docs/checks.md "Blank rows").

A blank row (``textclean.ROW_CONTENT``: every attribute that says something is empty)
never prints — the export leaves it out (``textclean.clean_project``), so no document
shows "Authors: ; ; Alex" — and it takes no number (M-1, S-1). It is still a finding, on
the row, since the user may have meant to fill it in: an empty jury member may be a
missing one. One code per step, each a warning:

``PR-BLANK-ROW`` (author), ``SC-BLANK-ROW`` (business unit, partner), ``M-BLANK-ROW``
(solution, feature), ``C-BLANK-ROW`` (criterion without text), ``S-BLANK-ROW``
(scenario, technical committee member), ``E-BLANK-ROW`` (jury member, quality
criterion), ``T-BLANK-ROW`` (TCO option, cost line without label or amount),
``V-BLANK-ROW`` (vendor register entry, designated staff).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.i18n import N_
from wizard.core.model import Project
from wizard.core.textclean import blank_rows

_BLANK = (
    (
        "authors",
        "name",
        "PR-BLANK-ROW",
        N_("This author row is empty: fill it in or delete it. It is left out of the documents."),
    ),
    (
        "business_units",
        "name",
        "SC-BLANK-ROW",
        N_("This business unit row is empty: fill it in or delete it. It is left out of the documents."),
    ),
    (
        "partners",
        "name",
        "SC-BLANK-ROW",
        N_("This partner row is empty: fill it in or delete it. It is left out of the documents."),
    ),
    (
        "solutions",
        "name",
        "M-BLANK-ROW",
        N_(
            "This solution row is empty: fill it in or delete it. It is left out of the scan and the documents."
        ),
    ),
    (
        "features",
        "name",
        "M-BLANK-ROW",
        N_(
            "This feature row is empty: fill it in or delete it. It is left out of the scan and the documents."
        ),
    ),
    (
        "criteria",
        "text",
        "C-BLANK-ROW",
        N_(
            "This criterion has no text: write it or delete it. It is left out of the tender and takes no number."
        ),
    ),
    (
        "scenarios",
        "title",
        "S-BLANK-ROW",
        N_(
            "This scenario is empty: write it or delete it. It is left out of the tender and takes no number."
        ),
    ),
    (
        "committee",
        "name",
        "S-BLANK-ROW",
        N_(
            "This technical committee row is empty: fill it in or delete it. It is left out of the documents."
        ),
    ),
    (
        "jury",
        "name",
        "E-BLANK-ROW",
        N_(
            "This selection committee member row is empty: fill it in or delete it. It is left out of the documents."
        ),
    ),
    (
        "quality_grid",
        "label",
        "E-BLANK-ROW",
        N_(
            "This quality criterion has neither a label nor points: fill it in or delete it. It is left out of the tender."
        ),
    ),
    (
        "tco_options",
        "name",
        "T-BLANK-ROW",
        N_(
            "This option is empty and has no cost line: fill it in or delete it. It is left out of the documents."
        ),
    ),
    (
        "cost_lines",
        "label",
        "T-BLANK-ROW",
        N_(
            "This cost line has neither a label nor an amount: fill it in or delete it. It is left out of the documents."
        ),
    ),
    (
        "vendor_exchanges",
        "date",
        "V-BLANK-ROW",
        N_(
            "This register entry is empty: fill it in or delete it. It is left out of the register and the documents."
        ),
    ),
    (
        "designated_staff",
        "name",
        "V-BLANK-ROW",
        N_("This designated staff row is empty: fill it in or delete it. It is left out of the documents."),
    ),
)
"""(list, attribute, code, message) of each list whose rows can be blank
(``textclean.ROW_CONTENT``); the finding points at ``attribute``, the list's first content
attribute, so a click selects the row."""


def check_rows(project: Project) -> list[Finding]:
    """A warning per blank row of ``project`` (the project as saved, blank rows and
    all), on its first content attribute (``authors:3.name``)."""
    blank: dict[str, list[int]] = {}
    for kind, row in blank_rows(project):
        blank.setdefault(kind, []).append(row.id)
    found: list[Finding] = []
    for kind, attribute, code, text in _BLANK:
        for row_id in blank.get(kind, []):
            field = f"{kind}:{row_id}.{attribute}"
            found.append(finding(code, Severity.WARNING, text, field, principles.COMPLETE))
    return found
