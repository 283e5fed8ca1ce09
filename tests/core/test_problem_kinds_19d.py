"""Issue 19, fourth round: the deal, the supplier and the system in place.

A name is the vendor chosen when a deal is linked to it by the preposition right before it
(a contract, an offer, an award, a signature, negotiations, money set aside); it is the
system in place when a verb of use holds it or its contract's term is extended, even in a
sentence that avoids competition. One supplier named as the only one, the purchasing rules
waived and the competition held by another body avoid open competition. Each kind has a
clean twin; the sentences are written for the test, not taken from the corpus.
"""

from __future__ import annotations

import pytest

from wizard.core.checks.lint import lint_text

CODES = {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"}


def _codes(text: str, lang: str = "en") -> set[str]:
    return {f.code for f in lint_text("problem", text, lang)} & CODES


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # a deal linked to the name: the vendor chosen
        ("Council approved a five-year software contract for Tyler Technologies.", "en", {"P-SOLUTION"}),
        ("Staff will open negotiations with Tyler Technologies for permitting.", "en", {"P-SOLUTION"}),
        ("THAT the quote offered by Laserfiche for records be accepted.", "en", {"P-SOLUTION"}),
        ("$40,000 was set aside for Laserfiche workflows.", "en", {"P-SOLUTION"}),
        ("Le conseil confie pour cinq ans à Cityworks la gestion des bons de travail.", "fr", {"P-SOLUTION"}),
        # an acronym in brackets takes its name's role
        ("Council approved a contract for Tyler Technologies (Tyler) for billing.", "en", {"P-SOLUTION"}),
        # twins: described, no deal: the system in place
        ("Tyler Technologies supports permitting for the Town.", "en", {"P-INCUMBENT"}),
        ("Laserfiche holds the Town's records.", "en", {"P-INCUMBENT"}),
        ("Cityworks gère les bons de travail de la Ville.", "fr", {"P-INCUMBENT"}),
        # the current contract is the system in place
        ("The current contract with Tyler Technologies ends in March.", "en", {"P-INCUMBENT"}),
        # an extension of the term names the vendor in place; an amendment that adds a
        # product is a request
        (
            "Execute a contract amendment with Laserfiche, extending the contract term by a year.",
            "en",
            {"P-INCUMBENT"},
        ),
        ("Amend the agreement with Laserfiche to install a records module.", "en", {"P-SOLUTION"}),
    ],
)
def test_a_deal_linked_to_the_name(text: str, lang: str, want: set[str]) -> None:
    assert _codes(text, lang) == want


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # the system in place, the usual reason for a sole source
        (
            "The contract was sole-source because the Town currently uses Laserfiche.",
            "en",
            {"P-BYPASS", "P-INCUMBENT"},
        ),
        # twin: the counterparty of the bypass only
        ("The contract with Laserfiche was sole-source.", "en", {"P-BYPASS"}),
        # one supplier as the only one, both languages
        ("Laserfiche is the sole distributor of these modules.", "en", {"P-BYPASS"}),
        ("There is no third party product that would integrate with the modules.", "en", {"P-BYPASS"}),
        ("To regularise the use of a single supplier.", "en", {"P-BYPASS"}),
        ("Seule la société Cityworks est capable d'assurer le suivi.", "fr", {"P-BYPASS"}),
        ("Conclure un marché complémentaire avec la société Cityworks.", "fr", {"P-BYPASS"}),
        # the purchasing rules waived; the competition held by another body
        ("THAT Purchasing By-law 94-129 be waived for this transaction.", "en", {"P-BYPASS"}),
        (
            "Council approved a waiver of the Contract Procedure Rules for the records system.",
            "en",
            {"P-BYPASS"},
        ),
        ("Bids were taken by the Cooperative and a contract was awarded to Laserfiche.", "en", {"P-BYPASS"}),
        # twins: competition held by the Town, rules followed
        ("Bids were taken by the Town and a contract was awarded to Laserfiche.", "en", {"P-SOLUTION"}),
        ("The Purchasing By-law applies to this transaction.", "en", set()),
        ("Several suppliers can provide these modules.", "en", set()),
    ],
)
def test_one_supplier_and_the_rules_waived(text: str, lang: str, want: set[str]) -> None:
    assert _codes(text, lang) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # nouns of acquisition: adoption, a compound before purchase, a counted plural
        ("That the adoption of Laserfiche as the records system be approved.", {"P-SOLUTION"}),
        ("Approve the sole source purchase from Laserfiche of records modules.", {"P-BYPASS"}),
        ("The Town holds 120 licences Laserfiche for its staff.", {"P-INCUMBENT"}),
        ("The Town will buy 120 Laserfiche licences.", {"P-SOLUTION"}),
        # a move with its object between
        ("Staff would move it to a more common platform.", {"P-SOLUTION"}),
        ("Staff would keep it on the current server.", set()),
        # claims that presume the answer
        ("Laserfiche is a leading provider of records software.", {"P-SOLUTION", "P-PRESUME"}),
        ("A direct award gives significantly improved pricing.", {"P-BYPASS", "P-PRESUME"}),
        # a change argued against
        ("Procuring a new system would be detrimental to the service.", set()),
    ],
)
def test_nouns_moves_and_claims(text: str, want: set[str]) -> None:
    assert _codes(text) == want


def test_french_move_with_its_object() -> None:
    assert "P-SOLUTION" in _codes("La Ville a basculé les ordinateurs de ses écoles vers Cityworks.", "fr")
    assert _codes("La Ville a laissé les ordinateurs de ses écoles sous Cityworks.", "fr") == {"P-INCUMBENT"}
