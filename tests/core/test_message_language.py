"""A finding's message in the UI language, its suggested wording in the text's own; French
messages spaced as French typography wants (``i18n.compile.french_spacing``)."""

from __future__ import annotations

import pytest

from tests.core.test_market import MATRIX, scan
from wizard.core.checks.criteria import check_criteria
from wizard.core.checks.lint import lint_text
from wizard.core.i18n import tr
from wizard.core.i18n.compile import french_spacing
from wizard.core.model import Criterion, Justification

NBSP = "\u00a0"
FR_TEXT = "Nous voulons acheter Microsoft 365 sans appel d'offres."
EN_TEXT = "We want to buy Microsoft 365 without a tender."


def message(text: str, code: str, ui: str, tender: str) -> str:
    (f,) = [f for f in lint_text("problem", text, tender) if f.code == code]
    return f.message(ui)


@pytest.mark.parametrize("tender", ["fr", "en"])
def test_need_wording_follows_a_french_statement_in_an_english_message(tender):
    text = message(FR_TEXT, "P-NEED", "en", tender)
    assert text == (
        "State the need with a need verb: \u201cNous devons pouvoir \u2026\u201d or "
        "\u201cJ\u2019ai besoin d\u2019évaluer les avantages et la faisabilité de \u2026\u201d."
    )
    assert "J\u2019ai besoin d\u2019évaluer" in message(FR_TEXT, "P-SOLUTION", "en", tender)


@pytest.mark.parametrize("tender", ["fr", "en"])
def test_need_wording_follows_an_english_statement_in_a_french_message(tender):
    text = message(EN_TEXT, "P-NEED", "fr", tender)
    assert text == (
        f"Formulez le besoin avec un verbe de besoin{NBSP}: «{NBSP}We need to be able to \u2026{NBSP}» "
        f"ou «{NBSP}I need to evaluate the benefits and feasibility of \u2026{NBSP}»."
    )
    assert "I need to evaluate" in message(EN_TEXT, "P-SOLUTION", "fr", tender)


def test_need_wording_twin_same_language_as_the_message():
    """The twin: a French statement read in French keeps the French wording."""
    assert "«\u00a0Nous devons pouvoir \u2026\u00a0»" in message(FR_TEXT, "P-NEED", "fr", "en")
    assert "\u201cWe need to be able to \u2026\u201d" in message(EN_TEXT, "P-NEED", "en", "fr")


@pytest.mark.parametrize(
    ("text", "wording"),
    [
        ("Compatible avec Laserfiche pour la gestion des documents", "ou l\u2019équivalent"),
        ("Compatible with Laserfiche for the records of the town", "or equivalent"),
    ],
)
def test_or_equivalent_asked_in_the_criterion_language(text, wording):
    p = scan(MATRIX)  # an English tender
    p.criteria = [Criterion(id=3, text=text, kind="optional")]
    p.justifications = [Justification(id=1, code="C-BRAND", field="criteria:3.text", reason="Installed base")]
    (f,) = [f for f in check_criteria(p) if f.code == "C-EQUIVALENT"]
    assert f.message("en") == (
        f"Criterion OPT-1: a justified brand name must be followed by \u201c{wording}\u201d, as the trade "
        "agreements require."
    )
    assert f"«{NBSP}{wording}{NBSP}»" in f.message("fr")


def test_french_finding_has_no_break_spaces_inside_guillemets_and_before_colon():
    text = message(FR_TEXT, "P-BYPASS", "fr", "fr")
    assert text == (
        f"L\u2019énoncé évite la mise en concurrence («{NBSP}sans appel d'offres{NBSP}»). "
        "Chaque fournisseur doit avoir la possibilité de soumissionner."
    )
    assert f"solution plutôt qu\u2019un besoin{NBSP}: «{NBSP}acheter" in message(
        FR_TEXT, "P-SOLUTION", "fr", "fr"
    )


def test_english_finding_untouched_and_user_text_keeps_its_characters():
    """The twin: the English message has no no-break space; the user's quoted text keeps
    its straight apostrophe and its plain spaces, even before a colon."""
    quoted = "sans appel d'offres : vite"
    (f,) = [f for f in lint_text("problem", f"Achat {quoted}.", "fr") if f.code == "P-BYPASS"]
    assert NBSP not in f.message("en")
    assert f.message("en").startswith("The statement avoids open competition (\u201csans appel d'offres")
    words = f.param("words")
    assert words in f.message("fr") and " " in words and NBSP not in words


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("Nom : « {value} » ; suite ? oui !", f"Nom{NBSP}: «{NBSP}{{value}}{NBSP}»; suite? oui!"),
        ("faire; par exemple", "faire; par exemple"),  # already so: unchanged
        ("séparées par « ; ».", f"séparées par «{NBSP};{NBSP}»."),  # a quoted mark keeps its space
        ("✗ non offerte, ? inconnu.", "✗ non offerte, ? inconnu."),  # a sign, not a question
        ("à 14:00, voir https://example.org", "à 14:00, voir https://example.org"),
        # a count and its unit of time: « 30 jours » never ends a line between them
        ("dans les {days} jours suivant", f"dans les {{days}}{NBSP}jours suivant"),
        ("{count} an, {count} ans, 12 mois", f"{{count}}{NBSP}an, {{count}}{NBSP}ans, 12{NBSP}mois"),
        ("de 8 h à 17 h (heure)", f"de 8{NBSP}h à 17{NBSP}h (heure)"),
        ("{low} et {high} semaines; 24 heures", f"{{low}} et {{high}}{NBSP}semaines; 24{NBSP}heures"),
        # twins: no number before the word, or a longer word that starts like a unit
        ("les jours fériés, chaque mois", "les jours fériés, chaque mois"),
        (
            "{count} annonces, 2 fois, 3 heureux, {name} hors",
            "{count} annonces, 2 fois, 3 heureux, {name} hors",
        ),
        ("(30) jours, trente jours", "(30) jours, trente jours"),
    ],
)
def test_french_spacing(text, spaced):
    assert french_spacing(text) == spaced


def test_catalogue_is_spaced_once_compiled():
    """A .po msgstr written with plain spaces reads with no-break ones (the compile step)."""
    assert tr("Criterion", "fr") == "Critère"
    assert "«\u00a0" in tr(
        "The statement avoids open competition (\u201c{words}\u201d). Every vendor "
        "must get the chance to bid.",
        "fr",
    )


def test_french_clause_templates_are_spaced():
    """The French library clauses write the no-break spaces themselves (a Jinja tag's own
    text is no French: left alone); the English ones hold none before a colon."""
    import re

    from wizard.core.paths import template_path

    tag = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)
    folder = template_path("clauses")
    unspaced = [
        path.name
        for path in sorted((folder / "fr").glob("*.j2"))
        for i, part in enumerate(tag.split(path.read_text(encoding="utf-8")))
        if i % 2 == 0 and french_spacing(part) != part
    ]
    assert unspaced == []
    assert sorted(p.name for p in (folder / "en").glob("*.j2") if NBSP in p.read_text(encoding="utf-8")) == []
