"""Checks of the project step.

Guide principle: a complete tender states every party, date and rule. A missing
closing date is a warning the export also lists (docs/cases.md K10: never a silent blank in a
legal text).

Codes: ``PR-ORGANIZATION``, ``PR-TITLE``, ``PR-CLOSING-DATE`` (warnings), ``PR-PROVINCE``
(warning: missing; error: not one of the 13 codes), ``PR-BINDING-LANGUAGE`` (error: the
binding version is not a tender language), ``PR-DATE`` (error: not ``YYYY-MM-DD``, or no such
day: ``2027-02-30``),
``PR-DATE-ORDER`` (warning), ``PR-AUTHORS`` (info: no author, so the jury conflict
rule cannot be checked). Closing time, time zone, submission and contact:
``checks/logistics.py`` (``PR-CLOSING-TIME``, ``PR-SUBMISSION``, ``PR-CONTACT-EMAIL``,
``PR-TIME``, ``PR-TIME-ZONE``, ``PR-EMAIL``). The submission period (red flag R003):
``checks/periods.py`` (``PR-PERIOD-LAW``, ``PR-PERIOD-AGREEMENT``, ``PR-PERIOD-TOWN``,
``PR-RANGE``). The texts' versions in each published language: ``checks/translations.py``
(``PR-TRANSLATION``). The contract data: ``checks/contract_data.py``
(``PR-CONTRACT-RANGE``).
"""

from __future__ import annotations

import datetime as dt

from wizard.core.checks import contract_data, logistics, periods, principles
from wizard.core.checks.base import Finding, Severity, blank_info_findings, finding
from wizard.core.domain import provinces
from wizard.core.domain.days import parse_day
from wizard.core.i18n import N_
from wizard.core.i18n.formats import no_day
from wizard.core.model import Project
from wizard.core.model.choices import LANGUAGES, TENDER_LANGUAGES

_DATES = ("publication_date", "questions_deadline", "closing_date", "award_date", "contract_start")
_ORDER = (
    ("publication_date", "closing_date"),
    ("questions_deadline", "closing_date"),
    ("closing_date", "award_date"),
    ("award_date", "contract_start"),
)


def _parse(value: str) -> dt.date | None:
    return parse_day(value)


def _not_a_day(value: str, address: str) -> Finding:
    """PR-DATE for ``value``: what is wrong with it, the calendar or the shape
    (``formats.no_day`` gives the message; each is spelled here for docs/checks.md)."""
    text, params = no_day(value, _NOT_A_DATE)
    days_text = N_("\u201c{value}\u201d does not exist: the days of {month} go from 1 to {days}.")
    months_text = N_("\u201c{value}\u201d does not exist: the months go from 01 to 12 (YYYY-MM-DD).")
    if text == days_text:
        return finding("PR-DATE", Severity.ERROR, days_text, address, principles.COMPLETE, **params)
    if text == months_text:
        return finding("PR-DATE", Severity.ERROR, months_text, address, principles.COMPLETE, **params)
    return finding("PR-DATE", Severity.ERROR, _NOT_A_DATE, address, principles.COMPLETE, **params)


_NOT_A_DATE = N_("\u201c{value}\u201d is not a date (expected YYYY-MM-DD).")


_REQUIRED = (
    ("PR-ORGANIZATION", "organization", N_("Enter the organization (town) issuing the tender.")),
    ("PR-TITLE", "title", N_("Enter the tender's title.")),
    (
        "PR-PROVINCE",
        "province",
        N_("Choose the province or territory: it sets the governing law, the courts and the taxes."),
    ),
    (
        "PR-CLOSING-DATE",
        "closing_date",
        N_("The closing date is not set: the tender will show a placeholder to complete."),
    ),
)
"""(code, ``info`` attribute, message): a warning when the attribute is blank."""

REPORTED_WHEN_BLANK = (
    frozenset(f"info.{name}" for _code, name, _text in _REQUIRED) | logistics.REPORTED_WHEN_BLANK
)
"""The ``info`` fields this step always reports when blank (other steps need not)."""


def _dates(project: Project) -> list[Finding]:
    found: list[Finding] = []
    parsed: dict[str, dt.date] = {}
    for name in _DATES:
        value = getattr(project.info, name)
        if not value.strip():
            continue
        date = _parse(value)
        if date is None:
            found.append(_not_a_day(value, f"info.{name}"))
        else:
            parsed[name] = date
    for first, second in _ORDER:
        if first in parsed and second in parsed and parsed[first] > parsed[second]:
            found.append(
                finding(
                    "PR-DATE-ORDER",
                    Severity.WARNING,
                    N_("This date comes after a later step of the calendar ({other})."),
                    f"info.{first}",
                    principles.COMPLETE,
                    other=parsed[second].isoformat(),
                )
            )
    return found


def check_project(project: Project) -> list[Finding]:
    """Findings of the project step; see the module docstring for the codes."""
    info = project.info
    found = blank_info_findings(project, _REQUIRED)
    if info.province.strip() and info.province.strip().upper() not in provinces.PROVINCES:
        found.append(
            finding(
                "PR-PROVINCE",
                Severity.ERROR,
                N_("\u201c{value}\u201d is not a Canadian province or territory code."),
                "info.province",
                principles.COMPLETE,
                value=info.province,
            )
        )
    # The stored values themselves (a received file keeps a bad one as it is); the
    # exports read them through i18n.languages, which falls back.
    if info.tender_languages not in TENDER_LANGUAGES:
        found.append(
            finding(
                "PR-LANGUAGES",
                Severity.ERROR,
                N_("The tender languages must be French, English or both."),
                "info.tender_languages",
                principles.LANGUAGE,
            )
        )
    languages = LANGUAGES if info.tender_languages == "both" else (info.tender_languages,)
    if info.binding_language not in languages:
        found.append(
            finding(
                "PR-BINDING-LANGUAGE",
                Severity.ERROR,
                N_("The legally binding version must be in a language of the tender."),
                "info.binding_language",
                principles.LANGUAGE,
            )
        )
    if info.province.strip().upper() == "QC" and info.binding_language == "en":
        found.append(
            finding(
                "PR-QC-FRENCH",
                Severity.WARNING,
                N_(
                    "In Québec, a public body's contracts and tenders are drawn up in French: make the French version binding."
                ),
                "info.binding_language",
                principles.LANGUAGE,
            )
        )
    found.extend(_dates(project))
    found.extend(logistics.check_logistics(project))
    found.extend(periods.check_periods(project))
    found.extend(contract_data.check_contract_data(project))
    if not any(a.name.strip() for a in project.authors):
        found.append(
            finding(
                "PR-AUTHORS",
                Severity.INFO,
                N_("List the tender's authors: none of them may sit on the selection committee."),
                "authors",
                principles.CONFLICT,
            )
        )
    return found
