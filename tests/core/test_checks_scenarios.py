"""Test scenario checks."""

from __future__ import annotations

from wizard.core.checks.scenarios import check_scenarios
from wizard.core.model import CommitteeMember, Criterion, Project, Scenario


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


def test_cover_names_each_uncovered_mandatory_criterion():
    found = check_scenarios(project())
    assert [(f.code, f.field, f.message("en")) for f in found] == [
        (
            "S-COVER",
            "scenarios",
            "Mandatory criterion 3 is to be verified by a scenario, but no scenario covers it: "
            "add one, or choose another verification.",
        ),
    ]


def test_cover_satisfied_by_a_scenario_or_another_verification():
    p = project()
    p.criteria[2].verification = "software_access"
    assert check_scenarios(p) == []


def test_orphan_and_brand():
    p = project()
    p.criteria[2].verification = "document"
    p.scenarios.append(Scenario(id=2, title="Sign in", steps="Sign in with Okta", criterion_ids=[99]))
    assert sorted((f.code, f.field) for f in check_scenarios(p)) == [
        ("S-BRAND", "scenarios:2.steps"),
        ("S-ORPHAN", "scenarios:2.criterion_ids"),
    ]


def test_committee_is_needed_to_run_scenarios():
    p = project()
    p.criteria[2].verification = "document"
    p.committee = []
    assert [f.code for f in check_scenarios(p)] == ["S-COMMITTEE"]
