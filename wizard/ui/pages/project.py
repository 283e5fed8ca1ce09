"""Project: who buys, the tender's identity, its languages, officer, authors, dates,
and the bid logistics (closing time and time zone, how bids are submitted, the single
point of contact's e-mail, telephone and address). French labels of the logistics
fields: ``logistics.po``."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox

from wizard.core.domain.submission_periods import TOWN_DEFAULT_DAYS
from wizard.core.domain.timezones import ZONES, province_zone, zone_label
from wizard.core.i18n import N_, _, ui_language
from wizard.core.steps import Step
from wizard.ui.labels import BINDING_LANGUAGES, PROVINCES, TENDER_LANGUAGES
from wizard.ui.pages.base import StepPage, short_text
from wizard.ui.pages.contract_data import contract_data_group
from wizard.ui.widgets.table_editor import Column

TIME_PATTERN = r"^[0-9]{0,2}(:[0-9]{0,2})?$"
"""What the closing-time box lets through while typing; ``PR-TIME`` judges the result."""


def fit(box: QComboBox) -> QComboBox:
    """Follow the width of the labels in the interface language (French ones are longer)."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class ProjectPage(StepPage):
    STEP = Step.PROJECT
    HELP = N_(
        "Name who buys and who answers for the purchase. The guide puts every IT "
        "acquisition under the IT directorate, and the people who write the tender are "
        "listed so that none of them later sits on the selection committee (conflicts of "
        "interest). Both official languages can be used; say which version binds."
    )

    def build(self) -> None:
        b = self.binder
        form = self.group(N_("Organization"))
        self.row(form, N_("Town or organization"), b.line("info", "organization"))
        self.row(form, N_("Province or territory"), fit(b.combo("info", "province", PROVINCES)))
        self.row(form, N_("Responsible officer (IT director)"), b.line("info", "officer_name"))
        self.row(form, N_("Officer's title"), b.line("info", "officer_title"))
        form = self.group(N_("Tender"))
        self.row(form, N_("Tender title"), b.line("info", "title"))
        self.row(form, N_("Reference number"), b.line("info", "reference"))
        self.row(form, N_("Tender language(s)"), fit(b.combo("info", "tender_languages", TENDER_LANGUAGES)))
        self.row(
            form, N_("Legally binding version"), fit(b.combo("info", "binding_language", BINDING_LANGUAGES))
        )
        form = self.group(N_("Key dates"))
        self.row(form, N_("Publication"), b.date("info", "publication_date"))
        self.row(form, N_("Deadline for questions"), b.date("info", "questions_deadline"))
        self.row(form, N_("Closing date"), b.date("info", "closing_date"))
        self.row(form, N_("Town's minimum submission period"), self._period_box())
        self.row(form, N_("Closing time (24 h)"), self._time_edit())
        self.zone_box = fit(b.combo("info", "time_zone", ("", *ZONES)))
        self.row(form, N_("Time zone"), self.zone_box)
        self.row(form, N_("Award"), b.date("info", "award_date"))
        self.row(form, N_("Contract start"), b.date("info", "contract_start"))
        self._logistics()
        contract_data_group(self)
        form = self.group(N_("Authors of the tender"))
        self.note(form, N_("An author may not sit on the selection committee."))
        self.table(
            form,
            "authors",
            [Column("name", N_("Name"), stretch=True), Column("role", N_("Role"), stretch=True)],
            lines=3,
        )
        for label in self.findChildren(QLabel):  # short labels: a wrapped one was cut in half
            if label.buddy() is not None:
                label.setWordWrap(False)

    def _period_box(self) -> QSpinBox:
        """Days from publication to closing the Town requires (PR-PERIOD-TOWN); 0 shows
        as the default the checks use (15 days: resources/legal/submission_periods.json)."""
        box = self.binder.spin("info", "min_submission_days")
        self.texts.add(box.setSuffix, N_(" days"))
        self.texts.add(
            lambda text: box.setSpecialValueText(text.format(days=TOWN_DEFAULT_DAYS)),
            N_("Default: {days} days"),
        )
        self.texts.add(
            box.setToolTip,
            N_(
                "The shortest time between publication and closing the Town accepts. Left at the "
                "default, the checks use 15 days; the law or a trade agreement may ask for more."
            ),
        )
        return box

    def _time_edit(self) -> QLineEdit:
        edit = self.binder.line("info", "closing_time", N_("HH:MM"))
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(TIME_PATTERN), edit))
        edit.setMaxLength(5)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00:00") * 3)
        return edit

    def _logistics(self) -> None:
        b = self.binder
        form = self.group(N_("Submission of bids and contact"))
        self.note(form, N_("The responsible officer is the bidders' single point of contact."))
        self.row(
            form,
            N_("How and where bids are submitted"),
            short_text(b.text("info", "submission_method", 2), 3),
        )
        self.row(form, N_("Contact e-mail"), b.line("info", "contact_email", N_("e.g. tenders@town.ca")))
        self.row(form, N_("Contact telephone"), b.line("info", "contact_phone"))
        self.row(form, N_("Postal address"), short_text(b.text("info", "contact_address", 3), 4))

    def load_extra(self) -> None:
        self._label_zones()

    def model_changed(self) -> None:
        self._label_zones()  # the default zone follows the province

    def _label_zones(self) -> None:
        """Zones shown as "heure de l’Est (America/Toronto)"; the empty choice names the
        province's default zone."""
        lang = ui_language()
        default = province_zone(self.ctx.project.info.province)
        for i in range(self.zone_box.count()):
            zone = self.zone_box.itemData(i)
            if zone:
                name = zone_label(zone, lang)
                self.zone_box.setItemText(i, zone if name == zone else f"{name} ({zone})")
            elif default:
                self.zone_box.setItemText(i, _("Province's zone: {zone}", zone=zone_label(default, lang)))
            else:
                self.zone_box.setItemText(i, _("Province's zone"))
