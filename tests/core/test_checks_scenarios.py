"""Test scenario checks (docs/cases.md K32, K36)."""

from __future__ import annotations

import io

import docx

from wizard.core.checks import run_checks
from wizard.core.checks.scenarios import check_scenarios
from wizard.core.examples import load_example
from wizard.core.export import output_files
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import CommitteeMember, Criterion, Project, Scenario
from wizard.core.model.defaults import new_project


def project() -> Project:
    p = Project()
    p.committee = [CommitteeMember(id=1, name="Sam Roy")]
    p.criteria = [
        Criterion(id=1, text="Issue a permit online", verification="scenario"),
        Criterion(id=2, text="Hosted in Canada", verification="document"),
        Criterion(id=3, text="Print a permit", verification="scenario"),
        Criterion(id=4, text="Optional extra", kind="optional", verification="scenario"),
    ]
    p.scenarios = [Scenario(id=1, title="Online permit", steps="Apply, pay, receive", criterion_ids=[1])]
    return p


def test_cover_names_each_uncovered_criterion_by_its_number_optional_ones_too():
    found = check_scenarios(project())
    assert [(f.code, f.field, f.severity.value, f.message("en")) for f in found] == [
        (
            "S-COVER",
            "scenarios",
            "warning",
            "Criterion OBL-3 is to be verified by a scenario, but no scenario covers it, so the tender "
            "shows a placeholder: add a scenario, or choose another verification.",
        ),
        (
            "S-COVER",
            "scenarios",
            "warning",
            "Criterion OPT-1 is to be verified by a scenario, but no scenario covers it, so the tender "
            "shows a placeholder: add a scenario, or choose another verification.",
        ),
    ]
    assert [f.message("fr") for f in found] == [
        "Le critère OBL-3 doit être vérifié par un scénario, mais aucun scénario ne le couvre, si bien "
        "que l’appel d’offres affiche un espace à compléter\u00a0: ajoutez un scénario ou choisissez un autre "
        "mode de vérification.",
        "Le critère OPT-1 doit être vérifié par un scénario, mais aucun scénario ne le couvre, si bien "
        "que l’appel d’offres affiche un espace à compléter\u00a0: ajoutez un scénario ou choisissez un autre "
        "mode de vérification.",
    ]


def test_cover_satisfied_by_a_scenario_or_another_verification():
    p = project()
    p.criteria[2].verification = "software_access"
    p.scenarios[0].criterion_ids = [1, 4]
    assert check_scenarios(p) == []


def test_a_blank_scenario_covers_nothing():
    """A scenario left empty is not printed: the criterion it links is uncovered in the tender."""
    p = project()
    p.criteria[2].verification = p.criteria[3].verification = "document"
    p.scenarios[0].criterion_ids = []
    p.scenarios.append(Scenario(id=2, criterion_ids=[1]))
    found = run_checks(p)
    cover = [f.message("en") for f in found if f.code == "S-COVER"]
    assert cover == [
        "Criterion OBL-1 is to be verified by a scenario, but no scenario covers it, so the tender shows "
        "a placeholder: add a scenario, or choose another verification."
    ]
    assert [(f.code, f.field) for f in found if f.code == "S-BLANK-ROW"] == [
        ("S-BLANK-ROW", "scenarios:2.title")
    ]


def test_orphan_and_brand_name_the_scenario_by_its_number():
    p = project()
    p.criteria[2].verification = p.criteria[3].verification = "document"
    p.scenarios.append(Scenario(id=2, title="Sign in", steps="Sign in with Okta", criterion_ids=[99]))
    found = check_scenarios(p)
    assert sorted((f.code, f.field) for f in found) == [
        ("S-BRAND", "scenarios:2.steps"),
        ("S-ORPHAN", "scenarios:2.criterion_ids"),
    ]
    messages = {f.code: (f.message("en"), f.message("fr")) for f in found}
    assert messages["S-ORPHAN"] == (
        "Scenario S-2 tests no criterion: link it to the criteria it verifies.",
        "Le scénario S-2 ne teste aucun critère\u00a0: reliez-le aux critères qu’il vérifie.",
    )
    assert messages["S-BRAND"][0].startswith("Brand or product name in scenario S-2: Okta.")


def test_committee_is_needed_to_run_scenarios():
    p = project()
    p.criteria[2].verification = p.criteria[3].verification = "document"
    p.committee = []
    assert [f.code for f in check_scenarios(p)] == ["S-COMMITTEE"]


def test_k36_the_training_example_optional_criterion_without_scenario():
    """docs/cases.md K36: the training example's O-1 (OPT-1) is verified "by scenario" and
    no scenario covers it; the tender printed a placeholder while check said 0 errors.
    The example now has S-5 for it: the test takes that link away."""
    p = _training_without_opt1_scenario()
    found = [f for f in run_checks(p) if f.code == "S-COVER"]
    assert [(f.field, f.message("fr")) for f in found] == [
        (
            "scenarios",
            "Le critère OPT-1 doit être vérifié par un scénario, mais aucun scénario ne le couvre, si bien "
            "que l’appel d’offres affiche un espace à compléter\u00a0: ajoutez un scénario ou choisissez un "
            "autre mode de vérification.",
        )
    ]
    assert p.criteria[5].kind == "optional" and p.criteria[5].id == 6  # row 6 is OPT-1


def _cells(files: dict[str, bytes], name: str) -> list[str]:
    document = docx.Document(io.BytesIO(files[name]))
    return [c.text for t in document.tables for r in t.rows for c in r.cells]


def _training_without_opt1_scenario():
    p = load_example("training")
    for scenario in p.scenarios:
        scenario.criterion_ids = [i for i in scenario.criterion_ids if i != 6]
    return p


def test_k36_the_placeholder_goes_with_the_finding():
    p = _training_without_opt1_scenario()
    assert PLACEHOLDER in _cells(output_files(p, "fr"), "tender-fr.docx")  # O-1's verification
    p.scenarios[0].criterion_ids.append(6)
    assert [f for f in run_checks(p) if f.code == "S-COVER"] == []
    assert PLACEHOLDER not in _cells(output_files(p, "fr"), "tender-fr.docx")


def test_k32_new_project_numbers_follow_the_document():
    p = new_project("en")
    p.criteria = [
        Criterion(id=8, text="Export to CSV", kind="optional", verification="scenario"),
        Criterion(id=9, text="Sign in with SAML 2.0", verification="scenario"),
    ]
    found = [f.message("en") for f in run_checks(p) if f.code == "S-COVER"]
    assert found == [
        "Criterion O-1 is to be verified by a scenario, but no scenario covers it, so the tender shows "
        "a placeholder: add a scenario, or choose another verification.",
        "Criterion M-1 is to be verified by a scenario, but no scenario covers it, so the tender shows "
        "a placeholder: add a scenario, or choose another verification.",
    ]
