"""The ninth round's second brand list (issue 19): model lines and model numbers of
computers, storage, network, radio, UPS and copier hardware (`model_lines.json`) and the
enterprise software a town buys (`enterprise_it.json`), chosen by category from public
pages; each family with trigger sentences and, for names that are also ordinary words,
clean twins (tests/corpus/README.md, "A ninth round, brand data (second list)")."""

from __future__ import annotations

import json

import pytest

from wizard.core.domain.brands import detect_brands
from wizard.core.paths import resource_path

FAMILIES = ("model_lines", "enterprise_it")


def canon(text):
    return [m.canonical for m in detect_brands(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # model lines: computers
        ("Staff laptops are Dell Vostro and Inspiron models.", ["Dell Vostro", "Dell Inspiron"]),
        ("GIS staff need Dell Precision workstations.", ["Dell Precision"]),
        ("The clerks use HP EliteDesk 800 desktops.", ["HP EliteDesk"]),
        ("Engineering will receive two HP OmniBook laptops.", ["HP OmniBook"]),
        ("The patrol cars carry Durabook S14i laptops.", ["Durabook"]),
        # storage and backup
        ("Backups are written to an HPE StoreOnce appliance.", ["HPE StoreOnce"]),
        ("The SAN is a Dell EqualLogic PS6510X pair.", ["Dell EqualLogic", "Dell EqualLogic"]),
        ("Files moved from Isilon to PowerStore.", ["EMC Isilon", "Dell PowerStore"]),
        # network and firewalls
        ("The branch router is a Ubiquiti EdgeRouter X.", ["Ubiquiti"]),
        ("Replace the PA-3440 pair and the SonicWall NSA 4700.", ["Palo Alto PA-3400", "SonicWall NSA"]),
        ("Guest access is enforced by ClearPass Policy Manager.", ["Aruba ClearPass"]),
        (
            "Purchase of Fortinet firewalls from Compuquip Technologies.",
            ["Fortinet", "Compuquip Technologies"],
        ),
        # radios, cameras, UPS, copiers
        ("Officers will carry APX 7000 portables on the ASTRO 25 system.", ["Motorola APX 7000", "ASTRO 25"]),
        ("The lobby has two Mobotix cameras.", ["Mobotix"]),
        ("The server room runs on an Eaton 9PX.", ["Eaton"]),
        (
            "Engineering prints plans on an HP DesignJet and a bizhub.",
            ["HP DesignJet", "Konica Minolta bizhub"],
        ),
        ("A lease with OfficeTECH/Xerox for ten copiers.", ["OfficeTECH", "Xerox"]),
        ("The clerk's office has a VersaLink C405 and a TASKalfa.", ["Xerox VersaLink", "Kyocera TASKalfa"]),
        ("Fire crews carry Tait Communications P25 portables.", ["Tait Communications"]),
        (
            "Deputies carry Kenwood NX-5000 portables and two BKR5000.",
            ["BK Technologies BKR"],
        ),
        (
            "The firewall is a Sophos XGS; the UPS a CyberPower CP685AVR.",
            ["Sophos XG Firewall", "CyberPower", "CyberPower"],
        ),
        ("The yard cameras are Lorex, the lobby ones Axis ARTPEC-9.", ["Lorex", "Axis ARTPEC"]),
    ],
)
def test_model_lines_are_found(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Passwords are kept in KeePass; the helpdesk uses Dashlane.", ["KeePass", "Dashlane"]),
        ("Les techniciens utilisent Devolutions Remote Desktop Manager.", ["Devolutions"]),
        ("Remote support through Splashtop replaced UltraVNC.", ["Splashtop", "UltraVNC"]),
        ("The iPads are managed in Kandji, the Macs in Mosyle.", ["Kandji", "Mosyle"]),
        ("Tickets move from Request Tracker to Zammad.", ["Request Tracker", "Zammad"]),
        ("La formation des employés se fait sur Chamilo.", ["Chamilo"]),
        ("Servers report to Datadog and logs go to Graylog.", ["Datadog", "Graylog"]),
        ("The permit desk tracks contacts in SugarCRM.", ["SugarCRM"]),
        ("The website loads the UserWay and accessiBe widgets.", ["UserWay", "accessiBe"]),
        ("Card payments are processed by Elavon or Chase Paymentech.", ["Elavon", "Chase Paymentech"]),
        ("Payroll moved to Rippling in 2024.", ["Rippling"]),
        ("Les congés sont gérés dans le logiciel Lucca et la paie dans PayFit.", ["Lucca", "PayFit"]),
        ("Field crews fill KoboToolbox forms; the site runs on Strapi.", ["KoboToolbox", "Strapi"]),
        (
            "Le parc est inventorié par OCS Inventory et supervisé par Pandora FMS.",
            ["OCS Inventory", "Pandora FMS"],
        ),
        ("Staff moved from RoboForm to NordPass.", ["RoboForm", "NordPass"]),
        (
            "Les iPhone sont gérés dans MaaS360 et les contrats signés avec Universign.",
            ["Apple", "IBM MaaS360", "Universign"],
        ),
    ],
)
def test_enterprise_software_is_found(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # clean twins: the same words as words (cased names, lines listed with their maker)
        "The survey needs precision workstations for the crews.",
        "A third dimension was added to the map.",
        "Stream the council meeting on the city's channel.",
        "The pavilion in the park will be rebuilt.",
        "Staff practised yoga at the wellness fair.",
        "The rippling water damaged the dock.",
        "The devolutions of power to the regions continue.",
        "Collect first data from the meters before the audit.",
        "Global payments to vendors rose this year.",
        "The new relic was returned to the museum.",
        "Each level access ramp was inspected.",
        "Send a request tracker link to residents.",
        "Open the chrome remote desktop session for the clerk.",
        "The office tech team moved to the second floor.",
        "We see a benchmark business solutions case study every year.",
        "La ville de Lucca est jumelée avec une commune toscane.",
        "The officer set his phaser to stun in the old series.",
        "Mr. Tait asked about the radio budget.",
        "Pandora opened the box in the old story.",
        "Proton pass rates rose in the physics lab.",
    ],
)
def test_clean_twins_stay_quiet(text):
    assert canon(text) == []


@pytest.mark.parametrize("family", FAMILIES)
def test_each_entry_has_kind_category_and_a_dated_source(family):
    data = json.loads(resource_path("brands", "families", f"{family}.json").read_text(encoding="utf-8"))
    assert data["entries"]
    for entry in data["entries"]:
        assert entry["kind"] in {"vendor", "product", "reseller"}
        assert entry["category"]
        assert entry["source"].startswith("http") and entry["source"].endswith("(checked 2026-12-07)")
