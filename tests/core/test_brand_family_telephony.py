"""The telephony family of brand names: makers of the telephone exchanges that towns name
as their system in place (issue 19, seventh round, problem side)."""

from __future__ import annotations

import json

import pytest

from wizard.core.domain.brands import detect_brands
from wizard.core.paths import resource_path


def canon(text):
    return [m.canonical for m in detect_brands(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2001, the City embarked on a project to replace its aging ROLM telephone system.", ["ROLM"]),
        ("The exchange is a Siemens ROLM 9751 with RolmPhone 400 sets.", ["ROLM", "ROLM"]),
        ("A l'époque, nous avions retenu Alcatel pour les autocommutateurs.", ["Alcatel-Lucent"]),
        ("Nous avons installé 9 Alcatel OmniPCX.", ["Alcatel-Lucent"]),
        ("Le parc d'autocoms allait du JS au Matra.", ["Matra Communication"]),
    ],
)
def test_telephony_makers_are_found(text, expected):
    assert canon(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # clean twins: the same sentences with the kind of system, no maker
        "In 2001, the City embarked on a project to replace its aging telephone system.",
        "A l'époque, nous avions retenu un autocommutateur numérique.",
        "Le parc d'autocoms était très hétérogène.",
    ],
)
def test_sentences_without_a_maker_stay_quiet(text):
    assert canon(text) == []


def test_each_entry_has_a_dated_source():
    data = json.loads(resource_path("brands", "families", "telephony.json").read_text(encoding="utf-8"))
    for entry in data["entries"]:
        assert entry["kind"] == "vendor" and entry["category"] == "telephony"
        assert entry["source"].startswith("http") and "(checked 2026-12-07)" in entry["source"]
