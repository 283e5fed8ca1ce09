"""The tenth round's council-purchase family (issue 19): what US and Canadian council staff
reports buy for IT, chosen by category from public records and vendors' pages, each name with
a trigger sentence and, for names made of ordinary words, places or people, a clean twin
(tests/corpus/README.md, "A tenth round, council purchases")."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from wizard.core.domain.brands import detect_brands
from wizard.core.paths import resource_path

FAMILY = "council_purchases"


def canon(text):
    return [m.canonical for m in detect_brands(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # council-chamber audio-visual and broadcast
        (
            "Staff contracted with AVI Systems and Avidex Industries for the chamber upgrade.",
            ["AVI Systems", "Avidex Industries"],
        ),
        (
            "The microphones are a Televic G4 system from Soundbox Productions.",
            ["Televic", "Soundbox Productions"],
        ),
        (
            "Balaklava Audio, Pacific Audio Works and PA Shop quoted the chamber.",
            ["Balaklava Audio", "Pacific Audio Works", "PA Shop"],
        ),
        (
            "Sound Incorporated, Coda Technology Group and ELB US bid on the chamber.",
            ["Sound Incorporated", "Coda Technology Group", "ELB US"],
        ),
        (
            "PEG playback uses a Tightrope Cablecast and an old Leightronix unit.",
            ["Tightrope Media Systems", "Leightronix"],
        ),
        ("Meetings stream through an AJA HELO encoder and Dacast.", ["AJA HELO", "Dacast"]),
        # agenda, website, payments
        ("Agendas are built in AgendaQuick from Destiny Software.", ["AgendaQuick", "Destiny Software"]),
        (
            "The site moved from GovOffice to the Government Experience Cloud.",
            ["GovOffice", "Government Experience Cloud"],
        ),
        ("Meetings are managed in govMeetings.", ["govMeetings"]),
        (
            "Utility bills are paid through Xpress Bill Pay, Point & Pay or ETS Corp.",
            ["Xpress Bill Pay", "Point & Pay", "ETS Corp"],
        ),
        ("E-statements come from Billing Document Specialists.", ["Billing Document Specialists"]),
        # video surveillance, access control, alarms
        (
            "Cameras run on the Milestone Video Management System installed by Securadyne Systems.",
            ["Milestone", "Securadyne Systems"],
        ),
        ("The city signed a contract with Milestone for the cameras.", ["Milestone"]),
        (
            "Convergint Technologies and Post Alarm Systems installed the access control.",
            ["Convergint Technologies", "Post Alarm Systems"],
        ),
        (
            "Bulldog Fire and Security and Terracom Systems installed the CCTV.",
            ["Bulldog Fire and Security", "Terracom Systems"],
        ),
        (
            "Norshore Alarm monitors the panels; keys sit in Traka cabinets.",
            ["Norshore Alarm", "Traka"],
        ),
        ("False alarms are billed through CryWolf.", ["CryWolf"]),
        # managed security, e-mail, remote access
        (
            "Managed SIEM by STN Incorporated, then Redhawk Network Security.",
            ["STN Incorporated", "Redhawk Network Security"],
        ),
        (
            "QCM Technologies runs LogRhythm TruSOC; Mosaic451 watches the network.",
            ["QCM Technologies", "LogRhythm TruSOC", "Mosaic451"],
        ),
        ("Spam was filtered by Postini; remote staff use NetMotion.", ["Postini", "NetMotion"]),
        ("ThreatLocker blocks unknown software.", ["ThreatLocker"]),
        # power, network resellers, cabling
        (
            "Replace the Smart-UPS 2200XL, install PowerChute, and call Critical Uptime Services.",
            ["Smart-UPS", "PowerChute", "Critical Uptime Services"],
        ),
        (
            "Switches came from Chickasaw Telecom and Rhino Networks with Cisco Smartnet.",
            ["Chickasaw Telecom", "Rhino Networks", "Cisco Smartnet"],
        ),
        (
            "Graybar Electric, Tel Tech Networks and BPG Technologies supplied cabling.",
            ["Graybar Electric", "Tel Tech Networks", "BPG Technologies"],
        ),
        # fleet, in-car video, copiers, staffing
        (
            "Fleet tracking uses Synovia Solutions; EnVue Telematics installs Surfsight cameras.",
            ["Synovia Solutions", "EnVue Telematics", "Surfsight"],
        ),
        ("In-car video from COBAN and L3 Mobile-Vision.", ["COBAN", "L3 Mobile-Vision"]),
        (
            "Copiers came from Copytron and Ray Morgan Company, leased from Leasource Financial Services.",
            ["Copytron", "Ray Morgan Company", "Leasource Financial Services"],
        ),
        (
            "Temporary staff come from Robert Half Technology, Kforce and LaSalle Staffing.",
            ["Robert Half Technology", "Kforce", "LaSalle Staffing"],
        ),
        # second search round: alerts, phones, records, mail, wireless, licensing, engagement
        (
            "Alerts go out through Hyper-Reach from Ashergroup; TDS Telecom quoted the phones.",
            ["Hyper-Reach", "Ashergroup", "TDS Telecom"],
        ),
        (
            "Records were scanned by Scanning America; MCCi sold the WebLink module.",
            ["Scanning America", "MCCi"],
        ),
        (
            "Mail goes through a Relay 4000 leased from MailFinance; the Neopost meter came via Postal Source.",
            ["Relay 4000", "MailFinance", "Neopost", "Postal Source"],
        ),
        (
            "Tropos and Firetide mesh radios; Crayon Software Experts resold the licences.",
            ["Tropos", "Firetide", "Crayon Software Experts"],
        ),
        (
            "Councillors read All-Net Meetings and iLegislate; residents use Social Pinpoint and CitizenLab.",
            ["All-Net Meetings", "iLegislate", "Social Pinpoint", "CitizenLab"],
        ),
        (
            "Court payments go through CitePayUSA, nCourt and Government Payment Service.",
            ["CitePayUSA", "nCourt", "Government Payment Service"],
        ),
        (
            "Bids came from Teletron, Hackett Security and Electric Unlimited; Pace Systems maintains the cameras.",
            ["Teletron", "Hackett Security", "Electric Unlimited", "Pace Systems"],
        ),
        (
            "ERS Wireless won after Koorsen Fire and Security was rejected.",
            ["ERS Wireless", "Koorsen Fire and Security"],
        ),
        (
            "AVI-SPL, Dascom Systems Group and Hoffman Video Systems installed chamber systems.",
            ["AVI-SPL", "Dascom Systems Group", "Hoffman Video Systems"],
        ),
        (
            "Tevora Business Solutions and CyberDefenses assessed the network.",
            ["Tevora Business Solutions", "CyberDefenses"],
        ),
        (
            "Utility billing ran on SCT Banner; Flock Group Inc. leased the plate readers.",
            ["SCT Utility Systems", "Flock Group"],
        ),
        (
            "Coast Business Communications rewired the chamber; Capco Telecom and Gudenkauf Corporation laid fiber.",
            ["Coast Business Communications", "Capco Telecom", "Gudenkauf Corporation"],
        ),
    ],
)
def test_names_of_the_council_purchases_family_are_found(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # clean twins: the same words as words, places or people
        "The project reached a milestone; video of it was posted.",
        "Milestone dates are listed in the schedule.",
        "We will cablecast the meetings on channel 13.",
        "The alarm should not cry wolf every night.",
        "Keep the agenda quick and the meeting short.",
        "Point and pay at the kiosk.",
        "The sound incorporated in the recording was clear.",
        "Critical uptime services must be described by the bidder.",
        "A lucent screen is required.",
        "The data defenders of the city met.",
        "Vision internet access for all residents.",
        "The PA shop in town sells speakers.",
        "The rhino networks of the reserve were mapped.",
        "Mr. Robert Half chaired the meeting.",
        "The ray morgan company of actors performed.",
        "A bulldog guarded the fire hall.",
        "The relay of 4000 messages took an hour.",
        "A mail finance officer reviewed the budget.",
        "The government payment service must accept cards.",
        "Electric unlimited power is not available.",
        "The pace systems of change are slow.",
        "The social pinpoint of the map was wrong.",
        "A full court press by staff.",
        "A flock group of birds crossed the road.",
        "The magic wave productions of the band were loud.",
        # ordinary phrases in lower case: these names are cased (review of the tenth round)
        "All net proceeds go to the library fund.",
        "The system offers mobile vision for field crews.",
        "Provide a smart UPS with a network management card.",
        "The hyper-reach of the new antenna covers the township.",
    ],
)
def test_clean_twins_stay_quiet(text):
    assert canon(text) == []


def test_each_entry_has_kind_category_and_a_dated_record_or_maker_page():
    data = json.loads(resource_path("brands", "families", f"{FAMILY}.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) >= 80
    for entry in [*data["entries"], *data["contextual"]]:
        assert entry["kind"] in {"vendor", "product", "reseller"}
        assert entry["category"]
        source = entry["source"]
        assert source.startswith("http") and source.endswith("(checked 2026-12-07)")
        host = urlparse(source.split()[0]).hostname or ""
        # no PDF mirror, aggregator or AI summary of a meeting (the review's refused hosts)
        assert not any(
            bad in host for bad in ("scribd", "docplayer", "pdfslide", "docslib", "citizenportal")
        ), host
    for entry in data["entries"]:
        if entry.get("cased"):
            # a cased name has each of its words with a capital (resources/brands/README.md)
            for phrase in [entry["name"], *entry["aliases"]]:
                assert all(not w[0].isalpha() or w[0].isupper() for w in phrase.replace("-", " ").split()), (
                    phrase
                )


def test_every_name_of_the_family_detects_itself():
    # written as the name, an alias finds its entry ("Bellefeuil, Szur & Associates" with its
    # comma did not: a comma is not a separator inside a name, so the entry drops it)
    data = json.loads(resource_path("brands", "families", f"{FAMILY}.json").read_text(encoding="utf-8"))
    for entry in data["entries"]:
        for phrase in [entry["name"], *entry["aliases"]]:
            assert canon(f"The city uses {phrase} here.") == [entry["name"]], phrase
