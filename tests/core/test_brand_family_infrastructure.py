"""The infrastructure family of brand names (issue 19, deliver 2; docs/cases.md K18, K34).

``resources/brands/families/infrastructure.json``: hardware vendors and their product
lines (network, servers, storage, power, printing, telephony, meeting-room AV, CCTV and
access control, SCADA, radios, traffic and fleet GPS). Names that are also ordinary words,
places or surnames are contextual: a clean twin shows each one left alone.
"""

from __future__ import annotations

import json

import pytest

from wizard.core.checks.lint import detected_names, lint_text
from wizard.core.domain.brands import detect_brands, fold, load_list
from wizard.core.paths import resource_path


def canon(text):
    return [m.canonical for m in detect_brands(text)]


def family():
    return json.loads(resource_path("brands", "families", "infrastructure.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The firewall shall be a Cisco ASA 5516-X or a Firepower 2130.",
            ["Cisco ASA", "Cisco Firepower"],
        ),
        (
            "en",
            "Servers shall be Dell PowerEdge R750 or HPE ProLiant DL380 Gen11.",
            ["Dell PowerEdge", "HPE ProLiant"],
        ),
        (
            "fr",
            "Les postes seront des Dell Latitude 5440 et des OptiPlex 7010.",
            ["Dell Latitude", "Dell OptiPlex"],
        ),
        ("en", "The UPS shall be an Eaton 9PX or an APC Smart-UPS.", ["Eaton", "APC Smart-UPS"]),
        (
            "fr",
            "La gestion des impressions se fera par PaperCut MF sur les copieurs Sharp MX.",
            ["PaperCut", "Sharp"],
        ),
        ("fr", "Les caméras Hikvision et Dahua seront remplacées.", ["Hikvision", "Dahua"]),
        (
            "en",
            "Card readers shall report to Lenel OnGuard or Gallagher Command Centre.",
            ["LenelS2", "Gallagher Security"],
        ),
        (
            "en",
            "The SCADA runs ClearSCADA with CompactLogix PLCs at each lift station.",
            ["ClearSCADA", "CompactLogix"],
        ),
        (
            "fr",
            "Les véhicules utilisent des boîtiers Geotab GO et des routeurs Cradlepoint.",
            ["Geotab", "Cradlepoint"],
        ),
        (
            "en",
            "Each room has Crestron Flex, a Logitech Rally Bar and a Barco ClickShare.",
            ["Crestron", "Logitech", "Barco ClickShare"],
        ),
        ("en", "Firefighters carry Motorola APX 8000 radios.", ["Motorola APX"]),
        (
            "fr",
            "Les contrôleurs de feux Econolite et la détection Wavetronix sont en place.",
            ["Econolite", "Wavetronix"],
        ),
        (
            "en",
            "Core switches are Juniper EX4300 behind FortiGate and FortiSwitch units.",
            ["Juniper", "Juniper EX Series", "Fortinet", "FortiSwitch"],
        ),
        ("fr", "Les imprimantes Brother HL et le photocopieur Canon imagePROGRAF.", ["Brother", "Canon"]),
        ("en", "Storage is a Synology DiskStation replicating to a QNAP.", ["Synology", "QNAP"]),
        (
            "en",
            "Wireless uses Ruckus access points and Cisco Nexus 9300 switches.",
            ["Ruckus Networks", "Cisco Nexus"],
        ),
    ],
)
def test_infrastructure_names_are_found_with_their_canonical_name(lang, text, expected):
    assert canon(text) == expected
    (finding,) = [f for f in lint_text("criterion", text, lang) if f.code == "C-BRAND"]
    assert finding.severity.value == "error"
    assert len(detected_names(finding)) == len(expected)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The solution shall record the latitude and longitude of each hydrant."),
        ("en", "Latitude and longitude shall be stored in decimal degrees."),
        ("fr", "La solution doit enregistrer la latitude et la longitude de chaque borne-fontaine."),
        ("en", "A sharp increase in calls shall not slow the dispatch screen."),
        ("en", "Councillor Sharp asked staff to report on the canon of good practice."),
        ("fr", "Le conseiller Sharp a demandé un rapport; le canon de la place est restauré."),
        ("en", "The solution shall serve the residents of Eaton and of Brother Lake."),
        ("en", "The recreation centre is a nexus of community services."),
        ("en", "No ruckus in the council chambers, whose brocade curtains stay."),
        ("en", "Gallagher and Smith attended the committee meeting."),
        ("en", "The ASA test results shall be recorded in the laboratory system."),
        ("en", "Staff shall Click Share to publish the agenda."),
        ("en", "The annual firepower of the budget was discussed."),
        ("en", "A zebra crossing shall be painted on Zebra Lake Road."),
        ("en", "The ISR report was filed with the clerk."),
    ],
)
def test_contextual_infrastructure_words_are_left_alone_as_ordinary_words(lang, text):
    assert canon(text) == []
    assert lint_text("criterion", text, lang) == []


def test_a_camel_cased_product_outside_the_list_is_still_a_warning():
    (finding,) = lint_text("criterion", "Each room shall have a ClickShare unit.", "en")
    assert (finding.code, finding.severity.value, detected_names(finding)) == (
        "C-POSSIBLE-BRAND",
        "warning",
        ["ClickShare"],
    )


def test_every_infrastructure_entry_is_sourced_and_unique_in_the_whole_list():
    data = family()
    assert len(data["entries"]) >= 100
    for entry in [*data["entries"], *data["contextual"]]:
        assert entry["kind"] in {"vendor", "product", "reseller"}, entry["name"]
        assert entry["category"], entry["name"]
        assert entry["source"].startswith("http"), entry["name"]
        assert entry["source"].endswith(("(checked 2026-12-06)", "(checked 2026-12-07)")), entry["name"]
    whole = load_list()
    names = [e["name"] for e in whole["entries"]]
    assert len(names) == len(set(names))
    # an alias of this family never names another entry of the list
    owner = {}
    for entry in whole["entries"]:
        for phrase in [entry["name"], *entry.get("aliases", [])]:
            owner.setdefault(fold(phrase), set()).add(entry["name"])
    mine = {e["name"] for e in data["entries"]}
    assert [p for p, o in owner.items() if len(o) > 1 and o & mine] == []


def test_contextual_infrastructure_words_are_ordinary_words_or_names():
    words = {fold(w) for c in family()["contextual"] for w in c["words"]}
    assert {"sharp", "canon", "brother", "eaton", "latitude", "ruckus", "gallagher"} <= words
