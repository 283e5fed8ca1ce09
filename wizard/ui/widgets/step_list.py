"""The list of steps beside the pages: a state icon, the number, the title and
the count of open findings per step; clicking a step goes there.

The icon means something: an error icon when the step has
an open error, a warning icon for open warnings, a check mark only when the step is
complete with neither, a grey ring when its main inputs are still missing. Findings
marked justified are not counted. The list is as wide as its longest translated line,
so no title or count is cut and no horizontal scroll bar appears.

In a bilingual tender, a step whose texts lack their translation says how many on a
second line ("2 texts to translate", :func:`untranslated_by_step`); clicking the step
then focuses the first one's translation editor (docs/ui-pages.md, "Bilingual texts").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyle

from wizard.core.checks import Finding, Severity, justified_findings, open_findings, severity_counts
from wizard.core.i18n import Plural, _, counts, n_
from wizard.core.i18n.languages import tender_languages, text_language
from wizard.core.model import Project
from wizard.core.model.translatable import missing, other_language
from wizard.core.steps import STEPS, Step, completion, step_of_field
from wizard.ui.context import ProjectContext
from wizard.ui.widgets.icons import icon

STEP_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1
UNTRANSLATED_ROLE = Qt.ItemDataRole.UserRole + 2
"""The addresses of the step's texts still to translate (a list, model order)."""


def untranslated_by_step(project: Project) -> dict[Step, list[str]]:
    """Step → the addresses of its texts without their version in the other language, in
    model order (``model.translatable.missing`` grouped by ``steps.step_of_field``);
    empty unless the tender is published in French and English."""
    if len(set(tender_languages(project))) < 2:
        return {}
    result: dict[Step, list[str]] = {}
    for address in missing(project, other_language(text_language(project))):
        result.setdefault(_step_of(address), []).append(address)
    return result


_step_of = lru_cache(maxsize=32768)(step_of_field)
"""``steps.step_of_field``, kept per address: the list asks it of every text after each
edit of a bilingual tender (thousands at four times the large project)."""


def untranslated_text(count: int) -> str:
    """The step's second line: "2 texts to translate"."""
    return n_("{count} text to translate", "{count} texts to translate", count)


@dataclass(frozen=True)
class StepState:
    """A step's completion and its findings: open ones by severity, justified apart."""

    done: bool
    errors: int
    warnings: int
    infos: int
    justified: int

    @property
    def open(self) -> int:
        return self.errors + self.warnings + self.infos

    @property
    def kind(self) -> str:
        """The icon kind: "error", "warning", "done" or "todo"."""
        if self.errors:
            return "error"
        if self.warnings:
            return "warning"
        return "done" if self.done else "todo"

    def summary(self) -> str:
        """ "Complete. Open findings: 1 error, 2 warnings, 0 information. Marked justified: 1." """
        head = _("Complete.") if self.done else _("Main inputs still missing.")
        body = _(
            "Open findings: {errors}, {warnings}, {infos}.",
            errors=counts.errors(self.errors),
            warnings=Plural("{count} warning", "{count} warnings", self.warnings),
            infos=Plural("{count} information", "{count} information", self.infos),
        )
        tail = " " + _("Marked justified: {count}.", count=self.justified) if self.justified else ""
        return f"{head} {body}{tail}"


def step_state(project: Project, found: list[Finding], step: Step) -> StepState:
    """The state of ``step`` from every finding of the project."""
    mine = [f for f in found if f.step == step]
    counts = severity_counts(open_findings(project, mine))
    return StepState(
        completion(project, step),
        counts[Severity.ERROR],
        counts[Severity.WARNING],
        counts[Severity.INFO],
        len(justified_findings(project, mine)),
    )


def step_text(step: Step, state: StepState | None = None) -> str:
    """ "2. Scope (3)": number, title, and the count of open findings."""
    text = f"{int(step) + 1}. {_(STEPS[step].title)}"
    return text + (f" ({state.open})" if state is not None and state.open else "")


class StepList(QListWidget):
    step_clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("steps")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        small = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.setIconSize(QSize(small, small))
        self.itemClicked.connect(lambda item: self.step_clicked.emit(item.data(STEP_ROLE)))

    def refresh(self, ctx: ProjectContext, current: int) -> None:
        """Show every step's state; ``current`` is selected."""
        found, project = ctx.findings(), ctx.project
        untranslated = untranslated_by_step(project)
        self.blockSignals(True)
        try:
            self.clear()
            for step in Step:
                state = step_state(project, found, step)
                text, tip = step_text(step, state), state.summary()
                todo = untranslated.get(step, [])
                if todo:
                    text += "\n    " + untranslated_text(len(todo))
                    tip += " " + _("Click to go to the first text to translate.")
                item = QListWidgetItem(icon(state.kind), text)
                item.setData(STEP_ROLE, int(step))
                item.setData(STATE_ROLE, state.kind)
                item.setData(UNTRANSLATED_ROLE, todo)
                item.setToolTip(tip)
                self.addItem(item)
                if int(step) == current:
                    self.setCurrentItem(item)
        finally:
            self.blockSignals(False)
        self.setMinimumWidth(self.needed_width())

    def first_untranslated(self, step: int) -> str | None:
        """The address of the first text of ``step`` still to translate, or ``None``."""
        for i in range(self.count()):
            item = self.item(i)
            if item.data(STEP_ROLE) == step:
                todo = item.data(UNTRANSLATED_ROLE) or []
                return str(todo[0]) if todo else None
        return None

    def needed_width(self) -> int:
        """The width that shows the longest title with a two-digit count, icon included
        (and room for a vertical scroll bar when the window is short)."""
        metrics = self.fontMetrics()
        longest = max(metrics.horizontalAdvance(f"{int(s) + 1}. {_(STEPS[s].title)} (99)") for s in Step)
        longest = max(longest, metrics.horizontalAdvance("    " + untranslated_text(99)))
        side = max(self.iconSize().width(), metrics.height())
        bar = self.verticalScrollBar().sizeHint().width() if self.verticalScrollBar().isVisible() else 0
        return longest + side + 2 * self.frameWidth() + bar + metrics.averageCharWidth() * 2
