"""After publication, in the app (docs/publishing.md): *Tender ▸ Mark as published…*
and *Tender ▸ Addenda…*.

:func:`mark_as_published` asks the publication date and whether final documents are
attached (``dialogs.ask_date``, ``ask_yes_no``, ``ask_document_paths``: tests replace
them), then runs ``publishing.publish`` through the context. :class:`AddendaDialog`
lists the addenda and prepares the draft one: questions and answers in the tender's
languages, dates moved; before issuing, it shows what the issue will do (the number,
the closing before and after, an extension by the Town's rule) and asks. Every change
is a core operation run through ``ctx.do``; a refusal is shown, never a traceback.
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
    QVBoxLayout,
    QWidget,
)

from wizard.core.i18n import _, n_, tr, ui_language
from wizard.core.i18n.languages import tender_languages
from wizard.core.publishing import PublishingError, addenda
from wizard.core.publishing.publish import attachment, publish
from wizard.core.publishing.record import DATE_FIELDS, Addendum, read
from wizard.ui import dialogs

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
            window, _("The file could not be read:") + f"\n{exc.filename}\n{exc.strerror or exc}"
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
    """The addenda of the open project, and the draft being prepared."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("addenda-dialog")
        self.setWindowTitle(_("Addenda"))
        self.langs = list(tender_languages(ctx.project))
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.addenda_list = QListWidget()
        self.addenda_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        layout.addWidget(self.addenda_list)

        questions = QGroupBox(_("Questions and answers (the asker is never named)"))
        grid = QGridLayout(questions)
        self.question_list = QListWidget()
        self.question_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        grid.addWidget(self.question_list, 0, 0, 1, len(self.langs) + 1)
        self.question_edits: dict[str, QPlainTextEdit] = {}
        self.answer_edits: dict[str, QPlainTextEdit] = {}
        names = {"fr": _("French"), "en": _("English")}
        grid.addWidget(QLabel(_("Question")), 2, 0)
        grid.addWidget(QLabel(_("Answer")), 3, 0)
        for column, lang in enumerate(self.langs, 1):
            grid.addWidget(QLabel(names[lang]), 1, column)
            q, a = QPlainTextEdit(), QPlainTextEdit()
            for edit in (q, a):
                edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
            q.setObjectName(f"question-{lang}")
            a.setObjectName(f"answer-{lang}")
            self.question_edits[lang], self.answer_edits[lang] = q, a
            grid.addWidget(q, 2, column)
            grid.addWidget(a, 3, column)
        self.add_question_button = QPushButton(_("Add the question and its answer"))
        self.add_question_button.clicked.connect(self.add_question)
        grid.addWidget(self.add_question_button, 4, 0, 1, len(self.langs) + 1)
        layout.addWidget(questions)

        changes = QGroupBox(_("Dates moved"))
        form = QFormLayout(changes)
        self.change_list = QListWidget()
        self.change_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 3)
        form.addRow(self.change_list)
        row = QHBoxLayout()
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
        form.addRow(row)
        layout.addWidget(changes)

        issue = QGroupBox(_("Issue"))
        form = QFormLayout(issue)
        self.issue_date = QLineEdit(today())
        self.issue_date.setObjectName("issue-date")
        self.issue_date.textChanged.connect(self.refresh_plan)
        form.addRow(_("Date of issue (YYYY-MM-DD)"), self.issue_date)
        self.plan = QLabel()
        self.plan.setObjectName("issue-plan")
        self.plan.setWordWrap(True)
        self.plan.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        form.addRow(self.plan)
        self.issue_button = QPushButton(_("Issue the addendum…"))
        self.issue_button.clicked.connect(self.issue)
        form.addRow(self.issue_button)
        layout.addWidget(issue)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().lineSpacing() * 40)
        self.refresh()

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
        self.question_list.clear()
        self.change_list.clear()
        lang = self.langs[0]
        for n, q in enumerate(draft.questions if draft else (), 1):
            self.question_list.addItem(
                f"{n}. {q.text('question', lang)} → {q.text('answer', lang) or _('(no answer yet)')}"
            )
        for c in draft.changes if draft else ():
            label = tr(DATE_FIELDS.get(c.field, c.field), ui_language())
            self.change_list.addItem(f"{label}: {c.old(lang)} → {c.new(lang)}")
        self.refresh_plan()

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
        lines += [tr(text, ui_language(), **params) for text, params in plan.problems]
        return "\n".join(lines)

    # -- editing ------------------------------------------------------------------

    def _draft_id(self) -> int | None:
        draft = self.ctx.do(addenda.new_draft)
        return draft.id if draft is not None else None

    def add_question(self) -> None:
        texts = {
            f"{part}_{lang}": edits[lang].toPlainText()
            for part, edits in (("question", self.question_edits), ("answer", self.answer_edits))
            for lang in self.langs
        }
        draft_id = self._draft_id()
        if draft_id is None:
            return
        if self.ctx.do(addenda.add_question, addendum_id=draft_id, **texts) is not None:
            for edit in [*self.question_edits.values(), *self.answer_edits.values()]:
                edit.clear()
        self.refresh()

    def add_change(self) -> None:
        draft_id = self._draft_id()
        if draft_id is None:
            return
        field = self.date_field.currentData()
        if (
            self.ctx.do(addenda.add_change, addendum_id=draft_id, field=field, new_fr=self.new_date.text())
            is not None
        ):
            self.new_date.clear()
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
