"""Tender ▸ Bids and evaluation… (docs/bids.md, "In the app"), with the real buttons: a
clerk records bids (one late), attaches a sealed price workbook, the committee passes
the mandatory criteria, two members fill their own sheets, the consensus settles the
divergence, the quality scores are locked, the price envelope is opened, and the
ranking and its sensitivity follow. Screenshots of every tab as on a 1366×768 screen, in both
languages are written where ``OPW_SHOTS`` says (a folder), to look at.

The expected figures, by hand: 10 optional criteria, weights 70/30. Bid 1 (Formation
Acadie) has 9 points at $100,000: 63 + 30 × 80 000 ÷ 100 000 = 87. Bid 2 (Numérique
Chaleur) has 7 points at $80,000 (the lowest): 49 + 30 = 79. Without a member's sheet,
bid 1 keeps 8 or 9 points (80 or 87): the same winner; with the linear formula bid 1
scores 63 + 30 × (1 − 20 000 ÷ 80 000) = 85.5.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from wizard.core.bids import evaluation_entry, intake
from wizard.core.bids.record import Bidder, read
from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows
from wizard.ui import dialogs
from wizard.ui.bids_window import BidsWindow, fitted

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from bids_sample import fill, score_all  # noqa: E402

OPTIONAL = list(range(6, 16))
MANDATORY = [1, 2, 3, 4, 5]
PRICES = {
    "Formation Acadie inc.": {"one_off.implementation": [50000], "recurring.subscriptions": [10000] * 5},
    "Numérique Chaleur ltée": {"one_off.implementation": [40000], "recurring.subscriptions": [8000] * 5},
}


LAPTOP = fitted(QSize(1366, 768))
"""The window as it opens on a 1366×768 screen, whatever the test's screen."""


def _shot(widget, name: str) -> None:
    folder = os.environ.get("OPW_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _published(window, tmp_path, quebec: bool = False) -> ProjectFile:
    project, publishing = load_example_with_publishing("training")
    project.evaluation.quebec_weighted = quebec
    pf = ProjectFile.create(tmp_path / "t.tender", project, origin="example", tables=table_rows(publishing))
    window.set_project(pf)
    return pf


def _click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type(edit: QLineEdit, text: str) -> None:
    edit.setText(text)
    edit.editingFinished.emit()


def _record_bid(qtbot, tab, name: str, time: str) -> None:
    _click(qtbot, tab.new_button)
    tab.fields["legal_name"].setText(name)
    tab.fields["business_number"].setText("123456789RC0001")
    tab.fields["contact_name"].setText("Julie Leblanc")
    tab.received_day.setText("2027-04-16")
    tab.received_time.setText(time)
    tab.addenda_checks[1].setChecked(True)
    _click(qtbot, tab.save_button)


def _points(tab, points: dict[int, int], reason: str) -> None:
    for criterion, value in points.items():
        row = OPTIONAL.index(criterion)  # the rows follow the tender's optional criteria
        combo = tab.points.cellWidget(row, 1)
        _type(tab.points.cellWidget(row, 2), reason)
        combo.setCurrentIndex(combo.findData(value))


def _choose(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def _cells(view, column: int) -> list[str]:
    return [view.item(r, column).text() for r in range(view.rowCount())]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_bids_sheets_lock_opening_ranking_and_sensitivity_with_the_real_buttons(
    window, qtbot, tmp_path, monkeypatch, lang
):
    pf = _published(window, tmp_path)
    window.actions_by_name[f"lang_{lang}"].trigger()
    window._enable_actions()
    assert window.actions_by_name["bids"].isEnabled()
    for name, amounts in PRICES.items():
        (tmp_path / f"{name}.xlsx").write_bytes(fill(pf.project, amounts))
    checked: list[str] = []

    def drive(dialog: BidsWindow) -> int:
        dialog.resize(LAPTOP)
        dialog.show()
        qtbot.waitExposed(dialog)
        bids = dialog.bids
        for name, time in (("Formation Acadie inc.", "10:12"), ("Numérique Chaleur ltée", "10:40")):
            _record_bid(qtbot, bids, name, time)
            monkeypatch.setattr(dialogs, "ask_open_path", lambda *a, n=name: tmp_path / f"{n}.xlsx")
            _click(qtbot, bids.attach_button)
        bids.trade_secret.setText("Annexe C, tarifs unitaires")
        bids.publish_names.setChecked(True)
        _click(qtbot, bids.save_button)
        _record_bid(qtbot, bids, "Retard inc.", "11:04")  # the closing is 11:00 (addendum 1)
        _record_bid(qtbot, bids, "Retard inc.", "11:04")  # entered twice by mistake
        removed: list[str] = []
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: removed.append(message) or True)
        _click(qtbot, bids.remove_button)
        assert bids.bid_list.count() == 3 and "Retard inc." in removed[0]
        record = read(pf)
        assert [(b.bidder.legal_name, b.late) for b in record.bids] == [
            ("Formation Acadie inc.", False),
            ("Numérique Chaleur ltée", False),
            ("Retard inc.", True),
        ]
        assert record.bids[1].trade_secret == "Annexe C, tarifs unitaires" and record.bids[1].publish_names
        assert all(b.acknowledged_addenda == (1,) for b in record.bids)
        assert bids.late_label.text().startswith("Re") and not bids.attach_button.isEnabled()
        bids.bid_list.setCurrentRow(0)
        sealed = bids.sealed_label.text()
        sha = record.bids[0].workbook_sha256
        assert f"{sha[:4]} {sha[4:8]}" in sealed and "$" not in sealed and "100" not in sealed
        assert record.bids[0].evaluated_price is None  # sealed
        bids.bid_list.setCurrentRow(2)
        _shot(dialog, f"bids-bids-{lang}")

        dialog.show_tab(1)
        verification = dialog.verification
        for bid_id in (1, 2):
            _choose(verification.bid, bid_id)
            for row in range(verification.mandatory.rowCount()):
                _type(verification.mandatory.cellWidget(row, 2), f"Soumission {bid_id}, section {row + 1}")
                _choose(verification.mandatory.cellWidget(row, 1), True)
        _choose(verification.scenarios.cellWidget(0, 1), "confirmed")
        _type(verification.scenarios.cellWidget(0, 3), "2027-04-20")
        _shot(dialog, f"bids-verification-{lang}")
        assert {(m.bid_id, m.criterion_id, m.passed) for m in read(pf).mandatory} == {
            (b, c, True) for b in (1, 2) for c in MANDATORY
        }
        [verified] = read(pf).verifications
        assert (verified.bid_id, verified.result, verified.verified_on) == (2, "confirmed", "2027-04-20")

        dialog.show_tab(4)
        before = _cells(dialog.ranking.variants, 1)

        dialog.show_tab(2)
        jury = dialog.jury
        sheets = {
            1: {1: {c: int(c <= 14) for c in OPTIONAL}, 2: {c: int(c <= 12) for c in OPTIONAL}},
            2: {1: {c: int(c <= 13) for c in OPTIONAL}, 2: {c: int(c <= 12) for c in OPTIONAL}},
        }  # member -> bid -> criterion -> points: they differ on bid 1, criterion 14 (OPT-9)
        for member in (1, 2):
            _choose(jury.sheet, member)
            for bid_id in (1, 2):
                _choose(jury.bid, bid_id)
                if member == 2:  # independent sheets: member 1's points are not shown
                    assert all(
                        jury.points.cellWidget(r, 1).currentData() is None for r in range(len(OPTIONAL))
                    )
                _points(jury, sheets[member][bid_id], f"Membre {member}")
        _choose(jury.sheet, -1)
        divergences = [jury.divergences.item(i).text() for i in range(jury.divergences.count())]
        assert len(divergences) == 1 and "Formation Acadie inc." in divergences[0]
        assert "-9" in divergences[0] and "Nathalie Cormier 1" in divergences[0]
        for bid_id in (1, 2):
            _choose(jury.bid, bid_id)
            _click(qtbot, jury.agree_button)
        _choose(jury.bid, 1)
        _points(jury, {14: 1}, "La soumission le montre, section 4.2")
        jury.locked_by.setText("Martin Thériault")
        jury.lock_day.setText("2027-04-16")
        jury.lock_time.setText("13:30")
        _shot(dialog, f"bids-jury-{lang}")
        assert sorted((c.bid_id, c.points) for c in read(pf).consensus if c.criterion_id == 14) == [
            (1, 1),
            (2, 0),
        ]
        monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, message: checked.append(message) or True)
        _click(qtbot, jury.lock_button)
        assert read(pf).quality_locked_at == "2027-04-16T13:30:00-03:00" and not jury.lock_button.isEnabled()

        dialog.show_tab(3)
        opening = dialog.opening
        opening.opened_by.setText("Martin Thériault, directeur TI")
        opening.witnesses.setText("Monique Landry, Luc Melanson")
        opening.day.setText("2027-04-16")
        opening.time.setText("14:00")
        _click(qtbot, opening.open_button)
        record = read(pf)
        assert record.opening is not None and record.opening.opened_at == "2027-04-16T14:00:00-03:00"
        assert [str(b.evaluated_price) for b in record.bids[:2]] == ["100000", "80000"]
        assert record.bids[2].evaluated_price is None  # late: never opened
        prices = _cells(opening.prices, 4)
        assert "100" in prices[0] and "80" in prices[1] and prices[2] == "—"
        _shot(dialog, f"bids-opening-{lang}")

        dialog.show_tab(4)
        ranking = dialog.ranking
        assert _cells(ranking.results, 0)[:2] == ["1", "2"]
        assert _cells(ranking.results, 1)[:2] == ["1. Formation Acadie inc.", "2. Numérique Chaleur ltée"]
        decimal = "," if lang == "fr" else "."
        assert _cells(ranking.results, 6)[:2] == [f"87{decimal}00", f"79{decimal}00"]
        # the evaluated price, as the evaluation report's scores table gives it (walk 2026-12-07)
        assert ranking.results.horizontalHeaderItem(4).text() == (
            "Prix évalué" if lang == "fr" else "Evaluated price"
        )
        assert _cells(ranking.results, 4) == (
            ["100\xa0000,00\xa0$", "80\xa0000,00\xa0$", "—"]
            if lang == "fr"
            else ["$100,000.00", "$80,000.00", "—"]
        )
        assert "Formation Acadie inc." in ranking.recommended.text()
        after = _cells(ranking.variants, 1)
        assert before == ["—"] and after == ["1. Formation Acadie inc."] * 3
        assert "Nathalie Cormier" in ranking.variants.item(0, 0).text()
        assert ("linéaire" if lang == "fr" else "linear") in ranking.variants.item(2, 0).text()
        ranking.resolution_number.setText("2027-05-118")
        ranking.resolution_date.setText("2027-05-10")
        ranking.signatory.setText("Martin Thériault")
        ranking.standstill.setValue(10)
        _click(qtbot, ranking.award_button)
        award = read(pf).award
        assert award is not None and (award.bid_id, award.standstill_days) == (1, 10)
        assert award.resolution_number == "2027-05-118"
        _shot(dialog, f"bids-ranking-{lang}")
        return 0

    monkeypatch.setattr(dialogs, "run_dialog", drive)
    window.actions_by_name["bids"].trigger()
    assert len(checked) == 1  # the lock asked first


def test_the_menu_entry_waits_for_the_publication(open_window):
    assert not open_window.actions_by_name["bids"].isEnabled()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "Verrouillez les pointages de qualité"), ("en", "Lock the quality scores before opening")],
)
def test_opening_before_the_lock_is_refused_with_the_core_message(
    window, qtbot, tmp_path, errors, lang, expected
):
    """Québec's weighted system keeps quality and price in two envelopes: the core
    refuses, and the window shows its message in the app's language, not a traceback."""
    pf = _published(window, tmp_path, quebec=True)
    bid_id = intake.add_bid(
        pf, bidder=Bidder("Formation Acadie inc."), received_at="2027-04-16T10:12:00-03:00"
    )
    intake.attach_workbook(pf, bid_id, fill(pf.project, PRICES["Formation Acadie inc."]))
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show_tab(3)
    dialog.opening.opened_by.setText("Martin Thériault")
    dialog.opening.day.setText("2027-04-16")
    dialog.opening.time.setText("14:00")
    _click(qtbot, dialog.opening.open_button)
    assert len(errors) == 1 and errors[0].startswith(expected) and "Traceback" not in errors[0]
    assert read(pf).opening is None
    score_all(pf, bid_id)
    evaluation_entry.lock_quality(pf, at="2027-04-16T13:00:00-03:00")
    dialog.show_tab(3)
    _click(qtbot, dialog.opening.open_button)
    assert read(pf).opening is not None and len(errors) == 1


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_bundled_example_shows_its_whole_evaluation(window, qtbot, tmp_path, lang):
    """The training example as bundled (docs/bids.md, "JSON and the bundled example"):
    four bids, the lock, the opening and the award, read by every tab."""
    from wizard.core.bids.jsonform import record_tables
    from wizard.core.examples import load_example_with_records

    project, publishing, bids = load_example_with_records("training")
    pf = ProjectFile.create(
        tmp_path / "t.tender", project, origin="example", tables=record_tables(publishing, bids)
    )
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.resize(LAPTOP)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.show_tab(4)
    ranking = dialog.ranking
    assert (
        _cells(ranking.results, 0)[0] == "1" and "Apprentissage Fundy inc." in _cells(ranking.results, 1)[0]
    )
    assert "Apprentissage Fundy inc." in ranking.recommended.text()
    assert ranking.award_bid.currentText().endswith("Apprentissage Fundy inc.")
    assert ranking.resolution_number.text() == "2027-05-118" and ranking.standstill.value() == 10
    _shot(dialog, f"bids-ranking-example-{lang}")
    dialog.show_tab(3)
    states = dict(zip(_cells(dialog.opening.prices, 0), _cells(dialog.opening.prices, 2), strict=True))
    late = next(text for name, text in states.items() if "Campus Express inc." in name)
    assert late == ("En retard\u00a0: jamais ouverte" if lang == "fr" else "Late: never opened")
    assert not dialog.opening.open_button.isEnabled()
    dialog.show_tab(2)
    assert not dialog.jury.lock_button.isEnabled() and not dialog.jury.points.cellWidget(0, 1).isEnabled()


def test_a_bid_set_aside_before_the_opening_stays_sealed(window, qtbot, tmp_path):
    pf = _published(window, tmp_path)
    bid_id = intake.add_bid(
        pf, bidder=Bidder("Formation Acadie inc."), received_at="2027-04-16T10:12:00-03:00"
    )
    intake.attach_workbook(pf, bid_id, fill(pf.project, PRICES["Formation Acadie inc."]))
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    bids = dialog.bids
    bids.bid_list.setCurrentRow(0)
    bids.rejected.setText("Bordereau non signé")
    _click(qtbot, bids.save_button)
    assert read(pf).bids[0].rejected == "Bordereau non signé"
    assert "rejected" in bids.bid_list.item(0).text()
    dialog.show_tab(3)
    assert _cells(dialog.opening.prices, 2) == ["Rejected: Bordereau non signé"]
    assert _cells(dialog.opening.prices, 4) == ["—"]


def test_the_award_panel_records_the_dates_and_value_that_start_the_follow_up(
    window, qtbot, tmp_path, errors
):
    """Walk 2026-12-06, defect 1: the panel had no field for the award date, the
    contract's signature date or its value, so an app-only user could never start the
    contract's follow-up. With the real button: the fields are saved (the value as a
    French user types it), the follow-up starts, and a panel left as shown changes
    nothing."""
    from wizard.core.bids.jsonform import record_tables
    from wizard.core.contract.record import read as read_contract
    from wizard.core.examples import load_example_with_records

    project, publishing, bids = load_example_with_records("training")
    pf = ProjectFile.create(
        tmp_path / "t.tender", project, origin="example", tables=record_tables(publishing, bids)
    )
    evaluation_entry.set_award(pf, 1, awarded_on="", contract_signed_on="", contract_value="")
    assert read_contract(pf) is None
    window.set_project(pf)
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show_tab(4)
    ranking = dialog.ranking
    # a value cleared is the awarded bid's evaluated price again (walk 2026-12-07, defect 1)
    assert (ranking.awarded_on.text(), ranking.signed_on.text(), ranking.contract_value.text()) == (
        "",
        "",
        "95,502.70",  # in the app language (English here)
    )
    ranking.awarded_on.setText("2027-05-11")
    ranking.signed_on.setText("2027-05-25")
    ranking.contract_value.setText("95 502,70")
    _click(qtbot, ranking.award_button)
    assert errors == []
    award = read(pf).award
    assert award is not None
    assert (award.awarded_on, award.contract_signed_on, str(award.contract_value)) == (
        "2027-05-11",
        "2027-05-25",
        "95502.70",
    )
    assert award.resolution_number == "2027-05-118" and award.standstill_days == 10
    contract = read_contract(pf)
    assert contract is not None and contract.signed_on == "2027-05-25"
    assert ranking.contract_value.text() == "95,502.70"  # the English grouping
    _click(qtbot, ranking.award_button)
    assert read(pf).award == award
