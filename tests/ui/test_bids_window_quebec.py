"""Tender ▸ Bids and evaluation… under Québec's statutory weighted system (docs/bids.md,
"In the app"), with the real buttons: the selection committee page lists the quality
grid's items instead of the optional criteria; two members fill their own grid sheets,
the consensus takes the points they agree on and settles the one they do not, the
quality scores are locked, the price envelopes opened, and the ranking follows.
Screenshots as on a 1366×768 screen in both languages where ``OPW_SHOTS`` says.

The figures, by hand (tests/core/quebec_bids_sample.py): bid A (1) 25 + 24 + 16 + 15 =
80 at $100,000 → (80 + 50) × 10 000 ÷ 100 000 = 13; bid B (2) 20 + 21 + 15 + 16 = 72
at $90,000 → 122 × 10 000 ÷ 90 000 = 13.56: B first.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox

from wizard.core.bids.record import read
from wizard.ui import dialogs
from wizard.ui.bids_window import BidsWindow, fitted

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from quebec_bids_sample import CONSENSUS, GRID, create, record_bid  # noqa: E402


def _shot(widget, name: str) -> None:
    folder = os.environ.get("OPW_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _choose(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def _cells(view, column: int) -> list[str]:
    return [view.item(r, column).text() for r in range(view.rowCount())]


def _grid_points(jury, points: tuple[int, ...], reason: str) -> None:
    """The grid's rows, in the grid's order: each item's points and the reason."""
    for row, value in enumerate(points):
        edit = jury.points.cellWidget(row, 2)
        edit.setText(reason)
        edit.editingFinished.emit()
        _choose(jury.points.cellWidget(row, 1), value)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_two_grid_sheets_a_consensus_and_the_ranking_with_the_real_buttons(
    window, qtbot, tmp_path, monkeypatch, lang
):
    pf = create(tmp_path / "qc.tender")
    a, b = (record_bid(pf, key, sheets=False, consensus=False) for key in ("A", "B"))
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    window._enable_actions()
    asked: list[str] = []

    def drive(dialog: BidsWindow) -> int:
        dialog.resize(fitted(QSize(1366, 768)))  # as on a 1366×768 screen
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.show_tab(4)
        ranking = dialog.ranking
        assert _cells(ranking.results, 0) == ["—", "—"]  # nothing scored yet: both pending

        dialog.show_tab(2)
        jury = dialog.jury
        header = jury.points.horizontalHeaderItem(0).text()
        assert header == ("Critère" if lang == "fr" else "Criterion")
        labels = _cells(jury.points, 0)
        assert len(labels) == len(GRID) and labels[0].startswith("G-1  Expérience de l’entreprise")
        assert ("(sur 30)" if lang == "fr" else "(out of 30)") in labels[0]
        combo = jury.points.cellWidget(0, 1)
        assert [combo.itemData(i) for i in range(combo.count())] == [None, *range(31)]
        # member 2 sees 20 on item 2 of bid B where member 1 gives 21: a divergence
        sheets = {
            1: {a: CONSENSUS["A"], b: CONSENSUS["B"]},
            2: {a: CONSENSUS["A"], b: (20, 18, 15, 16)},
        }
        for member in (1, 2):
            _choose(jury.sheet, member)
            for bid_id in (a, b):
                _choose(jury.bid, bid_id)
                if member == 2:  # independent sheets: member 1's points are not shown
                    assert all(jury.points.cellWidget(r, 1).currentData() is None for r in range(len(GRID)))
                _grid_points(jury, sheets[member][bid_id], f"Membre {member}")
        _choose(jury.sheet, -1)
        divergences = [jury.divergences.item(i).text() for i in range(jury.divergences.count())]
        assert len(divergences) == 1 and "Bêta Formation ltée" in divergences[0]
        assert "Méthodologie proposée" in divergences[0] and "Denis Arseneault 18" in divergences[0]
        for bid_id in (a, b):
            _choose(jury.bid, bid_id)
            qtbot.mouseClick(jury.agree_button, Qt.MouseButton.LeftButton)
        _choose(jury.bid, b)
        assert jury.points.cellWidget(1, 1).currentData() is None  # not agreed: left to the consensus
        _grid_points(jury, (20, 21, 15, 16), "Le comité retient la méthodologie détaillée, section 3")
        assert sorted((g.bid_id, g.item_id, g.points) for g in read(pf).grid_consensus) == sorted(
            (k, i, p)
            for k, key in ((a, "A"), (b, "B"))
            for (i, _l, _m), p in zip(GRID, CONSENSUS[key], strict=True)
        )
        settled = [jury.divergences.item(i).text() for i in range(jury.divergences.count())]
        assert settled[0].endswith("consensus")  # "settled by the consensus"
        # the lock's line follows each score saved: nothing is missing any more (it said G-2)
        assert "G-2" not in jury.lock_status.text() and "G-" not in jury.lock_status.text()
        jury.locked_by.setText("Martin Thériault")
        jury.lock_day.setText("2027-04-16")
        jury.lock_time.setText("13:30")
        _shot(dialog, f"bids-jury-quebec-{lang}")
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: asked.append(message) or True)
        qtbot.mouseClick(jury.lock_button, Qt.MouseButton.LeftButton)
        assert read(pf).locked

        dialog.show_tab(3)
        opening = dialog.opening
        opening.opened_by.setText("Martin Thériault, directeur TI")
        opening.day.setText("2027-04-16")
        opening.time.setText("14:00")
        qtbot.mouseClick(opening.open_button, Qt.MouseButton.LeftButton)
        assert read(pf).opened

        dialog.show_tab(4)
        decimal = "," if lang == "fr" else "."
        assert _cells(ranking.results, 0) == ["1", "2"]
        assert _cells(ranking.results, 1) == ["2. Bêta Formation ltée", "1. Alpha Conseil inc."]
        assert _cells(ranking.results, 3) == [f"72{decimal}00", f"80{decimal}00"]
        assert _cells(ranking.results, 6) == [f"13{decimal}56", f"13{decimal}00"]
        assert _cells(ranking.results, 4) == (
            ["90\xa0000,00\xa0$", "100\xa0000,00\xa0$"] if lang == "fr" else ["$90,000.00", "$100,000.00"]
        )
        assert ranking.results.isColumnHidden(5) and not ranking.results.isColumnHidden(4)
        assert ranking.results.horizontalHeaderItem(6).text() == (
            "Pointage final" if lang == "fr" else "Final score"
        )
        assert "Bêta Formation ltée" in ranking.recommended.text()
        _shot(dialog, f"bids-ranking-quebec-{lang}")
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", drive)
    window.actions_by_name["bids"].trigger()
    assert len(asked) == 1
