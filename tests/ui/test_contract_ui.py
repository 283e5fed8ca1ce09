"""Tender ▸ Contract follow-up… (issue 23, docs/contract.md): with the real buttons, a
user records a performance report and a payment and sees the findings and the spending
chart update. Screenshots at 1366×768 in both languages are written where ``OPW_SHOTS``
says (a folder), to look at."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from wizard.core.contract import record
from wizard.core.contract.jsonform import all_tables
from wizard.core.examples import load_example_with_contract
from wizard.core.project_file.store import ProjectFile
from wizard.ui import dialogs
from wizard.ui.contract_dialog import ContractDialog
from wizard.ui.language import apply_language


def _shot(widget, name: str) -> None:
    folder = os.environ.get("OPW_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _findings(dialog: ContractDialog) -> list[str]:
    return [dialog.findings.item(i).text() for i in range(dialog.findings.count())]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_record_a_report_and_a_payment_and_see_findings_and_chart_update(
    window, qtbot, tmp_path, monkeypatch, lang
):
    project, publishing, bids, contract = load_example_with_contract("training")
    path = tmp_path / "t.tender"
    window.set_project(ProjectFile.create(path, project, tables=all_tables(publishing, bids, contract)))
    window.actions_by_name[f"lang_{lang}"].trigger()
    pf = window.ctx.pf

    def run(dialog: ContractDialog) -> int:
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.as_of.setText("2027-09-20")
        dialog.refresh()
        before = _findings(dialog)
        assert any(f.startswith("CT-REPORT-MISSING") and "2027-08" in f for f in before), before
        chart_before = dialog.chart.pixmap().toImage()
        _shot(dialog, f"contract-follow-up-{lang}")

        dialog.period.setText("2027-08")
        dialog.received_on.setText("2027-09-12")
        dialog.availability.setText("97.2")  # 2.3 points missed: 10 % of 1 000 $
        qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
        after_report = _findings(dialog)
        assert not any(f.startswith("CT-REPORT-MISSING") for f in after_report), after_report
        assert dialog.period.text() == ""

        dialog.paid_on.setText("2027-09-15")
        dialog.invoice.setText("F-2027-031")
        dialog.amount.setText("60000")
        dialog.line.setCurrentIndex(dialog.line.findData("recurring.subscriptions"))
        qtbot.mouseClick(dialog.payment_button, Qt.MouseButton.LeftButton)
        after_payment = _findings(dialog)
        assert any(f.startswith("CT-PAYMENTS-EXCEED") for f in after_payment), after_payment
        assert any(f.startswith("CT-CREDITS-NOT-TAKEN") for f in after_payment), after_payment
        assert dialog.chart.pixmap().toImage() != chart_before
        _shot(dialog, f"contract-follow-up-recorded-{lang}")
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["contract"].trigger()
    contract_now = record.read(pf)
    assert contract_now.report("2027-08").credits_due == Decimal("100.00")
    assert contract_now.paid == Decimal("101000.75")
    apply_language("en")


def test_no_follow_up_before_the_contract_is_signed(window, tmp_path, monkeypatch):
    from wizard.core.examples import load_example

    window.set_project(ProjectFile.create(tmp_path / "t.tender", load_example("office-suite")))
    infos: list[str] = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, message: infos.append(message))
    window.actions_by_name["contract"].trigger()
    assert infos == ["Record the award with the date the contract was signed before following the contract."]
