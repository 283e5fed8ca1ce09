"""Issue 19, tenth round, problem side: names no list knows, decided only by a cue of the
system in place (tests/corpus/README.md, "A tenth round, problem side").

One kind was kept because, switched on alone, it fixed tuning statements of the corpus in
two folds (1 and 2) and broke none: a run of capitalised words that no list and no
dictionary knows, not at the start of a sentence or a clause, is a candidate name for the
problem check only, and it counts only when a cue of the system in place decides it — the
object of a replacement, a renewal or a termination, a verb of use right before it, a word
of the current system in the 40 characters before it ("the two programs currently used,
X and Y", "an extension of the existing service agreement with X"), or a list whose first
name is one of these. It then gives P-INCUMBENT, never P-SOLUTION: no acquisition word
aims at such a name, and a candidate no cue decides is no name at all.

Each has a clean twin: a person, a place, a street, a date, an acronym, ordinary parts, the
town's own name, or the same name with no cue.
"""

from __future__ import annotations

import pytest

from wizard.core.checks.lint import lint_text
from wizard.core.checks.problem import check_problem, read_statement, solution_targets
from wizard.core.model.defaults import new_project

CODES = {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"}


def _codes(text: str, lang: str = "en") -> set[str]:
    return {f.code for f in lint_text("problem", text, lang)} & CODES


@pytest.mark.parametrize(
    ("text", "lang", "incumbents"),
    [
        # the current system in apposition after its words (corpus kind, fold 1)
        (
            "The two programs currently used, Zorbix and Quillet, do not meet the needs of the Department.",
            "en",
            ["Zorbix", "Quillet"],
        ),
        (
            "Les deux logiciels actuellement utilisés, Zorbix et Quillet, ne répondent plus aux besoins.",
            "fr",
            ["Zorbix", "Quillet"],
        ),
        ("Le logiciel existant, Zorbix, plante chaque semaine.", "fr", ["Zorbix"]),
        # the vendor of a renewal or an extension (corpus kind, fold 2)
        (
            "Council authorized a two-year extension of the existing IT service agreement with ZRB System Solutions.",
            "en",
            ["ZRB System Solutions"],
        ),
        (
            "Le conseil autorise la prolongation de l’entente de service avec ZRB Solutions Réseau.",
            "fr",
            ["ZRB Solutions Réseau"],
        ),
        # a verb of use right before it
        ("The City currently uses Zorbix for permits.", "en", ["Zorbix"]),
    ],
)
def test_a_name_no_list_knows_with_a_cue_of_the_system_in_place(
    text: str, lang: str, incumbents: list[str]
) -> None:
    assert _codes(text, lang) == {"P-INCUMBENT"}
    assert solution_targets(text) == ([], incumbents)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # no cue of the system in place: a shape alone is no name, even aimed at
        ("The library looked at Zorbix and Quillet.", "en"),
        ("We need to buy Zorbix.", "en"),
        ("La bibliothèque a examiné Zorbix et Quillet.", "fr"),
        # a looser word of the system in place further away is no cue ("support of", "our")
        ("With the support of Quillet, our department chose a new approach.", "en"),
        # people: a role before, "said" after, two plain words
        ("Finance Director Ed Karass said the current software is not flexible enough.", "en"),
        ("According to Sherbondy, the current system is slow.", "en"),
        ("The current system, Matthieu Theurier explained, is slow.", "en"),
        # places and streets
        ("The current permit system of the City of Westlake is slow.", "en"),
        ("The current system in Westlake is slow.", "en"),
        ("Le système actuel de la Ville de Brossard est lent.", "fr"),
        ("It still runs on the old copper wiring to the station on Bruce Street.", "en"),
        # a date, an acronym, ordinary parts
        ("Le contrat actuel arrive à échéance le 23 nov. 2025.", "fr"),
        ("The existing ICT budget is tight.", "en"),
        ("The current In-house provision of services is taken forward.", "en"),
    ],
)
def test_no_name_without_a_cue_nor_for_people_places_and_acronyms(text: str, lang: str) -> None:
    assert _codes(text, lang) == set()
    assert read_statement(text).names == []


def test_the_towns_own_name_is_no_product() -> None:
    text = "The current Westlake permit system is slow."
    assert solution_targets(text) == ([], ["Westlake"])
    assert solution_targets(text, (), "Town of Westlake") == ([], [])
    project = new_project("en")
    project.problem.statement = text
    assert "P-INCUMBENT" in {f.code for f in check_problem(project)}
    project.info.organization = "Town of Westlake"
    assert "P-INCUMBENT" not in {f.code for f in check_problem(project)}


def test_no_acquisition_word_aims_at_a_name_no_list_knows() -> None:
    # the system left is the incumbent; the unknown name after "with" is no target
    reading = read_statement("Replace our payroll software with Zorbix.")
    assert [n.match.name for n in reading.names if n.role == "target"] == []


# A place, an owner, a facility of the Town's, a person or place one calls: no product, even
# with a word of the current system before it (review of the tenth round).
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a place or an owner after a bare "of" / « de »
        (
            "Les employés utilisent actuellement Excel et le portail de Dieppe, qui tombe souvent en panne.",
            "fr",
        ),
        ("Les employés utilisent actuellement le chiffrier de Gagnon, qui est désuet.", "fr"),
        ("La version actuelle du portail de Dieppe ne répond plus.", "fr"),
        # an owner by a possessive
        ("The clerks currently use Excel and Moncton's portal to book rooms.", "en"),
        ("Staff currently use LeBlanc's paper binder to track bookings.", "en"),
        # a name before a facility of the Town's
        ("The current Greenfield arena schedule is kept on paper.", "en"),
        ("The existing Westmorland arena kiosk breaks down weekly.", "en"),
        # the object of a verb that takes a person or a place
        ("Staff currently call Bathurst to confirm bookings.", "en"),
        ("Les employés doivent actuellement appeler Bathurst pour confirmer.", "fr"),
    ],
)
def test_no_name_for_a_place_an_owner_a_facility_or_someone_called(text: str, lang: str) -> None:
    assert "P-INCUMBENT" not in {f.code for f in lint_text("problem", text, lang)}
    assert solution_targets(text)[1] in ([], ["Excel"])


@pytest.mark.parametrize(
    ("text", "lang", "incumbents"),
    [
        # clean twins: the same shapes where the complement or the object is the product
        ("The Town will complete the replacement of Zorbix.", "en", ["Zorbix"]),
        ("The current version of Zorbix is no longer supported.", "en", ["Zorbix"]),
        ("Council approved the renewal of Quillet for two years.", "en", ["Quillet"]),
        ("La version actuelle de Zorbix ne répond plus aux besoins.", "fr", ["Zorbix"]),
        ("Les employés utilisent actuellement Zorbix, qui tombe souvent en panne.", "fr", ["Zorbix"]),
        ("Staff currently use Zorbix to schedule ice time.", "en", ["Zorbix"]),
        ("Staff currently use Zorbix for the library.", "en", ["Zorbix"]),
    ],
)
def test_the_product_after_of_or_before_a_verb_is_still_found(
    text: str, lang: str, incumbents: list[str]
) -> None:
    assert _codes(text, lang) == {"P-INCUMBENT"}
    assert solution_targets(text) == ([], incumbents)


def test_no_word_of_the_towns_own_name_is_a_possible_product_name() -> None:
    # a possible name (the brand side's shape detector), not only an unlisted one
    text = "The current Shediac portal loses bookings."
    assert solution_targets(text) == ([], ["Shediac"])
    assert solution_targets(text, (), "Town of Shediac") == ([], [])
    assert solution_targets(text, (), "Town of Dieppe") == ([], ["Shediac"])  # twin: another town
    # a listed brand stays one, whatever the town's name
    listed = "The City currently uses Microsoft Exchange for email."
    assert solution_targets(listed, (), "Town of Exchange")[1] == ["Microsoft Exchange"]
