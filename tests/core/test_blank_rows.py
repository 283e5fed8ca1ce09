"""Blank rows (issue 15 point 4): a row added and left empty is a finding on that row and
never prints; dropping it never leaves a link to it behind (wizard/core/textclean.py,
wizard/core/checks/rows.py)."""

from __future__ import annotations

import copy
import io
from decimal import Decimal

import docx
import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.rows import _BLANK
from wizard.core.documents.html import preview_html
from wizard.core.domain.numbering import criterion_numbers, label_of, scenario_numbers
from wizard.core.examples import load_example
from wizard.core.export import output_files
from wizard.core.model import (
    ENTITIES,
    Author,
    CostLine,
    Criterion,
    Feature,
    QualityGridItem,
    Scenario,
    Solution,
    Support,
    TcoOption,
)
from wizard.core.steps import step_of_field
from wizard.core.textclean import ROW_CONTENT, blank_rows, clean_project, drop_blank_rows, is_blank_row


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


# -- the table ------------------------------------------------------------------------------


def test_every_list_that_can_be_blank_has_its_finding_on_its_own_step():
    assert [kind for kind, *_rest in _BLANK] == list(ROW_CONTENT)
    for kind, attribute, code, _text_id in _BLANK:
        assert attribute == ROW_CONTENT[kind][0]
        prefix = {"PROJECT": "PR", "SCOPE": "SC", "MARKET": "M", "CRITERIA": "C", "SCENARIOS": "S"}
        prefix |= {"EVALUATION": "E", "TCO": "T", "VENDORS": "V"}
        assert code == f"{prefix[step_of_field(kind).name]}-BLANK-ROW", kind
        assert all(hasattr(ENTITIES[kind](), name) for name in ROW_CONTENT[kind])


@pytest.mark.parametrize("kind", list(ROW_CONTENT))
def test_a_fresh_row_is_blank_and_one_word_makes_it_a_row(kind):
    row = ENTITIES[kind](id=5)
    assert is_blank_row(kind, row)
    name = ROW_CONTENT[kind][0]
    setattr(row, name, "x" if isinstance(getattr(row, name), str) else 1)
    assert not is_blank_row(kind, row)
    setattr(row, name, "  \n\t" if isinstance(getattr(row, name), str) else 0)
    assert is_blank_row(kind, row)


# -- findings --------------------------------------------------------------------------------


def test_two_authors_left_empty_are_findings_and_never_print():
    """The new user's report: "Authors ; ; Alex…" in the decision record."""
    p = load_example("training")
    p.authors[1:1] = [Author(id=7), Author(id=8, name="  ", role=" ")]
    found = [f for f in run_checks(p) if f.code == "PR-BLANK-ROW"]
    assert [(f.field, f.severity.value) for f in found] == [
        ("authors:7.name", "warning"),
        ("authors:8.name", "warning"),
    ]
    assert found[0].message("en") == (
        "This author row is empty: fill it in or delete it. It is left out of the documents."
    )
    assert found[0].message("fr") == (
        "Cette ligne d’auteur est vide\u00a0: remplissez-la ou supprimez-la. Elle est omise des documents."
    )
    record = _text(output_files(p, "fr")["decision-record-fr.docx"])
    assert (
        "Chantal Robichaud, Analyste en technologies de l’information; Éric Savoie, Agent d’approvisionnement"
        in record
    )
    assert "; ;" not in record and ";;" not in record


def test_each_kind_of_blank_row_is_named_on_its_row():
    p = load_example("office-suite")
    for kind in ROW_CONTENT:
        p.rows(kind).append(ENTITIES[kind](id=900))
    found = {(f.code, f.field) for f in run_checks(p) if f.code.endswith("-BLANK-ROW")}
    assert found == {(code, f"{kind}:900.{attribute}") for kind, attribute, code, _t in _BLANK}
    # nothing else speaks of a blank row: no E-DECLARATION for an empty jury member, no
    # T-LINE-OPTION for an empty cost line, no S-ORPHAN for an empty scenario
    others = [f for f in run_checks(p) if ":900." in f.field and not f.code.endswith("-BLANK-ROW")]
    assert others == []


def test_a_blank_row_never_reaches_a_document():
    p = load_example("office-suite")
    before = output_files(p, "both")
    for kind in ROW_CONTENT:
        p.rows(kind).append(ENTITIES[kind](id=900))
    after = output_files(p, "both")
    for name in ("tender-fr.docx", "tender-en.docx", "decision-record-fr.docx", "decision-record-en.docx"):
        assert _text(after[name]) == _text(before[name]), name
    for name in after:
        if name.endswith((".csv", ".json")):
            assert after[name] == before[name] or b"900" not in after[name], name


# -- links -----------------------------------------------------------------------------------


def _linked_project():
    p = load_example("emergency-perimeter")
    p.criteria.insert(1, Criterion(id=50, feature_ids=[1]))  # blank, between OBL-1 and OBL-2
    p.scenarios[0].criterion_ids.append(50)
    p.scenarios.insert(0, Scenario(id=60, criterion_ids=[2]))  # blank, before S-1
    p.evaluation.pilot_scenario_ids = [60, 1, 2]
    p.solutions.append(Solution(id=70))
    p.features.append(Feature(id=80))
    p.support += [
        Support(id=900, solution_id=70, feature_id=1, level="yes"),
        Support(id=901, solution_id=1, feature_id=80),
    ]
    p.criteria[0].feature_ids.append(80)
    p.tco_options.append(TcoOption(id=90))
    p.cost_lines.append(CostLine(id=91, option_id=90))
    p.quality_grid.append(QualityGridItem(id=95))
    return p


def test_dropping_rows_drops_the_links_to_them():
    p = _linked_project()
    saved = copy.deepcopy(p)
    shown = drop_blank_rows(p)
    assert p == saved  # the project itself is never changed
    assert 50 not in {c.id for c in shown.criteria} and 50 not in shown.scenarios[0].criterion_ids
    assert 60 not in {s.id for s in shown.scenarios} and shown.evaluation.pilot_scenario_ids == [1, 2]
    assert 80 not in shown.criteria[0].feature_ids
    assert {s.id for s in shown.support} & {900, 901} == set()
    assert 90 not in {o.id for o in shown.tco_options} and 91 not in {c.id for c in shown.cost_lines}
    assert 95 not in {i.id for i in shown.quality_grid}
    ids = {c.id for c in shown.criteria}
    assert all(i in ids for s in shown.scenarios for i in s.criterion_ids)
    assert drop_blank_rows(shown) is shown and clean_project(shown) is shown


def test_numbers_skip_blank_rows_and_match_the_tender():
    p = _linked_project()
    numbers = criterion_numbers(p, "fr")
    assert 50 not in numbers and numbers[2] == "OBL-2" and numbers[1] == "OBL-1"
    assert scenario_numbers(p) == {1: "S-1", 2: "S-2", 3: "S-3", 4: "S-4"}
    assert label_of(p, "criteria:2.text", "en") == "OBL-2" and label_of(p, "criteria:50.text", "en") == ""
    tender = " ".join(_text(output_files(p, "fr")["tender-fr.docx"]).split())
    assert "S-1 : Suivre les pompiers pendant un incendie de bâtiment" in tender
    plain = " ".join(_text(output_files(load_example("emergency-perimeter"), "fr")["tender-fr.docx"]).split())
    assert tender == plain  # the blank rows and the links to them leave no trace
    html = preview_html(p, "fr")
    assert "S-5" not in html and "OBL-5" not in html  # four of each, as before


def test_a_tco_option_with_a_real_cost_line_is_not_blank():
    p = load_example("office-suite")
    p.tco_options.append(TcoOption(id=90))
    p.cost_lines.append(CostLine(id=91, option_id=90, amount=Decimal("1000")))
    assert ("tco_options", p.tco_options[-1]) not in blank_rows(p)
    assert [f.code for f in run_checks(p) if f.field.startswith("tco_options:90")] != ["T-BLANK-ROW"]
