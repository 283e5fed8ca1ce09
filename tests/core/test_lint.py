"""``lint_text`` and ``python main.py lint``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wizard.core.checks.lint import lint_text

ROOT = Path(__file__).resolve().parents[2]


def run(*args):
    return subprocess.run(
        [sys.executable, "main.py", "lint", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


@pytest.mark.slow
def test_cli_prints_one_code_per_line_and_exits_1_on_errors():
    result = run(
        "--field", "problem", "Replace our permitting software and waive competitive bidding for the upgrade"
    )
    assert result.returncode == 1
    assert sorted(result.stdout.split()) == ["P-BYPASS", "P-NEED", "P-SOLUTION"]
    assert result.stderr == ""


@pytest.mark.slow
def test_cli_clean_criterion_exits_0():
    result = run("--field", "criterion", "--lang", "fr", "Conforme aux WCAG 2.1 niveau AA")
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.slow
def test_cli_brand_in_criterion_prints_the_name():
    result = run("--field", "criterion", "Native support for Microsoft Entra ID single sign-on")
    assert (result.returncode, result.stdout) == (1, "C-BRAND  Microsoft Entra ID\n")


@pytest.mark.slow
def test_cli_prints_every_detected_name_as_written():
    result = run("--field", "criterion", "--lang", "fr", "Compatible avec les couches d'ESRI et MS Office")
    assert result.stdout.splitlines() == ["C-BRAND  ESRI, MS Office"]


@pytest.mark.slow
def test_cli_problem_names_the_targeted_brand_and_the_incumbent():
    result = run("--field", "problem", "Buy Microsoft 365 for all staff.")
    assert sorted(result.stdout.splitlines()) == ["P-NEED", "P-SOLUTION  Microsoft 365"]
    result = run("--field", "problem", "Our old Cityworks can no longer cope; we need to track work orders.")
    assert (result.returncode, result.stdout) == (0, "P-INCUMBENT  Cityworks\n")


def test_lint_keeps_only_findings_about_the_text():
    # a lone mandatory criterion would be "too many mandatory" in a project: not reported here
    assert lint_text("criterion", "Data hosted in Canada", "en") == []
    (f,) = lint_text("scenario", "Open ArcGIS Pro and draw a polygon", "fr")
    assert (f.code, f.field) == ("S-BRAND", "scenarios:1.steps")


def test_lint_rejects_an_unknown_field():
    with pytest.raises(ValueError, match="unknown field"):
        lint_text("clause", "x", "en")


def test_problem_messages_follow_the_language():
    (f,) = [
        f
        for f in lint_text("problem", "Acheter un logiciel de formation pour réduire les coûts.", "fr")
        if f.code == "P-SOLUTION"
    ]
    assert f.message("fr").startswith(
        "L’énoncé cible une solution plutôt qu’un besoin\u00a0: «\u00a0Acheter un logiciel\u00a0»"
    )
    assert f.message("fr").endswith(
        "J’ai besoin d’évaluer les avantages et la faisabilité de réduire les coûts."
    )
    assert f.principle_text("en") == "Define the problem first: a need to meet, not a product to buy."


# -- issue 19: P-codes on real wording, with clean twins (docs/cases.md K17) ----------

P_CODES = {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a product to acquire named as a noun is P-SOLUTION, not P-INCUMBENT
        ("We need the implementation of Laserfiche for all departments.", "en", {"P-SOLUTION"}),
        (
            "Staff anticipates that an investment in modern enterprise software will help.",
            "en",
            {"P-SOLUTION"},
        ),
        ("The city currently uses Hexagon Records Management and it crashes daily.", "en", {"P-INCUMBENT"}),
        ("We need to track work orders from the field.", "en", set()),
        # bypass wording
        # a purchase named as a noun in a bypass sentence is the object of the bypass:
        # reported once, as P-BYPASS (tests/corpus/README.md); a verb stays a request
        (
            "Buy the switches through a cooperative agreement under the state contract.",
            "en",
            {"P-BYPASS", "P-SOLUTION"},
        ),
        (
            "The procurement of the switches comes through a cooperative agreement.",
            "en",
            {"P-BYPASS"},
        ),
        (
            "Waiving the competitive bid requirement and approving the lease contract with Motorola Solutions.",
            "en",
            {"P-BYPASS"},
        ),
        (
            "We want to buy new switches. We will use a cooperative agreement under the state contract.",
            "en",
            {"P-BYPASS", "P-SOLUTION"},
        ),
        (
            "The procurement comes via a Proprietary Justification: only a single vendor can supply it.",
            "en",
            {"P-BYPASS"},
        ),
        (
            "Comme la Ville passe par une entente-cadre, elle n'a pas à lancer un nouvel appel d'offres.",
            "fr",
            {"P-BYPASS"},
        ),
        ("Nous adhérons au regroupement d'achats pour les licences.", "fr", {"P-BYPASS"}),
        (
            "Nous voulons acheter des licences. Nous adhérons au regroupement d'achats.",
            "fr",
            {"P-BYPASS", "P-SOLUTION"},
        ),
        ("Nous devons pouvoir publier les ordres du jour en ligne.", "fr", set()),
        # presumptions of superiority
        ("The system is a recognized industry standard and the most robust.", "en", {"P-PRESUME"}),
        ("Nous devons choisir la meilleure solution, la plus fiable.", "fr", {"P-PRESUME"}),
        ("We need to be able to publish agendas online.", "en", set()),
    ],
)
def test_problem_codes_issue_19(text, lang, expected):
    assert {f.code for f in lint_text("problem", text, lang)} & P_CODES == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # history of the current system: a past acquisition verb then a date is no request
        (
            "Installed in 2016, these switches reach end-of-life this year, without updates from Cisco.",
            "en",
            {"P-INCUMBENT"},
        ),
        ("We need to install new switches in 2027.", "en", {"P-SOLUTION"}),
        ("Acquis en 2009, le logiciel GEFI ne répond plus aux besoins.", "fr", {"P-INCUMBENT"}),
        ("Nous devons acquérir le logiciel GEFI.", "fr", {"P-SOLUTION"}),
        # a change argued against is no request
        (
            "Our GIS relies on Esri's software; transitioning to a different solution would be costly.",
            "en",
            {"P-INCUMBENT"},
        ),
        ("We need to transition to a different solution.", "en", {"P-SOLUTION"}),
        # the current system by its upgrade history
        (
            "The CGI Advantage system went through its last major upgrade in 2005.",
            "en",
            {"P-INCUMBENT"},
        ),
        # a saving claimed before the market scan
        (
            "Upgrading to the new version gives a savings of about $100,000.",
            "en",
            {"P-SOLUTION", "P-PRESUME"},
        ),
        ("Les appels d'offres devaient permettre d'obtenir d'importantes économies.", "fr", {"P-PRESUME"}),
        ("Nous devons connaître le coût total sur dix ans.", "fr", set()),
        # sole source in French
        ("Le ministère a justifié un marché d'exclusivité pour cet équipement.", "fr", {"P-BYPASS"}),
        ("L'achat par appel d'offres unique de cet équipement a été contesté.", "fr", {"P-BYPASS"}),
        ("Le marché sera attribué après un appel d'offres public.", "fr", set()),
    ],
)
def test_problem_code_kinds_second_pass(text, lang, expected):
    assert {f.code for f in lint_text("problem", text, lang)} & P_CODES == expected
