"""The ninth round's brand data (issue 19): families chosen by category from public
sources (public safety, utilities, local services, francophone vendors, carriers and
resellers, model lines), each name with a trigger sentence and, for names that are also
words, places or people, a clean twin (tests/corpus/README.md, "A ninth round, brand data")."""

from __future__ import annotations

import json

import pytest

from wizard.core.domain.brands import detect_brands
from wizard.core.paths import resource_path

FAMILIES = ("public_safety", "utilities", "local_services", "francophone", "carriers", "models")


def canon(text):
    return [m.canonical for m in detect_brands(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # public safety
        (
            "The fire department replaced Firehouse Software with First Due.",
            ["Firehouse Software", "First Due"],
        ),
        ("The 911 centre added RapidSOS location data to its call handling.", ["RapidSOS"]),
        ("Officers will carry 40 Harris XL185P portables.", ["Harris XL radios"]),
        ("The county bought 34 Kenwood portable radios.", ["Kenwood"]),
        (
            "Carriers include AT&T, Verizon, T-Mobile and Sprint.",
            ["AT&T Inc.", "Verizon", "T-Mobile", "Sprint"],
        ),
        # utilities, parking, fleet
        (
            "The AMI proposals came from Aclara, Itron, Neptune and Zenner.",
            ["Aclara Technologies", "Itron", "Neptune Technology Group", "Zenner"],
        ),
        ("Customers will see their use in Neptune 360.", ["Neptune Technology Group"]),
        ("The plant runs VTScada on two redundant servers.", ["VTScada"]),
        ("Pay stations from Flowbird and meters from IPS Group were compared.", ["Flowbird", "IPS Group"]),
        ("Fuel is dispensed through Syntech FuelMaster at six sites.", ["FuelMaster"]),
        # local services
        ("Le SIGB Syracuse d'Archimed remplace Aloès.", ["Syracuse", "Archimed", "Aloès"]),
        ("The library moved to the Apollo ILS from Biblionix.", ["Biblionix", "Biblionix"]),
        ("Registration runs on Vermont Systems RecTrac and WebTrac.", ["RecTrac", "WebTrac"]),
        ("Les horaires sont faits dans Agendrix et la paie dans Employeur D.", ["Agendrix", "Employeur D"]),
        ("Les alertes sont envoyées par bciti.", ["bciti"]),
        # francophone vendors, carriers, models
        ("Les communes utilisaient les logiciels de Stesud et d'Adehis.", ["Stesud", "Adehis"]),
        (
            "Service came from Aliant, then from Manitoba Telecom Services.",
            ["Aliant", "Manitoba Telecom Services"],
        ),
        ("The switches were bought from MicroAge Canada.", ["MicroAge"]),
        ("The core is two Cisco Catalyst 3850 switches.", ["Cisco Catalyst 3850"]),
        ("Two HP LaserJet 4100 printers were donated.", ["HP LaserJet"]),
    ],
)
def test_names_of_the_ninth_round_families_are_found(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # clean twins: the same words as words, places or people
        "The first due engine arrived four minutes later.",
        "He grew up in Kenwood and joined the police in 2004.",
        "Neptune is the eighth planet from the Sun.",
        "Mr. Mueller asked about the water rates.",
        "The runners will sprint the last lap.",
        "Add paprika and stir for two minutes.",
        "La ville de Syracuse est jumelée avec la nôtre.",
        "Ils se munirent de cartes avant de partir.",
        "L'employeur d'un salarié doit remettre le relevé.",
        "The apollo program ended in 1972.",
        "Each folio of the minutes is initialled.",
        "The upkeep of the park costs less than expected.",
        "Officers wear body worn cameras on every shift.",
        "The intrusion prevention system (IPS) blocked the scan.",
        "The catalyst for the change was the audit.",
        "Look at t-shirts for the volunteers.",
        "The tech data sheet lists the inputs.",
        "The faster web pages load, the better.",
    ],
)
def test_clean_twins_stay_quiet(text):
    assert canon(text) == []


def test_att_alone_is_the_carrier():
    # "AT&T Inc." did not match plain "AT&T" (ninth round, brand data)
    assert canon("The phones are on AT&T since 2019.") == ["AT&T Inc."]
    assert canon("Les lignes sont chez AT&T.") == ["AT&T Inc."]


@pytest.mark.parametrize("family", FAMILIES)
def test_each_entry_has_kind_category_and_a_dated_source(family):
    data = json.loads(resource_path("brands", "families", f"{family}.json").read_text(encoding="utf-8"))
    assert data["entries"]
    for entry in data["entries"] + data.get("contextual", []):
        assert entry["kind"] in {"vendor", "product", "reseller"}
        assert entry["category"]
        assert entry["source"].startswith("http") and entry["source"].endswith("(checked 2026-12-07)")
    for entry in data.get("contextual", []):
        assert entry["words"] and (entry["context"] or entry["after"])
