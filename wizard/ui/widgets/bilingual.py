"""A text in both languages: its editor in the text language beside its translation.

A translatable text (docs/bilingual.md) holds its version in the project's *text
language* in the field itself and its other version in a ``translations`` row. When the
tender is published in French and English (``i18n.languages.tender_languages`` has
two), :class:`BilingualField` shows the field's own editor (``primary``, saved by its
owner as before) and, beside it, an editor of the same kind for the other language
(``other``), saved through ``ops.set_translation`` (``ctx.do_later``). Above each, the
language's name; above the translation, a red "missing" mark while the text says
something and has no translation, and a button that copies the text language's version
to start one (undoable with Ctrl+Z). When the tender is in one language, only the
primary editor shows: the widget looks and behaves like the editor alone.

The owner (the :class:`~wizard.ui.widgets.fields.FieldBinder`, a page's detail form or an
:class:`~wizard.ui.widgets.table_editor.EntityTable`) calls :meth:`BilingualField.load`
whenever the project or the edited row changes; ``address()`` names the text
(``problem.statement``, ``criteria:3.text``) or ``None`` when no row is selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from wizard.core import ops
from wizard.core.i18n import N_, _
from wizard.core.i18n.languages import tender_languages, text_language
from wizard.core.model.translatable import needs_translation, other_language, text_in
from wizard.ui.context import ProjectContext
from wizard.ui.widgets.line_start import keep_start, show_start
from wizard.ui.widgets.read_only import show_read_only

TextEditor = QLineEdit | QPlainTextEdit

LANGUAGE_NAMES = {"fr": N_("French version"), "en": N_("English version")}
"""What stands above a language's editor."""
MISSING_IN = {
    "fr": N_("French version missing: type it under the table."),
    "en": N_("English version missing: type it under the table."),
}
"""The tooltip of a table cell whose text lacks its translation, by the language missing."""
COPY = N_("Copy")
COPY_FROM = {
    "fr": N_("Copy the French text here to start the translation (Ctrl+Z undoes it)."),
    "en": N_("Copy the English text here to start the translation (Ctrl+Z undoes it)."),
}
"""The copy button's tooltip, by the language copied."""
MISSING = N_("missing")
MISSING_STYLE = "color: #b00020; font-weight: bold"


def is_bilingual(ctx: ProjectContext) -> bool:
    """Whether the open tender is published in French and English."""
    return len(set(tender_languages(ctx.project))) == 2


def editor_text(edit: TextEditor) -> str:
    return edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()


def set_editor_text(edit: TextEditor, text: str) -> None:
    if isinstance(edit, QLineEdit):
        edit.setText(text)
        show_start(edit)  # its start shown, not its end (line_start)
    else:
        edit.setPlainText(text)


class BilingualField(QWidget):
    """``primary`` (the text language) and, in a bilingual tender, ``other`` beside it."""

    def __init__(self, ctx: ProjectContext, primary: TextEditor, address: Callable[[], str | None]) -> None:
        super().__init__()
        self.ctx, self.primary, self.address = ctx, primary, address
        self.other: TextEditor = QLineEdit() if isinstance(primary, QLineEdit) else QPlainTextEdit()
        if isinstance(self.other, QPlainTextEdit):
            self.other.setTabChangesFocus(True)
        else:
            keep_start(self.other)
        self._loading = False
        self.source: str = "fr"  # the text language shown at the last load
        self.primary_head = QLabel()
        self.other_head = QLabel()
        for head in (self.primary_head, self.other_head):
            head.setStyleSheet("color: palette(dark)")
        self.missing = QLabel()
        self.missing.setObjectName("translation-missing")
        self.missing.setStyleSheet(MISSING_STYLE)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("translation-copy")
        self.copy_button.setFlat(True)
        self.copy_button.setStyleSheet("text-decoration: underline; padding: 0 2px")
        self.copy_button.clicked.connect(self.copy_from_primary)
        heads = QHBoxLayout()
        heads.setContentsMargins(0, 0, 0, 0)
        heads.setSpacing(6)
        heads.addWidget(self.other_head)
        heads.addWidget(self.missing)
        heads.addStretch(1)
        heads.addWidget(self.copy_button)
        self.heads = QWidget()
        self.heads.setLayout(heads)
        # the headings never decide the columns' widths: both languages get half each
        for heading in (self.heads, self.primary_head):
            heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid = self._grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(1)
        grid.addWidget(self.primary_head, 0, 0)
        grid.addWidget(self.heads, 0, 1)
        grid.addWidget(primary, 1, 0)
        grid.addWidget(self.other, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.setFocusProxy(primary)
        self.other.textChanged.connect(self._other_edited)
        self.primary.textChanged.connect(self._update_mark)
        self._show(False)

    # -- showing ------------------------------------------------------------------------

    def _show(self, both: bool) -> None:
        for widget in (self.primary_head, self.heads, self.other):
            widget.setVisible(both)
        self._grid.setColumnStretch(1, 1 if both else 0)  # one language: the text takes the width

    @property
    def bilingual(self) -> bool:
        return not self.other.isHidden()

    @property
    def lang(self) -> str:
        """The language of ``other``."""
        return other_language(self.source)

    def load(self) -> None:
        """Show the project's translation of the current address (no save is triggered),
        or the primary editor alone when the tender is in one language."""
        project = self.ctx.project
        both = is_bilingual(self.ctx)
        self._show(both)
        self.source = text_language(project)
        address = self.address()
        text = text_in(project, address, self.lang) if both and address else ""
        self._loading = True
        try:
            if editor_text(self.other) != text:
                set_editor_text(self.other, text)
        finally:
            self._loading = False
        editable = address is not None and not self.ctx.locked(address)
        self.other.setReadOnly(not editable)
        show_read_only(self.other, not editable)
        self.other.setEnabled(address is not None)
        self.copy_button.setEnabled(editable)
        self.other.setMinimumHeight(self.primary.minimumHeight())
        self.other.setMaximumHeight(self.primary.maximumHeight())
        self.retranslate()

    def retranslate(self) -> None:
        self.primary_head.setText(_(LANGUAGE_NAMES[self.source]))
        self.other_head.setText(_(LANGUAGE_NAMES[self.lang]))
        self.missing.setText(_(MISSING))
        self.copy_button.setText(_(COPY))
        self.copy_button.setToolTip(_(COPY_FROM[self.source]))
        self.other.setAccessibleName(_(LANGUAGE_NAMES[self.lang]))
        self._update_mark()

    def is_missing(self) -> bool:
        """Whether the text says something and has no translation (shown in red)."""
        return (
            self.bilingual
            and self.address() is not None
            and needs_translation(editor_text(self.primary))
            and not editor_text(self.other).strip()
        )

    def _update_mark(self, *_args: object) -> None:
        self.missing.setVisible(self.is_missing())

    # -- editing ------------------------------------------------------------------------

    def _other_edited(self, *_args: object) -> None:
        self._update_mark()
        address = self.address()
        if self._loading or address is None or not self.bilingual:
            return
        text = editor_text(self.other)
        self.ctx.do_later(
            ("translation", address, self.lang),
            ops.set_translation,
            address=address,
            lang=self.lang,
            text=text,
        )

    def copy_from_primary(self) -> None:
        """Start the translation from the text language's version (Ctrl+Z undoes it)."""
        if self.other.isReadOnly():
            return
        text = editor_text(self.primary)
        if isinstance(self.other, QLineEdit):
            self.other.selectAll()
            self.other.insert(text)
        else:
            cursor = self.other.textCursor()
            cursor.select(cursor.SelectionType.Document)
            cursor.insertText(text)
            self.other.setTextCursor(cursor)
        self.other.setFocus()

    def focus_translation(self) -> None:
        (self.other if self.bilingual else self.primary).setFocus()
