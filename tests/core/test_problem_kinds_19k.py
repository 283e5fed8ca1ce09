"""Issue 19, ninth round, problem side: the names a problem statement's structure shows, and
what the role rules gave each (tests/corpus/README.md, "A ninth round, problem side").

Two kinds were kept because, switched on alone over the kinds already kept, each fixed tuning
statements of the corpus in two folds or more and broke none:

* a name no list knows right after the words of who makes, offers or provides a product
  ("the platform offered by X", « en ayant recours à X », "developed by X") is a name, its
  role then read like any other's;
* an amount of money in the clause of a name no other word decides is the price of a deal
  made now: the name is the one chosen (P-SOLUTION), where the fallback took it for the
  system in place.

Each has a clean twin: an ordinary word after the same words (« offerte par la Ville »), the
same sentence without the price, or the price of the system in place.

``read_statement`` gives each name its role and the rule that decided it; the corpus counts
its causes (``measure.problem_causes``).
"""

from __future__ import annotations

import pytest

from wizard.core.checks.lint import lint_text
from wizard.core.checks.problem import read_statement, solution_targets

CODES = {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"}


def _codes(text: str, lang: str = "en") -> set[str]:
    return {f.code for f in lint_text("problem", text, lang)} & CODES


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        # a name no list knows after the words of who provides it (corpus kinds, folds 2 and 4)
        (
            "La plateforme offerte par Qorvanta a démontré un niveau de performance acceptable.",
            "fr",
            {"P-INCUMBENT"},
        ),
        (
            "Les actes ont été numérisés en ayant recours à Qorvanta, contrat qui se poursuit.",
            "fr",
            {"P-INCUMBENT"},
        ),
        ("Our records system, developed by Qorvanta, crashes every week.", "en", {"P-INCUMBENT"}),
        # clean twins: an ordinary word or a public body after the same words
        ("La plateforme offerte par la Ville a démontré un niveau de performance acceptable.", "fr", set()),
        ("Our records system, developed by City staff, crashes every week.", "en", set()),
        # a price in the name's clause: a deal made now (corpus kinds, folds 0, 2 and 3)
        ("The Qorvanta software package would cost $217,718.", "en", {"P-SOLUTION"}),
        (
            "Le Collège autorise l'engagement de la somme de 192.951,20 EUR pour 400 licences Dynamics 365.",
            "fr",
            {"P-SOLUTION"},
        ),
        # clean twins: no price, or the price of the system in place
        ("The Springbrook software package is slow.", "en", {"P-INCUMBENT"}),
        ("The current Springbrook software package costs $21,000 a year.", "en", {"P-INCUMBENT"}),
    ],
)
def test_names_by_their_place_and_deals_by_their_price(text: str, lang: str, codes: set[str]) -> None:
    assert _codes(text, lang) == codes


def test_a_provider_word_before_an_ordinary_word_finds_no_name() -> None:
    assert read_statement("The portal offered by Council is slow.").names == []


def test_each_name_has_its_role_and_the_rule_that_gave_it() -> None:
    reading = read_statement("Replace Microsoft Exchange with Zimbra.")
    assert [(n.match.name, n.role, n.rule) for n in reading.names] == [
        ("Microsoft Exchange", "incumbent", "replaced"),
        ("Zimbra", "target", "replacing"),
    ]
    assert (reading.targets, reading.incumbents) == solution_targets(
        "Replace Microsoft Exchange with Zimbra."
    )
    priced = read_statement("The Qorvanta software package would cost $217,718.")
    assert [(n.match.name, n.role, n.rule, n.listed) for n in priced.names] == [
        ("Qorvanta", "target", "priced", False)
    ]
    typed = read_statement("We need to buy a new phone system.")
    assert typed.names == [] and typed.types == ["buy a new phone"]


def test_a_change_argued_against_gives_its_name_no_role() -> None:
    reading = read_statement("Transitioning to Zimbra would be costly and disruptive.")
    assert [(n.match.name, n.role, n.rule) for n in reading.names] == [("Zimbra", "", "silenced")]
    assert reading.targets == []
