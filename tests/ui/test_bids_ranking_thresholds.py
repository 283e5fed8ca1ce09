"""Walk 2026-12-07, defect 2, in the app: the Ranking tab states every threshold the
evaluation applies, as the evaluation report's rules do."""

from __future__ import annotations

import pytest

from wizard.core.examples import load_example_with_publishing
from wizard.core.project_file.store import ProjectFile
from wizard.core.publishing.jsonform import table_rows
from wizard.ui.bids_window import BidsWindow


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_ranking_tab_states_every_threshold(window, qtbot, tmp_path, lang):
    """Defect 2: a bid "below the pass threshold" at 72/100 while the rules named only
    70: under Québec's system with optional criteria both thresholds are stated; the
    weighted method (the clean twin) states its one."""
    project, publishing = load_example_with_publishing("training")
    weighted = ProjectFile.create(
        tmp_path / "w.tender", project, origin="example", tables=table_rows(publishing)
    )
    window.set_project(weighted)
    window.actions_by_name[f"lang_{lang}"].trigger()
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show_tab(4)
    text = dialog.ranking.rules.text()
    assert (
        "Threshold: a bid must obtain 70%" if lang == "en" else "Seuil\u00a0: une soumission doit obtenir 70"
    ) in text
    assert "Seuil des critères facultatifs" not in text and "optional criteria:" not in text
    project.evaluation.quebec_weighted = True
    quebec = ProjectFile.create(
        tmp_path / "q.tender", project, origin="example", tables=table_rows(publishing)
    )
    window.set_project(quebec)
    dialog = BidsWindow(window.ctx, window)
    qtbot.addWidget(dialog)
    dialog.show_tab(4)
    lines = dialog.ranking.rules.text().splitlines()
    assert len(lines) == 2 and ("below 70" in lines[0] or "sous 70" in lines[0])
    assert lines[1].startswith(
        "Threshold on the optional criteria: a bid must also obtain 70% of the optional points, 7 of 10"
        if lang == "en"
        else "Seuil des critères facultatifs\u00a0: une soumission doit aussi obtenir 70\u00a0% des points"
    )
