"""Findings for one text outside any project (``main.py lint``).

``lint_text(field, text, lang)`` puts ``text`` in a throw-away project — as the problem
statement, a mandatory criterion or a scenario's steps — runs every check and keeps the
findings that point at that text. Project-level findings (too many mandatory criteria,
an unlinked scenario …) are left out: they say nothing about the sentence. So is
``PR-TEXT-LANGUAGE``: ``lang`` is the language of the messages (``lint --lang``, else the
system's), not a tender language the text was written for, so an English sentence linted
with French messages is no text in the wrong language.
``lint_line(finding)`` is the line the command prints: the code, then the brand,
product or vendor names it detected (``"C-BRAND  Microsoft Entra ID"``);
``explain_line(finding, lang)`` adds the severity and the message (``lint --explain``).
"""

from __future__ import annotations

from wizard.core import checks
from wizard.core.checks.base import Finding, brands_of
from wizard.core.domain import brands
from wizard.core.i18n.labels import severity_word
from wizard.core.model import Criterion, Scenario
from wizard.core.model.defaults import new_project

NOT_LINTED = frozenset(["PR-TEXT-LANGUAGE"])
"""Codes about the project a text is put in, not about the text (see the module doc)."""

FIELDS = {"problem": "problem.statement", "criterion": "criteria:1.text", "scenario": "scenarios:1.steps"}


def lint_text(field: str, text: str, lang: str = "en") -> list[Finding]:
    """Findings about ``text`` used as ``field`` ("problem", "criterion" or "scenario").

    ``lang`` ("fr" or "en") sets the throw-away project's tender language. Raises
    ``ValueError`` for another field.
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}; choose one of: {', '.join(FIELDS)}")
    project = new_project(lang if lang in ("fr", "en") else "en")
    if field == "problem":
        project.problem.statement = text
    elif field == "criterion":
        project.criteria.append(Criterion(id=1, text=text, kind="mandatory"))
    else:
        project.scenarios.append(Scenario(id=1, steps=text))
    address = FIELDS[field]
    return [f for f in checks.run_checks(project) if f.field == address and f.code not in NOT_LINTED]


def detected_names(f: Finding) -> list[str]:
    """The brand, product or vendor names a finding is about, as written ([] if none).

    C-BRAND, S-BRAND and P-INCUMBENT carry them in their ``brands`` parameter; P-SOLUTION
    when its target is a brand ("buy Microsoft 365"), not a solution type.
    """
    if f.code == "P-SOLUTION":
        return brands.brand_list(f.param("target"))
    return brands_of(f)


def lint_line(f: Finding) -> str:
    """``"CODE"``, or ``"CODE  Name, Other name"`` when the finding detected names."""
    names = detected_names(f)
    return f"{f.code}  {', '.join(names)}" if names else f.code


def explain_line(f: Finding, lang: str) -> str:
    """:func:`lint_line`, then ``"  (SEVERITY) message"`` in ``lang`` ("fr" or "en"):
    ``"P-NEED  (INFO) State the need …"``. The first word stays the code."""
    severity = severity_word(f.severity.value, lang)
    return f"{lint_line(f)}  ({severity}) {f.message(lang)}"
