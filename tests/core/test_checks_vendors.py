"""Each V-check of the vendors step on a minimal project that triggers exactly it, and on its
twin that does not; what the register says a vendor did towards the tender decides, in
one place, whether the tender excludes it (issue 15 point 2, docs/cases.md K30)."""

from __future__ import annotations

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.vendors import check_vendors, excluded_vendors
from wizard.core.clauses.library import excluded_for_drafting, excluded_vendor_names
from wizard.core.documents.blocks import ClauseHeading, Heading, Paragraph
from wizard.core.documents.tender import tender_document
from wizard.core.examples import load_example
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
        ({"drafting": "helped_draft"}, ("V-DRAFTING", "warning", "vendor_exchanges:1.drafting")),
        ({"drafting": "material_used"}, ("V-DRAFTING", "warning", "vendor_exchanges:1.drafting")),
        ({"drafting": "material_not_used"}, ("V-MATERIAL-UNUSED", "info", "vendor_exchanges:1.drafting")),
        ({"rfi": True}, ("V-RFI", "info", "vendor_exchanges:1.rfi")),
        ({"routed_to_cio": False}, ("V-NOT-ROUTED", "info", "vendor_exchanges:1.routed_to_cio")),
    ],
    ids=lambda v: v[0] if isinstance(v, tuple) else "-".join(f"{k}={w}" for k, w in v.items()),
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
    p = project(demo=True, nda_signed=True, drafting="helped_draft", rfi=True)
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
    p = project(drafting="helped_draft")
    p.vendor_exchanges += [
        VendorExchange(
            id=2,
            vendor="Initech",
            staff_name="Geneviève Tremblay",
            routed_to_cio=True,
            drafting="material_used",
        ),
        VendorExchange(
            id=3,
            vendor="Acme inc.",
            staff_name="Geneviève Tremblay",
            routed_to_cio=True,
            drafting="helped_draft",
        ),
        VendorExchange(id=4, vendor="Globex", staff_name="Geneviève Tremblay", routed_to_cio=True),
    ]
    assert excluded_vendors(p) == ["Acme inc.", "Initech"]
    assert excluded_vendor_names(p) == ["Acme inc.", "Initech"]
    assert excluded_vendors(project()) == []


def test_the_page_names_the_excluded_vendors_as_the_appendix_does():
    p = project(drafting="helped_draft")
    p.vendor_exchanges.append(VendorExchange(id=2, vendor="  ACME   inc. ", drafting="material_used"))
    assert excluded_vendors(p) == excluded_vendor_names(p) == ["Acme inc."]


def test_a_justified_drafting_finding_still_excludes_the_vendor():
    p = project(drafting="helped_draft")
    p.justifications = [
        Justification(
            id=1,
            code="V-DRAFTING",
            field="vendor_exchanges:1.drafting",
            reason="Template from a public tender of another town",
        )
    ]
    (f,) = check_vendors(p)
    assert f.is_justified(p)
    assert excluded_vendor_names(p) == ["Acme inc."]


# -- what the vendor did decides the exclusion (issue 15 point 2, K30) -------------------

EXCLUDED_HEADING = {"en": "Appendix: excluded suppliers", "fr": "Annexe\u00a0: fournisseurs exclus"}


def _tender(p: Project, lang: str) -> tuple[list[str], list[str], list[str]]:
    """The tender's level-1 headings, clause titles and paragraph texts in ``lang``."""
    blocks = tender_document(p, lang).blocks
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    clauses = [b.text for b in blocks if isinstance(b, ClauseHeading)]
    return headings, clauses, [b.text for b in blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    ("role", "excluded", "codes"),
    [
        ("none", False, []),
        ("helped_draft", True, ["V-DRAFTING"]),
        ("material_used", True, ["V-DRAFTING"]),
        ("material_not_used", False, ["V-MATERIAL-UNUSED"]),
        ("material_reused", False, []),  # a newer version's value: kept, excludes no one
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_only_an_earned_exclusion_reaches_the_tender(role, excluded, codes, lang):
    p = project(vendor="Identicarte Systèmes inc.", drafting=role)
    p.info.tender_languages = lang
    assert [f.code for f in check_vendors(p)] == codes
    assert excluded_for_drafting(p.vendor_exchanges[0]) is excluded
    assert excluded_vendor_names(p) == (["Identicarte Systèmes inc."] if excluded else [])
    headings, clauses, paragraphs = _tender(p, lang)
    assert (EXCLUDED_HEADING[lang] in headings) is excluded
    title = {"en": "Exclusion of suppliers", "fr": "Exclusion des fournisseurs"}[lang]
    assert any(t.startswith(title) for t in clauses) is excluded, clauses
    assert ("Identicarte Systèmes inc." in paragraphs) is excluded


@pytest.mark.parametrize(
    ("role", "en", "fr"),
    [
        (
            "helped_draft",
            "Acme inc. helped draft the tender: it is excluded from this tender, and the tender says so.",
            "Acme inc. a aidé à rédiger l’appel d’offres\u00a0: il est exclu de cet appel d’offres, et l’appel "
            "d’offres l’indique.",
        ),
        (
            "material_used",
            "Acme inc. supplied a template or specification that the tender used: it is excluded from "
            "this tender, and the tender says so.",
            "Acme inc. a fourni un modèle ou un devis technique que l’appel d’offres a utilisé\u00a0: il est "
            "exclu de cet appel d’offres, et l’appel d’offres l’indique.",
        ),
        (
            "material_not_used",
            "Acme inc. supplied a template or specification that was received and not used: the register "
            "records it, but it gave no advantage, so it is not an exclusion and the tender says nothing "
            "about it.",
            "Acme inc. a fourni un modèle ou un devis technique, reçu et non utilisé\u00a0: le registre le "
            "consigne, mais il ne lui a donné aucun avantage. Ce n’est donc pas une exclusion, et l’appel "
            "d’offres n’en dit rien.",
        ),
    ],
)
def test_the_drafting_message_says_what_the_vendor_did(role, en, fr):
    (f,) = check_vendors(project(drafting=role))
    assert (f.message("en"), f.message("fr")) == (en, fr)


def test_k30_office_suite_reseller_template_not_used_is_no_exclusion():
    """docs/cases.md K30: the reseller's requirements template was received and not used;
    the tender neither excludes it nor says it contributed, in English or French."""
    p = load_example("office-suite")
    (row,) = [e for e in p.vendor_exchanges if e.drafting != "none"]
    assert (row.vendor, row.drafting) == ("Maritime IT Solutions Ltd.", "material_not_used")
    assert excluded_vendor_names(p) == []
    findings = {(f.code, f.field) for f in run_checks(p) if f.code in ("V-DRAFTING", "V-MATERIAL-UNUSED")}
    assert findings == {("V-MATERIAL-UNUSED", f"vendor_exchanges:{row.id}.drafting")}
    for lang in ("en", "fr"):
        headings, clauses, paragraphs = _tender(p, lang)
        assert EXCLUDED_HEADING[lang] not in headings
        assert not any(
            t.startswith(("Exclusion of suppliers", "Exclusion des fournisseurs")) for t in clauses
        )
        assert not any("Maritime IT" in t for t in paragraphs)
