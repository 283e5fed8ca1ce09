"""§2.0 Project: who buys, the tender's identity, its languages, officer, authors, dates."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from wizard.core.i18n import N_
from wizard.core.steps import Step
from wizard.ui.labels import BINDING_LANGUAGES, PROVINCES, TENDER_LANGUAGES
from wizard.ui.pages.base import StepPage
from wizard.ui.widgets.table_editor import Column


def fit(box: QComboBox) -> QComboBox:
    """Follow the width of the labels in the interface language (French ones are longer)."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class ProjectPage(StepPage):
    STEP = Step.PROJECT
    HELP = N_(
        "Name who buys and who answers for the purchase. The guide puts every IT "
        "acquisition under the IT directorate, and the people who write the tender are "
        "listed so that none of them later sits on the selection jury (conflicts of "
        "interest). Both official languages can be used; say which version binds."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Organization"))
        self.row(form, N_("Town or organization"), b.line("info", "organization"))
        self.row(form, N_("Province or territory"), fit(b.combo("info", "province", ("", *PROVINCES))))
        self.row(form, N_("Responsible officer (IT director)"), b.line("info", "officer_name"))
        self.row(form, N_("Officer's title"), b.line("info", "officer_title"))
        form = self.group(N_("Tender"))
        self.row(form, N_("Tender title"), b.line("info", "title"))
        self.row(form, N_("Reference number"), b.line("info", "reference"))
        self.row(form, N_("Tender language(s)"), fit(b.combo("info", "tender_languages", TENDER_LANGUAGES)))
        self.row(form, N_("Legally binding version"), fit(b.combo("info", "binding_language", BINDING_LANGUAGES)))
        form = self.group(N_("Key dates"))
        self.row(form, N_("Publication"), b.date("info", "publication_date"))
        self.row(form, N_("Deadline for questions"), b.date("info", "questions_deadline"))
        self.row(form, N_("Closing date"), b.date("info", "closing_date"))
        self.row(form, N_("Award"), b.date("info", "award_date"))
        self.row(form, N_("Contract start"), b.date("info", "contract_start"))
        form = self.group(N_("Authors of the tender"))
        self.note(form, N_("An author may not sit on the selection jury."))
        self.table(
            form,
            "authors",
            [Column("name", N_("Name"), stretch=True), Column("role", N_("Role"), stretch=True)],
            lines=3,
        )
        for label in self.findChildren(QLabel):  # short labels: a wrapped one was cut in half
            if label.buddy() is not None:
                label.setWordWrap(False)
