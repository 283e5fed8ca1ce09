"""What every step page shares (docs/ui-pages.md, "The page contract").

``initializePage()`` loads from the model; each edit is saved through the
:class:`~wizard.ui.context.ProjectContext` and refreshes the findings;
``validatePage()`` flushes pending text; ``cleanupPage()`` does nothing, so Back never
loses anything (K2); ``nextId()`` is pure; ``isComplete()`` never blocks. The side
panel holds the step's "why" text (with the guide principle) and its live findings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from wizard.core.domain.addresses import parse_address
from wizard.core.i18n import N_, _
from wizard.core.memo import one_pass
from wizard.core.model.translatable import is_translatable
from wizard.core.project_file.baseline import is_baseline
from wizard.core.steps import STEPS, Step, next_step
from wizard.ui.context import ProjectContext
from wizard.ui.widgets.bilingual import BilingualField, TextEditor
from wizard.ui.widgets.fields import FieldBinder
from wizard.ui.widgets.findings_panel import FindingsPanel
from wizard.ui.widgets.table_editor import Column, EntityTable
from wizard.ui.widgets.texts import Texts


def short_text(edit: QPlainTextEdit, lines: int = 3) -> QPlainTextEdit:
    """Keep a notes box a few lines tall (a QPlainTextEdit asks ~12 lines by default);
    longer text scrolls inside it."""
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


class StepPage(QWizardPage):
    """Base of the twelve pages; subclasses set STEP and HELP and fill :meth:`build`."""

    STEP: Step = Step.PROJECT
    HELP: str = ""
    DETAIL_KIND: str = ""
    """The entity list whose selected row the page's ``details`` form edits ('' when none)."""
    focus_requested = Signal(str)

    def __init__(self, ctx: ProjectContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.texts = Texts()
        self.binder = FieldBinder(ctx, self.texts)
        self.tables: dict[str, EntityTable] = {}
        self.details: dict[str, Any] = {}  # attribute → its editor in the detail form
        self.detail_translations: dict[str, BilingualField] = {}  # attribute → its bilingual field
        self.texts.add(self.setTitle, STEPS[self.STEP].title)
        self.setObjectName(f"page-{self.STEP.name.lower()}")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.scroll_area.setWidget(body)
        self.published_banner = QLabel()
        self.published_banner.setObjectName("published-banner")
        self.published_banner.setWordWrap(True)
        self.published_banner.setStyleSheet(
            "background: #fff4ce; border: 1px solid #d6b656; padding: 6px; color: #3b2f00"
        )
        self.published_banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.published_banner.setMinimumHeight(self.published_banner.fontMetrics().lineSpacing() * 3 + 14)
        self.published_banner.hide()
        self.body.addWidget(self.published_banner)
        splitter.addWidget(self.scroll_area)
        splitter.addWidget(self._side_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([3000, 1000])
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        splitter.setChildrenCollapsible(False)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        self.build()
        self.body.addStretch(1)
        ctx.changed.connect(self._model_changed)

    def _side_panel(self) -> QWidget:
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(6, 0, 0, 0)
        heading = QLabel()
        heading.setStyleSheet("font-weight: bold")
        self.texts.add(heading.setText, N_("Why this step"))
        self.help_label = QLabel()
        self.help_label.setObjectName("help")
        self.help_label.setWordWrap(True)
        self.help_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.help_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.HELP:
            self.texts.add(self.help_label.setText, self.HELP)
        self.findings = FindingsPanel(self.ctx, None if self.STEP == Step.REVIEW else self.STEP, self.texts)
        self.findings.focus_field.connect(self.focus_requested)
        self.findings.brands_added.connect(self.load)  # the Criteria step's table of brand names
        help_scroll = QScrollArea()
        help_scroll.setWidgetResizable(True)
        help_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        help_scroll.setWidget(self.help_label)
        layout.addWidget(heading)
        layout.addWidget(help_scroll, 2)  # a long "why" (the TCO's) is read whole at 1366×768
        layout.addWidget(self.findings, 1)
        side.setMinimumWidth(side.fontMetrics().averageCharWidth() * 28)
        return side

    # -- building helpers -----------------------------------------------------------

    def build(self) -> None:
        """Add the page's editors to ``self.body`` (subclasses)."""

    def group(self, title: str) -> QFormLayout:
        """A titled group on the page; returns its form layout."""
        box = QGroupBox()
        self.texts.add(box.setTitle, title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body.addWidget(box)
        return form

    def row(self, form: QFormLayout, text: str, widget: QWidget | None = None) -> QLabel:
        """A labelled row (or a full-width note when ``widget`` is None)."""
        label = QLabel()
        label.setWordWrap(True)
        self.texts.add(label.setText if widget is None else _wrapping_setter(label), text)
        if widget is None:
            form.addRow(label)
        else:
            label.setBuddy(widget)
            form.addRow(label, self.binder.placed(widget))
        return label

    def translated(self, name: str, edit: TextEditor) -> QWidget:
        """The detail editor ``edit`` of the attribute ``name`` of the selected row of
        ``DETAIL_KIND``, with its translation beside it when the text is translatable and
        the tender bilingual (docs/ui-pages.md, "Bilingual texts"); place the result with
        :meth:`row`. The page saves ``edit`` itself, as before."""
        if not is_translatable(f"{self.DETAIL_KIND}:1.{name}"):
            return edit

        def address() -> str | None:
            row_id = self.tables[self.DETAIL_KIND].current_id()
            return None if row_id is None else f"{self.DETAIL_KIND}:{row_id}.{name}"

        field = BilingualField(self.ctx, edit, address)
        self.detail_translations[name] = field
        return field

    def table(
        self, form: QFormLayout | None, kind: str, columns: list[Column], **options: Any
    ) -> EntityTable:
        """An entity table in ``form`` (or directly on the page)."""
        editor = EntityTable(self.ctx, kind, columns, self.texts, **options)
        self.tables[kind] = editor
        if form is None:
            self.body.addWidget(editor)
        else:
            form.addRow(editor)
        return editor

    def note(self, form: QFormLayout, text: str) -> QLabel:
        label = self.row(form, text)
        label.setStyleSheet("color: palette(dark)")
        return label

    # -- page contract ---------------------------------------------------------------

    def initializePage(self) -> None:
        self.load()

    def baseline_locked(self) -> bool:
        """Whether the tender is published and this page edits what it printed: its
        fields are then read-only, and a banner says why (docs/publishing.md)."""
        return self.ctx.pf.published and any(is_baseline(owned) for owned in STEPS[self.STEP].owns)

    def load(self) -> None:
        """Show the model on this page (the project does not change meanwhile: values
        asked for each row are computed once, ``core/memo.py``)."""
        with one_pass():
            self._load()

    def _load(self) -> None:
        self.binder.load()
        locked = self.show_published_banner()
        self.binder.set_read_only(self.ctx.read_only or locked)
        for editor in self.tables.values():
            editor.reload()
        self.load_extra()
        self.load_translations()
        self.findings.refresh()

    def show_published_banner(self) -> bool:
        """Show the banner of a published tender in the interface language when this page
        edits what it printed (:meth:`baseline_locked`), hide it otherwise; whether it
        shows. Called on loading and on a language switch (walk 2026-12-07: the English
        banner stayed after Langue ▸ Français)."""
        locked = self.baseline_locked()
        self.published_banner.setVisible(locked)
        if locked:
            self.published_banner.setText(
                _(
                    "Published on {date}: bidders hold this tender. What this page shows is read-only; "
                    "it changes only through an addendum (Tender ▸ Addenda…).",
                    date=self.ctx.project.info.publication_date,
                )
            )
        return locked

    def load_translations(self) -> None:
        """Show the translations of the detail form's texts (the selected row's)."""
        for field in self.detail_translations.values():
            field.load()

    def load_extra(self) -> None:
        """Subclasses: load what is not a plain field or table."""

    def cleanupPage(self) -> None:
        """Do nothing: Back keeps every value on screen and in the file (K2)."""

    def validatePage(self) -> bool:
        self.ctx.flush()
        return True

    def isComplete(self) -> bool:
        return True  # findings inform, they never block

    def nextId(self) -> int:
        following = next_step(self.STEP)
        return -1 if following is None else int(following)

    def retranslate(self) -> None:
        """Show the page in the new interface language."""
        self.texts.apply()
        self.show_published_banner()
        self.binder.retranslate()
        for editor in self.tables.values():
            editor.reload()
        self.load_extra()
        self.load_translations()
        self.findings.refresh()

    def _model_changed(self) -> None:
        if self.isVisible():
            with one_pass():  # the page reads the project as the edit left it (core/memo.py)
                self.findings.refresh()
                self.model_changed()

    def model_changed(self) -> None:
        """Subclasses: update computed values after an edit."""

    def showEvent(self, event: QShowEvent) -> None:
        """Edits made on other pages while this one was hidden change its findings too
        (e.g. units marked in the scope clear P-SCOPE): show them current."""
        super().showEvent(event)
        with one_pass():
            self.findings.refresh()
            self.model_changed()

    # -- findings → fields --------------------------------------------------------------

    def translation_editor(self, address: str) -> BilingualField | None:
        """The bilingual field of the text at ``address`` on this page (a section field,
        a detail editor or a table's row texts), after selecting its row; ``None`` when
        it is not here."""
        field = self.binder.bilingual.get(address)
        if field is not None:
            return field
        where = parse_address(address)
        if where.row_id is None:
            return None
        table = self.tables.get(where.kind)
        if table is None or not table.focus_row(where.row_id, None, focus=False):
            return None
        if where.kind == self.DETAIL_KIND and where.attribute in self.detail_translations:
            return self.detail_translations[where.attribute]
        return table.translations.get(where.attribute)

    def focus_translation(self, address: str) -> bool:
        """Focus the translation editor of the text at ``address`` (the text's own editor
        when the tender is in one language); ``False`` when it is not on this page."""
        field = self.translation_editor(address)
        if field is None:
            return self.focus_field(address)
        field.load()
        self.scroll_area.ensureWidgetVisible(field)
        field.focus_translation()
        return True

    def focus_field(self, address: str) -> bool:
        """Focus the editor of a field address; ``False`` when it is not on this page."""
        widget = self.binder.widgets.get(address)
        if widget is not None:
            self.scroll_area.ensureWidgetVisible(widget)
            widget.setFocus()
            return True
        where = parse_address(address)
        detail = self.details.get(where.attribute) if where.kind == self.DETAIL_KIND else None
        if detail is not None and where.row_id is not None:  # selects the row, focuses its editor
            self.tables[where.kind].focus_row(where.row_id, None)
            self.scroll_area.ensureWidgetVisible(detail)
            detail.setFocus()
            return True
        editor = self.tables.get(where.kind)
        if editor is None:
            return False
        self.scroll_area.ensureWidgetVisible(editor)
        if where.row_id is not None:
            return editor.focus_row(where.row_id, where.attribute or None)
        editor.table.setFocus()
        return True


SHORT_LABEL = 32
"""A row label of at most this many characters stays on one line. QFormLayout sizes a
row by its field when a word-wrapped label is narrower than its text would be on one
line, so a short wrapped label ("Source de financement") got two lines and lost the
top one (issue 24, screenshots at 1366×768); only longer labels wrap."""


def _wrapping_setter(label: QLabel) -> Callable[[str], None]:
    """A text setter for ``label`` that wraps only texts longer than :data:`SHORT_LABEL`."""

    def set_text(text: str) -> None:
        label.setWordWrap(len(text) > SHORT_LABEL)
        label.setText(text)

    return set_text
