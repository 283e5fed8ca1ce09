"""False alarms that whole tender documents showed once the brand list grew (issue 19,
K34): people named Shure, Liebert, Barco or Bentley; names made of ordinary words written
in lower case; public bodies taken for firms; a funding table taken for a quote. Each
with its twin: the product or vendor in product context is still found."""

from __future__ import annotations

import pytest

from wizard.core.checks.lint import detected_names, lint_text
from wizard.core.domain.brands import detect_brands


def _names(text: str, lang: str = "en") -> list[str]:
    return [n for f in lint_text("criterion", text, lang) if "BRAND" in f.code for n in detected_names(f)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Questions must be directed to Jane Shure, Clerk, or Maria Barco, Treasurer.", "en"),
        ("Submissions shall be sent to John Liebert, Director of IT.", "en"),
        ("The report must be reviewed by Kyle Bentley, GIS Coordinator.", "en"),
        (
            "The vendor must provide absolute software version control and world wide technology support.",
            "en",
        ),
        ("The solution shall integrate GPS insight data, continental access rules and spare labs.", "en"),
        ("Long view systems must be shown on the dashboard.", "en"),
        ("Le mandat doit tenir compte de l'analyse réalisée par Hydro-Québec sur le réseau.", "fr"),
        ("Les soumissions doivent passer par le regroupement d'achats du Groupe UMQ.", "fr"),
        ("The system shall produce CRA T4 slips for every employee.", "en"),
    ],
)
def test_people_ordinary_words_and_public_bodies_are_no_brand(text, lang):
    assert _names(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("The City shall buy a Shure wireless microphone kit and Barco projectors.", "en", None),
        (
            "The UPS must be a Vertiv Liebert unit or a Liebert GXT5.",
            "en",
            ["Vertiv Liebert", "Liebert GXT5"],
        ),
        ("The design must be delivered in Bentley software formats.", "en", ["Bentley"]),
        ("Support shall come from World Wide Technology or Long View Systems.", "en", None),
        ("The laptops must run Absolute Software agents.", "en", ["Absolute Software"]),
        ("The maker must be Zebra GK420T compatible.", "en", ["Zebra GK420T"]),
    ],
)
def test_the_same_names_in_product_context_are_found(text, lang, names):
    found = _names(text, lang)
    if names is None:  # the canonical names, the words after a contextual one kept in the span
        assert [m.canonical for m in detect_brands(text)] in (
            ["Shure", "Barco"],
            ["World Wide Technology", "Long View Systems"],
        )
        assert found
    else:
        assert found == names
