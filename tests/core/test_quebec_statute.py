"""Québec's statutory weighted system: when it binds, its rules as data with sources, and
the tender, the calculator and the checks agreeing (issue 17, deliver 4).

Worked values are computed by hand here, not with the code under test:
(80 + 50) × 10 000 ÷ 100 000 = 13; (70 + 50) × 10 000 ÷ 120 000 = 10;
(95 + 50) × 10 000 ÷ 145 000 = 10; 69.99 stays closed; $24,999.99 is under the
$25,000 of s. 573.1 LCV.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D  # noqa: N817

import pytest

from wizard.core.checks.evaluation import check_evaluation
from wizard.core.documents.blocks import Paragraph, Table
from wizard.core.documents.tender_criteria import evaluation_blocks
from wizard.core.documents.tender_publication import publication_blocks
from wizard.core.domain import evaluation as rules
from wizard.core.domain import quebec
from wizard.core.domain.evaluation import quebec_score, quebec_statute
from wizard.core.model import Author, JuryMember, Project, QualityGridItem
from wizard.core.paths import resource_path


def test_every_fact_has_a_source_and_a_date():
    data = json.loads(resource_path("legal", "quebec.json").read_text(encoding="utf-8"))
    count = 0
    for group in quebec.GROUPS:
        for key, fact in data[group].items():
            count += 1
            assert fact["source"].strip(), key
            assert dt.date(2026, 12, 6) <= dt.date.fromisoformat(fact["checked"]) <= dt.date(2026, 12, 7), key
            if fact.get("confirmed", True) is False:
                assert "counsel" in (fact["source"] + fact.get("note", "")) or "parallel" in fact["source"], (
                    key
                )
    assert count == 21


def test_code_constants_are_the_data_file():
    """The checks, the tender and the calculator read these constants; they are the file's."""
    assert (rules.QUEBEC_MIN_CRITERIA, rules.QUEBEC_MAX_POINTS, rules.QUEBEC_MIN_COMMITTEE) == (4, 30, 3)
    assert D(70) == rules.QUEBEC_MIN_INTERIM
    assert D(25000) == rules.QUEBEC_INVITATION_MINIMUM
    assert quebec.fact("publication", "seao_and_newspaper").confirmed
    assert not quebec.fact("evaluation", "professional_services").confirmed


def test_the_complaint_route_is_data_with_its_deadlines():
    """The AMP's three days are read on its own page; the Town's own complaint deadline
    rests on the public bodies' provisions until counsel confirms the municipal ones."""
    amp = quebec.fact("complaints", "amp_complaint")
    assert amp.confirmed and "amp.quebec" in amp.source
    assert "three days after receiving it" in amp.en and "trois jours après l’avoir reçue" in amp.fr
    town = quebec.fact("complaints", "town_complaint")
    assert not town.confirmed and town.source.startswith("To be confirmed by counsel")
    assert "complaint deadline shown in SEAO" in town.en


@pytest.mark.parametrize(
    ("interim", "price", "expected"),
    [(80, 100000, D(13)), (70, 120000, D(10)), (95, 145000, D(10)), (D("69.99"), 1000, None)],
)
def test_formula_worked_values(interim, price, expected):
    assert quebec_score(interim, price) == expected


@pytest.mark.parametrize(
    ("province", "professional", "estimate", "case"),
    [
        ("ON", True, D(500000), "outside"),
        ("QC", True, D("24999.99"), "below"),
        ("QC", False, D("24999.99"), "below"),
        ("QC", True, D(25000), "required"),
        ("qc", True, None, "required"),
        ("QC", False, D(25000), "if_weighted"),
        ("QC", False, None, "if_weighted"),
    ],
)
def test_when_the_statute_binds(province, professional, estimate, case):
    statute = quebec_statute(province, professional, estimate)
    assert statute.case == case
    assert statute.binds is (case in ("required", "if_weighted"))


def qc_project(estimate: int = 0) -> Project:
    p = Project()
    p.info.province = "QC"
    p.evaluation.tie_break = "Tirage au sort"
    p.authors = [Author(id=1, name="Hélène Tremblay")]
    p.jury = [
        JuryMember(id=i, name=n, declaration_signed=True) for i, n in enumerate(["A B", "C D", "E F"], 1)
    ]
    p.tco.estimate_cad = D(estimate)
    return p


def codes(p: Project) -> list[str]:
    return sorted(f.code for f in check_evaluation(p))


def test_linear_formula_where_the_statute_binds_is_a_finding():
    p = qc_project(80000)  # 70/30, the app's linear price formula
    (f,) = check_evaluation(p)
    assert (f.code, f.severity.value, f.field) == ("E-QC-FORMULA", "warning", "evaluation.quebec_weighted")
    assert "70/30" in f.message("en") and "à faire confirmer par les conseillers juridiques" in f.message(
        "fr"
    )
    p.evaluation.professional_services = True
    assert codes(p) == ["E-QC-REQUIRED"]
    p.tco.estimate_cad = D(20000)  # under $25,000: no call for tenders is required
    assert codes(p) == []
    p = qc_project(80000)
    p.evaluation.quality_weight, p.evaluation.price_weight = 0, 100  # price alone
    assert "E-QC-FORMULA" not in codes(p)
    p = qc_project(80000)
    p.info.province = "ON"
    assert codes(p) == []


def _weighted(p: Project, *points: int, secretary: str = "Louise Gagnon") -> Project:
    p.evaluation.quebec_weighted = True
    p.evaluation.committee_secretary = secretary
    p.quality_grid = [QualityGridItem(i, f"Critère {i}", n) for i, n in enumerate(points, 1)]
    return p


def test_statutory_system_rules():
    assert codes(_weighted(qc_project(80000), 30, 30, 20, 20)) == []
    assert codes(_weighted(qc_project(80000), 31, 29, 20, 20)) == ["E-QC-MAX"]
    assert codes(_weighted(qc_project(80000), 40, 30, 30)) == ["E-QC-CRITERIA", "E-QC-MAX"]
    assert codes(_weighted(qc_project(80000), 25, 25, 25, 24)) == ["E-QC-TOTAL"]
    assert codes(_weighted(qc_project(80000), 25, 25, 25, 25, secretary=" ")) == ["E-QC-SECRETARY"]
    p = _weighted(qc_project(80000), 25, 25, 25, 25)
    p.jury = p.jury[:2]
    assert codes(p) == ["E-QC-COMMITTEE"]


def _texts(blocks) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        elif isinstance(b, Table):
            out += [" | ".join(r) for r in b.rows]
    return "\n".join(out)


def test_tender_states_the_statute_committee_and_two_envelopes():
    p = _weighted(qc_project(80000), 30, 30, 20, 20)
    en, fr = _texts(evaluation_blocks(p, "en")), _texts(evaluation_blocks(p, "fr"))
    assert (
        "s. 573.1.0.1, or the Municipal Code of Québec (CQLR, c. C-27.1), art. 936.0.1 [to be confirmed by counsel]"
        in en
    )
    assert "Members of council may not sit on the selection committee." in en
    assert "interim score is at least 70 out of 100; the envelopes 2 of the other bids are never opened" in en
    assert "The Town has appointed a secretary of the selection committee" in en
    assert "Critère 1 | 30" in en and "Total | 100" in en
    assert "art. 573.1.0.1.1" not in fr
    assert (
        "Chaque soumission est déposée en deux fichiers (ou sections) distincts, qualité et prix, de la manière que prévoit la plateforme électronique"
        in fr
        and "bordereau de prix" in fr
    )
    assert "Aucun membre du conseil ne peut siéger au comité de sélection." in fr
    p.evaluation.professional_services = True
    fr = _texts(evaluation_blocks(p, "fr"))
    assert "contrat de services professionnels" in fr and "art. 573.1.0.1.1" in fr
    assert "[à faire confirmer par les conseillers juridiques]" in fr


def test_tender_example_agrees_with_the_calculator():
    """The worked example the tender prints is what the calculator computes."""
    text = _texts(evaluation_blocks(_weighted(qc_project(), 25, 25, 25, 25), "en"))
    assert "(80 + 50) × 10,000 ÷ 100,000 = 13.0" in text and "$120,000 gives 10.0" in text
    assert quebec_score(80, 100000) == 13 and quebec_score(70, 120000) == 10


def test_quebec_publication_on_seao_and_in_a_newspaper():
    p = qc_project(80000)
    fr = _texts(publication_blocks(p, "fr"))
    assert "(SEAO) et un journal diffusé sur le territoire de la Ville" in fr
    assert "ne peuvent être obtenus que par le SEAO" in fr
    assert "(SEAO) and a newspaper circulated" in _texts(publication_blocks(p, "en"))
    p.tco.estimate_cad = D(10000)
    assert "SEAO" not in _texts(publication_blocks(p, "fr"))
    p.info.province = "NS"
    p.tco.estimate_cad = D(0)
    assert "SEAO" not in _texts(publication_blocks(p, "en"))


def test_statutory_system_outside_quebec_is_a_warning():
    p = _weighted(qc_project(80000), 30, 30, 20, 20)
    p.info.province = "NS"
    (f,) = check_evaluation(p)
    assert (f.code, f.severity.value) == ("E-QC-OUTSIDE", "warning")
    assert "n’est pas au Québec" in f.message("fr")
    p.info.province = ""  # no province yet: another step says so
    assert codes(p) == []
