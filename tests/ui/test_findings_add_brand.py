"""Findings panel: "Add to the brand list" on a possible product name's warning (issue 19).

The town knows that "Zorbex" is a product when no shape rule can: one click puts the
name the warning detected in the project's own brand list, and the check then reports
it as the C-BRAND error. Any other finding shows no such button.
"""

from __future__ import annotations

import pytest

from wizard.core.checks.base import Severity, brand_finding
from wizard.core.checks.problem import check_problem
from wizard.core.model import Criterion, Scenario
from wizard.core.model.defaults import new_project
from wizard.core.project_file.store import ProjectFile
from wizard.core.steps import Step
from wizard.ui.widgets.findings_panel import FINDING_ROLE, names_to_add

UNKNOWN = "The solution must integrate with Zorbex Cloud."
CLEAN = "The solution must integrate with the Town’s accounting system."


@pytest.fixture
def criteria_page(window, tmp_path):
    project = new_project("en")
    project.criteria = [Criterion(id=1, text="Works offline.")]
    window.set_project(ProjectFile.create(tmp_path / "town.tender", project))
    window.wizard.go_to(Step.CRITERIA)
    return window.wizard.currentPage()


def _found(panel):
    items = [panel.list.item(i) for i in range(panel.list.count())]
    return [item.data(FINDING_ROLE) for item in items if item.data(FINDING_ROLE) is not None]


def _select(panel, code, field):
    [row] = [i for i, f in enumerate(_found(panel)) if (f.code, f.field) == (code, field)]
    panel.list.setCurrentRow(row)
    return panel.current()


def _stored(window):
    with ProjectFile.open(window.ctx.pf.path, read_only=True) as pf:
        return pf.project


def test_add_a_possible_name_to_the_brand_list_makes_it_a_brand_error(criteria_page, window):
    panel = criteria_page.findings
    criteria_page.tables["criteria"].set_value(1, "text", UNKNOWN)
    window.ctx.flush()
    field = "criteria:1.text"
    assert [f.code for f in _found(panel) if f.field == field] == ["C-POSSIBLE-BRAND"]
    _select(panel, "C-POSSIBLE-BRAND", field)
    button = panel.brand_button
    assert button.isVisibleTo(panel) and button.isEnabled()
    assert button.text() == "Add to the brand list"
    assert "Zorbex Cloud" in button.toolTip()
    button.click()
    assert [b.name for b in window.ctx.project.extra_brands] == ["Zorbex Cloud"]
    assert [b.name for b in _stored(window).extra_brands] == ["Zorbex Cloud"]  # saved in the file
    here = [f for f in _found(panel) if f.field == field]
    assert [f.code for f in here] == ["C-BRAND"]
    assert here[0].severity == Severity.ERROR and "Zorbex Cloud" in here[0].param("brands")
    # the Criteria step's own list shows the name
    table = criteria_page.tables["extra_brands"]
    assert table.table.rowCount() == 1
    # one action, undone as the others
    window.actions_by_name["undo"].trigger()
    assert [b.name for b in _stored(window).extra_brands] == []
    assert [f.code for f in _found(criteria_page.findings) if f.field == field] == ["C-POSSIBLE-BRAND"]


def test_the_clean_twin_and_other_findings_show_no_button(criteria_page, window):
    panel = criteria_page.findings
    criteria_page.tables["criteria"].set_value(1, "text", CLEAN)
    window.ctx.flush()
    found = _found(panel)
    assert found and not [f for f in found if f.code.endswith("POSSIBLE-BRAND")]
    for row in range(len(found)):
        panel.list.setCurrentRow(row)
        assert not panel.brand_button.isVisibleTo(panel), found[row].code
        assert not panel.brand_button.isEnabled()
    panel.brand_button.click()  # even if reached: nothing added
    assert window.ctx.project.extra_brands == []


def test_a_scenario_s_possible_name_in_french(window, tmp_path):
    project = new_project("fr")
    project.scenarios = [Scenario(id=1, title="Payer", steps=UNKNOWN)]
    window.set_project(ProjectFile.create(tmp_path / "ville.tender", project))
    window.actions_by_name["lang_fr"].trigger()
    window.wizard.go_to(Step.SCENARIOS)
    panel = window.wizard.currentPage().findings
    _select(panel, "S-POSSIBLE-BRAND", "scenarios:1.steps")
    assert panel.brand_button.text() == "Ajouter à la liste des marques"
    assert panel.brand_button.toolTip().startswith(
        "Ajouter Zorbex Cloud aux noms de marques propres au projet"
    )
    panel.brand_button.click()
    assert [b.name for b in window.ctx.project.extra_brands] == ["Zorbex Cloud"]
    # the scenario's codes (its steps are English in a French project: PR-TEXT-LANGUAGE too)
    assert [f.code for f in _found(panel) if f.field == "scenarios:1.steps" and f.code.startswith("S-")] == [
        "S-BRAND"
    ]


def test_a_name_the_check_never_finds_is_refused_in_the_app_s_language(
    criteria_page, window, errors, monkeypatch
):
    window.actions_by_name["lang_fr"].trigger()
    panel = criteria_page.findings
    short = brand_finding(
        "C-POSSIBLE-BRAND", Severity.WARNING, "Possible: {brands}", "criteria:1.text", ["X1"]
    )
    monkeypatch.setattr(panel, "findings", lambda: [short])
    panel.refresh()
    panel.list.setCurrentRow(0)
    assert panel.brand_button.isEnabled()
    panel.brand_button.click()
    assert errors == [
        "Rien n\u2019a été ajouté.\nLa vérification des marques ne peut jamais trouver «\u00a0X1\u00a0» "
        "(un nom doit compter au moins 3 caractères, dont une lettre)."
    ]
    assert window.ctx.project.extra_brands == []


# The problem statement has no possible-name warning of its own: the problem check counts
# a possible name as a brand, the product aimed at (P-SOLUTION) or the system in place
# (P-INCUMBENT), and a listed name the same way. The button shows on those two findings
# while the name is one no list holds; once added, the finding stays (the same code, the
# same name) and the button goes: there is nothing left to add.
STATEMENTS = {
    "en": (
        "The Town currently uses Zorbex Cloud, which can no longer meet our payroll needs.",
        "P-INCUMBENT",
        "Add to the brand list",
    ),
    "fr": (
        "La Ville doit acheter Zorbex Cloud pour payer ses employés.",
        "P-SOLUTION",
        "Ajouter à la liste des marques",
    ),
}


def _statement_page(window, tmp_path, lang, statement):
    project = new_project(lang)
    project.problem.statement = statement
    project.criteria = [Criterion(id=1, text="The solution must export pay slips from Zorbex Cloud.")]
    window.set_project(ProjectFile.create(tmp_path / "town.tender", project))
    window.actions_by_name[f"lang_{lang}"].trigger()
    window.wizard.go_to(Step.PROBLEM)
    return window.wizard.currentPage()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_possible_name_in_the_statement_goes_to_the_brand_list(window, tmp_path, lang):
    statement, code, label = STATEMENTS[lang]
    page = _statement_page(window, tmp_path, lang, statement)
    panel = page.findings
    field = "problem.statement"
    before = [(f.code, f.param("brands") or f.param("target")) for f in _found(panel) if f.field == field]
    assert (code, "Zorbex Cloud" if code == "P-INCUMBENT" else "acheter Zorbex Cloud") in before
    _select(panel, code, field)
    button = panel.brand_button
    assert button.isVisibleTo(panel) and button.isEnabled() and button.text() == label
    assert "Zorbex Cloud" in button.toolTip()
    button.click()
    assert [b.name for b in window.ctx.project.extra_brands] == ["Zorbex Cloud"]
    assert [b.name for b in _stored(window).extra_brands] == ["Zorbex Cloud"]
    # a listed name: the statement's findings are what they were, the button is gone
    after = [(f.code, f.param("brands") or f.param("target")) for f in _found(panel) if f.field == field]
    assert after == before
    _select(panel, code, field)
    assert not panel.brand_button.isVisibleTo(panel) and not panel.brand_button.isEnabled()
    # the criterion that names it is now a brand requirement (keep the name out of the criteria)
    criteria = [f.code for f in window.ctx.findings() if f.field == "criteria:1.text"]
    assert "C-BRAND" in criteria and "C-POSSIBLE-BRAND" not in criteria
    window.actions_by_name["undo"].trigger()  # one action
    assert [b.name for b in _stored(window).extra_brands] == []
    _select(page.findings, code, field)
    assert page.findings.brand_button.isVisibleTo(page.findings)


@pytest.mark.parametrize(
    ("statement", "code"),
    [
        # a name of the bundled list: the check knows it already
        ("The Town currently uses Microsoft Exchange, which can no longer meet our needs.", "P-INCUMBENT"),
        # a solution type, no name
        ("The Town must buy a payroll system.", "P-SOLUTION"),
    ],
)
def test_a_statement_finding_without_a_possible_name_has_no_button(window, tmp_path, statement, code):
    page = _statement_page(window, tmp_path, "en", statement)
    panel = page.findings
    found = [f for f in _found(panel) if f.field == "problem.statement"]
    assert code in [f.code for f in found]
    for row in range(len(_found(panel))):
        panel.list.setCurrentRow(row)
        assert not panel.brand_button.isVisibleTo(panel), _found(panel)[row].code
    panel.brand_button.click()  # even if reached: nothing added
    assert window.ctx.project.extra_brands == []


def _offered(statement: str, organization: str = "") -> dict[str, list[str]]:
    project = new_project("en")
    project.info.organization = organization
    project.problem.statement = statement
    return {
        f.code: names_to_add(f, project)
        for f in check_problem(project)
        if f.code in ("P-SOLUTION", "P-INCUMBENT")
    }


def test_the_button_offers_the_finding_s_own_names_never_the_town_s_name() -> None:
    # the town's own name is no product: the statement is read with the organization
    statement = "Staff currently use Civicus, and the existing Dorchester arena kiosk breaks down weekly."
    assert _offered(statement, "Village of Dorchester") == {"P-INCUMBENT": ["Civicus"]}
    # clean twin: another town, the same names offered
    assert _offered(
        "Staff currently use Civicus, and the kiosk breaks down weekly.", "Village of Dorchester"
    ) == {"P-INCUMBENT": ["Civicus"]}


def test_the_button_offers_only_the_target_the_finding_reports() -> None:
    # P-SOLUTION reports its first target: a name aimed at in another sentence is not offered
    assert _offered("We must buy Zorbex Cloud. We must also buy Quillex Pay.") == {
        "P-SOLUTION": ["Zorbex Cloud"]
    }
    assert _offered("We must buy Zorbex Cloud.") == {"P-SOLUTION": ["Zorbex Cloud"]}
