"""Vendors page: the register and the selected exchange's details, the
designated staff, the publication plan and the diffusion, all saved; what a vendor did
towards the tender is a choice: helped draft or material used shows it as excluded,
a template received and not used does not, and the finding points at the choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui import field_labels
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
    _choose(page, "helped_draft")
    open_window.ctx.flush()
    saved = open_window.ctx.project.find("vendor_exchanges", row.id)
    assert (saved.vendor, saved.staff_name, saved.channel, saved.date) == (
        "Identicarte Systèmes inc.",
        "Luc Bergeron",
        "meeting",
        "2026-09-08",
    )
    assert (saved.staff_role, saved.documents, saved.routed_to_cio, saved.drafting) == (
        "Police chief",
        "Template (PDF)",
        True,
        "helped_draft",
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


def _choose(page, value):
    """Pick ``value`` in the drafting choice as a user does: open the list, move to the
    item with the keyboard, press Enter (the real widget's signals, not setCurrentIndex)."""
    box = page.details["drafting"]
    page.scroll_area.ensureWidgetVisible(box)
    box.setFocus()
    box.showPopup()
    view = box.view()
    view.setCurrentIndex(box.model().index(box.findData(value), 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert box.currentData() == value


def test_drafting_choice_decides_the_exclusion_through_the_real_widget(open_window):
    """docs/cases.md K30 on the page: a template received and not used is recorded
    (V-MATERIAL-UNUSED), shows no exclusion; a used one excludes the vendor (V-DRAFTING,
    named live as in the tender's appendix); the choice is saved to the file."""
    page = _vendors_page(open_window)
    row = _add_exchange(page, "Maritime IT Solutions Ltd.", "")
    box = page.details["drafting"]
    assert isinstance(box, QComboBox)
    assert [box.itemText(i) for i in range(box.count())] == [
        "No part in the tender",
        "Helped draft the tender",
        "Supplied a template or specification that was used",
        "Supplied a template or specification: received, not used",
    ]
    assert box.currentData() == "none" and page.excluded.isHidden()
    _choose(page, "material_not_used")
    assert open_window.ctx.project.find("vendor_exchanges", row.id).drafting == "material_not_used"
    assert "V-MATERIAL-UNUSED" in _codes(page) and "V-DRAFTING" not in _codes(page)
    assert page.excluded.isHidden()
    _choose(page, "material_used")
    assert "V-DRAFTING" in _codes(page) and "V-MATERIAL-UNUSED" not in _codes(page)
    assert (
        page.excluded.text()
        == "Excluded from this tender (named in its appendix): Maritime IT Solutions Ltd."
    )
    # the finding focuses the choice of its exchange
    other = _add_exchange(page, "Globex", "")
    assert page.tables["vendor_exchanges"].current_id() == other.id and box.currentData() == "none"
    item = _codes(page).index("V-DRAFTING")
    page.findings.list.itemClicked.emit(page.findings.list.item(item))
    assert page.tables["vendor_exchanges"].current_id() == row.id
    assert box.currentData() == "material_used" and open_window.focusWidget() is box
    # the history names the field and the value by their labels (and a schema-1 entry too)
    labels = field_labels.page_labels(open_window.wizard.step_pages)
    project = open_window.ctx.project
    assert field_labels.describe(f"vendor_exchanges:{row.id}.drafting", project, labels) == (
        "Vendor relations › Register of exchanges with vendors “Maritime IT Solutions Ltd.” › "
        "Part in preparing the tender"
    )
    assert field_labels.describe(f"vendor_exchanges:{row.id}.helped_drafting", project, labels).endswith(
        "› The vendor helped draft the tender or supplied a template"
    )
    assert field_labels.value_text('"material_used"') == "Supplied a template or specification that was used"
    path = open_window.ctx.pf.path
    open_window.close_project()
    with ProjectFile.open(path, read_only=True) as pf:
        assert pf.project.find("vendor_exchanges", row.id).drafting == "material_used"


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
    assert not any(i.planned for i in items)  # a new project plans nothing until ticked
    contract = next(i for i in items if i.key == "contract")
    plan.set_value(contract.id, "planned", True)
    plan.set_value(contract.id, "planned_date", "2027-05-03")
    plan.set_value(contract.id, "place", "Open data portal")
    meetings = next(i for i in items if i.key == "vendor_meetings")
    plan.set_value(meetings.id, "planned", True)
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
    label = page.flag_labels["exchange.demo"]
    page.scroll_area.ensureWidgetVisible(label)
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)  # the wrapped label toggles its box
    assert page.details["demo"].isChecked()
    assert open_window.ctx.project.find("vendor_exchanges", row.id).demo
    assert page.details["demo"].accessibleName() == label.text()
    box = page.details["drafting"]
    assert box.accessibleName() == "Participation à la préparation de l’appel d’offres"
    assert [box.itemText(i) for i in range(box.count())] == [
        "Aucune participation à l’appel d’offres",
        "A participé à la rédaction de l’appel d’offres",
        "A fourni un modèle ou un devis technique qui a été utilisé",
        "A fourni un modèle ou un devis technique\u00a0: reçu, non utilisé",
    ]
    _choose(page, "helped_draft")
    assert open_window.ctx.project.find("vendor_exchanges", row.id).drafting == "helped_draft"
    assert page.excluded.text() == "Exclus de cet appel d’offres (nommés dans son annexe)\u00a0: Initech"
    assert page.tables["publication_items"].table.item(0, 0).text() == "L’appel d’offres"


def test_open_data_fields_are_saved_and_checked(open_window):
    page = _vendors_page(open_window)
    b = page.binder.widgets
    b["publication.ocid_prefix"].setText("OCDS-AB12")
    open_window.ctx.flush()
    assert "V-OCID-FORMAT" in _codes(page) and "V-OCID-PREFIX" not in _codes(page)
    b["publication.ocid_prefix"].setText("ocds-a1b2c3")
    b["publication.package_url"].setText("https://data.example.ca/ocds/T-1.json")
    b["publication.publication_policy_url"].setText("https://data.example.ca/policy")
    b["publication.publisher_id"].setText("123456789")
    b["publication.bids_on_paper"].setChecked(True)
    b["publication.item_scheme"].setCurrentIndex(b["publication.item_scheme"].findData("GSIN"))
    b["publication.item_code"].setText("N7030")
    b["publication.publish_estimate"].setChecked(True)
    open_window.ctx.flush()
    assert not {"V-OCID-FORMAT", "V-OCID-PREFIX", "V-POLICY", "V-PACKAGE-URL"} & set(_codes(page))
    pub = open_window.ctx.project.publication
    assert (pub.ocid_prefix, pub.package_url, pub.publication_policy_url) == (
        "ocds-a1b2c3",
        "https://data.example.ca/ocds/T-1.json",
        "https://data.example.ca/policy",
    )
    assert (pub.publisher_scheme, pub.publisher_id, pub.bids_electronic, pub.bids_on_paper) == (
        "CA-CRA_ACR",
        "123456789",
        True,
        True,
    )
    assert (pub.item_scheme, pub.item_code, pub.publish_estimate) == ("GSIN", "N7030", True)
    assert pub.license_url == "https://creativecommons.org/licenses/by/4.0/"
    assert b["publication.license_url"].text() == pub.license_url
