"""Claims: every sentence of the documents that states a fact about the project, tested
as a table (docs/claims.md; docs/cases.md K29).

For each registered claim, :data:`ROWS` holds a :class:`Row`: the bundled example it
starts from and the changes that make the claim hold, fail, and (when the claim knows
that case) leave it unknown. The test builds the document the claim's id names
(``tender.…`` → the tender, ``record.…`` → the decision record) in French and in
English and checks that

* where the claim holds, its sentence is printed;
* where it fails, the sentence is absent, the true statement (``otherwise``) is printed
  when the claim has one, and the finding ``explained_by`` is among the findings;
* where the project does not tell, the ``unknown`` sentence (or ``otherwise``) is
  printed and one of ``unknown_explained_by`` is among the findings.

A registered claim without a row here or in ``test_record_claims.py`` (the decision
record's table) fails :func:`test_every_claim_has_a_row`. To add a claim: register it
(``wizard/core/claims/<document>.py``), add its row, run ``python tools/claims_table.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from wizard.core.checks import run_checks
from wizard.core.checks.catalogue import catalogue
from wizard.core.claims import CLAIMS
from wizard.core.documents.blocks import Document, Paragraph, Table
from wizard.core.examples import example_names, load_example
from wizard.core.i18n import tr
from wizard.core.model import ClauseChoice, Project, QualityGridItem

Mutator = Callable[[Project], None]


def keep(_project: Project) -> None:
    """The example as it is."""


@dataclass(frozen=True)
class Row:
    """How to make one claim hold, fail, and (optionally) be unknown, from ``example``."""

    true: Mutator
    false: Mutator
    unknown: Mutator | None = None
    example: str = "emergency-perimeter"


def _clause_removed(clause_id: str) -> Mutator:
    def change(project: Project) -> None:
        project.clause_choices.append(ClauseChoice(id=99, clause_id=clause_id, included=False))

    return change


def _criterion_text(text: str) -> Mutator:
    def change(project: Project) -> None:
        project.criteria[0].text = text

    return change


def _quebec(*points: int, jury: int = 3, secretary: str = "Louise Gagnon") -> Mutator:
    """Québec's weighted system with a quality grid of ``points``, the first ``jury``
    members of the example's selection committee and its secretary."""

    def change(project: Project) -> None:
        project.evaluation.quebec_weighted = True
        project.evaluation.committee_secretary = secretary
        project.quality_grid = [QualityGridItem(i, f"Critère {i}", n) for i, n in enumerate(points, 1)]
        project.jury = project.jury[:jury]

    return change


def _author_on_jury(project: Project) -> None:
    project.jury[0].name = project.authors[0].name.upper()  # compared without case


def _no_jury(project: Project) -> None:
    project.jury = []


def _demo(project: Project) -> None:
    project.vendor_exchanges[0].demo = True


def _nda(project: Project) -> None:
    project.vendor_exchanges[0].nda_signed = True


def _no_province(project: Project) -> None:
    project.info.province = ""


def _contract_unplanned(project: Project) -> None:
    next(i for i in project.publication_items if i.key == "contract").planned = False


def _linear(project: Project) -> None:
    """The app's own quality/price weights instead of Québec's statutory system."""
    project.evaluation.quebec_weighted = False


def _weights_off(project: Project) -> None:
    _linear(project)
    project.evaluation.price_weight = 40


def _excluded(project: Project) -> None:
    """A vendor of the register helped draft the tender: it is excluded (no example has one)."""
    project.vendor_exchanges[0].drafting = "helped_draft"


def _excluded_clause_removed(project: Project) -> None:
    _excluded(project)
    _clause_removed("excluded-vendors")(project)


def _pilot_unmeasured(project: Project) -> None:
    """The pilot names no scenario to meet (E-PILOT)."""
    project.evaluation.pilot_scenario_ids = []


ROWS: dict[str, Row] = {
    "tender.need-not-a-product": Row(
        keep,
        _criterion_text("La solution s'intègre à ArcGIS ou l'équivalent."),
        _criterion_text("La solution s'intègre à PermisPlus ou l'équivalent."),
        example="training",
    ),
    "tender.trade-names-or-equivalent": Row(
        _criterion_text("La solution s'intègre à ArcGIS ou l'équivalent."),
        _criterion_text("La solution s'intègre à ArcGIS."),
        _criterion_text("La solution s'intègre à PermisPlus."),
        example="training",
    ),
    "tender.mission-critical": Row(keep, _clause_removed("critical-systems")),
    "tender.personal-information": Row(keep, _clause_removed("privacy")),
    "tender.scored-out-of-100": Row(_linear, _weights_off),
    "tender.no-author-on-committee": Row(keep, _author_on_jury, _no_jury),
    "tender.committee-of-three": Row(_quebec(25, 25, 25, 25), _quebec(25, 25, 25, 25, jury=2)),
    "tender.quality-points-capped": Row(_quebec(25, 25, 25, 25), _quebec(40, 20, 20, 20), _quebec()),
    "tender.committee-secretary": Row(_quebec(25, 25, 25, 25), _quebec(25, 25, 25, 25, secretary="")),
    "tender.no-demonstration": Row(keep, _demo),
    "tender.no-nda": Row(keep, _nda),
    "tender.publishes-bids-and-contract": Row(keep, _contract_unplanned),
    "tender.excluded-under-the-clause": Row(_excluded, _excluded_clause_removed),
    "tender.framework-of-the-province": Row(keep, _no_province),
    "tender.no-supplier-excluded": Row(keep, _excluded),
    "tender.pilot-measured": Row(keep, _pilot_unmeasured),
}
"""Claim id → its :class:`Row`. The decision record's claims have their own table,
``tests/core/test_record_claims.py`` (sentences with parameters, checked by their fixed
start); a record claim may move here as a :class:`Row`."""


def _tender(project: Project, lang: str) -> Document:
    from wizard.core.documents.tender import tender_document

    return tender_document(project, lang)


def _record(project: Project, lang: str) -> Document:
    from wizard.core.documents.record import record_document

    return record_document(project, lang)


DOCUMENTS: dict[str, Callable[[Project, str], Document]] = {"tender": _tender, "record": _record}
"""The document a claim's id names (its part before the first dot) → its builder."""


def document_text(document: Document) -> str:
    """Every text of ``document``, one per line: paragraphs with their lead-ins, headings,
    clauses, table cells and the page header."""
    lines = [document.header]
    for block in document.blocks:
        if isinstance(block, Table):
            lines += [cell for row in [*block.header, *block.rows] for cell in row]
        elif isinstance(block, Paragraph) and block.label:
            lines.append(f"{block.label} {block.text}")
        else:
            lines.append(getattr(block, "text", ""))
    return "\n".join(lines)


def _build(claim_id: str, mutate: Mutator) -> tuple[Project, dict[str, str], set[str]]:
    row = ROWS[claim_id]
    project = load_example(row.example)
    mutate(project)
    build = DOCUMENTS[claim_id.split(".", 1)[0]]
    texts = {lang: document_text(build(project, lang)) for lang in ("fr", "en")}
    return project, texts, {f.code for f in run_checks(project)}


def _record_rows() -> set[str]:
    """The decision record's claims tabled in ``test_record_claims.py`` (its ``ROWS``: how
    to contradict each one from the office-suite example)."""
    from test_record_claims import ROWS as RECORD_ROWS

    return {claim_id for claim_id, _contradict in RECORD_ROWS}


def test_every_claim_has_a_row():
    tabled = set(ROWS) | _record_rows()
    assert set(CLAIMS) - tabled == set(), "a registered claim has no row (here or in test_record_claims.py)"
    assert tabled - set(CLAIMS) == set(), "a row for a claim that is not registered"
    assert all(row.example in example_names() for row in ROWS.values())


def test_claims_name_their_document_and_catalogued_findings():
    codes = {entry.code for entry in catalogue()}
    for claim_id, item in CLAIMS.items():
        assert claim_id.split(".", 1)[0] in DOCUMENTS, claim_id
        assert item.explained_by in codes, claim_id
        assert set(item.unknown_explained_by) <= codes, claim_id
        assert item.where, claim_id


@pytest.mark.parametrize("claim_id", sorted(ROWS))
def test_a_claim_that_holds_is_printed_in_french_and_english(claim_id):
    item = CLAIMS[claim_id]
    project, texts, _codes = _build(claim_id, ROWS[claim_id].true)
    assert item.holds(project) is True
    for lang, text in texts.items():
        assert tr(item.sentence, lang) in text, lang


@pytest.mark.parametrize("claim_id", sorted(ROWS))
def test_a_claim_that_fails_is_left_out_or_replaced_and_explained(claim_id):
    item = CLAIMS[claim_id]
    project, texts, codes = _build(claim_id, ROWS[claim_id].false)
    assert item.holds(project) is False
    for lang, text in texts.items():
        assert tr(item.sentence, lang) not in text, lang
        if item.otherwise:
            assert tr(item.otherwise, lang) in text, lang
    assert item.explained_by in codes


@pytest.mark.parametrize("claim_id", sorted(k for k, row in ROWS.items() if row.unknown))
def test_a_claim_the_project_does_not_tell_is_not_asserted(claim_id):
    item, row = CLAIMS[claim_id], ROWS[claim_id]
    assert row.unknown is not None
    project, texts, codes = _build(claim_id, row.unknown)
    assert item.holds(project) is None
    instead = item.unknown or item.otherwise
    for lang, text in texts.items():
        assert tr(item.sentence, lang) not in text, lang
        if instead:
            assert tr(instead, lang) in text, lang
    assert codes & set(item.unknown_explained_by)


# -- K29: a criterion naming a product without "or equivalent"; an author on the jury -----


def test_k29_standard_sentences_are_printed_only_when_true():
    """docs/cases.md K29, with the text each version prints."""
    project = load_example("training")
    fr, en = (document_text(_tender(project, lang)) for lang in ("fr", "en"))
    assert (
        "Les critères décrivent des besoins et des normes reconnues; lorsqu’une marque de commerce y figure, "
        "elle est suivie de la mention «\u00a0ou l’équivalent\u00a0»." in fr
    )
    assert "where a trade name appears, it is followed by the words “or equivalent”." in en
    assert "Aucun des rédacteurs du présent appel d’offres ne siège au comité de sélection." in fr
    assert "The selection committee does not include any author of this tender." in en

    project.criteria[1].text = "La solution s'intègre à ArcGIS Online et à Microsoft Teams."
    project.jury[1].name = "eric savoie"  # an author, typed otherwise
    codes = [f.code for f in run_checks(project)]
    assert {"C-BRAND", "E-JURY-AUTHOR"} <= set(codes)
    fr, en = (document_text(_tender(project, lang)) for lang in ("fr", "en"))
    assert "ou l’équivalent" not in fr and "“or equivalent”" not in en
    assert "et non un produit" not in fr and "not a product" not in en
    assert "rédacteurs" not in fr and "author of this tender" not in en
    assert "Le comité technique vérifie chaque critère selon le mode de vérification" in fr
    assert "The technical committee verifies each criterion by the means of verification" in en


def test_the_note_lists_every_claim():
    """docs/claims.md holds the table the code gives (``python tools/claims_table.py``)."""
    from pathlib import Path

    from wizard.core.claims import table

    note = (Path(__file__).resolve().parents[2] / "docs" / "claims.md").read_text(encoding="utf-8")
    assert table.replace_table(note, table.markdown()) == note, "run python tools/claims_table.py"
    assert all(f"`{claim_id}`" in note for claim_id in CLAIMS)
