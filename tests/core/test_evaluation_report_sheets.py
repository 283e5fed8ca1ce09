"""Walk 2026-12-07 (after the bids fixes): the evaluation report says the consensus came
after independent sheets only as far as the sheets hold its scores: no sheet at all, or
one score of one bid, no longer reads as every member's whole sheet."""

from __future__ import annotations

from dataclasses import replace

import bids_record_sample as sample
import pytest
from test_evaluation_outputs import project, text

from wizard.core.documents.evaluation_report import report_document

SHEETED_EN = "by the consensus of the selection committee after each member scored on an independent sheet."
SHEETED_FR = (
    "par consensus du comité de sélection après que chaque membre a évalué sur une grille individuelle."
)


def _body(record, lang: str) -> str:
    return text(report_document(project(), record, lang))


@pytest.mark.parametrize(
    ("lang", "agreed", "sheeted"),
    [
        ("en", "by the consensus of the selection committee. The technical committee", SHEETED_EN),
        ("fr", "par consensus du comité de sélection. Le comité technique", SHEETED_FR),
    ],
)
def test_consensus_without_any_sheet_claims_no_sheet(lang, agreed, sheeted):
    body = _body(replace(sample.clean(), sheets=()), lang)
    assert agreed in body and sheeted not in body
    # the clean twin: two members scored every criterion of every bid
    clean = _body(sample.clean(), lang)
    assert sheeted in clean and agreed not in clean


def test_one_sheet_score_is_not_a_whole_sheet():
    record = sample.clean()
    total = len(record.consensus)
    body = _body(replace(record, sheets=record.sheets[:1]), "en")
    assert (
        f"1 member of the selection committee scored on an independent sheet 1 of the {total} scores "
        "the consensus records on the optional criteria; the others were agreed without an individual sheet."
    ) in body
    assert (
        f"Without the sheet of member 1, which holds 1 of the {total} scores the consensus records:" in body
    )
    assert SHEETED_EN not in body
    fr = _body(replace(record, sheets=record.sheets[:1]), "fr")
    assert f"Sans la grille du membre 1, qui porte 1 des {total} pointages que consigne le consensus" in fr
    assert (
        f"a évalué sur une grille individuelle 1 des {total} pointages que consigne le consensus pour" in fr
    )
    # the clean twin: whole sheets keep the short line
    clean = _body(record, "en")
    assert "Without the sheet of member 1: the same ranking." in clean
    assert "which holds" not in clean


def test_the_report_reads_the_sheets_once(monkeypatch):
    """What the sheets hold is computed once per report: the rules, the evaluation of
    each bid and the sensitivity read the same :class:`SheetCover` (it was built three
    times, once in each)."""
    from wizard.core.documents import evaluation_report

    built = []

    class Counted(evaluation_report.SheetCover):
        def __init__(self, view):
            built.append(view)
            super().__init__(view)

    monkeypatch.setattr(evaluation_report, "SheetCover", Counted)
    record = sample.clean()
    body = _body(replace(record, sheets=record.sheets[:1]), "en")
    assert "Without the sheet of member 1, which holds 1 of the" in body  # the sensitivity read it
    assert "scored on an independent sheet 1 of the" in body  # the evaluations read it
    assert SHEETED_EN not in body  # the rules read it
    assert len(built) == 1
