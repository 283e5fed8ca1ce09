"""The award panel offers only the bids the core would accept (``award_rule.
award_choices``) and says, under the list, why each other bid cannot be awarded, in the
core's own refusal (the panel offered bid 2, failing OBL-4, and bid 3, below the pass
threshold, of the bundled training example; the core refused them only once picked)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wizard.core.bids.jsonform import record_tables
from wizard.core.bids.record import read
from wizard.core.examples import load_example_with_records
from wizard.core.project_file.store import ProjectFile
from wizard.ui.bids_window import BidsWindow

SET_ASIDE = {
    "en": [
        "Bid 2 fails the mandatory criterion OBL-4: the published rules set it aside, it cannot be awarded.",
        "Bid 3 is below the pass threshold: the published rules set it aside, it cannot be awarded.",
        "Bid 4 was received after the closing: it is kept on record, its price workbook was never "
        "opened, and it cannot be awarded.",
    ],
    "fr": [
        "La soumission 2 échoue au critère obligatoire OBL-4\u00a0: les règles publiées l’écartent, le "
        "contrat ne peut pas lui être adjugé.",
        "La soumission 3 est sous le seuil de passage\u00a0: les règles publiées l’écartent, le contrat ne "
        "peut pas lui être adjugé.",
        "La soumission 4 a été reçue après la clôture\u00a0: elle est consignée au dossier, son bordereau "
        "de prix n’a jamais été ouvert et le contrat ne peut pas lui être adjugé.",
    ],
}


def _ranking(window, qtbot, tmp_path, lang: str):
    project, publishing, bids = load_example_with_records("training")
    pf = ProjectFile.create(
        tmp_path / "t.tender", project, origin="example", tables=record_tables(publishing, bids)
    )
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_tab(4)
    return pf, dialog.ranking


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_panel_offers_only_the_bid_the_rules_keep_and_says_why_not_the_others(
    window, qtbot, tmp_path, lang
):
    _pf, ranking = _ranking(window, qtbot, tmp_path, lang)
    combo = ranking.award_bid
    assert [combo.itemData(i) for i in range(combo.count())] == [None, 1]
    assert combo.itemText(1) == "1. Apprentissage Fundy inc."  # the clean twin: ranked first, offered
    assert ranking.set_aside.text().split("\n") == SET_ASIDE[lang]
    assert not ranking.set_aside.isHidden()


def test_recording_the_offered_bid_meets_no_refusal(window, qtbot, tmp_path, errors):
    pf, ranking = _ranking(window, qtbot, tmp_path, "en")
    ranking.award_bid.setCurrentIndex(ranking.award_bid.findData(1))
    ranking.resolution_number.setText("2027-05-119")
    qtbot.mouseClick(ranking.award_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert read(pf).award.resolution_number == "2027-05-119"
    assert [ranking.award_bid.itemData(i) for i in range(ranking.award_bid.count())] == [None, 1]


def test_an_award_an_older_file_holds_on_a_set_aside_bid_stays_shown(window, qtbot, tmp_path):
    """A file recorded before the refusal may hold an award to bid 3 (below the pass
    threshold; BD-WINNER-FAILS): the panel shows that award as it is, with the reason
    below, rather than "No award", which a click on the button would then record."""
    project, publishing, bids = load_example_with_records("training")
    pf = ProjectFile.create(
        tmp_path / "t.tender", project, origin="example", tables=record_tables(publishing, bids)
    )
    with pf.db.conn:
        pf.db.execute("UPDATE award SET bid_id = 3")
    assert read(pf).award.bid_id == 3
    window.set_project(pf)
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.show_tab(4)
    ranking = dialog.ranking
    combo = ranking.award_bid
    assert [combo.itemData(i) for i in range(combo.count())] == [None, 1, 3]
    assert combo.currentData() == 3
    assert SET_ASIDE["en"][1] in ranking.set_aside.text().split("\n")
