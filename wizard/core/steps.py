"""The wizard's steps in order and pure helpers about them.

Every function here is a pure function of the model, so ``nextId()`` and the step list
in the UI stay cheap and never do work (docs/ui-pages.md: Qt calls ``nextId()`` often).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
    STATEMENT_OF_WORK = 8
    CLAUSES = 9
    VENDORS = 10
    REVIEW = 11


@dataclass(frozen=True)
class StepFacts:
    """What the core knows of one step.

    ``title``: an English msgid (translate with ``i18n.tr``); ``owns``: the model's
    sections and entity lists whose fields the step edits (findings on them show on its
    page); ``done``: whether the project holds the step's main inputs (shown in the step
    list; never blocks)."""

    title: str
    owns: tuple[str, ...]
    done: Callable[[Project], bool]


def _evaluation_done(p: Project) -> bool:
    return bool(p.jury) and p.evaluation.quality_weight + p.evaluation.price_weight == 100


STEPS: dict[Step, StepFacts] = {
    Step.PROJECT: StepFacts(
        N_("Project"),
        ("info", "contract_data", "authors", "translations"),
        lambda p: bool(p.info.organization and p.info.province and p.info.title),
    ),
    Step.PROBLEM: StepFacts(
        N_("Problem definition"),
        ("problem",),
        lambda p: bool(p.problem.request_as_received.strip() and p.problem.statement.strip()),
    ),
    Step.SCOPE: StepFacts(
        N_("Scope"),
        ("scope", "business_units", "partners", "governance"),
        lambda p: any(u.role != "not_concerned" for u in p.business_units),
    ),
    Step.MARKET: StepFacts(
        N_("Market scan"),
        ("market", "solutions", "features", "support"),
        lambda p: bool(p.solutions and p.features),
    ),
    Step.CRITERIA: StepFacts(
        N_("Criteria"),
        ("criteria_settings", "criteria", "extra_brands"),
        lambda p: any(c.kind == "mandatory" for c in p.criteria),
    ),
    Step.SCENARIOS: StepFacts(N_("Test scenarios"), ("scenarios", "committee"), lambda p: bool(p.scenarios)),
    Step.EVALUATION: StepFacts(
        N_("Evaluation and award"), ("evaluation", "jury", "quality_grid"), _evaluation_done
    ),
    Step.TCO: StepFacts(
        N_("Total cost of ownership"),
        ("tco", "tco_options", "cost_lines"),
        lambda p: bool(p.tco_options and p.cost_lines),
    ),
    # done once the object of the contract is written: every other value has a default
    # sized for a small town, so the object is the one input only the Town can give
    Step.STATEMENT_OF_WORK: StepFacts(
        N_("Statement of work and contract"),
        ("statement_of_work",),
        lambda p: bool(p.statement_of_work.object.strip()),
    ),
    # done once the user has made a choice on the page: a new project's proposed clauses
    # are the app's, not yet the user's (issue 24: no green mark on an empty project)
    Step.CLAUSES: StepFacts(N_("Contract clauses"), ("clause_choices",), lambda p: bool(p.clause_choices)),
    Step.VENDORS: StepFacts(
        N_("Vendor relations"),
        ("vendor_exchanges", "designated_staff", "publication", "publication_items"),
        lambda p: bool(p.designated_staff),
    ),
    Step.REVIEW: StepFacts(
        N_("Review and export"),
        ("justifications", "export"),
        lambda p: all(STEPS[s].done(p) for s in Step if s != Step.REVIEW),
    ),
}
"""Every step's facts, in wizard order: the one table the app, the checks and the
documents read (a test proves it covers every step and owns every field once)."""

_OWNER: dict[str, Step] = {kind: step for step, facts in STEPS.items() for kind in facts.owns}


def title(step: Step) -> str:
    """The step's title, an English msgid ("Problem definition")."""
    return STEPS[step].title


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
    return STEPS[step].done(project)
