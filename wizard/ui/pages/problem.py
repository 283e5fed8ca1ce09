"""§2.1 Problem definition: the request as received and the need as defined."""

from __future__ import annotations

from wizard.core.i18n import N_
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage


class ProblemPage(StepPage):
    STEP = Step.PROBLEM
    HELP = N_(
        "Start from the need, not from a product. A request such as \"buy product X\" "
        "already chooses the answer and shuts out other suppliers. Write what the town "
        "must be able to do (or to evaluate), for whom and why now. The guide's first "
        "principle: define the problem before looking at solutions, and keep open "
        "competition."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("The request as received"))
        self.row(form, N_("Request, word for word"), b.text("problem", "request_as_received", 3))
        self.row(form, N_("Requesting unit"), b.line("problem", "requesting_unit"))
        form = self.group(N_("The need"))
        self.note(form, N_("Describe what the town needs to be able to do, without naming a product or vendor."))
        self.row(form, N_("Problem statement"), b.text("problem", "statement", 5))
        self.row(form, N_("Context"), b.text("problem", "context", 4))
        form = self.group(N_("Urgency"))
        form.addRow(b.check("problem", "urgent", N_("This need is urgent")))
        self.row(form, N_("Why it is urgent"), b.text("problem", "urgency_justification", 3))
