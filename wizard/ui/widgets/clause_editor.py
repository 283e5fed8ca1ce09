"""One contract clause for this project: preview, text per language, diff, revert (docs/clauses.md).

:class:`ClauseEditor` shows the selected clause in tabs:

* *Preview* — the clause rendered in the tender language(s), numbered as in the tender
  (1, 1.1, 1.1.1), from the same core functions as the DOCX;
* *French text* / *English text* — the project's Jinja text of the clause (the library
  text until edited); typing emits :attr:`ClauseEditor.edited` ``(lang, text)``;
* *Changes from the library* — a read-only unified diff (``clauses.clause_diff``).

A text that cannot be rendered shows the K-RENDER message at once, naming the clause
and the variable. *Revert* emits :attr:`ClauseEditor.revert_requested`. The widget
never writes: the page saves through the project context.
"""

from __future__ import annotations

import functools
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from wizard.core.clauses import library as clauses
from wizard.core.documents import html
from wizard.core.domain import numbering
from wizard.core.i18n import N_, _, ui_language
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.i18n.languages import tender_languages
from wizard.core.model import Project
from wizard.ui.widgets.texts import Texts

LANGS = ("fr", "en")
TAB_TITLES = {"fr": N_("French text"), "en": N_("English text")}
RENDER_NAMED = N_(
    "The clause “{clause}” cannot be produced: it uses “{variable}”, which is unknown or "
    "forbidden. Check its edited text."
)
RENDER_OTHER = N_("The clause “{clause}” cannot be produced ({detail}). Check its edited text.")


def render_error(item: clauses.Clause, exc: clauses.ClauseRenderError) -> str:
    """The K-RENDER message for ``item`` in the interface language."""
    if exc.variable:
        return _(RENDER_NAMED, clause=item.title(ui_language()), variable=exc.variable)
    return _(RENDER_OTHER, clause=item.title(ui_language()), detail=exc.detail)


def clause_number(project: Project, clause_id: str) -> int | None:
    """The clause's number in the tender (1-based), ``None`` when it is left out."""
    return numbering.clause_numbers(project).get(clause_id)


def preview_html(project: Project, item: clauses.Clause, langs: list[str]) -> tuple[str, list[str]]:
    """(HTML of the clause in each of ``langs``, K-RENDER messages) for the preview tab,
    numbered as in the tender (``documents/html.py`` renders it)."""
    number = clause_number(project, item.id)
    parts, errors = [], []
    for lang in langs:
        try:
            rendered = clauses.render_clause(project, item, lang)
        except clauses.ClauseRenderError as exc:
            errors.append(render_error(item, exc))
            failed = f'<p style="color:#b00020">{escape(PLACEHOLDER)}</p>'
            parts.append(html.clause_html(item.title(lang, project), [], number) + failed)
            continue
        parts.append(html.clause_html(rendered.title, rendered.paragraphs, number))
    joined = "<hr>".join(parts)
    if number is None:
        note = _("This clause is not in the tender.")
        joined = f"<p><i>{escape(note)}</i></p>{joined}"
    return joined, errors


def diff_html(project: Project, clause_id: str) -> str:
    """The edits of ``clause_id`` against the library, per language, as coloured lines."""
    blocks = []
    for lang in LANGS:
        diff = clauses.clause_diff(project, clause_id, lang)
        if diff:
            blocks.append(f"<h4>{escape(_(TAB_TITLES[lang]))}</h4>{html.diff_html(diff)}")
    same = _("Same text as the library in both languages.")
    return "".join(blocks) or f"<p>{escape(same)}</p>"


class ClauseEditor(QWidget):
    """Preview, editors (FR, EN), diff and Revert of one clause (see module doc)."""

    edited = Signal(str, str)
    revert_requested = Signal()

    def __init__(self, texts: Texts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clause_id: str | None = None
        self._loading = False
        self.tabs = QTabWidget()
        self.tabs.setObjectName("clause-tabs")
        self.preview = QTextBrowser()
        self.preview.setObjectName("clause-preview")
        self.tabs.addTab(self.preview, "")
        self.editors: dict[str, QPlainTextEdit] = {}
        for lang in LANGS:
            editor = QPlainTextEdit()
            editor.setObjectName(f"clause-text-{lang}")
            editor.textChanged.connect(lambda lang=lang: self._typed(lang))
            self.editors[lang] = editor
            self.tabs.addTab(editor, "")
        self.diff = QTextBrowser()
        self.diff.setObjectName("clause-diff")
        self.tabs.addTab(self.diff, "")
        titles = (N_("Preview"), TAB_TITLES["fr"], TAB_TITLES["en"], N_("Changes from the library"))
        for index, title in enumerate(titles):
            texts.add(functools.partial(self._set_tab_text, index), title)
        self.error = QLabel()
        self.error.setObjectName("clause-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.revert = QPushButton()
        self.revert.setObjectName("clause-revert")
        texts.add(self.revert.setText, N_("Revert to the library text"))
        self.revert.clicked.connect(self.revert_requested)
        row = QHBoxLayout()
        row.addWidget(self.state, 1)
        row.addWidget(self.revert)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        lines = self.fontMetrics().lineSpacing()
        self.tabs.setMinimumHeight(lines * 14)

    def _set_tab_text(self, index: int, text: str) -> None:
        self.tabs.setTabText(index, text)

    def _typed(self, lang: str) -> None:
        if not self._loading and self.clause_id is not None:
            self.edited.emit(lang, self.editors[lang].toPlainText())

    def load(self, project: Project, clause_id: str | None, read_only: bool) -> None:
        """Show ``clause_id`` (``None``: nothing selected) from ``project``."""
        self.clause_id = clause_id
        self._loading = True
        try:
            for lang, editor in self.editors.items():
                text = ""
                if clause_id is not None:
                    text = clauses.clause_source(project, clauses.clause(clause_id), lang)
                if editor.toPlainText() != text:
                    editor.setPlainText(text)
                editor.setReadOnly(read_only or clause_id is None)
        finally:
            self._loading = False
        self.revert.setEnabled(not read_only and clause_id is not None)
        self.refresh(project)

    def refresh(self, project: Project) -> None:
        """Update the preview, the diff, the error and the state after an edit (the
        editors keep their cursor)."""
        if self.clause_id is None:
            self.preview.setHtml("")
            self.diff.setHtml("")
            self.error.setText("")
            self.state.setText("")
            return
        item = clauses.clause(self.clause_id)
        html, errors = preview_html(project, item, list(tender_languages(project)))
        self._set_html(self.preview, html)
        self._set_html(self.diff, diff_html(project, self.clause_id))
        self.error.setText("\n".join(dict.fromkeys(errors)))
        self.error.setVisible(bool(errors))
        edited = [lang.upper() for lang in LANGS if clauses.is_edited(project, self.clause_id, lang)]
        if edited:
            self.state.setText(
                _(
                    "Edited for this project ({languages}); the library is unchanged.",
                    languages=", ".join(edited),
                )
            )
        else:
            self.state.setText(_("Library text."))

    @staticmethod
    def _set_html(browser: Any, html: str) -> None:
        bar = browser.verticalScrollBar().value()
        browser.setHtml(html)
        browser.verticalScrollBar().setValue(bar)

    def show_language(self, lang: str) -> None:
        """Bring the editor of ``lang`` forward and focus it."""
        editor = self.editors.get(lang)
        if editor is not None:
            self.tabs.setCurrentWidget(editor)
            editor.setFocus()
