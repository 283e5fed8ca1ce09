"""Evaluation and award: weights, tie-break, Québec mode, jury, optional pilot.

The Québec weighted system (shown for a Québec project) says when the statute applies
(:func:`wizard.core.domain.evaluation.quebec_statute`: the contract's nature and the
estimate), shows its grid's total live, its rules (findings E-QC-*) and its formula,
with a small calculator of the final score.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from wizard.core import ops
from wizard.core.domain.evaluation import QUEBEC_MIN_INTERIM, QuebecStatute, project_statute, quebec_score
from wizard.core.domain.numbering import scenario_numbers
from wizard.core.i18n import N_, _, counts, n_, ui_language
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.fields import parse_decimal
from wizard.ui.widgets.link_list import LinkList
from wizard.ui.widgets.table_editor import Column


def quebec_result(interim_text: str, price_text: str) -> str:
    """The calculator's answer for the typed interim score (out of 100) and price (CAD)."""
    interim, price = parse_decimal(interim_text), parse_decimal(price_text)
    if interim is None or price is None:
        return _("Type an interim score and a price to see the final score.")
    try:
        score = quebec_score(interim, price)
    except ValueError:
        return _("The interim score must be between 0 and 100 and the price above 0.")
    if score is None:
        return _(
            "Interim score below {minimum}: the price envelope stays closed.", minimum=QUEBEC_MIN_INTERIM
        )
    shown = f"{score.quantize(Decimal('0.01')).normalize():f}"
    if "." not in shown:
        shown += ".0"
    if ui_language() == "fr":
        shown = shown.replace(".", ",")
    return _("Final score: {score}", score=shown)


STATUTE_TEXTS = {
    "outside": N_("The statutory weighted system is Québec law: this project is not a Québec project."),
    "below": N_(
        "The estimate is under $25,000: the Cities and Towns Act requires no call for tenders "
        "(s. 573.1), and its weighted system does not govern this evaluation."
    ),
    "required": N_(
        "Professional services: the Cities and Towns Act (s. 573.1.0.1.1) and the Municipal Code "
        "(art. 936.0.1.1) require this two-step weighted system from $25,000 (to be confirmed by counsel)."
    ),
    "if_weighted": N_(
        "Other contracts from $25,000: evaluate on price alone among the bids that pass, or, to weigh "
        "quality against price, use this statutory system (Cities and Towns Act s. 573.1.0.1, Municipal "
        "Code art. 936.0.1; to be confirmed by counsel), not the weights above."
    ),
}
"""What the page says for each case of :func:`wizard.core.domain.evaluation.quebec_statute`."""


def statute_explanation(statute: QuebecStatute) -> str:
    """When the statute applies to this project, in the interface language; says so when
    the project has no estimate yet (the statute is then taken to apply)."""
    text = _(STATUTE_TEXTS[statute.case])
    if statute.binds and statute.estimate is None:
        text += " " + _("The project has no estimate yet: the wizard assumes the statute applies.")
    return text


def compact(edit: QPlainTextEdit, lines: int = 5) -> QPlainTextEdit:
    """``edit`` at most ``lines`` lines tall (Qt's default hint is 192 px; it scrolls)."""
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class EvaluationPage(StepPage):
    STEP = Step.EVALUATION
    HELP = N_(
        "Say in the tender how bids are judged: every weight, the tie-break rule, and that "
        "mandatory criteria are pass or fail. The guide favours quality over price. Selection "
        "committee members sign a conflict-of-interest declaration, and nobody who wrote the "
        "tender sits on the selection committee. A paid pilot lowers the risk of a large project."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Weights (points out of 100)"))
        self.row(form, N_("Quality"), b.spin("evaluation", "quality_weight", 0, 100))
        self.row(form, N_("Price"), b.spin("evaluation", "price_weight", 0, 100))
        self.row(form, N_("Tie-break rule"), compact(b.text("evaluation", "tie_break", 2)))
        self._quebec_group()
        form = self.group(N_("Selection committee"))
        self.authors = QLabel()
        self.authors.setWordWrap(True)
        form.addRow(self.authors)
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
        form.addRow(
            b.check(
                "evaluation", "pilot_enabled", N_("Award the full contract only after a successful pilot")
            )
        )
        self.row(form, N_("Pilot description"), compact(b.text("evaluation", "pilot_description", 2)))
        self.row(form, N_("Pilot duration (weeks, 0 = not stated)"), b.spin("evaluation", "pilot_weeks"))
        self.pilot_links = LinkList(3)
        self.pilot_links.setObjectName("evaluation.pilot_scenario_ids")
        self.pilot_links.links_changed.connect(
            lambda ids: self.ctx.do(
                ops.edit_section, replace(self.ctx.project.evaluation, pilot_scenario_ids=ids)
            )
        )
        self.row(form, N_("Scenarios the pilot must pass"), self.pilot_links)

    def _quebec_group(self) -> None:
        form = self.group(N_("Québec statutory weighted system"))
        box = form.parentWidget()
        assert box is not None  # StepPage.group puts the form in a group box
        self.quebec_box: QWidget = box
        self.quebec_box.setObjectName("quebec.group")
        form.addRow(
            self.binder.check(
                "evaluation", "professional_services", N_("The contract is one for professional services")
            )
        )
        self.statute = QLabel()
        self.statute.setWordWrap(True)
        self.statute.setObjectName("quebec.statute")
        form.addRow(self.statute)
        form.addRow(self.binder.check("evaluation", "quebec_weighted", N_("Use the weighted quality system")))
        self.note(
            form,
            N_(
                "At least 4 quality criteria, none above 30 points; prices are opened only for an interim score of 70 or more."
            ),
        )
        grid = self.table(
            form,
            "quality_grid",
            [
                Column("label", N_("Quality criterion"), stretch=True),
                Column("points", N_("Points"), high=100),
            ],
            lines=3,
        )
        grid.rows_changed.connect(self.load_extra)
        self.grid_total = QLabel()
        self.grid_total.setObjectName("quality_grid.total")
        form.addRow(self.grid_total)
        self.note(
            form,
            N_(
                "A selection committee of at least 3 members, none of them a member of council, scores "
                "quality without seeing the prices; a secretary runs its work without scoring. Bids come "
                "in two envelopes: quality, then price. Final score = (interim score + 50) × 10,000 ÷ "
                "price: the highest wins."
            ),
        )
        self.row(
            form,
            N_("Secretary of the selection committee"),
            self.binder.line("evaluation", "committee_secretary"),
        )
        calculator = QWidget()
        layout = QHBoxLayout(calculator)
        layout.setContentsMargins(0, 0, 0, 0)
        self.interim, self.price = QLineEdit(), QLineEdit()
        self.interim.setObjectName("quebec.interim")
        self.price.setObjectName("quebec.price")
        self.texts.add(self.interim.setPlaceholderText, N_("Interim score (out of 100)"))
        self.texts.add(self.price.setPlaceholderText, N_("Price (CAD)"))
        self.result = QLabel()
        self.result.setObjectName("quebec.result")
        for edit in (self.interim, self.price):
            edit.textChanged.connect(self._calculate)
            layout.addWidget(edit)
        layout.addWidget(self.result, 1)
        self.row(form, N_("Try the formula"), calculator)

    def _calculate(self) -> None:
        self.result.setText(quebec_result(self.interim.text(), self.price.text()))

    def load_extra(self) -> None:
        project = self.ctx.project
        numbers = scenario_numbers(project)  # "S-1 — title", as the tender names them
        options = [(s.id, f"{numbers.get(s.id, '—')} — {s.title or '…'}") for s in project.scenarios]
        self.pilot_links.show_links(options, project.evaluation.pilot_scenario_ids, not self.ctx.read_only)
        self.model_changed()
        self._calculate()

    def model_changed(self) -> None:
        project = self.ctx.project
        statute = project_statute(project)
        self.quebec_box.setVisible(statute.case != "outside" or project.evaluation.quebec_weighted)
        self.statute.setText(statute_explanation(statute))
        total = sum(item.points for item in project.quality_grid)
        self.grid_total.setText(
            n_(
                "Total: {total} out of 100, {count} quality criterion.",
                "Total: {total} out of 100, {count} quality criteria.",
                len(project.quality_grid),
                total=counts.points(total),
            )
        )
        names = ", ".join(a.name for a in project.authors if a.name.strip())
        self.authors.setText(
            _("Authors of the tender, who may not sit on the selection committee: {names}.", names=names)
            if names
            else _(
                "Name the authors of the tender on the Project page: they may not sit on the selection committee."
            )
        )
