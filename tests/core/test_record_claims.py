"""The decision record's claims as a table (issue 15, points 1 and 6; docs/claims.md).

For each claim of ``wizard/core/claims/record.py``: a project where it holds (its
sentence is in the record, in French and in English, and its alternative is not) and one
where it does not (the sentence is absent, its true alternative printed, and the finding
that explains it is among ``run_checks``). ``tests/core/test_claims.py`` (the tender's
table) did not exist when this was written; the rows can move there.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from wizard.core.checks import run_checks
from wizard.core.claims import CLAIMS
from wizard.core.claims import record as claims
from wizard.core.documents.blocks import Heading, Paragraph, Table
from wizard.core.documents.record import record_blocks
from wizard.core.examples import load_example
from wizard.core.i18n import tr
from wizard.core.model import Author, DesignatedStaff, Project


def base() -> Project:
    """The office-suite example with its one undesignated exchange designated after all."""
    p = copy.deepcopy(load_example("office-suite"))
    p.designated_staff.append(DesignatedStaff(id=99, name="Mark Cormier", role="Deputy Clerk"))
    return p


def record_text(project: Project, lang: str) -> str:
    lines = []
    for block in record_blocks(project, lang):
        if isinstance(block, (Heading, Paragraph)):
            lines.append(f"{getattr(block, 'label', '')} {block.text}")
        elif isinstance(block, Table):
            lines += [" | ".join(row) for row in block.header + block.rows]
    return "\n".join(lines)


def fixed(msgid: str, lang: str) -> str:
    """The fixed start of a sentence in ``lang``: the text before its first parameter."""
    return tr(msgid, lang).split("{")[0].strip()


def _undesignated(p: Project) -> None:
    p.designated_staff = [s for s in p.designated_staff if s.name != "Mark Cormier"]


def _not_routed(p: Project) -> None:
    p.vendor_exchanges[2].routed_to_cio = False


def _demo_source(p: Project) -> None:
    p.solutions[0].source = "demo"


def _unlinked(p: Project) -> None:
    next(c for c in p.criteria if c.kind == "mandatory").feature_ids = []


def _no_committee(p: Project) -> None:
    p.jury = []


def _unsigned(p: Project) -> None:
    p.jury[0].declaration_signed = False


def _no_authors(p: Project) -> None:
    p.authors = []


def _author_on_committee(p: Project) -> None:
    p.authors.append(Author(id=99, name=p.jury[0].name, role="Reviewer"))


def _no_province(p: Project) -> None:
    p.info.province = ""


def _no_source(p: Project) -> None:
    p.tco.funding_source = ""


def _no_budget(p: Project) -> None:
    p.tco.budget_cad = Decimal(0)


def _short_budget(p: Project) -> None:
    p.tco.budget_cad = Decimal(1000)


def _unlimited_liability(p: Project) -> None:
    p.statement_of_work.liability_cap = "cap_unlimited"


def _beyond_the_horizon(p: Project) -> None:
    p.statement_of_work.renewals = 4  # 3 + 4 × 1 years, over a 5-year horizon


ROWS: list[tuple[str, Callable[[Project], None]]] = [
    (claims.DESIGNATED_STAFF_ONLY.id, _undesignated),
    (claims.ROUTED_TO_CIO.id, _not_routed),
    (claims.PUBLIC_SOURCES.id, _demo_source),
    (claims.EVERY_MANDATORY_LINKED.id, _unlinked),
    (claims.COMMITTEE_NAMED.id, _no_committee),
    (claims.DECLARATIONS_SIGNED.id, _unsigned),
    (claims.AUTHORS_LISTED.id, _no_authors),
    (claims.NO_AUTHOR_ON_COMMITTEE.id, _author_on_committee),
    (claims.LEGAL_FRAMEWORK.id, _no_province),
    (claims.FUNDING_SOURCE.id, _no_source),
    (claims.BUDGET_STATED.id, _no_budget),
    (claims.BUDGET_COVERS.id, _short_budget),
    (claims.LIABILITY_CAPPED.id, _unlimited_liability),
    (claims.TERM_WITHIN_HORIZON.id, _beyond_the_horizon),
]
"""Claim id → how to make the base project contradict it."""


def test_the_table_covers_every_claim_of_the_record():
    assert sorted(claim_id for claim_id, _break in ROWS) == sorted(
        k for k in CLAIMS if k.startswith("record.")
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("claim_id", "contradict"), ROWS, ids=[row[0] for row in ROWS])
def test_a_record_claim_is_printed_only_when_it_holds(claim_id, contradict, lang):
    item = CLAIMS[claim_id]
    holds = base()
    assert item.holds(holds) is True
    text = record_text(holds, lang)
    assert fixed(item.sentence, lang) in text
    assert not item.otherwise or fixed(item.otherwise, lang) not in text

    broken = base()
    contradict(broken)
    assert item.holds(broken) is not True
    text = record_text(broken, lang)
    assert fixed(item.sentence, lang) not in text
    if item.otherwise:
        assert fixed(item.otherwise, lang) in text
    assert item.explained_by in {f.code for f in run_checks(broken)}


def test_designated_staff_only_is_never_in_place_while_the_register_shows_otherwise():
    """The lawyer's case: the police chief meets a vendor; the finding is justified."""
    p = copy.deepcopy(load_example("emergency-perimeter"))
    found = {f.code: f for f in run_checks(p)}
    assert found["V-UNDESIGNATED"].is_justified(p)
    for lang in ("fr", "en"):
        text = record_text(p, lang)
        practice = tr("Only designated IT and procurement staff meet vendors", lang)
        (row,) = [line for line in text.splitlines() if line.split(" | ")[0] == practice]
        assert tr("In place", lang) not in row and tr("Justified exception", lang) in row
        assert "Luc Bergeron" in row
        assert fixed(claims.DESIGNATED_STAFF_ONLY.sentence, lang) not in text


def test_unlinked_criteria_are_not_counted_as_met_by_no_solution():
    """'0 solutions meet M-5' beside '3 meet every mandatory criterion' (issue 15)."""
    p = base()
    _unlinked(p)
    text = record_text(p, "en")
    assert "M-1 | " in text and "| not linked to the scan" in text
    assert "Scanned solutions that meet every mandatory criterion" not in text
    assert "Mandatory criteria not linked to the scan, which it cannot check: 1." in text
    assert "| 0" not in text.split("Mandatory criteria and how many")[1].split("\n\n")[0]


def test_compliant_products_are_named_only_after_award_by_option():
    p = base()
    names = "Nimbus Workspace, Stratus Office Online, Commons Office Server, Fairwind Docs"
    label = "Scanned solutions meeting every mandatory criterion linked to the scan:"
    assert label not in record_text(p, "en") and names not in record_text(p, "en")
    p.export.name_compliant_products = True
    assert f"{label} {names}" in record_text(p, "en")


CODE = re.compile(r"\b[A-Z]{1,3}-[A-Z][A-Z-]+\b")


@pytest.mark.parametrize("name", ["emergency-perimeter", "office-suite", "training"])
def test_no_finding_code_nor_wizard_instruction_in_an_example_record(name):
    from wizard.core.checks.catalogue import catalogue

    codes = {entry.code for entry in catalogue()}
    p = load_example(name)
    for lang in ("fr", "en"):
        text = record_text(p, lang)
        assert [c for c in CODE.findall(text) if c in codes] == []
        for instruction in (
            "Settle it before the tender",
            "use your town's",
            "utilisez le taux de votre ville",
            "Keep this data in-house",
            "Route this exchange",
            "Coût par budget payeur",
            "jury",
        ):
            assert instruction.casefold() not in text.casefold(), (lang, instruction)


@pytest.mark.parametrize("name", ["emergency-perimeter", "office-suite", "training"])
def test_every_example_record_opens_with_a_summary_and_a_recommendation(name):
    p = load_example(name)
    for lang in ("fr", "en"):
        headings = [b.text for b in record_blocks(p, lang) if isinstance(b, Heading) and b.level == 1]
        assert headings[:2] == [tr("Executive summary", lang), tr("Recommendation", lang)]
        text = record_text(p, lang)
        assert "[À COMPLÉTER / TO BE COMPLETED]" not in text.split(tr("Table of contents", lang))[0]
    french = record_text(p, "fr")
    assert "Il est proposé par ____________, appuyé par ____________, et résolu\u00a0:" in french
    assert f"D’autoriser le lancement de l’appel d’offres {p.info.reference}," in french
    assert "De financer cette dépense, estimée à " in french and " à même " in french
    english = record_text(p, "en")
    assert f"THAT Council authorize the launch of call for tenders {p.info.reference}," in english


def test_every_catalogued_code_has_a_record_sentence():
    """A new check must say what the record states of its findings (record_findings.py)."""
    from wizard.core.checks.catalogue import catalogue
    from wizard.core.documents.record_findings import SENTENCES

    missing = [e.code for e in catalogue() if e.code not in SENTENCES]
    assert missing == [], f"add a record sentence in wizard/core/documents/record_findings.py: {missing}"
