"""The clause library (docs/clauses.md; docs/cases.md K9, K10, K11): catalogue, choices, rendering, checks."""

from __future__ import annotations

import os

import pytest
from tender_sample import tender_project

from wizard.core.checks import run_checks
from wizard.core.checks.clauses import check_clauses
from wizard.core.clauses import library as clauses
from wizard.core.clauses.families import FAMILIES
from wizard.core.clauses.library import ClauseFormatError, parse_clause, validate_metadata
from wizard.core.clauses.render import VARIABLES, clause_context, render_source
from wizard.core.i18n.formats import PLACEHOLDER
from wizard.core.model import ClauseChoice, Project


def test_catalogue_covers_every_family_in_both_languages():
    catalogue = clauses.catalogue()
    assert len(catalogue) == 34
    assert {c.family for c in catalogue.values()} == set(FAMILIES)
    for item in catalogue.values():
        assert item.titles["fr"] and item.titles["en"]
        # "Force majeure" is the term of French and of common-law English alike (the
        # Québec title differs: test_clause_library); every other title is translated
        assert item.titles["fr"] != item.titles["en"] or item.id == "force-majeure", item.id
        assert item.bodies["fr"].strip() and item.bodies["en"].strip()


@pytest.mark.parametrize("clause_id", sorted(clauses.catalogue()))
def test_both_languages_use_the_same_variables(clause_id):
    item = clauses.clause(clause_id)
    fr = clauses.required_variables(item.bodies["fr"])
    en = clauses.required_variables(item.bodies["en"])
    assert fr == en
    assert fr <= set(VARIABLES)


def test_metadata_schema_check():
    metadata, body = parse_clause("---\nid: x\nfamily: nope\nstatus: maybe\n---\nText\n", "fr/x.j2")
    assert body == "Text\n"
    assert validate_metadata(metadata, "fr/x.j2") == [
        "fr/x.j2: missing key 'title'",
        "fr/x.j2: missing key 'condition'",
        "fr/x.j2: missing key 'order'",
        "fr/x.j2: family 'nope' is not one of " + ", ".join(FAMILIES),
        "fr/x.j2: status 'maybe' is not one of required, recommended, optional",
    ]
    with pytest.raises(ClauseFormatError, match="front matter"):
        parse_clause("no front matter", "en/y.j2")


def test_applicability_follows_project_flags():
    p = Project()
    ids = [c.id for c in clauses.applicable(p)]
    assert "governing-law" in ids and "privacy" not in ids and "data-hosting-canada" not in ids
    assert "excluded-vendors" not in ids and "critical-systems" not in ids
    p = tender_project()
    p.scope.mission_critical = True
    ids = [c.id for c in clauses.applicable(p)]
    assert {"privacy", "data-hosting-canada", "excluded-vendors", "critical-systems"} <= set(ids)
    assert "public-code" not in ids  # no custom code in the sample


def test_optional_clauses_are_out_until_toggled():
    p = tender_project()
    kept = [c.id for c in clauses.included_clauses(p)]
    assert "source-code-escrow" not in kept and "audit-rights" not in kept
    p.clause_choices = [
        ClauseChoice(1, "source-code-escrow", True),
        ClauseChoice(2, "dispute-resolution", False),
    ]
    kept = [c.id for c in clauses.included_clauses(p)]
    assert "source-code-escrow" in kept and "dispute-resolution" not in kept


def test_golden_governing_law_fr_and_en():
    p = tender_project(province="ON")
    fr = clauses.render_clause(p, clauses.clause("governing-law"), "fr")
    en = clauses.render_clause(p, clauses.clause("governing-law"), "en")
    assert fr.title == "Droit applicable et tribunaux compétents"
    assert fr.paragraphs[0] == (
        2,
        "Le Contrat est régi et interprété selon les lois de l’Ontario et les lois fédérales du Canada "
        "qui s’y appliquent, à l’exclusion de toute règle de conflit de lois qui renverrait à un autre droit.",
    )
    assert fr.paragraphs[2][1].endswith("un arbitrage tenu ailleurs qu’en Ontario.")
    assert "devant la Cour supérieure de justice de l’Ontario, dans le district" in fr.paragraphs[1][1]
    assert en.title == "Governing law and jurisdiction"
    assert en.paragraphs[1] == (
        2,
        "The parties submit to the exclusive jurisdiction of the courts of Ontario. Any proceeding within "
        "the jurisdiction of a superior court is brought before the Ontario Superior Court of Justice, in "
        "the judicial district where the Town is located where the rules of procedure so permit.",
    )
    assert len(fr.paragraphs) == len(en.paragraphs) == 4


def test_golden_excluded_vendors_states_the_rule_and_points_to_the_annex():
    """The clause states the rule; the names are listed once, in the tender's annex
    (render._addendum), not repeated word for word in the contract."""
    p = tender_project()
    p.vendor_exchanges[1].drafting = "helped_draft"
    fr = clauses.render_clause(p, clauses.clause("excluded-vendors"), "fr").paragraphs
    en = clauses.render_clause(p, clauses.clause("excluded-vendors"), "en").paragraphs
    assert [level for level, _t in fr] == [level for level, _t in en] == [2, 2]
    assert fr[0][1].startswith(
        "Les entreprises nommées à l’annexe «\u00a0Fournisseurs exclus\u00a0» du présent appel d’offres"
    )
    assert en[0][1].startswith(
        "The businesses named in the appendix “Excluded suppliers” of this call for tenders"
    )
    assert "Johnson" not in fr[0][1] + en[0][1]
    assert fr[1] == (2, "Une soumission présentée en contravention du présent article est rejetée.")
    assert en[1] == (2, "A bid submitted in breach of this article is rejected.")


def test_edited_loop_with_endif_keeps_one_paragraph_per_item():
    """K11: the line of the loop ends with {% endif %}."""
    p = tender_project()
    p.vendor_exchanges[1].drafting = "helped_draft"
    body = "Exclus :\n{% for v in excluded_vendors %}\n- {{ v }}{% if v == 'Johnson & Johnson' %} (modèle){% endif %}\n{% endfor %}\nFin.\n"
    p.clause_choices = [ClauseChoice(1, "excluded-vendors", True, custom_fr=body)]
    rendered = clauses.render_clause(p, clauses.clause("excluded-vendors"), "fr").paragraphs
    assert rendered == [
        (2, "Exclus :"),
        (3, "Johnson & Johnson (modèle)"),
        (3, "Neutral Vendor Inc."),
        (2, "Fin."),
    ]
    assert clauses.is_edited(p, "excluded-vendors", "fr") and not clauses.is_edited(
        p, "excluded-vendors", "en"
    )
    diff = clauses.clause_diff(p, "excluded-vendors", "fr")
    assert diff.startswith("--- library\n+++ project\n") and "+Exclus :" in diff


def test_k9_sandbox_refuses_environment_access():
    p = tender_project()
    os.environ["OPW_SECRET_FOR_TEST"] = "s3cr3t-value"
    p.clause_choices = [
        ClauseChoice(1, "precedence", True, custom_en="{{ cycler.__init__.__globals__.os.environ }}")
    ]
    with pytest.raises(clauses.ClauseRenderError) as caught:
        clauses.render_clause(p, clauses.clause("precedence"), "en")
    assert caught.value.clause_id == "precedence"
    assert caught.value.variable == "__init__"
    assert "s3cr3t-value" not in str(caught.value)
    # even with a name that exists, dunder attributes are refused by the sandbox
    with pytest.raises(clauses.ClauseRenderError) as caught:
        render_source("{{ organization.__class__.__mro__ }}", {"organization": "x"}, "precedence")
    assert caught.value.variable == "__class__"


def test_k9_export_shows_placeholder_and_check_names_clause():
    p = tender_project(lang="en")
    p.clause_choices = [
        ClauseChoice(4, "precedence", True, custom_en="{{ cycler.__init__.__globals__.os.environ }}")
    ]
    rendered = {r.id: r for r in clauses.render_clauses(p, "en")}
    assert rendered["precedence"].error is not None
    assert rendered["precedence"].paragraphs[0][1].startswith(PLACEHOLDER)
    found = [f for f in check_clauses(p) if f.code == "K-RENDER"]
    assert [(f.field, f.severity.value) for f in found] == [("clause_choices:4.custom_en", "error")]
    assert "Precedence of the Contract over the Contractor's terms”" in found[0].message(
        "en"
    ) and "“__init__”" in found[0].message("en")
    assert "«\u00a02. Préséance du Contrat sur les conditions de l’Adjudicataire\u00a0»" in found[0].message(
        "fr"
    ) and "inconnu ou interdit" in found[0].message("fr")


def test_k10_missing_closing_date_is_a_visible_placeholder():
    p = tender_project()
    p.info.closing_date = ""
    p.info.province = ""
    context = clause_context(p, "fr", [])
    assert context["closing_date"] == "[À COMPLÉTER / TO BE COMPLETED]"
    assert context["court"] == PLACEHOLDER
    text = clauses.render_clause(p, clauses.clause("governing-law"), "fr").paragraphs[0][1]
    assert f"selon les lois {PLACEHOLDER} et les lois fédérales" in text
    found = {(f.code, f.field) for f in run_checks(p)}  # one finding per blank (PR-… names it)
    assert ("PR-CLOSING-DATE", "info.closing_date") in found and ("PR-PROVINCE", "info.province") in found
    assert not {
        f for f in found if f[0] == "K-PLACEHOLDER" and f[1] in ("info.closing_date", "info.province")
    }
    p.info.reference = ""
    assert ("K-PLACEHOLDER", "info.reference") in {(f.code, f.field) for f in check_clauses(p)}


def test_k_required_and_k_removed():
    p = tender_project()
    assert [f.code for f in check_clauses(p)] == []
    p.clause_choices = [
        ClauseChoice(1, "governing-law", False),
        ClauseChoice(2, "exit-reversibility", False),
        ClauseChoice(3, "privacy", False),
    ]
    found = [(f.code, f.severity.value, f.field) for f in check_clauses(p)]
    assert found == [
        ("K-REQUIRED", "error", "clause_choices:1.included"),
        ("K-REQUIRED", "error", "clause_choices:3.included"),
        ("K-REMOVED", "warning", "clause_choices:2.included"),
    ]
    removed = next(f for f in check_clauses(p) if f.code == "K-REMOVED")
    assert "locked in" in removed.message("en") and "captive" in removed.message("fr")


def test_privacy_clause_names_the_provincial_statute():
    p = tender_project(province="NS")
    en = clauses.render_clause(p, clauses.clause("privacy"), "en").paragraphs
    # the access regime of Nova Scotia's municipalities (issue 17); PIIDPA is the residency note
    assert (
        "Part XX (Freedom of Information and Protection of Privacy) of the Municipal Government Act"
        in en[0][1]
    )
    assert any("stored and accessed only in Canada" in text for _, text in en)


@pytest.mark.parametrize(
    ("iso", "lang", "expected"),
    [
        ("2027-02-01", "fr", "1er\u00a0février\u00a02027"),
        ("2027-02-11", "fr", "11\u00a0février\u00a02027"),
        ("2027-02-21", "fr", "21\u00a0février\u00a02027"),
        ("2027-02-01", "en", "February\u00a01, 2027"),
    ],
)
def test_french_dates_write_the_first_of_the_month_as_an_ordinal(iso, lang, expected):
    from wizard.core.i18n.formats import format_date

    assert format_date(iso, lang) == expected


def test_k_render_follows_the_context_across_runs():
    """A render that succeeded is not repeated while its source and context stay the
    same (checks/clauses.py, ``_RENDERED``); a change of the context renders it again,
    and a failed render is never kept."""
    p = tender_project(lang="en")
    p.clause_choices = [ClauseChoice(4, "precedence", True, custom_en="{{ 12 // sow.renewals }} terms.")]

    def renders() -> list[str]:
        return [f.field for f in check_clauses(p) if f.code == "K-RENDER"]

    outcomes = []
    for renewals in (2, 2, 0, 0, 3, 0):
        p.statement_of_work.renewals = renewals
        outcomes.append(renders())
    failed = ["clause_choices:4.custom_en"]
    assert outcomes == [[], [], failed, failed, [], failed]
