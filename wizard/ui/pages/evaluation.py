"""§2.6 Evaluation and award: weights, tie-break, Québec mode, jury, optional pilot."""

from __future__ import annotations

from wizard.core.i18n import N_
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.link_list import LinkList
from wizard.ui.widgets.table_editor import Column


class EvaluationPage(StepPage):
    STEP = Step.EVALUATION
    HELP = N_(
        "Say in the tender how bids are judged: every weight, the tie-break rule, and that "
        "mandatory criteria are pass or fail. The guide favours quality over price. Jury "
        "members sign a conflict-of-interest declaration, and nobody who wrote the tender "
        "sits on the jury. A paid pilot lowers the risk of a large project."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Weights (points out of 100)"))
        self.row(form, N_("Quality"), b.spin("evaluation", "quality_weight", 0, 100))
        self.row(form, N_("Price"), b.spin("evaluation", "price_weight", 0, 100))
        self.row(form, N_("Tie-break rule"), b.text("evaluation", "tie_break", 2))
        form = self.group(N_("Québec weighted system (professional services)"))
        form.addRow(b.check("evaluation", "quebec_weighted", N_("Use the weighted quality system")))
        self.note(form, N_("At least 4 quality criteria, none above 30 points; prices are opened only for an interim score of 70 or more."))
        self.table(
            form,
            "quality_grid",
            [Column("label", N_("Quality criterion"), stretch=True), Column("points", N_("Points"), high=100)],
            lines=3,
        )
        form = self.group(N_("Selection jury"))
        self.table(
            form,
            "jury",
            [
                Column("name", N_("Name"), stretch=True),
                Column("role", N_("Role")),
                Column("declaration_signed", N_("Declaration signed")),
                Column("conflict_notes", N_("Conflicts declared"), stretch=True),
            ],
            lines=3,
        )
        form = self.group(N_("Paid pilot"))
        form.addRow(b.check("evaluation", "pilot_enabled", N_("Award the full contract only after a successful pilot")))
        self.row(form, N_("Pilot description"), b.text("evaluation", "pilot_description", 2))
        self.pilot_links = LinkList(3)
        self.pilot_links.setObjectName("evaluation.pilot_scenario_ids")
        self.pilot_links.links_changed.connect(
            lambda ids: self.ctx.set_field("evaluation", "pilot_scenario_ids", ids)
        )
        self.row(form, N_("Scenarios the pilot must pass"), self.pilot_links)

    def load_extra(self) -> None:
        project = self.ctx.project
        options = [(s.id, s.title or "…") for s in project.scenarios]
        self.pilot_links.show_links(options, project.evaluation.pilot_scenario_ids, not self.ctx.read_only)
