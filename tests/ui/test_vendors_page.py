"""Vendors page: the register and the selected exchange's details, the
designated staff, the publication plan and the diffusion, all saved; a vendor marked as
having helped draft shows as excluded and its finding points at the right box."""

from __future__ import annotations

from PySide6.QtCore import Qt

from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.widgets.findings_panel import FINDING_ROLE


def _vendors_page(window):
    window.wizard.go_to(Step.VENDORS)
    page = window.wizard.currentPage()
    assert page.STEP == Step.VENDORS
    return page


def _codes(page):
    items = [page.findings.list.item(i) for i in range(page.findings.list.count())]
    return [i.data(FINDING_ROLE).code for i in items if i.data(FINDING_ROLE) is not None]


def _add_exchange(page, vendor, staff):
    table = page.tables["vendor_exchanges"]
    row = table.add_row()
    table.set_value(row.id, "date", "2026-09-08")
    table.set_value(row.id, "vendor", vendor)
    table.set_value(row.id, "staff_name", staff)
    table.set_value(row.id, "channel", "meeting")
    table.set_value(row.id, "subject", "Offered a requirements template")
    return row


def test_register_details_and_checks(open_window):
    page = _vendors_page(open_window)
    staff = page.tables["designated_staff"]
    person = staff.add_row()
    staff.set_value(person.id, "name", "Geneviève Tremblay")
    staff.set_value(person.id, "role", "CIO")
    row = _add_exchange(page, "Identicarte Systèmes inc.", "Luc Bergeron")
    assert page.tables["vendor_exchanges"].current_id() == row.id
    assert "V-UNDESIGNATED" in _codes(page) and "V-NOT-ROUTED" in _codes(page)
    assert page.excluded.isHidden()
    page.details["staff_role"].setText("Police chief")
    page.details["documents"].setText("Template (PDF)")
    page.details["routed_to_cio"].setChecked(True)
    page.details["helped_drafting"].setChecked(True)
    open_window.ctx.flush()
    saved = open_window.ctx.project.find("vendor_exchanges", row.id)
    assert (saved.vendor, saved.staff_name, saved.channel, saved.date) == (
        "Identicarte Systèmes inc.",
        "Luc Bergeron",
        "meeting",
        "2026-09-08",
    )
    assert (saved.staff_role, saved.documents, saved.routed_to_cio, saved.helped_drafting) == (
        "Police chief",
        "Template (PDF)",
        True,
        True,
    )
    assert "V-DRAFTING" in _codes(page) and "V-NOT-ROUTED" not in _codes(page)
    assert page.excluded.isVisible()
    assert (
        page.excluded.text() == "Excluded from this tender (named in its appendix): Identicarte Systèmes inc."
    )
    # each other warning sign gives its finding, and unchecking removes it
    for name, code in (("demo", "V-DEMO"), ("nda_signed", "V-NDA"), ("rfi", "V-RFI")):
        page.details[name].setChecked(True)
        assert code in _codes(page)
        page.details[name].setChecked(False)
        assert code not in _codes(page)
    # the staff member is designated: V-UNDESIGNATED goes
    staff.set_value(person.id, "name", "Luc Bergeron")
    assert "V-UNDESIGNATED" not in _codes(page)


def test_finding_focuses_the_checkbox_of_its_exchange(open_window):
    page = _vendors_page(open_window)
    first = _add_exchange(page, "Globex", "")
    second = _add_exchange(page, "Initech", "")
    page.tables["vendor_exchanges"].focus_row(second.id, None)
    page.details["nda_signed"].setChecked(True)
    page.tables["vendor_exchanges"].focus_row(first.id, None)
    assert not page.details["nda_signed"].isChecked()  # the details follow the selected row
    row = _codes(page).index("V-NDA")
    page.findings.list.itemClicked.emit(page.findings.list.item(row))
    assert page.tables["vendor_exchanges"].current_id() == second.id
    assert page.details["nda_signed"].isChecked()
    assert open_window.focusWidget() is page.details["nda_signed"]


def test_publication_plan_and_diffusion_are_saved_and_reloaded(open_window):
    page = _vendors_page(open_window)
    plan = page.tables["publication_items"]
    items = open_window.ctx.project.publication_items
    assert [i.key for i in items][:3] == ["tender", "bids_and_bidders", "winner"] and len(items) == 9
    assert plan.table.item(0, 0).text() == "The tender"
    contract = next(i for i in items if i.key == "contract")
    plan.set_value(contract.id, "planned_date", "2027-05-03")
    plan.set_value(contract.id, "place", "Open data portal")
    meetings = next(i for i in items if i.key == "vendor_meetings")
    plan.set_value(meetings.id, "planned", False)
    b = page.binder.widgets
    b["publication.provincial_platform"].setText("SEAO")
    b["publication.free_platforms"].setPlainText("Town website; CanadaBuys")
    b["publication.notify_scanned_vendors"].setChecked(False)
    b["publication.translation_notes"].setPlainText("French only; the French version binds")
    b["publication.open_data_url"].setText("https://data.example.ca/tenders")
    open_window.ctx.flush()
    path = open_window.ctx.pf.path
    open_window.close_project()
    reopened = ProjectFile.open(path)
    try:
        p = reopened.project
        saved = p.find("publication_items", contract.id)
        assert (saved.planned, saved.planned_date, saved.place) == (True, "2027-05-03", "Open data portal")
        assert p.find("publication_items", meetings.id).planned is False
        pub = p.publication
        assert (pub.provincial_platform, pub.free_platforms, pub.notify_scanned_vendors) == (
            "SEAO",
            "Town website; CanadaBuys",
            False,
        )
        assert pub.translation_notes == "French only; the French version binds"
        assert pub.open_data_url == "https://data.example.ca/tenders"
    finally:
        reopened.close()
    open_window.set_project(ProjectFile.open(path))
    page = _vendors_page(open_window)
    assert page.binder.widgets["publication.provincial_platform"].text() == "SEAO"
    assert not page.binder.widgets["publication.notify_scanned_vendors"].isChecked()
    row = page.tables["publication_items"].row_ids().index(contract.id)
    assert page.tables["publication_items"].table.item(row, 3).text() == "Open data portal"


def test_french_labels_on_the_vendors_page(open_window, qtbot):
    open_window.actions_by_name["lang_fr"].trigger()
    page = _vendors_page(open_window)
    row = _add_exchange(page, "Initech", "")
    label = page.flag_labels["exchange.helped_drafting"]
    page.scroll_area.ensureWidgetVisible(label)
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)  # the wrapped label toggles its box
    assert page.details["helped_drafting"].isChecked()
    assert open_window.ctx.project.find("vendor_exchanges", row.id).helped_drafting
    assert page.details["helped_drafting"].accessibleName() == label.text()
    assert (
        page.flag_labels["exchange.helped_drafting"].text()
        == "Le fournisseur a aidé à rédiger l'appel d'offres ou a fourni un modèle"
    )
    assert page.excluded.text() == "Exclus de cet appel d'offres (nommés dans son annexe) : Initech"
    assert page.tables["publication_items"].table.item(0, 0).text() == "L'appel d'offres"
