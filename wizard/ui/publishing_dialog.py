"""After publication, in the app (docs/publishing.md): *Tender ▸ Mark as published…*
and *Tender ▸ Addenda…*.

:func:`mark_as_published` asks the publication date and whether final documents are
attached (``dialogs.ask_date``, ``ask_yes_no``, ``ask_document_paths``: tests replace
them), then runs ``publishing.publish`` through the context. :class:`AddendaDialog`
lists the addenda and prepares the draft one: questions and answers in the tender's
languages (added, edited, removed), dates moved and texts of the tender changed (a
requirement, a criterion, the statement of need … by ``addenda.add_change``, the
operation the command line uses), changes removed; before issuing, it shows what the
issue will do (the number, the closing before and after, an extension by the Town's
rule, a new price workbook) and asks. Every change is a core operation run through
``ctx.do`` (one user action each: Edit ▸ Undo takes it back); a refusal is shown,
never a traceback.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wizard.core.documents.addendum import change_name
from wizard.core.i18n import _, n_, tr, ui_language
from wizard.core.i18n.languages import tender_languages
from wizard.core.i18n.os_errors import os_reason
from wizard.core.publishing import PublishingError, addenda
from wizard.core.publishing.publish import attachment, publish
from wizard.core.publishing.record import DATE_FIELDS, Addendum, read
from wizard.ui import dialogs
from wizard.ui.field_labels import shorten

if TYPE_CHECKING:
    from wizard.ui.context import ProjectContext
    from wizard.ui.main_window import MainWindow


def today() -> str:
    return dt.date.today().isoformat()


def _reload_page(window: MainWindow) -> None:
    """Show the current page again: its banner and read-only state follow the record."""
    from wizard.ui.pages.base import StepPage

    page = window.wizard.currentPage() if window.wizard is not None else None
    if isinstance(page, StepPage):
        page.load()


def mark_as_published(window: MainWindow) -> bool:
    """*Mark as published…* (module docstring); ``True`` when the tender was marked."""
    ctx = window.ctx
    if ctx is None or ctx.read_only:
        return False
    if ctx.pf.published:
        dialogs.show_info(window, _("This tender is already marked as published."))
        return False
    ctx.flush()
    day = dialogs.ask_date(
        window,
        _("Mark as published"),
        _("Publication date (YYYY-MM-DD):"),
        ctx.project.info.publication_date or today(),
    )
    if day is None:
        return False
    paths = []
    if dialogs.ask_yes_no(
        window,
        _(
            "Keep the final documents as published (the DOCX or PDF your lawyer approved)? "
            "Answer No to keep the tender as the app exports it now."
        ),
    ):
        paths = dialogs.ask_document_paths(window, _("Documents as published"))
        if not paths:
            return False
    try:
        attachments = [attachment(path) for path in paths]
    except PublishingError as exc:
        dialogs.show_error(window, tr(exc.text, ui_language(), **exc.params))
        return False
    except OSError as exc:
        dialogs.show_error(
            window,
            _("The file could not be read:") + f"\n{exc.filename}\n{os_reason(exc).text(ui_language())}",
        )
        return False
    record = ctx.do(publish, published_on=day, attachments=attachments)
    if record is None:
        return False
    _reload_page(window)
    dialogs.show_info(
        window,
        n_(
            "The tender is marked as published on {date}; {count} document is kept in the project "
            "with its fingerprint (SHA-256). Its content now changes only through an addendum.",
            "The tender is marked as published on {date}; {count} documents are kept in the project "
            "with their fingerprints (SHA-256). Its content now changes only through an addendum.",
            len(record.documents),
            date=day,
        ),
    )
    return True


def show_addenda(window: MainWindow) -> None:
    """*Addenda…*: the dialog, or a message before publication."""
    ctx = window.ctx
    if ctx is None:
        return
    if not ctx.pf.published:
        dialogs.show_info(window, _("Mark the tender as published before preparing an addendum."))
        return
    ctx.flush()
    dialogs.run_dialog(AddendaDialog(ctx, window))
    _reload_page(window)


def addendum_line(addendum: Addendum) -> str:
    """How the list shows an addendum."""
    counts = (
        n_("{count} question", "{count} questions", len(addendum.questions))
        + ", "
        + n_("{count} change", "{count} changes", len(addendum.changes))
    )
    if addendum.issued:
        return (
            _("Addendum {number}, issued on {date}", number=addendum.number, date=addendum.issued_on)
            + f" — {counts}"
        )
    return _("Draft addendum") + f" — {counts}"


class AddendaDialog(QDialog):
    """The addenda of the open project, and the draft being prepared: a tab for its
    questions and answers, a tab for its changes (dates and texts), then the issue."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("addenda-dialog")
        self.setWindowTitle(_("Addenda"))
        self.langs = list(tender_languages(ctx.project))
        self.names = {"fr": _("French"), "en": _("English")}
        lines = self.fontMetrics().lineSpacing()
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.addenda_list = QListWidget()
        self.addenda_list.setMaximumHeight(lines * 4)
        layout.addWidget(self.addenda_list)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._questions_tab(), _("Questions and answers"))
        self.tabs.addTab(self._changes_tab(), _("Changes"))
        layout.addWidget(self.tabs, 1)

        issue = QGroupBox(_("Issue"))
        form = QFormLayout(issue)
        row = QHBoxLayout()
        self.issue_date = QLineEdit(today())
        self.issue_date.setObjectName("issue-date")
        self.issue_date.textChanged.connect(self.refresh_plan)
        row.addWidget(self.issue_date)
        self.issue_button = QPushButton(_("Issue the addendum…"))
        self.issue_button.clicked.connect(self.issue)
        row.addWidget(self.issue_button)
        self.discard_button = QPushButton(_("Discard the draft…"))
        self.discard_button.clicked.connect(self.discard)
        row.addWidget(self.discard_button)
        form.addRow(_("Date of issue (YYYY-MM-DD)"), row)
        self.plan = QLabel()
        self.plan.setObjectName("issue-plan")
        self.plan.setWordWrap(True)
        self.plan.setMinimumHeight(lines * 3)
        form.addRow(self.plan)
        layout.addWidget(issue)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 120, lines * 44)
        self.refresh()

    def _questions_tab(self) -> QWidget:
        tab = QWidget()
        grid = QGridLayout(tab)
        grid.addWidget(QLabel(_("The asker is never named: every bidder reads the same answer.")), 0, 0, 1, 3)
        self.question_list = QListWidget()
        self.question_list.setObjectName("question-list")
        self.question_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        self.question_list.currentRowChanged.connect(self.show_question)
        grid.addWidget(self.question_list, 1, 0, 1, len(self.langs) + 1)
        self.question_edits: dict[str, QPlainTextEdit] = {}
        self.answer_edits: dict[str, QPlainTextEdit] = {}
        grid.addWidget(QLabel(_("Question")), 3, 0)
        grid.addWidget(QLabel(_("Answer")), 4, 0)
        for column, lang in enumerate(self.langs, 1):
            grid.addWidget(QLabel(self.names[lang]), 2, column)
            q, a = QPlainTextEdit(), QPlainTextEdit()
            q.setObjectName(f"question-{lang}")
            a.setObjectName(f"answer-{lang}")
            self.question_edits[lang], self.answer_edits[lang] = q, a
            grid.addWidget(q, 3, column)
            grid.addWidget(a, 4, column)
        buttons = QHBoxLayout()
        self.add_question_button = QPushButton(_("Add as a new question"))
        self.add_question_button.clicked.connect(self.add_question)
        self.save_question_button = QPushButton(_("Save the selected question"))
        self.save_question_button.clicked.connect(self.save_question)
        self.remove_question_button = QPushButton(_("Remove the selected question"))
        self.remove_question_button.clicked.connect(self.remove_question)
        self.clear_question_button = QPushButton(_("Clear"))
        self.clear_question_button.clicked.connect(self.clear_question)
        for button in (
            self.add_question_button,
            self.save_question_button,
            self.remove_question_button,
            self.clear_question_button,
        ):
            buttons.addWidget(button)
        grid.addLayout(buttons, 5, 0, 1, len(self.langs) + 1)
        return tab

    def _changes_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.change_list = QListWidget()
        self.change_list.setObjectName("change-list")
        self.change_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        layout.addWidget(self.change_list)
        self.remove_change_button = QPushButton(_("Remove the selected change"))
        self.remove_change_button.clicked.connect(self.remove_change)
        layout.addWidget(self.remove_change_button)

        dates = QGroupBox(_("A date moved"))
        row = QHBoxLayout(dates)
        self.date_field = QComboBox()
        for address, label in DATE_FIELDS.items():
            self.date_field.addItem(tr(label, ui_language()), address)
        self.new_date = QLineEdit()
        self.new_date.setObjectName("new-date")
        self.new_date.setPlaceholderText(_("YYYY-MM-DD"))
        self.add_change_button = QPushButton(_("Add the change"))
        self.add_change_button.clicked.connect(self.add_change)
        row.addWidget(self.date_field, 2)
        row.addWidget(self.new_date, 1)
        row.addWidget(self.add_change_button)
        layout.addWidget(dates)

        texts = QGroupBox(_("A text of the tender changed (a requirement, a criterion, a scenario …)"))
        grid = QGridLayout(texts)
        self.text_field = QComboBox()
        self.text_field.setObjectName("text-field")
        self.text_field.currentIndexChanged.connect(self.show_text)
        grid.addWidget(self.text_field, 0, 0, 1, len(self.langs))
        self.text_edits: dict[str, QPlainTextEdit] = {}
        for column, lang in enumerate(self.langs):
            grid.addWidget(QLabel(_("New text ({language})", language=self.names[lang])), 1, column)
            edit = QPlainTextEdit()
            edit.setObjectName(f"new-text-{lang}")
            self.text_edits[lang] = edit
            grid.addWidget(edit, 2, column)
        self.add_text_button = QPushButton(_("Add the text change"))
        self.add_text_button.clicked.connect(self.add_text_change)
        grid.addWidget(self.add_text_button, 3, 0, 1, len(self.langs))
        layout.addWidget(texts, 1)
        return tab

    # -- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        record = read(self.ctx.pf)
        baseline = record.baseline
        self.status.setText(
            _(
                "Published on {date}; closing now {closing}.",
                date=baseline.published_on if baseline else "",
                closing=self.ctx.project.info.closing_date,
            )
        )
        self.addenda_list.clear()
        for addendum in record.addenda:
            self.addenda_list.addItem(addendum_line(addendum))
        draft = record.draft
        lang = ui_language() if ui_language() in self.langs else self.langs[0]
        self.question_ids = [q.id for q in draft.questions] if draft else []
        self.change_ids = [c.id for c in draft.changes] if draft else []
        self.question_list.blockSignals(True)
        self.question_list.clear()
        for n, q in enumerate(draft.questions if draft else (), 1):
            self.question_list.addItem(
                f"{n}. {q.text('question', lang)} → {q.text('answer', lang) or _('(no answer yet)')}"
            )
        self.question_list.blockSignals(False)
        self.change_list.clear()
        for c in draft.changes if draft else ():
            name = change_name(self.ctx.project, c, ui_language())
            before = c.old(lang) if c.kind != "text" else shorten(c.old(lang), 45)
            after = c.new(lang) if c.kind != "text" else shorten(c.new(lang), 70)
            self.change_list.addItem(f"{name}: {before} → {after}")
        current = self.text_field.currentData()
        self.text_field.blockSignals(True)
        self.text_field.clear()
        for address, name in addenda.changeable_texts(self.ctx.project, ui_language()):
            self.text_field.addItem(name, address)
        self.text_field.setCurrentIndex(max(self.text_field.findData(current), 0))
        self.text_field.blockSignals(False)
        self.show_text()
        editable = not self.ctx.read_only
        for button in (self.save_question_button, self.remove_question_button):
            button.setEnabled(editable and self.question_list.currentRow() >= 0)
        self.remove_change_button.setEnabled(editable and bool(self.change_ids))
        self.discard_button.setEnabled(editable and draft is not None)
        self.refresh_plan()

    def show_question(self, row: int) -> None:
        """Put the selected question's texts in the editors, to edit or remove it."""
        draft = read(self.ctx.pf).draft
        questions = draft.questions if draft else ()
        editable = not self.ctx.read_only and 0 <= row < len(questions)
        self.save_question_button.setEnabled(editable)
        self.remove_question_button.setEnabled(editable)
        if not 0 <= row < len(questions):
            return
        for lang in self.langs:
            self.question_edits[lang].setPlainText(getattr(questions[row], f"question_{lang}"))
            self.answer_edits[lang].setPlainText(getattr(questions[row], f"answer_{lang}"))

    def show_text(self) -> None:
        """Put the chosen text in the editors: the draft's new version when it already
        changes it, else the text as it stands."""
        address = self.text_field.currentData()
        if not address:
            return
        draft = read(self.ctx.pf).draft
        pending = next((c for c in draft.changes if c.field == address), None) if draft else None
        for lang in self.langs:
            text = pending.new(lang) if pending else addenda.current_text(self.ctx.project, address, lang)
            self.text_edits[lang].setPlainText(text)

    def refresh_plan(self) -> None:
        draft = read(self.ctx.pf).draft
        self.issue_button.setEnabled(draft is not None and not self.ctx.read_only)
        if draft is None:
            self.plan.setText(_("No draft: add a question or a change to start an addendum."))
            return
        plan = addenda.plan_issue(self.ctx.pf, addendum_id=draft.id, issued_on=self.issue_date.text())
        self.plan.setText(self.plan_text(plan))

    def plan_text(self, plan: addenda.IssuePlan) -> str:
        lines = [
            _(
                "Addendum {number}: closing {before} → {after}.",
                number=plan.number,
                before=plan.closing_before,
                after=plan.closing_after,
            )
        ]
        if plan.extended:
            lines.append(
                _(
                    "Issued on {date}, it extends the closing to {closing}: the Town leaves at least "
                    "{days} days between the last addendum and the closing.",
                    date=plan.issued_on,
                    closing=plan.closing_after,
                    days=plan.minimum_days,
                )
            )
        if plan.replaces_workbook:
            lines.append(
                _(
                    "It replaces the price workbook: version {before} → {after}.",
                    before=plan.workbook_before,
                    after=plan.workbook_after,
                )
            )
        lines += [tr(text, ui_language(), **params) for text, params in plan.problems]
        lines += [tr(text, ui_language(), **params) for text, params in plan.warnings]
        return "\n".join(lines)

    # -- editing ------------------------------------------------------------------

    def _question_texts(self) -> dict[str, str]:
        return {
            f"{part}_{lang}": edits[lang].toPlainText()
            for part, edits in (("question", self.question_edits), ("answer", self.answer_edits))
            for lang in self.langs
        }

    def clear_question(self) -> None:
        for edit in [*self.question_edits.values(), *self.answer_edits.values()]:
            edit.clear()
        self.question_list.setCurrentRow(-1)

    def add_question(self) -> None:
        """A new question (and its answer) from the editors; the draft starts with it."""
        t = self._question_texts()
        done = self.ctx.do(
            addenda.add_question,
            question_fr=t.get("question_fr", ""),
            question_en=t.get("question_en", ""),
            answer_fr=t.get("answer_fr", ""),
            answer_en=t.get("answer_en", ""),
        )
        if done is not None:
            self.clear_question()
        self.refresh()

    def _selected(self, ids: list[int], widget: QListWidget) -> int | None:
        row = widget.currentRow()
        return ids[row] if 0 <= row < len(ids) else None

    def save_question(self) -> None:
        """The selected question's texts as the editors hold them."""
        question_id = self._selected(self.question_ids, self.question_list)
        if question_id is None:
            return
        row = self.question_list.currentRow()
        self.ctx.do(addenda.set_question, question_id=question_id, **self._question_texts())
        self.refresh()
        self.question_list.setCurrentRow(row)

    def remove_question(self) -> None:
        question_id = self._selected(self.question_ids, self.question_list)
        if question_id is None:
            return
        if self.ctx.do(addenda.remove, table="addendum_questions", row_id=question_id) is not None:
            self.clear_question()
        self.refresh()

    def add_change(self) -> None:
        """The chosen date moved to the date typed."""
        field = self.date_field.currentData()
        if self.ctx.do(addenda.add_change, field=field, new_fr=self.new_date.text()) is not None:
            self.new_date.clear()
        self.refresh()

    def add_text_change(self) -> None:
        """The chosen text of the tender replaced by its new version in each tender
        language (``addenda.add_change``, as ``addendum change --field`` does)."""
        field = self.text_field.currentData()
        if not field:
            return
        texts = {lang: self.text_edits[lang].toPlainText() for lang in self.langs}
        self.ctx.do(addenda.add_change, field=field, new_fr=texts.get("fr", ""), new_en=texts.get("en", ""))
        self.refresh()

    def remove_change(self) -> None:
        change_id = self._selected(self.change_ids, self.change_list)
        if change_id is None:
            return
        self.ctx.do(addenda.remove, table="addendum_changes", row_id=change_id)
        self.refresh()

    def discard(self) -> None:
        draft = read(self.ctx.pf).draft
        if draft is None or not dialogs.ask_yes_no(
            self, _("Discard this draft addendum, its questions and its changes?")
        ):
            return
        self.ctx.do(addenda.discard, addendum_id=draft.id)
        self.clear_question()
        self.refresh()

    def issue(self) -> None:
        draft = read(self.ctx.pf).draft
        if draft is None:
            return
        plan = addenda.plan_issue(self.ctx.pf, addendum_id=draft.id, issued_on=self.issue_date.text())
        if plan.problems:
            dialogs.show_error(self, self.plan_text(plan))
            return
        question = (
            self.plan_text(plan) + "\n\n" + _("Issue this addendum to every bidder? It cannot be taken back.")
        )
        if not dialogs.ask_yes_no(self, question):
            return
        self.ctx.do(addenda.issue, addendum_id=draft.id, issued_on=plan.issued_on)
        self.refresh()
