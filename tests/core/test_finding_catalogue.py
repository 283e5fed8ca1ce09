"""The catalogue of finding codes (docs/checks.md) is the code's own: the table in the
note is what ``wizard.core.checks.catalogue`` reads from the checks, every code written
in the checks is in it, and the findings the checks really emit agree with it."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from wizard.core.checks import catalogue, run_checks
from wizard.core.checks.base import Severity
from wizard.core.examples import example_names, load_example
from wizard.core.i18n import Plural, ntr, tr
from wizard.core.model import (
    Author,
    ClauseChoice,
    CostLine,
    Criterion,
    Feature,
    GovernanceAnswer,
    JuryMember,
    QualityGridItem,
    Scenario,
    Solution,
    Support,
    TcoOption,
    VendorExchange,
)
from wizard.core.model.defaults import new_project
from wizard.core.steps import Step

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "wizard" / "core" / "checks"
LITERAL = re.compile(r"""["']([A-Z]{1,2}(?:-[A-Z0-9]+)+|CHECK-FAILED)["']""")
ENTRIES = {e.code: e for e in catalogue.catalogue()}


def _code_literals() -> dict[str, str]:
    """Every string literal of the check modules that is a finding code → its file."""
    found: dict[str, str] = {}
    for path in sorted(CHECKS.glob("*.py")):
        if path.stem not in ("catalogue", "sites"):
            for code in LITERAL.findall(path.read_text(encoding="utf-8")):
                found.setdefault(code, path.name)
    return found


def test_the_note_shows_the_catalogue_the_code_gives():
    note = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert catalogue.table_in(note) == catalogue.markdown(), (
        "docs/checks.md is out of date: run python tools/finding_codes.py"
    )


def test_every_code_written_in_the_checks_is_catalogued():
    missing = {code: name for code, name in _code_literals().items() if code not in ENTRIES}
    assert missing == {}, "emitted in a way wizard/core/checks/sites.py cannot follow"


def test_every_catalogued_code_is_written_in_the_checks():
    assert set(ENTRIES) <= set(_code_literals())


def test_the_source_tells_each_code_its_severity_message_and_principle():
    assert catalogue.unresolved() == []
    for entry in ENTRIES.values():
        assert entry.severities and (entry.messages or entry.computed) and entry.principles, entry


@pytest.mark.parametrize(
    ("code", "steps", "severities", "principle", "field"),
    [
        ("P-SOLUTION", (Step.PROBLEM,), ("error",), "NEED", "problem.statement"),
        ("C-TARGET", (Step.CRITERIA,), ("error", "warning"), "TARGETING", "criteria:{id}.feature_ids"),
        ("V-NDA", (Step.VENDORS,), ("error",), "NO_NDA", "vendor_exchanges:{id}.nda_signed"),
        ("PR-CLOSING-TIME", (Step.PROJECT,), ("warning",), "COMPLETE", "info.closing_time"),
        ("S-BRAND", (Step.SCENARIOS,), ("warning",), "FAIRNESS", "scenarios:{id}.evidence"),
        ("K-PLACEHOLDER", (Step.PROJECT,), ("warning",), "clauses.PRINCIPLE", "info.reference"),
        ("K-RENDER", (Step.CLAUSES,), ("error",), "clauses.PRINCIPLE", "clause_choices"),
        ("T-CONTROL-CHARS", (), ("warning",), "text.PRINCIPLE", ""),
    ],
    ids=[
        "direct",
        "two-severities",
        "flag-table",
        "blank-info-helper",
        "brand-helper",
        "dict-loop",
        "local-function",
        "any-field",
    ],
)
def test_entries_read_through_tables_loops_and_helpers(code, steps, severities, principle, field):
    entry = ENTRIES[code]
    assert entry.steps == steps
    assert tuple(s.value for s in entry.severities) == severities
    assert principle in [name for name, _text in entry.principles]
    assert field in entry.fields


def _french(text: str | tuple[str, str]) -> bool:
    if isinstance(text, str):
        return tr(text, "fr") != text
    singular, plural = text  # unformatted: {count} stays a placeholder
    return (
        ntr(singular, plural, 1, "fr", count="{count}"),
        ntr(singular, plural, 2, "fr", count="{count}"),
    ) != text


def test_every_message_and_principle_has_a_french_translation():
    untranslated = [
        (entry.code, text)
        for entry in ENTRIES.values()
        for text in (*entry.messages, *(t for _name, t in entry.principles))
        if not _french(text)
    ]
    assert untranslated == []


def test_computed_messages_are_named_by_their_expression():
    assert ENTRIES["K-REQUIRED"].computed == ("family.removed",)
    assert len(ENTRIES["C-TARGET"].messages) == 2


def _faulty_project():
    """A project that trips as many checks as one project can."""
    p = new_project("en")
    p.info.province, p.info.tender_languages, p.info.binding_language = "QC", "both", "en"
    p.info.closing_date, p.info.publication_date, p.info.award_date = "2027-02-01", "2027-03-01", "03/04/2027"
    p.info.closing_time, p.info.time_zone, p.info.contact_email = "25:00", "Mars/Base", "no address"
    p.problem.statement = (
        "Our SAP system is old. Buy Microsoft 365 for the police, without a tender, at low cost.\x0b"
    )
    p.scope.mission_critical = p.scope.personal_information = True
    p.governance = [GovernanceAnswer(id=1, key="it_sole_authority", answer="no")]
    p.market.underperforming_pct = 0
    p.solutions = [Solution(id=1, name="Suite A", source="demo"), Solution(id=2, name="Suite B")]
    p.features = [Feature(id=1, name="Calendar"), Feature(id=2, name="Mail")]
    p.support = [Support(id=1, solution_id=1, feature_id=1, level="yes")]
    p.criteria = [
        Criterion(id=1, text="Native support for Microsoft Entra ID single sign-on", feature_ids=[1]),
        Criterion(id=2, text="As many reports as possible", feature_ids=[]),
        Criterion(id=3, text="As many reports as possible.", feature_ids=[2]),
    ]
    p.criteria_settings.pass_threshold_pct = 50
    p.scenarios = [Scenario(id=1, title="Open Microsoft Outlook", steps="Log in")]
    p.evaluation.quality_weight, p.evaluation.price_weight = 30, 80
    p.evaluation.pilot_enabled = p.evaluation.quebec_weighted = True
    p.quality_grid = [QualityGridItem(id=1, label="Quality", points=40)]
    p.authors = [Author(id=1, name="Hélène Roy")]
    p.jury = [JuryMember(id=1, name="helene roy")]
    p.tco.horizon_years, p.tco.discount_rate_pct = 20, Decimal("30")
    p.tco_options = [TcoOption(id=1, name="Cloud"), TcoOption(id=2, name="On premises")]
    p.cost_lines = [
        CostLine(id=1, option_id=1, category="licences", amount=Decimal("-5"), year=30),
        CostLine(id=2, option_id=9, category="training", amount=Decimal("10")),
    ]
    p.clause_choices = [
        ClauseChoice(id=1, clause_id="governing-law", custom_en="{{ nowhere }}"),
        ClauseChoice(id=2, clause_id="exit-reversibility", included=False),
        ClauseChoice(id=3, clause_id="precedence", included=False),
    ]
    p.vendor_exchanges = [
        VendorExchange(id=1, vendor="Acme", staff_name="Bob", demo=True, nda_signed=True, rfi=True),
        VendorExchange(id=2, vendor="Initech", drafting="helped_draft", routed_to_cio=True),
    ]
    return p


def _projects():
    yield from (load_example(name) for name in example_names())
    yield new_project("fr")
    yield _faulty_project()


def test_findings_the_checks_emit_agree_with_the_catalogue():
    seen = set()
    for project in _projects():
        for f in run_checks(project):
            entry = ENTRIES[f.code]
            seen.add(f.code)
            assert f.severity in entry.severities, f
            text = (f.text.singular, f.text.plural) if isinstance(f.text, Plural) else f.text
            assert text in entry.messages or entry.computed, f
            assert f.principle in [text for _name, text in entry.principles], f
            assert f.step in entry.steps or not entry.steps, f
    assert len(seen) >= 70, sorted(set(ENTRIES) - seen)
    assert Severity.ERROR in {s for e in ENTRIES.values() for s in e.severities}
