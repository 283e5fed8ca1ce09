"""The family files of the bundled brand list: municipal software (issue 19, Deliver 2)."""

from __future__ import annotations

import json

import pytest

from wizard.core.checks.lint import detected_names, lint_text
from wizard.core.domain.brands import detect_brands, load_list
from wizard.core.paths import resource_path


def canon(text):
    return [m.canonical for m in detect_brands(text)]


def municipal():
    return json.loads(resource_path("brands", "families", "municipal.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # requirement and council-report shapes, English
        (
            "The solution must accept utility payments through Paymentus and Moneris.",
            ["Paymentus", "Moneris"],
        ),
        (
            "The ILS must be compatible with SirsiDynix Symphony and BLUEcloud MobileCirc.",
            ["SirsiDynix", "BLUEcloud"],
        ),
        ("Migrate circulation records from Polaris ILS to Koha.", ["Polaris Library Systems", "Koha"]),
        (
            "Ballots must be designed in Democracy Suite or with ES&S tools.",
            ["Democracy Suite", "Election Systems & Software"],
        ),
        (
            "Internet voting will be provided by Simply Voting with Intelivote Systems Inc. as project manager.",
            ["Simply Voting", "Intelivote"],
        ),
        (
            "Agendas are published with NovusAGENDA and the code is hosted by Municode.",
            ["NovusAGENDA", "Municode"],
        ),
        ("The permit portal must integrate with ProjectDox for electronic plan review.", ["ProjectDox"]),
        ("Emergency alerts are sent through CodeRED by OnSolve.", ["CodeRED", "OnSolve"]),
        ("Policy manuals are maintained in Lexipol and PowerDMS.", ["Lexipol", "PowerDMS"]),
        ("The court module must exchange case data with Tyler Odyssey.", ["Tyler Odyssey"]),
        (
            "Approve the agreement with Harris Computer NorthStar for the water billing system.",
            ["Harris NorthStar"],
        ),
        (
            "Assessment data will be converted from Vision Government Solutions.",
            ["Vision Government Solutions"],
        ),
        ("Renew the OpenGov budgeting platform and the ClearGov budget book.", ["OpenGov", "ClearGov"]),
        ("Parking tickets are issued with T2 Systems handhelds.", ["T2 Systems"]),
        ("The library uses OverDrive and Libby for eBooks.", ["OverDrive", "Libby"]),
        ("Patrons borrow eBooks in the Libby app.", ["Libby"]),
        ("Social media posts are archived by ArchiveSocial.", ["ArchiveSocial"]),
        (
            "Replace the Cogsdale CSM billing system and BS&A Software accounting.",
            ["Cogsdale", "BS&A Software"],
        ),
        (
            "Residents pay for parking with PayByPhone, HotSpot Parking or Honk Mobile.",
            ["PayByPhone", "HotSpot Parking", "Honk Mobile"],
        ),
        (
            "Agendas moved from BoardDocs to Diligent Community; Swagit streams the meetings.",
            ["BoardDocs", "Diligent Community", "Swagit"],
        ),
        ("Vacancies are filled through TeleStaff.", ["TeleStaff"]),
        ("The paratransit software of Spare Labs replaces RouteMatch.", ["Spare Labs", "RouteMatch"]),
        (
            "Koha support is provided by ByWater Solutions; the catalogue is in OCLC WorldShare.",
            ["Koha", "ByWater Solutions", "OCLC"],
        ),
        ("Ex Libris Alma is the library services platform.", ["Ex Libris Group"]),
        (
            "Records are declared in HP TRIM; inspections are booked in CityReporter.",
            ["HPE Content Manager", "CityReporter"],
        ),
        # French
        ("La Ville utilise la plateforme Telmatik pour les alertes aux citoyens.", ["Telmatik"]),
        ("Les licences pour animaux sont vendues en ligne par DocuPet.", ["DocuPet"]),
        ("Le paiement en ligne passera par Moneris ou par Paymentus.", ["Moneris", "Paymentus"]),
        ("Le vote par Internet sera offert par Simply Voting.", ["Simply Voting"]),
        ("Les constats d’infraction sont émis avec les appareils de gtechna.", ["gtechna"]),
        (
            "La MRC a retenu la Coopérative d’informatique municipale de la FQM pour l’évaluation foncière.",
            ["CIM de la FQM"],
        ),
        ("La bibliothèque migre de SirsiDynix Horizon vers Koha.", ["SirsiDynix Horizon", "Koha"]),
        ("Le logiciel Somum diffuse les avis d’ébullition.", ["Somum"]),
    ],
)
def test_municipal_names_are_found_with_their_canonical_name(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the contextual words as ordinary words, places and people
        "Voters may simply vote online or by telephone.",
        "Staff will send each invoice. Cloud hosting is optional.",
        "The Horizon 2020 programme funded the study.",
        "Libby Davies chaired the committee.",
        "Council praised the innovative interfaces of the new portal.",
        "Smart energy, water and waste services are planned.",
        "The Polaris Institute report and the Millennium Development Goals were cited.",
        "The Evergreen Brick Works and Odyssey Park host the event.",
        "The symphony orchestra performs in the park; the engine went into overdrive.",
        "Eden Mills hosts the fall fair.",
        "Une coopérative d’informatique municipale pourrait être créée par les MRC.",
        "Le projet Horizon du centre-ville et la symphonie estivale.",
        "A diligent community effort kept the spare parts labs open; pay-by-phone parking and a wifi hotspot.",
        "The ex libris bookplate is pasted in each donated book.",
        "Keystone Heights shares the keystone species study.",
        "Trim the hedges before the city reporter visits.",
    ],
)
def test_clean_twins_are_not_flagged(text):
    assert detect_brands(text) == []


def test_a_criterion_naming_a_municipal_product_is_a_brand_error():
    (finding,) = lint_text("criterion", "Le système doit s’intégrer à SirsiDynix Symphony.", "fr")
    assert (finding.code, finding.severity.value, detected_names(finding)) == (
        "C-BRAND",
        "error",
        ["SirsiDynix Symphony"],
    )
    assert lint_text("criterion", "The system must integrate with the library's catalogue.", "en") == []


def test_municipal_family_is_joined_with_kind_category_and_dated_source():
    family = municipal()
    joined = {e["name"] for e in load_list()["entries"]}
    assert family["about"].strip()
    assert len(family["entries"]) >= 80
    for entry in [*family["entries"], *family["contextual"]]:
        assert entry["kind"] in {"vendor", "product", "reseller"}, entry["name"]
        # sources replaced by the review of refused mirror hosts are dated the next day
        assert any(f"(checked 2026-12-0{d})" in entry["source"] for d in (6, 7)), entry["name"]
    for entry in family["entries"]:
        assert entry["name"] in joined
        assert entry["category"].strip(), entry["name"]
    for rule in family["contextual"]:
        assert rule["after"] or rule["context"], rule["name"]
