"""One QWizardPage subclass per step (docs/ui-pages.md), in wizard order."""

from __future__ import annotations

from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.pages.clauses import ClausesPage
from wizard.ui.pages.criteria import CriteriaPage
from wizard.ui.pages.evaluation import EvaluationPage
from wizard.ui.pages.market import MarketPage
from wizard.ui.pages.problem import ProblemPage
from wizard.ui.pages.project import ProjectPage
from wizard.ui.pages.review import ReviewPage
from wizard.ui.pages.scenarios import ScenariosPage
from wizard.ui.pages.scope import ScopePage
from wizard.ui.pages.statement_of_work import StatementOfWorkPage
from wizard.ui.pages.tco import TcoPage
from wizard.ui.pages.vendors import VendorsPage

PAGES: dict[Step, type[StepPage]] = {
    Step.PROJECT: ProjectPage,
    Step.PROBLEM: ProblemPage,
    Step.SCOPE: ScopePage,
    Step.MARKET: MarketPage,
    Step.CRITERIA: CriteriaPage,
    Step.SCENARIOS: ScenariosPage,
    Step.EVALUATION: EvaluationPage,
    Step.TCO: TcoPage,
    Step.STATEMENT_OF_WORK: StatementOfWorkPage,
    Step.CLAUSES: ClausesPage,
    Step.VENDORS: VendorsPage,
    Step.REVIEW: ReviewPage,
}

__all__ = ["PAGES", "StepPage"]
