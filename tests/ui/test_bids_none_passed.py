"""Walk 2026-12-07 (Québec, no bid passes), in the app: the Opening tab says why no
envelope was opened and the Ranking tab says no bid passed, not a tie's wording."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from wizard.core.bids import evaluation_entry, opening
from wizard.ui.bids_window import BidsWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from quebec_bids_sample import LOCKED, OPENED, create, record_bid  # noqa: E402

TEXTS = {
    "en": (
        "no bid passed the quality evaluation, so every envelope stays sealed",
        "No recommendation: no bid passed the quality evaluation.",
    ),
    "fr": (
        "aucune soumission n’a réussi l’évaluation de la qualité, toutes les enveloppes restent donc scellées",
        "Aucune recommandation\u00a0: aucune soumission n’a réussi l’évaluation de la qualité.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("keys", [("C",), ("A", "C")], ids=["none-passes", "one-passes"])
def test_the_tabs_say_no_bid_passed(window, qtbot, tmp_path, lang, keys):
    pf = create(tmp_path / "qc.tender")
    for key in keys:
        record_bid(pf, key)
    evaluation_entry.lock_quality(pf, locked_by="Greffière", at=LOCKED)
    opening.open_envelope(pf, opened_by="Greffière", at=OPENED)
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    sealed, ranking = TEXTS[lang]
    none_passes = keys == ("C",)
    assert (sealed in dialog.opening.status.text()) is none_passes
    held = "Opening held on" if lang == "en" else "Séance d’ouverture tenue le"
    assert dialog.opening.status.text().startswith(held) is none_passes
    text = dialog.ranking.recommended.text()
    assert (text == ranking) is none_passes
    assert "ranked first alone" not in text and "seule au premier rang" not in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_only_late_bids_are_not_said_to_fail_the_quality_evaluation(window, qtbot, tmp_path, lang):
    """Review 2026-12-07: a late bid is never evaluated, so "no bid passed the quality
    evaluation" would be false; the tab says no bid can be ranked."""
    from wizard.core.bids import intake
    from wizard.core.bids.record import Bidder

    pf = create(tmp_path / "qc.tender")
    intake.add_bid(pf, bidder=Bidder("Delta Tardive inc."), received_at="2027-05-03T10:00:00-04:00")
    window.set_project(pf)
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    text = dialog.ranking.recommended.text()
    expected = {
        "en": "No recommendation: no bid can be ranked; the table gives each bid's status.",
        "fr": "Aucune recommandation\u00a0: aucune soumission ne peut être classée; le tableau donne "
        "l’état de chacune.",
    }[lang]
    assert text == expected
    assert TEXTS[lang][1] not in text
