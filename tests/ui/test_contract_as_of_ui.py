"""Walk defect 5 in the app: Tender ▸ Contract follow-up… as of a day shows the contract
as it stood that day (the value as amended and what was paid), as the exported
documents do; its clean twin, as of the latest entry, shows everything."""

from __future__ import annotations

from wizard.core.contract.jsonform import all_tables
from wizard.core.examples import load_example_with_contract
from wizard.core.project_file.store import ProjectFile
from wizard.ui import dialogs
from wizard.ui.contract_dialog import ContractDialog


def test_the_follow_up_view_stands_at_its_day(window, qtbot, tmp_path, monkeypatch):
    project, publishing, bids, contract = load_example_with_contract("training")
    path = tmp_path / "t.tender"
    window.set_project(ProjectFile.create(path, project, tables=all_tables(publishing, bids, contract)))
    window.actions_by_name["lang_en"].trigger()
    seen: dict[str, str] = {}

    def run(dialog: ContractDialog) -> int:
        for when in ("2027-09-20", "2028-03-15"):
            dialog.as_of.setText(when)
            dialog.refresh()
            seen[when] = dialog.summary.text()
        dialog.close()
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", run)
    window.actions_by_name["contract"].trigger()
    assert "value as amended $95,502.70; paid so far $38,820.75" in seen["2027-09-20"]
    assert "value as amended $97,302.70; paid so far $41,000.75" in seen["2028-03-15"]
