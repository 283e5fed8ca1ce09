"""Issue 19, fifth round: a renewal keeps the system in place.

The labelling rule of the corpus (tests/corpus/README.md) says a renewal or an extension
of the current vendor's contract names the system in place (P-INCUMBENT). A renewal, an
extension or a continuation in a name's clause makes it the incumbent, and an acquisition
noun inside what is renewed ("renewing the X licences") is not a request. A new
agreement, its clean twin, stays a choice (P-SOLUTION). A renewal noun without its "of"
("the licensing renewal, …") marks nothing after it.
"""

from __future__ import annotations

import pytest

from wizard.core.checks.lint import lint_text
from wizard.core.checks.problem_terms import ACQUIRE, RENEWED
from wizard.core.checks.wording import fold

CODES = {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"}


def _codes(text: str, lang: str = "en") -> set[str]:
    return {f.code for f in lint_text("problem", text, lang)} & CODES


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # a renewal, a continuation, an extension: the vendor in place
        (
            "Staff recommends renewing the maintenance agreement with Tyler Technologies.",
            "en",
            {"P-INCUMBENT"},
        ),
        (
            "Approve the continuation of the agreement with Laserfiche for records management.",
            "en",
            {"P-INCUMBENT"},
        ),
        ("This agreement with Esri secures continued access to the GIS software.", "en", {"P-INCUMBENT"}),
        ("La Ville prolonge l'entente avec PG Solutions pour deux ans.", "fr", {"P-INCUMBENT"}),
        ("Le conseil approuve la reconduction du contrat avec Cityworks.", "fr", {"P-INCUMBENT"}),
        # twins: a new agreement is a choice
        ("Staff recommends a new agreement with Tyler Technologies.", "en", {"P-SOLUTION"}),
        ("Approve an agreement with Laserfiche for records management.", "en", {"P-SOLUTION"}),
        ("This agreement with Esri secures access to new GIS software.", "en", {"P-SOLUTION"}),
        ("La Ville conclut une entente avec PG Solutions pour deux ans.", "fr", {"P-SOLUTION"}),
        ("Le conseil approuve un contrat avec Cityworks.", "fr", {"P-SOLUTION"}),
    ],
)
def test_a_renewal_names_the_system_in_place(text: str, lang: str, want: set[str]) -> None:
    assert _codes(text, lang) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # what a renewal keeps is not a request
        ("Council approved renewing the existing Microsoft licences for three years.", {"P-INCUMBENT"}),
        # twin: a purchase of licences is one
        ("Council approved the purchase of Microsoft licences for three years.", {"P-SOLUTION"}),
        # a renewal noun without "of" marks nothing after it
        ("In addition to the licensing renewal, staff requests the purchase of Laserfiche.", {"P-SOLUTION"}),
    ],
)
def test_what_a_renewal_keeps_is_not_a_request(text: str, want: set[str]) -> None:
    assert _codes(text) == want


def test_renewal_is_not_an_acquisition_word() -> None:
    """A renewal moved from the acquisition words to those of the system in place; a
    French « renouvellement » of equipment still replaces it (« le renouvellement des
    logiciels ») and stays an acquisition word."""
    assert not ACQUIRE.search(fold("renew the subscription"))
    assert RENEWED.search(fold("renew the subscription"))
    assert ACQUIRE.search(fold("le renouvellement des logiciels"))
    assert not RENEWED.search(fold("the licensing renewal, then"))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a saving claimed, even as a possibility, presumes the answer (labelling rules)
        ("Joining the state contract can result in savings for the Town.", {"P-BYPASS", "P-PRESUME"}),
        (
            "Buying through a cooperative purchasing agreement gives large volume discounts.",
            {"P-BYPASS", "P-PRESUME"},
        ),
        # clean twins: a saving to be measured, a discount policy asked about
        ("We need to measure whether a shared service would lower our costs.", set()),
        ("We need to know which discounts the bidders may offer.", set()),
    ],
)
def test_a_saving_claimed_presumes_the_answer(text, want):
    assert _codes(text) == want
