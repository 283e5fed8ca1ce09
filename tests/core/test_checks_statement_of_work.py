"""Checks of the statement of work and contract terms: each finding with a project that
triggers it and its clean twin (docs/checks.md)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from wizard.core.checks import findings_for
from wizard.core.checks.statement_of_work import check_statement_of_work, term_years
from wizard.core.documents.record_findings import SENTENCES
from wizard.core.model import Project
from wizard.core.steps import Step, step_of_field


def clean() -> Project:
    """A hosted, mission-critical system with personal information whose terms say
    everything: no finding."""
    p = Project()
    p.scope = replace(p.scope, vendor_hosting=True, mission_critical=True, personal_information=True)
    p.statement_of_work = replace(p.statement_of_work, object="A hosted records management system")
    return p


def found(p: Project) -> list[tuple[str, str]]:
    return sorted((f.code, f.field) for f in check_statement_of_work(p))


def with_work(**changes: object) -> Project:
    p = clean()
    p.statement_of_work = replace(p.statement_of_work, **changes)
    return p


def test_the_clean_project_has_no_finding():
    assert found(clean()) == []
    assert term_years(clean()) == 5  # 3 years, then 2 renewals of 1 year


def test_no_object():
    assert found(with_work(object="  ")) == [("SW-OBJECT", "statement_of_work.object")]


@pytest.mark.parametrize(
    "name",
    ["availability_pct", "response_critical_hours", "resolution_major_hours", "resolution_minor_hours"],
)
def test_hosted_without_service_levels(name):
    zero = Decimal(0) if name.endswith("_pct") else 0
    p = with_work(**{name: zero})
    assert found(p) == [("SW-HOSTED-SLA", f"statement_of_work.{name}")]
    p.scope = replace(p.scope, vendor_hosting=False)  # in-house: the Town runs it itself
    assert found(p) == []


def test_hosted_names_the_first_missing_level_once():
    p = with_work(availability_pct=Decimal(0), response_minor_hours=0)
    assert found(p) == [("SW-HOSTED-SLA", "statement_of_work.availability_pct")]


@pytest.mark.parametrize(("name", "field"), [("rto_hours", "rto_hours"), ("rpo_hours", "rpo_hours")])
def test_mission_critical_without_recovery_objectives(name, field):
    p = with_work(**{name: 0})
    (finding,) = check_statement_of_work(p)
    assert (finding.code, finding.field, finding.severity) == (
        "SW-RECOVERY",
        f"statement_of_work.{field}",
        "warning",
    )
    p.scope = replace(p.scope, mission_critical=False)
    assert found(p) == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"liability_cap": "cap_unstated"}, "liability_cap", "not stated"),
        ({"liability_cap": "cap_unlimited"}, "liability_cap", "unlimited"),
        ({"liability_cap_multiple": Decimal(0)}, "liability_cap_multiple", "0 times"),
    ],
)
def test_liability_not_capped(changes, field, words):
    (finding,) = check_statement_of_work(with_work(**changes))
    assert (finding.code, finding.field) == ("SW-LIABILITY", f"statement_of_work.{field}")
    assert words in finding.message("en")
    assert finding.message("fr") != finding.message("en")


def test_a_zero_multiple_with_an_unlimited_liability_is_one_finding():
    p = with_work(liability_cap="cap_unlimited", liability_cap_multiple=Decimal(0))
    assert found(p) == [("SW-LIABILITY", "statement_of_work.liability_cap")]


def test_term_beyond_the_tco_horizon():
    p = with_work(term_years=3, renewals=2, renewal_years=2)  # 7 years
    (finding,) = check_statement_of_work(p)
    assert (finding.code, finding.field) == ("SW-TERM-HORIZON", "statement_of_work.term_years")
    assert "run 7 years" in finding.message("en") and "the 5 years" in finding.message("en")
    assert "7\u00a0ans" in finding.message("fr")
    p.tco.horizon_years = 7  # the TCO counts every year of the contract
    assert found(p) == []


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"deliver_implementation": False, "deliver_migration": False, "deliver_training": False},
        {
            "deliver_implementation": False,
            "deliver_migration": False,
            "deliver_training": False,
            "deliver_documentation": False,
            "other_deliverables": "A data dictionary",
        },
    ],
)
def test_deliverables_without_acceptance(changes):
    p = with_work(acceptance_days=0, **changes)
    assert found(p) == [("SW-ACCEPTANCE", "statement_of_work.acceptance_days")]
    p.statement_of_work = replace(p.statement_of_work, acceptance_days=15)
    assert found(p) == []


def test_nothing_delivered_needs_no_acceptance():
    p = with_work(
        acceptance_days=0,
        deliver_implementation=False,
        deliver_migration=False,
        deliver_training=False,
        deliver_documentation=False,
    )
    assert found(p) == []


@pytest.mark.parametrize(
    ("hosting", "personal", "codes"),
    [
        (True, False, ["SW-CYBER-INSURANCE", "SW-ENCRYPTION"]),
        (False, True, ["SW-ENCRYPTION"]),  # in-house: the vendor's cyber policy covers little
        (False, False, []),
    ],
)
def test_sensitive_data_without_encryption_or_cyber_insurance(hosting, personal, codes):
    p = with_work(encryption=False, insurance_cyber_cad=Decimal(0))
    p.scope = replace(p.scope, vendor_hosting=hosting, personal_information=personal)
    assert [code for code, _field in found(p)] == codes
    fields = {code: field for code, field in found(p)}
    if "SW-ENCRYPTION" in fields:
        assert fields["SW-ENCRYPTION"] == "statement_of_work.encryption"
    if "SW-CYBER-INSURANCE" in fields:
        assert fields["SW-CYBER-INSURANCE"] == "statement_of_work.insurance_cyber_cad"


def test_findings_show_on_the_step_and_the_record_states_them():
    p = with_work(object="", liability_cap="cap_unlimited", acceptance_days=0)
    codes = {f.code for f in findings_for(p, Step.STATEMENT_OF_WORK)}
    assert codes == {"SW-OBJECT", "SW-LIABILITY", "SW-ACCEPTANCE"}
    assert step_of_field("statement_of_work.object") == Step.STATEMENT_OF_WORK
    for code in (
        "SW-OBJECT",
        "SW-HOSTED-SLA",
        "SW-RECOVERY",
        "SW-LIABILITY",
        "SW-TERM-HORIZON",
        "SW-ACCEPTANCE",
        "SW-ENCRYPTION",
        "SW-CYBER-INSURANCE",
    ):
        assert SENTENCES[code][0][1], code
