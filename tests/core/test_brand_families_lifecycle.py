"""The tenth round's catalogue family (issue 19; tests/corpus/README.md, "A tenth round, a
catalogue of products"): products a town's IT buys or runs, taken from the endoflife.date
catalogue (`lifecycle.json`), each with the maker's page that the catalogue's product file
names. Trigger sentences, clean twins for the contextual and cased names, and checks that
the family repeats no other family's name and cites its makers, not the catalogue."""

from __future__ import annotations

import json
from urllib.parse import urlparse

import pytest

from wizard.core.domain.brands import detect_brands
from wizard.core.paths import resource_path


def canon(text):
    return [m.canonical for m in detect_brands(text)]


def _family(name):
    return json.loads(resource_path("brands", "families", f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # operating systems, hypervisors
        (
            "The servers run openSUSE Leap and SUSE Linux Enterprise Server 15.",
            ["openSUSE", "SUSE Linux Enterprise Server"],
        ),
        ("The kiosks still run Windows Embedded Standard 7.", ["Windows Embedded"]),
        ("The old hosts moved from oVirt to XCP-ng.", ["oVirt", "XCP-ng"]),
        ("Containers are built on Alpine Linux; desktops run Linux Mint.", ["Alpine Linux", "Linux Mint"]),
        ("Developers use Fedora 40 workstations.", ["Fedora Linux"]),
        ("The engineers' laptops come from System76 with Pop OS.", ["System76", "Pop OS"]),
        # network and security
        ("The branch firewall is pfSense, the main one OPNsense.", ["pfSense", "OPNsense"]),
        ("The core switches run NX-OS 9.3 behind HAProxy.", ["Cisco NX-OS", "HAProxy"]),
        ("ISC DHCP will be replaced by Kea DHCP.", ["ISC DHCP", "ISC DHCP"]),
        ("Mail is relayed by Postfix and scanned by ClamAV.", ["Postfix", "ClamAV"]),
        ("Secrets are kept in HashiCorp Vault.", ["HashiCorp Vault"]),
        ("The web proxy is a Squid proxy on OpenBSD.", ["Squid", "OpenBSD"]),
        # storage, databases, tools, web
        ("Backups land on a TrueNAS SCALE box and a Netgear ReadyNAS.", ["TrueNAS", "Netgear ReadyNAS"]),
        ("Le service utilise Couchbase et Neo4j.", ["Couchbase Server", "Neo4j"]),
        ("Servers are configured with a Puppet agent and Ansible.", ["Puppet", "Ansible"]),
        ("Issues are tracked in Redmine and the code in GitLab.", ["Redmine", "GitLab"]),
        ("Le site de la ville tourne sous Contao, l'intranet sous MediaWiki.", ["Contao", "MediaWiki"]),
        ("The town runs a Mastodon instance for notices.", ["Mastodon"]),
        # devices
        ("Staff phones are Fairphone and Nokia handsets.", ["Fairphone", "Nokia"]),
        ("The sensors use Raspberry Pi boards with Intel Core processors.", ["Raspberry Pi", "Intel"]),
        ("The GIS workstation needs an NVIDIA Quadro card.", ["NVIDIA", "NVIDIA"]),
    ],
)
def test_catalogue_products_are_found(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # clean twins: the contextual and cased names as words
        "The intel from the police was shared with council.",
        "She wore a fedora to the council meeting.",
        "Children watched the puppet show at the library.",
        "A squid was found at the aquarium.",
        "A mastodon skeleton is shown at the museum.",
        "Mastodon bones were displayed in the lobby.",
        "The alpine linux course was cancelled.",
        "Windows embedded in the wall of the hall were replaced.",
        "A raspberry pie was served at the bake sale.",
        "Settlers could one day terraform Mars.",
        # lower case: Postfix, NVIDIA's lines and Visual COBOL are cased (review of the tenth round)
        "The calculator accepts addresses written in postfix form.",
        "The workstation needs a quadro or equivalent graphics card.",
        "A visual COBOL editor is not required.",
    ],
)
def test_clean_twins_stay_quiet(text):
    assert canon(text) == []


def test_each_entry_has_kind_category_and_a_dated_source():
    data = _family("lifecycle")
    assert len(data["entries"]) >= 50 and len(data["contextual"]) >= 5
    for entry in data["entries"] + data["contextual"]:
        assert entry["kind"] in {"vendor", "product", "reseller"}, entry["name"]
        assert entry["category"], entry["name"]
        assert entry["source"].startswith("http") and entry["source"].endswith("(checked 2026-12-07)")


def test_sources_are_the_makers_pages_named_by_the_catalogue():
    # the catalogue itself only where its product file names no page of the maker
    data = _family("lifecycle")
    on_catalogue = set()
    for entry in data["entries"] + data["contextual"]:
        host = (urlparse(entry["source"].split(" ", 1)[0]).hostname or "").lower()
        assert "wikipedia.org" not in host, entry["name"]
        assert "endoflife.date product file products/" in entry["source"], entry["name"]
        if host == "endoflife.date":
            on_catalogue.add(entry["name"])
    assert on_catalogue == {"ASUS"}
