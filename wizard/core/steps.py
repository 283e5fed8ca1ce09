"""The wizard's steps in order (SPEC §2.0–§2.10) and pure helpers about them.

Every function here is a pure function of the model, so ``nextId()`` and the step list
in the UI stay cheap and never do work (STYLE.md: avoid QgisModelBaker's ``next_id``).
"""

from __future__ import annotations

from enum import IntEnum

from wizard.core.domain.addresses import parse_address
from wizard.core.i18n import N_
from wizard.core.model import Project


class Step(IntEnum):
    """Wizard pages in order; the value is the QWizard page id."""

    PROJECT = 0
    PROBLEM = 1
    SCOPE = 2
    MARKET = 3
    CRITERIA = 4
    SCENARIOS = 5
    EVALUATION = 6
    TCO = 7
    CLAUSES = 8
    VENDORS = 9
    REVIEW = 10


TITLES: dict[Step, str] = {
    Step.PROJECT: N_("Project"),
    Step.PROBLEM: N_("Problem definition"),
    Step.SCOPE: N_("Scope"),
    Step.MARKET: N_("Market scan"),
    Step.CRITERIA: N_("Criteria"),
    Step.SCENARIOS: N_("Test scenarios"),
    Step.EVALUATION: N_("Evaluation and award"),
    Step.TCO: N_("Total cost of ownership"),
    Step.CLAUSES: N_("Contract clauses"),
    Step.VENDORS: N_("Vendor relations"),
    Step.REVIEW: N_("Review and export"),
}
"""Step → its title (an English msgid; translate with ``i18n.tr``)."""

# Which step owns a model field: section name or entity list → step.
_OWNER: dict[str, Step] = {
    "info": Step.PROJECT,
    "authors": Step.PROJECT,
    "problem": Step.PROBLEM,
    "scope": Step.SCOPE,
    "business_units": Step.SCOPE,
    "partners": Step.SCOPE,
    "governance": Step.SCOPE,
    "market": Step.MARKET,
    "solutions": Step.MARKET,
    "features": Step.MARKET,
    "support": Step.MARKET,
    "criteria_settings": Step.CRITERIA,
    "criteria": Step.CRITERIA,
    "extra_brands": Step.CRITERIA,
    "scenarios": Step.SCENARIOS,
    "committee": Step.SCENARIOS,
    "evaluation": Step.EVALUATION,
    "jury": Step.EVALUATION,
    "quality_grid": Step.EVALUATION,
    "tco": Step.TCO,
    "tco_options": Step.TCO,
    "cost_lines": Step.TCO,
    "clause_choices": Step.CLAUSES,
    "vendor_exchanges": Step.VENDORS,
    "designated_staff": Step.VENDORS,
    "publication": Step.VENDORS,
    "publication_items": Step.VENDORS,
    "justifications": Step.REVIEW,
    "export": Step.REVIEW,
}


def step_of_field(field: str) -> Step:
    """The step that owns a field address (``"problem.statement"``, ``"criteria:3.text"``).

    Unknown addresses belong to :attr:`Step.REVIEW`.
    """
    return _OWNER.get(parse_address(field).kind, Step.REVIEW)


def next_step(step: Step) -> Step | None:
    """The step after ``step``, or ``None`` after the last one."""
    return Step(step + 1) if step < Step.REVIEW else None


def completion(project: Project, step: Step) -> bool:
    """Whether a step holds its main inputs (shown in the step list; never blocks)."""
    p = project
    if step == Step.REVIEW:
        return all(completion(p, s) for s in Step if s != Step.REVIEW)
    done = {
        Step.PROJECT: bool(p.info.organization and p.info.province and p.info.title),
        Step.PROBLEM: bool(p.problem.request_as_received.strip() and p.problem.statement.strip()),
        Step.SCOPE: any(u.role != "not_concerned" for u in p.business_units),
        Step.MARKET: bool(p.solutions and p.features),
        Step.CRITERIA: any(c.kind == "mandatory" for c in p.criteria),
        Step.SCENARIOS: bool(p.scenarios),
        Step.EVALUATION: bool(p.jury) and p.evaluation.quality_weight + p.evaluation.price_weight == 100,
        Step.TCO: bool(p.tco_options and p.cost_lines),
        Step.CLAUSES: True,
        Step.VENDORS: bool(p.designated_staff),
    }
    return done[step]
