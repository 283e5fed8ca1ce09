"""Issue 19, eleventh round, problem side: a claim told as a finding or a result is no
choice (tests/corpus/README.md, "An eleventh round: a learned reading of problem
statements").

The claim rule gives a name the role of what to buy when its clause claims the answer
("X is an industry standard", « permettra d'économiser »). A claim told as done, a finding
or a result ("Staff has found that X's systems are very reliable", « cette bascule vers X
a permis de faire économiser »), tells of the system in place: the claim rule no longer
decides the name, the claim itself still gives P-PRESUME. Kept because, switched on alone,
it fixed tuning statements of the corpus in two folds (0 and 1) and broke none. Each input
has a clean twin: the same claim told as it stands or as a plan, which still names what to
buy.
"""

from __future__ import annotations

import pytest

from wizard.core.checks.lint import lint_text
from wizard.core.checks.problem import read_statement

CODES = {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"}


def _codes(text: str, lang: str) -> set[str]:
    return {f.code for f in lint_text("problem", text, lang)} & CODES


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        # corpus kind, fold 1: a finding about the vendor in place
        (
            "Staff has found that Micron's computer systems are very reliable and competitive in price.",
            "en",
            {"P-INCUMBENT", "P-PRESUME"},
        ),
        (
            "The audit found that Micron's computer systems are very reliable and competitive in price.",
            "en",
            {"P-INCUMBENT", "P-PRESUME"},
        ),
        # corpus kind, fold 0: a saving told as the result of a change made
        (
            "Cette bascule vers LibreOffice a permis de faire économiser à la ville pas moins d'un millions "
            "d'euros en trois ans.",
            "fr",
            {"P-INCUMBENT", "P-PRESUME"},
        ),
    ],
)
def test_a_claim_told_as_done_is_the_system_in_place(text, lang, codes):
    assert _codes(text, lang) == codes
    assert [(n.role, n.rule) for n in read_statement(text).names] == [("incumbent", "fallback")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # clean twins: the same claim as it stands, or as a plan, still chooses
        ("Micron's computer systems are very reliable and competitive in price.", "en"),
        (
            "Cette bascule vers LibreOffice permettra de faire économiser à la ville un million d'euros en trois ans.",
            "fr",
        ),
    ],
)
def test_a_claim_as_it_stands_still_names_what_to_buy(text, lang):
    assert _codes(text, lang) == {"P-SOLUTION", "P-PRESUME"}
    assert [(n.role, n.rule) for n in read_statement(text).names] == [("target", "claimed")]
