"""The list of steps beside the pages: completion mark and findings count per step;
clicking a step goes there (SPEC §2)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from wizard.core.i18n import _
from wizard.core.steps import TITLES, Step, completion
from wizard.ui.context import ProjectContext

STEP_ROLE = Qt.ItemDataRole.UserRole


def step_text(ctx: ProjectContext, step: Step) -> str:
    """"✓ 2. Scope (3)": done mark, number, title, findings count."""
    count = sum(1 for f in ctx.findings() if f.step == step)
    mark = "✓" if completion(ctx.project, step) else "○"
    text = f"{mark} {int(step) + 1}. {_(TITLES[step])}"
    return text + (f" ({count})" if count else "")


class StepList(QListWidget):
    step_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("steps")
        self.itemClicked.connect(lambda item: self.step_clicked.emit(item.data(STEP_ROLE)))

    def refresh(self, ctx: ProjectContext, current: int) -> None:
        self.blockSignals(True)
        try:
            self.clear()
            for step in Step:
                item = QListWidgetItem(step_text(ctx, step))
                item.setData(STEP_ROLE, int(step))
                item.setToolTip(_("Findings: {count}", count=sum(1 for f in ctx.findings() if f.step == step)))
                self.addItem(item)
                if int(step) == current:
                    self.setCurrentItem(item)
        finally:
            self.blockSignals(False)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
