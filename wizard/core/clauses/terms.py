"""The statement of work's values as the tender's texts say them (docs/clauses.md, "Variables").

``contract_terms(project, lang) -> dict[str, Any]``: the values of
``project.statement_of_work`` (``model.sections.StatementOfWork``) written out in
``lang`` ("fr" or "en"), for the commercial clauses (the clause variable ``sow``), the
statement of work and the schedules of the tender (``documents/tender_statement_of_work.py``,
``documents/tender_schedules.py``). One place writes "30 days", "99.5%" or "$2,000,000"
so that the clauses, the statement of work and the schedules never disagree.

Principle: a clause sees words, not model objects. Durations are counted phrases
("3 years", « 3 ans »); rates are percentages in the language ("99.5%", « 99,5 % »);
amounts are dollars without cents; booleans say whether a sentence applies. A count of
0 that means "not stated" is a ``False`` flag beside its phrase, so a clause never
prints "0 days". Québec's Civil Code articles come from ``resources/legal/quebec.json``
(group ``civil_code``), never typed in a clause. Raises nothing.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from wizard.core.domain import quebec
from wizard.core.i18n import N_, Plural, tr
from wizard.core.model import Project
from wizard.core.model.bounds import BOUNDS, clamp
from wizard.core.model.sections import StatementOfWork

_PERIODS = {"monthly": N_("each month"), "quarterly": N_("each quarter"), "yearly": N_("each year")}
"""How often recurring fees are invoiced, as a phrase ("invoiced each month")."""

_SUPPORT = {
    "business_hours": N_("from Monday to Friday, 8:00 to 17:00 (the Town's time), holidays excepted"),
    "extended_hours": N_("every day, 7:00 to 19:00 (the Town's time)"),
    "always": N_("24 hours a day, 7 days a week"),
}
"""When the support answers (``StatementOfWork.support_hours``), as a phrase."""

_INSURANCE = (
    (
        "insurance_general_cad",
        N_("commercial general liability insurance of at least {amount} per occurrence"),
    ),
    (
        "insurance_professional_cad",
        N_("professional liability (errors and omissions) insurance of at least {amount} per claim"),
    ),
    ("insurance_cyber_cad", N_("cyber and privacy liability insurance of at least {amount} per claim")),
)
"""The insurance the Contractor carries, each printed only when its amount is above 0."""


def years(n: int, lang: str) -> str:
    """``n`` years as a phrase ("3 years", « 3 ans »)."""
    return tr(Plural("{count} year", "{count} years", n), lang)


def months(n: int, lang: str) -> str:
    """``n`` months as a phrase."""
    return tr(Plural("{count} month", "{count} months", n), lang)


def weeks(n: int, lang: str) -> str:
    """``n`` weeks as a phrase."""
    return tr(Plural("{count} week", "{count} weeks", n), lang)


def days(n: int, lang: str) -> str:
    """``n`` days as a phrase."""
    return tr(Plural("{count} day", "{count} days", n), lang)


def hours(n: int, lang: str) -> str:
    """``n`` hours as a phrase."""
    return tr(Plural("{count} hour", "{count} hours", n), lang)


def times(n: int, lang: str) -> str:
    """``n`` times ("1 time", "2 times"; « 1 fois », « 2 fois »)."""
    return tr(Plural("{count} time", "{count} times", n), lang)


def amount(value: Decimal, lang: str) -> str:
    """Dollars without cents ("$2,000,000", « 2 000 000 $ »)."""
    from wizard.core.documents.record_tco import money  # documents import the clauses

    return money(value, lang, cents=False)


def pct(value: Decimal, lang: str) -> str:
    """A percentage in the language ("99.5%", « 99,5 % »)."""
    from wizard.core.documents.record_tco import percent

    return percent(value, lang)


def number(value: Decimal, lang: str) -> str:
    """A plain number in the language ("1.5", « 1,5 »)."""
    text = pct(value, lang)
    return text.removesuffix("\u00a0%").removesuffix("%")


def bounded(project: Project) -> StatementOfWork:
    """``project.statement_of_work`` with every number brought into its range
    (``model.bounds``, docs/statement-of-work.md): a value out of range is reported by
    ``SW-RANGE`` and the documents print the nearest limit, never a 10-digit term."""
    sow = project.statement_of_work
    changes = {
        field.name: clamp(f"statement_of_work.{field.name}", getattr(sow, field.name))
        for field in dataclasses.fields(sow)
        if f"statement_of_work.{field.name}" in BOUNDS
    }
    return dataclasses.replace(sow, **changes)


def contract_terms(project: Project, lang: str) -> dict[str, Any]:
    """The statement of work of ``project`` in ``lang``: key → phrase, flag or list.

    Keys: ``term``, ``renewals`` (int), ``renewal_times``, ``renewal``; ``go_live_stated``
    (bool) and ``go_live``;
    ``acceptance`` (bool: acceptance testing applies) and ``acceptance_days``;
    ``warranty`` (bool) and ``warranty_months``; ``milestones`` (bool: one-off work paid
    on accepted milestones), ``period`` ("each month"), ``holdback`` (bool) and
    ``holdback_pct``, ``pays_later`` (bool: a payment period above 0 days) and
    ``payment_days``; ``indexed`` (bool) and ``price_cap``;
    ``cap`` ("cap_multiple", "cap_unlimited", "cap_unstated") and ``cap_multiple``;
    ``insurance`` (list of phrases, only amounts above 0); ``notice_days`` (bool) and
    ``notice`` (termination for convenience); ``recovery`` (bool: both recovery objectives are stated); ``sla``
    (bool: an availability is stated), ``availability``,
    ``sla_months`` (int) and ``sla_months_text``; ``support``; ``key_personnel``,
    ``background_checks`` (bools); ``ccq_liability``, ``ccq_force_majeure``,
    ``ccq_termination`` (the Civil Code articles as the sentence cites them).
    Numbers are read within their bounds (:func:`bounded`).
    """
    sow = bounded(project)
    insurance = [
        tr(text, lang, amount=amount(getattr(sow, key), lang))
        for key, text in _INSURANCE
        if getattr(sow, key) > 0
    ]
    return {
        "term": years(sow.term_years, lang),
        "renewals": sow.renewals,
        "renewal_times": times(sow.renewals, lang),
        "renewal": years(sow.renewal_years, lang),
        "go_live_stated": sow.go_live_weeks > 0,
        "go_live": weeks(sow.go_live_weeks, lang),
        "acceptance": sow.acceptance_days > 0,
        "acceptance_days": days(sow.acceptance_days, lang),
        "warranty": sow.warranty_months > 0,
        "warranty_months": months(sow.warranty_months, lang),
        "milestones": sow.payment_terms == "pay_milestones",
        "period": tr(_PERIODS.get(sow.payment_period, _PERIODS["monthly"]), lang),
        "holdback": sow.holdback_pct > 0,
        "holdback_pct": pct(sow.holdback_pct, lang),
        "pays_later": sow.payment_days > 0,
        "payment_days": days(sow.payment_days, lang),
        "indexed": sow.price_adjustment == "price_indexed",
        "price_cap": pct(sow.price_adjustment_cap_pct, lang),
        "cap": sow.liability_cap,
        "cap_multiple": number(sow.liability_cap_multiple, lang),
        "insurance": insurance,
        "notice_days": sow.termination_notice_days > 0,
        "notice": days(sow.termination_notice_days, lang),
        "recovery": sow.rto_hours > 0 and sow.rpo_hours > 0,
        "sla": sow.availability_pct > 0,
        "availability": pct(sow.availability_pct, lang),
        "sla_months": sow.sla_termination_months,
        "sla_months_text": months(sow.sla_termination_months, lang),
        "support": tr(_SUPPORT.get(sow.support_hours, _SUPPORT["business_hours"]), lang),
        "key_personnel": sow.key_personnel,
        "background_checks": sow.background_checks,
        "ccq_liability": quebec.text("civil_code", "no_limit_gross_fault", lang),
        "ccq_force_majeure": quebec.text("civil_code", "force_majeure", lang),
        "ccq_termination": quebec.text("civil_code", "termination_by_client", lang),
    }
