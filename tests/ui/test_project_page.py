"""The Project page's bid logistics: closing time, time zone, submission of bids and the
single point of contact are typed, kept through Next/Back, saved in the file and shown
with their findings."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWizard
from test_walkthrough import type_text

from wizard.core import ops
from wizard.core.checks import findings_for
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step

VALUES = {
    "info.closing_time": "14:00",
    "info.contact_email": "appels-offres@saint-aurele.example.ca",
    "info.contact_phone": "418 555-0142",
}
METHOD = "Sur le SEAO seulement."
ADDRESS = "250, rue Principale\nSaint-Aurèle (Québec)"


def _click(wizard, which):
    wizard.button(which).click()


def test_logistics_typed_kept_through_next_back_and_reopen(open_window, qtbot):
    window = open_window
    path = window.ctx.pf.path
    wizard = window.wizard
    page = wizard.currentPage()
    w = page.binder.widgets
    w["info.province"].setCurrentIndex(w["info.province"].findData("NS"))
    for address, text in VALUES.items():
        type_text(qtbot, w[address], text)
    type_text(qtbot, w["info.submission_method"], METHOD)
    type_text(qtbot, w["info.contact_address"], ADDRESS)
    zone = w["info.time_zone"]
    assert zone.itemText(0) == "Province's zone: Atlantic Time"
    zone.setCurrentIndex(zone.findData("America/Toronto"))
    assert zone.currentText() == "Eastern Time (America/Toronto)"

    _click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == Step.PROBLEM
    _click(wizard, QWizard.WizardButton.BackButton)
    w = wizard.currentPage().binder.widgets
    assert [w[a].text() for a in VALUES] == list(VALUES.values())
    assert w["info.submission_method"].toPlainText() == METHOD
    assert w["info.contact_address"].toPlainText() == ADDRESS
    assert w["info.time_zone"].currentData() == "America/Toronto"

    window.close_project()
    with ProjectFile.open(path) as pf:
        info = pf.project.info
        assert (info.closing_time, info.time_zone, info.submission_method) == (
            "14:00",
            "America/Toronto",
            METHOD,
        )
        assert (info.contact_email, info.contact_phone, info.contact_address) == (
            VALUES["info.contact_email"],
            VALUES["info.contact_phone"],
            ADDRESS,
        )
    assert window.open_path(path)
    w = window.wizard.currentPage().binder.widgets
    assert w["info.closing_time"].text() == "14:00" and w["info.time_zone"].currentData() == "America/Toronto"
    assert w["info.contact_address"].toPlainText() == ADDRESS


def test_time_box_refuses_letters_and_a_bad_time_is_an_error(open_window, qtbot):
    page = open_window.wizard.currentPage()
    edit = page.binder.widgets["info.closing_time"]
    type_text(qtbot, edit, "2pm")
    assert edit.text() == "2"  # the validator lets only digits and one colon through
    edit.clear()
    type_text(qtbot, edit, "25:00")
    open_window.ctx.flush()
    assert open_window.ctx.project.info.closing_time == "25:00"  # kept as typed, never lost
    codes = {f.code for f in findings_for(open_window.ctx.project, Step.PROJECT)}
    assert "PR-TIME" in codes and "PR-CLOSING-TIME" not in codes


def test_french_labels(open_window, qtbot):
    open_window.set_language("fr")
    page = open_window.wizard.currentPage()
    page.ctx.do(ops.edit_section, replace(page.ctx.project.info, province="QC"))
    page.load()
    zone = page.binder.widgets["info.time_zone"]
    assert zone.itemText(0) == "Fuseau de la province\u00a0: heure de l’Est"
    assert zone.itemText(zone.findData("America/Halifax")) == "heure de l’Atlantique (America/Halifax)"
    texts = {lbl.text() for lbl in page.findChildren(type(page.help_label))}
    assert {
        "Heure de clôture (24\u00a0h)",
        "Fuseau horaire",
        "Courriel de la personne-ressource",
        "Adresse postale",
    } <= texts


def test_a_zone_from_the_file_outside_the_list_is_kept_and_shown(open_window):
    ctx = open_window.ctx
    ctx.do(ops.edit_section, replace(ctx.project.info, time_zone="Mars/Olympus"))
    page = open_window.wizard.currentPage()
    page.load()
    zone = page.binder.widgets["info.time_zone"]
    assert zone.currentData() == "Mars/Olympus" and zone.currentText() == "Mars/Olympus"
    assert zone.count() == 1 + 11 + 1
    codes = {f.code for f in findings_for(ctx.project, Step.PROJECT)}
    assert "PR-TIME-ZONE" in codes


def test_the_towns_minimum_submission_period_says_its_default(open_window):
    """Issue 15 point 7: 0 means the default of 15 days, and says so; a number is saved."""
    page = open_window.wizard.currentPage()
    box = page.binder.widgets["info.min_submission_days"]
    assert box.value() == 0 and box.text() == "Default: 15 days"
    assert (box.minimum(), box.maximum()) == (0, 365)
    box.setValue(30)
    open_window.ctx.flush()
    assert open_window.ctx.project.info.min_submission_days == 30 and box.text() == "30 days"
    open_window.actions_by_name["lang_fr"].trigger()
    box.setValue(0)
    assert box.text() == "Par défaut\u00a0: 15\u00a0jours"


def test_contract_data_defaults_shown_and_edits_saved(open_window, qtbot):
    """The rules of the call for tenders start at their defaults and are saved in the file."""
    window = open_window
    path = window.ctx.pf.path
    w = window.wizard.currentPage().binder.widgets
    assert w["contract_data.bid_validity_days"].value() == 90
    assert w["contract_data.last_addendum_days"].value() == 7
    assert w["contract_data.bid_security"].currentData() == "security_none"
    assert w["contract_data.debriefing"].isChecked()
    w["contract_data.bid_validity_days"].setValue(120)
    security = w["contract_data.bid_security"]
    security.setCurrentIndex(security.findData("security_percent"))
    type_text(qtbot, w["contract_data.bid_security_value"], "5")
    type_text(qtbot, w["contract_data.opening_place"], "Salle du conseil")
    window.close_project()
    with ProjectFile.open(path) as pf:
        data = pf.project.contract_data
        assert (
            data.bid_validity_days,
            data.bid_security,
            str(data.bid_security_value),
            data.opening_place,
        ) == (
            120,
            "security_percent",
            "5",
            "Salle du conseil",
        )


def _panel(page) -> dict[str, str]:
    from wizard.ui.widgets.findings_panel import FINDING_ROLE

    items = [page.findings.list.item(i) for i in range(page.findings.list.count())]
    return {i.data(FINDING_ROLE).code: i.text() for i in items if i.data(FINDING_ROLE) is not None}


def test_an_impossible_closing_day_is_kept_and_said_on_the_page(open_window, qtbot):
    """The field's mask lets 2027-02-30 through: it is kept as typed (never lost), and the
    page says at once that the day does not exist, not that the format is wrong."""
    page = open_window.wizard.currentPage()
    edit = page.binder.widgets["info.closing_date"]
    type_text(qtbot, edit, "2027-02-30")
    open_window.ctx.flush()
    assert open_window.ctx.project.info.closing_date == "2027-02-30"
    assert "the days of February 2027 go from 1 to 28" in _panel(page)["PR-DATE"]
    open_window.set_language("fr")
    assert (
        "les jours de février\u00a02027 vont de 1 à 28" in _panel(open_window.wizard.currentPage())["PR-DATE"]
    )
    edit.clear()
    type_text(qtbot, edit, "2027-02-28")  # the twin: the month's last day
    open_window.ctx.flush()
    assert open_window.ctx.project.info.closing_date == "2027-02-28"
    assert "PR-DATE" not in _panel(open_window.wizard.currentPage())
