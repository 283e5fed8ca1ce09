"""Project, scope, market and vendor checks and the whole engine on a large project
(``tests/largegen.py``)."""

from __future__ import annotations

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.market import check_market
from wizard.core.checks.project import check_project
from wizard.core.checks.scope import check_scope
from wizard.core.checks.vendors import check_vendors, excluded_vendors
from wizard.core.model import (
    Author,
    Criterion,
    DesignatedStaff,
    Feature,
    Project,
    Solution,
    Support,
    VendorExchange,
)
from wizard.core.model.defaults import new_project


def codes(found):
    return sorted((f.code, f.severity.value) for f in found)


def test_project_missing_fields_and_binding_language():
    p = new_project("fr")
    p.info.binding_language = "en"
    assert codes(check_project(p)) == [
        ("PR-AUTHORS", "info"),
        ("PR-BINDING-LANGUAGE", "error"),
        ("PR-CLOSING-DATE", "warning"),
        ("PR-CLOSING-TIME", "warning"),
        ("PR-CONTACT-EMAIL", "warning"),
        ("PR-ORGANIZATION", "warning"),
        ("PR-PROVINCE", "warning"),
        ("PR-SUBMISSION", "warning"),
        ("PR-TITLE", "warning"),
    ]
    closing = [f for f in check_project(p) if f.code == "PR-CLOSING-DATE"][0]
    assert closing.field == "info.closing_date"


def test_project_complete_and_dates():
    p = new_project("en")
    p.info.organization, p.info.province, p.info.title = "Town of Esterel", "QC", "Permits"
    p.info.tender_languages, p.info.binding_language = "both", "fr"
    p.authors = [Author(id=1, name="Ana")]
    p.info.closing_date, p.info.closing_time = "2026-05-01", "14:00"
    p.info.submission_method, p.info.contact_email = (
        "On the provincial platform only.",
        "tenders@esterel.example.ca",
    )
    assert check_project(p) == []
    p.info.publication_date = "2026-06-01"
    p.info.award_date = "01/07/2026"
    p.info.province = "XX"
    assert codes(check_project(p)) == [
        ("PR-DATE", "error"),
        ("PR-DATE-ORDER", "warning"),
        ("PR-PROVINCE", "error"),
    ]


def test_scope_flags_and_governance():
    p = new_project("en")
    p.scope.mission_critical = True
    p.scope.personal_information = True
    p.governance[0].answer = "no"
    p.governance[1].answer = "yes"
    found = check_scope(p)
    assert codes(found) == [
        ("SC-GOVERNANCE", "warning"),
        ("SC-MISSION-CRITICAL", "warning"),
        ("SC-PERSONAL-INFO", "info"),
        ("SC-UNITS", "info"),
    ]
    assert [f.field for f in found if f.code == "SC-GOVERNANCE"] == ["governance:1.answer"]
    p.business_units[0].role = "affected"
    assert "SC-UNITS" not in {f.code for f in check_scope(p)}


def test_market_checks():
    p = Project()
    p.solutions = [Solution(id=1, name="A", source="demo"), Solution(id=2, name="B", source="vendor_meeting")]
    assert codes(check_market(p)) == [
        ("M-FEW", "warning"),
        ("M-NO-FEATURES", "info"),
        ("M-NO-OPEN-SOURCE", "warning"),
        ("M-SOURCE", "warning"),
        ("M-SOURCE", "warning"),
    ]
    p.solutions.append(Solution(id=3, name="C", licence="open_source"))
    p.solutions[0].source = p.solutions[1].source = "public_documentation"
    p.features = [Feature(id=1), Feature(id=2)]
    p.support = [Support(id=i, solution_id=s, feature_id=1, level="yes") for i, s in enumerate([1, 2, 3], 1)]
    p.support.append(Support(id=9, solution_id=1, feature_id=2, level="yes"))
    p.support.append(Support(id=10, solution_id=2, feature_id=2, level="yes"))
    assert codes(check_market(p)) == []  # common: feature 1 (3/3); feature 2 is 2/3 < 75 %
    p.support[0].level = "no"
    p.market.common_threshold_pct = 60  # common: 1 (B, C) and 2 (A, B)
    p.market.underperforming_pct = 60  # A and C support 1 of 2 = 50 % < 60 %
    found = check_market(p)
    assert [(f.code, f.field) for f in found] == [
        ("M-UNDERPERFORMING", "solutions:1.name"),
        ("M-UNDERPERFORMING", "solutions:3.name"),
    ]
    assert found[0].message("fr") == "A offre moins de 60\u00a0% des fonctionnalités communes."


def test_vendor_register():
    p = Project()
    p.designated_staff = [DesignatedStaff(id=1, name="Hélène Roy")]
    p.vendor_exchanges = [
        VendorExchange(id=1, vendor="Acme", staff_name="helene roy", routed_to_cio=True),
        VendorExchange(id=2, vendor="Acme", staff_name="Bob", demo=True, nda_signed=True, routed_to_cio=True),
        VendorExchange(id=3, vendor="Initech", staff_name="Hélène Roy", drafting="helped_draft", rfi=True),
    ]
    found = {(f.code, f.severity.value, f.field) for f in check_vendors(p)}
    assert found == {
        ("V-UNDESIGNATED", "warning", "vendor_exchanges:2.staff_name"),
        ("V-DEMO", "warning", "vendor_exchanges:2.demo"),
        ("V-NDA", "error", "vendor_exchanges:2.nda_signed"),
        ("V-DRAFTING", "warning", "vendor_exchanges:3.drafting"),
        ("V-RFI", "info", "vendor_exchanges:3.rfi"),
        ("V-NOT-ROUTED", "info", "vendor_exchanges:3.routed_to_cio"),
    }
    assert excluded_vendors(p) == ["Initech"]
    p.designated_staff = []
    assert "V-NO-STAFF" in {f.code for f in check_vendors(p)}


def large_project() -> Project:
    p = new_project("en")
    p.solutions = [Solution(id=i, name=f"Solution {i}") for i in range(1, 51)]
    p.features = [Feature(id=i, name=f"Feature {i}") for i in range(1, 201)]
    levels = ("yes", "yes", "partial", "no")
    p.support = [
        Support(id=s * 1000 + f, solution_id=s, feature_id=f, level=levels[(s * f) % 4])
        for s in range(1, 51)
        for f in range(1, 201)
    ]
    words = [
        "permit",
        "inspection",
        "map",
        "layer",
        "export",
        "report",
        "invoice",
        "asset",
        "sensor",
        "alert",
    ]
    p.criteria = [
        Criterion(
            id=i,
            text=f"The solution can {words[i % 10]} the {words[(i * 3) % 10]} data set {i} "
            f"with Esri and standard {i % 7}",
            kind="mandatory" if i % 5 == 0 else "optional",
            feature_ids=[i % 200 + 1, (i * 7) % 200 + 1],
        )
        for i in range(1, 301)
    ]
    return p


def test_all_checks_run_on_a_large_project():
    """Every criterion's brand is found (timings: ``tests/benchmark.py``, not a test)."""
    p = large_project()
    found = run_checks(p)
    assert sum(1 for f in found if f.code == "C-BRAND") == 300
    assert run_checks(p) == found  # the caches change nothing


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_finding_of_the_engine_is_translated(lang):
    p = large_project()
    p.problem.statement = "Buy Office 365 sole-source, the cheapest."
    p.scope.mission_critical = True
    p.vendor_exchanges = [VendorExchange(id=1, vendor="X", staff_name="Y", nda_signed=True)]
    found = run_checks(p)
    assert len({f.code for f in found}) > 10
    for f in found:
        message = f.message(lang)
        assert "{" not in message, (f.code, message)
        if lang == "fr" and f.code[:2] in {"P-", "C-", "M-", "E-", "T-", "V-", "S-", "SC", "PR"}:
            assert message != f.message("en"), f.code


def test_quebec_tender_with_an_english_binding_version_is_flagged():
    from wizard.core.checks.project import check_project
    from wizard.core.model import Project

    project = Project()
    project.info.province = "QC"
    project.info.tender_languages = "both"
    project.info.binding_language = "en"
    assert "PR-QC-FRENCH" in {f.code for f in check_project(project)}
    project.info.binding_language = "fr"
    assert "PR-QC-FRENCH" not in {f.code for f in check_project(project)}
    project.info.province = "ON"
    project.info.binding_language = "en"
    assert "PR-QC-FRENCH" not in {f.code for f in check_project(project)}


@pytest.mark.parametrize(
    ("typed", "en", "fr"),
    [
        (  # the shape the field asks for, but no such day: say so, not "the format"
            "2027-02-30",
            "“2027-02-30” does not exist: the days of February 2027 go from 1 to 28.",
            "«\u00a02027-02-30\u00a0» n’existe pas\u00a0: les jours de février\u00a02027 vont de 1 à 28.",
        ),
        (
            "2028-02-30",
            "“2028-02-30” does not exist: the days of February 2028 go from 1 to 29.",
            "«\u00a02028-02-30\u00a0» n’existe pas\u00a0: les jours de février\u00a02028 vont de 1 à 29.",
        ),
        (
            "2027-04-00",
            "“2027-04-00” does not exist: the days of April 2027 go from 1 to 30.",
            "«\u00a02027-04-00\u00a0» n’existe pas\u00a0: les jours d’avril\u00a02027 vont de 1 à 30.",
        ),
        (
            "2027-13-01",
            "“2027-13-01” does not exist: the months go from 01 to 12 (YYYY-MM-DD).",
            "«\u00a02027-13-01\u00a0» n’existe pas\u00a0: les mois vont de 01 à 12 (AAAA-MM-JJ).",
        ),
        (  # another shape: then the format is what is wrong
            "8 mars 2027",
            "“8 mars 2027” is not a date (expected YYYY-MM-DD).",
            "«\u00a08 mars 2027\u00a0» n’est pas une date (format attendu\u00a0: AAAA-MM-JJ).",
        ),
        (  # Python 3.11's fromisoformat reads it, 3.10's does not: one answer on each (K27)
            "20270308",
            "“20270308” is not a date (expected YYYY-MM-DD).",
            "«\u00a020270308\u00a0» n’est pas une date (format attendu\u00a0: AAAA-MM-JJ).",
        ),
    ],
)
def test_a_date_that_is_no_day_says_what_is_wrong(typed, en, fr):
    p = new_project("en")
    p.info.closing_date = typed
    (found,) = [f for f in check_project(p) if f.code == "PR-DATE"]
    assert (found.severity.value, found.field) == ("error", "info.closing_date")
    assert (found.message("en"), found.message("fr")) == (en, fr)


@pytest.mark.parametrize("typed", ["2027-02-28", "2028-02-29", " 2027-03-08 "])
def test_a_real_day_is_no_pr_date(typed):
    """The twin: the last day of February, a leap day, spaces around."""
    p = new_project("en")
    p.info.closing_date = typed
    assert [f for f in check_project(p) if f.code == "PR-DATE"] == []
