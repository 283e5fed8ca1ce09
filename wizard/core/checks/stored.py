"""Values a project file keeps as stored that the app's forms would not give
(docs/file-format.md, "Choice values"; docs/checks.md, "Values kept as stored").

A file written by an earlier version, or edited by hand, may hold what ``load`` now
refuses. The file still opens (a town keeps its files for years) and nothing is
replaced; these findings say each such value on its own row, so that a user learns of
it on the step's page and from ``check``:

``PR-CHOICE``, ``SC-CHOICE``, ``M-CHOICE``, ``C-CHOICE``, ``T-CHOICE``, ``SW-CHOICE``,
``V-CHOICE`` (errors, one code per step): a choice of the model (``model/choices.py``)
outside its set, such as a criterion of kind ``required``; ``info.province``, ``info.tender_languages``
and ``info.binding_language`` are said by ``PR-PROVINCE``, ``PR-LANGUAGES`` and
``PR-BINDING-LANGUAGE`` (``checks/project.py``).

``V-DATE`` (error): a register entry's date or a publication plan item's date that is
no day (``2027-02-30``, "8 mars 2027"): the decision record prints a placeholder for
it; said as ``PR-DATE`` says a date of the project (``formats.no_day``). The row "Bids
received and the bidders" of a tender with a public opening is said by ``V-BIDS-DATE``
(the documents give the opening's day, not the one typed).

Two rows of one list with one id, the third thing ``load`` refuses, cannot be in a
project file: every list's ``id`` is its table's primary key, and a file whose schema
differs is refused before it is read (``schemas.py``).
"""

from __future__ import annotations

from wizard.core.checks import principles
from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.domain.days import day_problem
from wizard.core.domain.publication_plan import typed_opening_date
from wizard.core.i18n import N_
from wizard.core.i18n.formats import no_day
from wizard.core.model import ENTITIES, SECTIONS, Project
from wizard.core.model.choices import choice_fields
from wizard.core.project_file import expected

SAID_ELSEWHERE = frozenset({"info.province", "info.tender_languages", "info.binding_language"})
"""The choices the project step's own checks report (``checks/project.py``)."""

_CHOICE = N_(
    "This field holds \u201c{value}\u201d, which is not one of its values ({choices}): the file keeps it "
    "as it was written, by an earlier version of the app or by hand, but the app does not know "
    "what it means. Choose one of its values."
)

SECTION_CODES = (("info", "PR-CHOICE"), ("contract_data", "PR-CHOICE"), ("statement_of_work", "SW-CHOICE"))
LIST_CODES = (
    ("translations", "PR-CHOICE"),
    ("business_units", "SC-CHOICE"),
    ("governance", "SC-CHOICE"),
    ("solutions", "M-CHOICE"),
    ("features", "M-CHOICE"),
    ("support", "M-CHOICE"),
    ("criteria", "C-CHOICE"),
    ("cost_lines", "T-CHOICE"),
    ("vendor_exchanges", "V-CHOICE"),
)
"""(section or list, code) of each part of the model holding a choice: one code per
step, as the blank rows have (``checks/rows.py``)."""

_DATES = (("vendor_exchanges", "date"), ("publication_items", "planned_date"))
"""The dates of rows (list, attribute), typed as YYYY-MM-DD."""


def _choice(code: str, field: str, value: object, values: tuple[str, ...]) -> Finding:
    return finding(
        code,
        Severity.ERROR,
        _CHOICE,
        field,
        principles.COMPLETE,
        value=value,
        choices=expected.choices(values),
    )


def _choices(project: Project) -> list[Finding]:
    found: list[Finding] = []
    for name, code in SECTION_CODES:
        section = getattr(project, name)
        for attr, values in choice_fields(SECTIONS[name]).items():
            value = getattr(section, attr)
            if value not in values and f"{name}.{attr}" not in SAID_ELSEWHERE:
                found.append(_choice(code, f"{name}.{attr}", value, values))
    for kind, code in LIST_CODES:
        fields = choice_fields(ENTITIES[kind])
        for row in project.rows(kind):
            for attr, values in fields.items():
                value = getattr(row, attr)
                if value not in values:
                    found.append(_choice(code, f"{kind}:{row.id}.{attr}", value, values))
    return found


def _not_a_day(value: str, field: str) -> Finding:
    """V-DATE for ``value``: what is wrong with it (``formats.no_day``; each message
    spelled here for docs/checks.md)."""
    text, params = no_day(value, _NOT_A_DATE)
    days_text = N_("\u201c{value}\u201d does not exist: the days of {month} go from 1 to {days}.")
    months_text = N_("\u201c{value}\u201d does not exist: the months go from 01 to 12 (YYYY-MM-DD).")
    if text == days_text:
        return finding("V-DATE", Severity.ERROR, days_text, field, principles.TRANSPARENCY, **params)
    if text == months_text:
        return finding("V-DATE", Severity.ERROR, months_text, field, principles.TRANSPARENCY, **params)
    return finding("V-DATE", Severity.ERROR, _NOT_A_DATE, field, principles.TRANSPARENCY, **params)


_NOT_A_DATE = N_("\u201c{value}\u201d is not a date (expected YYYY-MM-DD).")


def _dates(project: Project) -> list[Finding]:
    opening = typed_opening_date(project)  # V-BIDS-DATE says it: the documents give the opening
    said = f"publication_items:{opening[0].id}.planned_date" if opening else ""
    found: list[Finding] = []
    for kind, attr in _DATES:
        for row in project.rows(kind):
            value = getattr(row, attr)
            if value.strip() and day_problem(value.strip()) is not None and f"{kind}:{row.id}.{attr}" != said:
                found.append(_not_a_day(value, f"{kind}:{row.id}.{attr}"))
    return found


def check_stored(project: Project) -> list[Finding]:
    """Every finding of the module docstring, on the project as saved (blank rows
    included: a blank row's choice is still in the file)."""
    return _choices(project) + _dates(project)
