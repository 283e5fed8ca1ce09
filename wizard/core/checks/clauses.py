"""Checks of the contract clauses step (docs/clauses.md; docs/cases.md K9, K10).

* ``K-REQUIRED`` (error): a family the project needs (governing law, precedence, data
  ownership, IP, language; privacy, hosting, continuity, excluded vendors when their
  condition holds) has no clause left in the tender.
* ``K-REMOVED`` (warning): a recommended clause was removed; the message gives why it
  matters.
* ``K-RENDER`` (error): a clause (usually an edited one) cannot be rendered; the message
  names the clause by its number and title in the tender ("3. Governing law") and the
  variable; its ``clause_id`` parameter keeps the library id.
* ``K-PLACEHOLDER`` (warning): project data the tender prints is missing (closing date,
  organization …); the tender shows ``[À COMPLÉTER / TO BE COMPLETED]`` instead. Only for
  a field the project step does not already report (``PR-…``): one finding per blank.
"""

from __future__ import annotations

from typing import Any

from wizard.core.checks.base import Finding, Severity, finding
from wizard.core.checks.project import REPORTED_WHEN_BLANK
from wizard.core.clauses import library as clauses
from wizard.core.clauses.families import FAMILIES
from wizard.core.clauses.render import clause_context, render_source
from wizard.core.domain.numbering import localized_clause
from wizard.core.i18n import N_
from wizard.core.i18n.languages import tender_languages
from wizard.core.model import Project

PRINCIPLE = N_(
    "Guide, procurement: keep local law, the town's data and the code it pays for under "
    "its control, and have the town's lawyers write the final clauses."
)

_MISSING = {
    "info.organization": N_("The organization's name is missing: the tender shows a placeholder."),
    "info.province": N_(
        "The province or territory is missing: the governing law clause shows a placeholder."
    ),
    "info.title": N_("The tender title is missing: the tender shows a placeholder."),
    "info.reference": N_("The reference number is missing: the tender shows a placeholder."),
    "info.closing_date": N_("The closing date is missing: the tender shows a placeholder."),
}


def _choice_field(project: Project, clause_id: str, attribute: str = "included") -> str:
    choice = clauses.choice_for(project, clause_id)
    return f"clause_choices:{choice.id}.{attribute}" if choice else "clause_choices"


def _families(project: Project) -> list[Finding]:
    holds = clauses.conditions(project)
    kept = {c.family for c in clauses.included_clauses(project)}
    found = []
    for key, family in FAMILIES.items():
        if family.required_when is None or not holds.get(family.required_when) or key in kept:
            continue
        removed = next((c.id for c in clauses.applicable(project) if c.family == key), "")
        field = _choice_field(project, removed) if removed else "clause_choices"
        found.append(finding("K-REQUIRED", Severity.ERROR, family.removed, field, PRINCIPLE))
    for item in clauses.applicable(project):
        if item.status == "recommended" and not clauses.is_included(project, item):
            family = FAMILIES[item.family]
            if family.required_when is None or item.family in kept:
                found.append(
                    finding(
                        "K-REMOVED",
                        Severity.WARNING,
                        family.removed,
                        _choice_field(project, item.id),
                        PRINCIPLE,
                    )
                )
    return found


_RENDERED: set[tuple[str, str]] = set()
"""(clause source, ``repr`` of its context) of the renders that succeeded, across runs of
the checks: a render reads nothing but its source and its context (plain strings,
numbers, booleans, lists and dicts, whose ``repr`` is faithful), so an edit that changes
neither renders nothing again. A failed render is not kept: it is tried again."""
_RENDERED_KEPT = 4_096


def _render(source: str, context: dict[str, Any], context_key: str, clause_id: str) -> None:
    """``render_source`` for its errors only, skipped when it succeeded before with the
    same source and context (:data:`_RENDERED`). Raises ``ClauseRenderError``."""
    key = (source, context_key)
    if key in _RENDERED:
        return
    render_source(source, context, clause_id)
    if len(_RENDERED) >= _RENDERED_KEPT:
        _RENDERED.clear()
    _RENDERED.add(key)


def _render_errors(project: Project) -> list[Finding]:
    found = []
    excluded = clauses.excluded_vendor_names(project)
    for lang in tender_languages(project):
        context = clause_context(project, lang, excluded)
        context_key = repr(context)
        for item in clauses.included_clauses(project):
            try:
                _render(clauses.clause_source(project, item, lang), context, context_key, item.id)
            except clauses.ClauseRenderError as exc:
                edited = clauses.is_edited(project, item.id, lang)
                field = _choice_field(project, item.id, f"custom_{lang}") if edited else "clause_choices"
                if exc.variable:
                    message = N_(
                        "The clause “{clause}” cannot be produced: it uses “{variable}”, which is "
                        "unknown or forbidden. Check its edited text."
                    )
                else:
                    message = N_(
                        "The clause “{clause}” cannot be produced ({detail}). Check its edited text."
                    )
                found.append(
                    finding(
                        "K-RENDER",
                        Severity.ERROR,
                        message,
                        field,
                        PRINCIPLE,
                        clause=localized_clause(project, item.id),
                        clause_id=item.id,
                        variable=exc.variable,
                        detail=exc.detail,
                    )
                )
    return found


def _placeholders(project: Project) -> list[Finding]:
    found = []
    for address, message in _MISSING.items():
        if address in REPORTED_WHEN_BLANK:  # PR-… already names the blank
            continue
        if not getattr(project.info, address.split(".", 1)[1]).strip():
            found.append(finding("K-PLACEHOLDER", Severity.WARNING, message, address, PRINCIPLE))
    return found


def check_clauses(project: Project) -> list[Finding]:
    """K-REQUIRED, K-REMOVED, K-RENDER and K-PLACEHOLDER findings (see module doc)."""
    return _families(project) + _render_errors(project) + _placeholders(project)
