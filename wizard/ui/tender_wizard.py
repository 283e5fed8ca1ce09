"""The wizard itself: one page per step (page id = Step value), embedded in the main
window. Finish asks for the export; Escape and Cancel never close it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from wizard.core.i18n import N_, _
from wizard.core.steps import Step, step_of_field
from wizard.ui.context import ProjectContext
from wizard.ui.pages import PAGES, StepPage

BUTTON_TEXTS = {
    QWizard.WizardButton.BackButton: N_("< &Back"),
    QWizard.WizardButton.NextButton: N_("&Next >"),
    QWizard.WizardButton.FinishButton: N_("&Finish"),
    QWizard.WizardButton.CancelButton: N_("Cancel"),
}


class TenderWizard(QWizard):
    """Pages of one project; ``export_requested`` from Finish or the review page."""

    export_requested = Signal()

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowFlags(Qt.WindowType.Widget)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.step_pages: dict[Step, StepPage] = {}
        for step, cls in PAGES.items():
            page = cls(ctx)
            self.setPage(int(step), page)
            page.focus_requested.connect(self.focus_field)
            self.step_pages[step] = page
        self.step_pages[Step.REVIEW].export_requested.connect(self.export_requested)  # type: ignore[attr-defined]
        self.setStartId(int(Step.PROJECT))
        self.retranslate_buttons()

    def page_of(self, step: Step) -> StepPage:
        return self.step_pages[step]

    def retranslate_buttons(self) -> None:
        for button, msgid in BUTTON_TEXTS.items():
            self.setButtonText(button, _(msgid))

    def retranslate(self) -> None:
        """Show every page and button in the current interface language."""
        self.retranslate_buttons()
        for page in self.step_pages.values():
            page.retranslate()

    def go_to(self, step: Step) -> None:
        """Show ``step`` (pending text is saved first; nothing is lost, K2).

        QWizard.setCurrentId() may only move *forward* or back to the page just before
        in its history: a backward jump anywhere else corrupts the history and a later
        move crashes the process (Qt 6.11 and 6.12). So backward jumps walk back one
        visited page at a time, then move forward to ``step`` if it was never visited.
        """
        self.ctx.flush()
        target = int(step)
        if self.currentId() < 0:
            return
        while self.currentId() > target and len(self.visitedIds()) > 1:
            self.back()
        if self.currentId() != target:
            self.setCurrentId(target)

    def focus_field(self, address: str) -> None:
        """Go to the step that owns ``address`` and focus its editor."""
        step = step_of_field(address)
        self.go_to(step)
        self.step_pages[step].focus_field(address)

    def focus_translation(self, address: str) -> None:
        """Go to the step that owns ``address`` and focus its translation editor."""
        step = step_of_field(address)
        self.go_to(step)
        self.step_pages[step].focus_translation(address)

    def accept(self) -> None:
        """Finish: save and ask for the export (the wizard stays open)."""
        self.ctx.flush()
        self.export_requested.emit()

    def reject(self) -> None:
        """Escape does not close the embedded wizard."""
        self.ctx.flush()
