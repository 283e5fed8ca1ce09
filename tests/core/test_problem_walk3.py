"""The third walk's problem-statement defects (walk3-report 3, 4, 5, 16, 17).

Each trigger is the walk's own input; each has a clean twin the fix must keep.
"""

from __future__ import annotations

import pytest

from wizard.core.checks.base import brands_of
from wizard.core.checks.lint import detected_names, lint_text


def _named(text: str, lang: str = "en") -> dict[str, list[str]]:
    """code → the names it reports, for the problem codes."""
    found = lint_text("problem", text, lang)
    return {
        f.code: detected_names(f) if f.code == "P-SOLUTION" else brands_of(f)
        for f in found
        if f.code in {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS"}
    }


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Replace our payroll software with Nethris.", "en"),
        ("Remplacer le logiciel de paie par Nethris.", "fr"),
    ],
)
def test_the_product_after_with_is_the_one_to_acquire(text, lang):
    # "replace X with Y": Y is bought, even when X is no name
    assert _named(text, lang) == {"P-SOLUTION": ["Nethris"]}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Replace Accès Cité with Nethris.", "en"),
        ("Remplacer Accès Cité par Nethris.", "fr"),
    ],
)
def test_replace_names_left_and_brought_each_once(text, lang):
    assert _named(text, lang) == {"P-SOLUTION": ["Nethris"], "P-INCUMBENT": ["Accès Cité"]}


def test_a_solution_type_replacing_a_name_does_not_list_the_name():
    text = "Nous devons remplacer notre système Accès Cité Finances par une nouvelle version."
    found = {f.code: f for f in lint_text("problem", text, "fr")}
    assert found["P-SOLUTION"].param("target") == "une nouvelle version"
    assert detected_names(found["P-SOLUTION"]) == []
    assert brands_of(found["P-INCUMBENT"]) == ["Accès Cité"]
    # its twin without a name left keeps the whole request as the target
    twin = {
        f.code: f
        for f in lint_text("problem", "Nous devons remplacer le système de paie par un logiciel.", "fr")
    }
    assert twin["P-SOLUTION"].param("target") == "remplacer le système de paie par un logiciel"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Our payroll runs on Nethris and we need to be able to pay staff every week.", "en"),
        ("Le logiciel de paie actuel, Nethris, ne permet plus de payer les employés.", "fr"),
    ],
)
def test_a_name_in_place_stays_the_incumbent(text, lang):
    assert _named(text, lang) == {"P-INCUMBENT": ["Nethris"]}


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("Nous adhérerons au regroupement de l'UMQ pour Microsoft 365.", "fr", "adhérerons au regroupement"),
        ("Nous adhérerons à l'entente de l'UMQ pour Microsoft 365.", "fr", "adhérerons à l'entente"),
        (
            "La Ville se joindra au consortium des municipalités pour ses photocopieurs.",
            "fr",
            "se joindra au consortium",
        ),
        ("We will join the UMQ group purchase for Microsoft 365.", "en", "group purchase"),
        ("The Town will join the regional buying group for copiers.", "en", "join the regional buying group"),
    ],
)
def test_joining_a_purchasing_group_or_an_agreement_avoids_competition(text, lang, words):
    found = {f.code: f for f in lint_text("problem", text, lang)}
    assert found["P-BYPASS"].param("words") == words


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les employés participent à la formation sur le logiciel de paie.", "fr"),
        ("Nous devons pouvoir gérer l'entente avec la MRC.", "fr"),
        ("Staff need to join the meeting from any device.", "en"),
        ("We need to be able to participate in council meetings remotely.", "en"),
    ],
)
def test_joining_anything_else_is_no_bypass(text, lang):
    assert "P-BYPASS" not in {f.code for f in lint_text("problem", text, lang)}


FR = "J’ai besoin d’évaluer les avantages et la faisabilité "
EN = "I need to evaluate the benefits and feasibility of "
OFFICE_SUITE_CONTEXT = (
    "The shared-services agreement would skip open competition and assumes that cloud "
    "subscriptions cost less than a competitive tender, and that moving to another product "
    "would cost more."
)


@pytest.mark.parametrize(
    ("text", "lang", "suggestion"),
    [
        # the object of "remplacer X par" names nothing: « de remplacer une nouvelle version »
        (
            "Nous devons remplacer notre système Accès Cité Finances par une nouvelle version.",
            "fr",
            FR + "de \u2026",
        ),
        # its twin names a solution type: evaluating its use
        (
            "Nous devons remplacer notre système Accès Cité Finances par un logiciel de paie infonuagique.",
            "fr",
            FR + "d’utiliser un logiciel de paie infonuagique.",
        ),
        # a need verb but a name chosen: the input repeated is no suggestion
        (
            "Le conseil a déjà choisi Tyler Technologies; il faut signer d'ici le 1er mars.",
            "fr",
            FR + "de \u2026",
        ),
        # its twin states a need and names nothing: kept as it is
        ("Il faut réduire nos coûts de formation.", "fr", "Il faut réduire nos coûts de formation."),
        # a purpose that is a clause: "ways to another product would cost more"
        (OFFICE_SUITE_CONTEXT, "en", EN + "\u2026"),
        # its twin's purpose is an infinitive phrase
        ("We want to buy a new system to reduce labour costs.", "en", EN + "ways to reduce labour costs."),
        (
            "Replace our payroll software with a cloud payroll system.",
            "en",
            EN + "using a cloud payroll system.",
        ),
        ("Replace our payroll software.", "en", EN + "replacing our payroll software."),
    ],
)
def test_a_suggestion_is_a_clean_sentence_or_the_template(text, lang, suggestion):
    from wizard.core.checks.restate import suggest_restatement

    assert suggest_restatement(text, lang) == suggestion


def test_the_french_suggestion_and_p_need_share_the_typographic_apostrophe():
    found = {f.code: f for f in lint_text("problem", "Acheter un logiciel de paie.", "fr")}
    assert (
        found["P-SOLUTION"]
        .message("fr")
        .endswith("J’ai besoin d’évaluer les avantages et la faisabilité d’utiliser un logiciel de paie.")
    )
    assert "«\u00a0J’ai besoin d’évaluer" in found["P-NEED"].message("fr")


def test_the_french_wording_of_scope_and_binary_findings_is_natural():
    scope = {
        f.code: f
        for f in lint_text("problem", "Le service des incendies a besoin de réduire ses coûts.", "fr")
    }
    assert scope["P-SCOPE"].message("fr").startswith("L’énoncé ne concerne qu’une unité. ")
    binary = {f.code: f for f in lint_text("criterion", "Le logiciel doit être convivial.", "fr")}
    assert "ne permet pas de répondre par «\u00a0conforme / non conforme\u00a0»" in binary[
        "C-NOT-BINARY"
    ].message("fr")
