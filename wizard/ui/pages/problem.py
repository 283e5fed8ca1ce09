"""Problem definition: the request as received and the need as defined.

Under the statement, a *suggested restatement* (``checks.restate``) appears while the
statement targets a solution, avoids competition, presumes the answer or lacks a need
verb; "Use this wording" puts it in the statement (undo with Ctrl+Z), after keeping the
old wording as the request received when that field is still empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from wizard.core.checks.restate import guess_language, suggest_restatement
from wizard.core.i18n import N_, ui_language
from wizard.core.steps import Step
from wizard.ui.pages.base import StepPage, short_text

SUGGEST_FOR = {"P-SOLUTION", "P-BYPASS", "P-PRESUME", "P-NEED"}
"""Finding codes on the statement that call for a suggested restatement."""

ELLIPSIS = "\u2026"


class ProblemPage(StepPage):
    STEP = Step.PROBLEM
    HELP = N_(
        'Start from the need, not from a product. A request such as "buy product X" '
        "already chooses the answer and shuts out other suppliers. Write what the town "
        "must be able to do (or to evaluate), for whom and why now. The guide's first "
        "principle: define the problem before looking at solutions, and keep open "
        "competition."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("The request as received"))
        self.row(
            form, N_("Request, word for word"), short_text(b.text("problem", "request_as_received", 3), 5)
        )
        self.row(form, N_("Requesting unit"), b.line("problem", "requesting_unit"))
        form = self.group(N_("The need"))
        self.note(
            form, N_("Describe what the town needs to be able to do, without naming a product or vendor.")
        )
        self.row(form, N_("Problem statement"), b.text("problem", "statement", 5))
        self.suggestion_row = self._suggestion_widget()
        self.suggestion_label = self.row(form, N_("Suggested restatement"), self.suggestion_row)
        self.row(form, N_("Context"), b.text("problem", "context", 4))
        form = self.group(N_("Urgency"))
        form.addRow(b.check("problem", "urgent", N_("This need is urgent")))
        self.row(form, N_("Why it is urgent"), short_text(b.text("problem", "urgency_justification", 3), 5))

    def _suggestion_widget(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("problem.suggestion")
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestion.setStyleSheet("font-style: italic")
        buttons = QHBoxLayout()
        self.use_suggestion = QPushButton()
        self.use_suggestion.setObjectName("problem.use_suggestion")
        self.texts.add(self.use_suggestion.setText, N_("Use this wording"))
        self.texts.add(
            self.use_suggestion.setToolTip,
            N_(
                "Replaces the statement (Ctrl+Z undoes it). The old wording is kept as the request "
                "received when that field is empty."
            ),
        )
        self.use_suggestion.clicked.connect(self.apply_suggestion)
        buttons.addWidget(self.use_suggestion)
        buttons.addStretch(1)
        layout.addWidget(self.suggestion)
        layout.addLayout(buttons)
        return box

    # -- the suggested restatement ---------------------------------------------------

    def current_suggestion(self) -> str:
        """The restatement to offer, or '' when the statement needs none."""
        statement = self.ctx.project.problem.statement
        codes = {f.code for f in self.ctx.findings() if f.field == "problem.statement"}
        if not statement.strip() or not codes & SUGGEST_FOR:
            return ""
        suggestion = suggest_restatement(statement, guess_language(statement, ui_language()))
        return "" if suggestion.strip() == statement.strip() else suggestion

    def _show_suggestion(self) -> None:
        suggestion = self.current_suggestion()
        self.suggestion.setText(suggestion)
        self.use_suggestion.setEnabled(bool(suggestion) and not self.ctx.read_only)
        self.suggestion_row.setVisible(bool(suggestion))
        self.suggestion_label.setVisible(bool(suggestion))

    def apply_suggestion(self) -> None:
        """Put the suggestion in the statement, as typed text (undoable)."""
        suggestion = self.current_suggestion()
        if not suggestion or self.ctx.read_only:
            return
        problem = self.ctx.project.problem
        if not problem.request_as_received.strip():
            request = self.binder.widgets["problem.request_as_received"]
            assert isinstance(request, QPlainTextEdit)
            request.setPlainText(problem.statement)
        edit = self.binder.widgets["problem.statement"]
        assert isinstance(edit, QPlainTextEdit)
        cursor = edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(suggestion)
        if suggestion.endswith(ELLIPSIS):  # typing replaces the "…" left to complete
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor)
        edit.setTextCursor(cursor)
        edit.setFocus()
        self.ctx.flush()

    def load_extra(self) -> None:
        self._show_suggestion()

    def model_changed(self) -> None:
        self._show_suggestion()
