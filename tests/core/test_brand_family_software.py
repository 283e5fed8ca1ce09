"""The software and resellers families of the brand list (issue 19, docs/cases.md K18, K34).

Requirement sentences shaped like those of real tenders and council reports name a
product, vendor or reseller of the family: each is found with its canonical name. Their
clean twins use the family's contextual words as ordinary words, places or people: no
brand is found there.
"""

from __future__ import annotations

import json
import re

import pytest

from wizard.core.checks.lint import detected_names, lint_text
from wizard.core.domain.brands import detect_brands, fold
from wizard.core.paths import resource_path

FAMILIES = ("software", "resellers")


def canon(text: str) -> list[str]:
    return [m.canonical for m in detect_brands(text)]


def family(name: str) -> dict:
    return json.loads(resource_path("brands", "families", f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The solution must run on IBM WebSphere Application Server 9.", ["IBM WebSphere"]),
        ("Reports shall be built in Cognos and published nightly.", ["IBM Cognos"]),
        ("The web tier shall use nginx as a reverse proxy.", ["NGINX"]),
        ("Mobile devices are enrolled in Intune and Jamf Pro.", ["Microsoft Intune", "Jamf"]),
        ("Devices are managed with AirWatch today.", ["VMware Workspace ONE"]),
        (
            "Inbound mail passes through Proofpoint before Exchange Online.",
            ["Proofpoint", "Microsoft Exchange"],
        ),
        ("Renew the Mimecast subscription for 250 mailboxes.", ["Mimecast"]),
        ("Backups are written by Veeam to a Backup Exec media server.", ["Veeam", "Veritas Technologies"]),
        ("The website runs on Drupal 10 hosted by Acquia.", ["Drupal", "Acquia"]),
        ("Staff complete the survey in SurveyMonkey.", ["SurveyMonkey"]),
        ("Contracts are signed with OneSpan Sign.", ["OneSpan Sign"]),
        ("Drawings are exchanged in SketchUp and AutoCAD format.", ["SketchUp", "Autodesk"]),
        ("Purchase 40 licences through SHI International.", ["SHI International"]),
        ("Quote received from Insight Canada for the laptops.", ["Insight Enterprises"]),
        ("Intuit Quicken files must be imported.", ["Quicken"]),
        ("Docker containers host the portal.", ["Docker"]),
        ("The GIS server runs Solaris 10.", ["Oracle Solaris"]),
        ("Meyers Norris Penny (MNP) LLP conducted the review.", ["MNP LLP", "MNP LLP"]),
        # French
        ("La solution doit s'intégrer à Microsoft Sentinel.", ["Microsoft Sentinel"]),
        ("Les formulaires sont signés avec ConsignO Cloud de Notarius.", ["Notarius", "Notarius"]),
        ("Le mandat est confié à Raymond Chabot Grant Thornton.", ["Raymond Chabot Grant Thornton"]),
        ("Les postes sont fournis par Micro Logic.", ["Micro Logic"]),
        ("L'analyse a été réalisée par Levio et Alithya.", ["Levio", "Alithya"]),
        ("Le lien Internet est offert par Télébec ou Sogetel.", ["Télébec", "Sogetel"]),
        ("Le site de la Ville est construit sous WordPress.", ["WordPress"]),
        ("La paie est traitée dans Nethris puis exportée vers Prophix.", ["Nethris", "Prophix"]),
    ],
)
def test_family_names_are_found_with_their_canonical_name(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("The system must export reports to Crystal Reports and Cognos.", "en", "Cognos"),
        ("Le soumissionnaire doit fournir des licences Bitwarden.", "fr", "Bitwarden"),
    ],
)
def test_a_family_name_in_a_criterion_is_a_brand_error(text, lang, name):
    findings = [f for f in lint_text("criterion", text, lang) if f.code == "C-BRAND"]
    assert any(name in detected_names(f) for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        "The report gives insight into permit volumes across departments.",
        "Staff gained new insight from the survey results.",
        "The Presidio County purchasing office issued the notice.",
        "The vendor shall entrust the backup media to a bonded courier.",
        "Staff will quicken the approval of permits.",
        "Avast, the ship turned toward the harbour.",
        "Le docker du port de Montréal a redis la consigne.",
        "Une huntress du club de chasse a signalé la présence d'ours.",
        "The BlackBerry bushes along the trail will be cut back.",
        "Penny Lane and Norris Street are closed for paving.",
        "L'employeur d'un salarié demeure responsable de la paie.",
        "Arctic wolf sightings were reported near the park.",
        "The contract has a long view of asset renewal.",
        "The Sum Total of each price form is carried to the summary.",
        "The Zone Alarm Panel of the arena reports to the fire hall.",
        "Summer campers meet at the Base Camp Lodge.",
        "The Solaris condo project was approved by council.",
        "The system shall detect abnormal security events.",
        "Each PC connection shall be wired to the switch.",
        "Staff value clear and cogent communications with residents.",
        "The office is located at 100 N. Central Ave.",
    ],
)
def test_contextual_words_used_as_ordinary_words_are_quiet(text):
    assert canon(text) == []


def test_family_one_word_names_are_not_ordinary_words():
    """K34: a one-word name or alias of an entry is never an ordinary word of procurement
    writing (those go to 'contextual')."""
    ordinary = {
        line.strip()
        for line in resource_path("brands", "ordinary_words.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    offenders = []
    for name in FAMILIES:
        for entry in family(name)["entries"]:
            for phrase in [entry["name"], *entry["aliases"]]:
                words = re.findall(r"\w+", phrase)
                if len(words) == 1 and fold(words[0]) in ordinary:
                    offenders.append(phrase)
    assert offenders == []


@pytest.mark.parametrize("name", FAMILIES)
def test_family_entries_have_a_checked_source_and_a_kind(name):
    data = family(name)
    assert data["about"].strip()
    for entry in [*data["entries"], *data["contextual"]]:
        assert entry["kind"] in {"vendor", "product", "reseller"}, entry["name"]
        assert re.match(r"https?://\S+ \(checked 2026-12-06\)", entry["source"]), entry["name"]
    for entry in data["entries"]:
        assert entry["category"], entry["name"]
