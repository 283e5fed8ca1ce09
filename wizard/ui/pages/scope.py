"""Scope widening: business units, partners, governance checklist, risk flags."""

from __future__ import annotations

from typing import Any

from wizard.core import ops
from wizard.core.i18n import N_, _
from wizard.core.model.defaults import GOVERNANCE_ITEMS
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage, short_text
from wizard.ui.widgets.table_editor import Column


def governance_statement(row: Any) -> str:
    """The translated statement of a governance checklist row."""
    msgid = GOVERNANCE_ITEMS.get(row.key)
    return _(msgid) if msgid else row.key


class ScopePage(StepPage):
    STEP = Step.SCOPE
    HELP = N_(
        "A need seen by one unit is often shared by others: police, fire and public works "
        "may all need the same map. Widen the scope before buying so the town buys once. "
        "The guide also asks for central IT governance: the IT directorate alone decides "
        "IT purchases, and the data belongs to the citizens. Critical systems and personal "
        "information call for stronger clauses."
    )

    def initializePage(self) -> None:
        """Mark the requesting unit ``affected`` the first time the page shows units
        never touched (``ops.requesting_unit_to_mark``), then show the project."""
        if not self.ctx.read_only and ops.requesting_unit_to_mark(self.ctx.pf) is not None:
            self.ctx.do(ops.mark_requesting_unit)
        super().initializePage()

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Business units of the town"))
        self.table(
            form,
            "business_units",
            [
                Column("name", N_("Unit"), stretch=True),
                Column("role", N_("Role in this need")),
                Column("notes", N_("Notes"), stretch=True),
            ],
            lines=24,
        )
        form = self.group(N_("External partners"))
        self.table(
            form,
            "partners",
            [Column("name", N_("Partner"), stretch=True), Column("notes", N_("Notes"), stretch=True)],
            lines=2,
        )
        form = self.group(N_("Governance checklist"))
        self.table(
            form,
            "governance",
            [
                Column("key", N_("Statement"), display=governance_statement, stretch=True),
                Column("answer", N_("Answer")),
                Column("notes", N_("Notes"), stretch=True),
            ],
            can_add=False,
            lines=14,
        )
        form = self.group(N_("Risks and data"))
        form.addRow(
            b.check(
                "scope",
                "mission_critical",
                N_("Mission-critical system (911, dispatch, traffic, plants, sensors…)"),
            )
        )
        self.row(form, N_("Notes"), short_text(b.text("scope", "mission_critical_notes", 2)))
        form.addRow(b.check("scope", "personal_information", N_("Personal information is processed")))
        self.row(form, N_("Notes"), short_text(b.text("scope", "personal_information_notes", 2)))
        form.addRow(
            b.check("scope", "employee_locations", N_("The system records where the Town's employees are"))
        )
        form.addRow(b.check("scope", "vendor_hosting", N_("The vendor hosts the town's data (cloud / SaaS)")))
        form.addRow(b.check("scope", "custom_code", N_("Custom code or APIs are delivered")))
