"""Walk 2026-12-07, defect 1, in the app: the Selection committee tab says what the
quality lock still waits for, and its lock button shows the core's refusal
(``lock_quality`` refuses then, whatever calls it) without asking first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from wizard.core.bids import intake
from wizard.core.bids.record import Bidder, read
from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows
from wizard.ui import dialogs
from wizard.ui.bids_window import BidsWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from bids_sample import score_all  # noqa: E402


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Not locked. Still missing before the lock: bid 1 (Formation Acadie inc.): OBL-1 (not assessed)",
        ),
        (
            "fr",
            "Non verrouillées. Il manque encore avant le verrouillage\u00a0: soumission 1 (Formation Acadie",
        ),
    ],
)
def test_the_jury_tab_says_what_the_lock_waits_for(
    window, qtbot, tmp_path, monkeypatch, errors, lang, expected
):
    project, publishing = load_example_with_publishing("training")
    pf = ProjectFile.create(tmp_path / "t.tender", project, origin="example", tables=table_rows(publishing))
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    bid_id = intake.add_bid(
        pf, bidder=Bidder("Formation Acadie inc."), received_at="2027-04-16T10:12:00-03:00"
    )
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show_tab(2)
    jury = dialog.jury
    assert jury.lock_status.text().startswith(expected) and "OPT-10" in jury.lock_status.text()
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: asked.append(message) or True)
    qtbot.mouseClick(jury.lock_button, Qt.MouseButton.LeftButton)
    assert not read(pf).locked and asked == [] and len(errors) == 1
    assert ("OBL-1 (not assessed)" if lang == "en" else "OBL-1 (non évalué)") in errors[0]
    # the clean twin: every score in, the button locks
    score_all(pf, bid_id)
    jury.refresh()
    assert "OPT-" not in jury.lock_status.text()
    jury.lock_day.setText("2027-04-16")
    jury.lock_time.setText("13:30")
    qtbot.mouseClick(jury.lock_button, Qt.MouseButton.LeftButton)
    assert read(pf).quality_locked_at == "2027-04-16T13:30:00-03:00" and len(asked) == 1


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "The technical committee's verification is not recorded for bid 1 (S-1, S-2, S-3, S-4, S-5): "
            "once the scores are locked, it can no longer be recorded.",
        ),
        (
            "fr",
            "La vérification du comité technique n’est pas consignée pour soumission 1 (S-1, S-2, S-3, "
            "S-4, S-5)\u00a0: une fois les pointages verrouillés, elle ne pourra plus l’être.",
        ),
    ],
)
def test_the_lock_question_names_the_scenarios_not_verified(window, qtbot, tmp_path, monkeypatch, lang, said):
    # walk 2026-12-07 (f14): no `verify` recorded, and the lock went through without a word
    from wizard.core.bids import evaluation_entry

    project, publishing = load_example_with_publishing("training")
    pf = ProjectFile.create(tmp_path / "t.tender", project, origin="example", tables=table_rows(publishing))
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    bid_id = intake.add_bid(
        pf, bidder=Bidder("Formation Acadie inc."), received_at="2027-04-16T10:12:00-03:00"
    )
    score_all(pf, bid_id)
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show_tab(2)
    jury = dialog.jury
    jury.lock_day.setText("2027-04-16")
    jury.lock_time.setText("13:30")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: asked.append(message) or False)
    qtbot.mouseClick(jury.lock_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0].startswith(said) and not read(pf).locked
    # the clean twin: every scenario verified, the question is the lock's alone
    for s in pf.project.scenarios:
        evaluation_entry.set_verification(pf, bid_id, s.id, "confirmed", verified_on="2027-04-16")
    qtbot.mouseClick(jury.lock_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and asked[1].startswith(("Lock the quality scores?", "Verrouiller"))
