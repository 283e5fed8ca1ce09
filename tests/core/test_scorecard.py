"""The scorecard of the guide's practices: four families, each practice
with a status and what the project does, computed from the model and its findings."""

from __future__ import annotations

from pathlib import Path

from po_messages import code_ids, french_ids

from wizard.core.checks import run_checks
from wizard.core.domain.scorecard import FAMILIES, counts, scorecard
from wizard.core.examples import example_names, load_example
from wizard.core.model import ClauseChoice, Justification, VendorExchange

ROOT = Path(__file__).resolve().parents[2]


def _by_key(project):
    return {p.key: p for p in scorecard(project)}


def test_four_families_and_the_guide_lists():
    practices = scorecard(load_example("office-suite"))
    keys = [p.key for p in practices]
    assert len(keys) == len(set(keys))
    per_family = {f: [p.key for p in practices if p.family == f] for f in FAMILIES}
    assert per_family["forbidden"] == [
        "direct_targeting",
        "indirect_targeting",
        "nda",
        "vendor_template",
        "vendor_drafting",
    ]
    assert per_family["high_risk"] == ["mission_critical", "personal_information"]
    assert (
        "publish_unit_prices" in per_family["transparency"] and "routed_to_cio" in per_family["transparency"]
    )
    assert {"quality", "scenarios", "pilot", "public_code", "clause_exit", "clause_governing_law"} <= set(
        per_family["recommended"]
    )


def test_office_suite_as_bundled():
    s = _by_key(load_example("office-suite"))
    assert s["nda"].status == "ok" and s["nda"].status_text("fr") == "Évitée"
    # the reseller's template was received and not used: no one took part (K30)
    for key in ("vendor_drafting", "vendor_template"):
        assert s[key].status == "ok"
        assert s[key].action_text("en") == "No vendor took part in drafting the tender."
    assert s["mission_critical"].status == "not_applicable"
    assert s["personal_information"].status == "attention"  # hosted by the vendor, in Canada
    assert s["quality"].action_text("fr") == "La qualité compte pour 70 points et le prix pour 30 points."
    assert s["publish_tender"].action_text("en") == (
        "Planned for January\u00a018, 2027: Nova Scotia Procurement Portal and Town website."
    )  # as the tender writes dates
    assert counts(list(s.values()))["problem"] == 0


def test_a_template_that_was_used_excludes_its_vendor_in_the_scorecard():
    p = load_example("office-suite")
    (row,) = [e for e in p.vendor_exchanges if e.drafting == "material_not_used"]
    row.drafting = "material_used"
    s = _by_key(p)
    assert s["vendor_drafting"].status == "attention"
    assert (
        s["vendor_drafting"].action_text("en")
        == "Excluded from the tender, as it states: Maritime IT Solutions Ltd."
    )


def test_bad_practices_are_flagged():
    p = load_example("office-suite")
    p.evaluation.quality_weight, p.evaluation.price_weight = 30, 70
    p.vendor_exchanges.append(
        VendorExchange(
            id=99, vendor="Acme", nda_signed=True, routed_to_cio=True, staff_name=p.designated_staff[0].name
        )
    )
    p.publication_items[5].planned = False  # unit prices
    p.clause_choices.append(ClauseChoice(id=99, clause_id="exit-reversibility", included=False))
    p.criteria[0].text = "Compatible with Microsoft Office 365"
    s = _by_key(p)
    assert s["quality"].status == "problem"
    assert (
        s["nda"].status == "problem"
        and s["nda"].action_text("en") == "Non-disclosure agreements signed with a vendor: 1."
    )
    assert s["publish_unit_prices"].status == "problem"
    assert s["clause_exit"].status == "problem"
    assert s["direct_targeting"].status == "problem" and s["direct_targeting"].field == "criteria"


def test_a_justified_finding_counts_as_handled():
    p = load_example("office-suite")
    p.criteria[0].text = "Compatible with Microsoft Office 365 or equivalent"
    brand = next(f for f in run_checks(p) if f.code == "C-BRAND")
    assert _by_key(p)["direct_targeting"].status == "problem"
    p.justifications.append(
        Justification(
            id=9, code=brand.code, field=brand.field, reason="Macros already installed in 40 workstations."
        )
    )
    assert _by_key(p)["direct_targeting"].status == "ok"


def test_mission_critical_without_continuity_clause_or_pilot():
    p = load_example("emergency-perimeter")
    assert p.scope.mission_critical
    p.evaluation.pilot_enabled = False
    assert _by_key(p)["mission_critical"].status == "attention"
    assert _by_key(p)["pilot"].status == "attention"
    p.clause_choices.append(ClauseChoice(id=99, clause_id="critical-systems", included=False))
    assert _by_key(p)["mission_critical"].status == "problem"


def test_every_example_scores_without_problem():
    for name in example_names():
        assert counts(scorecard(load_example(name)))["problem"] == 0, name


def test_every_scorecard_text_is_in_french():
    texts = code_ids(["wizard/core/domain/scorecard.py", "wizard/core/i18n/counts.py"])
    assert len(texts) > 60
    french = french_ids()
    assert [t for t in texts if t not in french] == []
