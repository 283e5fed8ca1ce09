"""Issue 19, third round: a name's role follows the structure of its sentence.

A name no acquisition, replacement or choice word aims at is *described*, not bought: the
system in place (P-INCUMBENT). A name is the product to acquire when an acquisition word
aims at it, when it is chosen ("selected X", "a contract with X", "X to implement"), when
a list carries an aimed name's role to it, or when a claim presumes it is the answer. A
past replacement with its year is history; the counterparty of a bypass gets P-BYPASS
only. Each kind has a clean twin.
"""

from __future__ import annotations

import pytest

from wizard.core.checks.lint import detected_names, lint_text
from wizard.core.domain.brands import detect_brands
from wizard.core.domain.product_names import possible_names

CODES = {"P-SOLUTION", "P-INCUMBENT", "P-BYPASS", "P-PRESUME"}


def _codes(text: str, lang: str = "en") -> set[str]:
    return {f.code for f in lint_text("problem", text, lang)} & CODES


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # described, not chosen: the system in place
        ("Tyler Technologies provides the Town's utility billing.", "en", {"P-INCUMBENT"}),
        ("La Ville s'appuie sur Cityworks pour ses bons de travail.", "fr", {"P-INCUMBENT"}),
        # twins: chosen by a choice word, before or after the name
        ("The Town selected Tyler Technologies for utility billing.", "en", {"P-SOLUTION"}),
        ("Tyler Technologies was the low bidder for utility billing.", "en", {"P-SOLUTION"}),
        ("The committee has recommended the CRW product Trakit.", "en", {"P-SOLUTION"}),
        ("Le nouveau système sera hébergé chez Cityworks.", "fr", {"P-SOLUTION"}),
        # the agent of an acquisition verb is the vendor chosen
        ("Staff will work with Tyler Technologies to implement the new system.", "en", {"P-SOLUTION"}),
        # an abbreviation's full stop does not end the sentence
        (
            "Enter into a contract with Tyler Technologies, Inc. for the Munis financial suite.",
            "en",
            {"P-SOLUTION"},
        ),
        # a list carries the role of its first name
        ("Council approved the purchase of two suites: Munis and Laserfiche.", "en", {"P-SOLUTION"}),
        # a claim that presumes the answer advocates the name
        ("Laserfiche clearly rises above all others.", "en", {"P-SOLUTION", "P-PRESUME"}),
    ],
)
def test_a_name_is_bought_only_when_aimed_at_or_chosen(text: str, lang: str, want: set[str]) -> None:
    assert _codes(text, lang) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a past replacement with its year is history: both systems are in place
        ("In 2007, the payroll functions were replaced with Munis.", {"P-INCUMBENT"}),
        ("The payroll functions will be replaced with Munis.", {"P-SOLUTION"}),
        # a past change after a past year is history too
        ("In 2016, the vendor transitioned to Cityworks.", {"P-INCUMBENT"}),
        ("The Town must transition to Cityworks.", {"P-SOLUTION"}),
        # "upgrade to Y from X": what follows "from" is the system left
        ("Upgrade to Munis from the existing Cityworks modules.", {"P-SOLUTION", "P-INCUMBENT"}),
        # a participle between a determiner and its noun describes what is in place
        ("The installed system is a Mitel phone system.", {"P-INCUMBENT"}),
        ("We need to install a Mitel phone system.", {"P-SOLUTION"}),
        # the counterparty of a bypass: P-BYPASS says it once
        ("Cityworks is the sole source provider of maintenance for this software.", {"P-BYPASS"}),
        # a past date after an abbreviation is history; a contract made now chooses
        ("Council awarded the contract to Tyler Technologies Inc. on May 1, 2022.", {"P-INCUMBENT"}),
        (
            "Execute a contract with Tyler Technologies, Inc. for support of the Town's software.",
            {"P-SOLUTION"},
        ),
    ],
)
def test_history_replacement_and_bypass_roles(text: str, want: set[str]) -> None:
    assert _codes(text) == want


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an ordinary-word vendor after a relation with a vendor
        ("The township's current contract with Bell expires in February.", ["Bell"]),
        ("Le nouveau système sera hébergé chez Bell.", ["Bell"]),
        ("Phone service through Bell costs $900 a month.", ["Bell"]),
        # twins: the ordinary word
        ("The bell rings at noon.", []),
        ("Mr. Bell chaired the committee.", []),
    ],
)
def test_vendor_relation_carries_an_ordinary_word(text: str, names: list[str]) -> None:
    assert [m.canonical for m in detect_brands(text)] == (["Bell Canada"] if names else [])
    found = [n for f in lint_text("criterion", text, "en") for n in detected_names(f)]
    assert found == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a model number's maker, typeset with a non-breaking hyphen or not
        ("Zebra GK420T or QBIC TD\u20111050 printers.", ["Zebra GK420T", "QBIC TD\u20111050"]),
        # twins: a number word or an article before it stays out
        ("Two WS-C4500X-32SFP+ switches.", ["WS-C4500X-32SFP+"]),
        ("The PA-3220 firewall.", ["PA-3220"]),
    ],
)
def test_model_number_keeps_its_maker(text: str, names: list[str]) -> None:
    assert [m.name for m in possible_names(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an unknown word after a determiner, a product noun one or two words later
        ("Council approved the award of an Allworx telephone system.", ["Allworx"]),
        ("The integrated Meridian voice mail system is not supported.", ["Meridian"]),
        # a firm named by its trade in an apposition, ordinary words or not
        (
            "Bids came from Technology Integration Group, a Lenovo Computer VAR.",
            ["Technology Integration Group", "Lenovo"],
        ),
        # twins: no unknown word, a person described by their role
        ("Council approved the award of a new telephone system.", []),
        ("Mr. Brown, a sales representative of the vendor, attended.", []),
    ],
)
def test_product_noun_soon_and_trade_apposition(text: str, names: list[str]) -> None:
    found = [n for f in lint_text("criterion", text, "en") for n in detected_names(f)]
    assert sorted(found) == sorted(names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a product in lower case: in a list after a name found, or after a file action
        ("Staff use sharepoint, outlook and teams daily.", ["sharepoint", "outlook", "teams"]),
        ("Reports must export to excel and word.", ["excel", "word"]),
        ("Les rapports doivent s’exporter en excel.", ["excel"]),
        # twins: the ordinary words
        ("Integrate with teams across departments.", []),
        ("In a word, the outlook is good.", []),
    ],
)
def test_lower_case_product_in_product_context(text: str, names: list[str]) -> None:
    found = [n for f in lint_text("criterion", text, "en") for n in detected_names(f)]
    assert found == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an unknown word after a deal with a vendor
        ("The Committee chose not to move forward with Catalis.", ["Catalis"]),
        ("The Town received a proposal from Revize.", ["Revize"]),
        ("Un contrat avec Infotech.", ["Infotech"]),
        # twins: a person met, another public body, a place
        ("Staff met with Smith on Tuesday.", []),
        ("An interlocal agreement with Boulder.", []),
        ("A contract with Douglas County for dispatch.", []),
        ("Une entente avec Longueuil.", []),
    ],
)
def test_unknown_vendor_after_a_deal(text: str, names: list[str]) -> None:
    found = [n for f in lint_text("criterion", text, "en") for n in detected_names(f)]
    assert found == names


@pytest.mark.parametrize(
    ("text", "lang", "want"),
    [
        # a group purchasing organisation, an exemption, an emergency, a single quote
        ("The laptops will be bought under the NASPO ValuePoint agreement.", "en", {"P-BYPASS"}),
        ("Les licences seront acquises par l'entremise de Collecto.", "fr", {"P-BYPASS"}),
        ("This purchase is exempt from competitive bidding as a professional service.", "en", {"P-BYPASS"}),
        ("Staff obtained a single quote from the vendor.", "en", {"P-BYPASS"}),
        ("Emergency purchase of replacement servers.", "en", {"P-BYPASS"}),
        # twins: a tender, the same purchase asked for openly
        ("Buy the servers through a public call for tenders.", "en", {"P-SOLUTION"}),
        ("Staff obtained quotes from three vendors.", "en", set()),
    ],
)
def test_bypass_through_group_purchasing_and_exemptions(text: str, lang: str, want: set[str]) -> None:
    assert _codes(text, lang) == want
