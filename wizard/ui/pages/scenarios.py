"""Test scenarios (instead of demos) and the technical committee."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from wizard.core import ops
from wizard.core.domain.numbering import criterion_numbers, scenario_numbers
from wizard.core.i18n import N_, ui_language
from wizard.core.model import Scenario
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.link_list import LinkList
from wizard.ui.widgets.table_editor import Column

DETAIL_FIELDS = (
    ("context", N_("Context")),
    ("steps", N_("Steps")),
    ("expected_result", N_("Expected result")),
    ("evidence", N_("Evidence asked (access to the software, test environment)")),
)


class ScenariosPage(StepPage):
    STEP = Step.SCENARIOS
    DETAIL_KIND = "scenarios"
    HELP = N_(
        "Replace sales demos by test scenarios the bidders run on their own software, "
        "under the eyes of a technical committee that confirms or refutes their claims. "
        "Each mandatory criterion should be verified by a scenario or another means; a "
        "scenario that checks no criterion proves nothing."
    )

    def build(self) -> None:
        form = self.group(N_("Scenarios"))
        table = self.table(
            form,
            "scenarios",
            [
                Column("id", N_("No."), display=self.number, width=6, tip=N_("Its number in the tender")),
                Column("title", N_("Title"), stretch=True),
            ],
            lines=4,
        )
        table.current_changed.connect(lambda _id: self.load_detail())
        table.rows_changed.connect(self._refresh_numbers)
        form = self.group(N_("Selected scenario"))
        for name, title in DETAIL_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setObjectName(f"scenario.{name}")
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 7 + 12)  # not Qt's 192 px hint
            edit.textChanged.connect(lambda n=name, e=edit: self._detail_edited(n, e.toPlainText()))
            self.details[name] = edit
            self.row(form, title, self.translated(name, edit))
        self.links = LinkList()
        self.links.setObjectName("scenario.criterion_ids")
        self.links.links_changed.connect(self._links_edited)
        self.row(form, N_("Criteria verified"), self.links)
        form = self.group(N_("Technical committee"))
        self.table(
            form,
            "committee",
            [Column("name", N_("Name"), stretch=True), Column("role", N_("Role"), stretch=True)],
            lines=3,
        )

    def number(self, scenario: object) -> str:
        """The table cell: the scenario's number in the tender ("S-1"), "—" for an empty
        scenario (left out of the tender, S-BLANK-ROW)."""
        return scenario_numbers(self.ctx.project).get(getattr(scenario, "id", 0), "—")

    def _refresh_numbers(self) -> None:
        """Numbers after an edit: a scenario given its first text takes a number and
        shifts the following ones."""
        table = self.tables["scenarios"]
        column = [c.name for c in table.columns].index("id")
        numbers = scenario_numbers(self.ctx.project)
        for r, row_id in enumerate(table.row_ids()):
            cell = table.table.item(r, column)
            if cell is not None:
                cell.setText(numbers.get(row_id, "—"))

    def _current(self) -> object | None:
        row_id = self.tables["scenarios"].current_id()
        return None if row_id is None else self.ctx.project.find_row(Scenario, row_id)

    def load_extra(self) -> None:
        table = self.tables["scenarios"]
        if table.current_id() is None and table.row_ids():
            table.focus_row(table.row_ids()[0], None, focus=False)
        self.load_detail()

    def load_detail(self) -> None:
        self.ctx.flush()
        scenario = self._current()
        editable = scenario is not None and not self.ctx.read_only
        for name, edit in self.details.items():
            edit.blockSignals(True)
            edit.setPlainText(getattr(scenario, name) if scenario is not None else "")
            edit.blockSignals(False)
            edit.setReadOnly(not editable)
        numbers = criterion_numbers(self.ctx.project, ui_language())
        options = [(c.id, f"{numbers.get(c.id, '—')} — {c.text or '…'}") for c in self.ctx.project.criteria]
        selected = scenario.criterion_ids if scenario is not None else []  # type: ignore[attr-defined]
        self.links.show_links(options, selected, editable)
        self.load_translations()

    def _detail_edited(self, name: str, text: str) -> None:
        row_id = self.tables["scenarios"].current_id()
        if row_id is not None:
            self.ctx.do_later(("scenarios", row_id, name), ops.update, Scenario, row_id, **{name: text})

    def _links_edited(self, ids: list[int]) -> None:
        row_id = self.tables["scenarios"].current_id()
        if row_id is not None:
            self.ctx.do(ops.update, Scenario, row_id, criterion_ids=ids)
