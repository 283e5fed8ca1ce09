"""A second walk's contract defects in the app: *As of* before the signature is
refused by the core's one parser (follow_up.given_day), its clean twin shown."""

from __future__ import annotations

from decimal import Decimal

from wizard.core.contract.jsonform import all_tables
from wizard.core.examples import load_example_with_contract
from wizard.core.project_file.store import ProjectFile
from wizard.ui import dialogs
from wizard.ui.contract_dialog import ContractDialog


def _open(window, tmp_path):
    project, publishing, bids, contract = load_example_with_contract("training")
    path = tmp_path / "t.tender"
    window.set_project(ProjectFile.create(path, project, tables=all_tables(publishing, bids, contract)))
    window.actions_by_name["lang_en"].trigger()


def test_as_of_before_the_signature_is_refused_in_the_dialog(window, qtbot, tmp_path, monkeypatch):
    _open(window, tmp_path)
    seen: dict[str, tuple[str, list[str]]] = {}

    def run(dialog: ContractDialog) -> int:
        for when in ("2027-05-01", "2027-05-25"):
            dialog.as_of.setText(when)
            dialog.refresh()
            items = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
            seen[when] = (dialog.findings_title.text(), items)
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["contract"].trigger()
    assert seen["2027-05-01"] == (
        "Findings",
        [
            "The follow-up can be judged from the contract's signature (2027-05-25) to 2199-12-31, not on 2027-05-01."
        ],
    )
    assert seen["2027-05-25"][0] == "Findings as of 2027-05-25:"


def test_each_tab_lists_its_entries_and_removes_the_selected_one(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from wizard.core.contract import record

    _open(window, tmp_path)
    seen: dict[str, list[str]] = {}

    def texts(entries) -> list[str]:
        return [entries.item(i).text() for i in range(entries.count())]

    def run(dialog: ContractDialog) -> int:
        seen["payments"] = texts(dialog.payment_list)
        seen["reports"] = texts(dialog.report_list)
        seen["amendments"] = texts(dialog.amendment_list)
        dialog.payment_list.setCurrentRow(dialog.payment_list.count() - 1)
        qtbot.mouseClick(dialog.payment_remove, Qt.MouseButton.LeftButton)
        dialog.amendment_list.setCurrentRow(0)
        qtbot.mouseClick(dialog.amendment_remove, Qt.MouseButton.LeftButton)
        seen["payments after"] = texts(dialog.payment_list)
        seen["amendments after"] = texts(dialog.amendment_list)
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["contract"].trigger()
    assert seen["payments"][-1] == "P7 — 2028-03-15 — F-2028-007 — $380.00"
    assert seen["reports"][0].startswith("R1 — 2027-06 — ")
    assert seen["amendments"][0].startswith("A1 — ")
    assert seen["payments after"] == seen["payments"][:-1]
    assert seen["amendments after"] == []
    contract = record.read(window.ctx.pf)
    assert "F-2028-007" not in {p.invoice_number for p in contract.payments}
    assert contract.amendments == () and contract.paid == Decimal("40620.75")
