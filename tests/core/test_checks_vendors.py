"""Each V-check of the vendors step on a minimal project that triggers exactly it, and on its
twin that does not."""

from __future__ import annotations

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.vendors import check_vendors, excluded_vendors
from wizard.core.clauses.library import excluded_vendor_names
from wizard.core.model import DesignatedStaff, Justification, Project, VendorExchange


def project(**exchange) -> Project:
    """One clean exchange (designated staff, routed to the CIO) with ``exchange`` changes."""
    p = Project()
    p.designated_staff = [DesignatedStaff(id=1, name="Geneviève Tremblay", role="CIO")]
    values = {"id": 1, "vendor": "Acme inc.", "staff_name": "Geneviève Tremblay", "routed_to_cio": True}
    p.vendor_exchanges = [VendorExchange(**{**values, **exchange})]
    return p


def found(p: Project) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity.value, f.field) for f in check_vendors(p)]


def test_a_clean_exchange_has_no_finding():
    assert found(project()) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"staff_name": "Luc Bergeron"}, ("V-UNDESIGNATED", "warning", "vendor_exchanges:1.staff_name")),
        ({"demo": True}, ("V-DEMO", "warning", "vendor_exchanges:1.demo")),
        ({"nda_signed": True}, ("V-NDA", "error", "vendor_exchanges:1.nda_signed")),
        ({"helped_drafting": True}, ("V-DRAFTING", "warning", "vendor_exchanges:1.helped_drafting")),
        ({"rfi": True}, ("V-RFI", "info", "vendor_exchanges:1.rfi")),
        ({"routed_to_cio": False}, ("V-NOT-ROUTED", "info", "vendor_exchanges:1.routed_to_cio")),
    ],
    ids=lambda v: v[0] if isinstance(v, tuple) else "",
)
def test_each_check_alone(change, expected):
    assert found(project(**change)) == [expected]


@pytest.mark.parametrize(
    "staff",
    ["Geneviève Tremblay", "genevieve tremblay", "  GENEVIÈVE   Tremblay ", ""],
)
def test_designated_staff_is_matched_without_case_accents_or_spacing(staff):
    assert "V-UNDESIGNATED" not in {c for c, _s, _f in found(project(staff_name=staff))}


def test_undesignated_names_the_person():
    (f,) = check_vendors(project(staff_name="Luc Bergeron"))
    assert f.message("en") == "Luc Bergeron is not designated to speak with vendors."
    assert "Luc Bergeron" in f.message("fr") and "désign" in f.message("fr")


def test_no_designated_staff_at_all():
    p = project()
    p.designated_staff = []
    codes = [c for c, _s, _f in found(p)]
    assert codes == ["V-UNDESIGNATED", "V-NO-STAFF"]
    p.vendor_exchanges = []
    assert found(p) == []  # no exchange, nothing to designate yet


def test_messages_name_the_vendor_in_both_languages():
    p = project(demo=True, nda_signed=True, helped_drafting=True, rfi=True)
    messages = {f.code: (f.message("fr"), f.message("en")) for f in check_vendors(p)}
    assert set(messages) == {"V-DEMO", "V-NDA", "V-DRAFTING", "V-RFI"}
    for fr, en in messages.values():
        assert "Acme inc." in fr and "Acme inc." in en and fr != en
    assert all(f.principle for f in check_vendors(p))


def test_nda_is_the_only_error_and_is_seen_by_run_checks():
    p = project(nda_signed=True)
    errors = [f for f in run_checks(p) if f.code.startswith("V-") and f.severity.value == "error"]
    assert [f.code for f in errors] == ["V-NDA"]


def test_drafting_vendor_is_excluded_once_in_register_order():
    p = project(helped_drafting=True)
    p.vendor_exchanges += [
        VendorExchange(
            id=2, vendor="Initech", staff_name="Geneviève Tremblay", routed_to_cio=True, helped_drafting=True
        ),
        VendorExchange(
            id=3,
            vendor="Acme inc.",
            staff_name="Geneviève Tremblay",
            routed_to_cio=True,
            helped_drafting=True,
        ),
        VendorExchange(id=4, vendor="Globex", staff_name="Geneviève Tremblay", routed_to_cio=True),
    ]
    assert excluded_vendors(p) == ["Acme inc.", "Initech"]
    assert excluded_vendor_names(p) == ["Acme inc.", "Initech"]
    assert excluded_vendors(project()) == []


def test_the_page_names_the_excluded_vendors_as_the_appendix_does():
    p = project(helped_drafting=True)
    p.vendor_exchanges.append(VendorExchange(id=2, vendor="  ACME   inc. ", helped_drafting=True))
    assert excluded_vendors(p) == excluded_vendor_names(p) == ["Acme inc."]


def test_a_justified_drafting_finding_still_excludes_the_vendor():
    p = project(helped_drafting=True)
    p.justifications = [
        Justification(
            id=1,
            code="V-DRAFTING",
            field="vendor_exchanges:1.helped_drafting",
            reason="Template from a public tender of another town",
        )
    ]
    (f,) = check_vendors(p)
    assert f.is_justified(p)
    assert excluded_vendor_names(p) == ["Acme inc."]
