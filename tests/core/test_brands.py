"""The brand detector (docs/cases.md K18, K19)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.core.domain.brands import brand_names, detect_brands, load_list
from wizard.core.model import ExtraBrand


def canon(text, extra=()):
    return [m.canonical for m in detect_brands(text, extra)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ESRI", "Esri"),
        ("Esri", "Esri"),
        ("les couches d'Esri", "Esri"),
        ("les couches d’Esri", "Esri"),
        ("l'ArcGIS de la Ville", "ArcGIS"),
        ("CityWorks", "Cityworks"),
        ("MS Office", "Microsoft 365"),
        ("Office 365", "Microsoft 365"),
        ("Office365", "Microsoft 365"),
        ("O365", "Microsoft 365"),
        ("M365", "Microsoft 365"),
        ("VIDEOTRON", "Vidéotron"),
        ("Vidéotron", "Vidéotron"),
        ("Hyper V", "Hyper-V"),
        ("AccèsCité Territoire", "AccèsCité"),
        ("Amanda", "AMANDA"),
        ("PerfectMind", "PerfectMind"),
        ("Accela", "Accela"),
        ("Google Workspace", "Google Workspace"),
        ("AWS", "Amazon Web Services"),
        ("Azure", "Microsoft Azure"),
        ("Okta", "Okta"),
        ("Laserfiche", "Laserfiche"),
    ],
)
def test_spellings_are_detected(text, expected):
    assert canon(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "SAML 2.0",
        "OpenID Connect",
        "OGC API – Features",
        "ISO/IEC 27001",
        "OpenAPI 3",
        "Conforms to WCAG 2.1 level AA",
        "CSV, JSON, PDF, XML, GeoJSON, Office Open XML",
        "OAuth 2.0 and LDAP",
    ],
)
def test_standards_are_never_flagged(text):
    assert detect_brands(text) == []


def test_span_and_name_as_written():
    text = "Native support for Microsoft Entra ID single sign-on"
    (match,) = detect_brands(text)
    assert (match.name, match.canonical) == ("Microsoft Entra ID", "Microsoft Entra ID")
    assert text[match.start : match.end] == "Microsoft Entra ID"


@pytest.mark.parametrize("word", ["Teams", "Word", "Edge", "Windows", "Office", "Access", "Excel", "Outlook"])
def test_ambiguous_words_need_a_brand_context(word):
    assert detect_brands(f"The {word} of the town") == []
    assert canon(f"Microsoft {word}") and canon(f"MS {word}")


def test_whole_words_only():
    assert detect_brands("Esriland and Oracles and sapling") == []


def test_nothing_inside_urls_or_email_addresses():
    text = "See https://www.esri.com/arcgis, www.laserfiche.com, oracle.ca or write to sales@cityworks.com."
    assert detect_brands(text) == []


def test_extra_brands_from_the_project():
    text = "Our SuperPermis 3 and Cityworks"
    assert canon(text) == ["Cityworks"]
    assert canon(text, [ExtraBrand(id=1, name="SuperPermis")]) == ["SuperPermis", "Cityworks"]
    assert canon(text, ["superpermis"]) == ["superpermis", "Cityworks"]


def test_bundled_list_is_large_and_consistent():
    data = load_list()
    assert len(data["entries"]) >= 150
    names = [e["name"] for e in data["entries"]]
    assert len(names) == len(set(names))
    assert {"Microsoft", "Esri", "Tyler Technologies", "Cisco", "Okta"} <= set(brand_names())


def test_every_bundled_name_detects_itself():
    for entry in load_list()["entries"]:
        for phrase in [entry["name"], *entry["aliases"]]:
            if "." in phrase and not phrase.endswith("."):
                continue  # domain-like aliases (Salesforce.com) are addresses
            assert detect_brands(phrase), phrase


URL_PARTS = st.sampled_from(["esri", "arcgis", "microsoft", "office365", "cityworks", "x", "okta"])


@st.composite
def addresses(draw):
    host = ".".join(draw(st.lists(URL_PARTS, min_size=1, max_size=3)))
    path = "/".join(draw(st.lists(URL_PARTS, max_size=3)))
    kind = draw(st.sampled_from(["https://", "http://", "www.", "mail", ""]))
    if kind == "mail":
        return f"{draw(URL_PARTS)}@{host}.ca"
    tld = draw(st.sampled_from([".com", ".ca", ".org"]))
    return f"{kind}{host}{tld}/{path}"


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_never_crashes_on_any_text(before, after):
    for text in (before, before + " Esri " + after):
        for match in detect_brands(text):
            assert 0 <= match.start < match.end <= len(text)
            assert text[match.start : match.end] == match.name


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), addresses(), st.text(max_size=80))
def test_never_flags_inside_an_address(before, address, after):
    text = f"{before} {address} {after}"
    start = len(before) + 1
    end = start + len(address)
    for match in detect_brands(text):
        assert match.end <= start or match.start >= end, (match, address)


# -- issue 19: contextual names, possible names (docs/cases.md K34, K35) ---------------

from wizard.core.checks.lint import detected_names, lint_text  # noqa: E402
from wizard.core.domain.product_names import possible_names  # noqa: E402


def _brand_names(text: str, lang: str = "en") -> list[str]:
    return [n for f in lint_text("criterion", text, lang) for n in detected_names(f)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Confier à Microsoft le renouvellement des logiciels Windows, Office et Exchange.",
            ["Microsoft", "Windows", "Office", "Exchange"],
        ),
        ("Mise à jour d'Office 2010 vers Windows 10 LTSC", ["Office 2010", "Windows 10"]),
        ("Must run on Windows XP", ["Windows XP"]),
        ("Telephony from Bell Canada", ["Bell Canada"]),
        ("Interface vers les logiciels Sage.", ["logiciels Sage"]),
        # a product noun after the word, the words between capitalised or joining a list
        ("Backups of the Windows servers run nightly.", ["Windows"]),
        ("Hosts must be Windows, Linux compatible.", ["Windows"]),
        ("AUDIT OF WINDOWS FILE AND DATABASE SERVERS", ["WINDOWS"]),
        # a list that ends with the vendor carries it back
        ("Les documents viennent de Word ou MS Excel.", ["Word", "MS Excel"]),
        # a versioned product keeps its version after the vendor's name
        ("Upgrade from Microsoft Windows 10 to Windows 11.", ["Microsoft Windows 10", "Windows 11"]),
        # a vendor's name in the other number
        ("The New World System handles dispatch.", ["New World System"]),
        # a place one shares into, mid-sentence, with its capital (walk 2026-12-07, item 11)
        ("The clerk shares the spreadsheet in Teams with the council.", ["Teams"]),
        (
            "The bidder demonstrates how a user opens a spreadsheet in Excel and shares it in Teams.",
            ["Excel", "Teams"],
        ),
        ("The agenda is sent via Outlook, and the servers run on Windows.", ["Outlook", "Windows"]),
        ("Les employés partagent le classeur dans Teams.", ["Teams"]),
    ],
)
def test_k35_bare_product_words_in_product_context(text, names):
    assert _brand_names(text, "fr" if "é" in text or " les " in text else "en") == names


@pytest.mark.parametrize(
    "text",
    [
        "Office hours are posted at the front desk.",
        "A sage decision of the council; the bell rings at noon.",
        "Staff of the Water Treatment Plant, Fire Station 2, Oak Grove Baseball and Softball in the northwest portion of Grapevine.",
        "Report Prepared by: Jeff Bennyhoff, Director of Information Technology.",
        "PURCHASING CONTACT: Malcolm Tyson; LOCATION: Fulton County Department of Purchasing, Atlanta.",
        "Cloud-based SaaS solution with ERP and CRM modules.",
        "Answering E911 calls, with a budget of CHF 143'000 under Section 3.28.060.",
        # public services named after a country or province, descriptions before a trade word
        "Le site web AchatsCanada sera hors service pour un entretien planifié.",
        "Notices are published on CanadaBuys and ServiceOntario.",
        "GIS Software is used to make maps and analyze geospatial data.",
        "Such software shall be referred to in this RFP as Licensed Application Software.",
        "Le Conseil communal a adopté le préavis sur la version 2.1 du règlement.",
        # clean twins of the product-context rules: a lower-case word stops the look
        "Access control servers log every badge.",
        "Windows and doors of the fire hall are replaced.",
        # twins of the place rule: the ordinary word, a sentence's start, a title-cased
        # heading, and the words not marked "place"
        "The clerk shares the spreadsheet with the teams of the council.",
        "In Teams of two, inspectors visit every site.",
        "Services in Exchange for Fees",
        "The councillors in Office on that day signed it; residents on Access Day came too.",
        # reference, invitation and street numbers are not models; e-words are generic
        "La demande de prix (invitation no BPM011334) vise des commutateurs.",
        "Purchase order #PO2024117 covers the cabling.",
        "Finance Division 215 N. Main St. receives the bids.",
        "Officers will use an E-Ticketing system in every patrol car.",
        "Licensed Application Software and Permit Software are described in Part C.",
        # project and by-law codes; a project's title before a trade word
        "The upgrade is part of project TM-2009-001 and by-law BL-2021-117.",
        "Funding supports the Integrated Systems Project of the Finance Department.",
    ],
)
def test_k34_places_people_and_ordinary_words_are_not_flagged(text):
    assert _brand_names(text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Integration with the ONESolution software system", ["ONESolution"]),
        ("Replace TRAKiT and Click2Gov3 Core", ["TRAKiT", "Click2Gov3"]),
        ("Two WS-C4500X-32SFP+ switches and a PA-3220", ["WS-C4500X-32SFP+", "PA-3220"]),
        ("An agreement with SDI Presence LLC for support", ["SDI Presence"]),
        ("La société Infolog fournit le logiciel.", ["Infolog"]),
        ("Un ordinateur de type Zorglub 7000-420", ["Zorglub 7000-420"]),
        # named explicitly, ordinary words or not
        (
            "staff purchased a software application called \u201cCard Manager Plus\u201d",
            ["Card Manager Plus"],
        ),
        ("le module appelé « Gestion Plus » sera remplacé", ["Gestion Plus"]),
        # an unknown word before a trade word is a vendor
        ("Le Conseil a mandaté un bureau de conseils, Habilis Conseil, pour l'analyse.", ["Habilis Conseil"]),
        ("Payroll moved to Zentrox Software last year.", ["Zentrox Software"]),
        # an unknown word before a version number
        ("Mise à jour complète suite à version OK-MARCHE V2.2.", ["OK-MARCHE V2.2"]),
        ("The Zorbix version 7.1 server is unsupported.", ["Zorbix"]),
        # after a vendor's possessive, its product
        (
            "Payroll runs on Zentrox Software's Ultravox Human Resources suite.",
            ["Zentrox Software", "Ultravox"],
        ),
        # quoted after a product word, ordinary words or not
        ("l'acquisition du programme « E-COURRIER » est prévue", ["E-COURRIER"]),
        ('Renew the module "Service Desk Plus" for three years.', ["Service Desk Plus"]),
        # an unknown word before a hardware noun
        ("Order twenty Zorblex laptops for the patrol cars.", ["Zorblex"]),
        # a vendor's trade name two words later, after "from" or « par »
        ("The package may be bought from Quindar Computer Systems only.", ["Quindar Computer Systems"]),
    ],
)
def test_possible_names_by_shape_and_context(text, names):
    assert [m.name for m in possible_names(text)] == names


def test_possible_name_is_a_warning_that_names_the_word():
    (f,) = lint_text("criterion", "Must import files from PermisPlus", "en")
    assert (f.code, f.severity.value, detected_names(f)) == ("C-POSSIBLE-BRAND", "warning", ["PermisPlus"])
    assert lint_text("criterion", "Must import files from the permit system", "en") == []


def test_family_files_are_joined_and_every_entry_has_kind_and_source():
    from wizard.core.paths import resource_path

    data = load_list()
    families = sorted(resource_path("brands", "families").glob("*.json"))
    for path in families:
        family = json.loads(path.read_text(encoding="utf-8"))
        for entry in family.get("entries", []):
            assert entry["name"] in {e["name"] for e in data["entries"]}, path.name
    for entry in [*data["entries"], *data["contextual"]]:
        assert entry["kind"] in {"vendor", "product", "reseller"}, entry["name"]
        assert entry["source"].strip(), entry["name"]
    canonical = [e["name"] for e in data["entries"]]
    assert len(canonical) == len(set(canonical))


# Issue 19, fifth round: names no list knows, each kind with its clean twins.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a vendor and its price in a quote, ordinary words or not
        (
            "Quotes for the backup units: Zentrax Supply, $410/ Office Depot, $380.",
            ["Zentrax Supply", "Office Depot"],
        ),
        # a list of prices without a quote word: a trade name only
        ("Website hosting- Blue Sky Solutions $980/ Qubix Web $1250.", ["Blue Sky Solutions"]),
        # a French firm's name with its trade first
        ("Le contrat est accordé au Groupe XLR pour trois ans.", ["Groupe XLR"]),
        ("L'entreprise Technologies Brevix a présenté son application.", ["Technologies Brevix"]),
        # a study made by a firm
        ("An assessment conducted by Corvanta identified the gaps.", ["Corvanta"]),
        ("Une étude commandée par la Ville à Logivex recommande la migration.", ["Logivex"]),
        # a slash joins a name of the list to another name
        ("Radio firmware is bought from Motorola/Zentel.", ["Motorola", "Zentel"]),
        ("Navigateurs pris en charge : Edge/Chrome.", ["Edge", "Chrome"]),
        # a short model name after an unknown maker in the same run
        ("Supported tablets: Zentra Qx5 and Brevik K3.", ["Zentra Qx5", "Brevik K3"]),
        # a name of the list is the vendor when no title stands before it
        ("The contract with Harris covers the iCity support.", ["Harris", "iCity"]),
    ],
)
def test_names_no_list_knows_fifth_round(text, names):
    assert _brand_names(text, "fr" if "é" in text or " : " in text else "en") == names


@pytest.mark.parametrize(
    "text",
    [
        # ranges, funds and ordinary words before a price are no vendors
        "From $5,000 to $25,000 the department manager approves the purchase.",
        "Bids are funded by the General Fund, $96,505 and the Water Fund, $12,000.",
        "Budget- Public Works $5,000/ Parks $3,000.",
        "Bid form: Base Bid, $10,000; Alternate Annual Maintenance, $2,000.",
        # a trade word before a lower-case or ordinary word
        "Le Groupe de travail sur les Technologies de l'information se réunit.",
        # a study by a person, in two words
        "A study conducted by John Smith found no issue.",
        # a slash between ordinary words
        "Input/Output ports are on each switch.",
        # a postal code, a ward number and a strategic goal's code are no models
        "Les offres sont reçues au bureau de Gatineau J8X 3X7.",
        "Ward 6 Alderman Wayne Allen served as mayor pro tem.",
        "Strategic Link: B6 – Optimize Use of Technology.",
        # a title before a one-word name of the list: a person
        "Trustee Michelle Harris asked about the budget.",
        "Mr. Harris seconded the motion.",
    ],
)
def test_names_no_list_knows_clean_twins(text):
    assert _brand_names(text, "fr" if "é" in text else "en") == []
